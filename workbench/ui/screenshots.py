"""Regenerate screenshots/*.svg from the example project: `python -m workbench.ui.screenshots`."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from workbench.ui.app import make_app

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 23)

Step = Callable[[Any], Awaitable[None]]


async def _keys(pilot: Any, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def _tab(pilot: Any, pane: str, tabs: str, tab: str) -> None:
    await _keys(pilot, pane)
    pilot.app.screen.query_one(tabs).active = tab
    await pilot.pause()


SHOTS: list[tuple[str, tuple[int, int], Step]] = [
    ("capture", (120, 36), lambda p: _keys(p)),
    ("capture-80x24", (80, 24), lambda p: _keys(p)),
    ("capture-pain-indicator", (120, 36), lambda p: _jump(p, "discovery:model-deployment.pain.1")),
    ("capture-success-metric", (120, 36), lambda p: _jump(p, "discovery:model-deployment.metric.1")),
    ("gaps-matrix", (160, 48), lambda p: _keys(p, "f3")),
    ("gaps-evidence", (120, 36), lambda p: _keys(p, "f3", "e")),
    ("gaps-maturity", (120, 36), lambda p: _tab(p, "f3", "#gaps-side", "gaps-maturity")),
    ("gaps-suggestions", (120, 36), lambda p: _tab(p, "f3", "#gaps-side", "gaps-suggested")),
    ("map", (120, 36), lambda p: _keys(p, "f4")),
    ("plan-timeline", (120, 36), lambda p: _keys(p, "f5")),
    ("plan-metrics", (120, 36), lambda p: _tab(p, "f5", "#plan-tabs", "plan-metrics")),
    ("sessions", (120, 36), lambda p: _keys(p, "f6")),
    ("export", (120, 36), lambda p: _keys(p, "f9")),
    ("help", (120, 36), lambda p: _keys(p, "f1")),
]


async def _jump(pilot: Any, ref: str) -> None:
    pilot.app.screen.query_one("CapturePane").jump_to(ref)
    await pilot.pause()


def panes_filled(app: Any) -> bool:
    """Whether the main screen (under any dialog) is up with every pane mounted and filled."""
    from workbench.ui.screens.main_screen import MainScreen

    return any(isinstance(s, MainScreen) and s.panes_filled() for s in app.screen_stack)


async def _panes_filled(pilot: Any, seconds: float = 20.0) -> None:
    """Wait until every pane is mounted (Gaps, Map and Plan mount after the first frame) and
    none is still filling its inner tabs: a fixed pause lost that race on a busy machine."""
    for _ in range(int(seconds / 0.05)):
        if panes_filled(pilot.app):
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def shoot(name: str, size: tuple[int, int], step: Step, out: Path) -> None:
    """One screenshot of a fresh copy of the example project."""
    app = make_app(Path("projects/example.toml"), today=TODAY, now=lambda: 1000.0, autosave_delay=3600)
    app.animation_level = "none"  # tab underlines at rest, not mid-slide
    async with app.run_test(size=size) as pilot:
        await _panes_filled(pilot)
        await step(pilot)
        await _panes_filled(pilot)
        for widget in app.screen.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()
        app.save_screenshot(filename=f"{name}.svg", path=str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    out = Path(parser.parse_args().out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "projects").mkdir()
        shutil.copyfile(ROOT / "projects" / "example.toml", Path(folder) / "projects" / "example.toml")
        os.chdir(folder)
        for name, size, step in SHOTS:
            asyncio.run(shoot(name, size, step, out))
            print(f"wrote {out / (name + '.svg')}")


if __name__ == "__main__":
    main()
