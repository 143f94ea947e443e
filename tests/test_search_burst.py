"""fe12c (#12 walkthrough, performance): the question search filters the tree once the typing
pauses, not once a key. A burst typed into it still ends on the best match, and Enter then
opens that question: the notes typed next are saved on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import until
from tests.test_key_gate import notes_of
from tests.test_keyboard_model import at_first_question, burst

BEST = "discovery:feature-engineering.discovery.4"
"""The one question whose text has 'feature drift', in a group closed at first."""


async def test_a_burst_into_the_search_ends_on_the_best_match(example: Path, make_app: Any) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        await burst(pilot, "slash", "feature drift")
        assert await until(pilot, lambda: capture.panel.ref == BEST)
        assert capture.navigator.highlighted() == BEST
        await burst(pilot, "enter", "enter", "seen after each retrain", "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert notes_of(example)[BEST].endswith("seen after each retrain")


async def test_enter_straight_after_a_burst_opens_the_best_match(example: Path, make_app: Any) -> None:
    """Enter in the same burst as the words, before the tree was filtered for them."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        await burst(pilot, "slash", "feature drift", "enter", "enter", "drift at month end", "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert capture.panel.ref == BEST
    assert notes_of(example)[BEST].endswith("drift at month end")


async def test_a_search_longer_than_its_box_shows_its_end_as_typed(example: Path, make_app: Any) -> None:
    """The search box sets its width for scrolling without a layout of the screen (fe12c): the
    end of a long search is still what the box shows, and ctrl+z still takes a word back."""
    from textual.widgets import Input

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_first_question(pilot)
        search = app.screen.query_one("#nav-search", Input)
        words = "how often do deployments of the serving models fail due to configuration drift"
        await burst(pilot, "slash", words)
        assert await until(pilot, lambda: search.value == words)
        await pilot.pause()
        shown = search.render_line(0).text
        assert "configuration drift" in shown and "how often" not in shown, shown
        await burst(pilot, "home")
        await pilot.pause()
        shown = search.render_line(0).text
        assert "how often" in shown, shown
