"""The proposal's prose and frame: each text drafted from the data until the consultant edits it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Select, Static, TextArea

from workbench.export.context import ProposalContext
from workbench.export.figures import decided_on, stale_in
from workbench.export.frame import frame_problem
from workbench.export.narrative import NARRATIVE_FIELDS, drafts
from workbench.export.options import ProposalOptions
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.safe import literal
from workbench.ui.widgets.dropdown import Dropdown
from workbench.ui.widgets.real_text import RealInput, RealTextArea

if TYPE_CHECKING:
    from textual.screen import Screen

    from workbench.store.journal import DialogDraft

FRAME_FIELDS = {"firm": "Firm", "version": "Version", "language": "Language", "template": "Word template"}
FRAME_HINTS = {"firm": "your firm", "version": "1.0", "language": "en-GB", "template": "a .docx or .dotx"}
"""What an empty frame field shows: an example of what goes in it (its label stays above it)."""


class ProposalModal(DialogScreen[dict[str, str] | None]):
    """Dismisses with the fields the person changed (an emptied text goes back to the draft)."""

    def __init__(self, project: Project, catalogue: Catalogue, project_file: Path, today: dt.date) -> None:
        super().__init__()
        self.project_file = project_file
        self.own = {name: str(getattr(project.proposal, name)) for name in [*NARRATIVE_FIELDS, *FRAME_FIELDS]}
        context = ProposalContext(project, catalogue, ProposalOptions(today=today))  # the app's day
        self.drafted = drafts(context)
        chosen = decided_on(context)
        self.accepted = (chosen.isoformat(),) if chosen else ()
        self.texts = {name: self.own[name] or self.drafted[name] for name in NARRATIVE_FIELDS}
        self.shown = next(iter(NARRATIVE_FIELDS))

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide", id="proposal-dialog"):
            yield Static(Text("Proposal text", style="bold"), classes="dialog-title")
            yield Dropdown(
                [(Text(title), name) for name, title in NARRATIVE_FIELDS.items()],
                value=self.shown,
                allow_blank=False,
                id="proposal-field",
                compact=True,
            )
            yield RealTextArea(self.texts[self.shown], id="proposal-text", soft_wrap=True)
            yield Static(id="proposal-source", classes="dim")
            with Horizontal(classes="row", id="proposal-frame"):
                for name, title in FRAME_FIELDS.items():
                    # The firm's name and the template's path are long: each has three shares of the row.
                    wide = " wide-field" if name in ("firm", "template") else ""
                    with Vertical(classes="frame-field" + wide):  # the label stays when the field is filled
                        yield Static(Text(title, style="dim"), classes="frame-label")
                        yield RealInput(
                            self.own[name],
                            placeholder=FRAME_HINTS[name],
                            id=f"proposal-{name}",
                            compact=True,
                            tooltip=title,
                        )
            with DialogButtons():
                yield Button(confirm_label("Save"), id="proposal-save", variant="primary", compact=True)
                yield Button("Back to the draft", id="proposal-redraft", compact=True)
                yield Button(cancel_label(), id="proposal-cancel", compact=True)

    def on_mount(self) -> None:
        self._show_source()
        self.query_one("#proposal-text", RealTextArea).focus()

    def text_fields(self) -> dict[str, str]:
        """Every section's text, the ones not on show too (the journal keeps them all)."""
        fields = super().text_fields()
        fields.update({f"proposal-text-{name}": text for name, text in self.texts.items()})
        return fields

    def fill_draft(self, draft: DialogDraft) -> None:
        """Each section's kept text, and the one on show as it was."""
        for name in NARRATIVE_FIELDS:
            self.texts[name] = draft.fields.get(f"proposal-text-{name}", self.texts[name])
        if draft.choices.get("proposal-field") in NARRATIVE_FIELDS:
            self.shown = draft.choices["proposal-field"]
        super().fill_draft(draft)
        self._show_source()

    def _keep_shown(self) -> None:
        self.texts[self.shown] = self.query_one("#proposal-text", RealTextArea).real

    def _show_source(self) -> None:
        text = self.texts[self.shown].strip()
        stale = stale_in(NARRATIVE_FIELDS[self.shown], text, self.drafted[self.shown], self.accepted)
        if stale:
            note = "Old figures: " + " ".join(stale) + " Correct them, or go back to the draft."
        elif text == self.own[self.shown].strip() and text:
            note = "Your text. Blank lines separate paragraphs; lines starting '- ' are bullets."
        elif text == self.drafted[self.shown].strip():
            note = "Drafted from the data. Edit it to make it yours; saved only when changed."
        else:
            note = "Edited: saved with ctrl+s."
        self.query_one("#proposal-source", Static).update(literal(note, "dim"))

    @on(Select.Changed, "#proposal-field")
    def _switch(self, event: Select.Changed) -> None:
        """Show another section, the cursor after its text. The dropdown also says it changed
        as it mounts and when a restored draft chooses the section already on show: that leaves
        the text and the cursor where they are (reloading put the cursor at the start)."""
        if str(event.value) == self.shown:
            return
        self._keep_shown()
        self.shown = str(event.value)
        area = self.query_one("#proposal-text", RealTextArea)
        area.load_real(self.texts[self.shown])
        area.move_cursor(area.document.end)
        self._show_source()

    @on(TextArea.Changed, "#proposal-text")
    def _typed(self) -> None:
        self._keep_shown()
        self._show_source()

    @on(Button.Pressed, "#proposal-redraft")
    def _redraft(self) -> None:
        self.query_one("#proposal-text", RealTextArea).load_real(self.drafted[self.shown])

    @on(Button.Pressed, "#proposal-cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    def _changed(self) -> tuple[dict[str, str], dict[str, str]]:
        """The texts and the frame fields that differ from what was there."""
        self._keep_shown()
        texts: dict[str, str] = {}
        for name in NARRATIVE_FIELDS:
            text = self.texts[name].strip()
            before = (self.own[name] or self.drafted[name]).strip()
            if text != before:
                texts[name] = "" if text == self.drafted[name].strip() else text
        frame = {
            name: value
            for name in FRAME_FIELDS
            if (value := self.query_one(f"#proposal-{name}", RealInput).entered()) != self.own[name]
        }
        return texts, frame

    def changed_fields(self) -> list[str]:
        """The sections and frame fields that differ from what was there, by their titles (Esc
        asks before throwing them away; choosing which section to show changes nothing)."""
        texts, frame = self._changed()
        return [NARRATIVE_FIELDS[name].lower() for name in texts] + [FRAME_FIELDS[n].lower() for n in frame]

    @on(Button.Pressed, "#proposal-save")
    def action_save(self) -> None:
        """Dismiss with every field that differs from what was there."""
        texts, frame = self._changed()
        for name, value in frame.items():
            problem = frame_problem(name, value, self.project_file)
            if problem:
                self.notify(problem, severity="error", markup=False)
                self.query_one(f"#proposal-{name}", RealInput).focus()
                return
        self.dismiss({**texts, **frame})


def start_proposal_edit(screen: Screen[None]) -> None:
    """Open the proposal dialog and apply what the person changed as one named edit."""
    from workbench.edits.proposal import EditProposal
    from workbench.ui.workspace import Workspace

    workspace: Workspace = screen.workspace  # type: ignore[attr-defined]

    def finished(changed: dict[str, str] | None) -> None:
        if not changed or not workspace.apply(EditProposal(changed)):
            return
        # The dialog's ctrl+s means "save": write the file now, so the notice is true.
        save = getattr(screen.app, "save_project", None)
        if save is not None and save():
            screen.app.notify("Proposal text saved in the project.", markup=False)

    modal = ProposalModal(workspace.project, workspace.catalogue, workspace.file.path, workspace.today)
    screen.app.push_screen(modal.reopens("", "edit_proposal"), finished)
