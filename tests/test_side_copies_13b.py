"""s13b 1: every copy the workbench keeps beside a project (their version met on save, yours
saved as a copy, the version your work started from, the result of `workbench merge -o`) is a copy,
never another project: not in the picker, not in the portfolio, ignored by git after git-setup."""

from __future__ import annotations

import datetime as dt
import fnmatch
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli, until
from workbench.store.files import (
    IGNORED_COPIES,
    base_copy_path,
    merged_copy_path,
    mine_copy_path,
    project_files,
)
from workbench.store.merge_copies import theirs_copy_name

NOW = dt.datetime(2026, 12, 3, 6, 55)


def side_copies(project: Path) -> list[Path]:
    """Each copy the workbench writes beside `project`, named as the workbench names it."""
    return [
        project.with_name(theirs_copy_name(project, "2e6b26ca" * 8)),
        mine_copy_path(project, NOW),
        base_copy_path(project, NOW),
        merged_copy_path(project, NOW),
    ]


@pytest.fixture
def folder(example: Path) -> Path:
    """The example project and a copy of it under every side-copy name."""
    for copy in side_copies(example):
        shutil.copyfile(example, copy)
    return example.parent


def test_no_side_copy_is_a_project_file(folder: Path, example: Path) -> None:
    assert project_files(folder) == [example]


def test_gitignore_patterns_cover_every_side_copy(example: Path) -> None:
    for copy in side_copies(example):
        assert any(fnmatch.fnmatch(copy.name, p) for p in IGNORED_COPIES), copy.name


def test_the_portfolio_counts_the_merge_result_as_no_engagement(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(["portfolio", str(folder)], capsys)
    assert code == 0, err
    assert "1 engagement," in out, out
    assert "merged-" not in out and "(2)" not in out


async def test_the_picker_lists_the_project_and_no_copy_of_it(folder: Path, example: Path, make_app) -> None:
    from textual.widgets import OptionList

    from workbench.ui.screens.picker_screen import NEW, PickerScreen

    app = make_app(None, projects_dir=folder)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        await pilot.pause()
        options = app.screen.query_one("#projects", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        shown = " ".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
    assert ids == [str(example), NEW]
    assert ".merged-" not in shown and ".mine-" not in shown


def test_git_setup_ignores_the_merge_result(tmp_path: Path) -> None:
    """After `workbench git-setup`, git leaves every side copy out of `git status`."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    project = repo / "projects" / "example.toml"
    project.write_text('schema_version = 1\n[project]\nname = "x"\n')
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    setup = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "git-setup"], cwd=repo, capture_output=True, text=True
    )
    assert setup.returncode == 0, setup.stderr
    names = [str(c.relative_to(repo)) for c in side_copies(project)]
    for name in names:
        (repo / name).write_text("x")
    ignored = subprocess.run(
        ["git", "check-ignore", *names], cwd=repo, capture_output=True, text=True
    ).stdout.split()
    assert ignored == names


def test_this_repositorys_gitignore_covers_every_side_copy() -> None:
    from tests.conftest import ROOT

    lines = (ROOT / ".gitignore").read_text().splitlines()
    assert [p for p in IGNORED_COPIES if p not in lines and p != "*.toml.bak"] == []
    assert "*.bak" in lines
