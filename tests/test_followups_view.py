"""The Follow-ups view (F7 or the palette): closing records the answer on the right question."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from tests.helpers import ready, until
from workbench.analysis.followups import answer_key
from workbench.ui.screens.followups_screen import FollowUpsScreen

MEI = answer_key("discovery:platform-evaluation.evaluation.1", "ml-1")


def saved(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text())


async def open_view(pilot: Any) -> FollowUpsScreen:
    await ready(pilot)
    await pilot.press("f7")
    assert await until(pilot, lambda: isinstance(pilot.app.screen, FollowUpsScreen))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FollowUpsScreen)
    return screen


def highlight(screen: FollowUpsScreen, key: str) -> None:
    listing = screen.query_one("#followup-list")
    listing.highlighted = listing.get_option_index(key)  # type: ignore[attr-defined]


async def test_closing_a_follow_up_records_the_answer_and_saves(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_view(pilot)
        highlight(screen, MEI)
        await pilot.press("enter")
        assert await until(pilot, lambda: app.screen.query("#followup-answer"))
        await pilot.press("end", *" Needs a registry.")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.screen is screen and MEI not in screen.items)
        await pilot.press("ctrl+s")  # save now
        await pilot.pause()
    (answer,) = [
        a
        for a in saved(example)["answers"]
        if a["question"] == "discovery:platform-evaluation.evaluation.1" and a["session"] == "ml-1"
    ]
    assert answer["status"] == "answered"
    assert answer["notes"] == "Wants a written capability list before the next meeting. Needs a registry."


async def test_ticking_reopening_and_assigning_a_next_step(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_view(pilot)
        highlight(screen, "step:N-2")
        await pilot.press("c")
        assert await until(pilot, lambda: "step:N-2" not in screen.items)
        await pilot.press("d")  # show done items, then reopen it
        assert await until(pilot, lambda: "step:N-2" in screen.items)
        highlight(screen, "step:N-2")
        await pilot.press("c")
        assert await until(pilot, lambda: not screen.items["step:N-2"].done)
        await pilot.press("o")
        assert await until(pilot, lambda: app.screen.query("#followup-due"))
        due = app.screen.query_one("#followup-due")
        due.value = "next week"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = app.screen.query_one("#followup-error").render()
        assert "'next week' is not a date; write it as YYYY-MM-DD" in str(error)
        due.value = "2026-12-11"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.screen is screen)
        assert screen.items["step:N-2"].due == dt.date(2026, 12, 11)
        await pilot.press("ctrl+s")
        await pilot.pause()
    (step,) = [s for s in saved(example)["next_steps"] if s["id"] == "N-2"]
    assert step["done"] is False and step["due"] == dt.date(2026, 12, 11)


async def test_palette_opens_the_view_and_j_jumps_to_the_question(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Follow-ups by person")
        await pilot.pause(0.3)
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        highlight(screen, MEI)
        await pilot.press("j")
        assert await until(pilot, lambda: not isinstance(app.screen, FollowUpsScreen))
        panel = app.screen.query_one("CapturePane")
        assert await until(
            pilot, lambda: "missing from your current platform" in str(panel.query_one("#q-text").render())
        )
