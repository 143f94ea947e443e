"""#13: the broken-bank banner names each file with its line and column, says to fix it there (or
run the `workbench banks --check --project PATH` it gives), and reads whole at 80x24 (it was cut after six rows)."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.conftest import EXAMPLE
from tests.helpers import ready, run_cli
from tests.test_check_means_check import with_bad_banks
from tests.test_snapshots import SIZE, app_for, keys


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example at projects/example.toml (no temporary path on screen), with three bank files
    of its own that do not load."""
    (tmp_path / "projects").mkdir()
    shutil.copyfile(EXAMPLE, tmp_path / "projects" / "example.toml")
    monkeypatch.chdir(tmp_path)
    return with_bad_banks(Path("projects") / "example.toml")


@pytest.mark.parametrize("size", [(80, 24), SIZE])
async def test_the_banner_names_file_line_and_column_and_reads_whole(
    broken: Path, size: tuple[int, int]
) -> None:
    app = app_for(broken)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        banner = app.screen.query_one("#bank-problems", Static)
        text = str(banner.render())
        screen = app.export_screenshot().replace("&#160;", " ")
        rows = banner.size.height
        needed = banner.get_content_height(banner.size, banner.size, banner.size.width)
    assert "banks/syntax.toml, line 3, column 22: TOML syntax error" in text
    assert "fix the file there" in text
    assert "not installed" not in text
    assert text.endswith(
        "Fix them there and open the project again; "
        "`workbench banks --check --project projects/example.toml` lists every problem."
    )
    assert rows >= needed, f"the banner shows {rows} rows of the {needed} its words take"
    assert "problem." in screen and "remove it" in screen  # (its last word: it reads whole)


async def test_the_command_the_banner_gives_lists_the_problems_it_names(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """fix13a 2: the banner said `workbench banks --check` lists every problem, but without
    --project that command looks only at the shipped banks: 'ok: 3 banks, no findings'. The
    command it gives, run as printed, lists each file the banner names."""
    app = app_for(broken)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        text = str(app.screen.query_one("#bank-problems", Static).render())
    command = shlex.split(text.split("`")[1])
    assert command[0] == "workbench"
    code, out, err = run_cli(command[1:], capsys)
    assert code == 1 and "no findings" not in out, out
    for name in ("syntax.toml, line 3, column 22", "unknown-key.toml, line 18", "no-header.toml"):
        assert name in text and name in err, err


class TestBankBanner:
    def test_bank_banner_80x24(self, snap_compare, broken: Path) -> None:
        """Three bank files that do not load, at 80x24: each named with its line and column, the
        banner wrapped and whole, the question tree below it."""
        assert snap_compare(app_for(broken), terminal_size=(80, 24), run_before=keys())


def test_check_on_a_project_naming_a_broken_bank_gives_a_command_that_lists_it(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """fix13a 2: `workbench check` said a bank the project names is in a file that does not load
    and that `workbench banks --check` lists its problems: it said 'no findings'. The command it
    gives, run as printed, lists that file's problem."""
    from tests.helpers import hand_edit

    hand_edit(broken, 'banks = ["discovery", "requirements"]', 'banks = ["discovery", "requirements", "syn"]')
    code, _, err = run_cli(["check", str(broken)], capsys)
    said = next(line for line in err.splitlines() if "bank 'syn' is in" in line)
    command = shlex.split(said.split("`")[1])
    assert command[0] == "workbench"
    code, out, err = run_cli(command[1:], capsys)
    assert code == 1 and "no findings" not in out, out
    assert "syntax.toml, line 3, column 22: TOML syntax error" in err, err
