"""Check means check: plan cycles, bank files that do not load, bank ids, failed and gone files
all get one sentence naming the file and the place (#13 finding 9). The wrong types and Python
reprs are in the bad-input corpus (tests/bad_inputs)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.helpers import dialog_up, ready, run_cli, until
from workbench.store.atomic import SaveFailed
from workbench.store.files import ProjectFile
from workbench.ui.modals.conflict import ConflictModal

BANK_HEAD = '[bank]\nid = "{id}"\ntitle = "Odd"\n\n[[areas]]\nid = "data"\ntitle = "Data"\n\n'
BANK_BODY = '[[parts]]\nid = "q"\ntitle = "Q"\n\n[[questions]]\nid = "{qid}"\narea = "data"\npart = "q"\n'


def with_cycle(example: Path) -> Path:
    """The example with P-1 waiting for MS-1, which waits (through P-2) for P-1."""
    text = example.read_text()
    example.write_text(text.replace('id = "P-1"\n', 'id = "P-1"\ndepends_on = ["MS-1"]\n', 1))
    return example


def with_bad_banks(example: Path) -> Path:
    """The example with a banks folder of its own holding three bank files that do not load."""
    banks = example.parent / "banks"
    banks.mkdir()
    (banks / "syntax.toml").write_text('[bank]\nid = "syn"\ntitle = "unterminated\n')
    (banks / "unknown-key.toml").write_text(
        BANK_HEAD.format(id="odd") + BANK_BODY.format(qid="data.q.1") + 'text = "x"\nhint2 = "typo"\n'
    )
    (banks / "no-header.toml").write_text('[[areas]]\nid = "x"\ntitle = "X"\n')
    return example


def test_check_and_export_refuse_a_plan_cycle(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_cycle(example)
    code, out, err = run_cli(["check", str(example)], capsys)
    assert code == 1 and not out
    assert "pilots[0].depends_on[0]: the plan's dependencies form a cycle (P-1 → P-2 → MS-1 → P-1" in err
    assert "remove P-1's dependency on MS-1" in err
    code, _, err = run_cli(["export", str(example), "--format", "md", "-o", str(example.parent)], capsys)
    assert code == 1 and "form a cycle" in err
    assert not list(example.parent.glob("*.md")), "nothing exported from a plan that cannot be scheduled"


async def test_the_plan_pane_shows_the_cycle_and_the_items(example: Path, make_app) -> None:
    """It said "No plan items yet" with advice that could not be followed (no item to select)."""
    with_cycle(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5")

        def shown() -> str:
            return app.export_screenshot().replace("&#160;", " ")

        assert await until(pilot, lambda: "Dependency loop" in shown())
        screen = shown()
        assert "No plan items yet" not in screen
        assert "Experiment tracking" in screen, "the items are listed, so P-1 can be selected"
        # One sentence at the top of the pane (it was under the timeline, with U+2212 for the key).
        banner = app.screen.query_one("#plan-cycle")
        assert banner.region.y < app.screen.query_one("#plan-tabs").region.y
        assert str(banner.render()) == (
            "Dependency loop: P-1 waits for MS-1, MS-1 waits for P-2 and P-2 waits for P-1, so no schedule "
            "can meet them; select P-1 on the timeline and press - (minus) to remove its dependency on MS-1 "
            "(until then the timeline leaves that dependency out)."
        )


async def test_the_key_the_loop_banner_names_is_in_the_footer(example: Path, make_app) -> None:
    """#13 walkthrough: the banner says to press - (minus), but at 120 and 80 columns the footer
    dropped +Dep and −Dep for Shorter, Longer and Propose pilot."""
    from workbench.ui.widgets.key_footer import KeyFooter

    with_cycle(example)
    for size in ((120, 36), (80, 24)):
        app = make_app(example)
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            await pilot.press("f5")
            footer = app.screen.query_one(KeyFooter)

            def offered(footer: KeyFooter = footer) -> str:
                return str(footer.render())

            assert await until(pilot, lambda: "Earlier" in offered())
            assert await until(pilot, lambda: "−Dep" in offered()), (size, offered())


def test_check_names_each_bank_file_that_does_not_load(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_bad_banks(example)
    code, _, err = run_cli(["check", str(example)], capsys)
    assert code == 1
    lines = err.splitlines()
    assert any("syntax.toml, line 3, column" in line and "TOML syntax error" in line for line in lines)
    assert any(
        "unknown-key.toml, line 18, column 1, questions[0].hint2: is not a known field" in line
        for line in lines
    )
    assert any("no-header.toml: has no [bank] table" in line for line in lines)


async def test_the_workbench_shows_a_banner_naming_bank_files_that_do_not_load(
    example: Path, make_app
) -> None:
    """Such banks were dropped without a word, and their questions vanished."""
    with_bad_banks(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        banner = app.screen.query_one("#bank-problems", Static)
        assert banner.display
        text = str(banner.render())
    assert "3 bank files could not be loaded" in text
    assert "syntax.toml, line 3" in text
    assert "unknown-key.toml, line 18, column 1, questions[0].hint2" in text
    assert "no-header.toml" in text


def test_banks_check_refuses_ids_outside_the_documented_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`q@1` passed and later broke `check` (`bank:question@session` is how projects refer)."""
    project = tmp_path / "p.toml"
    project.write_text('schema_version = 1\n[project]\nname = "x"\n')
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "odd.toml").write_text(
        BANK_HEAD.format(id="odd") + BANK_BODY.format(qid="q@1") + 'text = "x"\n'
    )
    code, _, err = run_cli(["banks", "--check", "--project", str(project)], capsys)
    assert code == 1
    assert (
        "odd.toml, line 14, column 1: question 'q@1': ids use only ASCII letters, digits, '-', '_' and '.'"
        in err
    )


def test_check_reports_the_problems_of_the_banks_beside_the_projects(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` passed a project whose bank had a question id with `@` (`banks --check` found it):
    it reports what `banks --check --project` reports, at the bank file's line and column."""
    (example.parent / "banks").mkdir()
    (example.parent / "banks" / "odd.toml").write_text(
        BANK_HEAD.format(id="odd")
        + BANK_BODY.format(qid="q@1").replace('id = "q@1"', '  id = "q@1"')
        + 'text = "x"\n'
    )
    code, out, err = run_cli(["check", str(example)], capsys)
    assert code == 1 and not out
    said = "odd.toml, line 14, column 3: question 'q@1': ids use only ASCII letters"
    assert said in err
    _, _, linted = run_cli(["banks", "--check", "--project", str(example)], capsys)
    assert said in linted


def test_a_bank_whose_file_does_not_load_is_called_broken_not_missing(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project naming a bank whose file has a syntax error was told the bank 'is not installed'."""
    with_bad_banks(example)
    text = example.read_text()
    example.write_text(
        text.replace(
            'banks = ["discovery", "requirements"]', 'banks = ["discovery", "requirements", "syn"]', 1
        )
    )
    code, _, err = run_cli(["check", str(example)], capsys)
    assert code == 1
    assert "not installed" not in err
    assert "project.banks[2]: bank 'syn' is in " in err
    assert "syntax.toml, which does not load (line 3, column 22); fix that file" in err


def test_a_failed_save_names_the_project_not_its_backup(example: Path) -> None:
    (example.parent / "example.toml.bak").mkdir()  # the .bak cannot be written
    file = ProjectFile.load(example)
    file.project.gaps[0].title = "changed"
    with pytest.raises(SaveFailed) as failed:
        file.save()
    assert failed.value.path == str(example)
    assert str(failed.value).startswith(f"{example}: could not be saved")
    assert "changed" not in example.read_text()


async def test_a_deleted_file_is_called_gone_and_can_be_written_again(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        os.unlink(example)
        app.screen.query_one("#q-notes").focus()
        await pilot.press("x", "ctrl+s")
        assert await dialog_up(pilot, ConflictModal)
        await pilot.pause()
        svg = app.export_screenshot().replace("&#160;", " ")
        assert "The file is gone from disk" in svg
        assert "broken" not in svg
        await pilot.click("#keep")
        assert await until(pilot, example.exists)
    assert "cron job. x" in example.read_text()  # typed at the end of the note, after a space
