"""Atomic file writes: temp file in the same folder, fsync, guarded replace, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
import time
from pathlib import Path

from workbench.problems import FileProblem

_ADVICE = {
    errno.ENOSPC: "the disk is full; free some space and save again",
    errno.EDQUOT: "the disk quota is used up; free some space and save again",
    errno.EACCES: "permission denied; check the permissions of the file and its folder",
    errno.EPERM: "the operation is not permitted; check the permissions of the file and its folder",
    errno.EROFS: "the folder is read-only; save a copy somewhere writable",
}

UNCHANGED = "The file on disk is unchanged."
"""How a failed write's sentence ends."""

STALE_TEMP_SECONDS = 30.0
"""A temp file this old belongs to no write in progress (a write takes well under a second)."""


class SaveFailed(FileProblem):
    """A write failed; the original file is unchanged."""


class ChangedOnDisk(FileProblem):
    """The file changed on disk since it was read; saving would overwrite someone's work."""


def digest(data: bytes) -> str:
    """Content hash used to notice changes made by someone else."""
    return hashlib.sha256(data).hexdigest()


def real_path(path: str | Path) -> Path:
    """The file a path names, following symlinks, so a write goes through them."""
    return Path(os.path.realpath(path))


def is_read_only(mode: int) -> bool:
    """Whether the file's mode says nobody may write it (as `chmod a-w` leaves it).

    Checked from the mode bits, not with access(2): root may write anything, yet a file a
    person made read-only is one they do not want changed.
    """
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def refuse_read_only(path: str | Path) -> None:
    """Raise SaveFailed when the file is read-only (checked before anything is written beside
    it, such as its backup copy); a file that is missing or can't be looked at passes here."""
    try:
        mode = stat.S_IMODE(real_path(path).stat().st_mode)
    except OSError:
        return
    if is_read_only(mode):
        raise _read_only(path, mode)


class ReadOnlyFile(SaveFailed):
    """The file is read-only and was not written. Its sentence gives the command line's advice;
    the app says its own way out instead (`workbench.ui.safe.problem_sentence`)."""

    CLI_ADVICE = "make it writable (chmod u+w) and run the command again"


def _read_only(path: str | Path, mode: int) -> ReadOnlyFile:
    return ReadOnlyFile(
        path,
        f"is read-only (mode {mode:04o}) and was not changed; {ReadOnlyFile.CLI_ADVICE}",
    )


def atomic_write(path: str | Path, data: bytes, expect: str | None = None) -> None:
    """Replace the file's content in one step; on failure the original is left byte-identical.

    With `expect` (the digest of the content the caller last read, or "" for "no file yet"),
    the file on disk is compared with it immediately before the replace, and ChangedOnDisk is
    raised rather than writing over someone else's version. A read-only file is refused.
    """
    target = real_path(path)
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as error:
        raise _failed(path, error) from None
    else:
        if is_read_only(mode):
            raise _read_only(path, mode)
    remove_stale_temps(target)
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        if expect is not None:
            _check_unchanged(path, target, expect)
        os.replace(temp_name, target)
        temp_name = None
        fsync_folder(folder)
    except OSError as error:
        raise _failed(path, error) from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def _check_unchanged(path: str | Path, target: Path, expect: str) -> None:
    try:
        now = digest(target.read_bytes())
    except FileNotFoundError:
        now = ""
    if now != expect:
        raise ChangedOnDisk(
            path,
            "was changed by another program since it was opened; reload it, keep your "
            "version, or save yours as a copy",
        )


def remove_stale_temps(target: Path) -> None:
    """Remove `.NAME.XXXX.tmp` files left beside `target` by writes that were killed."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f".{_glob_escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                    leftover.unlink()


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def fsync_folder(folder: Path) -> None:
    """Make a rename in the folder durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _failed(path: str | Path, error: OSError) -> SaveFailed:
    advice = _ADVICE.get(error.errno or 0, f"{error.strerror or error}; check the disk and save again")
    return SaveFailed(path, f"could not be saved: {advice}. {UNCHANGED}")
