"""Read a filled-in self-assessment workbook back as a session: validate every cell, then apply.

Reading never changes the project: `read_workbook` returns the rows and one problem per bad cell,
and `apply_import` writes them into a session (confidence "stated"). Applying the same workbook
twice changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.model.catalogue import Catalogue
from workbench.model.project import Project, given, next_id
from workbench.problems import FileProblem
from workbench.workbook.layout import (
    COLUMNS,
    FORMAT,
    META_SHEET,
    METRIC_STATUSES,
    PAIN_STATUSES,
    QUESTION_STATUSES,
    column,
    project_key,
)


@dataclass
class Row:
    """One filled-in row."""

    ref: str
    kind: str
    status: str = ""
    notes: str = ""
    current: int | None = None
    target: int | None = None
    baseline: float | int | None = None
    goal: float | int | None = None


@dataclass
class ReadWorkbook:
    """What a workbook holds, and what is wrong with it."""

    token: str
    template: str = ""
    """The session template the workbook asked, if it was made for one."""
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """One sentence per problem, naming the sheet and the cell."""
    bad_refs: set[str] = field(default_factory=set)
    """Questions whose row has a problem (left out by --partial)."""


@dataclass
class ImportSummary:
    """What an import changed."""

    session: str
    answers: int = 0
    heard: int = 0
    metrics: int = 0
    unchanged: int = 0
    blank: int = 0


def read_workbook(path: str | Path, project: Project, catalogue: Catalogue) -> ReadWorkbook:
    """Read and check every row; raises FileProblem when the file is not a workbook of this project."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise FileProblem(path, "is not an Excel workbook (.xlsx); give the workbook the client filled in")
    try:
        book = load_workbook(path, data_only=True, read_only=True)
    except FileNotFoundError:
        raise FileProblem(path, "no such file; check the path") from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise FileProblem(
            path, "is not an Excel workbook (.xlsx); export one with `workbench questionnaire`"
        ) from None
    if META_SHEET not in book.sheetnames:
        raise FileProblem(
            path,
            "is not a self-assessment workbook of the workbench (its hidden sheet is missing); "
            "export one with `workbench questionnaire`",
        )
    meta_rows = list(book[META_SHEET].iter_rows(values_only=True))
    header = next((i for i, r in enumerate(meta_rows) if r and r[0] == "sheet"), len(meta_rows))
    info = {str(r[0]): r[1] for r in meta_rows[:header] if r}
    if info.get("format") != FORMAT:
        raise FileProblem(
            path, f"has workbook format {info.get('format')!r}; this workbench reads format {FORMAT}"
        )
    if info.get("project_key") != project_key(project):
        raise FileProblem(
            path,
            f"was made for the project {str(info.get('project'))!r}, not {project.project.name!r}; "
            "import it into that project",
        )
    result = ReadWorkbook(str(info.get("token") or ""), template=str(info.get("template") or ""))
    expected: dict[str, list[tuple[int, str]]] = {}
    for sheet_name, row_number, ref, *_ in meta_rows[header + 1 :]:
        expected.setdefault(str(sheet_name), []).append((int(str(row_number)), str(ref)))
    for sheet_name, rows in expected.items():
        if sheet_name not in book.sheetnames:
            result.problems.append(
                f"sheet {sheet_name!r} is missing (renamed or deleted); its {len(rows)} questions cannot "
                "be read. Give it back its name, or restore it from the workbook as sent"
            )
            continue
        sheet = _Sheet(sheet_name, book[sheet_name])
        misplaced: list[int] = []
        for row_number, ref in rows:
            if not _read_row(sheet, row_number, ref, catalogue, result):
                misplaced.append(row_number)
        result.problems.extend(_misplaced_sentences(sheet_name, misplaced))
    book.close()
    return result


class _Sheet:
    """A sheet's values read once, row by row (random cell access is slow in read-only mode)."""

    def __init__(self, title: str, sheet: Any) -> None:
        self.title = title
        self.rows = {
            number: values
            for number, values in enumerate(
                sheet.iter_rows(min_row=1, max_col=len(COLUMNS), values_only=True), 1
            )
        }

    def value(self, name: str, row: int) -> Any:
        values = self.rows.get(row, ())
        index = COLUMNS.index(name)
        return values[index] if index < len(values) else None


def _cell(sheet: _Sheet, name: str, row: int) -> Any:
    return sheet.value(name, row)


def _misplaced_sentences(sheet_name: str, rows: list[int]) -> list[str]:
    """One sentence per run of consecutive rows that no longer hold the question sent there."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    sentences = []
    for run in runs:
        where = f"row {run[0]}" if len(run) == 1 else f"rows {run[0]}–{run[-1]}"
        sentences.append(
            f"sheet {sheet_name!r}, {where}: not the questions sent there; rows were moved, inserted or "
            "deleted. Put them back as sent (or pass --partial to skip these rows)"
        )
    return sentences


def _read_row(sheet: _Sheet, row: int, ref: str, catalogue: Catalogue, result: ReadWorkbook) -> bool:
    """Read one row into `result`; False when the row does not hold the question sent there."""
    where = f"sheet {sheet.title!r}"
    found = _cell(sheet, "id", row)
    question = catalogue.questions.get(ref)
    if question is None:
        result.problems.append(
            f"{where}, row {row}: question {ref!r} is not in this project's banks any more"
        )
        return True
    text_matches = str(_cell(sheet, "question", row) or "").strip() == question.text.strip()
    if found != ref and text_matches:
        result.problems.append(
            f"{where}, cell {column('id')}{row}: the hidden question id was changed to {found!r}; "
            f"put back {ref!r} (copy the row from the workbook as sent)"
        )
        result.bad_refs.add(ref)
        return True
    if found != ref or not text_matches:
        result.bad_refs.add(ref)
        return False
    entry = Row(ref, question.kind)
    problems_before = len(result.problems)
    choices = {
        "question": QUESTION_STATUSES,
        "pain-indicator": PAIN_STATUSES,
        "success-metric": METRIC_STATUSES,
    }
    status = _text(_cell(sheet, "status", row))
    if status:
        if status not in choices[question.kind]:
            result.problems.append(
                f"{where}, cell {column('status')}{row}: {status!r} is not a status; choose one of: "
                + ", ".join(choices[question.kind])
            )
        else:
            entry.status = choices[question.kind][status]
    entry.notes = _text(_cell(sheet, "notes", row))
    if question.kind == "question":
        entry.current = _level(sheet, "current", row, result)
        entry.target = _level(sheet, "target", row, result)
    if question.kind == "success-metric":
        entry.baseline = _number(sheet, "baseline", row, result)
        entry.goal = _number(sheet, "goal", row, result)
    if len(result.problems) > problems_before:
        result.bad_refs.add(ref)
        return True
    if (
        entry.status
        or entry.notes
        or entry.current
        or entry.target
        or entry.baseline is not None
        or entry.goal is not None
    ):
        result.rows.append(entry)
    return True


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


_LEVEL = re.compile(r"^\s*([1-5])(\s+[-–]\s|\s*$)")
"""A level as the dropdown gives it (`3 - Defined: …`) or typed as a bare number."""


def _level(sheet: Any, name: str, row: int, result: ReadWorkbook) -> int | None:
    value = _cell(sheet, name, row)
    if value is None or _text(value) == "":
        return None
    match = _LEVEL.match(_text(value))
    if match is None:
        result.problems.append(
            f"sheet {sheet.title!r}, cell {column(name)}{row}: {_text(value)!r} is not a maturity level; "
            "pick 1 to 5 from the dropdown"
        )
        return None
    return int(match.group(1))


def _number(sheet: Any, name: str, row: int, result: ReadWorkbook) -> float | int | None:
    value = _cell(sheet, name, row)
    if value is None or _text(value) == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = _text(value).replace(",", "")
        try:
            value = float(text)
        except ValueError:
            result.problems.append(
                f"sheet {sheet.title!r}, cell {column(name)}{row}: {_text(value)!r} is not a number; "
                "type a plain number like 40 (the unit is in its own column)"
            )
            return None
    return int(value) if float(value).is_integer() else float(value)


def default_session_id(token: str) -> str:
    """The session a workbook imports into unless --session names one."""
    return f"self-assessment-{token}" if token else "self-assessment"


def apply_import(
    project: Project,
    read: ReadWorkbook,
    session_id: str = "",
    today: dt.date | None = None,
    partial: bool = False,
) -> ImportSummary:
    """Write the rows into the session (created when missing); rows with problems only with `partial`."""
    if read.problems and not partial:
        raise ValueError("the workbook has problems; fix them or import with partial=True")
    session_id = session_id or default_session_id(read.token)
    summary = ImportSummary(session_id)
    if project.session(session_id) is None:
        from workbench.model.project import Session

        project.sessions.append(
            Session(
                id=session_id,
                title="Self-assessment (workbook)",
                date=today or dt.date.today(),
                **given(template=read.template),
            )
        )
    for row in read.rows:
        if row.ref in read.bad_refs:
            continue
        if row.kind == "question":
            _apply_answer(project, session_id, row, summary)
        elif row.kind == "pain-indicator":
            _apply_heard(project, session_id, row, summary)
        else:
            _apply_metric(project, session_id, row, summary)
    return summary


def _apply_answer(project: Project, session: str, row: Row, summary: ImportSummary) -> None:
    changes: dict[str, Any] = {"status": row.status or "answered", "confidence": "stated"}
    changes.update(given(notes=row.notes, current=row.current, target=row.target))
    if row.status == "not-applicable" and row.notes:
        changes["reason"] = row.notes
    answer = project.answer(row.ref, session)
    if answer is not None and all(getattr(answer, k) == v for k, v in changes.items()):
        summary.unchanged += 1
        return
    if answer is None:
        from workbench.model.project import Answer

        project.answers.append(Answer(question=row.ref, session=session, **changes))
    else:
        for name, value in changes.items():
            setattr(answer, name, value)
    summary.answers += 1


def _apply_heard(project: Project, session: str, row: Row, summary: ImportSummary) -> None:
    existing = project.heard_in(row.ref, session)
    if row.status != "heard":
        return
    if existing:
        record = existing[0]
        if record.quote == row.notes:
            summary.unchanged += 1
            return
        record.quote = row.notes
    else:
        project.hear(row.ref, session, quote=row.notes, speaker_role="self-assessment")
    summary.heard += 1


def _apply_metric(project: Project, session: str, row: Row, summary: ImportSummary) -> None:
    if row.baseline is None and row.goal is None and not row.notes:
        return
    metric = next((m for m in project.metrics if m.template == row.ref and m.session == session), None)
    changes = given(baseline=row.baseline, target=row.goal, measured_by=row.notes)
    if metric is not None and all(getattr(metric, k) == v for k, v in changes.items()):
        summary.unchanged += 1
        return
    if metric is None:
        project.add_metric(template=row.ref, session=session, **changes)
    else:
        for name, value in changes.items():
            setattr(metric, name, value)
    summary.metrics += 1


__all__ = [
    "ImportSummary",
    "ReadWorkbook",
    "Row",
    "apply_import",
    "default_session_id",
    "next_id",
    "read_workbook",
]
