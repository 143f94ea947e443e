"""How many copies of other people's versions (`NAME.theirs-XXXXXXXX.toml`) are kept beside a
project: a save that meets someone else's version keeps it before merging, and without a bound a
shared folder or a busy branch would fill up with them.

The newest `KEPT` copies of a project are always kept, and any copy written or met in the last
`KEPT_FOR`, up to `MOST` in all; older ones are removed when a new copy is kept. The person's
own copies (`NAME.mine-STAMP.toml` and the `NAME.base-STAMP.toml` beside it: "Save a copy", or a
restore stopped at a conflict) are never removed: they may be the only place that work is."""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

KEPT = 5
"""The newest copies of a project's other versions that are always kept."""
KEPT_FOR = 24 * 60 * 60
"""Seconds a copy is kept, however many newer ones there are (up to `MOST`)."""
MOST = 20
"""The most copies of a project's other versions kept, however young."""


def theirs_copy_name(target: Path, their_hash: str) -> str:
    """`NAME.theirs-XXXXXXXX.toml`: the copy of a version of `target` named by its digest."""
    return f"{target.stem}.theirs-{their_hash[:8]}{target.suffix}"


def theirs_copies(folder: Path, target: Path) -> list[Path]:
    """The copies of `target`'s other versions kept in `folder`, newest first (by when they were
    written or last met); no other project's, even one whose name starts alike."""
    pattern = re.compile(re.escape(target.stem) + r"\.theirs-[0-9a-f]{8}" + re.escape(target.suffix))
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found: list[tuple[float, Path]] = []
    for path in entries:
        if not pattern.fullmatch(path.name) or path.is_symlink():
            continue
        try:
            found.append((path.stat().st_mtime, path))
        except OSError:
            continue
    return [path for _, path in sorted(found, key=lambda item: item[0], reverse=True)]


def met_again(copy: Path) -> None:
    """A kept version met again counts as new: it is what the person was just told about."""
    with contextlib.suppress(OSError):
        os.utime(copy)


def prune_theirs_copies(folder: Path, target: Path, now: float | None = None) -> list[Path]:
    """Remove the copies of `target`'s other versions in `folder` beyond the bound (see the
    module); returns the ones removed. A copy that cannot be removed is left."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    for rank, copy in enumerate(theirs_copies(folder, target)):
        try:
            young = now - copy.stat().st_mtime < KEPT_FOR
        except OSError:
            continue
        if rank < KEPT or (young and rank < MOST):
            continue
        try:
            copy.unlink()
        except OSError:
            continue
        removed.append(copy)
    return removed
