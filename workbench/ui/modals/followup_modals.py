"""Dialogs of the Follow-ups view: record the answer that closes a follow-up; assign one."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from workbench.analysis.followups import KIND_LABELS, FollowUp
from workbench.printable import quoted
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.form_modal import FormModal
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.people import PeopleSuggester, PersonInput
from workbench.ui.widgets.real_text import RealInput, RealTextArea
from workbench.ui.widgets.staying_list import StayingOptionList


def _heading(item: FollowUp) -> ComposeResult:
    yield Static(literal(f"{KIND_LABELS[item.kind]} · {item.person}", "bold"), classes="dialog-title")
    yield Static(literal(item.subject), classes="dialog-body")
    where = " · ".join(x for x in (item.area, f"session {item.session}" if item.session else "") if x)
    if where:
        yield Static(literal(where, "dim"))


class CloseFollowUpModal(FormModal[str]):
    """The answer learned from the follow-up; dismisses with the notes to record."""

    DEFAULT_CSS = """
    CloseFollowUpModal #followup-answer { height: 6; margin: 1 0; }
    """

    def __init__(self, item: FollowUp) -> None:
        super().__init__()
        self.item = item

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide", id="close-followup"):
            yield from _heading(self.item)
            yield Static(Text("The answer (recorded on the question, which is then answered):"))
            yield RealTextArea(self.item.note, id="followup-answer", compact=True)
            yield from self.form_buttons()

    def draft_heading(self) -> str:
        """Named so in the restore offer (its title is the person's name)."""
        return "Follow-up answer"

    def on_mount(self) -> None:
        area = self.query_one("#followup-answer", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one("#followup-answer", RealTextArea).entered())


class AssignFollowUpModal(FormModal[tuple[str, dt.date | None]]):
    """Whom to ask (or who does it) and by when; dismisses with (owner, due). The people the
    project knows are offered (typing completes them, → accepts); any other name can be typed."""

    DEFAULT_CSS = """
    AssignFollowUpModal #followup-people { height: auto; max-height: 4; }
    """

    def __init__(self, item: FollowUp, people: list[str]) -> None:
        super().__init__()
        self.item = item
        self.people = people

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide", id="assign-followup"):
            yield from _heading(self.item)
            yield Static(Text("Whom to ask, or who does it (a name below, or type any)"))
            yield PersonInput(
                self.item.owner,
                placeholder="name (role)",
                id="followup-owner",
                compact=True,
                suggester=PeopleSuggester(lambda: self.people),
            )
            if self.people:
                yield StayingOptionList(
                    *[Option(literal(one_line(p, 70)), id=str(i)) for i, p in enumerate(self.people)],
                    id="followup-people",
                    compact=True,
                )
            yield Static(Text("Due (YYYY-MM-DD; empty for no date)"))
            due = self.item.due.isoformat() if self.item.due else ""
            yield Input(due, placeholder="2026-12-31", id="followup-due", compact=True)
            yield Static(id="followup-error", classes="dialog-error")
            yield from self.form_buttons()

    def draft_heading(self) -> str:
        """Named so in the restore offer (its title is the person's name)."""
        return "Assign follow-up"

    @on(OptionList.OptionSelected, "#followup-people")
    def _person_chosen(self, event: OptionList.OptionSelected) -> None:
        owner = self.query_one("#followup-owner", Input)
        owner.value = self.people[int(event.option.id or 0)]
        self.query_one("#followup-due", Input).focus()

    def problem(self) -> tuple[str, Widget] | None:
        """A due date that is one, or none."""
        due = self.query_one("#followup-due", Input)
        text = due.value.strip()
        try:
            dt.date.fromisoformat(text) if text else None
        except ValueError:
            return f"{quoted(text)} is not a date; write it as YYYY-MM-DD, or leave it empty.", due
        return None

    def action_save(self) -> None:
        if self.cannot_save():
            return
        owner = self.query_one("#followup-owner", RealInput).entered()
        text = self.query_one("#followup-due", Input).value.strip()
        self.dismiss((owner, dt.date.fromisoformat(text) if text else None))
