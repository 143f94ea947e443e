"""Palette actions for the hand-offs: export a self-assessment workbook, import a filled-in one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.edits import EditRefused
from workbench.edits.imports import ImportWorkbook
from workbench.printable import plural
from workbench.ui.safe import one_line

if TYPE_CHECKING:
    from workbench.ui.app import WorkbenchApp


def export_workbook(app: WorkbenchApp) -> None:
    """Open the workbook export dialog and announce the file written."""
    from workbench.ui.modals.workbook_export_modal import WorkbookExportModal

    workspace = app.workspace
    if workspace is None:
        return

    def finished(path: Path | None) -> None:
        if path is not None:
            app.notify(f"Workbook written to {path}", title="Self-assessment", markup=False, timeout=8)

    app.push_screen(WorkbookExportModal(workspace), finished)


def import_workbook(app: WorkbenchApp) -> None:
    """Open the import dialog; apply the workbook as one undoable edit and say what changed."""
    from workbench.ui.modals.workbook_import_modal import WorkbookImport, WorkbookImportModal

    workspace = app.workspace
    if workspace is None:
        return

    def finished(result: WorkbookImport | None) -> None:
        if result is None:
            return
        edit = ImportWorkbook(result.read, result.session, workspace.today, result.partial)
        try:
            changed = workspace.apply(edit)
        except EditRefused as refused:
            app.notify(str(refused), severity="error", markup=False, timeout=8)
            return
        summary = edit.summary
        if not changed or summary is None:
            app.notify("Nothing changed: this workbook was imported already.", markup=False, timeout=6)
            return
        app.notify(
            f"Imported into session {one_line(summary.session)}: {plural(summary.answers, 'answer')}, "
            f"{plural(summary.heard, 'pain point')}, {plural(summary.metrics, 'metric')}. "
            "F6 switches to it; ctrl+z undoes it.",
            title="Self-assessment",
            markup=False,
            timeout=10,
        )

    app.push_screen(WorkbookImportModal(workspace), finished)
