"""Deleting a gap says what else changes: the plan items that stop naming it and the mappings
that go with it, in the words of what the delete edit does (#13)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ask_to_delete_gap, until
from workbench.edits.gaps import delete_gap_consequences
from workbench.store.files import load_project


def test_the_consequences_name_the_plan_items_and_mappings(example: Path) -> None:
    project = load_project(example)
    assert delete_gap_consequences(project, "G-004") == (
        "Pilot P-4 and deep-dive D-1 address it; they will no longer name it. "
        "Its 3 practice mappings (2 accepted, 1 rejected) are removed with it."
    )
    assert delete_gap_consequences(project, "G-001") == (
        "Pilot P-2 addresses it and will no longer name it. P-2 then addresses no gap. "
        "Its 4 practice mappings are removed with it."
    )
    assert delete_gap_consequences(project, "G-010") == ""


async def test_the_delete_dialog_says_what_else_changes_and_it_does(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ask_to_delete_gap(pilot, "G-004")
        body = app.screen.body  # type: ignore[attr-defined]
        assert "Pilot P-4 and deep-dive D-1 address it; they will no longer name it." in body
        assert "Its 3 practice mappings (2 accepted, 1 rejected) are removed with it." in body
        await pilot.click("#yes")
        project = app.workspace.project
        assert await until(pilot, lambda: project.gap("G-004") is None)
        assert all("G-004" not in item.gaps for item in project.pilots)
        assert not [m for m in project.mappings if m.gap == "G-004"]
