"""Which fields find a record in each of the project's lists (the file and the model agree)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

RECORD_KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "sessions": ("id",),
    "heard": ("id",),
    "metrics": ("id",),
    "gaps": ("id",),
    "pilots": ("id",),
    "next_steps": ("id",),
    "answers": ("question", "session"),
    "mappings": ("gap", "practice"),
    "dismissed": ("suggestion",),
    "milestones": ("name",),
}
"""The fields that make up a record's identity in each top-level list."""


def key_reader(fields: tuple[str, ...], read: Callable[[Any, str], Any]) -> Callable[[Any], Hashable]:
    """A function giving a record's key: the one field's value, or a tuple of them. `read`
    gets a field (attribute access for records, `dict.get` for data read from a file)."""
    if len(fields) == 1:
        return lambda record: read(record, fields[0])
    return lambda record: tuple(read(record, name) for name in fields)
