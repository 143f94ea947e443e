"""Question search (`/` in Capture's tree) at 120x36: each key typed into the search box, from
the key sent to the first repaint that shows it (budget 16 ms median), on the example and the
large project; beside it, from the last key of a burst to the tree filtered with the best match
under the cursor (no budget: the tree follows the box, it never holds a key up)."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import sys
import time
from pathlib import Path

from bench.common import OUT, main_screen_up, note, report, wait_for
from bench.generate import write_large_project

EXAMPLE = Path(__file__).resolve().parent.parent / "projects" / "example.toml"
WORDS = ("model", "fail due to", "drift")


async def search_times(path: Path) -> tuple[list[float], list[float]]:
    """Seconds from each key to the repaint showing it; seconds from each burst's last key to the
    tree settled on the best match."""
    from textual import events
    from textual.widgets import Input

    from workbench.ui.app import make_app
    from workbench.ui.widgets.navigator import Navigator

    app = make_app(path, today=dt.date(2026, 11, 24), autosave_delay=3600)
    keys: list[float] = []
    settled: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: main_screen_up(app), "the main screen with every pane")
        await pilot.pause(1.0)
        navigator = app.screen.query_one(Navigator)
        search = app.screen.query_one("#nav-search", Input)
        screen = app.screen
        shown: list[str] = []
        original = screen._compositor_refresh

        def painted() -> None:
            original()
            shown.append(search.value)

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
                    want = words[:n]
                    shown.clear()
                    started = time.perf_counter()
                    app.post_message(events.Key("space" if char == " " else char, char))
                    await wait_for(pilot, lambda w=want: w in shown, f"'{want}' painted", step=0.0005)  # type: ignore[misc]
                    keys.append(time.perf_counter() - started)
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
    return keys, settled


def main() -> bool:
    OUT.mkdir(exist_ok=True)
    large = write_large_project(OUT / "large.toml")
    example = OUT / "example-search.toml"
    shutil.copy(EXAMPLE, example)
    ok = True
    for label, path in (("example", example), ("large (3,010 answers)", large)):
        keys, settled = asyncio.run(search_times(path))
        ok &= report(f"{label}: key in the question search to repaint", keys, 0.016)
        note(f"  {label}: last key of a burst to the tree on the best match", settled)
    return ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
