"""Opening a project holds Python's garbage collector off until the main screen is painted
(workbench/collection_pause.py), and every way out of opening turns it back on."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from tests.conftest import TODAY
from tests.helpers import until

FIRST_PAINT = """
import datetime as dt, gc, sys
from textual.screen import Screen
painted = Screen._compositor_refresh
said = []
def first_paint(screen):
    painted(screen)
    if type(screen).__name__ == "MainScreen" and not said:
        said.append(1)
        print("painted", gc.isenabled())
        screen.app.call_after_refresh(lambda: (print("then", gc.isenabled()), screen.app.exit()))
Screen._compositor_refresh = first_paint
from workbench.ui.app import make_app
make_app(sys.argv[1], today=dt.date(2026, 11, 24)).run(headless=True, size=(120, 36))
print("closed", gc.isenabled())
"""
"""Opens a project headless and says whether the collector runs at the main screen's first
paint, once that paint is done, and after the app has closed."""


def test_the_collector_waits_for_the_first_paint_of_the_main_screen(example: Path) -> None:
    """Its passes over the objects opening builds were a fifth of the CPU time to the painted
    main screen; they freed almost nothing."""
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(example)], capture_output=True, text=True, check=True, timeout=300
    )
    assert result.stdout.split() == ["painted", "False", "then", "True", "closed", "True"], result.stdout


async def test_the_collector_runs_once_the_main_screen_is_up(example: Path) -> None:
    from workbench.ui.app import make_app

    app = make_app(example, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: type(app.screen).__name__ == "MainScreen" and gc.isenabled())
    assert gc.isenabled()


async def test_a_project_that_cannot_be_opened_turns_the_collector_back_on(tmp_path: Path) -> None:
    from workbench.ui.app import make_app

    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\n[project\n", encoding="utf-8")
    app = make_app(broken, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: not app.is_running)
        assert app.return_code == 1
        assert gc.isenabled()
