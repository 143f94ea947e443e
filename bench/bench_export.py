"""Export budgets: the example project ≤ 1 s; the 3,010-answer project ≤ 3 s (build + write .docx)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from bench.common import OUT, measure, note, report
from bench.generate import write_large_project
from workbench.banks import load_catalogue
from workbench.export.proposal import ProposalOptions
from workbench.export.writer import ExportRequest, export_proposal
from workbench.store.files import load_project

ROOT = Path(__file__).resolve().parent.parent


def export(path: Path) -> None:
    project = load_project(path)
    options = ProposalOptions(today=dt.date(2026, 11, 24))
    export_proposal(project, load_catalogue(path), ExportRequest(OUT, force=True, options=options))


def main() -> bool:
    OUT.mkdir(exist_ok=True)
    example = ROOT / "projects" / "example.toml"
    ok = report("export the example project (.docx)", measure(lambda: export(example), 5), 1.0)
    large = write_large_project(OUT / "large.toml")
    ok &= report("export the 3,010-answer project (.docx)", measure(lambda: export(large), 3), 3.0)
    cli = Path(sys.executable).with_name("workbench")
    command = [str(cli), "export", str(example), "-o", str(OUT / "cli.docx"), "--force"]
    note("`workbench export` of the example, new process", measure(lambda: _quiet(command), 3))
    return ok


def _quiet(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True)


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
