"""Start a discovery session from a template (or blank), or switch to an existing one."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import Attendee
from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.parsing import date_problem, number_problem, parse_date
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.dropdown import Dropdown
from workbench.ui.widgets.key_footer import KeyFooter
from workbench.ui.widgets.staying_list import StayingOptionList

NEW_SESSION_PART = ("new-template", "new-date", "new-minutes", "new-attendees", "start")
"""The fields (and button) of 'Start a new session': with the keyboard in them ctrl+s starts one."""


def session_problem(date: Input, minutes: Input) -> tuple[str, Widget] | None:
    """What is wrong with a session's date and time box fields, and which (the new session and
    session details dialogs): a date that is one or none, whole minutes or none (never the
    template's time box instead of words typed there)."""
    if problem := date_problem(date.value, "date", example="2026-11-24"):
        return problem, date
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
                yield StayingOptionList(*options, id="session-list")
                yield Button("Edit the highlighted session's details…", id="edit-session", compact=True)
            yield Label("Start a new session", id="new-heading")
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
                if self.project.sessions:
                    yield Button(confirm_label("Switch"), id="switch", variant="primary", compact=True)
                yield Button("Start session", id="start", compact=True)
                yield Button(cancel_label(), id="cancel", compact=True)

    def on_mount(self) -> None:
        """The highlight starts on the session in use; the arrows move it, Enter (and ctrl+s)
        switches. Without sessions the keyboard starts in the new session's fields."""
        for sessions in self.query("#session-list").results(OptionList):
            with contextlib.suppress(OptionDoesNotExist):
                sessions.highlighted = sessions.get_option_index(self.current)
            sessions.focus()
        self._follow(starting=not self.project.sessions)

    _starting: bool = False
    """Whether ctrl+s starts a new session (the keyboard is in its fields) rather than switching
    to the highlighted one (#12 walkthrough: with ml-1 highlighted in the list, ctrl+s started
    a new session from fields below the fold at 80×24)."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The primary button (ctrl+s) follows the keyboard: into the new session's fields it is
        Start, and those fields scroll into sight whole; back in the list it is Switch. Cancel
        changes neither."""
        widget = event.widget
        if widget.id in NEW_SESSION_PART:
            self._follow(starting=True)
            self.call_after_refresh(self._new_part_in_sight)
        elif widget.id in ("session-list", "edit-session", "switch"):
            self._follow(starting=False)

    @on(OptionList.OptionHighlighted, "#session-list")
    def _highlighted(self) -> None:
        self._follow(starting=self._starting)

    def _highlighted_session(self) -> str:
        """The id of the session highlighted in the list ("" when none is)."""
        for listing in self.query("#session-list").results(OptionList):
            if listing.highlighted is not None:
                return listing.get_option_at_index(listing.highlighted).id or ""
        return ""

    def _follow(self, starting: bool) -> None:
        """Make Start or Switch the primary button, its label with ctrl+s; the footer says so."""
        self._starting = starting
        start = self.query_one("#start", Button)
        start.variant = "primary" if starting else "default"
        start.label = confirm_label("Start session") if starting else "Start session"
        for switch in self.query("#switch").results(Button):
            chosen = self._highlighted_session()
            stay = "Stay in" if chosen == self.current else "Switch to"
            words = f"{stay} {one_line(chosen, 20)}" if chosen else "Switch"
            switch.variant = "default" if starting else "primary"
            switch.label = words if starting else confirm_label(words)
            switch.disabled = not chosen
        for button in self.query(Button):
            button.refresh(layout=True)  # a longer label takes its width (Textual's label is no layout)
        for footer in self.query(KeyFooter):
            footer.refresh()

    def _new_part_in_sight(self) -> None:
        """The new session's heading, template, date, time box and attendees all show."""
        dialog = self.query_one(Dialog)
        parts = [self.query_one("#new-heading"), self.query_one("#new-attendees")]
        if all(part.region.area for part in parts):
            dialog.bring_region_into_view(parts[0].region.union(parts[1].region))

    @on(Button.Pressed, "#switch")
    def _switch_to_highlighted(self) -> None:
        chosen = self._highlighted_session()
        if chosen:
            self.dismiss(chosen)

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
        self.action_cancel()  # as Esc: the button says "Cancel (Esc)"

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
