"""Import a filled-in self-assessment workbook: check it, show each problem, then apply it as one edit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, LoadingIndicator, Static

from workbench.printable import plural
from workbench.problems import FileProblem
from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.modals.form_modal import labelled
from workbench.ui.safe import literal
from workbench.ui.widgets.tick_box import TickBox
from workbench.ui.workspace import Workspace
from workbench.workbook.read import ReadWorkbook, read_workbook

WIDTH = 9
"""The labels' column: each field named beside it, as in the edit dialogs."""


@dataclass(frozen=True)
class WorkbookImport:
    """What the dialog hands back: the checked workbook and how to import it."""

    read: ReadWorkbook
    session: str
    partial: bool


class WorkbookImportModal(DialogScreen[WorkbookImport | None]):
    """Reads the workbook off the UI thread; dismisses only when it can be imported."""


    @dataclass
    class Done(Message):
        """The worker finished reading."""

        read: ReadWorkbook | None
        error: str

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        folder = self.workspace.file.path.resolve().parent
        newest = max(folder.glob("*.xlsx"), key=lambda p: p.stat().st_mtime, default=None)
        with Dialog(classes="dialog wide", id="workbook-import-dialog"):
            yield Static(Text("Import a self-assessment workbook", style="bold"), classes="dialog-title")
            workbook = Input(
                str(newest) if newest else "",
                id="import-file",
                placeholder="path/to/self-assessment.xlsx",
                compact=True,
            )
            yield labelled("workbook", workbook, width=WIDTH)
            new = "empty: a new session for this workbook"
            session = Input("", id="import-session", placeholder=new, compact=True)
            yield labelled("session", session, width=WIDTH)
            yield TickBox("Import the good rows even when some are wrong", id="import-partial", compact=True)
            yield LoadingIndicator(id="import-progress")
            with VerticalScroll(id="import-problems-box"):
                yield Static(id="import-problems", classes="dialog-error")
            with DialogButtons():
                yield Button(confirm_label("Import"), id="import-go", variant="primary", compact=True)
                yield Button(cancel_label(), id="import-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#import-progress").display = False

    @on(Button.Pressed, "#import-cancel")
    def _cancel(self) -> None:
        self.action_cancel()  # as Esc: the button says "Cancel (Esc)"

    @on(Button.Pressed, "#import-go")
    @on(Input.Submitted)
    def action_check(self) -> None:
        """Read and check the workbook; import it when it is sound (or partial is ticked)."""
        text = self.query_one("#import-file", Input).value.strip()
        if not text:
            self.query_one("#import-problems", Static).update(literal("Give the workbook's path."))
            return
        self.query_one("#import-progress").display = True
        self.query_one("#import-go", Button).disabled = True
        self._read(Path(text).expanduser())

    @work(thread=True, exclusive=True, group="workbook-import")
    def _read(self, path: Path) -> None:
        try:
            read = read_workbook(path, self.workspace.project.model_copy(deep=True), self.workspace.catalogue)
        except FileProblem as problem:
            self.post_message(self.Done(None, str(problem)))
            return
        self.post_message(self.Done(read, ""))

    @on(Done)
    def _done(self, message: Done) -> None:
        self.query_one("#import-progress").display = False
        self.query_one("#import-go", Button).disabled = False
        problems = self.query_one("#import-problems", Static)
        if message.read is None:
            problems.update(literal(message.error))
            return
        partial = self.query_one("#import-partial", TickBox).value
        if message.read.problems and not partial:
            lines = [
                f"Nothing imported: {plural(len(message.read.problems), 'problem')}. "
                "Fix them in the workbook, or tick the box to import the good rows.",
                *(f"- {p}" for p in message.read.problems),
            ]
            problems.update(literal("\n".join(lines)))
            return
        if not message.read.rows:
            problems.update(literal("No row of the workbook is filled in yet: nothing to import."))
            return
        session = self.query_one("#import-session", Input).value.strip()
        self.dismiss(WorkbookImport(message.read, session, partial))
