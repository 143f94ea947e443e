"""Every dialog fits and is honest (issue 12, finding 3): at 80×24 its buttons are on screen, every
field Tab reaches is visible, Tab follows the screen top to bottom and left to right, and Esc closes
the dialog, never the app."""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Select, TabbedContent

from tests.helpers import ready, until
from workbench.ui.modals.dialog import Dialog
from workbench.ui.screens.main_screen import MainScreen
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.gaps_pane import GapsPane
from workbench.ui.widgets.matrix import Matrix

Opener = Callable[..., Awaitable[None]]


PANE_KEYS = {"f2": "capture", "f3": "gaps", "f4": "map", "f5": "plan"}


async def keys(pilot, *pressed: str) -> None:  # type: ignore[no-untyped-def]
    """Press keys one by one; after a pane key, wait until that pane is on show."""
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()
        if key in PANE_KEYS:
            pane = pilot.app.screen.query_one(f"#{PANE_KEYS[key]}-pane")
            assert await until(pilot, lambda pane=pane: pane.region.x == 0 and pane.region.width > 0)


async def gap_new(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f3", "n")


async def gap_edit(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f3")
    pilot.app.screen.query_one(GapsPane).edit_gap("G-001")


async def gap_delete(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f3")
    pilot.app.screen.query_one(Matrix).select_gap("G-001")
    await keys(pilot, "delete")


async def pilot_pick(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f5", "p")


async def pilot_item(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f5", "enter")


async def metric_new(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f5", "f5", "n", "enter")


async def next_step_new(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f5")
    pilot.app.screen.query_one("#plan-tabs", TabbedContent).active = "plan-steps"
    steps = pilot.app.screen.query_one("#step-list")
    assert await until(pilot, lambda: steps.region.area > 0)
    await pilot.click("#step-list")
    await keys(pilot, "n")  # (the dialog opens at once: no chooser first)


async def rationale(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f4")
    practices = pilot.app.screen.query_one("#map-suggestions")
    practices.focus()  # Map's keys act on the practice list's highlighted practice
    practices.highlighted = 0
    await keys(pilot, "w")


async def session(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f6")


async def export(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f9")


async def proposal(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f8")


async def workbook_export(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.action_export_workbook()
    await pilot.pause()


async def workbook_import(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.action_import_workbook()
    await pilot.pause()


async def conflict(pilot) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.modals.conflict import ConflictModal

    pilot.app.push_screen(ConflictModal("projects/example.toml", ""))
    await pilot.pause()


async def heard(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(CapturePane).jump_to("discovery:model-deployment.pain.1")
    await keys(pilot, "ctrl+r")  # from the notes


async def attach_evidence(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(CapturePane).jump_to("discovery:model-deployment.pain.1")
    await keys(pilot, "ctrl+l")


async def gap_merge(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f3")
    pilot.app.screen.query_one(Matrix).select_gap("G-001")
    await keys(pilot, "m")


async def session_details(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.run_action("edit_session")
    await pilot.pause()


async def next_step_edit(pilot) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import TabbedContent

    await keys(pilot, "f5")
    tabs = pilot.app.screen.query_one("#plan-tabs", TabbedContent)
    for _ in range(3):  # F5 again: Plan's next tab, from wherever it was left, until Next steps
        if tabs.active == "plan-steps":
            break
        await keys(pilot, "f5")
    steps = pilot.app.screen.query_one("#step-list")
    assert await until(pilot, lambda: steps.region.area > 0)
    steps.highlighted = steps.get_option_index("N-2")
    steps.focus()
    await keys(pilot, "enter")


DIALOGS: dict[str, Opener] = {
    "heard": heard,
    "attach-evidence": attach_evidence,
    "gap-merge": gap_merge,
    "session-details": session_details,
    "next-step-edit": next_step_edit,
    "gap-new": gap_new,
    "gap-edit": gap_edit,
    "gap-delete": gap_delete,
    "pilot-pick": pilot_pick,
    "plan-item": pilot_item,
    "metric-new": metric_new,
    "next-step-new": next_step_new,
    "rationale": rationale,
    "session": session,
    "export": export,
    "proposal": proposal,
    "workbook-export": workbook_export,
    "workbook-import": workbook_import,
    "conflict": conflict,
}


def tab_stops(screen: ModalScreen[object]) -> list[Widget]:
    """The dialog's focusable widgets in Tab order."""
    return [w for w in screen.focus_chain if w.focusable]


def position(widget: Widget) -> tuple[int, int]:
    """Where a widget sits in its dialog's content, wherever the dialog is scrolled."""
    from workbench.ui.modals.dialog import Dialog

    dialog = next((a for a in widget.ancestors if isinstance(a, Dialog)), None)
    offset = round(dialog.scroll_y) if dialog is not None and widget.styles.dock != "bottom" else 0
    return (widget.region.y + offset, widget.region.x)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("name", list(DIALOGS))
async def test_every_dialog_fits_and_is_honest(
    example: Path, make_app, name: str, size: tuple[int, int]
) -> None:
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await DIALOGS[name](pilot)
        assert await until(pilot, lambda: isinstance(app.screen, ModalScreen) and tab_stops(app.screen)), (
            app.screen,
            app.focused,
        )
        dialog = app.screen
        # a dialog that guards against typed-on keys (a delete) takes them once it can be read
        assert await until(pilot, lambda: getattr(dialog, "keys_ready", True))
        screen_area = dialog.region
        for button in dialog.query(Button):
            if not button.display:  # a button for what is not there (detach without evidence)
                continue
            assert button.region.area and screen_area.contains_region(button.region), f"{button} off screen"
        stops = tab_stops(dialog)
        seen: list[tuple[int, int]] = []
        for _ in stops:
            await pilot.press("tab")
            await pilot.pause()
            focused = app.focused
            assert focused is not None and focused.screen is dialog
            assert focused.region.area and screen_area.contains_region(focused.region), f"{focused} not shown"
            box = next((a for a in focused.ancestors if isinstance(a, Dialog)), None)
            # Inside the box, above its docked buttons: Textual counted a field under them as
            # shown (#12: Tab to 'Add evidence…' and 'Detach' at 80×24, neither drawn).
            assert box is None or box.shows(focused), (
                f"{focused} hidden: {focused.region} {box.shown_region()}"
            )
            seen.append(position(focused))
        # From wherever focus started, one lap: the order rises down the screen once, then wraps.
        drops = sum(1 for a, b in itertools.pairwise(seen) if b < a)
        assert drops <= 1, f"Tab order jumps around the screen: {seen}"
        if any(isinstance(w, Select) and w.expanded for w in dialog.query(Select)):
            await pilot.press("escape")
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.is_running


async def test_finding_3_tab_from_the_tree_reaches_the_status_dropdown_at_once(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.navigator.question_tree.focus()
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#q-status", Select)
