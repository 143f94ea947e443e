"""#12 walkthrough: in Gaps, with the matrix cursor moved to an empty cell and the keyboard back
in the Ranked list, `m`, Delete and `e` acted on the matrix cursor (nothing, or another gap)
instead of the gap highlighted in the list. Keys act on the gap highlighted where the keyboard is."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.helpers import ready, until
from workbench.ui.modals.confirm import DeleteModal
from workbench.ui.widgets.matrix import Matrix


def highlighted(table: DataTable) -> str:  # type: ignore[type-arg]
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def _ranked_after_an_empty_cell(pilot, app) -> DataTable:  # type: ignore[no-untyped-def,type-arg]
    await ready(pilot)
    await pilot.press("f3")
    matrix = app.screen.query_one(Matrix)
    ranked = app.screen.query_one("#ranked", DataTable)
    assert await until(pilot, lambda: ranked.row_count > 0)
    matrix.focus()
    for key in ("left", "left", "down", "down", "down", "left", "down"):
        if not matrix.selected:
            break
        await pilot.press(key)
    assert await until(pilot, lambda: not matrix.selected), "the matrix cursor is on an empty cell"
    ranked.focus()
    assert await until(pilot, lambda: app.focused is ranked)
    return ranked


async def test_delete_asks_about_the_gap_highlighted_in_the_ranked_list(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        ranked = await _ranked_after_an_empty_cell(pilot, app)
        gap = highlighted(ranked)
        await pilot.press("delete")
        assert await until(pilot, lambda: isinstance(app.screen, DeleteModal))
        assert gap in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
    assert f'id = "{gap}"' in example.read_text()


async def test_evidence_shows_the_gap_highlighted_in_the_ranked_list(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        ranked = await _ranked_after_an_empty_cell(pilot, app)
        gaps = app.screen.query_one("GapsPane")
        gap = highlighted(ranked)
        await pilot.press("e")
        assert await until(pilot, lambda: gaps.selected == gap)
        evidence = app.screen.query_one("#evidence")
        assert await until(pilot, lambda: app.focused is evidence)
        assert "Select a gap" not in str(evidence.render())
