"""A pain indicator heard: the quote word for word, who said it (their role), in which session."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, Select, Static

from workbench.model.project import Project
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.form_modal import FormModal
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.dropdown import Dropdown
from workbench.ui.widgets.people import PeopleSuggester, PersonInput
from workbench.ui.widgets.real_text import RealTextArea


@dataclass
class HeardDraft:
    """The fields of a heard record being added or edited."""

    quote: str = ""
    speaker_role: str = ""
    session: str = ""

    def changes(self) -> dict[str, str]:
        """Fields as keyword arguments for the edit."""
        return {"quote": self.quote, "speaker_role": self.speaker_role, "session": self.session}


def role_hint(roles: list[str], width: int) -> str:
    """The said-by field's placeholder in `width` characters: the session's roles that fit whole,
    then how many more there are (typing completes any of them); never a role cut off (at 120x36
    'role: Head of ML Platform, Senior ML Engineer, Data' ran out of room)."""
    roles = [one_line(role, width) for role in roles]
    hints = [
        "role: " + ", ".join(roles[:shown]) + (f", {len(roles) - shown} more" if shown < len(roles) else "")
        for shown in range(len(roles), 0, -1)
    ]
    hints += [f"role: {roles[0]}"] if roles else []  # the first alone, where the count does not fit
    return next((hint for hint in hints if len(hint) <= width), "their role")


class HeardModal(FormModal[HeardDraft]):
    """Dismisses with the draft (ctrl+s, or enter in the role), or None (escape)."""

    DEFAULT_CSS = """
    HeardModal #heard-quote { height: 4; margin-bottom: 1; }
    HeardModal .row { height: auto; }
    HeardModal #heard-role { width: 1fr; }
    HeardModal #heard-session { width: 24; }
    """

    def __init__(self, heading: str, indicator: str, draft: HeardDraft, project: Project) -> None:
        super().__init__()
        self.heading, self.indicator, self.draft, self.project = heading, indicator, draft, project
        self.known_roles: list[str] = []
        """The roles of the session's attendees, which the said-by field completes."""

    def compose(self) -> ComposeResult:
        session = self.project.session(self.draft.session)
        known = list(dict.fromkeys(a.role for a in session.attendees if a.role)) if session else []
        self.known_roles = known
        sessions = [(Text(s.id), s.id) for s in self.project.sessions]
        with Dialog(classes="dialog wide", id="heard-dialog"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            yield Static(literal(one_line(self.indicator, 160), "italic"), classes="dialog-body")
            yield RealTextArea(
                self.draft.quote,
                id="heard-quote",
                compact=True,
                soft_wrap=True,
                placeholder="what was said, word for word (optional)",
            )
            with Horizontal(classes="row"):
                yield Label("said by ")
                yield PersonInput(
                    self.draft.speaker_role,
                    id="heard-role",
                    placeholder=role_hint(known, 60),  # fitted to the field once it is laid out
                    compact=True,
                    suggester=PeopleSuggester(lambda: known),  # the roles it lists, completed
                )
                yield Label(" session ")
                yield Dropdown(
                    sessions, id="heard-session", value=self.draft.session, allow_blank=False, compact=True
                )
            yield Static(id="heard-error", classes="dialog-error")
            yield from self.form_buttons()

    def on_mount(self) -> None:
        quote = self.query_one("#heard-quote", RealTextArea)
        quote.focus()
        quote.move_cursor(quote.document.end)
        self.call_after_refresh(self._fit_role_hint)

    def on_resize(self, event: events.Resize) -> None:  # Textual runs DialogScreen's too
        self.call_after_refresh(self._fit_role_hint)

    def _fit_role_hint(self) -> None:
        role = self.query_one("#heard-role", PersonInput)
        if role.content_size.width > 0:
            role.placeholder = role_hint(self.known_roles, role.content_size.width - 1)

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Dismiss with the quote, role and session."""
        self.draft.quote = self.query_one("#heard-quote", RealTextArea).entered()
        self.draft.speaker_role = self.query_one("#heard-role", PersonInput).entered()
        self.draft.session = str(self.query_one("#heard-session", Select).value)
        self.dismiss(self.draft)
