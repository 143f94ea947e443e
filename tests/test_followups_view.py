"""The Follow-ups view (F7 or the palette): closing records the answer on the right question."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.helpers import opened_by, palette, ready, saved, until
from workbench.analysis.followups import answer_key
from workbench.ui.screens.followups_screen import FollowUpsScreen

MEI = answer_key("discovery:platform-evaluation.evaluation.1", "ml-1")



async def open_view(pilot: Any) -> FollowUpsScreen:
    await opened_by(pilot, "f7", FollowUpsScreen)
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
    assert "done" not in step and step["due"] == dt.date(2026, 12, 11)  # unticked: no key, as never ticked


async def test_palette_opens_the_view_and_j_jumps_to_the_question(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await palette(pilot, "Follow-ups by person")
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


LUIS = answer_key("discovery:business-impact.current.strategic-alignment-2", "executive-1")


async def close_mei(pilot: Any, screen: FollowUpsScreen) -> None:
    highlight(screen, MEI)
    await pilot.press("enter")
    assert await until(pilot, lambda: pilot.app.screen.query("#followup-answer"))
    await pilot.press("end", *" Done.")
    await pilot.press("ctrl+s")
    assert await until(pilot, lambda: pilot.app.screen is screen and MEI not in screen.items)


async def test_the_view_follows_undo_and_redo_made_while_it_is_open(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_view(pilot)
        await close_mei(pilot, screen)
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: MEI in screen.items and not screen.items[MEI].done)
        await pilot.press("ctrl+y")
        assert await until(pilot, lambda: MEI not in screen.items)
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: MEI in screen.items)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    mei = [a for a in saved(example)["answers"] if answer_key(a["question"], a["session"]) == MEI]
    assert mei[0]["status"] == "follow-up"


async def test_the_view_follows_a_change_on_disk_merged_while_it_is_open(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_view(pilot)
        assert LUIS in screen.items
        text = example.read_text()
        example.write_text(text.replace('status = "follow-up"\nfollow_up_with = "Luis', 'follow_up_with = "Luis', 1))
        await close_mei(pilot, screen)  # an edit of mine, so the save meets the file changed on disk
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert await until(pilot, lambda: LUIS not in screen.items)  # answered on disk meanwhile
        assert MEI not in screen.items


async def test_whom_to_follow_up_with_offers_the_projects_people_and_takes_any_name(
    example: Path, make_app
) -> None:
    from textual.widgets import Input, OptionList

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_view(pilot)
        highlight(screen, "step:N-2")
        await pilot.press("o")
        assert await until(pilot, lambda: app.screen.query("#followup-people"))
        people = app.screen.query_one("#followup-people", OptionList)
        shown = [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]
        assert "Mei Chen (Platform engineer)" in shown and "Sam Okafor" in shown
        owner = app.screen.query_one("#followup-owner", Input)
        owner.value = ""
        owner.focus()
        await pilot.press(*"pri", "right")  # typing completes a known person; → accepts
        assert await until(pilot, lambda: owner.value == "Priya Raman (Lead data scientist)")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.screen is screen)
        assert screen.items["step:N-2"].owner == "Priya Raman (Lead data scientist)"
        highlight(screen, "step:N-2")
        await pilot.press("o")
        assert await until(pilot, lambda: app.screen.query("#followup-people"))
        people = app.screen.query_one("#followup-people", OptionList)
        people.focus()
        people.highlighted = shown.index("Mei Chen (Platform engineer)")
        await pilot.press("enter")  # picks her
        assert await until(pilot, lambda: app.screen.query_one("#followup-owner", Input).value == "Mei Chen (Platform engineer)")
        app.screen.query_one("#followup-owner", Input).value = "Someone New"  # free text still goes
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.screen is screen)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    (step,) = [s for s in saved(example)["next_steps"] if s["id"] == "N-2"]
    assert step["owner"] == "Someone New"
