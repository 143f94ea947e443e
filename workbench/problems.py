"""One-sentence problems about files: where, what, and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError


class FileProblem(Exception):
    """A file could not be used. `str()` is one sentence naming the file and the place."""

    def __init__(
        self,
        path: str | Path,
        message: str,
        line: int | None = None,
        column: int | None = None,
        field: str = "",
    ) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        self.field = field
        super().__init__(str(self))

    @property
    def place(self) -> str:
        """Where in the file: `line 3, column 10`, the dotted field path, or empty."""
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
            if self.column is not None:
                parts.append(f"column {self.column}")
        if self.field:
            parts.append(self.field)
        return ", ".join(parts)

    def __str__(self) -> str:
        return ", ".join(filter(None, (self.path, self.place))) + f": {self.message}"


def dotted(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a dotted path: `answers[3].impact`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _describe(error: Any) -> str:
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    message = message[0].lower() + message[1:] if message else message
    if error["type"] == "extra_forbidden":
        return "is not a known field; check its spelling or remove it"
    if error["type"] == "missing":
        return "is required but missing; add it"
    value = error.get("input")
    if error["type"] not in ("model_type",) and not isinstance(value, dict | list):
        return f"{message} (found {value!r}); correct the value"
    return f"{message}; correct the value"


def validation_problem(path: str | Path, error: ValidationError, prefix: str = "") -> FileProblem:
    """The first validation error as one sentence with its dotted field path."""
    first = error.errors()[0]
    loc = tuple(p for p in first["loc"] if p not in ("function-after",))
    field = dotted(loc)
    if prefix:
        field = f"{prefix}.{field}" if field else prefix
    if not field:
        message = _describe(first).removeprefix("is ")
        return FileProblem(path, message[:1].upper() + message[1:])
    return FileProblem(path, _describe(first), field=field)
