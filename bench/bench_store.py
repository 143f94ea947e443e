"""Store budgets on the large project: load+validate ≤ 0.5 s, save after one edit ≤ 0.3 s;
also times `workbench check`."""

from __future__ import annotations

import subprocess
import sys

from bench.common import OUT, measure, report
from bench.generate import write_large_project
from workbench.store.files import ProjectFile


def main() -> bool:
    OUT.mkdir(exist_ok=True)
    path = write_large_project(OUT / "large.toml")
    size = path.stat().st_size // 1024
    print(f"large project: {size} KiB, 3,010 answers, 300 gaps, 60 pilots")
    ok = report("load + validate (tomli + pydantic)", measure(lambda: ProjectFile.load(path)), 0.5)

    state: dict[str, ProjectFile] = {}

    def prepared() -> None:
        write_large_project(path)
        file = ProjectFile.load(path)
        file.prepare()  # the app builds the round-trip document in the background after opening
        file.project.answers[1234].notes = "changed"
        state["file"] = file

    ok &= report(
        "save after one edit (document prepared)", measure(lambda: state["file"].save(), 5, prepared), 0.3
    )

    def cold() -> None:
        write_large_project(path)
        file = ProjectFile.load(path)
        file.project.answers[1234].notes = "changed"
        state["file"] = file

    report(
        "  for reference: first save with a cold document",
        measure(lambda: state["file"].save(), 3, cold),
        10.0,
    )
    check = [sys.executable, "-m", "workbench.cli", "check", str(path)]
    ok &= report(
        "workbench check (whole command, new process)",
        measure(lambda: subprocess.run(check, check=True, capture_output=True), 3),
        1.5,
    )
    return ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
