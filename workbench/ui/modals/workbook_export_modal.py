"""Export a self-assessment workbook from the TUI: which questions, which file, then write it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Button, Input, Label, LoadingIndicator, Select, Static

from workbench.export.cleaning import safe_file_stem
from workbench.problems import FileProblem
from workbench.ui.modals.confirm import ReplaceModal
from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.modals.export_modal import shown_path
from workbench.ui.safe import literal, one_line, problem_sentence
from workbench.ui.widgets.dropdown import Dropdown
from workbench.ui.workspace import Workspace
from workbench.workbook.write import WorkbookRequest, selected_refs, write_workbook

EVERYTHING = "__all__"


class WorkbookExportModal(DialogScreen[Path | None]):
    """Dismisses with the written workbook, or None."""


    @dataclass
    class Done(Message):
        """The worker finished."""

        path: Path | None
        error: str

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        catalogue = self.workspace.catalogue
        choices = [(Text("Every question of the project's banks"), EVERYTHING)]
        choices += [(Text(one_line(t.title)), t.id) for t in catalogue.templates.values()]
        folder = self.workspace.file.path.resolve().parent
        default = folder / f"{safe_file_stem(self.workspace.project.project.name)}-self-assessment.xlsx"
        with Dialog(classes="dialog wide", id="workbook-export-dialog"):
            yield Static(Text("Export a self-assessment workbook", style="bold"), classes="dialog-title")
            yield Static(
                Text(
                    "An Excel workbook the client team fills in; the palette's Import workbook reads it back."
                ),
                classes="dim",
                id="workbook-about",
            )
            yield Label("Questions")
            yield Dropdown(
                choices, value=EVERYTHING, allow_blank=False, id="workbook-questions", compact=True
            )
            yield Label("File")
            yield Input(str(shown_path(default)), id="workbook-file", compact=True)
            yield Static(id="workbook-count", classes="dim")
            yield LoadingIndicator(id="workbook-progress")
            yield Static(id="workbook-error", classes="dialog-error")
            with DialogButtons():
                yield Button(confirm_label("Export"), id="workbook-go", variant="primary", compact=True)
                yield Button(cancel_label(), id="workbook-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#workbook-progress").display = False
        self._count()

    def _request(self) -> WorkbookRequest:
        value = self.query_one("#workbook-questions", Select).value
        return WorkbookRequest(template="" if value == EVERYTHING else str(value))

    @on(Select.Changed, "#workbook-questions")
    def _count(self) -> None:
        count = len(selected_refs(self.workspace.project, self.workspace.catalogue, self._request()))
        self.query_one("#workbook-count", Static).update(literal(f"{count:,} questions"))

    @on(Button.Pressed, "#workbook-cancel")
    def _cancel(self) -> None:
        self.action_cancel()  # as Esc: the button says "Cancel (Esc)"

    @on(Button.Pressed, "#workbook-go")
    @on(Input.Submitted, "#workbook-file")
    def action_export(self) -> None:
        """Write the workbook (asks before replacing a file)."""
        text = self.query_one("#workbook-file", Input).value.strip()
        if not text.lower().endswith(".xlsx"):
            self.query_one("#workbook-error", Static).update(literal("Give a file name ending in .xlsx."))
            return
        target = Path(text).expanduser()
        if target.exists():

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._start(target)

            self.app.push_screen(
                ReplaceModal(
                    f"Replace {target.name}?",
                    f"{target} already exists. Replace writes this workbook over it; Keep it leaves it "
                    "as it is, and you can type another file name.",
                    yes="Replace",
                    no="Keep it",
                ),
                confirmed,
            )
            return
        self._start(target)

    def _start(self, target: Path) -> None:
        self.query_one("#workbook-progress").display = True
        self.query_one("#workbook-go", Button).disabled = True
        self._write(target, self._request())

    @work(thread=True, exclusive=True, group="workbook")
    def _write(self, target: Path, request: WorkbookRequest) -> None:
        """Build and write the workbook off the UI thread."""
        try:
            project = self.workspace.project.model_copy(deep=True)
            write_workbook(project, self.workspace.catalogue, request, target)
        except FileProblem as problem:
            said = problem_sentence(problem, "write the workbook again, or give another file name")
            self.post_message(self.Done(None, said))
            return
        self.post_message(self.Done(target, ""))

    @on(Done)
    def _done(self, message: Done) -> None:
        self.query_one("#workbook-progress").display = False
        self.query_one("#workbook-go", Button).disabled = False
        if message.error:
            self.query_one("#workbook-error", Static).update(literal(message.error))
            return
        self.dismiss(message.path)
