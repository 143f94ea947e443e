"""#12 walkthrough (w12c): F6's ctrl+s acts on what is shown and where the keyboard is. With ml-1
highlighted in the sessions list, ctrl+s started a new session ('Started executive-2') from the
fields below the fold at 80×24. Now, in the list, Enter and ctrl+s switch to the highlighted
session (the footer says so); ctrl+s starts a new one only from its fields, scrolled into sight."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from tests.helpers import ready, saved, until
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.session_modal import SessionModal
from workbench.ui.widgets.key_footer import KeyFooter

SIZES = [(80, 24), (120, 36)]


def footer(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(KeyFooter).render().plain)


async def open_sessions(pilot, highlight: str) -> SessionModal:  # type: ignore[no-untyped-def]
    """F6, then the arrows to `highlight` in the sessions list; the dialog."""
    app = pilot.app
    await ready(pilot)
    await pilot.press("f6")
    assert await until(pilot, lambda: isinstance(app.screen, SessionModal) and app.screen.is_mounted)
    dialog = app.screen
    listing = dialog.query_one("#session-list", OptionList)
    assert await until(pilot, lambda: app.focused is listing)
    target = listing.get_option_index(highlight)
    while listing.highlighted != target:
        await pilot.press("down" if (listing.highlighted or 0) < target else "up")
    return dialog


@pytest.mark.parametrize("size", SIZES)
async def test_ctrl_s_in_the_sessions_list_switches_to_the_highlighted_one(
    size: tuple[int, int], example: Path, make_app
) -> None:
    before = [s["id"] for s in saved(example)["sessions"]]
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await open_sessions(pilot, "executive-1")
        assert await until(pilot, lambda: "^s Switch to executive-1" in footer(app)), footer(app)
        switch = app.screen.query_one("#switch")
        label = str(switch.label)
        assert label == "Switch to executive-1 (ctrl+s)"
        assert await until(pilot, lambda: switch.region.width >= len(label)), switch.region  # whole, not wrapped
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, SessionModal))
        assert await until(pilot, lambda: app.workspace.session_id == "executive-1")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [s["id"] for s in saved(example)["sessions"]] == before  # no new session


@pytest.mark.parametrize("size", SIZES)
async def test_ctrl_s_in_the_new_session_fields_starts_one_they_in_sight(
    size: tuple[int, int], example: Path, make_app
) -> None:
    before = [s["id"] for s in saved(example)["sessions"]]
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        dialog = await open_sessions(pilot, "data-1")
        attendees = dialog.query_one("#new-attendees", Input)
        while app.focused is not attendees:
            await pilot.press("tab")
        box = dialog.query_one(Dialog)
        for part in ("#new-heading", "#new-template", "#new-date", "#new-attendees"):
            widget = dialog.query_one(part)
            assert await until(pilot, lambda w=widget: box.shows(w)), part  # type: ignore[misc]
        assert await until(pilot, lambda: "^s Start session" in footer(app)), footer(app)
        await pilot.press(*"Dana (CFO)")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, SessionModal))
        await pilot.press("ctrl+s")
        await pilot.pause()
    sessions = saved(example)["sessions"]
    assert [s["id"] for s in sessions][:-1] == before
    assert sessions[-1]["attendees"] == [{"name": "Dana", "role": "CFO"}]
