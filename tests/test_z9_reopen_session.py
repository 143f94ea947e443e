"""Walkthrough f15b: quit while in executive-1, reopen: another session was current. The
workbench reopens in the session last used (kept in its state folder, not the project file)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import palette, ready, until
from workbench.ui.widgets.header import WorkbenchHeader


def header(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(WorkbenchHeader).render())


async def test_reopening_shows_the_session_last_used(example: Path, make_app) -> None:
    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert "executive-1 ·" not in header(app)
        await palette(pilot, "switch session executive-1")
        assert await until(pilot, lambda: "executive-1 ·" in header(app)), header(app)
    assert example.read_bytes() == before  # where the person was is not written to the project
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert await until(pilot, lambda: "executive-1 ·" in header(app)), header(app)
