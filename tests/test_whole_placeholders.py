"""A placeholder is one character to the person, as it is one in the file (#13 walkthrough, fe13b
1): the cursor steps over ⟨RLM⟩ whole, so nothing typed lands inside it, and Backspace and Delete
remove it whole, and with it the real character. Before, Right stopped inside it and `Y` saved
the letters "⟨YRLM⟩" in place of the U+200F."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from textual.widgets import Input, TextArea

from tests.helpers import edit_gap_in_dialog, ready, until
from tests.test_real_text import HOSTILE
from workbench.printable import for_editing, out_of_placeholder, restore, unit_after, unit_before
from workbench.ui.modals.gap_modal import GapModal

NOTE = "Each model is a hand-built Flask app on a VM; batch scoring is a cron job."
MARKED = "Only the demand\u200f-forecast model is measured."


def _boundaries(text: str, multiline: bool) -> list[int]:
    """Where each unit of the shown text starts, and its end: the places a cursor may stop."""
    at = [0]
    for char in text:
        at.append(at[-1] + len(for_editing(char, multiline)))
    return at


@given(HOSTILE, st.integers(min_value=0), st.booleans(), st.booleans())
@example("a\u200fb", 2, True, False)
def test_a_cursor_never_stops_inside_a_placeholder(
    text: str, column: int, forward: bool, multiline: bool
) -> None:
    line = for_editing(text, multiline).split("\n")[0] if multiline else for_editing(text, multiline)
    column %= len(line) + 1
    stop = out_of_placeholder(line, column, forward)
    if "\n" not in text:
        assert stop in _boundaries(text, multiline)
    assert stop >= column if forward else stop <= column


@given(HOSTILE, st.integers(min_value=0), st.booleans())
@example("x\u200fy", 2, False)
@example("⟨RLM⟩\u200f", 5, True)
def test_backspace_and_delete_remove_one_real_character(text: str, at: int, multiline: bool) -> None:
    """Backspace after a unit and Delete before it remove that unit's character, and only it."""
    if not text or (multiline and "\n" in text):
        return
    at %= len(text)
    shown = for_editing(text, multiline)
    start = len(for_editing(text[:at], multiline))
    end = len(for_editing(text[: at + 1], multiline))
    assert unit_before(shown, end) == start
    assert unit_after(shown, start) == end
    assert restore(text, shown[:start] + shown[end:], multiline) == text[:at] + text[at + 1 :]


def test_letters_typed_like_a_placeholder_are_one_unit_too() -> None:
    assert out_of_placeholder("a⟨NBSP⟩b", 3, True) == 7
    assert out_of_placeholder("a⟨NBSP⟩b", 3, False) == 1
    assert out_of_placeholder("a⟨NBSP⟩b", 1, True) == 1
    assert unit_before("a⟨U+009B⟩", 9) == 1
    assert unit_after("⟨RL", 0) == 1


def _marked(example: Path) -> None:
    text = example.read_text()
    assert NOTE in text
    example.write_text(text.replace(NOTE, MARKED.replace("\u200f", "\\u200f")))


def _notes(example: Path) -> list[str]:
    return [a.get("notes", "") for a in tomllib.loads(example.read_text())["answers"]]


async def _at_start_of_notes(pilot, app) -> TextArea:  # type: ignore[no-untyped-def]
    await ready(pilot)
    notes = app.screen.query_one("#q-notes", TextArea)
    assert notes.text.startswith("Only the demand⟨RLM⟩-forecast")
    notes.focus()
    notes.move_cursor((0, 0))
    await pilot.pause()
    return notes


async def test_typing_after_stepping_right_over_a_mark_keeps_the_mark(example: Path, make_app) -> None:
    _marked(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        notes = await _at_start_of_notes(pilot, app)
        await pilot.press(*["right"] * 16)
        assert notes.cursor_location == (0, len("Only the demand⟨RLM⟩"))
        await pilot.press("Y", "left", "left")
        assert notes.cursor_location == (0, len("Only the demand"))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any("Y-forecast" in n for n in _notes(example)))
    assert "Only the demand\u200fY-forecast model is measured." in _notes(example)
    assert "⟨" not in example.read_text()


async def test_backspace_and_delete_remove_the_mark_whole(example: Path, make_app) -> None:
    _marked(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        notes = await _at_start_of_notes(pilot, app)
        await pilot.press(*["right"] * 16, "backspace")
        assert notes.text.startswith("Only the demand-forecast")
        await pilot.press("ctrl+z")
        assert notes.text.startswith("Only the demand⟨RLM⟩-forecast")
        notes.move_cursor((0, len("Only the demand")))
        await pilot.press("delete")
        assert notes.text.startswith("Only the demand-forecast")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any("demand-forecast model is" in n for n in _notes(example)))
    assert "Only the demand-forecast model is measured." in _notes(example)


async def test_a_one_line_field_steps_over_a_placeholder_whole(example: Path, make_app) -> None:
    text = example.read_text()
    title = 'title = "No data-quality checks at ingestion"'
    assert title in text
    example.write_text(text.replace(title, 'title = "No\\u00a0data-quality\\u200fchecks at ingestion"', 1))
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await edit_gap_in_dialog(pilot, "G-006")
        field = app.screen.query_one("#gap-title", Input)
        assert field.value == "No⟨NBSP⟩data-quality⟨RLM⟩checks at ingestion"
        field.focus()
        await pilot.press("home", "right", "right", "right")
        assert field.cursor_position == len("No⟨NBSP⟩")
        await pilot.press("backspace", "space", *["right"] * 13, "Z")
        assert field.value == "No data-quality⟨RLM⟩Zchecks at ingestion"
        await pilot.press("left", "left", "delete", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "Zchecks" in example.read_text())
    gaps = tomllib.loads(example.read_text())["gaps"]
    assert next(g for g in gaps if g["id"] == "G-006")["title"] == "No data-qualityZchecks at ingestion"
