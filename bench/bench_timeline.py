"""The engagement over time: a portfolio of 50 projects of the example's size ≤ 1 s and of 500
≤ 10 s (the whole `workbench portfolio` command); the example with 100 milestones: load, save
after one edit, and a diff."""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import shutil
import subprocess
import sys
from pathlib import Path

from bench.common import OUT, measure, note, report
from workbench.analysis.milestones import compare, find_milestone
from workbench.analysis.portfolio import read_portfolio
from workbench.banks import load_catalogue
from workbench.edits import Editor
from workbench.edits.milestones import SaveMilestone
from workbench.export.markdown_writer import render_markdown
from workbench.export.portfolio_report import portfolio_blocks
from workbench.store.files import ProjectFile

EXAMPLE = Path(__file__).resolve().parent.parent / "projects" / "example.toml"
TODAY = dt.date(2026, 12, 9)


def write_portfolio(folder: Path, count: int, seed: int = 3) -> Path:
    """`count` engagements like the example, each for its own client with its own scores."""
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    text = EXAMPLE.read_text()
    for n in range(count):
        body = text.replace('client = "Harbour & Pine Retail"', f'client = "Client {n:03d}"')
        for level in (1, 2, 3):
            body = body.replace(f"current = {level}\n", f"current = {rng.randint(1, 4)}\n")
        (folder / f"client-{n:03d}.toml").write_text(body)
    return folder


def _portfolio_command(folder: Path, cpu: list[float], env: dict[str, str] | None = None) -> None:
    """Run the whole command in a new process; append the CPU seconds it used."""
    output = folder.parent / "r.md"
    command = [sys.executable, "-m", "workbench.cli", "portfolio", str(folder), "-o", str(output), "--force"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def bytecode_cached() -> dict[str, str]:
    """The environment with Python's bytecode cache on (kept under bench/out): how an installed
    workbench starts. PYTHONDONTWRITEBYTECODE=1 makes every run compile the workbench's own
    modules again (about 0.1 s of the portfolio's start-up)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(OUT / "pycache")}


def portfolio_figures() -> bool:
    print(f"load average (the machine is shared): {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ok = True
    for count, budget in ((50, 1.0), (500, 10.0)):
        folder = write_portfolio(OUT / f"portfolio-{count}", count)
        cpu: list[float] = []
        ok &= report(
            f"workbench portfolio, {count} projects (new process)",
            measure(lambda folder=folder, cpu=cpu: _portfolio_command(folder, cpu), 3),
            budget,
        )
        note("  CPU time of that process", cpu)
        if os.environ.get("PYTHONDONTWRITEBYTECODE") and count == 50:
            cached = bytecode_cached()
            _portfolio_command(folder, [], cached)  # fills the cache
            note(
                "  the same with a bytecode cache, as installed",
                measure(lambda folder=folder, env=cached: _portfolio_command(folder, [], env), 3),
            )
        note(
            f"  in-process: read, summarise and render {count}",
            measure(
                lambda folder=folder: render_markdown(portfolio_blocks(read_portfolio(folder, TODAY), TODAY)),
                3,
            ),
        )
    return ok


def milestone_figures() -> bool:
    path = OUT / "milestones.toml"
    shutil.copyfile(EXAMPLE, path)
    catalogue = load_catalogue(path)
    file = ProjectFile.load(path)
    editor = Editor(lambda: file.project)
    for n in range(100):
        editor.apply(SaveMilestone(f"m{n:03d}", catalogue, TODAY))
    file.save()
    size = path.stat().st_size // 1024
    print(f"example project with 100 milestones: {size} KiB (without: {EXAMPLE.stat().st_size // 1024} KiB)")
    ok = report("load + validate, 100 milestones", measure(lambda: ProjectFile.load(path)), 0.2)
    note("  for reference: load + validate, no milestones", measure(lambda: ProjectFile.load(EXAMPLE)))
    state: dict[str, ProjectFile] = {}

    def prepared() -> None:
        fresh = ProjectFile.load(path)
        fresh.prepare()
        fresh.project.answers[3].notes = "changed"
        state["file"] = fresh

    ok &= report(
        "save after one edit, 100 milestones",
        measure(lambda: state["file"].save(force=True), 5, prepared),
        0.3,
    )
    project = ProjectFile.load(path).project
    ok &= report(
        "milestone diff: the first of 100 against now",
        measure(
            lambda: compare(
                find_milestone(project, catalogue, "m000", TODAY),
                find_milestone(project, catalogue, "now", TODAY),
                catalogue,
            )
        ),
        0.1,
    )
    return ok


def main() -> bool:
    OUT.mkdir(exist_ok=True)
    return portfolio_figures() & milestone_figures()


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
