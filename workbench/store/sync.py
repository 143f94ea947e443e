"""The open project meets someone else's version of its file: merged, never overwritten.

Used when the file changed on disk while it was open, and when unsaved work is recovered after
a crash: the work is merged with the file as it is now, against the version the work started
from. The file on disk is ours (the host, kept as written); the work is theirs (the incoming
side: a record id both created is renumbered on the work's side).
"""

from __future__ import annotations

from typing import Any

from workbench.model.project import Project
from workbench.problems import FileProblem
from workbench.store.atomic import ChangedOnDisk, real_path
from workbench.store.files import ProjectFile
from workbench.store.merge3 import Choose, ask_nobody
from workbench.store.merge_text import MergeResult, Version, merge_versions, read_version
from workbench.store.serialize import project_to_data

ATTEMPTS = 3
"""Merges tried while the file keeps changing under us."""


GONE = "was deleted or moved since it was opened; your work is still here: save a copy of it"
"""What is said when the open project's file is no longer where it was opened."""


def merge_with_disk(
    file: ProjectFile,
    choose: Choose = ask_nobody,
    work: Project | None = None,
    base: tuple[dict[str, Any], bytes] | None = None,
) -> MergeResult:
    """Merge `work` (the open project) with the file on disk against `base` (the file as last
    read or written). When nothing is in conflict the result is written and becomes the open
    project, the version on disk it replaces kept as a `.theirs-` copy first when it is not
    `base`; otherwise nothing is written and the conflicts are returned to be settled.

    Raises FileProblem when the file on disk can't be read as a project.
    """
    data, raw = base or file.base
    start = Version(data, raw.decode("utf-8"))
    mine = Version(project_to_data(work if work is not None else file.project))
    for _ in range(ATTEMPTS):
        try:
            seen = real_path(file.path).read_bytes()
        except FileNotFoundError:
            raise FileProblem(file.path, GONE) from None
        except OSError as error:
            raise FileProblem(file.path, f"cannot be read ({error.strerror}); check the file") from None
        result = merge_versions(start, read_version(file.path, seen), mine, choose, file.path)
        if result.conflicts:
            return result
        if seen != raw:  # (one written while conflicts were being settled had no copy)
            result.kept = file.keep_theirs(seen)
        try:
            file.take_merged(result.text.encode("utf-8"), seen)
        except ChangedOnDisk:
            continue
        return result
    raise ChangedOnDisk(file.path, "keeps changing on disk; try again in a moment")
