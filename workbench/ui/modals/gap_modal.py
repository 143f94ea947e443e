"""Edit (or raise) a gap: title, area, description, impact, complexity, status, owner."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Select, Static

from workbench.model.catalogue import Catalogue
from workbench.ui.modals.form_modal import FormModal
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.real_text import RealInput, RealTextArea

STATUSES = ["open", "accepted", "in-progress", "closed", "wont-fix"]


@dataclass
class GapDraft:
    """The fields of a gap being raised or edited."""

    title: str = ""
    area: str = ""
    description: str = ""
    impact: int = 3
    complexity: int = 3
    status: str = "open"
    owner: str = ""
    evidence: list[str] = field(default_factory=list)

    def changes(self) -> dict[str, Any]:
        """Fields as keyword arguments for the domain."""
        return {
            "title": self.title,
            "area": self.area,
            "description": self.description,
            "impact": self.impact,
            "complexity": self.complexity,
            "status": self.status,
            "owner": self.owner,
        }


class GapModal(FormModal[GapDraft]):
    """Dismisses with the edited draft, or None when cancelled."""

    def __init__(self, draft: GapDraft, catalogue: Catalogue, heading: str) -> None:
        super().__init__()
        self.draft, self.catalogue, self.heading = draft, catalogue, heading

    def compose(self) -> ComposeResult:
        areas = [(Text(one_line(a.title)), a.id) for a in self.catalogue.areas.values()]
        scale = [(Text(str(n)), n) for n in range(1, 6)]
        with Vertical(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            yield RealInput(self.draft.title, id="gap-title", placeholder="title", compact=True)
            yield Select(
                areas, id="gap-area", value=self.draft.area or Select.NULL, prompt="area", compact=True
            )
            yield RealTextArea(
                self.draft.description,
                id="gap-description",
                compact=True,
                placeholder="the gap between the current state and the desired outcome",
            )
            with Horizontal(classes="row"):
                yield Label("impact")
                yield Select(scale, id="gap-impact", value=self.draft.impact, allow_blank=False, compact=True)
                yield Label("complexity")
                yield Select(
                    scale, id="gap-complexity", value=self.draft.complexity, allow_blank=False, compact=True
                )
                yield Label("status")
                yield Select(
                    [(Text(s), s) for s in STATUSES],
                    id="gap-status",
                    value=self.draft.status,
                    allow_blank=False,
                    compact=True,
                )
            yield RealInput(self.draft.owner, id="gap-owner", placeholder="owner", compact=True)
            if self.draft.evidence:
                yield Static(literal("Evidence: " + ", ".join(self.draft.evidence), "dim"))
            yield Static(id="gap-error", classes="dialog-error")
            yield from self.form_buttons()

    def action_save(self) -> None:
        """Validate and dismiss with the draft."""
        title = self.query_one("#gap-title", RealInput).entered()
        if not title.strip():
            self.query_one("#gap-error", Static).update(literal("A gap needs a title."))
            return
        area = self.query_one("#gap-area", Select).value
        self.draft.title = title
        self.draft.area = "" if area is Select.NULL else str(area)
        self.draft.description = self.query_one("#gap-description", RealTextArea).real
        self.draft.impact = int(str(self.query_one("#gap-impact", Select).value))
        self.draft.complexity = int(str(self.query_one("#gap-complexity", Select).value))
        self.draft.status = str(self.query_one("#gap-status", Select).value)
        self.draft.owner = self.query_one("#gap-owner", RealInput).entered()
        self.dismiss(self.draft)
