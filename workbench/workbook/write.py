"""Write the self-assessment workbook (openpyxl): instructions, levels, one sheet per area, hidden ids."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cleaning import xml_safe
from workbench.model.bank import Question
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.problems import FileProblem
from workbench.store.atomic import atomic_write
from workbench.workbook.layout import (
    FIRST_ROW,
    FORMAT,
    GENERIC_LEVELS,
    HEADER_ROW,
    HEADINGS,
    INSTRUCTIONS_SHEET,
    META_SHEET,
    METRIC_STATUSES,
    PAIN_STATUSES,
    QUESTION_STATUSES,
    RUBRIC_SHEET,
    WIDTHS,
    column,
    level_choice,
    project_key,
    sheet_title,
)

_HEADING = Font(bold=True, color="FFFFFF")
_HEADING_FILL = PatternFill("solid", fgColor="1F4E79")
_GREY = PatternFill("solid", fgColor="EDEDED")
_INPUT = PatternFill("solid", fgColor="FFF9E5")
_WRAP = Alignment(wrap_text=True, vertical="top")
_OPEN = Protection(locked=False)


@dataclass(frozen=True)
class WorkbookRequest:
    """Which questions go in: a template's, some areas', or every question of the project's banks."""

    template: str = ""
    areas: tuple[str, ...] = ()
    token: str = ""
    """Identifies this workbook when it comes back; a fresh one when empty."""


def selected_refs(project: Project, catalogue: Catalogue, request: WorkbookRequest) -> list[str]:
    """The question references the workbook asks, in bank order."""
    if request.template:
        if request.template not in catalogue.templates:
            known = ", ".join(catalogue.templates)
            raise ValueError(f"unknown session template {request.template!r}; choose one of: {known}")
        return catalogue.template_refs(request.template)
    if request.areas:
        unknown = [a for a in request.areas if a not in catalogue.areas]
        if unknown:
            raise ValueError(
                f"unknown area {', '.join(unknown)}; `workbench banks` lists the areas of each bank"
            )
        return [ref for area in request.areas for ref in catalogue.refs_in_area(area)]
    return list(catalogue.questions)


def build_workbook(project: Project, catalogue: Catalogue, request: WorkbookRequest) -> bytes:
    """The .xlsx as bytes."""
    refs = selected_refs(project, catalogue, request)
    token = request.token or uuid.uuid4().hex[:8]
    book = Workbook()
    instructions = book.worksheets[0]
    instructions.title = INSTRUCTIONS_SHEET
    rubric = book.create_sheet(RUBRIC_SHEET)
    ranges = _write_rubric(rubric, catalogue, refs)
    meta = book.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    meta.append(["format", FORMAT])
    meta.append(["project", xml_safe(project.project.name)])
    meta.append(["project_key", project_key(project)])
    meta.append(["token", token])
    meta.append(["written", dt.date.today().isoformat()])
    meta.append(["template", request.template])
    meta.append(["sheet", "row", "question"])
    taken = {INSTRUCTIONS_SHEET.lower(), RUBRIC_SHEET.lower(), META_SHEET.lower()}
    sheets: list[str] = []
    for area_id, area_refs in _by_area(catalogue, refs):
        title = sheet_title(catalogue.area_title(area_id), taken)
        sheets.append(title)
        sheet = book.create_sheet(title)
        _write_area(sheet, catalogue, area_id, area_refs, ranges, meta)
    _write_instructions(instructions, project, sheets, token)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(
    project: Project, catalogue: Catalogue, request: WorkbookRequest, path: str | Path
) -> Path:
    """Write the workbook atomically; never replaces a file (the caller asks first)."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise FileProblem(target, "must end in .xlsx; Excel and LibreOffice open that format")
    atomic_write(target, build_workbook(project, catalogue, request))
    return target


def _by_area(catalogue: Catalogue, refs: Iterable[str]) -> list[tuple[str, list[str]]]:
    areas: dict[str, list[str]] = {}
    for ref in refs:
        question = catalogue.questions.get(ref)
        if question is not None:
            areas.setdefault(question.area, []).append(ref)
    return list(areas.items())


def _levels(catalogue: Catalogue, question: Question) -> tuple[str, ...]:
    """The question's own level descriptors, else its area's, else the generic scale."""
    own = tuple(getattr(question, "levels", ()) or ())
    if len(own) == 5:
        return own
    area = catalogue.areas.get(question.area)
    area_levels = tuple(getattr(area, "levels", ()) or ())
    return area_levels if len(area_levels) == 5 else GENERIC_LEVELS


def _write_rubric(sheet: Worksheet, catalogue: Catalogue, refs: list[str]) -> dict[tuple[str, ...], str]:
    """One block of five levels per distinct scale; returns each scale's cell range for dropdowns."""
    sheet.append(["Area or question", "Level", "What it looks like"])
    for cell in sheet[1]:
        cell.font, cell.fill = _HEADING, _HEADING_FILL
    ranges: dict[tuple[str, ...], str] = {}
    for ref in refs:
        question = catalogue.questions.get(ref)
        if question is None:
            continue
        levels = _levels(catalogue, question)
        if levels in ranges:
            continue
        first = sheet.max_row + 1
        own = len(tuple(getattr(question, "levels", ()) or ())) == 5
        label = question.text if own else catalogue.area_title(question.area)
        if levels == GENERIC_LEVELS:
            label = "Any question without its own levels"
        for number, descriptor in enumerate(levels, start=1):
            sheet.append(
                [xml_safe(label) if number == 1 else "", number, xml_safe(level_choice(number, descriptor))]
            )
        ranges[levels] = f"'{RUBRIC_SHEET}'!$C${first}:$C${first + 4}"
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 7
    sheet.column_dimensions["C"].width = 100
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _WRAP
    sheet.protection.sheet = True
    return ranges


def _write_area(
    sheet: Worksheet,
    catalogue: Catalogue,
    area_id: str,
    refs: list[str],
    ranges: dict[tuple[str, ...], str],
    meta: Worksheet,
) -> None:
    sheet["A1"] = xml_safe(catalogue.area_title(area_id))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = (
        "Fill in the yellow cells. Pick maturity levels from the dropdowns (the 'Maturity levels' sheet "
        "describes each). Don't move, insert or delete rows."
    )
    for name, heading in HEADINGS.items():
        cell = sheet[f"{column(name)}{HEADER_ROW}"]
        cell.value = heading
        cell.font, cell.fill, cell.alignment = _HEADING, _HEADING_FILL, _WRAP
        sheet.column_dimensions[column(name)].width = WIDTHS[name]
    sheet.column_dimensions["A"].hidden = True
    sheet.freeze_panes = f"D{FIRST_ROW}"
    statuses = {
        "question": _list_validation(QUESTION_STATUSES),
        "pain-indicator": _list_validation(PAIN_STATUSES),
        "success-metric": _list_validation(METRIC_STATUSES),
    }
    numbers = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000",
        formula2="1000000000",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="A number",
        error="Type a number, like 40 or 2.5.",
    )
    level_lists: dict[str, DataValidation] = {}
    for validation in [*statuses.values(), numbers]:
        sheet.add_data_validation(validation)
    for offset, ref in enumerate(refs):
        row = FIRST_ROW + offset
        question = catalogue.questions[ref]
        part = catalogue.part_of(ref)
        group = catalogue.groups.get((question.area, question.group)) if question.group else None
        section = " / ".join(t for t in [part.title if part else "", group.title if group else ""] if t)
        unit = " / ".join(p.unit for p in question.placeholders if p.unit)
        values = {"id": ref, "section": section, "question": question.text, "unit": unit}
        for name, value in values.items():
            cell = sheet[f"{column(name)}{row}"]
            cell.value = xml_safe(value)
            cell.data_type = "s"  # text, even when it starts with "=" (never a formula)
        meta.append([sheet.title, row, ref])
        inputs = ["status", "notes"]
        if question.kind == "question":
            inputs += ["current", "target"]
            scale = ranges[_levels(catalogue, question)]
            if scale not in level_lists:
                level_lists[scale] = DataValidation(
                    type="list",
                    formula1=f"={scale}",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="A maturity level",
                    error="Pick a level from the list (1 to 5).",
                )
                sheet.add_data_validation(level_lists[scale])
            level_lists[scale].add(f"{column('current')}{row}:{column('target')}{row}")
        elif question.kind == "success-metric":
            inputs += ["baseline", "goal"]
            numbers.add(f"{column('baseline')}{row}:{column('goal')}{row}")
        statuses[question.kind].add(f"{column('status')}{row}")
        for name in HEADINGS:
            cell = sheet[f"{column(name)}{row}"]
            cell.alignment = _WRAP
            if name in inputs:
                cell.protection, cell.fill = _OPEN, _INPUT
            elif name in ("current", "target", "baseline", "goal"):
                cell.fill = _GREY
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.formatCells = False


def _list_validation(choices: dict[str, str]) -> DataValidation:
    return DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Pick from the list",
        error="Choose one of: " + ", ".join(choices),
    )


def _write_instructions(sheet: Worksheet, project: Project, sheets: list[str], token: str) -> None:
    who = project.project.client or project.project.name
    lines = [
        (f"Self-assessment for {who}", Font(bold=True, size=16)),
        (xml_safe(project.project.name), Font(italic=True)),
        ("", None),
        ("How to fill it in", Font(bold=True, size=12)),
        (
            "1. Each tab after this one is one area of your ML platform and practice. Answer honestly: "
            "the point is a shared picture of where you are today, not a score.",
            None,
        ),
        (
            "2. For each question, pick 'Where are you today?' and 'Where do you want to be?' from the "
            "dropdowns. The 'Maturity levels' tab says what each level looks like.",
            None,
        ),
        ("3. Write what you do today in 'Your answer / notes': tools, numbers, examples.", None),
        (
            "4. Pain points: set Status to 'Applies to us' when it rings true, and say how, in your own "
            "words, in the notes.",
            None,
        ),
        (
            "5. Success metrics: give today's baseline and your target as plain numbers, in the unit shown.",
            None,
        ),
        (
            "6. Use 'Needs follow-up' for questions someone else should answer, and name them in the notes.",
            None,
        ),
        ("7. Don't move, insert, delete or rename rows and tabs: the file is read back automatically.", None),
        ("", None),
        ("Areas in this workbook", Font(bold=True, size=12)),
        *((f"- {xml_safe(name)}", None) for name in sheets),
        ("", None),
        (f"Workbook {token}; return it to your facilitator when it is done.", Font(color="808080")),
    ]
    for number, (text, font) in enumerate(lines, start=1):
        cell = sheet.cell(row=number, column=1, value=xml_safe(text))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if font is not None:
            cell.font = font
        sheet.row_dimensions[number].height = 16 * max(1, -(-len(text) // 100)) + 4
    sheet.column_dimensions["A"].width = 110
    sheet.protection.sheet = True
