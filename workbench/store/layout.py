"""Saving by editing the file's text record by record, so every layout a person wrote survives:
comments directly above a record belong to it (they move and go with it), a record appended by
hand at the end stays there, records written inline stay inline, CRLF files stay CRLF.

The file is cut into chunks: one per `[[record]]` (with the comment lines right above it and its
sub-tables) and one per stretch of anything else. Only the chunks whose data changed are
rewritten; the result is parsed again and must read as the new data, or the caller falls back to
merging into the whole tomlkit document. Saves, the journal and merges (`merge_text`) all edit
files through these chunks: one set of cutting rules.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import tomli as toml_reader
import tomlkit

from workbench.store.merge import merge_document, merge_table, to_item
from workbench.store.serialize import RECORD_KEYS, TOP_LEVEL_ORDER

BARE_LF = re.compile(r"(?<!\r)\n")


@dataclass(slots=True)
class Chunk:
    """A piece of the file: a record of `section` (its position in the file's list), or other text."""

    text: str
    section: str = ""
    """The record list it is a record of; empty for other text."""


def newline_of(text: str) -> str:
    """The file's line ending: CRLF when every line ends so, else LF."""
    return "\r\n" if "\r\n" in text and not BARE_LF.search(text) else "\n"


def with_newline(text: str, newline: str) -> str:
    """Text produced by tomlkit (bare LF for new lines) in the file's line ending."""
    return BARE_LF.sub("\r\n", text) if newline == "\r\n" else text


KEY = r"[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*"
HEADER_BLOCK = re.compile(
    rf"\n((?:[ \t]*(?:#[^\n]*|\r)?\n)*)([ \t]*(\[\[?)[ \t]*({KEY})[ \t]*\]\]?[ \t]*(?:#[^\n]*)?\r?)(?=\n|\Z)"
)
"""A header line, with the blank and comment lines right above it (group 1), found in the text
after a newline (a pattern that starts with one is searched quickly)."""
QUOTED_HEADER_LINE = re.compile(r"\n[ \t]*\[\[?[ \t]*[\"'][^\n]*\][ \t]*(?:#[^\n]*)?\r?(?=\n|\Z)")
STRINGS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*""""{0,2}'
    r"|'''(?:[^']|'(?!''))*''''{0,2}"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*",
    re.DOTALL,
)
"""Strings and comments in file order: a line inside a multi-line string that looks like a
header is not one."""


def cut(text: str) -> list[Chunk] | None:
    """The text as chunks in file order, or None for a layout this does not follow.

    Header lines are found by pattern, not by parsing (a large project has thousands), skipping
    those inside a multi-line string. A value over several lines that still fools the pattern
    cuts wrongly, and the records counted (`written`) or the text read back (`edit_text`) do not
    match the project: the caller then works on the whole document."""
    inside = _multi_line_strings(text)
    lines = "\n" + text  # every line, the first too, starts after a newline (positions + 1)
    if any(not _within(inside, found.start() + 1) for found in QUOTED_HEADER_LINE.finditer(lines)):
        return None
    chunks: list[Chunk] = []
    start, section = 0, ""  # where the chunk being read starts, and its record list
    for found in HEADER_BLOCK.finditer(lines):
        if inside and _within(inside, found.start(2) - 1):
            continue
        name = found.group(4)
        if " " in name or "\t" in name:
            name = re.sub(r"[ \t]", "", name)
        top = name.split(".")[0]
        record = top in RECORD_KEYS and name == top and found.group(3) == "[["
        if top in RECORD_KEYS and not record:
            if name != top and section == top:
                continue  # a sub-table of the record above
            return None  # a record list written as a [table], or a sub-table away from its record
        if not record and not section:
            continue  # another table of the text around the records
        block, at = found.group(1), found.start(1) - 1
        if inside:  # the lines above may end a multi-line string: they are not comments
            ended = _string_end_before(inside, at + len(block))
            if ended > at:
                cut_at = text.find("\n", ended, at + len(block)) + 1 or at + len(block)
                block, at = text[cut_at : at + len(block)], cut_at
        attached, apart = _above(block, at)
        chunks.append(Chunk(text[start:apart], section))
        if apart < attached:  # comments set apart by a blank line: a section's own notes
            chunks.append(Chunk(text[apart:attached]))
        start, section = attached, top if record else ""
    chunks.append(Chunk(text[start:], section))
    return chunks


def _above(block: str, at: int) -> tuple[int, int]:
    """Where the comment lines right above a header start (they are the record's own), and where
    the blank lines before them end (they stay with the text before): `block` is the blank and
    comment lines between the last other line and the header, starting at `at` in the text."""
    if not block:
        return at, at
    lines = block.splitlines(keepends=True)
    attached = len(block)
    for line in reversed(lines):
        if not line.lstrip().startswith("#"):
            break
        attached -= len(line)
    apart = 0
    for line in lines:
        if apart >= attached or line.strip():
            break
        apart += len(line)
    return at + attached, at + min(apart, attached)


def _multi_line_strings(text: str) -> list[tuple[int, int]]:
    """Where the multi-line strings are (start, end), in order; none in most files."""
    if '"""' not in text and "'''" not in text:
        return []
    return [m.span() for m in STRINGS.finditer(text) if m.group().startswith(('"""', "'''"))]


def _string_end_before(spans: list[tuple[int, int]], position: int) -> int:
    """Where the last multi-line string that starts before `position` ends (0: none)."""
    at = bisect.bisect_left(spans, (position, position)) - 1
    return spans[at][1] if at >= 0 else 0


def _within(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` is inside one of the (start, end) spans, sorted by start."""
    at = bisect.bisect_right(spans, (position, position)) - 1
    return at >= 0 and spans[at][0] < position < spans[at][1]


Pieces = tuple[tuple[str, str], ...]
"""A file's chunks as (text, section) pairs: kept with the file's text, so the next save of a
large project (thousands of records) does not cut it again."""


@dataclass(frozen=True)
class Written:
    """A file's text as written, what it reads as, and its chunks (None: a layout not followed)."""

    text: str
    data: dict[str, Any]
    pieces: Pieces | None


def written(text: str, data: dict[str, Any]) -> Written:
    """A file's text cut into chunks (call it from a background thread for a large file); no
    chunks when the records found are not the data's (the text-level edit keeps them so)."""
    chunks = cut(text)
    if chunks is None:
        return Written(text, data, None)
    found = Counter(c.section for c in chunks if c.section)
    if any(len(data.get(section) or []) != count for section, count in found.items()):
        return Written(text, data, None)
    return Written(text, data, _pieces(chunks))


def edit_text(
    saved: Written, new: dict[str, Any], earlier: Written | None = None, position: Position | None = None
) -> Written | None:
    """The file's text changed from what it reads as to `new`, touching only the records and
    values that changed; None when the layout can't be edited this way. What is put in (a
    record, a line of a list written inline) takes its text from `earlier` when that held it:
    an undone delete gets its text and comments back from the file as opened, a merge takes
    theirs' text. `position` finds a record in `earlier` (by default: by its key)."""
    if saved.pieces is None:
        return None
    try:
        return _edited(saved, saved.pieces, new, _Earlier(earlier, position) if earlier else None)
    except Unfollowable:
        return None


Position = Callable[[str, dict[str, Any]], int | None]
"""Where a record is in a version's list of its section (None: not there)."""


class _Earlier:
    """Another version of the file, to take texts from: its records' and its other chunks'."""

    def __init__(self, written: Written, position: Position | None) -> None:
        self.written, self.position = written, position
        self.by_section: dict[str, list[str]] = {}
        self.by_key: dict[str, dict[Any, int]] = {}
        self.owners: dict[str, str] | None = None

    def record(self, section: str, record: dict[str, Any], newline: str) -> str:
        """A record's text as written there (comments above it included), edited to hold
        `record`; "" when it is not there as a `[[record]]` of its own."""
        if self.written.pieces is None:
            return ""
        records = self.written.data.get(section, [])
        if section not in self.by_section:
            self.by_section[section] = [text for text, of in self.written.pieces if of == section]
            key_of = RECORD_KEYS[section]
            self.by_key[section] = {}
            for index, written_record in enumerate(records):
                self.by_key[section].setdefault(key_of(written_record), index)
        key = RECORD_KEYS[section](record)
        at = self.position(section, record) if self.position else self.by_key[section].get(key)
        if at is None:
            return ""
        chunk = Chunk(in_newline(_without_blank_lines(self.by_section[section][at]), newline), section)
        if records[at] != record:
            _edit(chunk, section, records[at], record, newline)  # (read back there)
            return chunk.text
        return _checked(chunk.text, {section: [record]})

    def holding(self, key: str) -> str:
        """The text of the other chunk that holds a top-level key there ("" when none does)."""
        if self.owners is None:
            self.owners = {}
            for text, section in self.written.pieces or ():
                if not section and text.strip():
                    try:
                        for held in toml_reader.loads(text):
                            self.owners.setdefault(held, text)
                    except toml_reader.TOMLDecodeError:
                        continue
        return self.owners.get(key, "")


def in_newline(text: str, newline: str) -> str:
    """Text in the given line ending, whatever it was written in."""
    return with_newline(text, newline) if newline == "\r\n" else text.replace("\r\n", "\n")


def _pieces(chunks: list[Chunk]) -> Pieces:
    return tuple((c.text, c.section) for c in chunks)


def _edited(saved: Written, pieces: Pieces, new: dict[str, Any], earlier: _Earlier | None) -> Written | None:
    text, old = saved.text, saved.data
    chunks = [Chunk(piece, section) for piece, section in pieces]  # edited in place: a copy
    newline = newline_of(text)
    sections = {section for _, section in pieces if section}
    owners = _owners(chunks)
    if owners is None or not _edit_other(chunks, owners, old, new, sections, newline, earlier):
        return None
    for section in [s for s in TOP_LEVEL_ORDER if s in RECORD_KEYS and s not in owners]:
        wanted = new.get(section, [])
        if old.get(section, []) == wanted:
            continue
        if (section in sections or wanted) and not _edit_records(
            chunks, section, old.get(section, []), wanted, newline, earlier
        ):
            return None
    return Written("".join(c.text for c in chunks), new, _pieces(chunks))


class Unfollowable(Exception):
    """A rewritten piece does not read back as the data it should hold."""


def _checked(text: str, expected: dict[str, Any]) -> str:
    """The text of a rewritten chunk, when it reads as `expected`."""
    try:
        if toml_reader.loads(text) == expected:
            return text
    except toml_reader.TOMLDecodeError:
        pass
    raise Unfollowable(text)


def _owners(chunks: list[Chunk]) -> dict[str, int] | None:
    """Which chunk holds each top-level key outside the records; None if one is in two places."""
    owners: dict[str, int] = {}
    for index, chunk in enumerate(chunks):
        if chunk.section or not chunk.text.strip():
            continue
        try:
            keys = toml_reader.loads(chunk.text)
        except toml_reader.TOMLDecodeError:
            return None
        for key in keys:
            if key in owners:
                return None
            owners[key] = index
    return owners


def _edit_other(
    chunks: list[Chunk],
    owners: dict[str, int],
    old: dict[str, Any],
    new: dict[str, Any],
    sections: set[str],
    newline: str,
    earlier: _Earlier | None = None,
) -> bool:
    """Apply changes outside the `[[record]]` chunks to the chunk that holds each key; lines
    put back (an undone delete in a list written inline) take their text from `earlier`."""
    others = {k for k in {*old, *new} if k not in sections}
    changed = [k for k in others if old.get(k) != new.get(k)]
    if not changed:
        return True
    later = TOP_LEVEL_ORDER.index("sessions")
    for key in [k for k in changed if k not in owners and k in new and k not in RECORD_KEYS]:
        if key not in TOP_LEVEL_ORDER or TOP_LEVEL_ORDER.index(key) > later:  # [proposal]: at the end
            ending = "" if chunks[-1].text.endswith("\n") or not chunks[-1].text else newline
            owners[key] = len(chunks)
            chunks.append(Chunk(ending + newline if chunks[-1].text else ""))
    by_chunk: dict[int, list[str]] = {}
    for key in changed:
        if key in owners or key not in RECORD_KEYS:
            by_chunk.setdefault(owners.get(key, 0), []).append(key)
    for index, keys in sorted(by_chunk.items()):
        last = [k for k in keys if k == "retired_ids"]  # after the lines put back: see _edit_keys
        for group in ([k for k in keys if k not in last], last):
            if group:
                _edit_keys(chunks[index], group, old, new, newline, earlier)
    return True


def _edit_keys(
    chunk: Chunk,
    keys: list[str],
    old: dict[str, Any],
    new: dict[str, Any],
    newline: str,
    earlier: _Earlier | None,
) -> None:
    """Change `keys` of a chunk from their `old` to their `new` values; lines put back (an undone
    delete in a list written inline) take their text from `earlier`. Lines are only ever put
    back, so a key that loses lines (`retired_ids` when a delete is undone) is changed apart,
    and a key that goes loses its line (tomlkit would rewrite the lists around it)."""
    now = toml_reader.loads(chunk.text)
    doc = tomlkit.parse(chunk.text)
    merge_document(doc, {k: old[k] for k in keys if k in old}, {k: new[k] for k in keys if k in new})
    expected = {k: v for k, v in now.items() if k not in keys} | {k: new[k] for k in keys if k in new}
    put_back = _put_back(chunk.text, [earlier.holding(k) for k in keys] if earlier else [], newline)
    gone = [k for k in keys if k in old and k not in new]
    for text in (put_back, _without_key_lines(chunk.text, gone) if gone else None):
        if text is not None and _reads(text) == expected:
            chunk.text = text
            return
    chunk.text = _checked(with_newline(doc.as_string(), newline), expected)


def _without_key_lines(text: str, keys: list[str]) -> str:
    """`text` without the `key = value` line of each key (a value on one line)."""
    for key in keys:
        text = re.sub(rf"(?m)^[ \t]*{re.escape(key)}[ \t]*=[^\n]*\n", "", text, count=1)
    return text


def _put_back(text: str, earlier: list[str], newline: str) -> str | None:
    """`text` with the lines `earlier` versions of it had added back where they were (None when
    there is nothing to add): what an undone delete of a record written inline looks like."""
    lines = text.splitlines(keepends=True)
    added = False
    for then in dict.fromkeys(t for t in earlier if t and t != text):
        old = in_newline(then, newline).splitlines(keepends=True)
        out: list[str] = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, lines, old, autojunk=False).get_opcodes():
            out.extend(lines[i1:i2])
            if tag == "insert":
                out.extend(old[j1:j2])
                added = True
        lines = out
    return "".join(lines) if added else None


def _reads(text: str) -> dict[str, Any] | None:
    try:
        return toml_reader.loads(text)
    except toml_reader.TOMLDecodeError:
        return None


def _edit_records(
    chunks: list[Chunk],
    section: str,
    old: list[dict[str, Any]],
    new: list[dict[str, Any]],
    newline: str,
    earlier: _Earlier | None,
) -> bool:
    key_of = RECORD_KEYS[section]
    mine = [c for c in chunks if c.section == section]
    if len(old) == len(new) and all(
        o is n or o == n or key_of(o) == key_of(n) for o, n in zip(old, new, strict=True)
    ):
        for before, record, chunk in zip(old, new, mine, strict=True):  # the usual save: edits only
            if before is not record and before != record:
                _edit(chunk, section, before, record, newline)
        return True
    by_key = {key_of(r): (r, c) for r, c in zip(old, mine, strict=True)}
    if len(by_key) != len(old):
        return False
    new_keys = [key_of(r) for r in new]
    wanted = set(new_keys)
    kept = [k for k in (key_of(r) for r in old) if k in wanted]
    if kept != [k for k in new_keys if k in by_key]:
        return False  # records reordered: leave it to the whole-document merge
    for key, (_, chunk) in by_key.items():
        if key not in wanted:
            _delete(chunks, chunk)
    after: Chunk | None = None
    for record in new:
        key = key_of(record)
        if key in by_key:
            before, chunk = by_key[key]
            if before != record:
                _edit(chunk, section, before, record, newline)
            after = chunk
            continue
        text = (earlier.record(section, record, newline) if earlier else "") or _new_text(section, record)
        after = _insert(chunks, _insert_at(chunks, section, after), section, text, newline)
    return True


def _new_text(section: str, record: dict[str, Any]) -> str:
    doc = tomlkit.document()
    merge_document(doc, {}, {section: [record]})
    return _checked(doc.as_string(), {section: [record]})


def _without_blank_lines(text: str) -> str:
    return text[: len(text) - len(_blank_lines(text))]


def _edit(chunk: Chunk, section: str, before: dict[str, Any], record: dict[str, Any], newline: str) -> None:
    """Change the fields of one record in its own text, keeping its comments and layout; the
    blank lines after it stay after it (a sub-table added goes above them, never glued to the
    heading of the next list)."""
    quick = _edit_values(chunk.text, before, record, newline)
    if quick is not None and _reads(quick) == {section: [record]}:
        chunk.text = quick
        return
    blanks = _blank_lines(chunk.text)
    try:
        doc = tomlkit.parse(chunk.text[: len(chunk.text) - len(blanks)])
        table = doc[section][0]
    except (tomlkit.exceptions.ParseError, KeyError, IndexError) as error:  # not cut as a record
        raise Unfollowable(chunk.text) from error
    merge_table(table, before, record)
    text = with_newline(doc.as_string(), newline)
    if blanks and not text.endswith("\n"):
        text += newline
    chunk.text = _checked(text + blanks, {section: [record]})


VALUE_ENDS = ("\r", "\n", " ", "\t", "#", "")
"""What may follow a value on its line (or the end of the text)."""


def _edit_values(text: str, before: dict[str, Any], record: dict[str, Any], newline: str) -> str | None:
    """The record's text with its changed values replaced where they are written `key = value`
    the way a save writes them, without parsing the text (most edits: a note, a score); None
    when a key is added or removed, a value is a table, or is written some other way."""
    if before.keys() != record.keys():
        return None
    for key, value in record.items():
        old = before[key]
        if old == value:
            continue
        if isinstance(old, dict) or isinstance(value, dict):
            return None
        needle = in_newline(f"\n{key} = {to_item(old).as_string()}", newline)
        at = text.find(needle)
        end = at + len(needle)
        if at < 0 or text.find(needle, end) >= 0 or text[end : end + 1] not in VALUE_ENDS:
            return None
        text = text[:at] + in_newline(f"\n{key} = {to_item(value).as_string()}", newline) + text[end:]
    return text


def _delete(chunks: list[Chunk], chunk: Chunk) -> None:
    """Remove a record with its comments and the blank lines after it."""
    index = next(i for i, c in enumerate(chunks) if c is chunk)
    del chunks[index]
    if index == len(chunks) and index > 0 and not _blank_lines(chunk.text):
        previous = chunks[index - 1]  # the file ended with it: end with the record before
        previous.text = _without_blank_lines(previous.text)


def _blank_lines(text: str) -> str:
    """The blank lines at the end of a text (after its last line's own line ending)."""
    body = text.rstrip("\r\n")
    ending = text[len(body) :]
    first = ending.find("\n")
    return ending[first + 1 :] if first >= 0 else ""


def _insert(chunks: list[Chunk], index: int, section: str, record: str, newline: str) -> Chunk:
    """Put a new record's text at `index`, set apart by a blank line like its neighbours."""
    record = with_newline(record, newline)
    previous = chunks[index - 1] if index > 0 else None
    blanks = _blank_lines(previous.text) if previous is not None else ""
    if previous is not None and blanks:  # set apart after it as the one before it is
        added = Chunk(record + blanks, section)
    elif previous is not None and previous.text:
        ending = "" if previous.text.endswith(("\n", "\r")) else newline
        added = Chunk(ending + newline + record, section)
    else:
        added = Chunk(record + newline, section)
    chunks.insert(index, added)
    return added


def _insert_at(chunks: list[Chunk], section: str, after: Chunk | None) -> int:
    """Where a new record goes: after the record before it, else where its list belongs (above
    the notes that open the next list)."""
    if after is not None:
        return next(i for i, c in enumerate(chunks) if c is after) + 1
    mine = [i for i, c in enumerate(chunks) if c.section == section]
    if mine:
        return mine[0]
    rank = TOP_LEVEL_ORDER.index(section)
    later = [i for i, c in enumerate(chunks) if c.section and TOP_LEVEL_ORDER.index(c.section) > rank]
    if not later:
        return len(chunks)
    index = later[0]
    while index > 1 and not chunks[index - 1].section and _only_comments(chunks[index - 1].text):
        index -= 1
    return index


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())
