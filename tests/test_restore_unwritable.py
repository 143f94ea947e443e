"""Restoring unsaved work when the merge with the file can't be written: the work is held unsaved,
and the next save merges it with the file as it is then, against the version the work started
from, so edits made on disk before or after the restore are never written over (#13, #14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import (
    dialog_up,
    fail_writes_under,
    gap_in,
    hand_edit,
    hand_edit_g006,
    merge_base_copy,
    notifications,
    ready,
    until,
)
from workbench.store.files import ProjectFile, load_project
from workbench.store.journal import journal_paths, write_journal
from workbench.store.serialize import project_to_data
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.merge_modal import MergeModal

RENAMED = ('facilitator = "Sam Okafor"', 'facilitator = "Sam O."  # renamed before the restore')


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The example the merge tests use, so the ids and lines below stay valid."""
    return merge_base_copy(tmp_path)


def journal_with_g006_raised(example: Path) -> None:
    """Unsaved work from an earlier run: G-006 moved up to impact 4, started from the file now."""
    started = ProjectFile.load(example).base
    work = load_project(example)
    work.move_gap("G-006", 2)
    write_journal(example, project_to_data(work), started)


async def restore_while_writes_fail(pilot: Any, example: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Accept the restore while the project's folder can't be written; the work is held unsaved."""
    app = pilot.app
    shown = notifications(app)
    fail_writes_under(example.parent, monkeypatch)
    text = example.read_text()
    await ready(pilot)
    assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
    await pilot.click("#yes")
    assert await until(pilot, lambda: any("not yet in the project file" in m for m in shown))
    assert app.workspace.unsaved and app.workspace.project.gap("G-006").impact == 4
    assert example.read_text() == text, "nothing could be written"
    monkeypatch.undo()
    return shown


async def test_the_next_save_merges_with_edits_made_on_disk_before_and_after(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save after the failed restore used to write the recovered work over the file: the
    rename made before the restore (which the failed merge was keeping) was undone silently."""
    journal_with_g006_raised(example)
    hand_edit(example, *RENAMED)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await restore_while_writes_fail(pilot, example, monkeypatch)
        hand_edit(example, 'title = "Always-on GPU endpoints', 'title = "Idle GPU endpoints')
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert not journal_paths(example)[0].exists()
    text = example.read_text()
    assert RENAMED[1] in text, "the edit made on disk before the restore is kept"
    assert gap_in(example, "G-007")["title"] == "Idle GPU endpoints at low utilisation", "and the one after"
    assert gap_in(example, "G-006")["impact"] == 4, "and the recovered work"


async def test_the_next_save_asks_about_a_field_both_changed(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_with_g006_raised(example)
    hand_edit(example, *RENAMED)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await restore_while_writes_fail(pilot, example, monkeypatch)
        hand_edit_g006(example, 5)
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        assert gap_in(example, "G-006")["impact"] == 5, "nothing is written before the answer"
        title = str(app.screen.query_one("#merge-title").render())
        assert title.startswith("Restoring unsaved work: 1 conflict"), "it is still the restore"
        await pilot.press("m")  # keep mine: the recovered value
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert gap_in(example, "G-006")["impact"] == 4
    assert RENAMED[1] in example.read_text()


async def test_a_save_that_still_cannot_be_written_says_so_and_writes_nothing(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save after the failed restore meets the file changed since the work started: when its
    merge can't be written either, it says "Not saved" with the reason, as any failed save does."""
    journal_with_g006_raised(example)
    hand_edit(example, *RENAMED)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = await restore_while_writes_fail(pilot, example, monkeypatch)
        fail_writes_under(example.parent, monkeypatch)
        text = example.read_text()
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any("disk is full" in m for m in shown[1:]))
        assert app.workspace.unsaved and not app.conflict_open
        assert example.read_text() == text


def deepest_bracket(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


async def test_a_restore_that_cannot_be_written_says_why_without_nested_brackets(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fe13c 3: '…not yet in the project file (example.toml: could not be saved: its backup copy
    … could not be written first (the disk is full; …)). Saving (ctrl+s)…': one sentence each,
    no bracket inside a bracket."""
    journal_with_g006_raised(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = await restore_while_writes_fail(pilot, example, monkeypatch)
    said = next(m for m in shown if "not yet in the project file" in m)
    assert "backup copy" in said and "disk is full" in said, said
    assert deepest_bracket(said) <= 1 and "))" not in said, said
