"""Edit a session once it has started: its title, date, time box, attendees and notes."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from workbench.model.records import Attendee, Session
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.form_modal import FormModal
from workbench.ui.modals.session_modal import parse_attendees, session_problem
from workbench.ui.parsing import parse_date
from workbench.ui.safe import literal
from workbench.ui.widgets.real_text import RealInput, RealTextArea


def attendees_text(attendees: list[Attendee]) -> str:
    """Attendees as typed: `Dana (CFO), Luis (VP Digital)`."""
    return ", ".join(f"{a.name} ({a.role})" if a.role else a.name for a in attendees)


class SessionEditModal(FormModal[dict[str, Any]]):
    """Dismisses with the fields that changed (possibly none), or None when cancelled."""

    DEFAULT_CSS = """
    SessionEditModal .row { height: auto; margin-bottom: 1; }
    SessionEditModal .row Input { width: 1fr; }
    SessionEditModal #session-date, SessionEditModal #session-minutes { width: 12; }
    SessionEditModal #session-notes { height: 4; }
    """

    def __init__(self, session: Session, template_title: str) -> None:
        super().__init__()
        self.session, self.template_title = session, template_title

    def compose(self) -> ComposeResult:
        s = self.session
        with Dialog(classes="dialog wide", id="session-edit-dialog"):
            heading = Text(f"Session {s.id} · ", style="bold")
            heading.append_text(literal(self.template_title, "dim"))
            yield Static(heading, classes="dialog-title")
            with Horizontal(classes="row"):
                yield Label("title ")
                yield RealInput(s.title, id="session-title",
                                placeholder=self.template_title or "a name for the session", compact=True)
            with Horizontal(classes="row"):
                yield Label("date ")
                yield Input(s.date.isoformat() if s.date else "", id="session-date",
                            placeholder="YYYY-MM-DD", classes="short", compact=True)
                yield Label("  time box ")
                yield Input(str(s.minutes or ""), id="session-minutes", placeholder="template's",
                            classes="short", compact=True)
                yield Label(" minutes")
            with Horizontal(classes="row"):
                yield Label("attendees ")
                yield RealInput(attendees_text(s.attendees), id="session-attendees",
                                placeholder="Dana (CFO), Luis (VP Digital)", compact=True)
            yield Label("notes")
            yield RealTextArea(s.notes, id="session-notes", compact=True, soft_wrap=True,
                               placeholder="notes about the session: who could not come, what to prepare")
            yield Static(id="session-error", classes="dialog-error")
            yield from self.form_buttons()

    def on_mount(self) -> None:
        self.query_one("#session-attendees", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def problem(self) -> tuple[str, Widget] | None:
        """The date and time box (`session_problem`)."""
        fields = self.query_one("#session-date", Input), self.query_one("#session-minutes", Input)
        return session_problem(*fields)

    def action_save(self) -> None:
        """Check the date and time box, then dismiss with what changed."""
        if self.cannot_save():
            return
        date = parse_date(self.query_one("#session-date", Input).value)
        minutes_text = self.query_one("#session-minutes", Input).value.strip()
        s = self.session
        attendees = self.query_one("#session-attendees", RealInput)
        values: dict[str, Any] = {
            "title": self.query_one("#session-title", RealInput).entered(),
            "date": date,
            "minutes": int(minutes_text.replace(",", "")) if minutes_text else None,
            # untouched, the attendees stay the records read (typed text can't say every name)
            "attendees": parse_attendees(attendees.real) if attendees.edited else s.attendees,
            "notes": self.query_one("#session-notes", RealTextArea).entered(),
        }
        self.dismiss({name: value for name, value in values.items() if getattr(s, name) != value})
