"""The Project as plain TOML data in a fixed key order, and the identity of each record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from workbench.model.keys import RECORD_KEY_FIELDS, key_reader
from workbench.model.project import Project

TOP_LEVEL_ORDER = (
    "schema_version",
    "retired_ids",
    "project",
    "settings",
    "sessions",
    "answers",
    "heard",
    "metrics",
    "gaps",
    "mappings",
    "dismissed",
    "pilots",
    "next_steps",
    "milestones",
    "proposal",
)

RecordKey = Callable[[dict[str, Any]], Any]

RECORD_KEYS: dict[str, RecordKey] = {
    name: key_reader(fields, dict.get) for name, fields in RECORD_KEY_FIELDS.items()
}
"""How records of each top-level list are matched between the file and the model."""


def record_label(section: str, record: Any) -> str:
    """A record's identity (its `RECORD_KEYS` key) as one string: its id, `question@session`,
    `gap/practice` (the usual ones spelled out: a merge labels every record of three versions)."""
    if section == "answers":
        return f"{record.get('question')}@{record.get('session')}"
    if section == "mappings":
        return f"{record.get('gap')}/{record.get('practice')}"
    key = RECORD_KEYS[section](record)
    return "/".join(str(k) for k in key) if isinstance(key, tuple) else str(key)


def dump_record(record: BaseModel) -> dict[str, Any]:
    """One record as TOML-ready data: only the keys that were read or set."""
    return record.model_dump(mode="python", exclude_unset=True, exclude_none=True)


def dump_records(section: str, records: list[BaseModel]) -> list[dict[str, Any]]:
    """One record list as TOML-ready data."""
    return [dump_record(r) for r in records]


def project_to_data(
    project: Project, dump: Callable[[str, list[BaseModel]], list[dict[str, Any]]] = dump_records
) -> dict[str, Any]:
    """The project as TOML-ready data, in a fixed key order.

    Inside each record only the keys that were read or set are written, so a hand-written file
    is not filled with defaults. Every record list is written whole: appending to a list does
    not mark it as set. `dump` turns one record list into data (edits/snapshot.py keeps them).
    """
    data: dict[str, Any] = {"schema_version": project.schema_version}
    if project.retired_ids:
        data["retired_ids"] = list(project.retired_ids)  # a copy: the list changes in place
    data["project"] = project.project.model_dump(mode="python", exclude_unset=True, exclude_none=True)
    settings = project.settings.model_dump(mode="python", exclude_unset=True, exclude_none=True)
    if any(settings.values()):
        data["settings"] = {k: v for k, v in settings.items() if v}
    for key in [k for k in TOP_LEVEL_ORDER if k in RECORD_KEYS]:
        records = getattr(project, key)
        if records:
            data[key] = dump(key, records)
    proposal = project.proposal.model_dump(mode="python", exclude_unset=True, exclude_none=True)
    proposal = {k: v for k, v in proposal.items() if v != ""}
    if proposal:
        data["proposal"] = proposal
    return data
