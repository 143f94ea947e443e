"""The self-assessment workbook: out to a client team and back as a session, and bad workbooks refused."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers import palette
from tests.helpers import run_cli as run

SHEET = "Model Deployment & Serving"
DEPLOY_Q = "discovery:model-deployment.current.deployment-infrastructure-1"


def row_of(sheet, ref: str) -> int:  # type: ignore[no-untyped-def]
    return next(cell.row for cell in sheet["A"] if cell.value == ref)


@pytest.fixture
def workbook(example: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = example.parent / "self.xlsx"
    code, out, _ = run(
        ["questionnaire", str(example), "--areas", "model-deployment", "-o", str(target)], capsys
    )
    assert code == 0, out
    assert f"`workbench import {example} {target}`" in out
    return target


def fill(path: Path) -> None:
    """What a client team does: pick levels from the dropdown, write notes, give metric numbers."""
    book = load_workbook(path)
    sheet = book[SHEET]
    row = row_of(sheet, DEPLOY_Q)
    choices = [c.value for c in book["Maturity levels"]["C"] if c.value]
    sheet[f"D{row}"] = next(c for c in choices if c.startswith("2 - "))
    sheet[f"E{row}"] = "4"
    sheet[f"F{row}"] = "Answered"
    sheet[f"G{row}"] = "Batch scoring in Airflow; one Flask API on EC2, deployed by hand."
    pain = row_of(sheet, "discovery:model-deployment.pain.1")
    sheet[f"F{pain}"] = "Applies to us"
    sheet[f"G{pain}"] = "Every release needs a platform engineer on a Friday night."
    metric = row_of(sheet, "discovery:model-deployment.metric.1")
    sheet[f"F{metric}"] = "We track this"
    sheet[f"H{metric}"] = 3
    sheet[f"I{metric}"] = 48
    sheet[f"G{metric}"] = "Median time from registered model to production traffic"
    book.save(path)


def fill_token(path: Path) -> str:
    return str(load_workbook(path)["_workbench"]["B4"].value)


def test_round_trip_a_filled_workbook_becomes_a_stated_session(
    example: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(workbook)
    code, out, err = run(["import", str(example), str(workbook), "--session", "self-1"], capsys)
    assert code == 0, err
    assert "imported into session self-1: 1 answer, 1 pain point heard, 1 metric" in out
    data = tomllib.loads(example.read_text(encoding="utf-8"))
    assert any(s["id"] == "self-1" for s in data["sessions"])
    answer = next(a for a in data["answers"] if a["session"] == "self-1")
    assert answer["question"] == DEPLOY_Q
    assert (answer["current"], answer["target"], answer["confidence"]) == (2, 4, "stated")
    assert answer["notes"].startswith("Batch scoring in Airflow")
    heard = next(h for h in data["heard"] if h["session"] == "self-1")
    assert heard["quote"] == "Every release needs a platform engineer on a Friday night."
    metric = next(m for m in data["metrics"] if m.get("session") == "self-1")
    assert (metric["baseline"], metric["target"]) == (3, 48)
    assert run(["check", str(example)], capsys)[0] == 0


def test_importing_the_same_workbook_again_changes_nothing(
    example: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(workbook)
    assert run(["import", str(example), str(workbook)], capsys)[0] == 0
    before = example.read_bytes()
    code, out, _ = run(["import", str(example), str(workbook)], capsys)
    assert code == 0
    assert "nothing changed" in out
    assert example.read_bytes() == before


def test_the_workbook_has_instructions_levels_locked_questions_and_hidden_ids(workbook: Path) -> None:
    book = load_workbook(workbook)
    assert book.sheetnames[:2] == ["Instructions", "Maturity levels"]
    assert book["_workbench"].sheet_state == "veryHidden"
    sheet = book[SHEET]
    assert sheet.protection.sheet
    assert sheet.column_dimensions["A"].hidden
    row = row_of(sheet, DEPLOY_Q)
    assert sheet[f"C{row}"].protection.locked
    assert not sheet[f"G{row}"].protection.locked
    lists = [dv for dv in sheet.data_validations.dataValidation if dv.type == "list"]
    assert any("Maturity levels" in (dv.formula1 or "") and f"D{row}" in str(dv.sqref) for dv in lists)
    numbers = [dv for dv in sheet.data_validations.dataValidation if dv.type == "decimal"]
    metric = row_of(sheet, "discovery:model-deployment.metric.1")
    assert any(f"H{metric}" in str(dv.sqref) for dv in numbers)


def _broken(workbook: Path, how: str, other: Path | None = None) -> Path:
    book = load_workbook(workbook)
    sheet = book[SHEET]
    row = row_of(sheet, DEPLOY_Q)
    if how == "rows moved":
        sheet.move_range(f"A{row}:J{row + 1}", rows=2)
    elif how == "id changed":
        sheet[f"A{row}"] = "discovery:nope"
    elif how == "text in a number cell":
        metric = row_of(sheet, "discovery:model-deployment.metric.1")
        sheet[f"H{metric}"] = "about 3 weeks"
    elif how == "sheet deleted":
        del book[SHEET]
    elif how == "not a level":
        sheet[f"D{row}"] = "pretty good"
    book.save(workbook)
    return workbook


@pytest.mark.parametrize(
    ("how", "says"),
    [
        ("rows moved", "rows were moved, inserted or deleted"),
        ("id changed", "the hidden question id was changed"),
        ("text in a number cell", "'about 3 weeks' is not a number"),
        ("sheet deleted", f"sheet '{SHEET}' is missing"),
        ("not a level", "'pretty good' is not a maturity level"),
    ],
)
def test_a_badly_edited_workbook_imports_nothing_and_names_the_cell(
    example: Path, workbook: Path, how: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(workbook)
    _broken(workbook, how)
    before = example.read_bytes()
    code, _, err = run(["import", str(example), str(workbook)], capsys)
    assert code == 1
    assert says in err
    assert "nothing was imported" in err
    assert example.read_bytes() == before


def test_partial_imports_the_good_rows(
    example: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(workbook)
    _broken(workbook, "text in a number cell")
    code, out, err = run(["import", str(example), str(workbook), "--partial", "--session", "s"], capsys)
    assert code == 0
    assert "is not a number" in err
    assert "1 answer" in out and "skipped 1 row with problems" in out
    data = tomllib.loads(example.read_text(encoding="utf-8"))
    assert not any(m.get("session") == "s" for m in data.get("metrics", []))


def test_another_projects_workbook_is_refused(
    example: Path, workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["new", "Other Co: discovery", "--dir", str(tmp_path)], capsys)
    other = tmp_path / "other-co-discovery.toml"
    code, _, err = run(["import", str(other), str(workbook)], capsys)
    assert code == 1
    assert "was made for the project 'Harbour & Pine Retail: MLOps discovery'" in err


def test_not_a_workbook_gets_one_sentence(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "notes.xlsx"
    fake.write_text("not a spreadsheet", encoding="utf-8")
    code, _, err = run(["import", str(example), str(fake)], capsys)
    assert code == 1
    assert "is not an Excel workbook" in err and "Traceback" not in err


def test_template_and_unknown_options(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "exec.xlsx"
    code, out, _ = run(["questionnaire", str(example), "--template", "executive", "-o", str(target)], capsys)
    assert code == 0 and target.exists()
    assert "questions for the client team" in out
    code, _, err = run(
        ["questionnaire", str(example), "--template", "nope", "-o", str(tmp_path / "x.xlsx")], capsys
    )
    assert code == 2 and "unknown session template 'nope'" in err
    code, _, err = run(["questionnaire", str(example), "--template", "executive", "-o", str(target)], capsys)
    assert code == 1 and "already exists" in err


def calc_installed() -> bool:
    """LibreOffice with its spreadsheet part (Writer alone can't open a workbook)."""
    soffice = shutil.which("soffice")
    return soffice is not None and any(Path(soffice).resolve().parent.glob("libsclo.*"))


@pytest.mark.skipif(not calc_installed(), reason="LibreOffice Calc is not installed")
def test_libreoffice_opens_the_workbook_without_repair(workbook: Path, tmp_path: Path) -> None:
    fill(workbook)
    result = subprocess.run(
        [
            "soffice",
            # A profile of its own: with another LibreOffice running, a shared profile hands the
            # file to that instance, which says "source file could not be loaded".
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(tmp_path),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower()
    converted = tmp_path / "self.csv"
    assert converted.exists()
    assert "Self-assessment for Harbour & Pine Retail" in converted.read_text(
        encoding="utf-8", errors="replace"
    )


async def test_palette_exports_a_workbook(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import notifications, ready, until
    from workbench.ui.modals.workbook_export_modal import WorkbookExportModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await palette(pilot, "self-assessment workbook")
        assert await until(pilot, lambda: isinstance(app.screen, WorkbookExportModal))
        await pilot.press("ctrl+s")
        target = example.parent / "harbour-pine-retail-mlops-discovery-self-assessment.xlsx"
        assert await until(pilot, lambda: any("Workbook written to" in n for n in shown))
    assert target.exists()
    assert "Maturity levels" in load_workbook(target).sheetnames


async def test_palette_imports_a_workbook_as_one_undoable_edit(  # type: ignore[no-untyped-def]
    example: Path, workbook: Path, make_app
) -> None:
    from textual.widgets import Input

    from tests.helpers import notifications, ready, until
    from workbench.ui.modals.workbook_import_modal import WorkbookImportModal

    fill(workbook)
    opened = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await palette(pilot, "import workbook")
        assert await until(pilot, lambda: isinstance(app.screen, WorkbookImportModal))
        app.screen.query_one("#import-file", Input).value = str(workbook)
        app.screen.query_one("#import-session", Input).value = "self-ui"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any("Imported into session self-ui" in n for n in shown))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: b'id = "self-ui"' in example.read_bytes())
        data = tomllib.loads(example.read_text(encoding="utf-8"))
        answer = next(a for a in data["answers"] if a["session"] == "self-ui")
        assert (answer["current"], answer["target"]) == (2, 4)
        assert app.workspace.editor.undo() == "import workbook " + fill_token(workbook)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: example.read_bytes() == opened)


async def test_palette_import_shows_each_problem_and_imports_nothing(  # type: ignore[no-untyped-def]
    example: Path, workbook: Path, make_app
) -> None:
    from textual.widgets import Input, Static

    from tests.helpers import ready, until
    from workbench.ui.modals.workbook_import_modal import WorkbookImportModal

    fill(workbook)
    _broken(workbook, "text in a number cell")
    opened = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await palette(pilot, "import workbook")
        assert await until(pilot, lambda: isinstance(app.screen, WorkbookImportModal))
        app.screen.query_one("#import-file", Input).value = str(workbook)
        await pilot.press("ctrl+s")
        problems = app.screen.query_one("#import-problems", Static)
        assert await until(pilot, lambda: "is not a number" in str(problems.render()))
        assert isinstance(app.screen, WorkbookImportModal)
        await pilot.press("escape")
        await pilot.press("ctrl+s")
    assert example.read_bytes() == opened


def test_a_file_that_is_not_a_workbook_gets_a_sentence_not_a_traceback(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["import", str(example), str(example)], capsys)
    assert code == 1
    assert "is not an Excel workbook (.xlsx)" in err and "Traceback" not in err


def test_a_changed_hidden_id_names_its_cell(
    example: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(workbook)
    _broken(workbook, "id changed")
    code, _, err = run(["import", str(example), str(workbook)], capsys)
    book = load_workbook(workbook)
    row = next(c.row for c in book[SHEET]["A"] if c.value == "discovery:nope")
    assert code == 1
    assert f"cell A{row}: the hidden question id was changed to 'discovery:nope'" in err


def test_an_inserted_row_is_one_sentence_for_the_run_it_shifts(
    example: Path, workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = load_workbook(workbook)
    sheet = book[SHEET]
    sheet.insert_rows(row_of(sheet, DEPLOY_Q) + 1)
    book.save(workbook)
    code, _, err = run(["import", str(example), str(workbook)], capsys)
    assert code == 1
    lines = [line for line in err.splitlines() if "rows were moved, inserted or deleted" in line]
    assert len(lines) == 1 and "rows " in lines[0] and "–" in lines[0]


@pytest.mark.parametrize("value", ["2-ish", "two", "6", "pretty good"])
def test_loose_maturity_values_are_refused(
    example: Path, workbook: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    book = load_workbook(workbook)
    book[SHEET][f"D{row_of(book[SHEET], DEPLOY_Q)}"] = value
    book.save(workbook)
    code, _, err = run(["import", str(example), str(workbook)], capsys)
    assert code == 1 and f"{value!r} is not a maturity level" in err


def test_sheet_names_are_cut_at_a_word_and_the_session_keeps_the_template(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ds.xlsx"
    assert run(["questionnaire", str(example), "--template", "data-science", "-o", str(target)], capsys)[0] == 0
    book = load_workbook(target)
    assert "Model Training" in book.sheetnames
    assert not any(name.endswith(("Experimentatio", "&")) for name in book.sheetnames)
    sheet = book["Model Training"]
    row = next(c.row for c in sheet["A"] if c.value and str(c.value).startswith("discovery:"))
    sheet[f"G{row}"] = "MLflow on a VM."
    book.save(target)
    assert run(["import", str(example), str(target), "--session", "ds-self"], capsys)[0] == 0
    data = tomllib.loads(example.read_text(encoding="utf-8"))
    assert next(s for s in data["sessions"] if s["id"] == "ds-self")["template"] == "data-science"
