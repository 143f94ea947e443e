"""Waiting for the app, not for time: helpers for Pilot-driven tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

WAIT_SECONDS = 20.0
"""How long a condition may take on a busy 2-core machine before the test fails."""
STEP = 0.05


async def until(pilot: Any, condition: Callable[[], object], seconds: float = WAIT_SECONDS) -> bool:
    """Pause until `condition()` holds; False if it never did within `seconds`."""
    for _ in range(int(seconds / STEP)):
        if condition():
            return True
        await pilot.pause(STEP)
    return bool(condition())


def _panes_up(app: Any) -> bool:
    from workbench.ui.screens.main_screen import MainScreen

    return any(isinstance(s, MainScreen) and s.panes_mounted() for s in app.screen_stack)


async def ready(pilot: Any) -> None:
    """Wait until the main screen is up (under any dialog it opened) with every pane mounted
    (they mount lazily after the first frame), then for pending messages to be handled."""
    assert await until(pilot, lambda: _panes_up(pilot.app)), "the main screen never came up"
    await pilot.pause()


def notifications(app: Any) -> list[str]:
    """Collect every message the app shows with `notify` from now on."""
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, *args: Any, **kwargs: Any) -> None:
        shown.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = recording
    return shown


def run_cli(args: list[str], capsys: Any) -> tuple[int, str, str]:
    """Run `workbench ARGS` in-process: (exit code, stdout, stderr)."""
    from workbench.cli import main

    try:
        code = main(args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err
