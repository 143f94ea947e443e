"""Text a client wrote never runs as a spreadsheet formula: the follow-up CSV, the plain backlog
CSV and the self-assessment workbook show it as the text it is (#17 fresh-eyes 7)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import TODAY
from tests.helpers import run_cli as run
from tests.test_workbook import DEPLOY_Q, SHEET
from workbench.banks import load_catalogue
from workbench.edits import Editor
from workbench.edits.followups import AssignFollowUp
from workbench.export.cleaning import spreadsheet_text
from workbench.store.files import ProjectFile, load_project
from workbench.workbook.write import WorkbookRequest, build_workbook

FORMULA = '=HYPERLINK("http://x") line one'


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (FORMULA, "'" + FORMULA),
        ("+1 555 0100 call", "'+1 555 0100 call"),
        ("- a bullet", "'- a bullet"),
        ("@here", "'@here"),
        ("-5", "-5"),
        ("+2.5", "+2.5"),
        ("plain = fine", "plain = fine"),
        ("", ""),
    ],
)
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(text: str, shown: str) -> None:
    assert spreadsheet_text(text) == shown


def test_the_follow_up_csv_does_not_hand_a_formula_to_a_spreadsheet(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = ProjectFile.load(example)
    Editor(lambda: file.project).apply(AssignFollowUp("step:N-1", FORMULA, TODAY))
    file.save()
    code, out, _ = run(["followups", str(example), "--format", "csv"], capsys)
    assert code == 0
    people = [row["person"] for row in csv.DictReader(io.StringIO(out))]
    assert "'" + FORMULA in people
    assert FORMULA not in people


def test_the_plain_backlog_csv_does_not_hand_a_formula_to_a_spreadsheet(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = ProjectFile.load(example)
    file.project.gaps[0].title = FORMULA
    file.save()
    target = example.parent / "backlog.csv"
    code, out, err = run(["backlog", str(example), "--format", "csv", "-o", str(target)], capsys)
    assert code == 0, out + err
    titles = [row["title"] for row in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")))]
    assert "'" + FORMULA in titles


def test_workbook_text_starting_with_equals_is_text_not_a_formula(example: Path) -> None:
    project = load_project(example)
    catalogue = load_catalogue(example)
    ref = DEPLOY_Q
    catalogue.questions[ref] = catalogue.questions[ref].model_copy(update={"text": FORMULA})
    data = build_workbook(project, catalogue, WorkbookRequest(areas=("model-deployment",)))
    book = load_workbook(io.BytesIO(data))
    cells = [c for row in book[SHEET].iter_rows() for c in row if c.value == FORMULA]
    assert cells, "the question text is in the sheet"
    assert all(c.data_type == "s" for c in cells)
