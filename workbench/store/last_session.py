"""The session a person last worked in, per project file: the workbench reopens there.

Kept in the state directory (`last-session/KEY.txt`, KEY the project's `project_key`), not in
the project file: which session is current is where a person is, not what the project says."""

from __future__ import annotations

from pathlib import Path

from workbench.store.atomic import atomic_write
from workbench.store.presence import project_key, state_dir


def _file(project: str | Path) -> Path:
    return state_dir() / "last-session" / f"{project_key(project)}.txt"


def remember(project: str | Path, session_id: str) -> None:
    """Note the session now current in this project (a failed write is let go: it only costs
    reopening in another session)."""
    try:
        target = _file(project)
        if target.exists() and target.read_text(encoding="utf-8") == session_id:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, session_id.encode("utf-8"))
    except OSError:
        pass


def recall(project: str | Path) -> str:
    """The session last current in this project ('' when none was noted or it cannot be read)."""
    try:
        return _file(project).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""
