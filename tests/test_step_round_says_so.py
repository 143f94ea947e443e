"""v1 follow-up (issue #12 walkthrough): ctrl+n on the last question went round to the first
without a word, so what was said next could be typed into the first question's notes unnoticed.
It still goes round (as a search goes on from the start), and a notice says so; ctrl+b likewise."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import notifications, ready, until
from tests.test_fresh_eyes_13v1 import answers, paste, save
from tests.test_keyboard_model import burst
from workbench.ui.widgets.capture_pane import CapturePane

WORDS = "Nobody owns the rollback runbook"


async def test_ctrl_n_on_the_last_question_says_it_goes_round(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        session = app.workspace.session_id
        capture: CapturePane = app.screen.query_one(CapturePane)
        refs = list(dict.fromkeys(capture.navigator.refs()))
        shown = notifications(app)
        capture.jump_to(refs[-1])
        assert await until(pilot, lambda: capture.panel.ref == refs[-1])
        await burst(pilot, "ctrl+n")
        assert await until(pilot, lambda: capture.panel.ref == refs[0])
        assert await until(pilot, lambda: any(n.startswith("That was the last question: round to the first, “") for n in shown))
        await paste(pilot, WORDS)
        await save(pilot)
        await burst(pilot, "ctrl+b")
        assert await until(pilot, lambda: capture.panel.ref == refs[-1])
        assert await until(pilot, lambda: any(n.startswith("That was the first question: round to the last, “") for n in shown))
        await burst(pilot, "ctrl+b")
        assert await until(pilot, lambda: capture.panel.ref == refs[-2])
    assert sum(n.startswith("That was the") for n in shown) == 2  # a step within the list says nothing
    saved_answers = answers(example, session)
    assert WORDS in saved_answers[refs[0]]["notes"]
    assert refs[-1] not in saved_answers or WORDS not in saved_answers[refs[-1]]["notes"]
