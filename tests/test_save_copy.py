"""#13 fresh eyes 4: the quit dialog's advice after a failed save names a command that exists:
the palette's "Save a copy" writes the version in memory to a new file, beside the project or,
when that folder cannot be written, in the workbench's state folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList

from tests.helpers import asked_to_quit, fail_every_write, g006_raised, notifications, until
from workbench.ui.modals.confirm import ConfirmModal


async def save_a_copy(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.press(*"save a copy")
    assert await until(
        pilot,
        lambda: any("Save a copy" in str(o.prompt) for o in pilot.app.screen.query_one(CommandList).options),
    )
    await pilot.press("enter")


async def test_the_quit_dialog_advice_is_a_command_that_saves_the_copy(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    before = example.read_bytes()
    async with g006_raised(make_app, example) as pilot:
        app = pilot.app
        fail_every_write(example, state_dir, monkeypatch)
        assert "Save a copy" in await asked_to_quit(pilot)
        await pilot.click("#no")
        assert await until(pilot, lambda: not isinstance(app.screen, ConfirmModal))
        shown = notifications(app)
        await save_a_copy(pilot)
        assert await until(pilot, lambda: any("saved as" in n for n in shown))
    copies = list((state_dir / "copies").glob(f"{example.stem}.mine-*.toml"))
    assert len(copies) == 1, shown
    assert copies[0].read_bytes() != before  # the version in memory (G-006's impact raised)
    assert example.read_bytes() == before


async def test_save_a_copy_writes_beside_the_project(example: Path, make_app, state_dir: Path) -> None:
    async with g006_raised(make_app, example) as pilot:
        app = pilot.app
        shown = notifications(app)
        await save_a_copy(pilot)
        assert await until(pilot, lambda: any("saved as" in n for n in shown))
    assert len(list(example.parent.glob(f"{example.stem}.mine-*.toml"))) == 1
