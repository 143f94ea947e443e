"""Issue 12, a fresh-eyes run as a new user: the palette, Esc typed fast, the next question, the
undo of a field, cursors at the end of a field's text."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Input, TextArea

from tests.helpers import at_question, ready, saved, until
from tests.test_keyboard_model import FIRST, answers, at_first_question, burst
from workbench.ui.messages import ShowQuestion
from workbench.ui.modals.session_edit_modal import SessionEditModal
from workbench.ui.screens.help_screen import HelpScreen
from workbench.ui.textual_private import XTermParser
from workbench.ui.widgets.capture_pane import CapturePane


async def test_ctrl_p_over_help_over_the_palette_goes_back_to_it(example: Path, make_app) -> None:
    """ctrl+p, F1, ctrl+p crashed with DuplicateIds (a second palette); now it shows the palette
    again, once, and the app keeps running."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "ctrl+n", "unsaved words")
        for key in ("ctrl+p", "f1", "ctrl+p", "f1", "ctrl+p", "escape", "ctrl+p"):
            await burst(pilot, key)
            assert app.is_running
        palettes = [s for s in app.screen_stack if isinstance(s, CommandPalette)]
        assert len(palettes) == 1
        assert isinstance(app.screen, CommandPalette)
        assert not any(isinstance(s, HelpScreen) for s in app.screen_stack)
        await burst(pilot, "escape", "ctrl+s")
    assert any(answer.get("notes", "").endswith("unsaved words") for answer in answers(example).values())



def terminal_keys(text: str) -> list:  # type: ignore[type-arg]
    """The key events Textual's own parser makes of what a terminal sends (escape delay passed)."""
    parser = XTermParser()
    return [*parser.feed(text), *parser.feed("")]


async def test_esc_then_a_digit_in_one_read_sets_maturity_not_notes(example: Path, make_app) -> None:
    """A terminal sends Esc then 4 as "\\x1b4", which Textual read as '¢' and typed into the notes."""
    before = answers(example)[FIRST]
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        capture = await at_first_question(pilot)
        await burst(pilot, "enter", " ZZ")
        notes = capture.query_one("#q-notes", TextArea)
        assert await until(pilot, lambda: notes.text.endswith(" ZZ"))
        for event in terminal_keys("\x1b4"):
            app.post_message(event)
        assert await until(pilot, lambda: app.focused is capture.navigator.question_tree)
        await burst(pilot, "enter")
        for event in terminal_keys("\x1b$"):  # Esc then shift+4: target 4
            app.post_message(event)
        assert await until(pilot, lambda: app.focused is capture.navigator.question_tree)
        await burst(pilot, "ctrl+s")
    after = answers(example)[FIRST]
    assert after["notes"] == before["notes"] + " ZZ"
    assert after["current"] == 4
    assert after["target"] == 4


DEPENDENCIES = "discovery:model-deployment.current.serving-architecture-1"


async def test_next_question_follows_the_question_the_editor_shows(example: Path, make_app) -> None:
    """Enter on the empty search box moved the tree's cursor to the top while the editor kept
    the question: ctrl+n then opened the question after the top one and the notes went there."""
    before = answers(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        screen = app.screen
        screen.post_message(ShowQuestion(DEPENDENCIES))
        capture = screen.query_one(CapturePane)
        assert await until(pilot, lambda: capture.panel.ref == DEPENDENCIES)
        await burst(pilot, " conda", "tab", "enter", "tab")
        assert capture.panel.ref == DEPENDENCIES
        await burst(pilot, "ctrl+n")
        shown = capture.panel.ref
        await burst(pilot, "Seldon core")
        refs = capture.navigator.refs()
        await burst(pilot, "ctrl+s")
    after = answers(example)
    assert shown == refs[refs.index(DEPENDENCIES) + 1]
    assert after[DEPENDENCIES]["notes"].endswith(" conda")
    assert after[shown]["notes"] == (before[shown]["notes"] + "Seldon core" if shown in before else "Seldon core")


async def test_enter_just_after_next_question_adds_no_blank_line(example: Path, make_app) -> None:
    """ctrl+n then Enter (the old way to open the notes) put a blank line before the words."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        await burst(pilot, "ctrl+n")
        ref = capture.panel.ref
        assert not capture.query_one("#q-notes", TextArea).text
        await burst(pilot, "enter", "enter", "Serving on GKE\nand Argo", "ctrl+s")
    assert answers(example)[ref]["notes"] == "Serving on GKE\nand Argo"


METRIC = "discovery:model-deployment.metric.2"  # no metric yet in the example


async def test_typing_a_baseline_is_undone_as_one_step(example: Path, make_app) -> None:
    """ctrl+z after typing a metric's baseline took it back one digit at a time."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_question(pilot, METRIC)
        await burst(pilot, "ctrl+s")
        baseline = capture.query_one("#q-baseline")
        baseline.focus()
        await burst(pilot, "0123456789")
        await burst(pilot, "ctrl+s")
        assert [m["baseline"] for m in saved(example)["metrics"] if m.get("template") == METRIC] == [123456789]
        await burst(pilot, "ctrl+z")
        await burst(pilot, "ctrl+s")
    assert [m.get("baseline") for m in saved(example)["metrics"] if m.get("template") == METRIC] in ([], [None])


async def test_tab_into_a_field_with_a_value_types_after_it(example: Path, make_app) -> None:
    """Tab into the owner selected all of it: the next letter replaced 'Jonas'."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_question(pilot, METRIC)
        for field, words in (("#q-owner", "Ann Jonas"), ("#q-measured_by", "uptime probe")):
            capture.query_one(field).focus()
            assert await until(pilot, lambda: app.focused is capture.query_one(field))  # noqa: B023
            await burst(pilot, words)
        await burst(pilot, "tab", " Lee", "ctrl+s")
    metrics = [m for m in saved(example)["metrics"] if m.get("template") == METRIC]
    assert [(m["measured_by"], m["owner"]) for m in metrics] == [("uptime probe", "Ann Jonas Lee")]


def session_notes(path: Path, session_id: str) -> str:
    return str(next(s for s in saved(path)["sessions"] if s["id"] == session_id).get("notes", ""))


async def test_session_notes_take_new_words_at_the_end(example: Path, make_app) -> None:
    """Tab to a session's notes put the cursor at the start: new words went in front; ctrl+end
    did nothing. The attendees field had its text selected, so typing replaced it."""
    before = session_notes(example, "ml-1")
    people = len(next(s for s in saved(example)["sessions"] if s["id"] == "ml-1")["attendees"])
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.action_edit_session()
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "session-attendees")
        await burst(pilot, ", Tom Becker", "tab")
        notes = app.screen.query_one("#session-notes", TextArea)
        assert await until(pilot, lambda: app.focused is notes)
        await burst(pilot, " Priya joined late.", "ctrl+home", "ctrl+end", " Bye.", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, SessionEditModal))
        await burst(pilot, "ctrl+s")
    assert session_notes(example, "ml-1") == before + " Priya joined late. Bye."
    attendees = next(s for s in saved(example)["sessions"] if s["id"] == "ml-1")["attendees"]
    assert len(attendees) == people + 1
    assert "Tom Becker" in str(attendees[-1])
