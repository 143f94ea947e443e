"""Define a success metric: baseline, target, unit, how it is measured, owner, due date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from workbench.model.records import Metric
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.form_modal import FormModal, labelled
from workbench.ui.parsing import number_problem, parse_date, parse_number
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

    def __init__(self, heading: str, metric: Metric, template_text: str = "") -> None:
        super().__init__()
        self.heading, self.metric, self.template_text = heading, metric, template_text

    def compose(self) -> ComposeResult:
        m = self.metric
        with Dialog(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            if self.template_text:
                yield Static(literal(self.template_text, "italic"), classes="dialog-body")
            else:
                text = RealInput(m.text, id="metric-text", placeholder="the metric in words", compact=True)
                yield labelled("metric", text, width=12)
            yield labelled(
                "baseline",
                Input(_text(m.baseline), id="metric-baseline", classes="num", compact=True),
                Label(" target "),
                Input(_text(m.target), id="metric-target", classes="num", compact=True),
                Label(" unit "),
                RealInput(m.unit, id="metric-unit", classes="num", compact=True),
                width=12,
            )
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

    def action_save(self) -> None:
        """Validate the numbers and the date, then dismiss with the fields."""
        error = self.query_one("#metric-error", Static)
        fields: dict[str, Any] = {}
        for name in ("baseline", "target"):
            raw = self.query_one(f"#metric-{name}", Input).value
            if problem := number_problem(raw, name):  # never a number read out of words
                error.update(literal(problem))
                return
            fields[name] = parse_number(raw)
        raw_due = self.query_one("#metric-due", Input).value
        due = parse_date(raw_due)
        if due is None and raw_due.strip():
            error.update(literal("The due date must look like 2027-03-31."))
            return
        fields["due"] = due
        for name in ("unit", "measured_by", "owner"):
            fields[name] = self.query_one(f"#metric-{name}", RealInput).entered()
        if not self.template_text:
            text = self.query_one("#metric-text", RealInput).entered()
            if not text.strip():
                error.update(literal("Say what the metric is."))
                return
            fields["text"] = text
        self.dismiss(fields)
