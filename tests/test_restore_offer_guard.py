"""#12 live capture: the typing guard of the 'Unsaved work was found' offer lets no stray key through.

1. With the screens under the offer busy for more than a second as it opens, a key typed just as
   it showed was handled after the key gate had stopped waiting for it: the offer took it for a
   click and answered it (Enter restored the work unseen).
2. Someone typing on at a person's pace as the offer opened answered it with the Enter that ended
   their line: the guard counted from when the offer was shown, not from the last key typed.

The keys are posted as a terminal's driver hands them on, stamped when typed; each test asserts
on the saved project file."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import dialog_up, until
from tests.test_keyboard_model import key_events
from tests.test_restore_offer_keys import _crash_with_a_note, _offer_on_screen, _typed
from workbench.store.journal import journal_paths
from workbench.ui.modals.confirm import RestoreOfferModal
from workbench.ui.modals.dialog import TYPING_GUARD_SECONDS
from workbench.ui.textual_private import monotonic_time

BUSY_PANE = 0.6
"""How long each of the Gaps, Map and Plan panes keeps the app busy as it mounts under the offer
(seconds, the event loop held as by a big project): together well over a second."""
PACE = 0.08
"""A person typing: seconds between keys."""


def _busy_panes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Gaps, Map and Plan panes each hold the app for BUSY_PANE as they mount."""
    from workbench.ui.widgets.pane_slot import PaneSlot

    fill = PaneSlot.fill

    async def busy_fill(self: PaneSlot) -> None:
        time.sleep(BUSY_PANE)
        await fill(self)

    monkeypatch.setattr(PaneSlot, "fill", busy_fill)


async def _type_at_a_persons_pace(app: Any, text: str) -> None:
    """Each key PACE after the one before, stamped then, as the terminal driver's thread stamps
    what it reads (also while the app is busy and this test with it), and handed on without
    waiting for the app."""
    start = monotonic_time()
    for at, char in enumerate(text):
        stamp = start + at * PACE
        await asyncio.sleep(max(0.0, stamp - monotonic_time()))
        for event in key_events(char):
            event.time = stamp
            app.post_message(event)


def _bells(app: Any, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """When the app rang the bell (a key refused as typed too soon), from now on."""
    rung: list[float] = []
    ring = app.bell

    def bell() -> None:
        rung.append(monotonic_time())
        ring()

    monkeypatch.setattr(app, "bell", bell)
    return rung


async def _refused(pilot: Any, bells: list[float], otherwise: str) -> None:
    """The key typed last was refused with a bell, and the offer is still up."""
    assert await until(pilot, lambda: bells or not isinstance(pilot.app.screen, RestoreOfferModal))
    await pilot.pause()
    assert isinstance(pilot.app.screen, RestoreOfferModal), otherwise


async def _read(pilot: Any) -> None:
    """The person stops typing and reads the offer: it takes answers, and the keys typed before
    are all handled."""
    gate = pilot.app.keys_in_order
    assert await dialog_up(pilot, RestoreOfferModal)
    assert await until(pilot, lambda: not (gate.busy or gate.waiting or gate.on_their_way()))


def _restored(path: Path) -> bool:
    return "restored note" in path.read_text()


@pytest.mark.parametrize("key", ["enter", "escape"])
async def test_a_key_typed_as_the_offer_showed_answers_nothing_while_the_screens_under_it_are_busy(
    example: Path, make_app, state_dir: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    _crash_with_a_note(example)
    _busy_panes(monkeypatch)
    on_disk = example.read_text()
    app = make_app(example)
    bells = _bells(app, monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = await _offer_on_screen(app)
        _typed(app, key)  # typed as it showed, meant for the notes
        assert monotonic_time() < shown + TYPING_GUARD_SECONDS
        await _refused(pilot, bells, "a stray key answered the offer")
        assert example.read_text() == on_disk
        assert journal_paths(example)[0].exists()
        await _read(pilot)
        _typed(app, "ctrl+s")  # read, then answered: Restore
        assert await until(pilot, lambda: _restored(example))


async def test_typing_on_as_the_offer_opens_answers_nothing_until_the_person_stops(
    example: Path, make_app, state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _crash_with_a_note(example)
    on_disk = example.read_text()
    app = make_app(example)
    bells = _bells(app, monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = await _offer_on_screen(app)
        await _type_at_a_persons_pace(app, "we use terraform with four modules\n")
        assert monotonic_time() > shown + 2 * TYPING_GUARD_SECONDS  # (the Enter came well after)
        await _refused(pilot, bells, "the Enter ending the line answered the offer")
        assert example.read_text() == on_disk
        await _read(pilot)  # they stop, and read it
        _typed(app, "ctrl+s")
        assert await until(pilot, lambda: _restored(example))
        assert await until(pilot, lambda: not journal_paths(example)[0].exists())
