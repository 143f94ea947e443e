"""Timing helpers: best and median of several runs, printed against a budget."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

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
