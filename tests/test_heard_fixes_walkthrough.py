"""Issue 12, a new user's walkthrough (items 5 and 6): deleting a heard quote left the keyboard
nowhere and did not say the quote also left a gap's evidence; a quote saved for another session
did not show under "Other sessions" until the person moved away and back."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, OptionList, Select, Static

from tests.helpers import ask_to_remove_heard, ready, saved, until
from workbench.ui.modals.heard_modal import HeardModal
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.key_footer import KeyFooter

CITED = "discovery:model-deployment.pain.1"  # H-004 in ml-1, evidence of G-001
UNHEARD = "discovery:model-deployment.pain.3"  # not heard in the example


def footer(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(KeyFooter).render().plain)


async def test_deleting_the_last_quote_keeps_the_keyboard_and_names_the_gap(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await ask_to_remove_heard(pilot, CITED)  # it is evidence of G-001: asked first (v5)
        await pilot.press("x")
        assert await until(pilot, lambda: not app.workspace.project.heard_in(CITED, "ml-1"))
        title = str(capture.query_one("#q-heard-title", Static).render())
        assert "Removed H-004; it is no longer evidence of G-001" in title, title
        assert app.focused is capture.query_one("#q-notes"), app.focused
        assert footer(app).startswith(" ✎ notes"), footer(app)
        await pilot.press(*"still typed")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    data = saved(example)
    assert "heard:H-004" not in next(g for g in data["gaps"] if g["id"] == "G-001")["evidence"]
    note = next(a for a in data["answers"] if a["question"] == CITED and a["session"] == "ml-1")
    assert note["notes"].endswith("still typed")


async def test_deleting_one_of_two_quotes_keeps_the_keyboard_on_the_list(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.jump_to(CITED)
        capture.query_one("#q-hear-another", Button).press()
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        await pilot.press(*"Second quote", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        listing = capture.query_one("#q-heard-list", OptionList)
        assert await until(pilot, lambda: listing.option_count == 2)
        listing.focus()
        listing.highlighted = 1  # the second quote: evidence of no gap, so removed without asking
        await pilot.press("delete")
        assert await until(pilot, lambda: listing.option_count == 1)
        assert app.focused is listing
        assert footer(app).startswith(" ▸ "), footer(app)


async def test_a_quote_saved_for_another_session_shows_under_other_sessions_at_once(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.jump_to(UNHEARD)
        await pilot.pause()
        await pilot.press("ctrl+r")
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        await pilot.press(*"Nobody owns the deploy")
        app.screen.query_one("#heard-session", Select).value = "executive-1"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        others = capture.query_one("#q-others", Static)
        assert await until(pilot, lambda: "Nobody owns the deploy" in str(others.render()))
        assert others.display
