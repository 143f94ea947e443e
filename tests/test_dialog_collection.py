"""A dialog opens with Python's garbage collector held off until it is painted
(workbench/collection_pause.py): its passes were a fifth of the CPU time of opening one on the
large project, and a full pass (300-500 ms) now and then landed in the middle of an opening."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.screen import Screen

from tests.conftest import TODAY
from tests.helpers import ready, until


def by_the_pilot() -> bool:
    """Whether the test's Pilot (pressing the key, waiting for the app) is what runs now."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.endswith("pilot.py"):
            return True
        frame = frame.f_back
    return False


@pytest.fixture
def passes() -> Iterator[list[int]]:
    """The generation of each collector pass the app made while the test runs."""
    made: list[int] = []

    def counted(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and not by_the_pilot():
            made.append(info["generation"])

    gc.callbacks.append(counted)
    yield made
    gc.callbacks.remove(counted)


async def test_no_collector_pass_from_the_key_to_the_dialog_painted(
    example: Path, passes: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.ui.app import make_app
    from workbench.ui.modals.dialog import DialogScreen

    painted: list[list[int]] = []  # the passes made by the dialog's first paint
    refresh = Screen._compositor_refresh

    def paint(screen: Screen[object]) -> None:  # (Textual's own paint of a screen, as bench_dialogs)
        refresh(screen)
        if isinstance(screen, DialogScreen) and screen is screen.app.screen and not painted:
            painted.append(list(passes))

    monkeypatch.setattr(Screen, "_compositor_refresh", paint)
    app = make_app(example, today=TODAY, autosave_delay=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f6")  # the session switcher, once: its module imported, as after a first use
        assert await until(pilot, lambda: painted)
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, DialogScreen) and gc.isenabled())
        gc.collect()
        passes.clear()
        painted.clear()
        await pilot.press("f6")
        assert await until(pilot, lambda: painted)
        assert painted[0] == []
        assert await until(pilot, gc.isenabled)  # on again once it is painted
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, DialogScreen))
    assert gc.isenabled()
