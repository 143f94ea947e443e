"""Words cut where they fit (#12/#13 walkthroughs, w12d): the tree's area and group lines in the
narrow tree (while typing notes) were cut at the pane's edge mid-word with no ellipsis ('7/29
Model Deployment & Servin'); notices on the header's top line lost their end ('a, r, x and w act
on the practice hi…') or the gap id ('Rationale saved for 'Train from immutable, versioned data
sn…' on G-00…')."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import until
from tests.test_keyboard_model import at_first_question
from tests.test_screen_findings import lines_of

COUNTED = re.compile(r"\d+/\d+ ")


def _labels(node) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for child in node.children:
        found.append(str(child.label))
        if child.is_expanded:
            found.extend(_labels(child))
    return found


async def test_in_the_narrow_tree_area_lines_are_cut_at_a_word_with_an_ellipsis(example: Path, make_app) -> None:
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
