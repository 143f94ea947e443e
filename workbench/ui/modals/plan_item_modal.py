"""Edit a pilot, deep-dive or milestone: title, objective, owner, weeks, metrics, criteria."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from workbench.model.records import PlanItem
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.form_modal import FormModal, labelled
from workbench.ui.parsing import number_problem
from workbench.ui.widgets.real_text import RealInput, RealTextArea

WIDTH = len("success metrics ")
"""The labels' column: the longest label and a space."""


@dataclass
class PlanItemDraft:
    """Editable fields of a plan item."""

    title: str
    objective: str = ""
    owner: str = ""
    weeks: int = 4
    metrics: list[str] = field(default_factory=list)
    criteria: list[str] = field(default_factory=list)

    def values(self) -> dict[str, object]:
        """The fields as an edit sets them."""
        fields = ("title", "objective", "owner", "weeks", "metrics", "criteria")
        return {name: getattr(self, name) for name in fields}

    @classmethod
    def of(cls, item: PlanItem) -> PlanItemDraft:
        """The draft of an existing item."""
        return cls(
            item.title, item.objective, item.owner, item.weeks, list(item.metrics), list(item.criteria)
        )


def unknown_metrics(unknown: list[str]) -> str:
    """Why metric ids typed cannot be linked, in one sentence."""
    if len(unknown) == 1:
        return f"There is no metric {unknown[0]}: define it in Plan › Metrics first, or take it out."
    listed = ", ".join(unknown)
    return f"There are no metrics {listed}: define them in Plan › Metrics first, or take them out."


class MetricIds(Suggester):
    """Completes the metric id being typed in a comma-separated list from the project's own ids
    (Right or End takes it): 'M-0' offers 'M-001', 'M-001, M' the next one not listed yet."""

    def __init__(self, ids: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.ids = ids

    async def get_suggestion(self, value: str) -> str | None:
        head, _, piece = value.rpartition(",")
        typed = piece.lstrip()
        if not typed:
            return None
        listed = {m.strip() for m in head.split(",")}
        for metric_id in self.ids:
            if metric_id.upper().startswith(typed.upper()) and metric_id not in listed:
                return value[: len(value) - len(typed)] + typed + metric_id[len(typed) :]
        return None


class PlanItemModal(FormModal[PlanItemDraft]):
    """Dismisses with the edited draft, or None."""

    def __init__(self, heading: str, draft: PlanItemDraft, metric_ids: set[str]) -> None:
        super().__init__()
        self.heading, self.draft, self.metric_ids = heading, draft, metric_ids

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            yield labelled("title", RealInput(self.draft.title, id="item-title", compact=True), width=WIDTH)
            objective = RealInput(
                self.draft.objective, id="item-objective", placeholder="what it sets out to prove",
                compact=True,
            )
            yield labelled("objective", objective, width=WIDTH)
            yield labelled(
                "owner",
                RealInput(self.draft.owner, id="item-owner", placeholder="who leads it", compact=True),
                Label(" weeks "),
                Input(str(self.draft.weeks), id="item-weeks", classes="num", compact=True),
                width=WIDTH,
            )
            ids = sorted(self.metric_ids)
            more = "…" if len(ids) > 3 else ""
            known = f"type ids: {', '.join(ids[:3])}{more}" if ids else "no metrics yet"
            metrics = Input(
                ", ".join(self.draft.metrics),
                id="item-metrics",
                placeholder=f"none linked ({known})",
                suggester=MetricIds(ids),
                compact=True,
            )
            # the name footer and F1 give it; the other labels as wide, their fields in one column
            yield labelled("success metrics", metrics, width=WIDTH)
            yield Label("Evaluation criteria, one per line")
            yield RealTextArea("\n".join(self.draft.criteria), id="item-criteria", compact=True)
            yield Static(id="item-error", classes="dialog-error")
            yield from self.form_buttons()

    def problem(self) -> tuple[str, Widget] | None:
        """A title, whole weeks, and metrics that exist."""
        title = self.query_one("#item-title", RealInput)
        if not title.entered().strip():
            return "Give the item a title.", title
        weeks = self.query_one("#item-weeks", Input)
        if problem := number_problem(weeks.value.strip() or "0", "weeks", whole=True, least=0):
            return problem, weeks
        field = self.query_one("#item-metrics", Input)
        unknown = [m for m in self._metrics() if m not in self.metric_ids]
        return (unknown_metrics(unknown), field) if unknown else None

    def _metrics(self) -> list[str]:
        return [m.strip() for m in self.query_one("#item-metrics", Input).value.split(",") if m.strip()]

    def action_save(self) -> None:
        """Validate and dismiss."""
        if self.cannot_save():
            return
        title = self.query_one("#item-title", RealInput).entered()
        weeks_text = self.query_one("#item-weeks", Input).value.strip() or "0"
        metrics = self._metrics()
        criteria_area = self.query_one("#item-criteria", RealTextArea)
        criteria = self.draft.criteria
        if criteria_area.edited:
            criteria = [c.strip() for c in criteria_area.real.split("\n") if c.strip()]
        self.dismiss(
            PlanItemDraft(
                title,
                self.query_one("#item-objective", RealInput).entered(),
                self.query_one("#item-owner", RealInput).entered(),
                int(weeks_text.replace(",", "")),
                metrics,
                criteria,
            )
        )
