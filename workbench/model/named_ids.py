"""The record ids a project names anywhere: in its records' ids and links, and in any text."""

import re
from typing import Any

from pydantic import BaseModel

NAMED_ID = re.compile(r"\b[A-Z]+(?:-[a-z][a-z0-9]*)?-\d+\b")
"""A record id as it may be named in any text of the project: `G-011`, `H-d1-02`, `P-3`."""


def ids_named_in(value: Any) -> set[str]:
    """Every record id named in plain data or models (dicts with their keys, lists, records,
    dataclasses such as an edit's changes): their strings are read as one text, in one pass."""
    texts: list[str] = []
    _collect(value, texts)
    return set(NAMED_ID.findall("\n".join(texts)))


def _collect(value: Any, texts: list[str]) -> None:
    if isinstance(value, str):
        texts.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(key, texts)
            _collect(item, texts)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _collect(item, texts)
    elif isinstance(value, BaseModel) or hasattr(value, "__dataclass_fields__"):
        for item in vars(value).values():
            _collect(item, texts)


class NamedIdsMemo:
    """The ids a project names, once read (None before): kept beside its data, and equal to any
    other memo, so it never makes two projects with the same data unequal."""

    def __init__(self) -> None:
        self.ids: set[str] | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NamedIdsMemo)

    __hash__ = None  # type: ignore[assignment]
