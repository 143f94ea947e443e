"""Atomic file writes: temp file in the same folder, fsync, replace, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from workbench.problems import FileProblem

_ADVICE = {
    errno.ENOSPC: "the disk is full; free some space and save again",
    errno.EDQUOT: "the disk quota is used up; free some space and save again",
    errno.EACCES: "permission denied; check the permissions of the file and its folder",
    errno.EPERM: "the operation is not permitted; check the permissions of the file and its folder",
    errno.EROFS: "the folder is read-only; save a copy somewhere writable",
}


class SaveFailed(FileProblem):
    """A write failed; the original file is unchanged."""


def real_path(path: str | Path) -> Path:
    """The file a path names, following symlinks, so a write goes through them."""
    return Path(os.path.realpath(path))


def atomic_write(path: str | Path, data: bytes) -> None:
    """Replace the file's content in one step; on failure the original is left byte-identical."""
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
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
        temp_name = None
        fsync_folder(folder)
    except OSError as error:
        raise _failed(path, error) from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


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
    return SaveFailed(path, f"could not be saved: {advice}. The file on disk is unchanged")
