"""A person typing without pause into a question's notes, in a real process the tests kill.

`python -m tests.typing_driver PROJECT QUESTION` opens the project headless, starts the session
clock, and types a numbered word every quarter second. After each word it prints
`typed WORD SECONDS` (seconds since typing began, on the monotonic clock) and flushes, so the
test that kills it knows what was typed when.

`python -m tests.typing_driver PROJECT gap:G-003` types into that gap's dialog (its description)
instead, the dialog left open, without a session clock.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

from textual.widgets import TextArea

from workbench.ui.app import make_app
from workbench.ui.widgets.capture_pane import CapturePane

WORD_EVERY = 0.25


def start(project: Path, into: str) -> subprocess.Popen[str]:
    """The driver typing into `into` (a question, or `gap:ID`) of `project` in a process of its
    own, which a test kills; its lines on a pipe."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.typing_driver", str(project), into],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


async def type_forever(path: Path, question: str) -> None:
    app = make_app(path, today=dt.date(2026, 11, 24))
    async with app.run_test(size=(120, 36)) as pilot:
        while not app.screen.query("QuestionPanel") or not app.screen.query_one(CapturePane).panel.ref:
            await pilot.pause(0.05)  # the capture pane and its question panel are mounted
        if question.startswith("gap:"):
            main = app.main_screen()
            main.show_pane("gaps")
            while main.pane("gaps") is None:
                await pilot.pause(0.05)
            main.pane("gaps").edit_gap(question.removeprefix("gap:"))
            while not app.screen.query("#gap-description"):
                await pilot.pause(0.05)
            app.screen.query_one("#gap-description", TextArea).focus()
        else:
            app.screen.query_one(CapturePane).jump_to(question)
            await pilot.pause()
            app.screen.query_one("#q-notes", TextArea).focus()
            await pilot.press("ctrl+t")
        started = time.monotonic()
        print(f"started {started}", flush=True)
        word = 0
        while True:
            word += 1
            await pilot.press(*f" w{word:03d}")
            print(f"typed w{word:03d} {time.monotonic() - started:.3f}", flush=True)
            await asyncio.sleep(max(0.0, started + word * WORD_EVERY - time.monotonic()))


if __name__ == "__main__":
    asyncio.run(type_forever(Path(sys.argv[1]), sys.argv[2]))
