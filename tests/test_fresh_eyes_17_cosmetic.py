"""#17 fresh-eyes 12 (cosmetic): Home and End in Gaps' ranked list go to its first and last gap."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.helpers import ready, until


async def test_home_and_end_move_through_the_ranked_list(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        table = app.screen.query_one("#ranked", DataTable)
        assert await until(pilot, lambda: table.row_count == 10)
        table.focus()
        await pilot.press("end")
        assert await until(pilot, lambda: table.cursor_row == table.row_count - 1)
        await pilot.press("home")
        assert await until(pilot, lambda: table.cursor_row == 0)
