"""Three-way merge of project files: the data merged by `merge3`, the text built from both sides'
own blocks so their comments and layout survive, and the result checked before anyone writes it.

Ours is the host: its text is kept and changed only where the merge changes it. A record taken
whole from theirs keeps theirs' text (with its comments); a record both changed is edited in
ours' text field by field. When the merge leaves conflicts, `conflict_text` writes every clean
change and puts git-style markers around each record still in conflict, ours' way against theirs'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import tomlkit
from pydantic import ValidationError

from workbench.model.project import Project
from workbench.problems import validation_problem
from workbench.store.blocks import Blocks, split_blocks
from workbench.store.files import project_from_data
from workbench.store.layout import Written, edit_text, newline_of, written
from workbench.store.merge import merge_document, merge_table
from workbench.store.merge3 import ABSENT, Choose, Conflict, Data, DataMerge, always, ask_nobody, merge_data
from workbench.store.references import dangling
from workbench.store.serialize import RECORD_KEYS, TOP_LEVEL_ORDER, record_label
from workbench.store.tomltext import decode_toml, parse_toml

Unit = tuple[tuple[str, ...], str]
"""A piece of the merged text and what it holds: ("head",), ("lead", section), (section, label)."""


@dataclass
class Version:
    """One side of a merge: its data and, when it is a file, its text."""

    data: Data
    text: str | None = None

    @cached_property
    def blocks(self) -> Blocks | None:
        """The text cut into head and records, or None (no text, or a layout that can't be cut)."""
        return split_blocks(self.text, self.data) if self.text is not None else None

    @cached_property
    def written(self) -> Written:
        """The text cut into chunks for a text-level edit (`store/layout.py`)."""
        return written(self.text or "", self.data)

    @cached_property
    def index(self) -> dict[str, dict[str, int]]:
        """Position of each record in its section, by label."""
        return {s: {record_label(s, r): i for i, r in enumerate(self.data.get(s, []))} for s in RECORD_KEYS}

    def record_text(self, section: str, label: str) -> str | None:
        position = self.index.get(section, {}).get(label)
        part = self.blocks.sections.get(section) if self.blocks is not None else None
        if part is None or position is None or position >= len(part.records):
            return None
        return part.records[position]


@dataclass
class MergeResult:
    """What a merge gives: the merged data and text, or the conflicts left to settle."""

    data: Data
    text: str
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: list[tuple[str, str, str]] = field(default_factory=list)


def merge_versions(
    base: Version, ours: Version, theirs: Version, choose: Choose = ask_nobody, path: str | Path = "merge"
) -> MergeResult:
    """Merge theirs into ours. The text is only meaningful when there are no conflicts."""
    merged = merge_data(base.data, ours.data, theirs.data, choose)
    if merged.conflicts:
        return MergeResult(merged.data, "", merged.conflicts, merged.renumbered)
    problem = check_problem(path, merged.data, ours.data, merged.theirs)
    if problem:
        return MergeResult(merged.data, "", [problem], merged.renumbered)
    return MergeResult(merged.data, merged_text(base, ours, theirs, merged), [], merged.renumbered)


def check_problem(path: str | Path, data: Data, *sides: Data) -> Conflict | None:
    """A conflict standing for what would make the merged file fail `workbench check`."""
    try:
        Project.model_validate(data, strict=True)
    except ValidationError as error:
        return Conflict(("check",), ABSENT, ABSENT, ABSENT, validation_problem(path, error).message)
    found = dangling(data)
    new = sorted(found - set().union(*(dangling(side) for side in sides))) if found else []
    if new:
        return Conflict(
            ("check",), ABSENT, ABSENT, ABSENT, "points at records that are gone: " + "; ".join(new)
        )
    return None


def merged_text(base: Version, ours: Version, theirs: Version, merged: DataMerge) -> str:
    """The merged data written into ours' text, keeping both sides' comments where it can."""
    units = _units(base, ours, theirs, merged)
    if units is not None:
        text = _join(text for _, text in units)
        if _reads_as(text, merged.data):
            return text
    # A layout the blocks can't follow: merge into ours' whole document (slower, same data).
    doc = tomlkit.parse(ours.text or "")
    merge_document(doc, ours.data, merged.data)
    return str(doc.as_string())


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


def conflict_text(base: Version, ours: Version, theirs: Version) -> str | None:
    """The merge with git-style markers around each part still in conflict (ours' way, base,
    theirs' way), or None when the layout can't be cut into records."""
    one = merge_data(base.data, ours.data, theirs.data, always("ours"))
    other = merge_data(base.data, ours.data, theirs.data, always("theirs"))
    mine, yours = _units(base, ours, theirs, one), _units(base, ours, theirs, other)
    if mine is None or yours is None:
        return None
    theirs_only = {key for key, _ in yours} - {key for key, _ in mine}
    yours_text = dict(yours)
    out: list[str] = []

    def after(key: tuple[str, ...]) -> None:
        keys = [k for k, _ in yours]
        position = keys.index(key) + 1 if key in keys else len(keys)
        while position < len(keys) and keys[position] in theirs_only:
            out.append(_markers("", _base_text(base, keys[position]), yours_text[keys[position]]))
            position += 1

    for key, text in mine:
        if key in yours_text and yours_text[key] == text:
            out.append(text)
        else:
            out.append(_markers(text, _base_text(base, key), yours_text.get(key, "")))
        after(key)
    return _join(out)


def _markers(ours: str, base: str, theirs: str) -> str:
    def part(text: str) -> str:
        return text if not text or text.endswith("\n") else text + "\n"

    return f"<<<<<<< ours\n{part(ours)}||||||| base\n{part(base)}=======\n{part(theirs)}>>>>>>> theirs\n"


def _base_text(base: Version, key: tuple[str, ...]) -> str:
    blocks = base.blocks
    if blocks is None:
        return ""
    if key == ("head",):
        return blocks.head
    if key[0] == "lead":
        section = blocks.sections.get(key[1])
        return section.lead if section else ""
    return base.record_text(key[0], key[1]) or ""


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


def _head(data: Data) -> Data:
    return {k: v for k, v in data.items() if k not in RECORD_KEYS}


def _units(base: Version, ours: Version, theirs: Version, merged: DataMerge) -> list[Unit] | None:
    mine, other = ours.blocks, theirs.blocks  # base's text is cut only where the sides differ
    if mine is None:
        return None
    renamed = Version(merged.theirs)  # theirs' records under their merged labels
    newline = newline_of(ours.text or "")
    units: list[Unit] = [(("head",), _head_text(mine, base, other, ours.data, merged))]
    for section in _section_order(list(mine.sections), merged.data):
        lead = mine.sections[section].lead if section in mine.sections else ""
        if other is not None and section in other.sections and other.sections[section].lead != lead:
            old = base.blocks
            base_lead = (old.sections[section].lead if section in old.sections else "") if old else None
            if lead == base_lead or (not lead.strip() and base_lead is not None and not base_lead.strip()):
                lead = other.sections[section].lead  # only theirs wrote anything there (a heading)
        if lead:
            units.append((("lead", section), lead))
        previous = ""
        for record in merged.data.get(section, []):
            label = record_label(section, record)
            text = _record_text(section, label, record, base, ours, theirs, renamed)
            if previous and label not in ours.index.get(section, {}):
                text = _set_apart(previous, text, newline)
            units.append(((section, label), text))
            previous = text
    return units


def _set_apart(previous: str, text: str, newline: str) -> str:
    """A record that is not ours' own text (theirs was first in its list, with no blank line
    above it), set apart from the record before it by a blank line like the others."""
    if not text.startswith(("\n", "\r\n")) and not previous.endswith(("\n\n", "\n\r\n")):
        return newline + text
    return text


def _head_text(mine: Blocks, base: Version, other: Blocks | None, ours: Data, merged: DataMerge) -> str:
    wanted, have = _head(merged.data), _head(ours)
    if other is not None and other.head != mine.head and _head(merged.theirs) == wanted:
        old = base.blocks
        if old is not None and mine.head == old.head:  # only theirs changed the head's text
            return other.head
    if have == wanted:
        return mine.head
    doc = tomlkit.parse(mine.head)
    merge_document(doc, have, wanted)
    return str(doc.as_string())


def _record_text(
    section: str, label: str, record: Data, base: Version, ours: Version, theirs: Version, renamed: Version
) -> str:
    mine = ours.record_text(section, label)
    position = renamed.index[section].get(label)
    theirs_record = theirs.data[section][position] if position is not None else None
    other = (
        theirs.blocks.sections[section].records[position] if theirs.blocks and position is not None else None
    )
    ours_record = ours.data[section][ours.index[section][label]] if mine is not None else None
    if mine is not None and ours_record == record:
        if (
            other is not None
            and other != mine  # (most records: the same on both sides, base need not be cut)
            and other.lstrip("\r\n") != mine.lstrip("\r\n")  # not only set apart otherwise
            and theirs_record == record
            and mine == base.record_text(section, label)
        ):
            return other  # theirs changed only its comments or layout
        return mine
    if other is not None and theirs_record == record:
        return other
    if mine is not None and ours_record is not None:
        return _edited(mine, section, ours_record, record)
    if other is not None and theirs_record is not None:
        return _edited(other, section, theirs_record, record)
    doc = tomlkit.document()
    merge_document(doc, {}, {section: [record]})
    return "\n" + str(doc.as_string())


def _edited(text: str, section: str, old: Data, new: Data) -> str:
    """One record's text with its fields changed from `old` to `new`, comments kept."""
    doc = tomlkit.parse(text)
    merge_table(doc[section][0], old, new)
    return str(doc.as_string())


def _section_order(present: list[str], data: Data) -> list[str]:
    """Ours' sections in ours' order; a section new to ours goes where the usual order puts it."""
    order = list(present)
    for section in TOP_LEVEL_ORDER:
        if section in RECORD_KEYS and section in data and section not in order:
            rank = TOP_LEVEL_ORDER.index(section)
            before = [i for i, s in enumerate(order) if TOP_LEVEL_ORDER.index(s) < rank]
            order.insert(before[-1] + 1 if before else 0, section)
    return order


def read_version(path: str | Path, raw: bytes) -> Version:
    """A file as one side of a merge; a FileProblem when it does not read as a project."""
    text = decode_toml(path, raw)
    data = parse_toml(path, text)
    project_from_data(path, data)
    return Version(data, text)
