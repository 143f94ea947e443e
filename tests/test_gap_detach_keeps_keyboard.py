"""Issue 12, fix12a 3: detaching evidence in the gap dialog keeps the keyboard in the evidence
list, on the neighbouring item, and on 'Add evidence…' once the list is empty; it went into the
description, where the next key typed landed."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import OptionList

from tests.helpers import ready, until
from tests.test_keyboard_model import burst
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.widgets.matrix import Matrix


async def edit_gap(pilot: Any, gap_id: str) -> OptionList:
    app = pilot.app
    await burst(pilot, "f3")
    app.screen.query_one(Matrix).select_gap(gap_id)
    await burst(pilot, "enter")
    assert await until(pilot, lambda: isinstance(app.screen, GapModal))
    return app.screen.query_one("#gap-evidence", OptionList)


def evidence_of(path: Path, gap_id: str) -> list[str]:
    gaps = {g["id"]: g for g in tomllib.loads(path.read_text())["gaps"]}
    return list(gaps[gap_id].get("evidence", []))


async def test_detaching_keeps_the_keyboard_on_the_evidence(example: Path, make_app) -> None:
    evidence = evidence_of(example, "G-001")
    assert len(evidence) == 3
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        listing = await edit_gap(pilot, "G-001")
        await burst(pilot, *["tab"] * 7)  # title, area, description, impact, complexity, status, owner
        assert app.focused.id == "gap-add-evidence"
        await burst(pilot, "tab", "tab", "down")  # Detach, the list, its second item
        assert (app.focused, listing.highlighted) == (listing, 1)
        await burst(pilot, "delete")  # the second goes: the keyboard on the one after it
        assert (app.focused, listing.highlighted, listing.option_count) == (listing, 1, 2)
        await burst(pilot, "delete")  # the last goes: the keyboard on the one before it
        assert (app.focused, listing.highlighted, listing.option_count) == (listing, 0, 1)
        await burst(pilot, "delete")  # none left: the keyboard on Add evidence…
        assert app.focused is not None and app.focused.id == "gap-add-evidence"
        await burst(pilot, "x", "ctrl+s")  # a key typed next lands nowhere it would be saved
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await burst(pilot, "ctrl+s")
    gaps = {g["id"]: g for g in tomllib.loads(example.read_text())["gaps"]}
    assert not gaps["G-001"].get("evidence")
    assert not gaps["G-001"].get("description", "").startswith("x")


async def test_the_detach_button_leaves_the_keyboard_in_the_list(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        listing = await edit_gap(pilot, "G-001")
        await burst(pilot, *["tab"] * 8)
        assert app.focused.id == "gap-detach"
        await burst(pilot, "enter")
        assert (app.focused, listing.highlighted, listing.option_count) == (listing, 0, 2)
