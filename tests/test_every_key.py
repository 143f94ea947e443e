"""Every key, everywhere (issue 12): each key of the registry pressed in each pane and focus state
(the tree, the notes, fields, dropdowns, lists, every dialog) without a crash; and a seeded run of
random keys across all of them that ends with a project `workbench check` accepts."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.screen import ModalScreen
from textual.widgets import Select

from tests.helpers import WAIT_SECONDS, ready, run_cli, until
from tests.test_dialogs import DIALOGS
from tests.test_keyboard_model import FIRST, burst, key_events
from workbench.ui.keys import EXTRA_BINDINGS, KEYS
from workbench.ui.screens.main_screen import MainScreen
from workbench.ui.widgets.capture_pane import CapturePane

EXCLUDED = {"ctrl+q"}
"""Quitting ends the run."""

PAIN = "discovery:model-deployment.pain.1"
METRIC = "discovery:model-deployment.metric.2"


def registry_keys() -> list[str]:
    """Every key the registry binds, once each (quit excluded)."""
    found: list[str] = []
    for entry in KEYS:
        names = [entry.key, *(name for name, _ in EXTRA_BINDINGS.get(entry.id, ()))]
        for name in names:
            for one in name.split(","):
                if one and one not in found and one not in EXCLUDED:
                    found.append(one)
    return found


async def handled(pilot: Any) -> None:
    """Until the keys sent are handled, with what they started, and no longer: the app has taken
    them, its key gate has let each through and seen the widgets on its way (and a dialog a key
    opened) handle what they were sent, the workers a key started are done, and the screen on top
    has drawn once more. (`burst` pauses twice a key, and a Pilot pause sleeps in 20 ms steps
    until the process is idle: most of this file's time went there.)"""
    app = pilot.app
    gate = app.keys_in_order
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        taken = asyncio.Event()
        if not app.call_later(taken.set):
            return  # the app stopped: the caller says which key
        await asyncio.wait_for(taken.wait(), WAIT_SECONDS)
        if gate.busy or gate.waiting:
            await asyncio.sleep(0.005)  # the gate waits for the widgets the key went to
            continue
        await asyncio.wait_for(app.workers.wait_for_complete(), WAIT_SECONDS)
        drawn = asyncio.Event()
        app.screen.call_after_refresh(drawn.set)
        await asyncio.wait_for(drawn.wait(), WAIT_SECONDS)
        if not (gate.busy or gate.waiting):
            return
    raise AssertionError(f"keys still being handled after {WAIT_SECONDS:.0f} s")


async def press(pilot: Any, *keys: str) -> None:
    """Send keys as a terminal delivers them (all queued at once); return when they are handled."""
    for event in key_events(*keys):
        pilot.app.post_message(event)
    await handled(pilot)


async def to_main(pilot: Any) -> MainScreen:
    """Close whatever is over the main screen."""
    app = pilot.app
    while not isinstance(app.screen, MainScreen):
        app.pop_screen()
        await pilot.pause()
    return app.screen  # type: ignore[no-any-return]


async def capture_focus(pilot: Any, selector: str, ref: str = FIRST) -> None:
    screen = await to_main(pilot)
    screen.show_pane("capture")
    capture = screen.query_one(CapturePane)
    if capture.panel.ref != ref:
        capture.jump_to(ref)
    screen.query_one(selector).focus()
    await pilot.pause()


async def dropdown_open(pilot: Any) -> None:
    await capture_focus(pilot, "#q-status")
    pilot.app.screen.query_one("#q-status", Select).expanded = True
    await pilot.pause()


def pane_focus(pane: str, selector: str = "") -> Callable[[Any], Awaitable[None]]:
    async def enter(pilot: Any) -> None:
        screen = await to_main(pilot)
        screen.show_pane(pane)
        if selector:
            screen.query_one(selector).focus()
        await pilot.pause()

    return enter


def capture_state(selector: str, ref: str = FIRST) -> Callable[[Any], Awaitable[None]]:
    async def enter(pilot: Any) -> None:
        await capture_focus(pilot, selector, ref)

    return enter


async def pane_tab(pilot: Any, pane: str, tabs: str, tab: str, selector: str) -> None:
    from textual.widgets import TabbedContent

    screen = await to_main(pilot)
    screen.show_pane(pane)
    screen.query_one(tabs, TabbedContent).active = tab
    await pilot.pause()
    screen.query_one(selector).focus()
    await pilot.pause()


def dialog_state(name: str) -> Callable[[Any], Awaitable[None]]:
    async def enter(pilot: Any) -> None:
        await to_main(pilot)
        await DIALOGS[name](pilot)
        await until(pilot, lambda: isinstance(pilot.app.screen, ModalScreen), seconds=5)

    return enter


async def screen_key(pilot: Any, key: str) -> None:
    await to_main(pilot)
    await burst(pilot, key)


STATES: dict[str, Callable[[Any], Awaitable[None]]] = {
    "tree": capture_state("#nav-tree"),
    "notes": capture_state("#q-notes"),
    "search": capture_state("#nav-search"),
    "status dropdown": capture_state("#q-status"),
    "status dropdown open": dropdown_open,
    "heard list": capture_state("#q-heard-list", PAIN),
    "metric field": capture_state("#q-baseline", METRIC),
    "matrix": pane_focus("gaps", "#matrix"),
    "ranked gaps": pane_focus("gaps", "#ranked"),
    "suggested gaps": lambda pilot: pane_tab(pilot, "gaps", "#gaps-side", "gaps-suggested", "#suggestions"),
    "gap evidence": lambda pilot: pane_tab(pilot, "gaps", "#gaps-side", "gaps-evidence", "#evidence"),
    "map gaps": pane_focus("map", "#map-gaps"),
    "map practices": pane_focus("map", "#map-suggestions"),
    "timeline": pane_focus("plan"),
    "plan metrics": lambda pilot: pane_tab(pilot, "plan", "#plan-tabs", "plan-metrics", "#metric-list"),
    "plan steps": lambda pilot: pane_tab(pilot, "plan", "#plan-tabs", "plan-steps", "#step-list"),
    "follow-ups": lambda pilot: screen_key(pilot, "f7"),
    "help": lambda pilot: screen_key(pilot, "f1"),
    **{f"dialog {name}": dialog_state(name) for name in DIALOGS if name != "gap-delete"},
    "dialog gap-delete": dialog_state("gap-delete"),  # last: it may delete the gap others open
}


async def test_every_registry_key_in_every_focus_state(example: Path, make_app, capsys: Any) -> None:
    keys = registry_keys()
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for state, enter in STATES.items():
            await enter(pilot)
            where = (app.screen, app.focused)
            for key in keys:
                if (app.screen, app.focused) != where:
                    await enter(pilot)
                    where = (app.screen, app.focused)
                await press(pilot, key)
                assert app.is_running, f"{key} in {state}"
        await to_main(pilot)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    code, out, err = run_cli(["check", str(example)], capsys)
    assert code == 0, out + err


RANDOM_KEYS = 2000
NAVIGATION = ["up", "down", "left", "right", "tab", "shift+tab", "enter", "escape", "space", "backspace",
              "home", "end", "pageup", "pagedown", "delete"]
TEXT = [*"abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:!?-+/()[]{}#$%&*'\"", "ä", "€"]


async def test_two_thousand_random_keys_end_in_a_valid_project(
    example: Path, make_app, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seeded: the same keys every run. Random keys from the registry (the palette too), the arrows
    and Enter, and text, in bursts of up to 40, across every pane and every dialog they open."""
    chooser = random.Random(12)
    pool = registry_keys()
    sent = 0
    app = make_app(example)
    # The palette offers Quit (it would end the run) and an SVG screenshot (written to the cwd).
    monkeypatch.setattr(app, "action_quit", lambda: None)
    monkeypatch.setattr(app, "deliver_screenshot", lambda *args, **kwargs: None)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        while sent < RANDOM_KEYS:
            size = chooser.randint(1, 40)
            chunk = [
                chooser.choice(pool) if roll < 0.35 else chooser.choice(NAVIGATION) if roll < 0.6 else
                chooser.choice(TEXT)
                for roll in (chooser.random() for _ in range(size))
            ]
            await burst(pilot, *chunk)
            sent += size
            assert app.is_running, f"stopped after {sent} keys: {chunk}, {app.return_code}"
        await to_main(pilot)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    code, out, err = run_cli(["check", str(example)], capsys)
    assert code == 0, out + err
