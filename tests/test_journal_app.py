"""#13 finding 2: a failed save and quit never loses the work, and never says it is kept when
it is not; the next start offers it back."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import workbench.store.atomic as atomic
from tests.helpers import notifications, until
from tests.test_app_behaviour import raise_g006_impact
from workbench.ui.modals.confirm import ConfirmModal


def fail_writes_under(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes into `folder` fail as on a full disk (a real full tmpfs needs root to mount)."""
    replace = os.replace

    def full(source: str, target: str | Path) -> None:
        if Path(target).resolve().parent == folder.resolve():
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", full)


async def test_a_full_disk_then_quit_keeps_the_work_in_the_journal(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        fail_writes_under(example.parent, monkeypatch)
        shown = notifications(app)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any("disk is full" in n for n in shown))
        await pilot.press("ctrl+q")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        body = app.screen.body  # type: ignore[attr-defined]
        assert "kept in" in body and "could not" not in body
        await pilot.click("#yes")
    monkeypatch.undo()
    assert example.read_bytes() == before
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(again.screen, ConfirmModal))
        await pilot.pause()
        await pilot.click("#yes")
        assert await until(pilot, lambda: again.workspace.project.gap("G-006").impact == 3)


async def test_quitting_when_nothing_can_be_written_says_the_work_would_be_lost(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        fail_writes_under(example.parent, monkeypatch)
        fail_writes_under(state_dir / "journal", monkeypatch)
        await pilot.press("ctrl+q")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        body = app.screen.body  # type: ignore[attr-defined]
        assert "could not be kept" in body and "Quitting now loses them" in body
        await pilot.click("#no")
        assert await until(pilot, lambda: app.is_running and app.workspace.unsaved)
