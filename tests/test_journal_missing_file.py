"""#13 fresh eyes 3: unsaved work kept for a project file that is gone or broken was not
mentioned: opening it said only "no such project file" (or the syntax error). Now it says the
work is kept, where, and how to get it back, and that route works."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import asked_to_quit, g006_raised, restore_on_next_start, save_on_a_full_disk
from workbench.cli import main
from workbench.problems import FileProblem
from workbench.store.files import ProjectFile, load_project
from workbench.store.journal import put_off_journal, write_journal
from workbench.store.serialize import project_to_data
from workbench.ui.app import cannot_open


async def keep_work_in_the_journal(example: Path, make_app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    async with g006_raised(make_app, example) as pilot:
        await save_on_a_full_disk(pilot, example, monkeypatch)
        await asked_to_quit(pilot)
        await pilot.click("#yes")
    monkeypatch.undo()


async def test_a_missing_file_says_where_its_unsaved_work_is_and_the_advice_works(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await keep_work_in_the_journal(example, make_app, monkeypatch)
    example.unlink()
    capsys.readouterr()
    assert main([str(example)]) == 1
    said = capsys.readouterr().err
    assert "no such project file" in said
    assert "Unsaved work for this file" in said and str(state_dir / "journal") in said
    base = next(p for p in (state_dir / "journal").glob("*.base.toml"))
    assert f"copy the file it started from, {base}, to {example}" in said
    shutil.copyfile(base, example)  # as the message says
    await restore_on_next_start(
        make_app, example, lambda again: again.workspace.project.gap("G-006").impact == 3
    )


async def test_a_broken_file_says_its_unsaved_work_is_kept(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    await keep_work_in_the_journal(example, make_app, monkeypatch)
    example.write_text(example.read_text() + "\n[[broken\n")
    with pytest.raises(FileProblem) as problem:
        ProjectFile.load(example)
    said = cannot_open(example, problem.value)
    assert "Unsaved work for this file" in said and str(state_dir / "journal") in said
    assert "Fix the file (or put it back) and open it again" in said


def test_no_journal_no_mention(tmp_path: Path, state_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "gone.toml")]) == 1
    assert "Unsaved work" not in capsys.readouterr().err


async def test_work_set_aside_with_decide_later_is_mentioned_and_the_advice_works(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """fix14e 3: work put off with Decide later (KEY.later-N.json) was not mentioned: with no
    entry of its own, a missing file said only 'no such project file'."""
    await keep_work_in_the_journal(example, make_app, monkeypatch)
    put_off_journal(example)  # as Decide later does with the restore offer
    later = next((state_dir / "journal").glob("*.later-1.json"))
    example.unlink()
    capsys.readouterr()
    assert main([str(example)]) == 1
    said = capsys.readouterr().err
    assert "set aside with Decide later" in said and str(later) in said, said
    base = later.with_name(later.name.replace(".json", ".base.toml"))
    assert f"copy the file it started from, {base}, to {example}" in said
    shutil.copyfile(base, example)  # as the message says
    await restore_on_next_start(
        make_app, example, lambda again: again.workspace.project.gap("G-006").impact == 3
    )


async def test_a_broken_file_mentions_its_entry_and_the_work_set_aside(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    await keep_work_in_the_journal(example, make_app, monkeypatch)
    put_off_journal(example)
    work = load_project(example)  # new work after deciding later
    work.move_gap("G-006", 2)
    write_journal(example, project_to_data(work), ProjectFile.load(example).base)
    later = next((state_dir / "journal").glob("*.later-1.json"))
    example.write_text(example.read_text() + "\n[[broken\n")
    with pytest.raises(FileProblem) as problem:
        ProjectFile.load(example)
    said = cannot_open(example, problem.value)
    assert "Unsaved work for this file (from " in said
    assert f"Work set aside with Decide later is kept too, in {later}" in said, said
