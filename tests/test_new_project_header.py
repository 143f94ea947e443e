"""The header `workbench new` writes names every kind of record and every field a person may
write by hand (#17 fresh-eyes 16: milestones, `done` on pilots and `follow_up_due` were missing)."""

from __future__ import annotations

import re

from pydantic import BaseModel

from workbench.model.project import Project
from workbench.newproject import HEADER

NOT_HAND_WRITTEN = {"sessions": {"elapsed_seconds", "area_seconds", "minutes", "title"}, "metrics": {"session"},
                    "gaps": {"source"}, "milestones": {"answers", "maturity", "gaps", "mappings", "pilots", "plan_end"}}
"""Fields the workbench keeps for itself (the session clock, where a record came from, a
milestone's snapshot); the header need not teach them."""


def sections() -> dict[str, str]:
    """The header's text for each `[[table]]` it describes."""
    parts = re.split(r"#   \[\[(\w+)\]\]", HEADER)
    return {name: text for name, text in zip(parts[1::2], parts[2::2], strict=True)}


def record_lists() -> dict[str, type[BaseModel]]:
    found = {}
    for name, field in Project.model_fields.items():
        args = getattr(field.annotation, "__args__", ())
        if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
            found[name] = args[0]
    return found


def test_every_record_list_and_its_fields_are_in_the_header() -> None:
    described = sections()
    for name, record in record_lists().items():
        assert name in described, f"[[{name}]] is not in the header"
        for field in set(record.model_fields) - NOT_HAND_WRITTEN.get(name, set()):
            assert re.search(rf"\b{field}\b", described[name]), f"{name}.{field} is not in the header"
