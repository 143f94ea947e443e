"""One-sentence problems about files: where, what, and what to do."""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError


class FileProblem(Exception):
    """A file could not be used. `str()` is one sentence naming the file and the place."""

    def __init__(
        self,
        path: str | Path,
        message: str,
        line: int | None = None,
        column: int | None = None,
        field: str = "",
        at_key: bool = False,
    ) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        self.field = field
        self.at_key = at_key
        """What is wrong is the field's key (a field that does not exist), not the value written
        for it: its column is the key's, not the value's."""
        self.more: list[FileProblem] = []
        """The other problems found in the same pass (validation finds every one at once)."""
        super().__init__(str(self))

    def at(self, line: int, column: int) -> FileProblem:
        """The same problem (same kind, with the others found with it) placed at a line and column."""
        placed = type(self)(
            self.path, self.message, line=line, column=column, field=self.field, at_key=self.at_key
        )
        placed.more = self.more
        return placed

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


def shown(value: object) -> str:
    """A value as it is written in a TOML file, for messages: `"2"`, `4.0`, `2026-11-16`, `true`."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _wrong_type(kind: str, value: object) -> str:
    """The sentence for a value of the wrong type (tomllib gives exact types; nothing is coerced)."""
    found = shown(value)
    if kind == "date":
        if isinstance(value, dt.datetime):
            return f"must be a date without a time (found {found}); write {value.date().isoformat()}"
        if isinstance(value, str) and _iso_date(value):
            return f"must be a date, not text (found {found}); remove the quotes: {value.strip()}"
        return (
            f"must be a date like 2026-11-16, without quotes (found {found}); write the day as "
            "YYYY-MM-DD, or remove the line"
        )
    if kind in ("whole number", "number"):
        if isinstance(value, str) and _number(value):
            return f"must be a {kind}, not text (found {found}); remove the quotes: {value.strip()}"
        if kind == "whole number" and isinstance(value, float) and value.is_integer():
            return f"must be a whole number (found {found}); write {int(value)}"
        example = "3" if kind == "whole number" else "2.5"
        return f"must be a {kind} (found {found}); write one without quotes, like {example}"
    if kind == "table":
        return (
            f"must be a table of fields, like [section] or {{ key = value }} (found {found}); "
            "write its fields under a [section] line"
        )
    if kind == "text":
        return f"must be text in quotes (found {found}); put it in quotes"
    if kind == "true or false":
        return f"must be true or false (found {found}); write true or false, without quotes"
    if kind.startswith("a list"):
        return f"must be {kind} (found {found}); write it as [ … ], its items separated by commas"
    return f"must be {kind} (found {found}); correct the value"


def _iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def _number(text: str) -> bool:
    try:
        float(text.strip())
    except ValueError:
        return False
    return True


TYPE_NAMES = {
    "date_type": "date",
    "date_from_datetime_inexact": "date",
    "date_from_datetime_parsing": "date",
    "date_parsing": "date",
    "int_type": "whole number",
    "int_parsing": "whole number",
    "int_from_float": "whole number",
    "float_type": "number",
    "float_parsing": "number",
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list in square brackets",
    "dict_type": "table",
    "model_type": "table",
    "model_attributes_type": "table",
}
"""Pydantic's error types for a value of the wrong type, and the type asked for, in words."""


def _describe(error: Any, model: type[BaseModel] | None = None) -> str:
    kind = TYPE_NAMES.get(error["type"])
    if kind is not None:
        return _wrong_type(kind, error.get("input"))
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if message.startswith("Input should be "):
        message = "must be " + message[len("Input should be ") :]
    message = message[0].lower() + message[1:] if message else message
    if error["type"] == "extra_forbidden":
        return "is not a known field; check its spelling or remove it"
    if error["type"] == "missing":
        name = next((p for p in reversed(error["loc"]) if isinstance(p, str)), "")
        line = f"a `{name} = …` line" if name else "it"
        return f"is required but missing; add {line} to this record"
    value = error.get("input")
    if error["type"] in RANGE_ERRORS:
        return _out_of_range(value, _bounds(model, tuple(error["loc"])), error.get("ctx") or {})
    action = "correct the value"
    if error["type"] == "literal_error":
        action = "write one of these"
    elif "; " in message:  # (a rule of ours: what is wrong, then what to do)
        message, action = message.split("; ", 1)
    if not isinstance(value, dict | list):
        return f"{message} (found {shown(value)}); {action}"
    return f"{message}; {action}"


RANGE_ERRORS = frozenset({"greater_than_equal", "less_than_equal", "greater_than", "less_than"})
"""Pydantic's error types for a number outside the range its field allows."""


def _out_of_range(value: object, bounds: tuple[Any, Any], ctx: dict[str, Any]) -> str:
    """A number outside its field's range: the range (both ends when the field has both), and
    what to write."""
    low = bounds[0] if bounds[0] is not None else ctx.get("ge")
    high = bounds[1] if bounds[1] is not None else ctx.get("le")
    low, high = (None if end is None else _bound(end) for end in (low, high))
    kind = "a whole number" if isinstance(value, int) else "a number"
    if low is not None and high is not None:
        return f"must be {kind} from {low} to {high} (found {shown(value)}); write one from {low} to {high}"
    if low is not None:
        return f"must be {low} or more (found {shown(value)}); write {kind} of at least {low}"
    if high is not None:
        return f"must be {high} or less (found {shown(value)}); write {kind} of at most {high}"
    return f"is out of range (found {shown(value)}); correct the value"


def _bounds(model: type[BaseModel] | None, loc: tuple[int | str, ...]) -> tuple[Any, Any]:
    """The lowest and highest values (`ge`, `le`) the field at `loc` in `model` allows, each None
    when the field does not say (or cannot be found)."""
    annotation: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = _model_in(annotation)
        if annotation is None or part not in annotation.model_fields:
            return None, None
        info = annotation.model_fields[part]
        annotation = info.annotation
    if info is None:
        return None, None
    metadata = [*info.metadata, *_annotated_metadata(info.annotation)]
    low = next((m.ge for m in metadata if getattr(m, "ge", None) is not None), None)
    high = next((m.le for m in metadata if getattr(m, "le", None) is not None), None)
    return low, high


def _annotated_metadata(annotation: Any) -> list[Any]:
    """The constraints written in an `Annotated[...]` inside an annotation (`Level | None`)."""
    found = []
    for each in getattr(annotation, "__metadata__", ()):
        found += [each, *getattr(each, "metadata", ())]  # (a Field(ge=…) holds its constraints)
    for inner in typing.get_args(annotation):
        found += _annotated_metadata(inner)
    return found


def _bound(value: object) -> str:
    """A bound as a person writes it: 5, not 5.0."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model an annotation holds: itself, or the model in `list[X]`, `X | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for inner in typing.get_args(annotation):
        found = _model_in(inner)
        if found is not None:
            return found
    return None


MODEL_PATH = re.compile(r"^([a-z_]+\[\d+\](?:\.[a-z_]+)*): (.*)$", re.DOTALL)
"""A whole-project rule names the record it is about first: `gaps[2].id: "G-001" is used twice`."""


UNION_MEMBERS = frozenset({"int", "float", "str", "bool", "none"})
"""The tags pydantic adds to a location for each member of a union (`baseline: int | float`):
not fields, so not part of the path a person reads."""


def _field_path(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    return tuple(
        p for p in loc if not (isinstance(p, str) and (p in UNION_MEMBERS or p.startswith("function-")))
    )


def _problem(path: str | Path, error: Any, prefix: str, model: type[BaseModel] | None) -> FileProblem:
    loc = _field_path(tuple(error["loc"]))
    field = dotted(loc)
    if prefix:
        field = f"{prefix}.{field}" if field else prefix
    if not field:
        message = str(error["msg"]).removeprefix("Value error, ")
        named = MODEL_PATH.match(message)
        if named:
            return FileProblem(path, named.group(2), field=named.group(1))
        return FileProblem(path, _describe(error, model))
    at_key = error["type"] == "extra_forbidden"
    return FileProblem(path, _describe({**error, "loc": loc}, model), field=field, at_key=at_key)


def validation_problem(
    path: str | Path, error: ValidationError, prefix: str = "", model: type[BaseModel] | None = None
) -> FileProblem:
    """The first validation error as one sentence with its dotted field path; the others, one per
    field, are in its `more` (so `workbench check` can report every one). `model`, the model
    validated, gives the ranges of its numbers (`impact` runs from 1 to 5)."""
    problems: dict[str, FileProblem] = {}
    for each in error.errors():
        problem = _problem(path, each, prefix, model)
        problems.setdefault(problem.field or problem.message, problem)  # a union's members: one
    first, *others = problems.values()
    first.more = others
    return first
