"""Issue #12 leftovers (task z1, item 1): → on the timeline's first item renumbered the scale (week 1
was the earliest item's week, so it moved with the item) and left the item in "week 1", while the
file said `start = 1` and undo said "week 1". Now week 1 is the plan's first week: the bar moves on
a fixed scale, and the notice, the detail, the file and undo give the same weeks. Week 1 is the
earliest an item can start and a week the shortest it can last: both are refused, saying why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Static

from tests.helpers import at_plan, hand_edit, notifications, saved, until
from workbench.ui.widgets.gantt import Gantt

BARS = "█▓"


def _pilot_in(path: Path, item_id: str) -> dict[str, Any]:
    return next(p for p in saved(path)["pilots"] if p["id"] == item_id)


def _bar_column(gantt: Gantt, item_id: str) -> int:
    """Where the item's bar starts on its row of the chart."""
    for y in range(2, gantt.size.height):
        line = gantt.render_line(y).text
        if f"{item_id} " in line[:8]:
            return min(line.index(char) for char in BARS if char in line)
    raise AssertionError(f"no row for {item_id}")


async def _on_the_timeline(pilot: Any, item_id: str) -> Gantt:
    gantt: Gantt = await at_plan(pilot)
    gantt.focus()
    for _ in range(len(gantt.view.plan.items)):
        if gantt.selected == item_id:
            break
        await pilot.press("down")
    assert gantt.selected == item_id
    return gantt


async def test_moving_the_first_item_later_moves_its_bar_not_the_scale(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    hand_edit(example, 'id = "D-1"\n', 'id = "D-1"\nstart = 1\n')  # P-1 alone in week 1
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        gantt = await _on_the_timeline(pilot, "P-1")
        shown = notifications(app)
        scale, column = gantt.render_line(0).text, _bar_column(gantt, "P-1")
        await pilot.press("right")
        said = "P-1 now runs weeks 2–4 (3 wk, fixed start = 1 in the file)"
        assert await until(pilot, lambda: any(said in s for s in shown)), shown
        assert gantt.render_line(0).text == scale  # W1 stays over the plan's first week
        assert _bar_column(gantt, "P-1") == column + 3  # one week (three cells) later
        detail = app.screen.query_one("#plan-detail", Static)
        assert "pilot · weeks 2–4 (fixed start) · 14 Dec" in str(detail.render())
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: _pilot_in(example, "P-1").get("start") == 1)
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: "Undone: move P-1 to week 2 (start = 1)" in shown), shown
        assert _bar_column(gantt, "P-1") == column


async def test_what_waits_for_the_moved_item_is_named_as_it_moves(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await _on_the_timeline(pilot, "P-1")
        shown = notifications(app)
        await pilot.press("right")
        said = "P-1 now runs weeks 2–4 (3 wk, fixed start = 1 in the file); P-4 moves with it, to weeks 5–9."
        assert await until(pilot, lambda: said in shown), shown
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: _pilot_in(example, "P-1").get("start") == 1)
        assert "start" not in _pilot_in(example, "P-4")  # it follows; it is not fixed


async def test_earlier_than_week_one_is_refused_and_says_why(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await _on_the_timeline(pilot, "P-1")
        shown = notifications(app)
        await pilot.press("left")
        said = "P-1 already starts in week 1, the plan's first week: it cannot move earlier."
        assert await until(pilot, lambda: any(said in s for s in shown)), shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "start" not in _pilot_in(example, "P-1")  # it was not fixed to week 1 on the way


async def test_resizing_names_the_weeks_and_a_week_is_the_shortest(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        gantt = await _on_the_timeline(pilot, "P-1")
        shown = notifications(app)
        await pilot.press("right_square_bracket")
        assert await until(pilot, lambda: "P-1 now runs weeks 1–4 (4 wk); P-4 moves with it, to weeks 5–9." in shown)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: _pilot_in(example, "P-1")["weeks"] == 4)
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: "Undone: lengthen P-1 to 4 weeks" in shown), shown
        gantt.select_item("D-1")
        await pilot.press("left_square_bracket")
        said = "D-1 is one week long, the shortest a plan item can be."
        assert await until(pilot, lambda: said in shown), shown
