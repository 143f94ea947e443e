"""fix13q (#13 leftovers): the quit dialog's typing guard, where the keyboard is after a
restore, the clock running on after it, the restore offer's wording, and the picker naming
projects with unsaved work waiting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import dialog_up, raise_g006_impact, until
from tests.test_journal_app import fail_writes_under
from workbench.ui.modals.confirm import ConfirmModal


@pytest.mark.parametrize("answer", ["ctrl+s", "escape", "enter"])
async def test_a_key_typed_as_the_quit_dialog_opens_does_not_answer_it(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path, answer: str
) -> None:
    """fix13q 1: ctrl+q then ctrl+s 0.1 s apart (a save meant before quitting) quit the app from
    'Quit with unsaved changes?' unseen. Like the other dialogs that open under typing, it takes
    no key typed before it was on screen 0.4 s; after that its keys answer it as its words say."""
    import workbench.ui.modals.dialog as dialog

    monkeypatch.setattr(dialog, "TYPING_GUARD_SECONDS", 2.0)  # "too soon" holds on a busy machine
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await raise_g006_impact(pilot)
        fail_writes_under(example.parent, monkeypatch)  # the save fails: ctrl+q asks
        await pilot.press("ctrl+q", answer)
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        asked = app.screen
        await pilot.pause()
        assert app.is_running and app.screen is asked, f"{answer} typed too soon answered the quit dialog"
        body = asked.body  # type: ignore[attr-defined]
        labels = [str(b.label) for b in asked.query("Button")]
        assert labels == ["Quit (ctrl+s)", "Stay (Esc)"], labels
        assert "ctrl+s" not in body or "Stay (Esc), then" in body, body
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.press("escape")
        assert await until(pilot, lambda: app.screen is not asked)
        assert app.is_running and app.workspace.unsaved
        await pilot.press("ctrl+q")
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.is_running)
