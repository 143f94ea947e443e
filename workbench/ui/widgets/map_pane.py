"""Map: each gap's suggested practices with reasons; accept, reject, explain; warnings, coverage."""

from __future__ import annotations

from collections.abc import Collection
from contextlib import suppress
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, ScrollableContainer, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option, OptionDoesNotExist

from workbench.analysis.currency import in_currency
from workbench.analysis.gaps import (
    QUADRANT_LABELS,
    QUADRANT_ORDER,
    QUADRANT_TITLES,
    gap_quadrant,
    ranked_gaps,
)
from workbench.analysis.mapping import (
    MappingWarning,
    PracticeSuggestion,
    coverage,
    mapping_warnings,
    suggest_practices,
)
from workbench.edits import Edit
from workbench.edits.editor import Changed
from workbench.edits.mappings import DecideMapping, MapByHand, Undecide, WriteRationale
from workbench.edits.reads import Reads, touched_records
from workbench.edits.words import quoted
from workbench.model.evidence import Cited, cited_answers
from workbench.model.records import CLOSED_STATUSES, MappingStatus
from workbench.ui.keys import bindings, for_action, for_key
from workbench.ui.modals.practice_pick_modal import PracticePickModal
from workbench.ui.modals.text_modal import TextModal
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.pane import Pane
from workbench.ui.widgets.staying_list import StayingOptionList
from workbench.ui.workspace import Workspace

MAX_UNDECIDED = 12
"""Undecided practices listed per gap, best first; decided ones are always listed."""
GAP_LIST = Reads(frozenset({"gaps"}))
"""The gaps alone: where the questions cited as evidence come from."""
DECISION_MARKS = {"accepted": ("✓", "green"), "rejected": ("✗", "red"), "": (" ", "")}
ON_A_PRACTICE = frozenset({"decide", "undecide", "rationale"})
"""Keys that act on the highlighted practice: only from the practice list and its detail."""
PRACTICE_NEEDED = "Press Tab to go to Practices: a, r, x and w act on the practice highlighted there."
"""What those keys say from the gap list, where they have no practice to act on."""


class MapPane(Horizontal, Pane):
    """Follow-up step 2: reference specific practices for each gap."""

    BINDINGS = bindings("map")
    PARTS: ClassVar[dict[str, Reads]] = {
        "all": Reads(frozenset({"gaps", "mappings", "pilots", "heard", "metrics", "sessions"}))
    }
    """Answers reach the pane through the gaps' evidence (see `hear`)."""

    def __init__(self, workspace: Workspace, id: str | None = None) -> None:
        super().__init__(workspace, id=id)
        self.gap_id = ""
        self._cited: Cited | None = None
        self.suggestions: list[PracticeSuggestion] = []
        """The practices listed for the gap, in order."""

    def compose(self) -> ComposeResult:
        yield StayingOptionList(id="map-gaps")
        with Vertical(id="map-side"):
            yield Static(id="map-heading")
            with TabbedContent(initial="map-practices", id="map-tabs"):
                with TabPane("Practices", id="map-practices"):
                    yield StayingOptionList(id="map-suggestions")
                    with ScrollableContainer(id="map-detail-scroll"):
                        yield Static(id="map-detail")
                        yield Static(id="map-pattern")  # unwrapped: code scrolls sideways
                with TabPane("Warnings", id="map-warnings"), VerticalScroll(id="map-warning-scroll"):
                    yield Static(id="map-warning-text")
                with TabPane("Coverage", id="map-coverage"), VerticalScroll(id="map-coverage-scroll"):
                    yield Static(id="map-coverage-text")

    def default_focus(self) -> Widget:
        """Where the keyboard goes on arrival: the gap list."""
        return self.query_one("#map-gaps", OptionList)

    def select(self, record_id: str) -> None:
        """Show a gap (one just raised, say) with its practices."""
        self.gap_id = record_id
        self.refresh_pane()

    def show_gap(self, gap_id: str) -> None:
        """List the practices for a gap."""
        self.gap_id = gap_id
        self._fill_suggestions()

    # --- refreshing -----------------------------------------------------------------------------

    def hear(self, changed: Changed) -> None:
        """Answers reach the pane only through the gaps' evidence (their notes are the client's
        words a practice is matched against): an answer no gap cites changes nothing here, nor
        one in another session than the one a gap cites."""
        if GAP_LIST.reached(changed):
            self._cited = None
        if "all" in self.stale_parts:
            return
        answers = touched_records(changed, "answers")
        keys = [key for key in answers or () if isinstance(key, tuple)]
        if answers is None or any(self._cited_answers().cites(key[0], key[1]) for key in keys):
            self.stale_parts.add("all")
        else:
            super().hear(changed)

    def _cited_answers(self) -> Cited:
        """The answers some gap cites as evidence (kept until the gaps change)."""
        if self._cited is None:
            self._cited = cited_answers(link for gap in self.workspace.project.gaps for link in gap.evidence)
        return self._cited

    def refresh_pane(self, parts: Collection[str] | None = None) -> None:
        """Rebuild the lists from the project (the pane recomputes as one part)."""
        self.parts_to_refresh(parts)
        project = self.workspace.project
        shown_gap = self.gap_id
        current = self._current()
        if self.gap_id and project.gap(self.gap_id) is None:
            self.gap_id = ""
        gaps_list = self.query_one("#map-gaps", OptionList)
        warnings = mapping_warnings(project, self.workspace.catalogue)
        gaps_list.set_options(self._gap_options(warnings))  # one update, not one per option
        if not self.gap_id and project.gaps:
            self.gap_id = project.gaps[0].id
        if self.gap_id:
            with suppress(OptionDoesNotExist):
                gaps_list.highlighted = gaps_list.get_option_index(self.gap_id)
        keep = current.practice.id if current is not None and self.gap_id == shown_gap else ""
        self._fill_suggestions(keep)
        self._fill_warnings(warnings)
        self._fill_coverage()

    def _gap_options(self, warnings: list[MappingWarning]) -> list[Option]:
        """The gaps by response class, each with its accepted practices and a mark if warned."""
        project = self.workspace.project
        warned = {w.gap for w in warnings}
        accepted = {gap: len(practices) for gap, practices in project.accepted_by_gap().items()}
        options: list[Option] = []
        by_priority = [gap for gap, _ in ranked_gaps(project)]  # the Gaps pane's and the proposal's order
        still_open = [g for g in by_priority if g.status not in CLOSED_STATUSES]
        groups = [
            (QUADRANT_TITLES[quadrant], [g for g in still_open if gap_quadrant(project, g) == quadrant])
            for quadrant in QUADRANT_ORDER
        ]
        groups = [(t, members) for i, (t, members) in enumerate(groups) if members or i < 2]
        done_with = [g for g in by_priority if g.status in CLOSED_STATUSES]
        if done_with:  # off the open lists, still there to look at
            groups.append(("Closed or won't fix", done_with))
        for group, members in groups:
            options.append(Option(Text(f"{group} ({len(members)})", style="bold underline"), disabled=True))
            for gap in members:
                done = gap.status in CLOSED_STATUSES  # done with: listed last, dim
                label = Text(f"{gap.id} ", style="dim bold" if done else "bold")
                label.append_text(literal(one_line(gap.title, 60), "dim" if done else ""))
                count = accepted.get(gap.id, 0)
                label.append(f"  {count}✓", style="green" if count and not done else "dim")
                if gap.id in warned:
                    label.append(" ⚠", style="yellow")
                options.append(Option(label, id=gap.id))
        if not project.gaps:
            options.append(
                Option(Text("No gaps yet: raise them in the Gaps pane (F3).", style="dim"), disabled=True)
            )
        return options

    def _fill_suggestions(self, keep: str = "") -> None:
        """List the gap's practices, with the cursor on practice `keep` (wherever a re-sort put
        it), else on the first."""
        ws = self.workspace
        heading = self.query_one("#map-heading", Static)
        options = self.query_one("#map-suggestions", OptionList)
        options.clear_options()
        gap = ws.project.gap(self.gap_id) if self.gap_id else None
        if gap is None:
            heading.update(Text("Select a gap.", style="dim"))
            self.suggestions = []
            self.query_one("#map-detail", Static).update("")
            return
        title = Text(f"{gap.id} ", style="bold")
        title.append_text(literal(gap.title, "bold"))
        quadrant = QUADRANT_LABELS[gap_quadrant(ws.project, gap)]
        title.append(f"  · {quadrant} · impact {gap.impact}, complexity {gap.complexity}", style="dim")
        heading.update(title)
        ranked = suggest_practices(ws.project, ws.catalogue, gap)
        undecided = [s for s in ranked if not s.decision][:MAX_UNDECIDED]
        self.suggestions = [s for s in ranked if s.decision or s in undecided]
        items: list[Option] = []
        for suggestion in self.suggestions:
            mark, style = DECISION_MARKS[suggestion.decision]
            label = Text(f"{mark} ", style=f"bold {style}")
            label.append(f"{suggestion.score:>3.1f} ", style="dim")
            label.append_text(literal(suggestion.practice.title, "bold"))
            guide = ws.catalogue.guides.get(suggestion.practice.guide)
            reasons = one_line("; ".join(suggestion.reasons), 200)
            # one line, cut with …, its effort first: the detail below gives every reason
            effort = f"      [{suggestion.practice.effort}] "
            why = Text(effort, style="dim", no_wrap=True, overflow="ellipsis")
            why.append_text(literal(f"{guide.title if guide else ''}: {reasons}", "italic dim"))
            items.append(Option(Group(label, why), id=suggestion.practice.id))
        options.set_options(items)
        if options.option_count:
            ids = [s.practice.id for s in self.suggestions]
            options.highlighted = ids.index(keep) if keep in ids else 0
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#map-detail", Static)
        suggestion = self._current()
        if suggestion is None:
            self.query_one("#map-pattern", Static).update("")
            detail.update(
                Text("No practice scores for this gap yet: add words to its description.", style="dim")
            )
            return
        practice = suggestion.practice
        currency = self.workspace.currency()  # the guide's amounts as the client counts money
        text = literal(practice.title, "bold")
        text.append_text(literal("\n" + in_currency(practice.summary, currency)))
        if practice.prerequisites:
            named = [self.workspace.catalogue.practice_name(p) for p in practice.prerequisites]
            text.append_text(literal("\nPrerequisites: " + "; ".join(named), "dim"))
        if suggestion.reasons:
            text.append(f"\n\nWhy for {self.gap_id} (score {suggestion.score:.1f})", style="bold")
            for reason in suggestion.reasons:
                text.append_text(literal(f"\n• {reason}"))
        mapping = self.workspace.project.mapping(self.gap_id, practice.id)
        if mapping is not None and mapping.rationale:
            text.append_text(literal("\nRationale: " + mapping.rationale, "italic"))
        if practice.example:
            text.append("\n\nHow to start\n", style="bold")
            text.append_text(literal(in_currency(practice.example, currency)))
        pattern = Text()
        if practice.pattern:
            text.append(f"\n\nPattern ({practice.pattern_language or 'text'})", style="bold")
            pattern = literal(in_currency(practice.pattern.strip("\n"), currency), "green")
            pattern.no_wrap = True
        detail.update(text)
        self.query_one("#map-pattern", Static).update(pattern)
        self.query_one("#map-detail-scroll", ScrollableContainer).scroll_home(animate=False)

    def _fill_warnings(self, warnings: list) -> None:  # type: ignore[type-arg]
        text = Text()
        for warning in warnings:
            text.append("⚠ ", style="yellow")
            text.append(f"{warning.gap}: ", style="bold")
            text.append_text(literal(warning.message + "\n"))
        if not warnings:
            text.append(
                "No warnings: every gap has a practice and every prerequisite is covered.", style="green"
            )
        self.query_one("#map-warning-text", Static).update(text)
        self.query_one("#map-tabs", TabbedContent).get_tab("map-warnings").label = Text(
            f"Warnings {len(warnings)}"
        )

    def _fill_coverage(self) -> None:
        catalogue = self.workspace.catalogue
        text = Text()
        for row in coverage(self.workspace.project, catalogue):
            text.append_text(literal(row.title, "bold"))
            text.append(f"  {len(row.used)}/{row.total} practices\n", style="dim")
            for practice_id in row.used:
                practice = catalogue.practices[practice_id]
                text.append_text(literal(f"  ✓ {practice.title}\n"))
        self.query_one("#map-coverage-text", Static).update(text)

    # --- selection and decisions -------------------------------------------------------------------

    def _acted_on(self) -> PracticeSuggestion | None:
        """The practice a key acts on: the one highlighted in the practice list, only while that
        list or the practice's detail has the keyboard (from the gap list a key would act on a
        practice out of sight)."""
        if self.screen.focused not in self._practice_places():
            return None
        return self._current()

    def _practice_places(self) -> tuple[Widget, ...]:
        """The practice list and the highlighted practice's detail."""
        return (
            self.query_one("#map-suggestions", OptionList),
            self.query_one("#map-detail-scroll", ScrollableContainer),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """a, r, x and w act (and the footer offers them) on the practice list and its detail
        only; p there and on the gap list too. None is offered under Warnings or Coverage (no
        gap or practice is shown there)."""
        if for_action("map", action) is None:
            return True
        places = self._practice_places()
        if action not in ON_A_PRACTICE:
            places = (*places, self.query_one("#map-gaps", OptionList))
        return self.screen.focused in places

    def on_key(self, event: events.Key) -> None:
        """a, r, x or w pressed on the gap list says, in one line, where they act."""
        entry = for_key("map", event.key)
        gaps = self.query_one("#map-gaps", OptionList)
        if entry is not None and entry.action.split("(")[0] in ON_A_PRACTICE and self.screen.focused is gaps:
            event.stop()
            event.prevent_default()
            self.app.notify(PRACTICE_NEEDED, timeout=4)

    def _current(self) -> PracticeSuggestion | None:
        """The practice highlighted in the practice list."""
        options = self.query_one("#map-suggestions", OptionList)
        if options.highlighted is None or not self.suggestions:
            return None
        return self.suggestions[min(options.highlighted, len(self.suggestions) - 1)]

    @on(OptionList.OptionHighlighted, "#map-gaps")
    def _gap_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.gap_id:
            self.gap_id = event.option.id
            self._fill_suggestions()

    @on(OptionList.OptionSelected, "#map-gaps")
    def _gap_selected(self) -> None:
        self.query_one("#map-suggestions", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#map-suggestions")
    def _practice_highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#map-suggestions")
    def _practice_selected(self) -> None:
        """Enter reads the practice: the keyboard goes to its detail (arrows scroll it). It
        changes nothing: a, r, x and w do, there too."""
        if self._current() is not None:
            self.query_one("#map-detail-scroll", ScrollableContainer).focus()

    def _decide(self, edit: Edit, done: str, unchanged: str = "") -> None:
        """Make an edit and show it, keeping the gap and the practice acted on highlighted (the
        list may re-sort: a prerequisite gains or loses its place), and say what was done (or,
        when it was so already, `unchanged`)."""
        if self.apply(edit):
            self.refresh_pane()
            self.app.notify(done, markup=False, timeout=3)
        elif unchanged:
            self.app.notify(unchanged, markup=False, timeout=3)

    def action_decide(self, status: MappingStatus) -> None:
        """Accept or reject the highlighted practice for the gap."""
        suggestion = self._acted_on()
        if suggestion is not None:
            practice = suggestion.practice
            verb = "Accepted" if status == "accepted" else "Rejected"
            done = f"{verb} {quoted(practice.title)} for {self.gap_id}."
            unchanged = f"{quoted(practice.title)} is already {status} for {self.gap_id}."
            self._decide(DecideMapping(self.gap_id, practice.id, status, practice.title), done, unchanged)

    def action_undecide(self) -> None:
        """Forget the decision on the highlighted practice."""
        suggestion = self._acted_on()
        if suggestion is not None:
            practice = suggestion.practice
            done = f"Forgot the decision on {quoted(practice.title)} for {self.gap_id}."
            unchanged = f"{quoted(practice.title)} has no decision for {self.gap_id} to forget."
            self._decide(Undecide(self.gap_id, practice.id, practice.title), done, unchanged)

    def action_rationale(self) -> None:
        """Write why the practice fits (accepting it if it was undecided)."""
        suggestion = self._acted_on()
        if suggestion is not None:
            self.write_rationale(self.gap_id, suggestion.practice.id)

    def write_rationale(self, gap_id: str, practice_id: str) -> None:
        """Open the rationale dialog for a practice suggested for a gap (after a crash too: what
        was typed in it is journaled); nothing opens when the practice is no longer listed."""
        if self.gap_id != gap_id:
            self.select(gap_id)
        suggestion = next((s for s in self.suggestions if s.practice.id == practice_id), None)
        if suggestion is None or self.gap_id != gap_id:
            return
        practice = suggestion.practice
        mapping = self.workspace.project.mapping(gap_id, practice.id)

        def saved(text: str | None) -> None:
            if text is not None:
                done = f"Rationale saved on {gap_id} for {quoted(practice.title)}."
                self._decide(WriteRationale(gap_id, practice.id, text, practice.title), done)

        dialog = TextModal(
            f"Rationale: {gap_id} → {practice.title}",
            mapping.rationale if mapping else "",
            "why this practice answers this gap",
            "; ".join(suggestion.reasons),
            field_id="rationale",
        )
        self.app.push_screen(dialog.reopens("map", "write_rationale", gap_id, practice.id), saved)

    def action_pick_practice(self) -> None:
        """Map any practice of the guides to the selected gap, chosen by hand, with a rationale."""
        gap = self.workspace.project.gap(self.gap_id) if self.gap_id else None
        if gap is None:
            self.app.notify("Select a gap first: the list on the left.", timeout=3)
            return
        gap_id = gap.id
        mappings = self.workspace.project.mappings
        decided: dict[str, str] = {m.practice: m.status for m in mappings if m.gap == gap_id}

        def chosen(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            practice_id, rationale = result
            practice = self.workspace.catalogue.practices[practice_id]
            self.gap_id = gap_id
            done = f"Mapped {quoted(practice.title)} to {gap_id} by hand."
            if self.apply(MapByHand(gap_id, practice_id, rationale, practice.title)):
                self.refresh_pane()
                self._highlight_practice(practice_id)
                self.app.notify(done, markup=False, timeout=3)

        self.app.push_screen(PracticePickModal(gap_id, gap.title, self.workspace.catalogue, decided), chosen)

    def _highlight_practice(self, practice_id: str) -> None:
        ids = [s.practice.id for s in self.suggestions]
        if practice_id in ids:
            self.query_one("#map-suggestions", OptionList).highlighted = ids.index(practice_id)
