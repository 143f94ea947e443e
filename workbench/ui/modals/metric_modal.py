"""Define a success metric: baseline, target, unit, how it is measured, owner, due date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from workbench.analysis.metrics import target_change
from workbench.model.bank import Question
from workbench.model.records import Metric
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.form_modal import FormModal, labelled
from workbench.ui.parsing import date_problem, number_problem, parse_date, parse_number
from workbench.ui.safe import literal
from workbench.ui.widgets.real_text import RealInput


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class MetricModal(FormModal[dict[str, Any]]):
    """Dismisses with the fields to set, or None."""

    def __init__(self, heading: str, metric: Metric, template: Question | None = None) -> None:
        super().__init__()
        self.heading, self.metric = heading, metric
        self.template_text = template.text if template else ""
        self.target_change = target_change(template)

    def compose(self) -> ComposeResult:
        m = self.metric
        with Dialog(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            if self.template_text:
                yield Static(literal(self.template_text, "italic"), classes="dialog-body")
            else:
                text = RealInput(m.text, id="metric-text", placeholder="the metric in words", compact=True)
                yield labelled("metric", text, width=12)
            baseline = Input(_text(m.baseline), id="metric-baseline", classes="num", compact=True)
            target = Input(_text(m.target), id="metric-target", classes="num", compact=True)
            unit = RealInput(m.unit, id="metric-unit", classes="num", compact=True)
            if self.target_change:  # "by X%": the unit is the baseline's, the target a % change
                yield labelled("baseline", baseline, Label(" unit "), unit, width=12)
                yield labelled("target", target, Label(f" {self.target_change}"), width=12)
            else:
                fields = (baseline, Label(" target "), target, Label(" unit "), unit)
                yield labelled("baseline", *fields, width=12)
            measured = RealInput(
                m.measured_by, id="metric-measured_by", placeholder="how it is measured", compact=True
            )
            yield labelled("measured by", measured, width=12)
            yield labelled(
                "owner",
                RealInput(m.owner, id="metric-owner", placeholder="who measures it", compact=True),
                Label(" due "),
                Input(_text(m.due), id="metric-due", placeholder="YYYY-MM-DD", classes="short", compact=True),
                width=12,
            )
            yield Static(id="metric-error", classes="dialog-error")
            yield from self.form_buttons()

    def problem(self) -> tuple[str, Widget] | None:
        """Numbers that are numbers (never one read out of words), a date that is one, and the
        metric's words when no question gives them."""
        for name in ("baseline", "target"):
            field = self.query_one(f"#metric-{name}", Input)
            if problem := number_problem(field.value, name):
                return problem, field
        due = self.query_one("#metric-due", Input)
        if problem := date_problem(due.value, "due date", example="2027-03-31"):
            return problem, due
        if not self.template_text:
            text = self.query_one("#metric-text", RealInput)
            if not text.entered().strip():
                return "Say what the metric is.", text
        return None

    def action_save(self) -> None:
        """Validate the numbers and the date, then dismiss with the fields."""
        if self.cannot_save():
            return
        fields: dict[str, Any] = {}
        for name in ("baseline", "target"):
            fields[name] = parse_number(self.query_one(f"#metric-{name}", Input).value)
        fields["due"] = parse_date(self.query_one("#metric-due", Input).value)
        for name in ("unit", "measured_by", "owner"):
            fields[name] = self.query_one(f"#metric-{name}", RealInput).entered()
        if not self.template_text:
            fields["text"] = self.query_one("#metric-text", RealInput).entered()
        self.dismiss(fields)
