"""The file changed on disk (or no longer reads): reload theirs, overwrite it with mine, or save
mine as a copy."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static

from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.safe import literal


class ConflictModal(DialogScreen[str]):
    """Dismisses with "reload", "keep", "copy", or "" to keep editing."""

    CANCELLED = ""
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Keep editing")]
    """Esc keeps editing, as its button says (the footer said 'Cancel')."""
    GUARDS_TYPING = True
    DEFAULT_CSS = """
    ConflictModal .dialog-buttons { layout: grid; grid-size: 2; grid-gutter: 0 1; }
    ConflictModal .dialog-buttons Button { width: 100%; margin-left: 0; }
    """
    """Two buttons a row: the four, saying what they do, do not fit one row of 80 columns."""

    def __init__(self, path: str, disk_problem: str = "", gone: bool = False, refused: str = "") -> None:
        super().__init__()
        self.refused = refused
        """Why the two versions can't be merged (the merge would not pass check), if that is why."""
        self.path = path
        self.disk_problem = disk_problem
        self.gone = gone
        """The file was deleted or moved: writing it again is safe."""

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide"):
            if self.gone:
                yield Static(literal("The file is gone from disk", "bold"), classes="dialog-title")
                yield Static(
                    literal(
                        f"{self.path} was deleted or moved since it was opened. Your work is kept in "
                        "memory and in the journal. Write mine again puts it back where it was."
                    ),
                    classes="dialog-body",
                )
            elif self.disk_problem:
                yield Static(literal("The file on disk no longer reads", "bold"), classes="dialog-title")
                yield Static(literal(self.disk_problem), classes="dialog-error")
                yield Static(
                    literal(
                        "Your work is kept in memory and in the journal; the broken file is "
                        "not overwritten. Fix it and save again, or save your version as a copy."
                    ),
                    classes="dialog-body",
                )
            else:
                yield Static(literal("Changed on disk", "bold"), classes="dialog-title")
                yield Static(
                    literal(
                        f"{self.path} was changed by another program since it was opened"
                        + (f", and the two can't be merged: {self.refused}" if self.refused else "")
                        + ". Nothing has been overwritten."
                    ),
                    classes="dialog-body",
                )
            with DialogButtons():
                if not self.disk_problem:
                    yield Button("Reload theirs", id="reload", compact=True)
                if self.gone or not self.disk_problem:
                    mine = "Write mine again" if self.gone else "Overwrite with mine"  # says what it does
                    yield Button(mine, id="keep", variant="warning", compact=True)
                yield Button(confirm_label("Save mine as a copy"), id="copy", variant="primary", compact=True)
                yield Button(cancel_label("Keep editing"), id="cancel", compact=True)

    @on(Button.Pressed)
    def _choose(self, event: Button.Pressed) -> None:
        choice = event.button.id or ""
        if choice != "cancel" and self.typed_too_soon():  # Enter or space meant for the notes
            return
        self.dismiss("" if choice == "cancel" else choice)
