"""fe13d: with the keyboard in the notes the question being answered stays in sight (docked
above the fields, two lines with an ellipsis at small heights) and so do the notes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, TextArea

from tests.helpers import until
from tests.test_fresh_eyes_12a import INDICATOR, in_sight, open_notes
from tests.test_keyboard_model import answers, burst


async def test_the_question_stays_in_sight_while_typing_the_notes_at_80x24(example: Path, make_app) -> None:
    """At 80x24 the panel scrolled down to the notes and the question's text went above the top
    edge: the facilitator could not see what they were answering."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await open_notes(pilot, INDICATOR)
        notes = capture.query_one("#q-notes", TextArea)
        question = capture.query_one("#q-text", Static)
        crumb = capture.query_one("#q-crumb", Static)
        await burst(pilot, "ctrl+up", "ctrl+up", *["ctrl+shift+up"] * 4)  # the rubric shows
        await burst(pilot, "Nightly batch jobs " * 12, "ctrl+s")
        assert await until(pilot, lambda: in_sight(notes) and in_sight(question) and in_sight(crumb)), (
            question.region,
            notes.region,
        )
        assert notes.region.height >= 5
        assert question.region.height <= 2
        assert answers(example)[INDICATOR]["notes"].startswith("Nightly batch jobs")
