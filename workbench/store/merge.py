"""Merge model changes into a tomlkit document key by key, so what a person wrote survives."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from collections.abc import Mapping as MappingABC
from difflib import SequenceMatcher
from types import NoneType
from typing import Any

import tomlkit
from tomlkit.items import (
    AoT,
    Array,
    Comment,
    InlineTable,
    Item,
    Null,
    String,
    StringType,
    Table,
    Trivia,
    Whitespace,
)

from workbench.store.serialize import RECORD_KEYS

_MISSING = object()
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
"""Characters that act on a terminal, reorder text or cannot be seen (C0 and C1 controls, DEL,
bidi controls, zero width characters, the no-break space, the soft hyphen, U+2028/U+2029, the
byte order mark): written as \\uXXXX escapes, never raw, so `cat` and `git diff` show them."""
LONG_ARRAY = 100
"""An array of inline tables longer than this is written one table per line."""


def to_item(value: Any, top_level_records: bool = False, inline: bool = False) -> Any:
    """A tomlkit item for a new value: multi-line strings, inline tables inside records (and
    inside an inline table: `inline`, a session written `{ id = … }` given its clock's table)."""
    if isinstance(value, str):
        return string_item(value)
    if isinstance(value, MappingABC) and inline:
        return inline_table(value)
    if isinstance(value, MappingABC):
        table = tomlkit.table()
        for key, inner in value.items():
            table[key] = to_item(inner)
        return table
    if isinstance(value, list):
        if top_level_records and value and all(isinstance(v, MappingABC) for v in value):
            aot = tomlkit.aot()
            for record in value:
                aot.append(to_item(record))
            return aot
        array = tomlkit.array()
        for inner in value:
            array.append(inline_table(inner) if isinstance(inner, MappingABC) else to_item(inner))
        if (
            len(value) > 1
            and any(isinstance(v, MappingABC) for v in value)
            and len(array.as_string()) > LONG_ARRAY
        ):
            array.multiline(True)
        return array
    return tomlkit.item(value)


def string_item(value: str) -> String:
    """A string as every value is written: a basic string (multi-line when it holds a newline)
    with each `INVISIBLE` character and carriage return escaped, so the file shows them and
    reads back the same value."""
    item = tomlkit.string(value, multiline="\n" in value)
    raw = item.as_string()
    if INVISIBLE.search(raw) or "\r" in raw:
        kind = StringType.MLB if raw.startswith('"""') else StringType.SLB
        inner = raw[len(kind.value) : len(raw) - len(kind.value)]
        escaped = INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", inner).replace("\r", "\\r")
        return String(kind, value, escaped, Trivia())
    return item


def inline_table(value: MappingABC[str, Any], like: Any = None) -> InlineTable:
    """A `{key = value, …}` table for a record written inside an array; spaced inside its braces
    as `like` is (the inline table written beside it: `{ name = "x" }`) when one is given."""
    inline = tomlkit.inline_table()
    for key, inner in value.items():
        nested = isinstance(inner, MappingABC)
        inline[key] = inline_table(inner, like) if nested else to_item(inner, inline=True)
    entries = [item for key, item in inline.value.body if key is not None]
    if isinstance(like, InlineTable) and entries:  # (a new table puts ", " between its keys)
        entries[0].trivia.indent = entries[-1].trivia.trail = _padding(like)
    return inline


def _padding(table: InlineTable) -> str:
    """The space inside an inline table's braces: `{ name = "x" }` has one, `{name = "x"}` none."""
    opening = re.match(r"\{([ \t]*)", table.as_string().strip())
    return opening.group(1) if opening else ""


def _respace(table: InlineTable, padding: str) -> None:
    """Space an inline table `{ a = 1, b = 2 }` (`padding` inside the braces): tomlkit glues a key
    it adds to the brace (`{ a = 1, b = 2}`) or to the comma (`{a = 1,b = 2}`). The whitespace
    items it keeps are emptied, not removed, so its index of the keys holds."""
    entries = [item for key, item in table.value.body if key is not None]
    for key, item in table.value.body:
        if key is None and isinstance(item, Whitespace):
            item._s = ""  # tomlkit's public API can't set a whitespace item's text
    for number, item in enumerate(entries):
        item.trivia.indent = padding if number == 0 else " "
        item.trivia.trail = padding if number == len(entries) - 1 else ""


def _beside(array: Array, at: int) -> Any:
    """The inline table a new one put at `at` copies its spacing from: the one before, else after."""
    return array[at - 1] if at > 0 else (array[at] if len(array) else None)


def merge_document(doc: Any, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Apply the difference between `old` and `new` data to `doc`, touching nothing else."""
    for key in [k for k in old if k not in new]:
        if key in doc:
            del doc[key]
    for key, value in new.items():
        before = old.get(key, _MISSING)
        if before == value:
            continue
        if key not in doc:
            doc[key] = to_item(value, top_level_records=key in RECORD_KEYS)
            continue
        current = doc[key]
        if key in RECORD_KEYS and isinstance(current, AoT):
            _merge_records(current, before if isinstance(before, list) else [], value, key)
        elif key in RECORD_KEYS and _inline_records(current) and isinstance(value, list):
            _merge_inline_records(current, before if isinstance(before, list) else [], value, key)
        elif isinstance(value, dict) and isinstance(current, Table | InlineTable):
            merge_table(current, before if isinstance(before, dict) else {}, value)
        else:
            doc[key] = to_item(value, top_level_records=key in RECORD_KEYS)


def merge_table(table: Any, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Apply the difference between two versions of a table's data to it, key by key (an inline
    table given or losing a key keeps the space inside its braces)."""
    padding = _padding(table) if isinstance(table, InlineTable) else None
    keys = set(table.keys())
    for key in [k for k in old if k not in new]:
        if key in table:
            del table[key]
    for key, value in new.items():
        before = old.get(key, _MISSING)
        if before == value and key in table:
            continue
        current = table.get(key)
        if isinstance(value, dict) and isinstance(current, Table | InlineTable):
            merge_table(current, before if isinstance(before, dict) else {}, value)
        elif isinstance(current, Item) and _same(current, value):
            continue
        elif _inline_tables(current, value):
            _merge_inline_tables(current, value)
        elif isinstance(table, InlineTable) and isinstance(value, MappingABC):
            table[key] = inline_table(value, like=table)  # (an inline table holds no [table])
        else:
            table[key] = _keep_style(current, to_item(value, inline=isinstance(table, InlineTable)))
    if padding is not None and set(table.keys()) != keys:
        _respace(table, padding)


def _inline_tables(current: Any, value: Any) -> bool:
    """Whether `value` is tables and the array written holds inline tables (a session's attendees)."""
    return (
        isinstance(current, Array)
        and isinstance(value, list)
        and all(isinstance(v, InlineTable) for v in current)
        and all(isinstance(v, MappingABC) for v in value)
    )


def _merge_inline_tables(array: Array, value: list[Any]) -> None:
    """Edit an array of inline tables in place (a session's attendees): the tables not changed keep
    their text, a changed one is edited key by key, a new one is spaced as the one beside it."""
    old = [table.unwrap() for table in array]
    keys = [json.dumps(v, sort_keys=True, default=str) for v in (*old, *value)]
    matcher = SequenceMatcher(None, keys[: len(old)], keys[len(old) :], autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):  # from the end: indices hold
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            merge_table(array[i1 + k], old[i1 + k], value[j1 + k])
        for k in reversed(range(i1 + paired, i2)):
            del array[k]
        for k in range(j1 + paired, j2):
            at = i1 + k - j1
            array.insert(at, inline_table(value[k], _beside(array, at)))


def _same(item: Item, value: Any) -> bool:
    try:
        return bool(item.unwrap() == value)
    except Exception:  # pragma: no cover - defensive: unwrap of an odd item
        return False


def _keep_style(current: Any, replacement: Any) -> Any:
    """Keep a multi-line array multi-line when it is replaced."""
    if isinstance(current, Array) and isinstance(replacement, Array) and "\n" in current.as_string():
        replacement.multiline(True)
    return replacement


def _merge_records(aot: AoT, old: list[dict[str, Any]], new: list[dict[str, Any]], name: str) -> None:
    """`[[records]]`: a deleted one hands the comments after it on; a new one goes at the end."""

    def delete(index: int) -> None:
        _keep_trailing_comments(aot, index)
        del aot[index]

    def append(_at: int, record: dict[str, Any]) -> None:
        _append_record(aot, to_item(record))

    _merge_keyed(list(aot.body), old, new, name, delete, append)


def _inline_records(item: Any) -> bool:
    """Whether the item is records written inline: `answers = [ { … },  # comment`."""
    return isinstance(item, Array) and all(isinstance(v, InlineTable) for v in item)


def _merge_inline_records(
    array: Array, old: list[dict[str, Any]], new: list[dict[str, Any]], name: str
) -> None:
    """Records written inline stay inline, each edited in place with the comments around it; a
    new one (an undone delete) goes where it is in the list."""

    def delete(index: int) -> None:
        _drop_comments_above(array, index)
        del array[index]

    def insert(at: int, record: dict[str, Any]) -> None:
        array.insert(at, inline_table(record, _beside(array, at)))
        if at == 0 and len(array) > 1:
            _space_after_comma(array, 1)

    _merge_keyed(list(array), old, new, name, delete, insert)


def _space_after_comma(array: Array, index: int) -> None:
    """A record put first in an array written on one line (`[{ a }, { b }]`) is followed by
    tomlkit's bare comma: the record after it gets the space the file puts after a comma (not
    `[{ a },{ b }]`). Uses tomlkit's item groups (`Array._value`), as `_drop_comments_above`."""
    group = array._value[array._index_map[index]]
    if group.indent is None or not group.indent.s:
        group.indent = Whitespace(" ")


def _drop_comments_above(array: Array, index: int) -> None:
    """The comment lines written right above an inline record go with it when it is deleted,
    as with `[[records]]` (they stayed behind, above the next record). Uses tomlkit's item groups
    (`Array._value`): its public API offers no way to reach a comment line inside an array."""
    groups = array._value
    at = array._index_map[index]
    start = at
    while start > 0:
        group = groups[start - 1]
        if not (isinstance(group.value, Null | NoneType) and group.comment is not None):
            break
        start -= 1
        if "\n\n" in (group.indent.s if group.indent is not None else ""):
            break  # a blank line above the comment: what is above it is no longer this record's
    if start < at:
        del groups[start:at]
        array._reindex()


def _merge_keyed(
    tables: list[Any],
    old: list[dict[str, Any]],
    new: list[dict[str, Any]],
    name: str,
    delete: Callable[[int], None],
    insert: Callable[[int, dict[str, Any]], None],
) -> None:
    """Match the written records (`tables`) to the data by their keys: delete the ones gone,
    edit the changed ones field by field, insert the new ones after the record before them."""
    key_of = RECORD_KEYS[name]
    old_by_key = {key_of(r): r for r in old}
    new_keys = {key_of(r) for r in new}
    for index in reversed(range(len(tables))):
        key = key_of(tables[index])
        if key in old_by_key and key not in new_keys:
            delete(index)
            del tables[index]
    by_key: dict[Any, Any] = {}
    for table in tables:
        by_key.setdefault(key_of(table), table)
    at = 0  # where the next new record goes: after the last record matched
    for record in new:
        key = key_of(record)
        before = old_by_key.get(key)
        if key not in by_key:
            insert(at, record)
            tables.insert(at, record)
            at += 1
            continue
        table = by_key[key]
        at = next((i for i in range(at, len(tables)) if tables[i] is table), at) + 1
        if before != record:
            merge_table(table, before or {}, record)


def _trailing(body: list[Any]) -> int:
    """How many items at the end of a table's body are comments and blank lines."""
    count = 0
    while count < len(body) and body[len(body) - 1 - count][0] is None:
        count += 1
    return count


def _keep_trailing_comments(aot: AoT, index: int) -> None:
    """Before a record is deleted, hand the comments that trail it (the next section's heading,
    say) to the record before it, so deleting a record never deletes what a person wrote."""
    body = aot.body[index].value.body
    trailing = _trailing(body)
    moved = body[len(body) - trailing :] if trailing else []
    if index == 0 or not any(isinstance(item, Comment) for _, item in moved):
        return
    previous = aot.body[index - 1].value.body
    del previous[len(previous) - _trailing(previous) :]
    previous.extend(moved)


def _append_record(aot: AoT, table: Table) -> None:
    """Append a table after a blank line, moving the comments that trail the last one.

    tomlkit keeps a comment that introduces the next section inside the table before it;
    a new record goes above such a comment, not below it.
    """
    table.trivia.indent = "\n"
    if aot.body:
        body = aot.body[-1].value.body
        trailing = _trailing(body)
        if trailing and any(isinstance(item, Comment) for _, item in body[len(body) - trailing :]):
            moved = body[len(body) - trailing :]
            del body[len(body) - trailing :]
            aot.append(table)
            table.value.body.extend(moved)
            return
    aot.append(table)
