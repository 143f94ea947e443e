"""#12/#13 walkthroughs of the 'Unsaved work was found' offer.

1. It answers the FIRST key pressed once it has been on screen past the typing guard. On a busy
   machine the panes mounting under the offer held up the call that notes when the dialog was
   painted, so a key pressed 1-3 s after the offer showed was taken as typed too soon: the first
   ctrl+s, Enter or Esc did nothing.
2. A restored dialog comes back in the session it was typed in, said before it shows."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events

from tests.helpers import dialog_up, until
from workbench.store.journal import journal_paths
from workbench.store.last_session import remember
from workbench.ui.modals.confirm import RestoreOfferModal
from workbench.ui.modals.dialog import TYPING_GUARD_SECONDS, Dialog
from workbench.ui.textual_private import monotonic_time

SLOW_PANE = 0.35
"""How long each of the Gaps, Map and Plan panes takes to mount under the offer (seconds), as on
a busy 2-core machine: together longer than the typing guard."""


def _crash_with_a_note(example: Path) -> None:
    from workbench.store.files import ProjectFile
    from workbench.store.journal import write_journal
    from workbench.store.serialize import project_to_data

    file = ProjectFile.load(example)
    answer = next(a for a in file.project.answers if a.notes and "\n" not in a.notes)
    answer.notes = "restored note"
    write_journal(example, project_to_data(file.project), file.base, "ml-1", False)


def _slow_panes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Gaps, Map and Plan panes take SLOW_PANE each to mount (the event loop stays free)."""
    from workbench.ui.widgets.pane_slot import PaneSlot

    fill = PaneSlot.fill

    async def slow_fill(self: PaneSlot) -> None:
        await asyncio.sleep(SLOW_PANE)
        await fill(self)

    monkeypatch.setattr(PaneSlot, "fill", slow_fill)


async def _meanwhile(condition: Callable[[], object], seconds: float = 10.0) -> bool:
    """Wait until `condition()` holds without waiting for the app to be idle, as a person at the
    keyboard does (`until` lets the app handle everything pending first)."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return True
        await asyncio.sleep(0.02)
    return bool(condition())


async def _offer_on_screen(app: Any) -> float:
    """Wait until the offer is laid out on screen (the panes under it still mount); when that was."""
    assert await _meanwhile(
        lambda: isinstance(app.screen, RestoreOfferModal) and app.screen.query_one(Dialog).region.area
    )
    return monotonic_time()


def main_screen(app: Any) -> Any:
    """The main screen, under the offer."""
    from workbench.ui.screens.main_screen import MainScreen

    return next((screen for screen in app.screen_stack if isinstance(screen, MainScreen)), None)


def _typed(app: Any, key: str) -> None:
    """The key as the terminal's driver hands it on (a pilot's press waits for the app first)."""
    app.post_message(events.Key(key, {"enter": "\r", "escape": "\x1b"}.get(key)))


@pytest.mark.parametrize("key", ["ctrl+s", "enter", "escape"])
async def test_the_first_key_answers_the_restore_offer_while_the_panes_mount(
    example: Path, make_app, state_dir: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    _crash_with_a_note(example)
    _slow_panes(monkeypatch)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = await _offer_on_screen(app)
        # Read for longer than the guard, until the panes under it are up (as in the walkthrough:
        # the offer had been on screen 1-3 s), then the key, once.
        assert await _meanwhile(lambda: main_screen(app) is not None and main_screen(app).panes_mounted())
        assert await _meanwhile(lambda: monotonic_time() > shown + 2 * TYPING_GUARD_SECONDS)
        _typed(app, key)
        assert await until(pilot, lambda: not isinstance(app.screen, RestoreOfferModal), 3)
        if key == "escape":  # Decide later: the file as it is, the work kept for the next start
            assert "restored note" not in example.read_text()
        else:
            assert await until(pilot, lambda: "restored note" in example.read_text())
            assert await until(pilot, lambda: not journal_paths(example)[0].exists())


async def test_a_restored_dialog_comes_back_in_the_session_it_was_typed_in(
    example: Path, make_app, state_dir: Path
) -> None:
    """#12 walkthrough 2: 'Raise a gap' typed while executive-1 was current came back under
    ml-1's header (the file's last session), and Save switched the header to executive-1 without
    a word. The restore makes executive-1 current first, and says so, before the dialog shows."""
    from tests.helpers import notifications, ready, restore_dialog_draft, saved
    from workbench.store.journal import read_journal
    from workbench.ui.modals.gap_modal import GapModal
    from workbench.ui.widgets.header import WorkbenchHeader

    def _draft_title(path: Path) -> str:
        entry = read_journal(path)
        return entry.draft.fields.get("gap-title", "") if entry is not None and entry.draft else ""

    def header(app: Any) -> str:
        return str(main_screen(app).query_one(WorkbenchHeader).status_line().plain)

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert app.workspace.session_id == "ml-1"
        main_screen(app).switch_session("executive-1")
        main_screen(app).raise_gap("", "model-deployment")  # a gap is saved only with an area
        assert await until(pilot, lambda: isinstance(app.screen, GapModal) and app.screen.query("#gap-title"))
        app.screen.query_one("#gap-title").focus()
        await pilot.pause()
        await pilot.press(*"Nobody owns the release")
        assert await until(pilot, lambda: _draft_title(example) == "Nobody owns the release")
        assert read_journal(example).session == "executive-1"
    gaps_before = {gap["id"] for gap in saved(example)["gaps"]}
    remember(example, "ml-1")  # the app opens in another session than the dialog's (a3d9991)

    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        shown = notifications(again)
        await ready(pilot)
        assert again.workspace.session_id == "ml-1"  # the session remembered, as the start opens it
        dialog = await restore_dialog_draft(pilot, GapModal, "Raise a gap")
        assert "Back in executive-1, where this was typed." in shown
        assert again.workspace.session_id == "executive-1"
        assert "│ executive-1 · " in header(again), header(again)
        title = dialog.query_one("#gap-title")
        assert await until(pilot, lambda: title.value == "Nobody owns the release"), title.value
        assert await dialog_up(pilot, GapModal)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(again.screen, GapModal))
        assert await until(pilot, lambda: not again.workspace.unsaved)
        assert again.workspace.session_id == "executive-1"  # (the header says what was raised
        assert "/45:00" in header(again), header(again)  # for a while; its clock is executive-1's)
    raised = [gap for gap in saved(example)["gaps"] if gap["id"] not in gaps_before]
    assert [gap["title"] for gap in raised] == ["Nobody owns the release"]
    assert raised[0]["id"].startswith("G-e1-"), raised[0]["id"]
