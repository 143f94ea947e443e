"""#11 pane switches: leaving Capture with the keyboard in the notes, and coming back, keeps the
question's text as it is when its words are the same (at 120x36 it is shown whole either way).
It was set again each time, and Textual laid out every pane for it straight after the switch."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.helpers import until
from tests.test_fresh_eyes_12a import INDICATOR, open_notes


async def test_a_switch_from_the_notes_and_back_keeps_the_question_text(example: Path, make_app) -> None:
    """F3 then F2 with the keyboard in the notes: the same question text, not set again."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await open_notes(pilot, INDICATOR)
        question = capture.query_one("#q-text", Static)
        shown = question.content
        assert "Pain indicator" in str(shown)
        await pilot.press("f3")
        assert await until(
            pilot, lambda: app.screen.active_pane == "gaps" and app.focused not in capture.query("*")
        )
        await pilot.press("f2")
        assert await until(pilot, lambda: app.screen.active_pane == "capture" and app.focused.id == "q-notes")
        await pilot.pause()
        assert question.content is shown
