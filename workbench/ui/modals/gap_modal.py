"""Edit (or raise) a gap: title, area, description, impact, complexity, status, owner."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from workbench.analysis.currency import project_currency
from workbench.analysis.evidence_words import evidence_choices, evidence_sentence
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.ui.modals.dialog import Dialog
from workbench.ui.modals.form_modal import FormModal, labelled
from workbench.ui.modals.pick_modal import PickModal
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.dropdown import Dropdown
from workbench.ui.widgets.real_text import RealInput, RealTextArea
from workbench.ui.widgets.staying_list import StayingOptionList

if TYPE_CHECKING:
    from workbench.store.journal import DialogDraft

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

    DEFAULT_CSS = """
    GapModal #gap-evidence-row { height: 1; }
    GapModal #gap-evidence-title { width: auto; margin-right: 2; }
    GapModal #gap-evidence-row Button { margin-right: 1; }
    """
    BINDINGS = [Binding("delete", "detach", "Detach", show=False)]

    def __init__(
        self,
        draft: GapDraft,
        catalogue: Catalogue,
        heading: str,
        project: Project,
        title_proposed: bool = False,
    ) -> None:
        super().__init__()
        self.draft, self.catalogue, self.heading = draft, catalogue, heading
        self.project = project
        """The evidence is listed in words, and added from, the project's records."""
        self.title_proposed = title_proposed
        """The title is the workbench's proposal (ctrl+g): it opens selected, so typing replaces it."""

    def compose(self) -> ComposeResult:
        areas = [(Text(one_line(a.title)), a.id) for a in self.catalogue.areas.values()]
        if self.draft.area and self.draft.area not in self.catalogue.areas:  # written by hand
            areas.append((literal(f"{one_line(self.draft.area)} (no bank has this area)"), self.draft.area))
        scale = [(Text(str(n)), n) for n in range(1, 6)]
        with Dialog(classes="dialog wide"):
            yield Static(Text(self.heading, style="bold"), classes="dialog-title")
            yield labelled("title", RealInput(self.draft.title, id="gap-title", compact=True))
            area = Dropdown(
                areas,
                id="gap-area",
                value=self.draft.area or Select.NULL,
                prompt="area",
                allow_blank=not self.draft.area,  # the blank row only while no area is chosen
                compact=True,
            )
            yield labelled("area", area)
            yield Label("description", classes="field-label")
            yield RealTextArea(
                self.draft.description,
                id="gap-description",
                compact=True,
                placeholder="the gap between the current state and the desired outcome",
            )
            with Horizontal(classes="row"):
                yield Label("impact")
                yield Dropdown(
                    scale, id="gap-impact", value=self.draft.impact, allow_blank=False, compact=True
                )
                yield Label("complexity")
                yield Dropdown(
                    scale, id="gap-complexity", value=self.draft.complexity, allow_blank=False, compact=True
                )
                yield Label("status")
                yield Dropdown(
                    [(Text(s), s) for s in STATUSES],
                    id="gap-status",
                    value=self.draft.status,
                    allow_blank=False,
                    compact=True,
                )
            owner = RealInput(self.draft.owner, id="gap-owner", placeholder="who owns it", compact=True)
            yield labelled("owner", owner)
            yield from self._evidence_section()
            yield Static(id="gap-error", classes="dialog-error")
            yield from self.form_buttons()

    def problem(self) -> tuple[str, Widget] | None:
        """A gap needs a title and an area (one saved without an area passed `workbench check`
        and left the proposal's Area cell empty: walkthrough 13)."""
        title = self.query_one("#gap-title", RealInput)
        if not title.entered().strip():
            return "A gap needs a title.", title
        area = self.query_one("#gap-area", Select)
        if area.value == Select.NULL or not str(area.value).strip():
            return "Choose the area this gap belongs to.", area
        return None

    def action_save(self) -> None:
        """Validate and dismiss with the draft."""
        if self.cannot_save():
            return
        title = self.query_one("#gap-title", RealInput).entered()
        area = self.query_one("#gap-area", Select).value
        self.draft.title = title
        self.draft.area = "" if area is Select.NULL else str(area)
        self.draft.description = self.query_one("#gap-description", RealTextArea).real
        self.draft.impact = int(str(self.query_one("#gap-impact", Select).value))
        self.draft.complexity = int(str(self.query_one("#gap-complexity", Select).value))
        self.draft.status = str(self.query_one("#gap-status", Select).value)
        self.draft.owner = self.query_one("#gap-owner", RealInput).entered()
        self.dismiss(self.draft)

    # --- evidence ----------------------------------------------------------------------------

    def _evidence_section(self) -> ComposeResult:
        with Horizontal(classes="row", id="gap-evidence-row"):
            yield Static(id="gap-evidence-title")
            yield Button("Add evidence…", id="gap-add-evidence", compact=True)
            yield Button("Detach (delete)", id="gap-detach", compact=True)
        yield StayingOptionList(id="gap-evidence", compact=True)

    def on_mount(self) -> None:
        self._fill_evidence()

    def fields_placed(self) -> None:
        """A proposed title is selected, so typing replaces it: at once, as the dialog mounts (a
        selection made after the next refresh lost the first key typed meanwhile on a busy
        machine: CI saved 'obody watches drift'). A restored draft's title was typed: kept."""
        if self.title_proposed and self.restoring is None:
            self.query_one("#gap-title", RealInput).select_all()

    def kept_lists(self) -> dict[str, list[str]]:
        """The evidence as added and detached so far (journaled with the draft)."""
        return {"gap-evidence": list(self.draft.evidence)}

    def fill_draft(self, draft: DialogDraft) -> None:
        """The evidence as it was when the dialog was left unsaved, with the draft's text."""
        if "gap-evidence" in draft.lists:
            self.draft.evidence = list(draft.lists["gap-evidence"])
            self._fill_evidence()
        super().fill_draft(draft)

    def _fill_evidence(self, highlight: int | None = None) -> None:
        listing = self.query_one("#gap-evidence", OptionList)
        currency = project_currency(self.project)  # money as the client counts it
        sentences = [
            evidence_sentence(self.project, self.catalogue, link, currency) for link in self.draft.evidence
        ]
        listing.set_options([Option(literal(one_line(text, 200))) for text in sentences])
        listing.display = bool(sentences)
        if sentences:
            listing.highlighted = min(highlight if highlight is not None else 0, len(sentences) - 1)
        count = len(sentences)
        title = Text(f"Evidence ({count})" if count else "No evidence yet", style="bold")
        self.query_one("#gap-evidence-title", Static).update(title)
        self.query_one("#gap-detach", Button).display = bool(sentences)

    @on(Button.Pressed, "#gap-add-evidence")
    def _add_evidence(self) -> None:
        choices = evidence_choices(
            self.project, self.catalogue, set(self.draft.evidence), project_currency(self.project)
        )
        if not choices:
            self.query_one("#gap-error", Static).update(
                literal("Nothing left to add: every answer, quote and metric is in this gap's evidence.")
            )
            return

        def chosen(link: str | None) -> None:
            if link:
                self.draft.evidence.append(link)
                self._fill_evidence(highlight=len(self.draft.evidence) - 1)
                self.draft_changed()

        options = [(choice.link, literal(one_line(choice.sentence, 200))) for choice in choices]
        words = "words of the answer, quote or metric, or its id"
        self.app.push_screen(PickModal("Add which answer, quote or metric?", options, words), chosen)

    @on(Button.Pressed, "#gap-detach")
    def action_detach(self) -> None:
        """Take the highlighted piece of evidence off the gap (saved with the dialog)."""
        listing = self.query_one("#gap-evidence", OptionList)
        if listing.highlighted is None or not self.draft.evidence:
            return
        if self.focused not in (listing, self.query_one("#gap-detach")):
            return
        index = listing.highlighted
        del self.draft.evidence[index]
        self._fill_evidence(highlight=index)
        self.draft_changed()
        # The keyboard stays with the evidence: on the neighbouring item, or on Add evidence once
        # none is left (the list and Detach hide, and Textual gave the description the keyboard).
        self.query_one("#gap-evidence" if self.draft.evidence else "#gap-add-evidence").focus()
