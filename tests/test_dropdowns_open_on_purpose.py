"""Issue 12, fix12a 1: a closed dropdown in any dialog is opened by Enter or the arrows, never by
space, so words typed into it by mistake (Tab one field too few) change nothing. In the gap
dialog, space opened the area list at the first word, the words after it searched it and Enter
chose what they found: the gap was saved with no area (tests/test_gap_dialog_keeps_choices.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import ModalScreen
from textual.widgets import Select

from tests.helpers import open_dialog
from tests.test_keyboard_model import answers, burst

WITH_DROPDOWNS = ["gap-new", "gap-edit", "heard", "next-step-new", "session", "export", "workbook-export", "proposal"]


@pytest.mark.parametrize("name", WITH_DROPDOWNS)
async def test_words_typed_into_a_closed_dropdown_change_nothing(example: Path, make_app, name: str) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_dialog(pilot, name, ModalScreen, Select)
        dropdowns = list(dialog.query(Select))
        for dropdown in dropdowns:
            before = dropdown.value
            dropdown.focus()
            await burst(pilot, *"are manual ", "a")
            assert (dropdown.id, dropdown.expanded, dropdown.value) == (dropdown.id, False, before)
            assert app.screen is dialog
        await burst(pilot, "enter")  # Enter still opens the focused one
        assert dropdowns[-1].expanded


async def test_words_typed_into_the_capture_dropdowns_change_nothing(example: Path, make_app) -> None:
    """Tab from the notes reaches the status dropdown: a sentence typed there opened it at the
    first space, searched it and Enter (a new line) set the status the words found."""
    from tests.test_fresh_eyes_12a import INDICATOR, open_notes

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await open_notes(pilot, INDICATOR)
        for name in ("#q-status", "#q-confidence"):
            dropdown = capture.query_one(name, Select)
            before = dropdown.value
            dropdown.focus()
            await burst(pilot, *"needs more evidence ", "s")
            assert (dropdown.expanded, dropdown.value) == (False, before)
        await burst(pilot, "ctrl+s")
    assert INDICATOR not in answers(example)  # no status, no confidence: no answer written
