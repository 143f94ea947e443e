"""Layouts at 80×24 and 160×48 (issue 12, finding 10, leftovers): titles use the width there is,
matrix ids are whole and apart, and the question tree can be read at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, TextArea

from tests.helpers import ready, until
from tests.test_dialogs import keys
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.matrix import Matrix

LONG_SUGGESTION = "ML feature sources not mapped"


def shown_text(widget) -> str:  # type: ignore[no-untyped-def]
    """What a widget draws, its lines joined with spaces (a wrapped title reads whole)."""
    return " ".join(widget.render_line(y).text.strip() for y in range(widget.size.height))


async def test_suggested_titles_are_whole_at_160_columns(example: Path, make_app) -> None:
    """A suggestion's title was cut at 70 characters ('…ML feature…') in a list 88 wide; it is
    shown whole, wrapped as its reason is."""
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await keys(pilot, "f3", "f3")  # F3 again: the next tab, Suggested
        options = app.screen.query_one("#suggestions", OptionList)
        assert await until(pilot, lambda: options.region.width > 0 and options.option_count > 0)
        assert await until(pilot, lambda: LONG_SUGGESTION in " ".join(shown_text(options).split()))


def with_session_gaps(path: Path) -> Path:
    """Gaps raised in session ml-1 take its tag, `G-m1-01`: ids longer than `G-001`."""
    with path.open("a", encoding="utf-8") as out:
        for n, (impact, complexity) in enumerate([(5, 2), (5, 2), (3, 4), (1, 1)], 1):
            out.write(
                f'\n[[gaps]]\nid = "G-m1-{n:02}"\ntitle = "Raised in the session {n}"\n'
                f"impact = {impact}\ncomplexity = {complexity}\n"
            )
    return path


def matrix_words(app) -> list[str]:  # type: ignore[no-untyped-def]
    matrix = app.screen.query_one(Matrix)
    return [word for y in range(matrix.size.height) for word in matrix.render_line(y).text.split()]


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_every_matrix_id_is_whole_and_apart(example: Path, make_app, size: tuple[int, int]) -> None:
    """At 80 columns a cell is 6 characters wide: `G-m1-01` was shown as `m1-01`. An id is shown
    whole or counted in the cell's `+N` (Enter lists the cell), never cut, never run into a word."""
    app = make_app(with_session_gaps(example))
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await keys(pilot, "f3")
        ids = {gap.id for gap in app.workspace.project.gaps}
        words = matrix_words(app)
        for word in words:
            if "-" in word and any(ch.isdigit() for ch in word):
                assert word in ids, (word, words)
        counted = sum(int(word[1:]) for word in words if word.startswith("+") and word[1:].isdigit())
        assert len([w for w in words if w in ids]) + counted == len(ids), words


def question_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The questions the tree draws, without its guides and marks (not its area and group lines,
    ▶ or ▼ before their titles)."""
    tree = app.screen.query_one(CapturePane).navigator.question_tree
    lines = [tree.render_line(y).text for y in range(tree.size.height)]
    lines = [line for line in lines if "├" in line and "▶" not in line and "▼" not in line]
    return [line.split("○ ", 1)[-1].split("● ", 1)[-1].removeprefix("★ ").strip() for line in lines]


async def test_tree_questions_can_be_told_apart_at_80x24(example: Path, make_app) -> None:
    """With the keyboard in the tree at 80×24 its questions were cut at 25 characters ('How do you
    handle model depe', 'How do you monitor model ser'). While the tree has the keyboard it takes
    most of the width; Enter puts the keyboard in the notes, which get the width back."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        tree = capture.navigator.question_tree
        assert app.focused is tree
        catalogue = app.workspace.catalogue
        whole = {question.text for question in catalogue.questions.values()}
        assert await until(pilot, lambda: len(question_lines(app)) > 10)
        await pilot.pause()
        for line in question_lines(app):  # whole, or cut after a word with '…' (u2: was mid-word)
            assert line in whole or (line.endswith("…") and len(line) >= 30), line
        await keys(pilot, "down", "enter")
        notes = capture.query_one("#q-notes", TextArea)
        assert await until(pilot, lambda: app.focused is notes)
        assert await until(pilot, lambda: notes.region.width >= 40), notes.region
        await keys(pilot, "escape")  # back to the tree: wide again
        assert await until(pilot, lambda: app.focused is tree and capture.navigator.region.width >= 50)
