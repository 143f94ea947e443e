"""Export the proposal from the TUI: options, overwrite confirmation, progress, notification."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, LoadingIndicator, Select, SelectionList, Static

from workbench.export.context import ProposalContext
from workbench.export.docx_writer import template_paper
from workbench.export.figures import stale_figures
from workbench.export.left_out import left_out, notes_left_out
from workbench.export.proposal import DEFAULT_SECTIONS, SECTION_TITLES, SECTIONS, ProposalOptions
from workbench.export.writer import ExportRequest, export_proposal, target_path, template_path
from workbench.problems import FileProblem
from workbench.ui.modals.confirm import NoticeModal, ReplaceModal
from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.safe import literal, one_line, problem_sentence
from workbench.ui.widgets.dropdown import Dropdown
from workbench.ui.widgets.tick_box import TickBox
from workbench.ui.workspace import Workspace

if TYPE_CHECKING:
    from textual.screen import Screen


def shown_path(path: Path) -> Path:
    """The path relative to the working folder when it is inside it (shorter to read)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class ExportModal(DialogScreen[Path | None]):
    """Dismisses with the written file, or None."""

    @dataclass
    class Done(Message):
        """The worker finished."""

        path: Path | None
        error: str
        left_out: tuple[str, ...] = ()
        """What the proposal does not carry of the consultant's words, a sentence each."""
        stale: tuple[str, ...] = ()
        """Figures of the consultant's own text that no longer match the data, a sentence each."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide", id="export-dialog"):
            yield Static(Text("Export the proposal", style="bold"), classes="dialog-title")
            sections = [s for s in SECTIONS if s != "progress" or self.workspace.project.milestones]
            yield SelectionList[str](
                *[(SECTION_TITLES[s], s, s in DEFAULT_SECTIONS) for s in sections], id="export-sections"
            )
            with Horizontal(classes="row"):
                yield Dropdown(
                    [(Text("Word (.docx)"), "docx"), (Text("Markdown (.md)"), "md")],
                    value="docx",
                    allow_blank=False,
                    id="export-format",
                    compact=True,
                )
                yield Dropdown(self._papers(), value="", allow_blank=False, id="export-paper", compact=True)
            with Horizontal(classes="row"):
                yield TickBox("Redact names and quotes", id="export-redact", compact=True)
                yield TickBox("Show ids", id="export-ids", compact=True)
            yield Static(id="export-target", classes="dim")
            yield LoadingIndicator(id="export-progress")
            yield Static(id="export-error", classes="dialog-error")
            with DialogButtons():
                yield Button(confirm_label("Export"), id="export-go", variant="primary", compact=True)
                yield Button(cancel_label(), id="export-cancel", compact=True)

    def _papers(self) -> list[tuple[Text, str]]:
        """The template's own paper size first, by name (a Letter template is not "A4"); A4 or US
        Letter force a size over it. Without a template, A4 first."""
        template = template_path(self.workspace.project, self.workspace.file.path)
        own = template_paper(template) if template is not None and template.exists() else ""
        if not own:
            return [(Text("A4"), ""), (Text("US Letter"), "letter")]
        return [(Text(f"{own} (template)"), ""), (Text("A4"), "a4"), (Text("US Letter"), "letter")]

    def on_mount(self) -> None:
        self.query_one("#export-progress").display = False
        self._show_target()

    def _request(self, force: bool = False) -> ExportRequest:
        sections = tuple(self.query_one("#export-sections", SelectionList).selected)
        options = ProposalOptions(
            sections=sections,
            redact=self.query_one("#export-redact", TickBox).value,
            today=self.workspace.today,
            ids=self.query_one("#export-ids", TickBox).value,
        )
        folder = self.workspace.file.path.resolve().parent
        return ExportRequest(
            folder,
            format=str(self.query_one("#export-format", Select).value),
            paper=str(self.query_one("#export-paper", Select).value),
            force=force,
            options=options,
            template=template_path(self.workspace.project, self.workspace.file.path),
        )

    @on(Select.Changed)
    @on(TickBox.Changed, "#export-redact")
    def _show_target(self) -> None:
        """The file the export will write, as the options now stand (redacted: no client name)."""
        target = target_path(self.workspace.project, self._request())
        note = "  (exists: you will be asked before it is replaced)" if target.exists() else ""
        self.query_one("#export-target", Static).update(
            literal(f"Writes {one_line(shown_path(target))}{note}")
        )

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.action_cancel()  # as Esc: the button says "Cancel (Esc)"

    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        """Export with the options chosen (asks before replacing a file)."""
        request = self._request()
        target = target_path(self.workspace.project, request)
        if target.exists():

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._start(self._request(force=True))

            self.app.push_screen(
                ReplaceModal(
                    f"Replace {target.name}?",
                    f"{target} already exists. Replace writes this proposal over it; Keep it leaves it "
                    "as it is (rename or move it first to keep both).",
                    yes="Replace",
                    no="Keep it",
                ),
                confirmed,
            )
            return
        self._start(request)

    def _start(self, request: ExportRequest) -> None:
        self.query_one("#export-progress").display = True
        self.query_one("#export-go", Button).disabled = True
        self._export(request)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, request: ExportRequest) -> None:
        """Build and write the proposal off the UI thread."""
        project = self.workspace.project.model_copy(deep=True)
        try:
            path = export_proposal(project, self.workspace.catalogue, request)
            options = request.options or ProposalOptions()
            notes = tuple(_with_sentences(project, self.workspace.catalogue, left_out(project, options)))
            stale = tuple(
                f"{line} Edit it with F8, or empty it to go back to the draft."
                for line in stale_figures(ProposalContext(project, self.workspace.catalogue, options))
            )
        except FileProblem as problem:
            said = problem_sentence(problem, "export again, or give another file name")
            self.post_message(self.Done(None, said))
            return
        except Exception as error:
            self.post_message(self.Done(None, f"The export failed: {error}"))
            return
        self.post_message(self.Done(path, "", notes, stale))

    @on(Done)
    def _done(self, message: Done) -> None:
        self.query_one("#export-progress").display = False
        self.query_one("#export-go", Button).disabled = False
        if message.error:
            self.query_one("#export-error", Static).update(literal(message.error))
            return
        notes = [*message.stale, *message.left_out]
        self.dismiss(message.path)
        if notes:
            # Which sentences, and which figures: a list to read, not a notice that passes.
            self.app.push_screen(NoticeModal("Check before sending", "\n\n".join(notes)))


def _with_sentences(project: Any, catalogue: Any, notes: list[str]) -> list[str]:
    """The notes, the one on answer notes followed by the sentences it leaves out, one a line."""
    said = []
    for note in notes:
        if "of answer notes stay out" in note:
            note += "\n" + "\n".join(f"  {s}" for s in notes_left_out(project, catalogue))
        said.append(note)
    return said


def start_export(screen: Screen[None]) -> None:
    """Open the export dialog from the main screen and announce the result."""
    workspace: Workspace = screen.workspace  # type: ignore[attr-defined]

    def finished(path: Path | None) -> None:
        if path is not None:
            screen.app.notify(f"Proposal written to {path}", title="Exported", markup=False, timeout=8)

    screen.app.push_screen(ExportModal(workspace), finished)
