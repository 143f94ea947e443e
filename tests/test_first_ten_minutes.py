"""A newcomer's first ten minutes: commands that say what to do next, counts that agree, no guessing."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from tests.conftest import EXAMPLE, ROOT
from tests.helpers import run_cli as run


def test_banks_questions_lists_ids_with_kind_part_text_and_gap(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["banks", "--questions", "discovery:model-deployment"], capsys)
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows and all(len(row) == 5 for row in rows)
    assert all(row[0].startswith("discovery:model-deployment.") for row in rows)
    assert {r[1] for r in rows} == {"question", "pain-indicator", "success-metric"}
    first = rows[0]
    assert first[3] == "How do you currently deploy models to production? (APIs, batch jobs, embedded)"
    assert first[4] == "No standard deployment path"  # the title ctrl+g proposes (x5)


def test_banks_questions_covers_every_question_of_a_bank(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["banks", "--questions", "requirements"], capsys)
    assert code == 0
    assert len(out.splitlines()) == 52
    code, out, _ = run(["banks", "--questions"], capsys)
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert any(i.startswith("requirements:") for i in ids) and any(i.startswith("discovery:") for i in ids)


@pytest.mark.parametrize(
    ("selector", "says"),
    [
        ("nope", "no question bank 'nope'; choose one of: discovery, requirements"),
        ("discovery:nope", "bank 'discovery' has no area 'nope'; choose one of:"),
    ],
)
def test_banks_questions_unknown_selector_says_what_exists(
    selector: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["banks", "--questions", selector], capsys)
    assert code == 2
    assert says in err


def test_check_points_at_the_command_that_lists_question_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'question = "discovery:feature-engineering.current.data-sources-integration-1"',
        'question = "discovery:nope"',
        1,
    )
    path.write_text(text, encoding="utf-8")
    code, _, err = run(["check", str(path)], capsys)
    assert code == 1
    assert "unknown question id 'discovery:nope': no bank has this id; write" in err
    assert "id that `workbench banks --questions` lists, or remove this answer" in err
    _, out, _ = run(["banks", "--questions"], capsys)
    assert "discovery:feature-engineering.current.data-sources-integration-1\t" in out


def test_unknown_session_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('session = "executive-1"', 'session = "x"', 1)
    assert text != EXAMPLE.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    code, _, err = run(["check", str(path)], capsys)
    assert code == 1
    assert "unknown session 'x'; use one of the [[sessions]] ids (" in err
    assert "or add a [[sessions]] record with this id" in err


def test_new_says_what_to_do_next_and_its_header_names_the_id_lister(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["new", "Acme: discovery", "--client", "Acme", "--dir", str(tmp_path)], capsys)
    assert code == 0
    created = tmp_path / "acme-discovery.toml"
    assert f"next: `workbench {created}` opens it" in out
    assert "`workbench banks --questions` lists the question ids" in created.read_text(encoding="utf-8")


def test_example_command_writes_a_valid_copy_and_never_replaces_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    code, out, _ = run(["example", str(folder)], capsys)
    assert code == 0
    written = folder / "example.toml"
    assert written.read_bytes() == EXAMPLE.read_bytes()
    assert f"next: `workbench {written}` opens it" in out
    assert run(["check", str(written)], capsys)[0] == 0
    written.write_text(written.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    code, _, err = run(["example", str(folder)], capsys)
    assert code == 1 and "already exists" in err
    assert written.read_text(encoding="utf-8").endswith("# mine\n")


def test_the_example_is_packaged_in_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert wheel["projects/example.toml"] == "workbench/_example/example.toml"
    from workbench.example import PACKAGE_DIR, bundled_example

    assert bundled_example() == PACKAGE_DIR.parent / "projects" / "example.toml"


def test_counts_agree_and_say_what_was_counted(capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.analysis.progress import answer_summary
    from workbench.store.files import load_project

    project = load_project(EXAMPLE)
    summary = answer_summary(project)
    assert summary == "34 answers: 30 answered, 2 for follow-up, 1 not applicable, 1 skipped"
    code, out, _ = run(["check", str(EXAMPLE)], capsys)
    assert code == 0 and summary in out
    assert "3 sessions;" in out


def test_plurals_are_right(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.printable import plural

    assert plural(1, "session") == "1 session"
    assert plural(3010, "answer") == "3,010 answers"
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "mine.toml").write_text(
        '[bank]\nid = "mine"\ntitle = "Mine"\n\n[[guides]]\nid = "my-guide"\ntitle = "My guide"\n\n'
        '[[practices]]\nid = "mg.one"\nguide = "my-guide"\ntitle = "One"\nsummary = "Do one thing."\n'
        'areas = []\neffort = "S"\n',
        encoding="utf-8",
    )
    _, out, _ = run(["banks", "--project", str(tmp_path / "p.toml")], capsys)
    assert "guide: My guide: 1 practice\n" in out
    assert " 1 practices" not in out and " 1 sessions" not in out


def test_export_twice_promises_no_confirmation_it_cannot_give(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = example.parent / "p.md"
    assert run(["export", str(example), "--format", "md", "-o", str(out_file)], capsys)[0] == 0
    code, _, err = run(["export", str(example), "--format", "md", "-o", str(out_file)], capsys)
    assert code == 1
    assert "confirm" not in err
    assert err.strip() == f"workbench: {out_file} already exists; add --force to replace it, or -o to write another file"


def test_plan_says_its_columns_are_weeks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["plan", str(EXAMPLE)], capsys)
    assert code == 0
    assert "in weeks" in out.splitlines()[0]


def test_packaging_loose_ends() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "screenshots" in config["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    for requirement in config["project"]["optional-dependencies"]["dev"]:
        assert "<" in requirement or "==" in requirement, f"{requirement} has no upper bound"


def test_bench_generate_creates_its_folder(tmp_path: Path) -> None:
    from bench.generate import write_large_project

    target = write_large_project(tmp_path / "new" / "out" / "large.toml")
    assert target.is_file()


async def test_escape_on_the_new_project_form_closes_the_form_not_the_app(tmp_path: Path, make_app) -> None:
    app = make_app(None, projects_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.wait_for_scheduled_animations()
        assert app.screen.query_one("#new-name", Input).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        assert not app.screen.query_one("#new-project").display
        assert app.screen.query_one("#projects", OptionList).has_focus


async def test_an_empty_folder_offers_the_example_and_names_the_folder(tmp_path: Path, make_app) -> None:
    folder = tmp_path / "projects"
    app = make_app(None, projects_dir=folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        line = str(app.screen.query_one("#picker-folder").render())
        assert f"No {folder}/ folder here yet" in line
        options = app.screen.query_one("#projects", OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Open the example engagement" in label for label in labels)
        options.highlighted = len(labels) - 1
        await pilot.press("enter")
        await pilot.pause()
        while app.workspace is None:
            await pilot.pause()
        assert app.workspace.project.project.client
    assert (folder / "example.toml").read_bytes() == EXAMPLE.read_bytes()


def test_seed_skips_are_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "seed documents" in readme and "skipped" in readme


def test_readme_has_a_first_engagement_walkthrough() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Your first engagement in ten minutes" in readme


@pytest.fixture(autouse=True)
def _no_stray_copies(tmp_path: Path) -> None:
    yield
    shutil.rmtree(tmp_path, ignore_errors=True)


async def test_f1_help_opens_with_getting_started_from_the_registry(example: Path, make_app) -> None:
    import io

    from rich.console import Console
    from textual.widgets import Static

    from tests.helpers import ready, until
    from workbench.ui.screens.help_screen import HelpScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        assert await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        console = Console(width=120, record=True, file=io.StringIO())
        for static in app.screen.query(Static):
            console.print(static.content)
        text = console.export_text()
        assert "Getting started" in text
        assert text.index("Getting started") < text.index("Everywhere")
        for words in ("workbench new NAME", "raise a gap from the question", "export the Word proposal"):
            assert words in text
        assert "ctrl+g" in text and "F9" in text
