"""UI budgets: start-up ≤ 1.3× a bare Textual app; large project interactive ≤ 1 s;
keystroke to repaint ≤ 16 ms median; pane switch ≤ 50 ms."""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import common
from bench.common import OUT, NeverMet, main_screen_up, report, wait_for
from bench.generate import write_large_project

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "projects" / "example.toml"


def first_paint(*args: str) -> float:
    """Seconds from spawning a probe process to its first painted screen."""
    command = [sys.executable, "-m", "bench.startup_probe", repr(time.time()), *args]
    try:
        result = subprocess.run(
            command, check=True, cwd=ROOT, capture_output=True, text=True, timeout=common.WAIT_SECONDS
        )
    except subprocess.TimeoutExpired:
        raise NeverMet(
            f"a first paint from startup_probe {' '.join(args)}: not within {common.WAIT_SECONDS:.0f} s"
        ) from None
    return float(result.stdout.split()[0])


def startup() -> bool:
    """First paint of the workbench against a bare Textual app, interleaved in one run."""
    bare, ours = [], []
    for _ in range(9):
        bare.append(first_paint("bare"))
        ours.append(first_paint("workbench", str(EXAMPLE)))
    ratio = statistics.median(ours) / statistics.median(bare)
    report("first paint: bare Textual app (Header + Footer)", bare, 10)
    report("first paint: workbench projects/example.toml", ours, statistics.median(bare) * 1.3)
    print(f"{'first-paint ratio (budget 1.30)':<58} {ratio:.2f}  {'ok' if ratio <= 1.3 else 'OVER'}")
    return ratio <= 1.3


async def _repaint_after(app, send) -> float:  # type: ignore[no-untyped-def]
    """Seconds from sending an event to the end of the next screen repaint."""
    screen = app.screen
    painted = asyncio.Event()
    original = screen._compositor_refresh

    def wrapped() -> None:
        original()
        painted.set()

    screen._compositor_refresh = wrapped
    try:
        started = time.perf_counter()
        send()
        await asyncio.wait_for(painted.wait(), 5)
        return time.perf_counter() - started
    finally:
        screen._compositor_refresh = original


async def interactive(
    path: Path, size: tuple[int, int] = (120, 36)
) -> tuple[float, list[float], list[float], list[float], list[float]]:
    """Open a project, type into the notes, switch panes; measured from event to repaint.

    Opening is timed from creating the app to the first paint of the main screen, where the
    question tree and the editor take keys. Switches come in two kinds: straight after typing
    (each pane recomputes what the edit changed) and after a pause (the panes out of view have
    caught up, as they do while the facilitator listens). The last list is the switches back to
    Capture (after typing and a switch away, after a pause, and from Gaps with the keyboard in the
    question tree): going back redraws the question tree, which has the most rows on a large
    terminal.
    """
    from textual import events
    from textual.screen import Screen
    from textual.widgets import TextArea

    from workbench.ui.app import make_app
    from workbench.ui.screens.main_screen import CATCH_UP_DELAY, MainScreen

    painted: list[float] = []
    original = Screen._compositor_refresh

    def first_main_paint(screen: Screen[object]) -> None:
        original(screen)
        if isinstance(screen, MainScreen) and not painted:
            painted.append(time.perf_counter())

    Screen._compositor_refresh = first_main_paint  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        app = make_app(path, today=dt.date(2026, 11, 24), autosave_delay=3600)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            opened = painted[0] - started
            # Gaps, Map and Plan mount after the first frame
            await wait_for(pilot, lambda: main_screen_up(app), "the main screen with its panes", step=0.02)
            await pilot.pause()
            notes = app.screen.query_one("#q-notes", TextArea)
            notes.focus()
            await pilot.pause()

            async def type_words(words: str) -> list[float]:
                """Keys as the terminal sends them: to the app, through its key order."""
                times = []
                for char in words:
                    key = "space" if char == " " else char
                    event = events.Key(key, char)
                    times.append(await _repaint_after(app, lambda e=event: app.post_message(e)))
                    await pilot.pause()
                return times

            keys = await type_words("the data lives in postgres and s3 buckets")
            after_typing, after_pause, to_capture = [], [], []
            for pane in ("gaps", "map", "plan") * 3:  # each switch straight after a few words
                await type_words(" and")
                after_typing.append(await _repaint_after(app, lambda p=pane: app.action_pane(p)))
                await pilot.pause()
                to_capture.append(await _repaint_after(app, lambda: app.action_pane("capture")))
                await pilot.pause()
                notes.focus()
                await pilot.pause()
            await pilot.pause(CATCH_UP_DELAY + 1.0)
            for pane in ("gaps", "map", "plan", "capture") * 3:
                after_pause.append(await _repaint_after(app, lambda p=pane: app.action_pane(p)))
                if pane == "capture":
                    to_capture.append(after_pause[-1])
                await pilot.pause()
            app.screen.query_one("#nav-tree").focus()  # browsing: back to Capture, back to the tree
            await pilot.pause()
            for _ in range(5):
                app.action_pane("gaps")
                await pilot.pause()
                to_capture.append(await _repaint_after(app, lambda: app.action_pane("capture")))
                await pilot.pause()
            await pilot.pause(CATCH_UP_DELAY + 1.0)
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]
    return opened, keys, after_typing, after_pause, to_capture


def main() -> bool:
    ok = startup()
    OUT.mkdir(exist_ok=True)
    large = write_large_project(OUT / "large.toml")
    (OUT / "example.toml").write_bytes(EXAMPLE.read_bytes())
    for label, path in (("example", OUT / "example.toml"), ("large (3,010 answers)", large)):
        opened = [first_paint("interactive", str(path)) for _ in range(5)]
        ok &= report(f"{label}: new process to the interactive main screen", opened, 1.0)
    for label, path in (("example", OUT / "example.toml"), ("large (3,010 answers)", large)):
        _, keys, after_typing, after_pause, to_capture = asyncio.run(interactive(path))
        ok &= report(f"{label}: keystroke in notes to repaint", keys, 0.016)
        ok &= report(f"{label}: switch pane straight after typing", after_typing, 0.050)
        ok &= report(f"{label}: switch pane after a pause", after_pause, 0.050)
        ok &= report(f"{label}: of which back to Capture", to_capture, 0.050)
    for label, path in (("example", OUT / "example.toml"), ("large (3,010 answers)", large)):
        _, _, after_typing, after_pause, to_capture = asyncio.run(interactive(path, (160, 48)))
        ok &= report(f"{label} at 160x48: switch pane straight after typing", after_typing, 0.050)
        ok &= report(f"{label} at 160x48: switch pane after a pause", after_pause, 0.050)
        ok &= report(f"{label} at 160x48: back to Capture (tree on show)", to_capture, 0.050)
    return ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
