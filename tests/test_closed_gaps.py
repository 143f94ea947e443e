"""#17 walkthrough 6: a gap closed (or decided against) stays where it was on the matrix, struck
through, and the gap table lists it the same way, after the open ones and without a rank."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import DataTable

from tests.helpers import ready, until
from workbench.analysis.gaps import gap_table, matrix_cells, ranked_gaps
from workbench.edits.gaps import EditGap
from workbench.store.files import load_project
from workbench.ui.widgets.matrix import Matrix


def styles_of(text: Text, word: str) -> set[str]:
    """The styles over the first occurrence of `word` in `text`."""
    start = text.plain.index(word)
    return {str(s.style) for s in text.spans if s.start <= start and s.end >= start + len(word)}


def test_the_gap_table_lists_open_gaps_by_priority_then_the_closed_ones(example: Path) -> None:
    project = load_project(example)
    project.gap("G-001").status = "closed"  # type: ignore[union-attr]  # the highest priority
    project.gap("G-009").status = "wont-fix"  # type: ignore[union-attr]
    listed = [g.id for g, _ in gap_table(project)]
    assert listed[-2:] == ["G-001", "G-009"]
    assert listed[:-2] == [g.id for g, _ in ranked_gaps(project) if g.id not in ("G-001", "G-009")]
    assert [g.id for g in matrix_cells(project)[(4, 2)]] == ["G-003", "G-009"]  # open first


async def test_a_closed_gap_is_struck_through_on_the_matrix_and_in_the_table(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        matrix = app.screen.query_one(Matrix)
        assert await until(pilot, lambda: "G-003" in matrix.grid_text().plain)
        assert not any("strike" in s for s in styles_of(matrix.grid_text(), "G-003"))
        assert app.workspace.apply(EditGap("G-003", {"status": "closed"}))
        app.refresh_panes()
        assert await until(pilot, lambda: any("strike" in s for s in styles_of(matrix.grid_text(), "G-003")))
        assert not any("strike" in s for s in styles_of(matrix.grid_text(), "G-009"))
        table = app.screen.query_one("#ranked", DataTable)
        rows = [str(key.value) for key in table.rows]
        assert rows[-1] == "G-003"
        labels = [str(column.label) for column in table.columns.values()]
        cells = dict(zip(labels, table.get_row("G-003"), strict=True))
        where = cells["quadrant"]
        assert (str(cells.get("#", "")), str(where)) == ("", "Closed")  # no rank (no rank column at 120)
        assert "strike" in str(where.style) or any("strike" in str(s.style) for s in where.spans)
