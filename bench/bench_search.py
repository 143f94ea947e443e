"""Question search (`/` in Capture's tree) at 120x36: each key typed into the search box, from
the key sent to the first repaint that shows it (budget 16 ms median), on the example and the
large project, with the CPU time the process spent meanwhile; beside it, from the last key of a
burst to the tree filtered with the best match under the cursor (no budget: the tree follows the
box, it never holds a key up).

Keys go KEY_GAP apart, as a quick typist's do (20 a second): Textual paints at most 60 frames a
second, so a key sent straight after a paint waits for the next frame (up to 16.7 ms) whatever
the code does. The benchmark waits for the paint itself; it never polls with `pilot.pause`, which
queues a callback on every widget of the screen each time and loaded the loop it measured (the
figures were 3-4× the CPU the keys cost)."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import sys
import time
from pathlib import Path

from bench import common
from bench.common import OUT, NeverMet, main_screen_up, note, report, wait_for
from bench.generate import write_large_project

EXAMPLE = Path(__file__).resolve().parent.parent / "projects" / "example.toml"
WORDS = ("model", "fail due to", "drift")
KEY_GAP = 0.05
"""Seconds from one key's paint to the next key: 20 keys a second, quicker than people type."""


async def search_times(path: Path) -> tuple[list[float], list[float], list[float]]:
    """Seconds from each key to the repaint showing it, and the process's CPU seconds meanwhile;
    seconds from each burst's last key to the tree settled on the best match."""
    from textual import events
    from textual.widgets import Input

    from workbench.ui.app import make_app
    from workbench.ui.widgets.navigator import Navigator

    app = make_app(path, today=dt.date(2026, 11, 24), autosave_delay=3600)
    keys: list[float] = []
    cpu: list[float] = []
    settled: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: main_screen_up(app), "the main screen with every pane")
        await pilot.pause(1.0)
        navigator = app.screen.query_one(Navigator)
        search = app.screen.query_one("#nav-search", Input)
        screen = app.screen
        wanted = [""]
        shown = asyncio.Event()
        original = screen._compositor_refresh

        def painted() -> None:
            original()
            if search.value == wanted[0]:
                shown.set()

        screen._compositor_refresh = painted  # type: ignore[method-assign]
        try:
            for words in WORDS:
                navigator.question_tree.focus()
                await pilot.pause()
                await pilot.press("/")
                await wait_for(pilot, lambda: app.focused is search, "the keyboard in the search box")
                await pilot.press("ctrl+a", "ctrl+k")  # an earlier word gone
                await wait_for(pilot, lambda: search.value == "", "the search box empty")
                await pilot.pause(0.3)
                for n, char in enumerate(words, 1):
                    await asyncio.sleep(KEY_GAP)
                    wanted[0] = words[:n]
                    shown.clear()
                    started, used = time.perf_counter(), time.process_time()
                    app.post_message(events.Key("space" if char == " " else char, char))
                    await painted_within(shown, f"'{words[:n]}' painted")
                    keys.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - used)
                started = time.perf_counter()

                def on_best(want: str = words) -> bool:
                    return navigator.filters.search == want and navigator.highlighted() == (
                        navigator.best_match() or navigator.highlighted()
                    )

                await wait_for(pilot, on_best, f"the tree filtered for '{words}'", step=0.001)
                settled.append(time.perf_counter() - started)
                await pilot.pause(0.3)
        finally:
            screen._compositor_refresh = original  # type: ignore[method-assign]
    return keys, cpu, settled


async def painted_within(painted: asyncio.Event, what: str) -> None:
    """Wait for a paint (NeverMet, saying `what`, after `common.WAIT_SECONDS`)."""
    try:
        await asyncio.wait_for(painted.wait(), common.WAIT_SECONDS)
    except TimeoutError:
        raise NeverMet(f"{what}: not within {common.WAIT_SECONDS:.0f} s") from None


def main() -> bool:
    OUT.mkdir(exist_ok=True)
    large = write_large_project(OUT / "large.toml")
    example = OUT / "example-search.toml"
    shutil.copy(EXAMPLE, example)
    ok = True
    for label, path in (("example", example), ("large (3,010 answers)", large)):
        keys, cpu, settled = asyncio.run(search_times(path))
        ok &= report(f"{label}: key in the question search to repaint", keys, 0.016)
        note(f"  {label}: CPU time of the process per key", cpu)
        note(f"  {label}: last key of a burst to the tree on the best match", settled)
    return ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
