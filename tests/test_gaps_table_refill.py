"""The ranked table is rebuilt only when what it shows changed: a refresh that finds the same rows
(a catch-up, an undo elsewhere) leaves the table as it is, drawn, measured and scrolled."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.helpers import ready, until
from workbench.edits.gaps import EditGap, MoveGap
from workbench.ui.widgets.gaps_pane import GapsPane
from workbench.ui.widgets.row_table import RowTable


async def test_the_ranked_table_is_rebuilt_only_when_its_rows_change(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        pane = app.screen.query_one(GapsPane)
        table = pane.query_one("#ranked", DataTable)
        assert await until(pilot, lambda: "G-001" in table.rows)
        cleared: list[int] = []
        original = RowTable.clear
        monkeypatch.setattr(
            RowTable, "clear", lambda self, *a, **k: cleared.append(1) or original(self, *a, **k)
        )
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        pane.refresh_pane()
        await pilot.pause()
        assert not cleared
        assert [table.get_row_at(i) for i in range(table.row_count)] == rows

        assert pane.apply(EditGap("G-001", {"title": "Renamed for the table"}))
        pane.refresh_pane()
        await pilot.pause()
        assert cleared
        assert any("Renamed for the table" in str(cell) for cell in table.get_row("G-001"))

        cleared.clear()
        gap = app.workspace.project.gap("G-002")
        impact = gap.impact - 1 if gap.impact > 1 else 2
        assert pane.apply(MoveGap("G-002", impact_delta=impact - gap.impact))
        pane.refresh_pane()
        await pilot.pause()
        assert cleared
        column = [str(c.label) for c in table.ordered_columns].index("I")
        assert str(table.get_row("G-002")[column]) == str(impact)
