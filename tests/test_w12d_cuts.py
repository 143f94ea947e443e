"""Words cut where they fit (#12/#13 walkthroughs, w12d): the tree's area and group lines in the
narrow tree (while typing notes) were cut at the pane's edge mid-word with no ellipsis ('7/29
Model Deployment & Servin'); notices on the header's top line lost their end ('a, r, x and w act
on the practice hi…') or the gap id ('Rationale saved for 'Train from immutable, versioned data
sn…' on G-00…')."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import notifications, ready, until
from tests.test_keyboard_model import at_first_question
from tests.test_screen_findings import lines_of
from workbench.ui.widgets.header import WorkbenchHeader

COUNTED = re.compile(r"\d+/\d+ ")


def _labels(node) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for child in node.children:
        found.append(str(child.label))
        if child.is_expanded:
            found.extend(_labels(child))
    return found


async def test_in_the_narrow_tree_area_lines_are_cut_at_a_word_with_an_ellipsis(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await at_first_question(pilot)
        tree = capture.navigator.question_tree
        await pilot.press("enter")  # into the notes: the tree narrows
        assert await until(pilot, lambda: app.screen.focused is capture.query_one("#q-notes"))
        await pilot.pause()
        labels = set(_labels(tree.root))

        def cut_at_the_edge() -> list[str]:
            """The area and group lines the tree cut at its edge: not one of its labels whole."""
            said = [line.lstrip("│├└▼▶ ").rstrip() for line in _scrolled(tree)]
            return [line for line in said if COUNTED.match(line) and line not in labels]

        assert await until(pilot, lambda: not cut_at_the_edge()), cut_at_the_edge()
        cut = [label for label in labels if COUNTED.match(label) and label.endswith("…")]
        assert "4/29 Model Monitoring &…" in cut, cut  # at a word: not 'Model Monitoring & Observa'


def _scrolled(tree):  # type: ignore[no-untyped-def]
    """Every line of the tree, scrolling through it."""
    seen: list[str] = []
    tree.scroll_home(animate=False, immediate=True)
    for _ in range(40):
        seen.extend(lines_of(tree))
        before = tree.scroll_y
        tree.scroll_to(y=before + tree.size.height, animate=False, immediate=True)
        if tree.scroll_y == before:
            break
    return seen


def test_a_notice_cuts_its_quoted_title_never_its_id_or_its_instruction() -> None:
    from workbench.ui.widgets.header import fit_notice

    said = "Rationale saved on G-003 for 'Train from immutable, versioned data snapshots'."
    assert fit_notice(said, 80) == said
    assert fit_notice(said, 60) == "Rationale saved on G-003 for 'Train from immutable,…'."
    assert fit_notice(said, 30) is None  # the title would be too short to say anything
    assert fit_notice("Press Tab to go to Practices: a, r, x and w act there.", 40) is None
    assert fit_notice("Accepted 'Don't ship on Fridays at all' for G-001.", 40) == (
        "Accepted 'Don't ship on…' for G-001."
    )


def _header(app) -> str:  # type: ignore[no-untyped-def]
    header = app.screen.query_one(WorkbenchHeader)
    return header.render_line(0).text


def _toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(toast.render()) for toast in app.screen.query("Toast")]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_practice_instruction_is_never_cut(example: Path, make_app, size) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.widgets.map_pane import PRACTICE_NEEDED

    app = make_app(example)
    async with app.run_test(size=size, notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        assert await until(pilot, lambda: app.screen.query_one("#map-gaps").display)
        app.screen.query_one("#map-gaps").focus()
        await pilot.pause()
        await pilot.press("a")
        assert await until(pilot, lambda: PRACTICE_NEEDED in _header(app) or PRACTICE_NEEDED in _toasts(app))
        assert "act on the practice hi…" not in _header(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_rationale_saved_says_the_gap_id_whole(example: Path, make_app, size) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.widgets.map_pane import MapPane

    app = make_app(example)
    async with app.run_test(size=size, notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        pane = app.screen.query_one(MapPane)
        assert await until(pilot, lambda: pane.gap_id)
        found = ""
        for gap in app.workspace.project.gaps:
            pane.select(gap.id)
            await pilot.pause()
            if any(s.practice.id == "tv.data-snapshots" for s in pane.suggestions):
                found = gap.id
                break
        assert found
        shown = notifications(app)
        pane.write_rationale(found, "tv.data-snapshots")
        assert await until(pilot, lambda: app.screen is not app.main_screen())
        await pilot.pause()
        await pilot.press(*"snapshots", "ctrl+s")
        assert await until(pilot, lambda: bool(shown)), shown
        said = f"Rationale saved on {found} for 'Train from immutable"
        assert shown[-1].startswith(said), shown  # the id first: a cut takes the title's end
        await pilot.press("ctrl+s")
        assert await until(
            pilot, lambda: "snapshots" in example.read_text().split("tv.data-snapshots", 1)[-1]
        )
