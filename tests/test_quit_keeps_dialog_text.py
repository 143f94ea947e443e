"""fe12a 1 (#12 walkthrough, data loss): ctrl+q straight after typing into a dialog quit without
asking, and the journal kept only what its throttle had written ('Book GPU quota re'). Now the
dialog's text is written to the journal as ctrl+q is pressed, and the quit dialog asks: Save it,
Keep for next time or Discard (their buttons only), or Stay (Esc: w12a 2, Esc closes the quit
dialog, never the app)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import dialog_up, restore_dialog_draft, saved, until
from tests.test_dialog_drafts import DIALOGS, WORDS, draft_in_journal, open_and_type, opener
from workbench.store.journal import journal_paths
from workbench.ui.modals.confirm import QuitModal
from workbench.ui.modals.next_step_modal import NextStepModal

STEP = "Book GPU quota review"


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), DIALOGS, ids=[d[0] for d in DIALOGS])
async def test_ctrl_q_straight_after_typing_in_a_dialog_asks_and_the_journal_has_it_all(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_and_type(pilot, open_it, kind, field)  # (at paste speed)
        await pilot.press("ctrl+q")  # at once: no throttle window has passed
        assert await until(pilot, lambda: isinstance(app.screen, QuitModal) or not app.is_running)
        assert app.is_running, "quit without asking about the dialog's text"
        draft = draft_in_journal(example)
        assert draft is not None and draft.fields[field].endswith(WORDS), "the journal lacks what was typed"
        body = app.screen.body  # type: ignore[attr-defined]
        assert "holds text not saved" in body and WORDS.strip() in body, body
        labels = [str(b.label) for b in app.screen.query("Button")]
        assert labels == ["Save it (ctrl+s)", "Discard", "Keep for next time", "Stay (Esc)"], labels


async def type_a_step_and_quit(pilot: Any) -> None:
    """F5 Next steps, n, 'Book GPU quota review' typed, ctrl+q at once: the quit dialog asks."""
    app = pilot.app
    await open_and_type(pilot, opener("plan", "new_step_for", ""), NextStepModal, "step-text")
    field = app.screen.query_one("#step-text")
    field.value = ""
    await pilot.press(*STEP, "ctrl+q")
    assert await dialog_up(pilot, QuitModal)


async def test_keep_for_next_time_brings_the_whole_text_back(example: Path, make_app) -> None:
    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_a_step_and_quit(pilot)
        await pilot.click("#later")  # Keep for next time: its button only
        assert await until(pilot, lambda: not app.is_running)
    assert example.read_bytes() == before, "nothing is saved: the text waits in the journal"
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, NextStepModal, f"'{STEP}'")
        assert await until(pilot, lambda: dialog.query_one("#step-text").value == STEP)


async def test_save_it_saves_the_dialog_then_quits(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_a_step_and_quit(pilot)
        await pilot.press("ctrl+s")  # Save it
        assert await until(pilot, lambda: not app.is_running)
    assert STEP in [step["text"] for step in saved(example)["next_steps"]]
    assert not journal_paths(example)[0].exists(), "the file has it all: no journal entry is left"


async def test_save_it_with_a_refusal_stays_in_the_dialog(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_a_step_and_quit(pilot)
        app.screen_stack[-2].query_one("#step-due").value = "31/12"  # not a date: Save refuses
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, NextStepModal))
        await pilot.pause()
        assert app.is_running and "date" in str(app.screen.query_one("#step-error").render()).lower()


async def test_discard_drops_the_text_and_quits(example: Path, make_app) -> None:
    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_a_step_and_quit(pilot)
        await pilot.click("#no")  # Discard: its button only, no key
        assert await until(pilot, lambda: not app.is_running)
    assert example.read_bytes() == before
    assert not journal_paths(example)[0].exists(), "discarded: nothing is offered at the next start"


async def test_esc_in_the_quit_dialog_stays_with_the_text_in_its_field(example: Path, make_app) -> None:
    """ctrl+q, Esc: the app still runs, the quit dialog is gone, the text still in its field, and
    the dialog saves as before (Esc quit the app: 'Keep for next time' was Esc)."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_a_step_and_quit(pilot)
        await pilot.press("escape")  # Stay
        assert await until(pilot, lambda: isinstance(app.screen, NextStepModal))
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one("#step-text").value == STEP
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, NextStepModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: STEP in [step["text"] for step in saved(example)["next_steps"]])
        assert app.is_running
