"""#12 fe12b 3: words typed on notes that end in a word start after a separator, whichever way
the keyboard came into the notes (Enter, ctrl+n, ctrl+b), typed at person speed or pasted.
'…by hand.' then 'Conda envs pinned by hand' was saved 'by hand.Conda envs pinned by hand'."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from tests.helpers import ready, until
from tests.test_keyboard_model import answers, burst
from workbench.ui.widgets.capture_pane import CapturePane

ROLLBACK = "discovery:model-deployment.current.deployment-infrastructure-4"
OLD = "Rollback means redeploying the old VM image by hand."
NEW = "Conda envs pinned by hand"


async def into_notes(pilot, way: str) -> CapturePane:  # type: ignore[no-untyped-def]
    """Bring the keyboard into ROLLBACK's notes by `way`."""
    await ready(pilot)
    capture: CapturePane = pilot.app.screen.query_one(CapturePane)
    refs = capture.navigator.refs()
    index = refs.index(ROLLBACK)
    if way == "enter":
        capture.navigator.select_ref(ROLLBACK)
        assert await until(pilot, lambda: capture.navigator.highlighted() == ROLLBACK)
        await burst(pilot, "enter")
    else:
        start = refs[index - 1] if way == "ctrl+n" else refs[index + 1]
        capture.jump_to(start)
        assert await until(pilot, lambda: capture.panel.ref == start)
        await burst(pilot, way)
    notes = capture.query_one("#q-notes")
    assert await until(pilot, lambda: capture.panel.ref == ROLLBACK and pilot.app.focused is notes)
    return capture


@pytest.mark.parametrize("way", ["ctrl+n", "ctrl+b", "enter"])
@pytest.mark.parametrize("speed", ["person", "paste"])
async def test_words_typed_on_notes_ending_in_a_word_start_after_a_space(
    example: Path, make_app, way: str, speed: str
) -> None:
    assert answers(example)[ROLLBACK]["notes"] == OLD
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await into_notes(pilot, way)
        if speed == "person":
            for char in NEW:
                await pilot.press("space" if char == " " else char)
        else:
            await burst(pilot, *["space" if char == " " else char for char in NEW])
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: answers(example)[ROLLBACK]["notes"] == f"{OLD} {NEW}"), answers(
            example
        )[ROLLBACK]["notes"]


async def test_a_pasted_text_on_notes_ending_in_a_word_starts_after_a_space(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await into_notes(pilot, "ctrl+n")
        app.post_message(events.Paste(NEW))  # as a terminal delivers a bracketed paste
        await pilot.pause()
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: answers(example)[ROLLBACK]["notes"] == f"{OLD} {NEW}"), (answers(example)[ROLLBACK]["notes"], app.focused.text)  # type: ignore[union-attr]


async def test_notes_ending_in_a_space_or_typed_on_at_once_get_no_extra_space(example: Path, make_app) -> None:
    """A space typed first is the separator (no double space); Enter first starts a new line;
    typing on after a pause in the same visit runs on as typed; leaving and coming back in
    through Enter puts the separator in again."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await into_notes(pilot, "ctrl+n")
        await burst(pilot, "space", "x", "y")
        await pilot.pause()
        await burst(pilot, "z", "ctrl+s")
        assert await until(pilot, lambda: answers(example)[ROLLBACK]["notes"] == f"{OLD} xyz")
        await burst(pilot, "escape")
        await into_notes(pilot, "enter")
        await burst(pilot, "enter", "w", "ctrl+s")
        assert await until(pilot, lambda: answers(example)[ROLLBACK]["notes"] == f"{OLD} xyz\nw")
        await burst(pilot, "escape")
        await into_notes(pilot, "enter")
        await burst(pilot, "v", "ctrl+s")
        assert await until(pilot, lambda: answers(example)[ROLLBACK]["notes"] == f"{OLD} xyz\nw v")


async def test_passing_through_changes_nothing_and_typing_deleted_again_leaves_the_notes_as_they_were(
    example: Path, make_app
) -> None:
    """745b93a's checks, lost with it in bf97426 and not brought back with the separator
    (0daf39e): coming into the notes and leaving with nothing typed leaves the file byte for
    byte; words typed then deleted again leave the notes as they were, with no space after them."""
    opened = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await into_notes(pilot, "ctrl+n")
        notes = capture.query_one("#q-notes")
        assert notes.cursor_location == notes.document.end  # type: ignore[attr-defined]
        await burst(pilot, "ctrl+n", "ctrl+b", "ctrl+s")  # away and back: nothing typed
        assert await until(pilot, lambda: capture.panel.ref == ROLLBACK and app.focused is notes)
        assert example.read_bytes() == opened
        await burst(pilot, *["space" if char == " " else char for char in NEW], "ctrl+s")
        assert await until(pilot, lambda: answers(example)[ROLLBACK]["notes"] == f"{OLD} {NEW}")
        await burst(pilot, *["backspace"] * len(NEW), "ctrl+s")
        assert await until(pilot, lambda: answers(example)[ROLLBACK]["notes"] != f"{OLD} {NEW}")
        assert answers(example)[ROLLBACK]["notes"] == OLD
        await burst(pilot, "x", "ctrl+s")  # typed on again: after a space again
        assert await until(pilot, lambda: answers(example)[ROLLBACK]["notes"] == f"{OLD} x")
