"""Issue 12, fresh eyes: panes, dialogs and layout as a new user met them.

Each test reproduces one finding key by key and asserts on the saved TOML where data is involved.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Static, Tabs, TextArea

from tests.helpers import arrow_to, ready, until
from tests.test_keyboard_model import FIRST, answers, at_first_question, burst
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.pick_modal import PickModal
from workbench.ui.modals.plan_item_modal import PlanItemModal
from workbench.ui.screens.main_screen import MainScreen
from workbench.ui.widgets.key_footer import place_name


def mappings(path: Path, gap: str) -> dict[str, dict[str, Any]]:
    return {m["practice"]: m for m in tomllib.loads(path.read_text())["mappings"] if m["gap"] == gap}


async def map_on_gap(pilot: Any, gap_id: str) -> OptionList:
    """Map on show with `gap_id` highlighted in its gap list, which has the keyboard."""
    await ready(pilot)
    await burst(pilot, "f4")
    gaps = pilot.app.screen.query_one("#map-gaps", OptionList)
    assert await until(pilot, lambda: pilot.app.focused is gaps)
    await arrow_to(gaps, gap_id, lambda key: burst(pilot, key))
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
        for _ in range(5):  # Tab until the practice list has the keyboard
            if app.focused is not practices:
                await burst(pilot, "tab")
        assert app.focused is practices
        accepted = "ma.business-kpi-monitoring"
        assert before[accepted].get("status", "accepted") == "accepted"
        await arrow_to(practices, accepted, lambda key: burst(pilot, key))
        await burst(pilot, "enter", "enter", "ctrl+s")
        focused_after = place_name(app.focused)
        assert app.is_running
    assert mappings(example, "G-005") == before
    assert focused_after == "practice detail"


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


def pilots(path: Path) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in tomllib.loads(path.read_text()).get("pilots", [])}


def title_in_view(screen: Any) -> bool:
    title = screen.query_one(".dialog-title")
    return bool(title.region.area) and screen.query_one(Dialog).region.contains_region(title.region)


async def pick(pilot: Any, option_id: str) -> None:
    """In a pick dialog, move down to an option (its title must be in view while it opens)."""
    options = pilot.app.screen.query_one("#pick-list", OptionList)
    await arrow_to(options, option_id, lambda key: burst(pilot, key))


async def propose_for(pilot: Any, gap_id: str, choose: str) -> PlanItemModal:
    """Plan, `p`, the gap picked with `choose` (enter or ctrl+s): the proposal's dialog."""
    app = pilot.app
    await ready(pilot)
    await burst(pilot, "f5")
    assert await until(pilot, lambda: place_name(app.focused) == "timeline")
    await burst(pilot, "p")
    assert await until(pilot, lambda: isinstance(app.screen, PickModal))
    assert await until(pilot, lambda: title_in_view(app.screen)), "the picker's title is off screen"
    await pick(pilot, gap_id)
    await burst(pilot, choose)
    assert await until(pilot, lambda: isinstance(app.screen, PlanItemModal))
    assert isinstance(app.screen, PlanItemModal)
    return app.screen


async def test_c_cancelling_a_proposed_pilot_leaves_nothing(example: Path, make_app) -> None:
    """Fresh eyes C: Esc on the proposal left the pilot in the file and on the timeline."""
    before = pilots(example)
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await propose_for(pilot, "G-006", "enter")
        assert await until(pilot, lambda: title_in_view(dialog)), "the dialog's title is off screen"
        assert "P-8" in str(dialog.query_one(".dialog-title", Static).content)
        await burst(pilot, "escape")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await burst(pilot, "ctrl+s")
        undo = app.screen.workspace.editor.history.undo_name
    assert pilots(example) == before
    assert undo is None or "G-006" not in undo


async def test_c_saving_a_proposed_pilot_is_one_undoable_edit(example: Path, make_app) -> None:
    """Fresh eyes C: the gap picker ignored ctrl+s; the proposal and its edits are one edit."""
    before = pilots(example)
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await propose_for(pilot, "G-006", "ctrl+s")
        metrics = dialog.query_one("#item-metrics", Input)
        assert "none linked" in str(metrics.placeholder), "the placeholder reads as a value"
        await burst(pilot, "ctrl+a", "Ingestion checks pilot", "ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await burst(pilot, "ctrl+s")
        saved = pilots(example)
        await burst(pilot, "ctrl+z", "ctrl+s")
    assert set(saved) - set(before) == {"P-8"}
    assert saved["P-8"]["title"] == "Ingestion checks pilot"
    assert saved["P-8"]["gaps"] == ["G-006"]
    assert pilots(example) == before


async def test_f_map_follows_the_gap_just_raised_from_capture(example: Path, make_app) -> None:
    """Fresh eyes F: after ctrl+g raised a gap, F4 opened Map on G-001, not on the new gap."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "ctrl+g")
        assert await until(pilot, lambda: app.screen.query(".dialog-title"))
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await burst(pilot, "ctrl+s", "f4")
        gaps = app.screen.query_one("#map-gaps", OptionList)
        assert await until(pilot, lambda: app.focused is gaps)
        highlighted = gaps.get_option_at_index(gaps.highlighted or 0).id
    raised = tomllib.loads(example.read_text())["gaps"][-1]["id"]
    assert raised == "G-m1-01"
    assert highlighted == raised


async def test_d_the_notes_stay_on_screen_while_they_have_the_keyboard(example: Path, make_app) -> None:
    """Fresh eyes D: at 80x24 the notes went below the screen once a maturity was set (the
    rubric grew above them): the footer said ✎ notes, the words typed were out of sight."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await at_first_question(pilot)
        notes = capture.query_one("#q-notes", TextArea)
        panel = capture.panel

        async def notes_in_view() -> bool:
            return await until(pilot, lambda: app.focused is notes and panel.can_view_entire(notes))

        await burst(pilot, "2", "dollar_sign", "enter")
        assert await notes_in_view(), "the notes are off screen after Enter"
        await burst(pilot, "ctrl+up", "ctrl+shift+up", "ctrl+shift+up")
        assert await notes_in_view(), "the notes are off screen after ctrl+up"
        await burst(pilot, "ctrl+n")
        assert await notes_in_view(), "the notes are off screen after ctrl+n"
        shown = panel.ref
        await burst(pilot, "seen at 80x24")
        await burst(pilot, "ctrl+s")
    assert shown != FIRST
    assert answers(example)[shown]["notes"].endswith("seen at 80x24")
