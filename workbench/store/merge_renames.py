"""Records whose id one side of a merge changed (a session renamed by hand: its id and every
reference to it). The merge treats such a rename as an edit of the one record: the rename is
undone on that side before records are matched, and the new id is given back afterwards, so
both sides' edits to the record and to what points at it meet field by field. Two different new
ids for one record are one conflict, on its id."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workbench.store.references import ID_SECTIONS, REFERENCES, pointing_at, rename_id
from workbench.store.serialize import record_label

Data = dict[str, Any]
Renames = dict[tuple[str, str], str]
"""(section, id in base) → the id one side gave the record."""


def found_moves(base: Data, side: Data) -> tuple[Renames, Renames]:
    """The records `side` gave a new id (`found_renames`), also where it then gave base's id to
    a different record: a record the merge driver renumbered (`executive-2` → `executive-3`,
    both sides having started an `executive-2`) while the other side's record took the id. Such
    a side holds, at base's id, a record that is not base's, and, under an id of its own, one
    that is: the same in every field after its links are followed back, or else a session of
    the same template, day and attendees where the one at base's id has others, or else the
    one record like it in most fields where the one at base's id is mostly unlike it. Returns the
    renames and the ids whose record on `side` is a different one (section, base's id → a
    placeholder id it holds during the merge)."""
    renames = found_renames(base, side)
    displaced: Renames = {}
    for _ in ID_SECTIONS:  # links are followed back one level a round (quotes after sessions)
        work = moved_back(side, renames, displaced)
        found = False
        for section in ID_SECTIONS:
            base_ids = {r.get("id") for r in base.get(section, [])}
            records = work.get(section, [])
            now = {r.get("id"): r for r in records}
            taken = {new_id for (s, _), new_id in renames.items() if s == section}
            new = [r for r in records if r.get("id") not in base_ids and r.get("id") not in taken]
            for old in base.get(section, []):
                old_id = str(old.get("id"))
                held = now.get(old_id)
                if (section, old_id) in renames or held is None:
                    continue
                if old == held or _same(old, held):
                    continue
                matches = [r for r in new if _same(old, r)]
                if not matches and not _same_one(section, old, held):
                    matches = [r for r in new if _same_one(section, old, r)]
                if not matches and section != "sessions":
                    matches = _closest(old, held, new)
                if len(matches) == 1:
                    renames[(section, old_id)] = str(matches[0].get("id"))
                    displaced[(section, old_id)] = placeholder(old_id)
                    found = True
        if not found:
            break
    return renames, displaced


STAND_IN = "\x00displaced"
"""What makes a displaced record's id a stand-in (no file has one, no person ever sees one)."""


def placeholder(record_id: str) -> str:
    """The id a displaced record holds while a merge runs (no file has it)."""
    return f"{record_id}{STAND_IN}"


def real_id(record_id: str) -> str:
    """The id a person knows for an id the merge uses: a displaced record's own, else itself."""
    return record_id.removesuffix(STAND_IN)


def moved_back(side: Data, renames: Renames, displaced: Renames) -> Data:
    """`side` with each displaced record under its placeholder, then each renamed record under
    base's id again (and what points at them following)."""
    return with_ids(
        side,
        [(s, old, held) for (s, old), held in displaced.items()]
        + [(s, new, old) for (s, old), new in renames.items()],
    )


def _closest(old: Data, held: Data, new: list[Data]) -> list[Data]:
    """The one new record most like base's `old` (edited since, on the side that renumbered
    it: a quote corrected, a gap's impact moved), where the record held at its id is mostly
    unlike it: like in more than half its fields, and in more than the held one is."""

    def alike(other: Data) -> tuple[int, int]:
        keys = (set(old) | set(other)) - {"id"}
        return sum(old.get(k) == other.get(k) for k in keys), len(keys)

    same, total = alike(held)
    if same * 2 > total:
        return []
    scored = [(alike(r)[0], r) for r in new if alike(r)[0] * 2 > alike(r)[1]]
    best = max((score for score, _ in scored), default=0)
    found = [r for score, r in scored if score == best and score > same]
    return found if len(found) == 1 else []


def _same(old: Data, other: Data) -> bool:
    """Whether two records are the same in every field but their id."""
    return {k: v for k, v in old.items() if k != "id"} == {k: v for k, v in other.items() if k != "id"}


def _same_one(section: str, old: Data, other: Data) -> bool:
    """Whether `other` is `old`, edited, under another id: a session of the same template, day
    and attendees (its notes and clock may have moved on); any other record the same in every
    field but its id."""
    if section == "sessions":
        return all(old.get(k) == other.get(k) for k in ("template", "date", "attendees"))
    return _same(old, other)


def found_renames(base: Data, side: Data) -> Renames:
    """The records `side` gave a new id: gone under base's id, there under a new one, and either
    the same apart from the id (and title) or with what pointed at them moved to the new id."""
    renames: Renames = {}
    for section in ID_SECTIONS:
        base_ids = {r.get("id") for r in base.get(section, [])}
        side_ids = {r.get("id") for r in side.get(section, [])}
        new = [r for r in side.get(section, []) if r.get("id") not in base_ids]
        for old in (r for r in base.get(section, []) if r.get("id") not in side_ids):
            match = next((r for r in new if _same_record(section, old, r, base, side)), None)
            if match is not None:
                new.remove(match)
                renames[(section, str(old.get("id")))] = str(match.get("id"))
    return renames


def _same_record(section: str, old: Data, new: Data, base: Data, side: Data) -> bool:
    def rest(record: Data) -> Data:
        return {k: v for k, v in record.items() if k not in ("id", "title")}

    if rest(old) == rest(new):
        return True
    if old.get("template") != new.get("template"):
        return False
    old_id, new_id = str(old.get("id")), str(new.get("id"))
    return (
        any(pointing_at(base, section, old_id))
        and any(pointing_at(side, section, new_id))
        and not any(pointing_at(side, section, old_id))
    )


def renamed_past_telling(
    base: Data, ours: Data, theirs: Data, found_ours: Renames, found_theirs: Renames
) -> tuple[Renames, Renames]:
    """Records both sides renamed and changed so that neither rename shows in the record itself
    (a session given another id and another template on each side): a record of base gone from
    both sides, for which each side has exactly one new record that what pointed at it now
    points at. Returned as more renames of each side, so the merge asks about the record once,
    on its id, instead of once for every record that points at it."""
    more_ours: Renames = {}
    more_theirs: Renames = {}
    for section in ID_SECTIONS:
        kept = {str(r.get("id")) for side in (ours, theirs) for r in side.get(section, [])}
        for old in base.get(section, []):
            old_id = str(old.get("id"))
            key = (section, old_id)
            if old_id in kept or key in found_ours or key in found_theirs:
                continue
            if not any(pointing_at(base, section, old_id)):
                continue
            mine = _successor(base, ours, section, old_id, found_ours)
            yours = _successor(base, theirs, section, old_id, found_theirs)
            if mine is not None and yours is not None:
                more_ours[key], more_theirs[key] = mine, yours
    return more_ours, more_theirs


def _successor(base: Data, side: Data, section: str, old_id: str, found: Renames) -> str | None:
    """The one record `side` added that what pointed at base's `old_id` points at now (an answer
    in the session, a quote heard there: the same records, following the new id), if one."""
    if any(pointing_at(side, section, old_id)):
        return None
    base_ids = {r.get("id") for r in base.get(section, [])}
    taken = {new for (s, _), new in found.items() if s == section}
    added = [str(r.get("id")) for r in side.get(section, []) if r.get("id") not in base_ids | taken]

    def holders(data: Data, target: str) -> set[tuple[str, str]]:
        return {(ref.holder, record_label(ref.holder, r)) for ref, r in pointing_at(data, section, target)}

    matches = [
        new_id
        for new_id in added
        if holders(with_ids(base, [(section, old_id, new_id)]), new_id) & holders(side, new_id)
    ]
    return matches[0] if len(matches) == 1 else None


def kept_renames(renames: Renames, other: Data, other_renames: Renames) -> Renames:
    """The renames of records the other side still has (under base's id or one of its own):
    a record the other side deleted stays a new record under its new id."""
    ids = {section: {r.get("id") for r in other.get(section, [])} for section in ID_SECTIONS}
    return {key: new for key, new in renames.items() if key[1] in ids[key[0]] or key in other_renames}


def with_ids(data: Data, renames: Iterable[tuple[str, str, str]]) -> Data:
    """`data` with records given other ids ((section, from, to) each), and every reference
    following; the record lists touched are copies, so `data` itself is never changed."""
    changes = [(s, a, b) for s, a, b in renames if a != b]
    if not changes:
        return data
    sections = {s for s, _, _ in changes}
    touched = sections | {r.holder for r in REFERENCES if r.target in sections}
    out = {k: [dict(r) for r in v] if k in touched and isinstance(v, list) else v for k, v in data.items()}
    for section, old, new in changes:
        rename_id(out, section, old, new)
    return out
