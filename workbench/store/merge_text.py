"""Three-way merge of project files: the data merged by `merge3`, the text made by editing ours'
file record by record (`layout.edit_text`, the one text-level edit of a file, cut by one set of
rules), and the result checked before anyone writes it.

Ours is the host: its text is kept and changed only where the merge changes it, so a record
appended by hand at the end stays there. A record taken from theirs keeps theirs' text (with its
comments), and so does a record or a stretch of other text only theirs rewrote; a list theirs
started under a heading brings the heading. When the merge leaves conflicts, `conflict_text`
writes every clean change and puts git-style markers around each record still in conflict.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import tomli as toml_reader
import tomlkit
from pydantic import ValidationError

from workbench.banks import load_catalogue
from workbench.collection_pause import collection_held
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.problems import validation_problem
from workbench.store.check import project_findings
from workbench.store.files import project_from_data
from workbench.store.layout import Written, edit_text, in_newline, newline_of, written
from workbench.store.merge import merge_document
from workbench.store.merge3 import (
    ABSENT,
    Choose,
    Conflict,
    Data,
    DataMerge,
    Side,
    always,
    ask_nobody,
    is_id_conflict,
    merge_data,
)
from workbench.store.merge_lines import merge_lines
from workbench.store.references import dangling
from workbench.store.serialize import RECORD_KEYS, record_label
from workbench.store.tomltext import decode_toml, parse_toml

Key = tuple[str, str]
"""What a piece of a file holds: (section, label) for a record, ("", n) for the n-th other piece."""
Unit = tuple[Key, str]
"""A piece of a file's text and what it holds."""


@dataclass
class Version:
    """One side of a merge: its data and, when it is a file, its text."""

    data: Data
    text: str | None = None

    @cached_property
    def written(self) -> Written:
        """The text cut into chunks for a text-level edit (`store/layout.py`)."""
        return written(self.text or "", self.data)

    @cached_property
    def labels(self) -> dict[str, list[str]]:
        """Each record's label, by section, in order (a merge labels every record once)."""
        return {s: [record_label(s, r) for r in self.data.get(s, [])] for s in RECORD_KEYS}

    @cached_property
    def index(self) -> dict[str, dict[str, int]]:
        """Position of each record in its section, by label."""
        return {s: {label: i for i, label in enumerate(labels)} for s, labels in self.labels.items()}

    @cached_property
    def own_units(self) -> list[Unit] | None:
        """The text's pieces keyed by what they hold; None when the text can't be cut."""
        pieces = self.written.pieces
        return None if pieces is None or self.text is None else keyed(pieces, self.labels)


def keyed(pieces: Iterable[tuple[str, str]], labels: dict[str, list[str]]) -> list[Unit]:
    """Each piece with its key: the n-th record piece of a section holds the n-th record."""
    seen: dict[str, int] = {}
    others = 0
    out: list[Unit] = []
    for text, section in pieces:
        if section:
            at = seen.get(section, 0)
            seen[section] = at + 1
            out.append(((section, labels[section][at]), text))
        else:
            out.append((("", str(others)), text))
            others += 1
    return out


@dataclass
class MergeResult:
    """What a merge gives: the merged data and text, or the conflicts left to settle."""

    data: Data
    text: str
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: list[tuple[str, str, str]] = field(default_factory=list)
    made_room: list[tuple[Side, str, str, str]] = field(default_factory=list)
    """Records of ours given a fresh id to make room for a record theirs renumbered."""
    kept: str = ""
    """Where the version on disk the merge wrote over was kept ('NAME.theirs-XXXXXXXX.toml beside
    it'), once written; '' when nothing was written over."""


def merge_versions(
    base: Version,
    ours: Version,
    theirs: Version,
    choose: Choose = ask_nobody,
    path: str | Path = "merge",
    catalogue: Catalogue | None = None,
) -> MergeResult:
    """Merge theirs into ours. The text is only meaningful when there are no conflicts.
    `catalogue`: the project's banks, for the checks `workbench check` runs (loaded for `path`
    when not given)."""
    with collection_held():
        return _merged(base, ours, theirs, choose, path, catalogue)


def _merged(
    base: Version,
    ours: Version,
    theirs: Version,
    choose: Choose,
    path: str | Path,
    catalogue: Catalogue | None,
) -> MergeResult:
    merged = merge_data(base.data, ours.data, theirs.data, choose)
    if merged.conflicts:
        return MergeResult(merged.data, "", merged.conflicts, merged.renumbered, merged.made_room)
    problem = check_problem(path, merged.data, base.data, ours.data, merged.theirs, catalogue)
    if problem:
        return MergeResult(merged.data, "", [problem], merged.renumbered, merged.made_room)
    text = merged_text(base, ours, theirs, merged)
    return MergeResult(merged.data, text, [], merged.renumbered, merged.made_room)


def check_problem(
    path: str | Path, data: Data, base: Data, ours: Data, theirs: Data, catalogue: Catalogue | None = None
) -> Conflict | None:
    """A conflict standing for what would make the merged file fail `workbench check` (its own
    checks, `store.check.project_findings`) though neither side did: each side passed alone,
    and the two together do not (a plan item of each side waiting for the other's, say)."""
    try:
        project = Project.model_validate(data, strict=True)
    except ValidationError as error:
        return Conflict(("check",), ABSENT, ABSENT, ABSENT, validation_problem(path, error).message)
    found = dangling(data)
    new = sorted(found - dangling(ours) - dangling(theirs)) if found else []
    if new:
        return Conflict(
            ("check",), ABSENT, ABSENT, ABSENT, "points at records that are gone: " + "; ".join(new)
        )
    if catalogue is None:
        catalogue = load_catalogue(path)
    findings = [message for _, message in project_findings(path, project, catalogue)]
    if not findings:
        return None
    known = _findings(path, ours, catalogue) | _findings(path, theirs, catalogue)
    fresh = list(dict.fromkeys(m for m in findings if m not in known))
    if not fresh:
        return None
    why = "; ".join(fresh)
    edits = plan_loop_edits(project, base, ours, theirs)
    return Conflict(("check",), ABSENT, ABSENT, ABSENT, why + (f" ({edits})" if edits else ""))


def _findings(path: str | Path, data: Data, catalogue: Catalogue) -> set[str]:
    """What `workbench check` says of one side (nothing when it does not validate: then every
    problem of the merge is new)."""
    try:
        project = Project.model_validate(data, strict=True)
    except ValidationError:
        return set()
    return {message for _, message in project_findings(path, project, catalogue)}


def plan_loop_edits(project: Project, base: Data, ours: Data, theirs: Data) -> str:
    """Which side's edit made each link of the plan's loops that base did not have, in words
    (`ours made P-1 wait for D-1, theirs made D-1 wait for P-3`)."""
    from workbench.analysis.plan import schedule_around_cycles

    if not any(item.depends_on for item in project.pilots):
        return ""
    _, cycles = schedule_around_cycles(project)
    said: list[str] = []
    for cycle in cycles:
        loop = cycle.cycle
        for before, item in zip(loop, [*loop[1:], loop[0]], strict=True):  # each waits for the one before
            if _waits(base, item, before):
                continue
            sides = [
                name for name, side in (("ours", ours), ("theirs", theirs)) if _waits(side, item, before)
            ]
            if sides:
                said.append(f"{' and '.join(sides)} made {item} wait for {before}")
    return ", ".join(sorted(dict.fromkeys(said), key=lambda words: not words.startswith("ours")))


def _waits(data: Data, item: str, dependency: str) -> bool:
    return any(
        p.get("id") == item and dependency in (p.get("depends_on") or []) for p in data.get("pilots", [])
    )


def merged_text(base: Version, ours: Version, theirs: Version, merged: DataMerge) -> str:
    """The merged data written into ours' text, keeping both sides' comments where it can."""
    units = merged_units(base, ours, theirs, merged)
    if units is not None:  # (every piece not ours' own was read back as the record it holds)
        return _join(text for _, text in units)
    # A layout the chunks can't follow: merge into ours' whole document (slower, same data).
    doc = tomlkit.parse(ours.text or "")
    merge_document(doc, ours.data, merged.data)
    return in_newline(str(doc.as_string()), newline_of(ours.text or ""))


def merged_units(base: Version, ours: Version, theirs: Version, merged: DataMerge) -> list[Unit] | None:
    """Ours' text edited to hold the merged data, in keyed pieces; None when its layout can't be
    edited piece by piece."""
    renamed = Version(merged.theirs)  # theirs' records under their merged labels

    def position(section: str, record: Data) -> int | None:
        return renamed.index[section].get(record_label(section, record))

    source = theirs.written if theirs.text is not None else None
    edited = edit_text(ours.written, merged.data, source, position)
    if edited is None or edited.pieces is None:
        return None
    units = keyed(edited.pieces, Version(merged.data).labels)
    pieces = theirs.written.pieces if theirs.text is not None else None
    other = keyed(pieces, renamed.labels) if pieces is not None else None
    if other is not None:
        newline = newline_of(ours.text or "")
        units = _theirs_rewrites(units, base, ours, theirs, other, renamed, merged.data, newline)
        units = _theirs_headings(units, base, other, newline)
        units = _theirs_places(units, ours, other, newline)
    return units


def _theirs_places(units: list[Unit], ours: Version, other: list[Unit], newline: str) -> list[Unit]:
    """A record theirs wrote away from its list (appended by hand at the end, after the other
    lists) stays after the record it follows there, as it does in theirs' file."""
    mine = {key for key, _ in ours.own_units or []}
    before = {key: other[i - 1][0] for i, (key, _) in enumerate(other) if i and key[0]}
    out = list(units)
    for key, _ in units:
        previous = before.get(key)
        if key in mine or previous is None or not previous[0] or previous[0] == key[0]:
            continue
        at = next(i for i, (k, _) in enumerate(out) if k == key)
        if at and out[at - 1][0] == previous:
            continue
        target = next((i for i, (k, _) in enumerate(out) if k == previous), None)
        if target is None:
            continue
        between = out[target + 1 : at] if target < at else out[at + 1 : target + 1]
        if any(k[0] == key[0] for k, _ in between):
            continue  # its own list's records stay in order
        text = out.pop(at)[1].strip("\r\n") + newline
        target = target if target < at else target - 1
        if not out[target][1].endswith(("\n\n", "\n\r\n")):
            text = newline + text
        if target + 1 < len(out):
            text += newline
        out.insert(target + 1, (key, text))
    return out


def _theirs_rewrites(
    units: list[Unit],
    base: Version,
    ours: Version,
    theirs: Version,
    other: list[Unit],
    renamed: Version,
    data: Data,
    newline: str,
) -> list[Unit]:
    """Pieces only theirs rewrote (a comment added or changed, a layout) take theirs' text when
    it reads as the merged data: ours' text of them is still base's."""
    mine, yours = dict(ours.own_units or []), dict(other)
    old = dict(base.own_units or [])
    counts = {len([k for k in keys if not k[0]]) for keys in (mine, yours, old)}
    seen: dict[str, int] = {}
    out: list[Unit] = []
    for key, text in units:
        section, label = key
        at = seen.get(section, 0)
        seen[section] = at + 1
        theirs_text, ours_text, base_text = yours.get(key), mine.get(key), old.get(key)
        if (
            theirs_text is None
            or ours_text is None
            or base_text is None
            or theirs_text in (ours_text, base_text)
            or (not section and len(counts) != 1)  # other pieces line up only when all cut alike
        ):
            out.append((key, text))
            continue
        if section:  # a record: theirs' text when ours' is base's and the record is theirs'
            record = data[section][at]
            same = base_text == ours_text and theirs.data[section][renamed.index[section][label]] == record
            if same and _reads(theirs_text) == {section: [record]}:
                text = _in_place_of(text, in_newline(theirs_text, newline))
            elif not same:  # both rewrote it: theirs' lines (comments) join ours' where apart
                lines = merge_lines(*(in_newline(t, "\n") for t in (base_text, text, theirs_text)))
                if lines is not None and _reads(lines) == {section: [record]}:
                    text = _in_place_of(text, in_newline(lines, newline))
            out.append((key, text))
            continue
        both = theirs_text if base_text == ours_text else merge_lines(base_text, ours_text, theirs_text)
        same = both is not None and _reads(both) == _reads(text)
        out.append((key, in_newline(both, newline) if same and both is not None else text))
    return out


def _reads(text: str) -> Data | None:
    try:
        return toml_reader.loads(text)
    except toml_reader.TOMLDecodeError:
        return None


def _in_place_of(text: str, replacement: str) -> str:
    """`replacement` ending as `text` does (its line ending and the blank lines after it)."""
    body = replacement.rstrip("\r\n")
    return body + text[len(text.rstrip("\r\n")) :] if body else text


def _theirs_headings(units: list[Unit], base: Version, other: list[Unit], newline: str) -> list[Unit]:
    """A list theirs opens with a heading (comments set apart above its first record) that ours'
    list has not: the heading goes above it, unless base had one there."""
    old = base.own_units or []
    theirs_first, base_first = _firsts(other), _firsts(old)
    out = list(units)
    for section, first in sorted(_firsts(out).items(), key=lambda item: -item[1]):  # from the end
        heading = _heading(other, theirs_first.get(section))
        if heading is None or _heading(old, base_first.get(section)) is not None or _heading(out, first):
            continue
        if first and heading.strip() in out[first - 1][1]:
            continue
        text = in_newline(heading, newline)
        if first and not out[first - 1][1].endswith(("\n\n", "\n\r\n")):
            text = newline + text
        out.insert(first, (("", "heading"), text))
    return out


def _firsts(units: list[Unit]) -> dict[str, int]:
    """Where each list's first record is."""
    firsts: dict[str, int] = {}
    for index, (key, _) in enumerate(units):
        if key[0] and key[0] not in firsts:
            firsts[key[0]] = index
    return firsts


def _heading(units: list[Unit], first: int | None) -> str | None:
    """The comments right before a list's first record (at `first`), set apart from it."""
    if not first:
        return None
    key, text = units[first - 1]
    if (
        key[0]
        or "#" not in text
        or any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())
    ):
        return None
    return text


def edited_version(saved: Version, new: Data, opened: Version | None = None) -> Version | None:
    """`saved` (a file's data and text) with its data changed to `new`, and the text to match:
    only the records that changed are rewritten, each in its own text and read back
    (`layout.edit_text`, the one text-level edit of a file), so a save of a large project stays
    quick and every layout survives. A record put back that `opened` held gets its text (and
    comments) back. The result comes cut already, for the next save. None when the layout
    can't be followed (the caller merges into the whole document)."""
    edited = edit_text(saved.written, new, opened.written if opened is not None else None)
    if edited is None:
        return None
    version = Version(new, edited.text)
    version.written = edited
    return version


def conflict_text(base: Version, ours: Version, theirs: Version) -> str:
    """The merge with git-style markers around each record still in conflict (ours' way, base,
    theirs' way) and every clean change made. A layout that can't be cut into records gets
    markers around the lines that differ instead."""
    # A record deleted on one side that the other still points at is marked once, around the
    # record: what points at it is written as its side wrote it, never changed to fit a side.
    one = merge_data(base.data, ours.data, theirs.data, always("ours"), drop_links=False)
    other = merge_data(base.data, ours.data, theirs.data, ids_ours_else("theirs"), drop_links=False)
    ids = [c for c in merge_data(base.data, ours.data, theirs.data).conflicts if is_id_conflict(c.path)]
    other.data = theirs_ids_marked(other.data, ids)
    newline = newline_of(ours.text or "")
    mine, yours = merged_units(base, ours, theirs, one), merged_units(base, ours, theirs, other)
    if (
        mine is None
        or yours is None
        or not _reads_as(_join(t for _, t in mine), one.data)
        or not _reads_as(_join(t for _, t in yours), other.data)
    ):
        return _line_markers(
            merged_text(base, ours, theirs, one), merged_text(base, ours, theirs, other), newline
        )
    same = {(c.path[0], c.theirs): (c.path[0], c.ours) for c in ids}  # one record, two ids
    yours = [(same.get(key, key), text) for key, text in yours]
    theirs_only = {key for key, _ in yours} - {key for key, _ in mine}
    yours_text = dict(yours)
    keys = [k for k, _ in yours]
    where = {k: i for i, k in enumerate(keys)}
    old = dict(base.own_units or [])
    old.update({(c.path[0], c.ours): old.get((c.path[0], c.path[1]), "") for c in ids})
    out: list[str] = []

    def after(key: Key) -> None:
        position = where[key] + 1 if key in where else len(keys)
        while position < len(keys) and keys[position] in theirs_only:
            out.append(_markers("", old.get(keys[position], ""), yours_text[keys[position]], newline))
            position += 1

    for key, text in mine:
        if yours_text.get(key) == text:
            out.append(text)
        else:
            out.append(_markers(text, old.get(key, ""), yours_text.get(key, ""), newline))
        after(key)
    return _join(out)


def ids_ours_else(side: Side) -> Choose:
    """A policy: a record's id in conflict keeps ours' (and what points at it follows), every
    other conflict goes to `side`."""
    return lambda path: "ours" if is_id_conflict(path) else side


def theirs_ids_marked(data: Data, conflicts: list[Conflict]) -> Data:
    """`data` (ours' ids kept everywhere) with only the records whose id is in conflict under
    theirs' id: the marked file shows one conflict for a record renamed two ways, not one per
    record that points at it."""
    theirs_ids = {(c.path[0], c.ours): c.theirs for c in conflicts if is_id_conflict(c.path)}
    if not theirs_ids:
        return data
    out = dict(data)
    for section in {s for s, _ in theirs_ids}:
        out[section] = [
            {**r, "id": theirs_ids.get((section, r.get("id")), r.get("id"))} for r in data.get(section, [])
        ]
    return out


def _markers(ours: str, base: str, theirs: str, newline: str) -> str:
    def part(text: str) -> str:
        return text if not text or text.endswith("\n") else text + newline

    return (
        f"<<<<<<< ours{newline}{part(ours)}||||||| base{newline}{part(base)}"
        f"======={newline}{part(theirs)}>>>>>>> theirs{newline}"
    )


def _line_markers(mine: str, yours: str, newline: str) -> str:
    """The two texts with git's markers around the lines where they differ (no base: the
    layout could not be cut into records to find it)."""
    a, b = mine.splitlines(keepends=True), yours.splitlines(keepends=True)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(a[i1:i2])
            continue
        ours_part, theirs_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        if out and not out[-1].endswith("\n"):
            out.append(newline)
        out.append(f"<<<<<<< ours{newline}{ours_part}")
        out.append(f"{newline if ours_part and not ours_part.endswith(chr(10)) else ''}======={newline}")
        out.append(f"{theirs_part}{newline if theirs_part and not theirs_part.endswith(chr(10)) else ''}")
        out.append(f">>>>>>> theirs{newline}")
    return "".join(out)


def _join(texts: Iterable[str]) -> str:
    out: list[str] = []
    for text in texts:
        if out and out[-1] and not out[-1].endswith("\n"):
            out.append("\n")
        out.append(text)
    return "".join(out)


def _reads_as(text: str, data: Data) -> bool:
    try:
        return parse_toml("merge", text) == data
    except Exception:
        return False


def read_version(path: str | Path, raw: bytes) -> Version:
    """A file as one side of a merge; a FileProblem when it does not read as a project."""
    with collection_held():
        text = decode_toml(path, raw)
        data = parse_toml(path, text)
        project_from_data(path, data)
        return Version(data, text)
