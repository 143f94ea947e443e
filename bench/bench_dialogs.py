"""Dialogs: a key that opens one, to the dialog painted ≤ 100 ms (median), on the example and
the large project; closing it (Esc) back to the painted main screen, for reference."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import time
from pathlib import Path

from bench.common import OUT, main_screen_up, note, report, wait_for
from bench.generate import write_large_project

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "projects" / "example.toml"
OPEN_BUDGET = 0.100

DIALOGS = (
    ("session switcher (F6, from the question tree)", "capture", None, "f6"),
    ("raise a gap from the question (ctrl+g, from the notes)", "capture", "#q-notes", "ctrl+g"),
    ("new gap (n, in Gaps)", "gaps", None, "n"),
)
"""What is opened: its name, the pane it is opened from, the widget that has the keyboard
(None: the pane's own choice) and the key."""


async def open_and_close(path: Path, repeat: int = 7) -> dict[str, tuple[list[float], list[float]]]:
    """Seconds from each key to the first paint of the dialog it opens, and from Esc to the
    main screen painted again."""
    from textual import events
    from textual.screen import Screen

    from workbench.ui.app import make_app
    from workbench.ui.modals.dialog import DialogScreen

    waiting: dict[str, asyncio.Event] = {}
    original = Screen._compositor_refresh

    def painted(screen: Screen[object]) -> None:
        original(screen)
        if screen is screen.app.screen:
            kind = "dialog" if isinstance(screen, DialogScreen) else "main"
            if kind in waiting:
                waiting.pop(kind).set()

    async def key_until_painted(app, key: str, kind: str) -> float:  # type: ignore[no-untyped-def]
        event = asyncio.Event()
        waiting[kind] = event
        started = time.perf_counter()
        app.post_message(events.Key(key, None))
        try:
            await asyncio.wait_for(event.wait(), 10)
        except TimeoutError:
            raise SystemExit(f"{key} never painted a {kind} screen: {app.screen} has {app.focused}") from None
        return time.perf_counter() - started

    Screen._compositor_refresh = painted  # type: ignore[method-assign]
    results: dict[str, tuple[list[float], list[float]]] = {}
    try:
        app = make_app(path, today=dt.date(2026, 11, 24), autosave_delay=3600)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: main_screen_up(app), "the main screen with its panes")
            await pilot.pause(3.0)  # the save document and the panes out of view are ready
            for name, pane, focus, key in DIALOGS:
                opened, closed = [], []
                app.action_pane(pane)
                await pilot.pause()
                for _ in range(repeat):
                    if focus is not None:
                        app.screen.query_one(focus).focus()
                    await pilot.pause(0.3)
                    opened.append(await key_until_painted(app, key, "dialog"))
                    await pilot.pause(0.3)
                    closed.append(await key_until_painted(app, "escape", "main"))
                results[name] = (opened, closed)
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]
    return results


def main() -> bool:
    OUT.mkdir(exist_ok=True)
    large = write_large_project(OUT / "dialogs-large.toml")
    (OUT / "dialogs-example.toml").write_bytes(EXAMPLE.read_bytes())
    ok = True
    for label, path in (("example", OUT / "dialogs-example.toml"), ("large", large)):
        for name, (opened, closed) in asyncio.run(open_and_close(path)).items():
            ok &= report(f"{label}: open {name}", opened, OPEN_BUDGET)
            note("  and close it (Esc) to the main screen painted", closed)
    return ok


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
