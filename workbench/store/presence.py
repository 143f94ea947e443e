"""Which workbench windows have a project open: one lock file per window, in the state directory.

Each window that opens a project writes `open/KEY.PID.json` in the state directory (KEY as for the
journal: the first 16 hex digits of the SHA-256 of the file's real path), holding::

    {"path": "/home/sam/projects/acme.toml", "pid": 4242, "process_start": "123456",
     "opened": "2026-12-02T14:05:00+00:00"}

`process_start` is the process's start time as the system tells it (on Linux the start tick in
`/proc/PID/stat`; empty where there is none). A lock belongs to a live window while a process with
that pid runs and started at that time: a dead pid, or a pid reused by another program (another
start time), makes it stale, and whoever meets a stale lock removes it. A window removes its own
lock when it closes. The journal (store/journal.py) names its entries by the same pid, so the
work of a live window is never offered to, nor removed by, another.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from workbench.store.atomic import atomic_write, real_path


def state_dir() -> Path:
    """The workbench's folder in the user's state directory (created when first written)."""
    override = os.environ.get("WORKBENCH_STATE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "mlops-workbench"


def project_key(path: str | Path) -> str:
    """The name the state directory knows a project file by (its real path's digest)."""
    return hashlib.sha256(str(real_path(path)).encode("utf-8")).hexdigest()[:16]


def process_start(pid: int) -> str:
    """When the process started, as the system says it ('' when it can't tell or it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def is_running(pid: int, started: str) -> bool:
    """Whether the process `pid` runs and is the one that started at `started` (not a dead
    process, a zombie, or a later program given the same pid)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would end the process there
        return _windows_process_runs(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: it runs
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return not Path("/proc/self/stat").exists()  # no /proc here: the pid is all there is
    fields = state.rsplit(")", 1)[-1].split()
    if fields[:1] == ["Z"]:  # killed, not yet reaped
        return False
    return not started or process_start(pid) == started


def _windows_process_runs(pid: int) -> bool:
    """Whether a process runs, asked of Windows without touching it (no start time there)."""
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        still_active = 259
        return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == still_active
    finally:
        kernel.CloseHandle(handle)


@dataclass(frozen=True)
class Window:
    """Another workbench window with the project open."""

    pid: int
    opened: str


def _locks_dir() -> Path:
    return state_dir() / "open"


def lock_path(path: str | Path, pid: int | None = None) -> Path:
    """This window's lock file for a project (another process's, given its pid)."""
    return _locks_dir() / f"{project_key(path)}.{os.getpid() if pid is None else pid}.json"


def live_pids(path: str | Path) -> set[int]:
    """The pids of the live windows (this one included) that have the project open; stale locks
    met on the way are removed."""
    key = project_key(path)
    live: set[int] = set()
    with contextlib.suppress(OSError):
        for lock in _locks_dir().glob(f"{key}.*.json"):
            pid, started = _read_lock(lock)
            if pid is not None and (pid == os.getpid() or is_running(pid, started)):
                live.add(pid)
            elif pid is not None:
                with contextlib.suppress(OSError):
                    os.unlink(lock)
    return live


def _read_lock(lock: Path) -> tuple[int | None, str]:
    """The pid and start time a lock file holds (pid None when it is not a lock file)."""
    stem = lock.name.rsplit(".", 2)
    if len(stem) != 3 or not stem[1].isdigit():
        return None, ""
    try:
        kept = json.loads(lock.read_bytes())
    except (OSError, ValueError):
        kept = {}
    started = str(kept.get("process_start", "")) if isinstance(kept, dict) else ""
    return int(stem[1]), started


def announce(path: str | Path) -> list[Window]:
    """Say this window has the project open (its lock file) and return the other live windows
    that have it open too; stale locks are removed. A lock that can't be written is left out:
    the work goes on (the journal says whether it can be kept)."""
    own = lock_path(path)
    lock = {
        "path": str(real_path(path)),
        "pid": os.getpid(),
        "process_start": process_start(os.getpid()),
        "opened": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    with contextlib.suppress(OSError):
        own.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(own, json.dumps(lock).encode("utf-8"))
    others = sorted(live_pids(path) - {os.getpid()})
    return [Window(pid, _opened(lock_path(path, pid))) for pid in others]


def _opened(lock: Path) -> str:
    try:
        kept = json.loads(lock.read_bytes())
    except (OSError, ValueError):
        return ""
    return str(kept.get("opened", "")) if isinstance(kept, dict) else ""


def withdraw(path: str | Path) -> None:
    """This window closes the project: its lock goes."""
    with contextlib.suppress(OSError):
        os.unlink(lock_path(path))


def also_open_sentence(path: str | Path, others: list[Window]) -> str:
    """What a window says at start when the project is open in other live windows ('' if not)."""
    if not others:
        return ""
    name = Path(path).name
    if len(others) == 1:
        return (
            f"{name} is also open in another workbench window (pid {others[0].pid}); your saves will "
            "be merged with its saves."
        )
    pids = ", ".join(str(window.pid) for window in others)
    return (
        f"{name} is also open in {len(others)} other workbench windows (pids {pids}); your saves will "
        "be merged with theirs."
    )
