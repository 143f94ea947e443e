"""Self-assessment workbook: every question of both banks (~300) written, filled in, and imported."""

from __future__ import annotations

import datetime as dt
import shutil

from bench.common import OUT, measure, report


def main() -> bool:
    from openpyxl import load_workbook

    from workbench.banks import load_catalogue
    from workbench.store.files import load_project
    from workbench.workbook.read import apply_import, read_workbook
    from workbench.workbook.write import WorkbookRequest, write_workbook

    OUT.mkdir(exist_ok=True)
    project_path = OUT / "workbook-project.toml"
    shutil.copyfile("projects/example.toml", project_path)
    project = load_project(project_path)
    catalogue = load_catalogue(project_path).only(project.project.banks)
    target = OUT / "self-assessment.xlsx"

    def write() -> None:
        target.unlink(missing_ok=True)
        request = WorkbookRequest(token="bench")  # noqa: S106 (a workbook's label, not a password)
        write_workbook(project, catalogue, request, target)

    ok = report(f"Write the workbook ({len(catalogue.questions)} questions)", measure(write, repeat=3), 2.0)
    book = load_workbook(target)
    for sheet in book.worksheets[3:]:
        for row in range(4, sheet.max_row + 1):
            if sheet[f"A{row}"].value:
                sheet[f"G{row}"] = "Filled in by the client team."
    book.save(target)

    def read_and_apply() -> None:
        fresh = load_project(project_path)
        apply_import(fresh, read_workbook(target, fresh, catalogue), today=dt.date(2026, 12, 1))

    read_and_apply()  # openpyxl's own import is not part of the figure
    ok &= report("Import the filled-in workbook (read, check, apply)", measure(read_and_apply, repeat=3), 1.0)
    return ok


if __name__ == "__main__":
    main()
