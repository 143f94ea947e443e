"""Layouts at 80×24, 120×36 and 160×48 (issue 12, finding 10): counts and axis titles show, and the
width is used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.helpers import ready, until
from tests.test_dialogs import keys
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.gantt import Gantt
from workbench.ui.widgets.header import WorkbenchHeader
from workbench.ui.widgets.matrix import Matrix

SIZES = [(80, 24), (120, 36), (160, 48)]


def tree_lines(capture: CapturePane) -> list[str]:
    tree = capture.navigator.question_tree
    return [tree.render_line(y).text for y in range(tree.size.height)]


@pytest.mark.parametrize("size", SIZES)
async def test_every_area_in_the_navigator_shows_its_count(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        tree = capture.navigator.question_tree
        for node in tree.root.children:  # the session, then the banks: open them at area level
            node.expand()
        tree.root.children[0].collapse()
        await pilot.pause()
        tree.scroll_home(animate=False)
        await pilot.pause()
        branches = [line for line in tree_lines(capture) if "▶" in line or "▼" in line]
        areas = [
            line for line in branches if not any(b in line for b in ("This session", "Guide", "Gathering"))
        ]
        assert areas, branches
        for line in areas:
            assert re.search(r"\d+/\d+", line), f"no count on {line!r}"


@pytest.mark.parametrize("size", SIZES)
async def test_the_matrix_names_its_axes(example: Path, make_app, size: tuple[int, int]) -> None:
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await keys(pilot, "f3")
        matrix = app.screen.query_one(Matrix)
        shown = [matrix.render_line(y).text for y in range(matrix.size.height)]
        assert any("Impact ↑" in line for line in shown)
        assert any("Complexity →" in line for line in shown)


async def test_the_header_keeps_the_template_at_80_columns(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        line = app.screen.query_one(WorkbenchHeader).status_line().plain
        assert "ml-1 · ML Engineering Team Session" in line  # whole (fix12c: it was cut at "…")
        assert re.search(r"area \d+:\d\d/24:06", line), line  # the area clock says which it is
        assert len(line) <= 78


async def test_tree_questions_use_the_navigator_at_80_columns(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        shown = [line for line in tree_lines(capture) if "How do you currently deploy" in line]
        question = shown[0].split("● ", 1)[1].rstrip()
        assert len(question) >= 28, question  # it was cut at 24


@pytest.mark.parametrize("size", SIZES)
async def test_the_ranked_table_shows_every_column(example: Path, make_app, size: tuple[int, int]) -> None:
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await keys(pilot, "f3")
        table = app.screen.query_one("#ranked", DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        quadrant = "q" if size[0] == 80 else "quadrant"  # at 80: one letter on its colour (fix12c 3)
        assert labels[-5:] == ["title", quadrant, "I", "C", "prio"]
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_titles_use_the_width_at_160_columns(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await keys(pilot, "f3")
        table = app.screen.query_one("#ranked", DataTable)
        titles = [str(table.get_row(key)[2]) for key in table.rows]
        assert "Always-on GPU endpoints at low utilisation" in titles  # 42 characters, once cut at 28
        assert all(len(title) >= 48 for title in titles if title.endswith("…"))
        await keys(pilot, "f5")
        gantt = app.screen.query_one(Gantt)
        shown = "\n".join(gantt.render_line(y).text for y in range(gantt.size.height))
        assert "Technical deep-dive: feature pipelines" in shown


QUADRANT_WORDS = r"(Quick wins?|quick|Strategic initiatives|Strategic|strategic|Fill-ins?|fill-in|Deprioritise|deprior\.)"


@pytest.mark.parametrize("size", SIZES)
async def test_the_grid_names_all_four_quadrants_apart_from_the_ids(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    """fix12c: at 160x48 only "Quick wins" and "Fill-ins" showed in the grid, and at 80x24 the
    word "quick" ran into G-002 ("quickG-002" on one colour)."""
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await keys(pilot, "f3")
        matrix = app.screen.query_one(Matrix)
        # the grid's rows: those with the impact axis (│, and since 156c8b6 each band's ┌ and └)
        grid = [line for y in range(matrix.size.height) if re.search("[│┌└]", line := matrix.render_line(y).text)]
        named = [re.findall(QUADRANT_WORDS, line) for line in grid]
        shown = {word.lower()[:5] for words in named for word in words}
        assert shown == {"quick", "strat", "fill-", "depri"}, grid
        for line in grid:
            assert not re.search(QUADRANT_WORDS + r" ?G-\d", line), line


async def test_a_long_title_shows_whole_at_160_columns(example: Path, make_app) -> None:
    """fix12c: titles were cut at 48 characters at 160 columns while the matrix kept 70: the
    matrix takes what its ids need and the titles the rest."""
    title = "Model registry entries lack owners, lineage and an approval trail today"  # 71 characters
    text = example.read_text()
    example.write_text(text.replace('title = "No multi-cloud serving"', f'title = "{title}"', 1))
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await keys(pilot, "f3")
        table = app.screen.query_one("#ranked", DataTable)
        assert await until(pilot, lambda: title in [str(table.get_row(key)[2]) for key in table.rows])
        assert table.virtual_size.width <= table.scrollable_content_region.width


@pytest.mark.parametrize("size", [(120, 36), (160, 48)])
async def test_the_session_line_shows_whole_while_browsing(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    """fix12c: at 120x36 the question tree's first line was cut ('…: ML Engineering T'). While
    the keyboard is in the navigator it takes half the width (at most 70 columns); in the notes
    the editor has it back."""
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        tree = capture.navigator.question_tree
        tree.focus()
        tree.scroll_home(animate=False)

        def first() -> str:
            return tree_lines(capture)[0].rstrip()

        assert await until(pilot, lambda: first().endswith("ML Engineering Team Session")), first()
        browsing = capture.navigator.size.width
        app.screen.query_one("#q-notes").focus()  # the editor has the width back
        assert await until(pilot, lambda: capture.navigator.size.width < browsing)


@pytest.mark.parametrize("focus", ["#nav-tree", "#q-notes"])
async def test_going_back_to_capture_lays_nothing_out_again(example: Path, make_app, focus: str) -> None:
    """s12c: the navigator's width followed the keyboard, so leaving Capture narrowed it and
    coming back to the question tree widened it again: the tree was resized and every row drawn
    anew (108 ms at 160x48, over the 50 ms of a pane switch). The width now changes only when the
    keyboard moves inside Capture."""
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        tree = capture.navigator.question_tree
        app.screen.query_one(focus).focus()
        await pilot.pause()
        width, tree_size = capture.navigator.outer_size.width, tree.size
        assert width == (70 if focus == "#nav-tree" else 64)  # 50 % (at most 70) browsing, else 40 %
        await pilot.press("f3")
        assert await until(pilot, lambda: app.focused is not None and capture not in app.focused.ancestors)
        await pilot.pause()
        assert capture.navigator.outer_size.width == width
        await pilot.press("f2")
        assert await until(pilot, lambda: app.focused is app.screen.query_one(focus))
        await pilot.pause()
        assert capture.navigator.outer_size.width == width
        assert tree.size == tree_size  # the tree was not resized: its rows as drawn stand
