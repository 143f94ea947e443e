"""Timing helpers: best and median of several runs, printed against a budget."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

OUT = Path(__file__).parent / "out"


def measure(
    action: Callable[[], object], repeat: int = 5, setup: Callable[[], object] | None = None
) -> list[float]:
    """Seconds for each run of `action` (setup, if given, runs before each and is not timed)."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def report(name: str, times: list[float], budget: float) -> bool:
    """Print median and best against the budget; True when the median is within it."""
    median = statistics.median(times)
    ok = median <= budget
    print(
        f"{name:<58} median {median * 1000:8.1f} ms  best {min(times) * 1000:8.1f} ms  "
        f"budget {budget * 1000:6.0f} ms  {'ok' if ok else 'OVER'}"
    )
    return ok


def note(name: str, times: list[float]) -> None:
    """Print median and best of a figure that has no budget of its own."""
    print(f"{name:<58} median {statistics.median(times) * 1000:8.1f} ms  best {min(times) * 1000:8.1f} ms")


WAIT_SECONDS = 60.0
"""How long a benchmark waits for the app to reach a state (on a busy 2-core machine) before it
gives up with a line saying what never happened: a benchmark never hangs."""


class NeverMet(Exception):
    """A benchmark waited WAIT_SECONDS for a condition that never held; the message says which."""


async def wait_for(pilot: Any, condition: Callable[[], object], what: str, step: float = 0.05) -> None:
    """Pause until `condition()` holds; NeverMet("WHAT, not within N s (screen: ...)") if it never
    does within WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise NeverMet(f"{what}: not within {WAIT_SECONDS:.0f} s (the screen was {pilot.app.screen!r})")
        await pilot.pause(step)


def main_screen_up(app: Any) -> bool:
    """The main screen is the screen shown (no dialog over it) with every pane mounted."""
    return app.workspace is not None and bool(getattr(app.screen, "panes_mounted", lambda: False)())


@contextmanager
def private_state() -> Iterator[Path]:
    """A fresh state directory for the journal while inside (the real one is never touched, and
    unsaved work left by one run is never offered to the next)."""
    before = os.environ.get("WORKBENCH_STATE_DIR")
    with tempfile.TemporaryDirectory(prefix="bench-state-") as folder:
        os.environ["WORKBENCH_STATE_DIR"] = folder
        try:
            yield Path(folder)
        finally:
            if before is None:
                os.environ.pop("WORKBENCH_STATE_DIR", None)
            else:
                os.environ["WORKBENCH_STATE_DIR"] = before
