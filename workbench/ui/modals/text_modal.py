"""Ask for one line of text (a rationale, a title, …)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.safe import literal
from workbench.ui.widgets.real_text import RealInput


class TextModal(DialogScreen[str | None]):
    """Dismisses with the text typed (ctrl+s or Enter), or None (Esc). With `refusal`, a text it
    refuses keeps the dialog open, the text as typed and the one sentence saying why."""

    def __init__(
        self,
        title: str,
        value: str = "",
        placeholder: str = "",
        context: str = "",
        refusal: Callable[[str], str] | None = None,
        *,
        field_id: str,
    ) -> None:
        super().__init__()
        self.field_id = field_id
        """The field's id: its name in the footer comes from FIELD_NAMES."""
        self.heading, self.value, self.placeholder, self.context = title, value, placeholder, context
        self.refusal = refusal
        """Why a text cannot be used, in one sentence; empty when it can."""

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            if self.context:
                yield Static(literal(self.context, "dim"), classes="dialog-body")
            yield RealInput(self.value, placeholder=self.placeholder, id=self.field_id)
            refused = Static(id="text-refused", classes="dialog-error")
            refused.display = False  # until a text is refused
            yield refused
            with DialogButtons():
                yield Button(confirm_label("Save"), id="text-save", variant="primary", compact=True)
                yield Button(cancel_label(), id="text-cancel", compact=True)

    def problem(self) -> tuple[str, Widget] | None:
        """Why the text typed cannot be used (`refusal`), and the field; None when it can."""
        field = self.query_one(f"#{self.field_id}", RealInput)
        why = self.refusal(field.entered()) if self.refusal is not None else ""
        return (why, field) if why else None

    @on(Input.Submitted)
    @on(Button.Pressed, "#text-save")
    def _done(self) -> None:
        if self.cannot_save():  # said under the field, the keyboard there (DialogScreen.refuse)
            return
        self.dismiss(self.query_one(f"#{self.field_id}", RealInput).entered())

    @on(Button.Pressed, "#text-cancel")
    def _cancel(self) -> None:
        self.action_cancel()  # as Esc: the button says "Cancel (Esc)"
