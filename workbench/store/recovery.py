"""Crash recovery: the in-memory project kept beside its file until a save succeeds, with the
version of the file the work started from, so restoring it is a merge with the file as it is
now (store/sync.py), not an overwrite.

The recovery file is JSON: `{"base": <the file's text the work started from>, "work": <the
project as TOML-ready data>}`. An older recovery file holding the bare project is still read
(without a base: the file as it is now stands in for it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workbench.model.project import Project
from workbench.store.atomic import atomic_write, real_path
from workbench.store.serialize import project_to_data


@dataclass(frozen=True)
class Recovered:
    """Unsaved work found at start: the project, when it was kept, and what it started from."""

    project: Project
    when: dt.datetime
    base: bytes | None = None
    """The file's bytes the work started from; None in an older recovery file."""


def recovery_path(path: str | Path) -> Path:
    """`.name.toml.recovery.json` in the project's folder."""
    target = real_path(path)
    return target.with_name(f".{target.name}.recovery.json")


def write_recovery(path: str | Path, project: Project, base: bytes | None = None) -> None:
    """Keep the in-memory project (and the file's bytes it started from) where the next start
    can find it."""
    kept: dict[str, Any] = {"work": project_to_data(project)}
    if base is not None:
        kept["base"] = base.decode("utf-8")
    atomic_write(recovery_path(path), json.dumps(kept, indent=1, default=str).encode("utf-8"))


def read_recovery(path: str | Path) -> Recovered | None:
    """The recovered work, or None when there is none usable."""
    recovery = recovery_path(path)
    try:
        data = json.loads(recovery.read_bytes())
        when = dt.datetime.fromtimestamp(recovery.stat().st_mtime)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    try:
        if "work" not in data:
            return Recovered(Project.model_validate(data), when)
        base = data.get("base")
        return Recovered(
            Project.model_validate(data["work"]),
            when,
            base.encode("utf-8") if isinstance(base, str) else None,
        )
    except ValidationError:
        return None


def clear_recovery(path: str | Path) -> None:
    """Remove the recovery file after a successful save or an explicit discard."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(recovery_path(path))
