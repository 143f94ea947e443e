"""Issue #16 fresh-eyes finding 4: on the Gaps pane's Suggested tab `a` did nothing when you
first arrived, because no row was highlighted until an arrow was pressed. The first row is
highlighted when the list is shown, so `a` and `d` act on it (from the list: issue 12, a key acts
only where the keyboard is)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import OptionList, TabbedContent

from tests.helpers import ready, until
from workbench.ui.widgets.gaps_pane import GapsPane


def saved(path: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(path.read_text(encoding="utf-8"))


async def arrive_at_suggested(pilot, app) -> GapsPane:  # type: ignore[no-untyped-def]
    await pilot.press("f3")
    pane = app.screen.query_one(GapsPane)
    assert await until(pilot, lambda: len(pane.suggestions) >= 2)
    tabs = pane.query_one("#gaps-side", TabbedContent)
    await pilot.press("f3")  # the pane's key again: its next inner tab
    assert await until(pilot, lambda: tabs.active == "gaps-suggested")
    await pilot.press("tab")  # from the matrix to the list: a and d act where the keyboard is
    assert await until(pilot, lambda: app.screen.focused is pane.query_one("#suggestions"))
    return pane


async def test_a_on_arrival_accepts_the_first_suggestion(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        pane = await arrive_at_suggested(pilot, app)
        first = pane.suggestions[0].key
        options = pane.query_one("#suggestions", OptionList)
        assert await until(pilot, lambda: options.highlighted == 0)
        await pilot.press("a")
        assert await until(pilot, lambda: any(g.source == first for g in app.workspace.project.gaps))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any(g.get("source") == first for g in saved(example)["gaps"]))


async def test_d_on_arrival_dismisses_the_first_suggestion(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        pane = await arrive_at_suggested(pilot, app)
        first = pane.suggestions[0].key
        await pilot.press("d")
        assert await until(pilot, lambda: app.workspace.project.is_dismissed(first))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: {"suggestion": first} in saved(example).get("dismissed", []))
