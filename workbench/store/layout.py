"""Saving by editing the file's text record by record, so every layout a person wrote survives:
comments directly above a record belong to it (they move and go with it), a record appended by
hand at the end stays there, records written inline stay inline, CRLF files stay CRLF.

The file is cut into chunks: one per `[[record]]` (with the comment lines right above it and its
sub-tables) and one per stretch of anything else. Only the chunks whose data changed are
rewritten; the result is parsed again and must read as the new data, or the caller falls back to
merging into the whole tomlkit document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import tomli as toml_reader
import tomlkit

from workbench.store.blocks import HEADER, QUOTED_HEADER, _scan
from workbench.store.merge import merge_document, merge_table
from workbench.store.serialize import RECORD_KEYS, TOP_LEVEL_ORDER

BARE_LF = re.compile(r"(?<!\r)\n")


@dataclass
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


def cut(text: str) -> list[Chunk] | None:
    """The text as chunks in file order, or None for a layout this does not follow."""
    chunks: list[Chunk] = [Chunk("")]
    pending: list[str] = []  # blank and comment lines not yet known to belong to a record
    quote, depth = "", 0
    for line in text.splitlines(keepends=True):
        if not quote and not depth:
            first = line.lstrip()[:1]
            if first in ("", "\n", "\r", "#"):
                pending.append(line)
                continue
            if first == "[":
                found = HEADER.match(line.rstrip("\r\n"))
                if found is None:
                    if QUOTED_HEADER.match(line):
                        return None
                else:
                    name = re.sub(r"[ \t]", "", found.group(2))
                    top = name.split(".")[0]
                    if top in RECORD_KEYS and name == top and found.group(1) == "[[":
                        blanks = _leading_blanks(pending)
                        attached = _attached(pending)
                        chunks[-1].text += "".join(pending[:blanks])
                        free = pending[blanks : len(pending) - attached]
                        if free:  # comments set apart by a blank line: a section's own notes
                            chunks.append(Chunk("".join(free)))
                        chunks.append(Chunk("".join(pending[len(pending) - attached :]) + line, top))
                        pending = []
                        continue
                    if top in RECORD_KEYS and name != top:  # a sub-table of the record above
                        if chunks[-1].section != top:
                            return None
                    elif top in RECORD_KEYS:
                        return None  # a record list written as a [table]
                    elif chunks[-1].section:
                        chunks.append(Chunk(""))
        if pending:
            chunks[-1].text += "".join(pending)
            pending = []
        chunks[-1].text += line
        quote, depth = _scan(line, quote, depth)
    if quote or depth:
        return None
    chunks[-1].text += "".join(pending)
    return chunks


def _leading_blanks(pending: list[str]) -> int:
    count = 0
    while count < len(pending) and not pending[count].strip():
        count += 1
    return count


def _attached(pending: list[str]) -> int:
    """How many of the lines above a record header are its own: the comments right above it."""
    count = 0
    while count < len(pending) and pending[len(pending) - 1 - count].lstrip().startswith("#"):
        count += 1
    return min(count, len(pending) - _leading_blanks(pending))


def edit_text(text: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """The file's text changed from `old` (what it reads as) to `new`, touching only the records
    and values that changed; None when the layout can't be edited this way."""
    chunks = cut(text)
    if chunks is None:
        return None
    newline = newline_of(text)
    sections = {c.section for c in chunks if c.section}
    for section in sections:
        if len([c for c in chunks if c.section == section]) != len(old.get(section, [])):
            return None
    owners = _owners(chunks)
    if owners is None or not _edit_other(chunks, owners, old, new, sections, newline):
        return None
    for section in [s for s in TOP_LEVEL_ORDER if s in RECORD_KEYS and s not in owners]:
        wanted = new.get(section, [])
        if (section in sections or wanted) and not _edit_records(
            chunks, section, old.get(section, []), wanted, newline
        ):
            return None
    result = "".join(c.text for c in chunks)
    try:
        if toml_reader.loads(result) != new:
            return None
    except toml_reader.TOMLDecodeError:
        return None
    return result


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
) -> bool:
    """Apply changes outside the `[[record]]` chunks to the chunk that holds each key."""
    others = {k for k in {*old, *new} if k not in sections}
    changed = [k for k in others if old.get(k) != new.get(k)]
    if not changed:
        return True
    new_sections = [k for k in changed if k in RECORD_KEYS and k not in owners and k not in old]
    for index in sorted({owners.get(k, 0) for k in changed if k not in new_sections}):
        keys = [k for k in changed if owners.get(k, 0) == index and k not in new_sections]
        doc = tomlkit.parse(chunks[index].text)
        merge_document(doc, {k: old[k] for k in keys if k in old}, {k: new[k] for k in keys if k in new})
        chunks[index].text = with_newline(doc.as_string(), newline)
    return True


def _edit_records(
    chunks: list[Chunk], section: str, old: list[dict[str, Any]], new: list[dict[str, Any]], newline: str
) -> bool:
    key_of = RECORD_KEYS[section]
    mine = [c for c in chunks if c.section == section]
    by_key = {key_of(r): (r, c) for r, c in zip(old, mine, strict=True)}
    if len(by_key) != len(old):
        return False
    new_keys = [key_of(r) for r in new]
    kept = [k for k in (key_of(r) for r in old) if k in set(new_keys)]
    if kept != [k for k in new_keys if k in by_key]:
        return False  # records reordered: leave it to the whole-document merge
    for key, (_, chunk) in by_key.items():
        if key not in set(new_keys):
            _delete(chunks, chunk)
    after: Chunk | None = None
    for record in new:
        key = key_of(record)
        if key in by_key:
            before, chunk = by_key[key]
            if before != record:
                doc = tomlkit.parse(chunk.text)
                merge_table(doc[section][0], before, record)
                chunk.text = with_newline(doc.as_string(), newline)
            after = chunk
            continue
        doc = tomlkit.document()
        merge_document(doc, {}, {section: [record]})
        after = _insert(chunks, _insert_at(chunks, section, after), section, doc.as_string(), newline)
    return True


def _delete(chunks: list[Chunk], chunk: Chunk) -> None:
    """Remove a record with its comments and the blank lines after it."""
    index = next(i for i, c in enumerate(chunks) if c is chunk)
    del chunks[index]
    if index == len(chunks) and index > 0 and not _blank_lines(chunk.text):
        previous = chunks[index - 1]  # the file ended with it: end with the record before
        previous.text = previous.text[: len(previous.text) - len(_blank_lines(previous.text))]


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
