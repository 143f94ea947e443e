"""Matrix and timeline budgets, measured in the running app from the call to the repaint:
300 gaps placed and rendered ≤ 100 ms; 200 plan items with 400 dependencies scheduled and
drawn ≤ 100 ms."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import sys
from pathlib import Path

from bench.bench_ui import _repaint_after
from bench.common import OUT, report
from workbench.model.project import Project
from workbench.model.records import Gap, PlanItem
from workbench.store.files import ProjectFile


def crowded_project(path: Path) -> Path:
    """300 gaps spread over the matrix, and 200 plan items with 400 dependencies."""
    rng = random.Random(3)
    project = Project.model_validate({"project": {"name": "bench", "plan_start": dt.date(2026, 1, 5)}})
    project.gaps = [
        Gap(
            id=f"G-{n:03d}",
            title=f"gap {n}",
            area="model-deployment",
            impact=rng.randint(1, 5),
            complexity=rng.randint(1, 5),
        )
        for n in range(300)
    ]
    plan = [PlanItem(id=f"P-{n}", title=f"Item {n}", weeks=rng.randint(0, 6)) for n in range(200)]
    added = 0
    while added < 400:
        a, b = sorted(rng.sample(range(200), 2))
        if f"P-{a}" not in plan[b].depends_on:
            plan[b].depends_on.append(f"P-{a}")
            added += 1
    project.pilots = plan
    path.unlink(missing_ok=True)
    ProjectFile.create(path, project, header="schema_version = 1\n")
    return path


async def measure_panes(path: Path) -> dict[str, list[float]]:
    from workbench.analysis.gaps import matrix_cells
    from workbench.ui.app import make_app
    from workbench.ui.widgets.matrix import Matrix

    app = make_app(path, today=dt.date(2026, 2, 2), autosave_delay=3600)
    times: dict[str, list[float]] = {"matrix": [], "gaps": [], "plan": []}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        for pane in ("gaps", "plan"):
            app.action_pane(pane)
            await pilot.pause()
            widget = app.screen.query_one(f"#{pane}-pane")
            for _ in range(9):
                times[pane].append(await _repaint_after(app, widget.refresh_pane))  # type: ignore[attr-defined]
                await pilot.pause()
            if pane == "gaps":
                matrix = app.screen.query_one(Matrix)
                project = app.workspace.project  # type: ignore[union-attr]

                def place(matrix: Matrix = matrix, project: Project = project) -> None:
                    matrix.set_cells(matrix_cells(project), project)

                for _ in range(9):
                    times["matrix"].append(await _repaint_after(app, place))
                    await pilot.pause()
    return times


def main() -> bool:
    OUT.mkdir(exist_ok=True)
    times = asyncio.run(measure_panes(crowded_project(OUT / "crowded.toml")))
    ok = report("300 gaps: prioritised, placed and the matrix repainted", times["matrix"], 0.1)
    report("  for reference: the whole Gaps pane (table, suggestions, chart)", times["gaps"], 0.2)
    ok &= report("200 items, 400 dependencies: CPM and the timeline repainted", times["plan"], 0.1)
    return ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
