"""A yes/no question."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from workbench.ui.keys import key
from workbench.ui.modals.dialog import (
    Dialog,
    DialogButtons,
    DialogScreen,
    cancel_label,
    confirm_label,
    safe_label,
)
from workbench.ui.safe import literal


class ConfirmModal(DialogScreen[bool]):
    """Ask a question; dismiss with True for yes (ctrl+s), False for no (Esc). With `later`, a
    third button answers None, and Esc is that one: no then has no key, only its button (a 'no'
    that drops work for good, as the restore offer's Discard, must never be Esc). With `stay`, a
    last button (and Esc) closes the question unanswered, back to work with nothing changed;
    no and later then have no key (Esc closes a dialog, never the app).

    With `danger` (a letter) yes throws something away (Discard, Delete): ctrl+s, typed out of
    habit to save, must never answer that, so yes is on its own letter key, named on its button
    ('Discard (d)'), and ctrl+s answers no, as Esc does ('Keep editing (ctrl+s, Esc)')."""

    DEFAULT_CSS = """
    ConfirmModal .two-rows { layout: grid; grid-size: 2; grid-gutter: 0 1; }
    ConfirmModal .two-rows Button { width: 100%; margin-left: 0; }
    """
    """Four buttons (the quit dialog's Save it, Discard, Keep for next time, Stay) in two rows: one
    row of 80 columns cut the last to 'Sta'."""

    CANCELLED = False
    DANGER: str = ""
    """The letter that answers yes in a confirm whose yes throws something away ('' for none)."""

    def __init__(
        self,
        title: str,
        body: str,
        yes: str = "Yes",
        no: str = "No",
        later: str = "",
        danger: str = "",
        stay: str = "",
    ) -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.no, self.later = title, body, yes, no, later
        self.stay = stay
        if danger:  # (a dialog class whose every yes throws something away says it as DANGER)
            self.DANGER = danger

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            yield Static(literal(self.body), classes="dialog-body")
            with DialogButtons(classes="two-rows" if self.later and self.stay else ""):
                if self.DANGER:
                    yield Button(f"{self.yes} ({self.DANGER})", id="yes", variant="error", compact=True)
                    yield Button(safe_label(self.no), id="no", variant="primary", compact=True)
                    return
                yield Button(confirm_label(self.yes), id="yes", variant="primary", compact=True)
                if self.later or self.stay:
                    yield Button(self.no, id="no", compact=True)
                    if self.later:
                        later = self.later if self.stay else cancel_label(self.later)
                        yield Button(later, id="later", compact=True)
                    if self.stay:
                        yield Button(cancel_label(self.stay), id="stay", compact=True)
                else:
                    yield Button(cancel_label(self.no), id="no", compact=True)

    def binding_words(self, binding: Binding) -> str:
        """Esc answers no (or later, or stays): the footer says what that does, as its button
        does ('Stay', 'Keep', 'Decide later'), not 'Cancel'."""
        if binding.action == key("dialog-cancel").action:
            return self.stay or self.later or self.no
        if self.DANGER and binding.action == key("dialog-confirm").action:
            return self.no
        return super().binding_words(binding)

    def on_mount(self) -> None:
        """A destructive yes never has the keyboard: Enter or space typed on keeps."""
        if self.DANGER:
            self.query_one("#no", Button).focus()

    def on_key(self, event: events.Key) -> None:
        """A destructive yes's own letter presses it (never ctrl+s, which answers no)."""
        if self.DANGER and event.key == self.DANGER:
            event.stop()
            event.prevent_default()
            self.query_one("#yes", Button).press()

    def action_cancel(self) -> None:
        """Esc: stay when there is a stay, later when there is a later, else no."""
        if self.typed_too_soon():
            return
        if self.stay:
            self._stay()
        else:
            self.dismiss(None if self.later else False)

    @on(Button.Pressed, "#stay")
    def _stay(self) -> None:
        """Back to work: the question closes unanswered (its callback is not called)."""
        if not self.typed_too_soon() and self.is_current:
            self.app.pop_screen()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        if not self.typed_too_soon():
            self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        if not self.typed_too_soon():
            self.dismiss(False)

    @on(Button.Pressed, "#later")
    def _later(self) -> None:
        if not self.typed_too_soon():
            self.dismiss(None)


class RestoreOfferModal(ConfirmModal):
    """'Unsaved work was found': it opens while the project is still opening, under someone
    already typing, so like the file's dialogs it answers no key typed before it had been on
    screen `TYPING_GUARD_SECONDS` (Esc, Enter or a letter typed early never decides it)."""

    GUARDS_TYPING = True


class QuitModal(ConfirmModal):
    """'Quit with unsaved changes?': ctrl+q is often typed straight after ctrl+s or in the middle
    of typing, so like the file's dialogs it answers no key typed before it had been on screen
    `TYPING_GUARD_SECONDS` (ctrl+s typed just after ctrl+q never quits unseen). Quitting without
    saving is `danger="q"`: ctrl+s stays."""

    GUARDS_TYPING = True


class DiscardModal(ConfirmModal):
    """'Discard your changes?': it opens on Esc in the middle of typing (the proposal's text), and
    Enter, space or ctrl+s typed on would press Discard unseen; so like the quit dialog it answers
    no key typed before it had been on screen `TYPING_GUARD_SECONDS`. Discard is `d`; ctrl+s
    keeps editing."""

    GUARDS_TYPING = True
    DANGER = "d"


class ReplaceModal(ConfirmModal):
    """'Replace proposal.docx?': Replace is `r`, ctrl+s (typed again after the export's ctrl+s)
    and Esc keep the file; like the quit dialog it answers no key typed before it had been on
    screen `TYPING_GUARD_SECONDS`."""

    GUARDS_TYPING = True
    DANGER = "r"


class DeleteModal(ConfirmModal):
    """'Delete G-002?': Delete is `x`, ctrl+s and Esc keep it; like the quit dialog it answers no
    key typed before it had been on screen `TYPING_GUARD_SECONDS`."""

    GUARDS_TYPING = True
    DANGER = "x"


class NoticeModal(DialogScreen[None]):
    """Something to read after an action, too long for a passing notice: a scrollable body (the
    keyboard scrolls it) and OK (ctrl+s or Esc)."""

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text, self.body = title, body

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide", id="notice-dialog"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            with VerticalScroll(id="notice-body", can_focus=True):
                yield Static(literal(self.body), classes="dialog-body")
            with DialogButtons():
                yield Button(confirm_label("OK"), id="notice-ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#notice-body").focus()  # (DialogScreen's on_mount runs after this one)

    def binding_words(self, binding: Binding) -> str:
        """Esc closes the notice, as OK does: the footer says 'Close', not 'Cancel'."""
        if binding.action == key("dialog-cancel").action:
            return "Close"
        return super().binding_words(binding)

    @on(Button.Pressed, "#notice-ok")
    def _ok(self) -> None:
        self.dismiss(None)
