"""The question tree uses the room it has at 80×24, 120×36 and 160×48 (issue 12): it opens at its
first lines with the current question in sight, and its questions are cut at a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ready, until
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.navigator import QuestionTree

SIZES = [(80, 24), (120, 36), (160, 48)]


def shown(tree: QuestionTree) -> list[str]:
    """The tree's lines as a person sees them."""
    return [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]


def first_lines_and_cursor(tree: QuestionTree) -> bool:
    """The tree's session line is its first line on screen and its highlighted row is in sight."""
    lines = shown(tree)
    return bool(lines) and "Session" in lines[0] and tree.cursor_in_sight()


@pytest.mark.parametrize("size", SIZES)
async def test_the_tree_opens_at_its_first_lines(example: Path, make_app, size: tuple[int, int]) -> None:
    """At 80×24 the tree opened two lines down: the session line and the area line above the top
    edge (it scrolled the first question to the top before it had any rows)."""
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        tree = app.screen.query_one(CapturePane).navigator.question_tree
        await pilot.pause()
        assert first_lines_and_cursor(tree), shown(tree)[:3]
        assert "Model Deployment" in shown(tree)[1]


async def test_after_switching_session_the_tree_shows_its_first_lines(example: Path, make_app) -> None:
    """F6, another session: the tree shows the new session's line at the top and the question
    shown (kept from the session before) in sight; it kept the old scroll, the session line and
    its first section above the top edge."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        navigator = app.screen.query_one(CapturePane).navigator
        tree = navigator.question_tree
        await pilot.press("f6")
        assert await until(pilot, lambda: app.screen.query("#session-list"))
        await pilot.press("up", "enter")
        assert await until(pilot, lambda: app.workspace.session_id == "data-1")
        await pilot.pause()
        assert await until(pilot, lambda: first_lines_and_cursor(tree)), shown(tree)[:3]
        assert navigator.highlighted() == "discovery:model-deployment.current.deployment-infrastructure-1"


async def test_the_large_project_opens_at_the_tree_top(tmp_path: Path, make_app) -> None:
    """The bench's large project (10 sessions, 300 gaps) at 80×24 opens at the tree's top too."""
    from bench.generate import write_large_project

    app = make_app(write_large_project(tmp_path / "large.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tree = app.screen.query_one(CapturePane).navigator.question_tree
        await pilot.pause()
        assert first_lines_and_cursor(tree), shown(tree)[:3]


def cut_mid_word(app, tree: QuestionTree) -> list[str]:  # type: ignore[no-untyped-def]
    """The question lines the tree shows cut anywhere but after a whole word with '…'."""
    questions = app.workspace.catalogue.questions
    bad = []
    for y, line in enumerate(shown(tree)):
        node = tree.get_node_at_line(round(tree.scroll_y) + y)
        if node is None or not node.data:
            continue
        text = questions[node.data].text
        if text in line:
            continue
        words = line.split()
        if not line.endswith("…") or len(line) > tree.scrollable_content_region.width:
            bad.append(line)
            continue
        start = next(i for i, word in enumerate(words) if text.startswith(word.lstrip("“#")))
        kept = " ".join(words[start:])[:-1].lstrip("“# ")
        if not (text.startswith(kept) and text[len(kept)] == " "):
            bad.append(line)
    return bad


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("focus", ["#nav-tree", "#q-notes"])
async def test_questions_in_the_narrow_tree_are_cut_at_a_word(
    example: Path, make_app, size: tuple[int, int], focus: str
) -> None:
    """'How do you currently deploy models to prod' was cut at the tree's edge mid-word; it
    reads 'How do you currently deploy models to…', as the area and group lines are cut."""
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        navigator = app.screen.query_one(CapturePane).navigator
        tree = navigator.question_tree
        app.screen.query_one(focus).focus()
        width = navigator.size.width
        await pilot.pause()
        assert await until(pilot, lambda: navigator.size.width != width or pilot.app.focused is not None)
        await pilot.pause()
        assert any(line.endswith("…") for line in shown(tree) if "○" in line or "●" in line)
        assert cut_mid_word(app, tree) == []
