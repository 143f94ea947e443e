"""Issue 12, fresh eyes: panes, dialogs and layout as a new user met them.

Each test reproduces one finding key by key and asserts on the saved TOML where data is involved.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import OptionList, Tabs

from tests.helpers import ready, until
from tests.test_keyboard_model import burst
from workbench.ui.widgets.key_footer import place_name


def mappings(path: Path, gap: str) -> dict[str, dict[str, Any]]:
    return {m["practice"]: m for m in tomllib.loads(path.read_text())["mappings"] if m["gap"] == gap}


async def map_on_gap(pilot: Any, gap_id: str) -> OptionList:
    """Map on show with `gap_id` highlighted in its gap list, which has the keyboard."""
    await ready(pilot)
    await burst(pilot, "f4")
    gaps = pilot.app.screen.query_one("#map-gaps", OptionList)
    assert await until(pilot, lambda: pilot.app.focused is gaps)
    while gaps.highlighted is None or gaps.get_option_at_index(gaps.highlighted).id != gap_id:
        await burst(pilot, "down")
    return gaps


def tab_cycle(app: Any) -> list[Any]:
    """Every stop Tab reaches from the focused widget, once round."""
    start = app.focused
    seen = [start]
    for _ in range(30):
        app.screen.focus_next()
        if app.focused is start:
            break
        seen.append(app.focused)
    return seen


async def test_a_enter_on_a_practice_in_map_changes_nothing(example: Path, make_app) -> None:
    """Fresh eyes A: Enter on an accepted practice rejected it. It now opens its detail."""
    before = mappings(example, "G-005")
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await map_on_gap(pilot, "G-005")
        practices = app.screen.query_one("#map-suggestions", OptionList)
        await burst(pilot, "tab")
        assert app.focused is practices
        accepted = "ma.business-kpi-monitoring"
        assert before[accepted].get("status", "accepted") == "accepted"
        while practices.get_option_at_index(practices.highlighted or 0).id != accepted:
            await burst(pilot, "down")
        await burst(pilot, "enter", "enter")
        assert place_name(app.focused) == "practice detail"
        await burst(pilot, "ctrl+s")
        assert app.is_running
    assert mappings(example, "G-005") == before


async def test_b_inner_tab_strips_are_no_tab_stop_and_every_stop_is_named(example: Path, make_app) -> None:
    """Fresh eyes B: Tab from the matrix landed on the Ranked/Suggested strip (no name in the
    footer, Right switched tabs); Map's lists were both called 'list'."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f3")
        assert await until(pilot, lambda: place_name(app.focused) == "matrix")
        gaps_stops = tab_cycle(app)
        await map_on_gap(pilot, "G-001")
        map_stops = tab_cycle(app)
        for stop in gaps_stops + map_stops:
            assert not isinstance(stop, Tabs), f"{stop} is a Tab stop"
            assert place_name(stop), f"{stop} has no name in the footer"
        names = [place_name(stop) for stop in map_stops]
        assert names[:2] == ["gaps", "practices"]


async def test_b_map_keys_act_on_the_practice_shown_in_the_detail(example: Path, make_app) -> None:
    """Fresh eyes B: in the practice's detail a, r, x, w were offered but only said 'press Tab
    to go there'. They act on the practice the detail shows."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await map_on_gap(pilot, "G-005")
        practices = app.screen.query_one("#map-suggestions", OptionList)
        await burst(pilot, "tab")
        practice = practices.get_option_at_index(practices.highlighted or 0).id
        assert practice is not None
        await burst(pilot, "tab")
        assert place_name(app.focused) == "practice detail"
        await burst(pilot, "r", "ctrl+s")
    assert mappings(example, "G-005")[practice]["status"] == "rejected"
