"""Crash recovery: the in-memory project kept beside its file until a save succeeds."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from pydantic import ValidationError

from workbench.model.project import Project
from workbench.store.atomic import atomic_write, real_path


def recovery_path(path: str | Path) -> Path:
    """`.name.toml.recovery.json` in the project's folder."""
    target = real_path(path)
    return target.with_name(f".{target.name}.recovery.json")


def write_recovery(path: str | Path, project: Project) -> None:
    """Keep the in-memory project where the next start can find it."""
    atomic_write(recovery_path(path), project.model_dump_json(indent=1).encode("utf-8"))


def read_recovery(path: str | Path) -> tuple[Project, dt.datetime] | None:
    """The recovered project and when it was written, or None when there is none usable."""
    recovery = recovery_path(path)
    try:
        data = recovery.read_bytes()
        when = dt.datetime.fromtimestamp(recovery.stat().st_mtime)
    except OSError:
        return None
    try:
        return Project.model_validate_json(data), when
    except ValidationError:
        return None


def clear_recovery(path: str | Path) -> None:
    """Remove the recovery file after a successful save or an explicit discard."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(recovery_path(path))
