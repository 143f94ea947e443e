"""Start a discovery session from a template (or blank), or switch to an existing one."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import Attendee
from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.parsing import number_problem, parse_date
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.dropdown import Dropdown


def session_problem(date: Input, minutes: Input) -> tuple[str, Widget] | None:
    """What is wrong with a session's date and time box fields, and which (the new session and
    session details dialogs): a date that is one or none, whole minutes or none (never the
    template's time box instead of words typed there)."""
    if parse_date(date.value) is None and date.value.strip():
        return "The date must look like 2026-11-24 (or be empty).", date
    label = "time box (minutes, or empty for the template's)"
    if problem := number_problem(minutes.value.strip(), label, whole=True, least=1, example="90"):
        return problem, minutes
    return None


@dataclass
class NewSession:
    """What the person asked for: a new session."""

    template: str
    date: dt.date | None
    attendees: list[Attendee]
    minutes: int | None


@dataclass
class EditSessionDetails:
    """What the person asked for: edit a session's details."""

    session_id: str


def parse_attendees(text: str) -> list[Attendee]:
    """`Dana (CFO), Luis (VP Digital)` → attendees with roles."""
    people = []
    for chunk in text.split(","):
        chunk = chunk.strip()
        if not chunk:
            continue
        name, _, role = chunk.partition("(")
        role = role.rstrip(")").strip()
        people.append(Attendee(name=name.strip(), **({"role": role} if role else {})))  # no empty key
    return people


class SessionModal(DialogScreen[NewSession | EditSessionDetails | str | None]):
    """Dismisses with a NewSession, an existing session id to switch to, a session to edit, or
    None."""

    def __init__(self, project: Project, catalogue: Catalogue, today: dt.date, current: str) -> None:
        super().__init__()
        self.project, self.catalogue, self.today, self.current = project, catalogue, today, current

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide"):
            yield Static(Text("Discovery sessions", style="bold"), classes="dialog-title")
            if self.project.sessions:
                yield Label("Switch to a session")
                options = []
                for session in self.project.sessions:
                    template = self.catalogue.templates.get(session.template)
                    label = Text(("▸ " if session.id == self.current else "  ") + session.id, style="bold")
                    label.append_text(literal(f"  {template.title if template else 'blank'}"))
                    if session.date:
                        label.append(f"  {session.date.isoformat()}", style="dim")
                    roles = ", ".join(one_line(a.role) for a in session.attendees if a.role)
                    if roles:
                        label.append_text(literal(f"  {one_line(roles, 40)}", "dim"))
                    options.append(Option(label, id=session.id))
                yield OptionList(*options, id="session-list")
                yield Button("Edit the highlighted session's details…", id="edit-session", compact=True)
            yield Label("Start a new session")
            templates = [
                (Text(f"{t.title} ({t.minutes_min}–{t.minutes_max} min)"), t.id)
                for t in self.catalogue.templates.values()
            ]
            yield Dropdown(
                [*templates, (Text("Blank session"), "")],
                compact=True,
                id="new-template",
                allow_blank=False,
                value=templates[0][1] if templates else "",
            )
            with Horizontal(classes="row form-row"):
                yield Label("date ")
                yield Input(
                    self.today.isoformat(),
                    id="new-date",
                    placeholder="YYYY-MM-DD",
                    classes="short",
                    compact=True,
                )
                yield Label("  time box ")
                yield Input(
                    id="new-minutes", placeholder="template's", classes="num", compact=True
                )
                yield Label(" minutes")
            with Horizontal(classes="row form-row"):
                yield Label("attendees ")
                yield Input(id="new-attendees", placeholder="Dana (CFO), Luis (VP Digital)", compact=True)
            yield Static(id="new-error", classes="dialog-error")
            with DialogButtons():
                yield Button(confirm_label("Start session"), id="start", variant="primary", compact=True)
                yield Button(cancel_label(), id="cancel", compact=True)

    def on_mount(self) -> None:
        """The highlight starts on the session in use; the arrows move it, Enter switches."""
        for sessions in self.query("#session-list").results(OptionList):
            with contextlib.suppress(OptionDoesNotExist):
                sessions.highlighted = sessions.get_option_index(self.current)
            sessions.focus()

    @on(OptionList.OptionSelected, "#session-list")
    def _switch(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    @on(Button.Pressed, "#edit-session")
    def _edit(self) -> None:
        listing = self.query_one("#session-list", OptionList)
        chosen = listing.highlighted
        session_id = listing.get_option_at_index(chosen).id if chosen is not None else self.current
        if session_id:
            self.dismiss(EditSessionDetails(session_id))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def problem(self) -> tuple[str, Widget] | None:
        """The date and time box (`session_problem`)."""
        return session_problem(self.query_one("#new-date", Input), self.query_one("#new-minutes", Input))

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#new-attendees")
    def _start(self) -> None:
        if self.cannot_save():
            return
        date = parse_date(self.query_one("#new-date", Input).value)
        minutes_text = self.query_one("#new-minutes", Input).value.strip()
        minutes = int(minutes_text.replace(",", "")) if minutes_text else None
        template = self.query_one("#new-template", Select).value
        attendees = parse_attendees(self.query_one("#new-attendees", Input).value)
        self.dismiss(NewSession(str(template) if template else "", date, attendees, minutes))
