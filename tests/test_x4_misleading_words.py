"""Issue 12 walkthrough (v5 item 4): texts that misled."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.helpers import ready, until
from tests.test_dialogs import keys
from workbench.ui.modals.pick_modal import NOTHING_MATCHES, PickModal


async def test_propose_pilot_says_why_a_gap_without_practices_cannot_be_chosen(example: Path, make_app) -> None:
    """Plan `p`, typing g-010 (no practice mapped): 'Nothing here has all these words'."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await keys(pilot, "f5", "p")
        assert await until(pilot, lambda: isinstance(app.screen, PickModal) and app.screen.keys_ready)
        await pilot.press(*"g-010")
        listing = app.screen.query_one("#pick-list", OptionList)

        def said() -> str:
            return " ".join(str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count))

        assert await until(pilot, lambda: "G-010 has no practice mapped yet" in said()), said()
        assert "Map (F4)" in said() and NOTHING_MATCHES not in said()
        await pilot.press("enter")  # the reason is no choice
        await pilot.pause()
        assert isinstance(app.screen, PickModal)


async def test_editing_a_next_step_offers_what_it_serves_as_a_new_one_does(example: Path, make_app) -> None:
    """Edit next step had no 'serves' dropdown, which New next step has: the same fields in both."""
    from textual.widgets import Select

    from tests.helpers import saved
    from workbench.ui.modals.next_step_modal import NextStepModal

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.main_screen().show_pane("plan")
        plan = app.main_screen().pane("plan")
        plan.edit_step("N-1")
        assert await until(pilot, lambda: isinstance(app.screen, NextStepModal) and app.screen.query("#step-serves"))
        serves = app.screen.query_one("#step-serves", Select)
        assert serves.value == "next-steps.1"
        serves.value = "success-metrics.1"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, NextStepModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    step = next(s for s in saved(example)["next_steps"] if s["id"] == "N-1")
    assert step["step"] == "success-metrics.1"
    assert step["text"] == "Send the proposal to Dana and Luis"


async def test_gap_evidence_offers_enter_and_names_no_speakers_for_an_answer(example: Path, make_app) -> None:
    """Gaps › Evidence: Enter goes to the question, but the footer never offered ⏎; an answer was
    shown with the session's attendees as they are now, as if they had said it."""
    from textual.widgets import OptionList

    from workbench.ui.widgets.gaps_pane import GapsPane
    from workbench.ui.widgets.key_footer import KeyFooter

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await keys(pilot, "f3")
        app.screen.query_one(GapsPane).select("G-001")
        await pilot.pause()
        await pilot.press("e")
        evidence = app.screen.query_one("#evidence", OptionList)
        assert await until(pilot, lambda: app.focused is evidence and evidence.option_count > 0)
        footer = app.screen.query_one(KeyFooter)
        assert await until(pilot, lambda: "⏎ Question" in str(footer.render().plain)), footer.render().plain
        labels = [str(evidence.get_option_at_index(i).prompt) for i in range(evidence.option_count)]
        answer = next(label for label in labels if label.startswith("answer"))
        assert "session ml-1" in answer, answer
        assert "Platform engineer" not in answer, answer  # an attendee of ml-1, not who answered
