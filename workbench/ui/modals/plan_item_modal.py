"""Edit a pilot, deep-dive or milestone: title, objective, owner, weeks, metrics, criteria."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static, TextArea

from workbench.model.records import PlanItem
from workbench.ui.modals.form_modal import FormModal
from workbench.ui.safe import clean, literal


@dataclass
class PlanItemDraft:
    """Editable fields of a plan item."""

    title: str
    objective: str = ""
    owner: str = ""
    weeks: int = 4
    metrics: list[str] = field(default_factory=list)
    criteria: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, item: PlanItem) -> PlanItemDraft:
        """The draft of an existing item."""
        return cls(
            item.title, item.objective, item.owner, item.weeks, list(item.metrics), list(item.criteria)
        )


class PlanItemModal(FormModal[PlanItemDraft]):
    """Dismisses with the edited draft, or None."""

    def __init__(self, heading: str, draft: PlanItemDraft, metric_ids: set[str]) -> None:
        super().__init__()
        self.heading, self.draft, self.metric_ids = heading, draft, metric_ids

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            yield Input(clean(self.draft.title, False), id="item-title", placeholder="title", compact=True)
            yield Input(
                clean(self.draft.objective, False),
                id="item-objective",
                placeholder="objective: what it sets out to prove",
                compact=True,
            )
            with Horizontal(classes="row"):
                yield Input(
                    clean(self.draft.owner, False), id="item-owner", placeholder="owner", compact=True
                )
                yield Label(" weeks ")
                yield Input(
                    str(self.draft.weeks), id="item-weeks", type="integer", classes="num", compact=True
                )
            yield Input(
                ", ".join(self.draft.metrics),
                id="item-metrics",
                placeholder="success metrics it moves: M-001, M-003",
                compact=True,
            )
            yield Label("Evaluation criteria, one per line")
            yield TextArea(clean("\n".join(self.draft.criteria)), id="item-criteria", compact=True)
            yield Static(id="item-error", classes="dialog-error")
            yield from self.form_buttons()

    def action_save(self) -> None:
        """Validate and dismiss."""
        error = self.query_one("#item-error", Static)
        title = self.query_one("#item-title", Input).value.strip()
        if not title:
            error.update(literal("Give the item a title."))
            return
        weeks_text = self.query_one("#item-weeks", Input).value.strip() or "0"
        if not weeks_text.isdigit():
            error.update(literal("Weeks must be a whole number."))
            return
        metrics = [m.strip() for m in self.query_one("#item-metrics", Input).value.split(",") if m.strip()]
        unknown = [m for m in metrics if m not in self.metric_ids]
        if unknown:
            error.update(
                literal(f"Unknown metric(s): {', '.join(unknown)}. Define them in the Metrics tab first.")
            )
            return
        criteria = [
            c.strip() for c in self.query_one("#item-criteria", TextArea).text.splitlines() if c.strip()
        ]
        self.dismiss(
            PlanItemDraft(
                title,
                self.query_one("#item-objective", Input).value.strip(),
                self.query_one("#item-owner", Input).value.strip(),
                int(weeks_text),
                metrics,
                criteria,
            )
        )
