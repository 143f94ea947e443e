"""A next step: what happens, who does it, by when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from workbench.edits import Edit
from workbench.edits.plan import EditNextStep
from workbench.model.catalogue import Catalogue
from workbench.model.records import NextStep
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.form_modal import FormModal
from workbench.ui.parsing import date_problem, parse_date
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.dropdown import Dropdown
from workbench.ui.widgets.real_text import RealInput

NOT_TIED = "Not tied to the framework"


@dataclass
class NextStepDraft:
    """The fields of a next step being added or edited."""

    text: str = ""
    owner: str = ""
    due: dt.date | None = None
    step: str = ""
    """The follow-up framework item it serves ('' for none), chosen in the dialog's dropdown."""


class NextStepModal(FormModal[NextStepDraft]):
    """Dismisses with the draft, or None when cancelled."""

    DEFAULT_CSS = """
    NextStepModal .row { height: auto; margin-bottom: 1; }
    NextStepModal #step-text, NextStepModal #step-owner { width: 1fr; }
    NextStepModal #step-due { width: 14; }
    """

    def __init__(
        self, heading: str, draft: NextStepDraft, serves: str = "", steps: list[tuple[str, str]] | None = None
    ) -> None:
        """With `steps` (framework item id, words), a dropdown under the words chooses the item
        the step serves (a new step: typing goes straight into its words)."""
        super().__init__()
        self.heading, self.draft, self.serves, self.steps = heading, draft, serves, steps

    def compose(self) -> ComposeResult:
        d = self.draft
        with Dialog(classes="dialog wide", id="next-step-dialog"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            if self.serves and self.steps is None:
                yield Static(literal(f"Serves: {self.serves}", "dim"), classes="dialog-body")
            with Horizontal(classes="row"):
                yield Label("what ")
                yield RealInput(d.text, id="step-text", placeholder="what happens next", compact=True)
            with Horizontal(classes="row"):
                yield Label("owner ")
                yield RealInput(d.owner, id="step-owner", placeholder="who does it", compact=True)
                yield Label("  due ")
                yield Input(d.due.isoformat() if d.due else "", id="step-due",
                            placeholder="YYYY-MM-DD", compact=True)
            if self.steps is not None:
                with Horizontal(classes="row"):
                    yield Label("serves ")
                    options = [(literal(words), item) for item, words in [("", NOT_TIED), *self.steps]]
                    yield Dropdown(options, id="step-serves", value=d.step, allow_blank=False, compact=True)
            yield Static(id="step-error", classes="dialog-error")
            yield from self.form_buttons()

    def on_input_submitted(self) -> None:
        self.action_save()

    def problem(self) -> tuple[str, Widget] | None:
        """Words for the step, and a date that is one (or none)."""
        text = self.query_one("#step-text", RealInput)
        if not text.entered():
            return "Say what happens next.", text
        due = self.query_one("#step-due", Input)
        if problem := date_problem(due.value, "due date"):
            return problem, due
        return None

    def action_save(self) -> None:
        """Check the words and the date, then dismiss with the draft."""
        if self.cannot_save():
            return
        text = self.query_one("#step-text", RealInput).entered()
        due = parse_date(self.query_one("#step-due", Input).value)
        owner = self.query_one("#step-owner", RealInput).entered()
        serves = self.query(Select)
        step = str(serves.first().value) if serves else self.draft.step
        self.dismiss(NextStepDraft(text, owner, due, step))


def framework_steps(catalogue: Catalogue, keep: str = "") -> list[tuple[str, str]]:
    """What a next step can serve, for the dialog's dropdown: the follow-up framework's items as
    (id, 'N. words'); `keep`, an item the step serves already that the framework no longer has,
    is listed too (as its id), so editing the step never drops it unseen."""
    steps = [(item.id, f"{step.step}. {item.text}") for step in catalogue.followup for item in step.items]
    if keep and keep not in dict(steps):
        steps.append((keep, keep))
    return steps


def edit_step(
    app: Any, step: NextStep, apply: Callable[[Edit], bool], reopen: tuple[str, str] | None = None
) -> None:
    """Open the step in its dialog (Plan's Next steps, the Follow-ups view), with the same fields
    as a new step's (what it serves too); what changed is applied as one edit by `apply`, which
    says whether it was. With `reopen` (a pane and its method taking the step's id), what is
    typed is journaled and the dialog opens again there."""

    def saved(draft: NextStepDraft | None) -> None:
        if draft is None:
            return
        values = {"text": draft.text, "owner": draft.owner, "due": draft.due, "step": draft.step}
        changed = {k: v for k, v in values.items() if getattr(step, k) != v}
        if changed and apply(EditNextStep(step.id, changed)):
            app.notify(f"Edited {step.id}: {one_line(draft.text, 50)}", markup=False, timeout=3)

    steps = framework_steps(app.workspace.catalogue, keep=step.step)
    draft = NextStepDraft(step.text, step.owner, step.due, step.step)
    modal = NextStepModal(f"Edit {step.id}", draft, steps=steps)
    if reopen is not None:
        modal.reopens(*reopen, step.id)
    app.push_screen(modal, saved)
