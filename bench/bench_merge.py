"""Merge budget: two 3,010-answer projects with 100 changes each side, merged in ≤ 1 s
(read the three versions, merge, check, build the text: what `workbench merge` does)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.common import OUT, measure, note, report
from bench.generate import write_large_project
from workbench.model.project import Project
from workbench.store.files import ProjectFile
from workbench.store.merge_text import merge_versions, read_version


def hundred_changes(project: Project, side: int) -> None:
    """80 answers rewritten, 10 gaps moved, 5 quotes heard and 5 gaps raised (their new ids
    collide with the other side's, so they are renumbered)."""
    for n in range(80):
        project.answers[side * 1000 + n * 7].notes = f"Side {side} rewrote this answer ({n})."
    for n in range(10):
        project.move_gap(project.gaps[side * 100 + n].id, impact_delta=1 if side else -1)
    for n in range(5):
        heard = project.hear(project.heard[n].indicator, "s-1", quote=f"Side {side} heard this ({n})")
        project.raise_gap(f"Side {side} gap {n}", evidence=[f"heard:{heard.id}"])


def write_sides() -> tuple[Path, Path, Path]:
    base = write_large_project(OUT / "merge-base.toml")
    paths = []
    for side in (0, 1):
        path = OUT / f"merge-side{side}.toml"
        shutil.copyfile(base, path)
        file = ProjectFile.load(path)
        hundred_changes(file.project, side)
        file.save()
        paths.append(path)
    return base, paths[0], paths[1]


def main() -> bool:
    OUT.mkdir(exist_ok=True)
    base, ours, theirs = write_sides()
    print(
        f"two sides of {base.stat().st_size // 1024} KiB, 100 changes each (10 of them new ids that collide)"
    )

    def merge() -> None:
        versions = [read_version(p, p.read_bytes()) for p in (base, ours, theirs)]
        result = merge_versions(*versions)
        assert not result.conflicts and len(result.renumbered) == 10, result.conflicts
        assert result.text

    ok = report("merge two 3,010-answer projects (read, merge, check, text)", measure(merge, 5), 1.0)
    cpu = []
    for _ in range(5):
        started = time.process_time()
        merge()
        cpu.append(time.process_time() - started)
    note("  the same in CPU time (what a busy machine does not inflate)", cpu)
    target = OUT / "merge-result.toml"

    def driver() -> None:
        shutil.copyfile(ours, target)
        command = [sys.executable, "-m", "workbench.cli", "merge", str(base), str(target), str(theirs)]
        subprocess.run(command, check=True, capture_output=True)

    note("  for reference: `workbench merge` as git runs it (new process)", measure(driver, 3))
    return ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
