"""Three-way merge of project data (base, ours, theirs): record by record, field by field.

Records are matched by their identity (`RECORD_KEYS`: id, question + session, gap + practice).
A field changed on one side only takes that change; lists of ids and texts take both sides'
additions and removals; the session clock's counters add both sides' time. Records added on
both sides are all kept: when both created the same id for different records, theirs (the
incoming side) is renumbered and every reference to it on that side follows. Retired ids (ids of
deleted records, never given out again) are the two sides' together. Whatever is left,
the same field changed differently, a record deleted on one side and edited on the other, or a
deleted record the other side still points at, is a `Conflict`, settled by a `Choose` policy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from workbench.model.project import next_id
from workbench.store.merge_renames import (
    Renames,
    found_moves,
    kept_renames,
    moved_back,
    real_id,
    renamed_past_telling,
    with_ids,
)
from workbench.store.references import ID_SECTIONS, Reference, drop_references, pointing_at, rename_id
from workbench.store.serialize import RECORD_KEYS, record_label

Data = dict[str, Any]
Side = Literal["ours", "theirs"]
Path = tuple[str, ...]
"""Where a conflict is: ("gaps", "G-003", "title"), ("answers", "q@s"), ("project", "name")."""


@dataclass(frozen=True)
class Typed:
    """A conflict on a text settled with a text of the person's own (both kept, or written anew)."""

    value: str


Choice = Side | Typed
Choose = Callable[[Path], Choice | None]
"""Which side wins a conflict at a path (or the text to use); None leaves it a conflict."""

COUNTERS = ("elapsed_seconds", "area_seconds")
"""Session-clock fields, time spent: never a conflict. Both sides' time adds up (ours + theirs -
base), never less than either side's, per session and per area; a clock one side lacks counts as
zero (`_clock`)."""


class _Absent:
    """A key or record one side does not have."""

    def __repr__(self) -> str:
        return "(absent)"

    def __bool__(self) -> bool:
        return False


ABSENT: Any = _Absent()


@dataclass(frozen=True)
class Conflict:
    """Both sides changed the same thing differently. `ABSENT` stands for deleted or unset.
    `merge_words` says it in a person's words."""

    path: Path
    base: Any
    ours: Any
    theirs: Any
    note: str = ""
    """Why it is a conflict, when it is not about values (the merged file would not pass check)."""
    deleted_by: Side | None = None
    """The side that deleted the record (the other edited it, or still points at it)."""
    used_by: tuple[tuple[str, str], ...] = ()
    """(section, label) of each record that still points at the record `deleted_by` deleted."""
    settles: tuple[Conflict, ...] = ()
    """A record renamed differently on both sides (a conflict on its id): its fields both sides
    also changed differently, settled with the id (the side kept gives its id and its values)."""

    @property
    def where(self) -> str:
        """The path as written in the data: `gaps G-003 title`."""
        return " ".join(self.path)


@dataclass
class DataMerge:
    """The merged data, what is still in conflict, and the ids renumbered on theirs' side."""

    data: Data
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: list[tuple[str, str, str]] = field(default_factory=list)
    """(section, old id, new id) for each of theirs' records given a fresh id."""
    theirs: Data = field(default_factory=dict)
    """Theirs' data after renumbering (what was merged)."""
    made_room: list[tuple[Side, str, str, str]] = field(default_factory=list)
    """(side, section, old id, new id) for each record given a fresh id because the other side's
    renumbering of a record both have gave that record its id (see `_making_room`)."""


def by_label(section: str, records: Iterable[Any]) -> dict[str, Any]:
    """Records of a section keyed by label, in order (the first wins a duplicate)."""
    out: dict[str, Any] = {}
    for record in records:
        out.setdefault(record_label(section, record), record)
    return out


def always(side: Side) -> Choose:
    """A policy that settles every conflict for one side."""
    return lambda _path: side


def ask_nobody(_path: Path) -> Side | None:
    """A policy that settles nothing: every conflict is reported."""
    return None


def retired_ids(ours: Any, theirs: Any) -> list[str]:
    """Both sides' retired ids, ours first: a retirement on either side survives the merge (a
    side without the key has none)."""
    lists = [side if isinstance(side, list) else [] for side in (ours, theirs)]
    return list(dict.fromkeys(str(i) for i in [*lists[0], *lists[1]]))


def fresh_id(old: str, used: set[str]) -> str:
    """The next free id in the style of `old` (`G-009` → `G-012` when 10 and 11 are taken)."""
    found = re.match(r"^(.*?)(\d+)$", old)
    if found:
        return next_id(found.group(1), used, width=len(found.group(2)))
    return next_id(old + "-", used, width=1)


def _collisions(base: Data, ours: Data, theirs: Data) -> bool:
    for section in ID_SECTIONS:
        base_ids = {r.get("id") for r in base.get(section, [])}
        ours_ids = {r.get("id") for r in ours.get(section, [])} - base_ids
        if any(r.get("id") in ours_ids for r in theirs.get(section, [])):
            return True
    return False


def renumber_collisions(base: Data, ours: Data, theirs: Data, *also: Data) -> list[tuple[str, str, str]]:
    """Give theirs' records a fresh id where both sides created the same id for different records.

    Changes `theirs` in place (its records; their lists are replaced, never changed); references
    to a renumbered record on theirs' side follow it. A fresh id is free in `also` too (the sides
    as written, whose renamed records get their new ids back after the merge), and a record
    displaced on both sides (a new one under the id of one both renamed) is renumbered from the
    id a person knows, never from its stand-in (`merge_renames.placeholder`).
    """
    renamed: list[tuple[str, str, str]] = []
    for section in ID_SECTIONS:
        base_ids = {r.get("id") for r in base.get(section, [])}
        ours_by_id = {r.get("id"): r for r in ours.get(section, [])}
        used = {real_id(str(r.get("id"))) for data in (theirs, *also) for r in data.get(section, [])}
        used |= {real_id(str(i)) for i in base_ids | set(ours_by_id)}
        used |= {str(i) for data in (base, ours, theirs, *also) for i in data.get("retired_ids", [])}
        for record in list(theirs.get(section, [])):
            old = record.get("id")
            if old in ours_by_id and old not in base_ids and ours_by_id[old] != record:
                new = fresh_id(real_id(str(old)), used)
                used.add(new)
                rename_id(theirs, section, str(old), new)
                renamed.append((section, real_id(str(old)), new))
    return renamed


def merge_data(
    base: Data, ours: Data, theirs: Data, choose: Choose = ask_nobody, drop_links: bool = True
) -> DataMerge:
    """Merge two edited versions of a project's data against the version both started from.
    `drop_links` False leaves the links to a record deleted on the side chosen for it (the
    markers go around that record only, not around the records that point at it too)."""
    written = (ours, theirs)
    found_ours, ours_moved = found_moves(base, ours)
    found_theirs, theirs_moved = found_moves(base, theirs)
    more_ours, more_theirs = renamed_past_telling(base, ours, theirs, found_ours, found_theirs)
    found_ours, found_theirs = {**found_ours, **more_ours}, {**found_theirs, **more_theirs}
    ours_renames = kept_renames(found_ours, theirs, found_theirs)
    theirs_renames = kept_renames(found_theirs, ours, found_ours)
    ours = moved_back(ours, ours_renames, ours_moved)
    theirs = moved_back(theirs, theirs_renames, theirs_moved)
    if _collisions(base, ours, theirs):
        theirs = {k: [dict(r) for r in v] if k in RECORD_KEYS else v for k, v in theirs.items()}
        renumbered = renumber_collisions(base, ours, theirs, *written)
    else:
        renumbered = []
    merger = _Merger(choose, drop_links)
    merger.two_ways = {
        key: (new, theirs_renames[key])
        for key, new in ours_renames.items()
        if key in theirs_renames and theirs_renames[key] != new
    }
    data: Data = {}
    for key in [*ours, *(k for k in theirs if k not in ours)]:
        b, o, t = base.get(key, ABSENT), ours.get(key, ABSENT), theirs.get(key, ABSENT)
        if key in RECORD_KEYS:
            records = merger.records(key, b or [], o or [], t or [])
            if records:
                data[key] = records
        elif key == "retired_ids":
            data[key] = retired_ids(o, t)  # records in use again leave it below
        else:
            value = merger.value((key,), b, o, t)
            if value is not ABSENT:
                data[key] = value
    merger.settle_deletions(data, base)
    if "retired_ids" in data:
        in_use = {str(r.get("id")) for section in ID_SECTIONS for r in data.get(section, [])}
        data["retired_ids"] = [i for i in data["retired_ids"] if i not in in_use]
        if not data["retired_ids"]:
            del data["retired_ids"]
    for key in [k for k in RECORD_KEYS if k in data and not data[k]]:
        del data[key]
    ids = merger.renamed_ids(ours_renames, theirs_renames)
    ids += [(s, held, old) for moved in (ours_moved, theirs_moved) for (s, old), held in moved.items()]
    making_room = _making_room(data, ids)
    data = with_ids(data, making_room)
    sides: list[tuple[Side, str, str, str]] = [
        ("ours" if any(r.get("id") == old for r in ours.get(s, [])) else "theirs", s, old, new)
        for s, old, new in making_room
    ]
    return DataMerge(with_ids(data, ids), merger.conflicts, renumbered, with_ids(theirs, ids), sides)


def _making_room(data: Data, ids: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Fresh ids for the records that hold an id a renamed record is given back: a record one
    side added under the id the other side's renumbering gave a record both have (`H-e2-02`
    added on a branch after the merge driver made its `H-e2-01` an `H-e2-02` on main)."""
    out: list[tuple[str, str, str]] = []
    for section in {s for s, _, _ in ids}:
        leaving = {old for s, old, _ in ids if s == section}
        arriving = {new for s, _, new in ids if s == section}
        held = {str(r.get("id")) for r in data.get(section, [])}
        used = held | arriving | set(data.get("retired_ids", []))
        for record_id in sorted(held & arriving - leaving):
            new = fresh_id(record_id, used)
            used.add(new)
            out.append((section, record_id, new))
    return out


@dataclass
class _Deletion:
    section: str
    label: str
    base: Any
    ours: Any
    theirs: Any


class _Merger:
    def __init__(self, choose: Choose, drop_links: bool = True) -> None:
        self.choose = choose
        self.drop_links = drop_links
        self.conflicts: list[Conflict] = []
        self.deletions: list[_Deletion] = []
        self.two_ways: dict[tuple[str, str], tuple[str, str]] = {}
        """(section, base's id) → (ours' id, theirs' id) of each record both sides renamed, differently."""
        self.id_sides: dict[tuple[str, str], Side] = {}
        """The side chosen for each of those: its id, and its values where both changed a field."""

    def conflict(self, conflict: Conflict) -> Choice:
        """The choice for a conflict; ours (as a placeholder) while it is open."""
        side = self.choose(conflict.path)
        if side is None:
            self.conflicts.append(conflict)
            return "ours"
        return side

    def value(self, path: Path, b: Any, o: Any, t: Any) -> Any:
        if o == t:
            return o
        if _is_counter(path) and (counted := _clock(b, o, t)) is not None:
            return counted
        if o == b:
            return t
        if t == b:
            return o
        if isinstance(o, dict) and isinstance(t, dict):
            return self.table(path, b if isinstance(b, dict) else {}, o, t)
        if isinstance(o, list) and isinstance(t, list) and isinstance(b, list | _Absent):
            return _union(b if isinstance(b, list) else [], o, t)
        chosen = self.conflict(Conflict(path, b, o, t))
        if isinstance(chosen, Typed):
            return chosen.value
        return o if chosen == "ours" else t

    def table(self, path: Path, b: Data, o: Data, t: Data) -> Data:
        out: Data = {}
        for key in [*o, *(k for k in t if k not in o)]:
            merged = self.value((*path, key), b.get(key, ABSENT), o.get(key, ABSENT), t.get(key, ABSENT))
            if merged is not ABSENT:
                out[key] = merged
        return out

    def records(self, section: str, b: list[Data], o: list[Data], t: list[Data]) -> list[Data]:
        base, ours, theirs = by_label(section, b), by_label(section, o), by_label(section, t)
        out: list[Data] = []
        for label, mine in ours.items():
            path = (section, label)
            if label in base and label not in theirs:
                if mine == base[label] or self.deleted(path, base[label], mine, ABSENT) == "theirs":
                    self.deletions.append(_Deletion(section, label, base[label], mine, ABSENT))
                    continue
                out.append(mine)
            elif (section, label) in self.two_ways and label in base and label in theirs:
                out.append(self.renamed_two_ways(path, base[label], mine, theirs[label]))
            else:
                out.append(self.value(path, base.get(label, ABSENT), mine, theirs.get(label, ABSENT)))
        for label, other in theirs.items():
            if label in ours:
                continue
            path = (section, label)
            if label in base and (
                other == base[label] or self.deleted(path, base[label], ABSENT, other) == "ours"
            ):
                self.deletions.append(_Deletion(section, label, base[label], ABSENT, other))
                continue
            if label in base:  # ours deleted it, theirs' edit is kept: where it was
                put_back(out, other, section, b)
            else:
                out.append(other)
        return out

    def renamed_two_ways(self, path: Path, b: Data, o: Data, t: Data) -> Any:
        """A record both sides renamed, differently: one conflict, on its id, that also settles
        the fields both changed differently (a session given another id and template on each
        side is one question, not one per field nor one per answer in it); a field only one
        side changed merges as ever, and a field's own choice, when there is one, stands."""
        section, label = path
        mine, yours = self.two_ways[(section, label)]
        trial = _Merger(ask_nobody, self.drop_links)
        trial.value(path, b, o, t)
        settles = tuple(trial.conflicts)
        side = self.side(Conflict((section, label, "id"), label, mine, yours, settles=settles))
        self.id_sides[(section, label)] = side
        inner = _Merger(lambda at: self.choose(at) or side, self.drop_links)
        return inner.value(path, b, o, t)

    def renamed_ids(self, ours: Renames, theirs: Renames) -> list[tuple[str, str, str]]:
        """(section, base's id, merged id) for each record a side gave a new id: one side's new
        id, both sides' when they agree, a conflict on the id when they don't."""
        out: list[tuple[str, str, str]] = []
        for key in [*ours, *(k for k in theirs if k not in ours)]:
            section, old = key
            mine, yours = ours.get(key, old), theirs.get(key, old)
            if mine != yours and key in ours and key in theirs:
                side = self.id_sides.get(key) or self.side(Conflict((section, old, "id"), old, mine, yours))
                mine = mine if side == "ours" else yours
            out.append((section, old, mine if key in ours else yours))
        return out

    def side(self, conflict: Conflict) -> Side:
        """The side chosen for a conflict that is not over a text (a text written is no side)."""
        chosen = self.conflict(conflict)
        return chosen if isinstance(chosen, str) else "theirs"

    def deleted(self, path: Path, b: Any, o: Any, t: Any) -> Side:
        return self.side(Conflict(path, b, o, t, deleted_by="ours" if o is ABSENT else "theirs"))

    def settle_deletions(self, data: Data, base: Data) -> None:
        """A record one side deleted while the other now points at it: keep it, or drop the links."""
        for gone in self.deletions:
            if gone.section not in ID_SECTIONS and gone.section != "answers":
                continue
            holders = list(pointing_at(data, gone.section, gone.label))
            if gone.section == "answers":  # a link base had may stay: the question asked there
                holders = [(ref, r) for ref, r in holders if not _had_link(base, ref, r, gone.label)]
            path = (gone.section, gone.label)
            if not holders or any(c.path == path for c in self.conflicts):
                continue
            deleter: Side = "ours" if gone.ours is ABSENT else "theirs"
            users = tuple(sorted({(ref.holder, record_label(ref.holder, r)) for ref, r in holders}))
            conflict = Conflict(path, gone.base, gone.ours, gone.theirs, deleted_by=deleter, used_by=users)
            side = self.side(conflict)
            if side == deleter and not self.drop_links:
                continue
            if side == deleter:
                for ref, _record in holders:  # copies, so the sides' data is never changed
                    data[ref.holder] = [dict(r) for r in data[ref.holder]]
                drop_references(data, gone.section, gone.label)
            else:
                kept = gone.theirs if deleter == "ours" else gone.ours
                put_back(data.setdefault(gone.section, []), kept, gone.section, base.get(gone.section, []))


def put_back(records: list[Data], record: Data, section: str, base: list[Data]) -> None:
    """Put a record one side deleted back where it was in base: after the record before it
    there (or before the one after it), not at the end of its list."""
    order = [record_label(section, r) for r in base]
    label = record_label(section, record)
    at = {record_label(section, r): i for i, r in enumerate(records)}
    where = order.index(label) if label in order else len(order)
    before = next((at[k] for k in reversed(order[:where]) if k in at), None)
    after = next((at[k] for k in order[where + 1 :] if k in at), None)
    index = before + 1 if before is not None else after if after is not None else len(records)
    records.insert(index, record)


def _had_link(base: Data, ref: Reference, record: Data, target: str) -> bool:
    """Whether base's version of a record already pointed at the target."""
    label = record_label(ref.holder, record)
    before: Data = next((r for r in base.get(ref.holder, []) if record_label(ref.holder, r) == label), {})
    value = before.get(ref.field)
    return any(ref.points_at(v, target) for v in (value if isinstance(value, list) else [value]))


def _union(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """Ours' list with theirs' additions appended and either side's removals applied."""
    removed = [v for v in base if v not in ours or v not in theirs]
    out = [v for v in ours if v not in removed]
    out.extend(v for v in theirs if v not in out and v not in base)
    return out


def is_id_conflict(path: Path) -> bool:
    """Whether a conflict is on a record's id (both sides renamed it, differently)."""
    return len(path) == 3 and path[0] in ID_SECTIONS and path[2] == "id"


def _clock(b: Any, o: Any, t: Any) -> Any:
    """Time spent, merged (`COUNTERS`): seconds, or seconds per area; None when a value is neither
    (a hand-written string: asked as any field is)."""
    if all(isinstance(v, int | _Absent) and not isinstance(v, bool) for v in (b, o, t)):
        b, o, t = (v or 0 for v in (b, o, t))
        return max(o + t - b, o, t)
    if all(isinstance(v, dict | _Absent) for v in (b, o, t)):
        b, o, t = (v or {} for v in (b, o, t))
        keys = [*o, *(k for k in t if k not in o)]
        merged = {k: _clock(b.get(k, ABSENT), o.get(k, ABSENT), t.get(k, ABSENT)) for k in keys}
        if any(v is None for v in merged.values()):
            return None
        return merged
    return None


def _is_counter(path: Path) -> bool:
    return any(part in COUNTERS for part in path[-2:])
