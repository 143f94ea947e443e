"""Gaps: the impact × complexity matrix, ranked gaps, suggestions, evidence and maturity."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Select, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from workbench.analysis.gaps import (
    QUADRANT_LABELS,
    EvidenceItem,
    Suggestion,
    evidence_trail,
    gap_quadrant,
    gap_table,
    is_closed,
    matrix_cells,
    note_reaches_suggestions,
    suggestions,
)
from workbench.analysis.maturity import area_maturity, disagreements, unverified_high_scores
from workbench.analysis.milestones import NOW, compare, in_date_order, snapshot
from workbench.edits import Edit
from workbench.edits.editor import Changed
from workbench.edits.gaps import (
    DeleteGap,
    Dismiss,
    EditGap,
    MergeGaps,
    MoveGap,
    RaiseGap,
    Undismiss,
    delete_gap_consequences,
)
from workbench.edits.reads import EVERYTHING, Reads, fields_only
from workbench.model.evidence import Cited, cited_answers
from workbench.model.milestones import Milestone
from workbench.ui.keys import bindings, for_action, for_key
from workbench.ui.messages import RaiseGapFrom, ShowQuestion
from workbench.ui.modals.gap_modal import GapDraft, GapModal
from workbench.ui.modals.pick_modal import GAP_WORDS, PickModal
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.matrix import CLOSED_STYLE, QUADRANT_STYLES, SHORT_TITLES, Matrix
from workbench.ui.widgets.maturity_chart import alignment_text, change_chart, maturity_chart, unverified_text
from workbench.ui.widgets.pane import Pane
from workbench.ui.widgets.row_table import RowTable
from workbench.ui.widgets.staying_list import StayingOptionList, highlight_first
from workbench.ui.workspace import Workspace

RANKED_COLUMNS = ("gap", "title", "quadrant", "I", "C", "prio")
STATUS_WORDS = {"closed": "Closed", "wont-fix": "Won't fix"}
"""What the quadrant column says for a gap that is done with."""
NARROW_SIDE = 60
"""Below this side width (80 columns) the ranked table's quadrant is one letter in its colour
(the matrix's legend names the colours), so the title keeps the room."""
WIDE_SIDE = 90
"""Below this side width (120 columns) the ranked table has no rank column (the order is the
rank) and the quadrant's short word, so the title keeps the room."""
MATRIX_MOST = 84
"""The widest the matrix usefully grows (cells of two ids a line) once the titles are whole."""
MATRIX_PADDING = 1
"""The column right of the grid that keeps it off the side's tabs (workbench.tcss)."""
SIDE_LEAST = 40
"""The side's narrowest (workbench.tcss): a matrix needing more counts the ids it can't show."""
QUADRANT_LETTERS = {name: label[0] for name, label in QUADRANT_LABELS.items()}
"""The quadrant in one letter (Q, S, F, D), shown on its matrix colour in a narrow table."""
RANKING_READS = Reads(frozenset({"gaps", "metrics"}), {"answers": frozenset({"confidence"})})
"""What the matrix and the ranked table show: the gaps, placed and ranked by `priority`, which
reads the confidence of their evidence (answers, metrics) besides the settings."""
GAP_LIST = Reads(frozenset({"gaps"}))
"""The gaps alone: which answers their evidence cites."""
NOTES = frozenset({"notes"})
ON_A_SUGGESTION = frozenset({"accept", "dismiss"})
"""Keys that act on the suggestion highlighted in the Suggested list: only from that list."""
ON_A_GAP = frozenset({"merge", "delete_gap"})
"""Keys that act on the selected gap: only from the matrix or the ranked list, where it shows."""
NEEDS = {
    "accept": "a acts in Suggested: {how}",
    "dismiss": "d acts in Suggested: {how}",
    "merge": "m acts on the matrix or Ranked",
    "delete_gap": "delete acts on the matrix or Ranked",
}
"""What a key needs, said in one short line (it fits the header at 80 columns) when it is
pressed where it has nothing to act on."""


def table_padding(gutter: int) -> int:
    """The table's padding either side of a column for `gutter` spaces between columns: 1 for
    two; none for one, the space then being part of each column's width."""
    return gutter // 2


def cell_look(cell: Text) -> tuple[object, ...]:
    """What a table cell shows, to compare: its words and their styles."""
    return (cell.plain, str(cell.style), tuple(cell.spans))


class GapsPane(Horizontal, Pane):
    """Follow-up step 1: identify gaps and prioritise them by impact and complexity."""

    BINDINGS = bindings("gaps")
    PARTS: ClassVar[dict[str, Reads]] = {
        "ranked": RANKING_READS,  # the matrix and the ranked table
        "suggested": EVERYTHING,
        "evidence": EVERYTHING,
        "maturity": Reads(fields={"answers": frozenset({"status", "confidence", "current", "target"})}),
    }

    def __init__(self, workspace: Workspace, id: str | None = None) -> None:
        super().__init__(workspace, id=id)
        self.selected = ""
        self.suggestions: list[Suggestion] = []
        """The open suggested gaps, in order."""
        self._acted: dict[str, Text] = {}
        """Suggestions accepted or dismissed since the pane came on show, by key, with what was
        done: they keep their place in the list, so the cursor stays on what the person chose."""
        self._listed: list[str] = []
        """The suggestion keys listed, in order."""
        self._trail: list[EvidenceItem] = []
        """The evidence listed, in order: Enter on one opens its question in its own session."""
        self._filled_for: Size | None = None  # the pane's size when the tables were last filled
        self._ranked_shown: object = None
        """What the ranked table was last filled with: columns, widths and each row's cells."""
        self._milestone_names: list[str] = []
        self._cited: Cited | None = None
        """The answers the gaps cite as evidence (kept until the gaps change)."""

    def compose(self) -> ComposeResult:
        yield Matrix(self.workspace.project, id="matrix")
        with TabbedContent(initial="gaps-ranked", id="gaps-side"):
            with TabPane("Ranked", id="gaps-ranked"):
                yield RowTable(id="ranked", cursor_type="row", zebra_stripes=True)
            with TabPane("Suggested", id="gaps-suggested"):
                yield StayingOptionList(id="suggestions")
            with TabPane("Evidence", id="gaps-evidence"):
                yield Static(id="evidence-heading")
                yield StayingOptionList(id="evidence")
            with TabPane("Maturity", id="gaps-maturity"), VerticalScroll(id="maturity-scroll"):
                yield Select[str]([], prompt="Compare with a milestone", id="maturity-since", compact=True)
                yield Static(id="maturity-chart")
                yield Static(id="alignment")
                yield Static(id="unverified")

    def on_resize(self) -> None:
        """Titles and bars are cut to the width there is (and the ranked table keeps a column for
        its scroll bar only when its rows overflow): refill when the size really changed."""
        if self._filled_for is not None and self.size != self._filled_for:
            self._fill_ranked()
            self._fill_maturity()

    def default_focus(self) -> Widget:
        """Where the keyboard goes on arrival: the matrix."""
        return self.query_one(Matrix)

    # --- refreshing ------------------------------------------------------------------------------

    def hear(self, changed: Changed) -> None:
        """A note typed into an answer reaches the suggestions and the evidence only through the
        gaps citing the answer or a maturity suggestion quoting it (`note_reaches_suggestions`):
        a note on any other answer leaves the pane as it is."""
        if GAP_LIST.reached(changed):
            self._cited = None
        noted = fields_only(changed, "answers", NOTES)
        if noted is None:
            super().hear(changed)
            return
        project = self.workspace.project
        if self._cited is None:
            self._cited = cited_answers(link for gap in project.gaps for link in gap.evidence)
        cited = self._cited
        if any(
            not isinstance(key, tuple) or note_reaches_suggestions(project, cited, key[0], key[1])
            for key in noted
        ):
            self.stale_parts |= {"suggested", "evidence"}
        for part, reads in self.PARTS.items():  # the ranking and maturity read no notes
            if part not in ("suggested", "evidence") and reads.reached(changed):
                self.stale_parts.add(part)

    def refresh_pane(self, parts: Collection[str] | None = None) -> None:
        """Recompute from the project what a change reached (everything when `parts` is None):
        the matrix and the tab on show first."""
        parts = self.parts_to_refresh(parts)
        ws = self.workspace
        project = ws.project
        matrix = self.query_one(Matrix)
        if "ranked" in parts:
            matrix.set_cells(matrix_cells(project), project)
        if self.selected and project.gap(self.selected) is None:
            self.selected = ""
            parts |= {"ranked", "evidence"}
        if self.selected:
            matrix.select_gap(self.selected)
        elif matrix.selected:
            self.selected = matrix.selected
        fills = {
            "gaps-ranked": self._fill_ranked,
            "gaps-suggested": self._fill_suggestions,
            "gaps-evidence": self._fill_evidence,
            "gaps-maturity": self._fill_maturity,
        }
        tabs = self.query_one("#gaps-side", TabbedContent)
        self.fill_tabs(tabs, {tab: fill for tab, fill in fills.items() if tab.removeprefix("gaps-") in parts})

    def _fill_ranked(self) -> None:
        """The gaps by priority, each column as wide as its widest cell (a gap id is never cut)
        and the title as wide as the rest of the side allows. The widths are set each time: a
        table's own widths only ever grow, so after a wider terminal it overflowed a narrower one."""
        table = self.query_one("#ranked", DataTable)
        matrix = self.query_one(Matrix)
        self._filled_for = self.size
        most = self._side_width(self._matrix_least(matrix))  # beside the matrix at its narrowest
        narrow = most < NARROW_SIDE
        wide = most >= WIDE_SIDE
        # Narrower: no rank column (the order is the rank) and a shorter quadrant, so impact,
        # complexity and priority always show and the title has the rest.
        project = self.workspace.project
        rows: list[tuple[str, list[Text]]] = []
        for rank, (gap, score) in enumerate(gap_table(project), 1):
            where = gap_quadrant(project, gap)
            closed = is_closed(gap)
            if narrow:
                placed = Text("–" if closed else QUADRANT_LETTERS[where], style=QUADRANT_STYLES[where])
            else:
                words = QUADRANT_LABELS if wide else SHORT_TITLES
                placed = Text(STATUS_WORDS[gap.status] if closed else words[where])
            cells = [
                Text("" if closed else str(rank)),
                Text(gap.id, style="bold"),
                literal(one_line(gap.title, 500)),
                placed,
                Text(str(gap.impact)),
                Text(str(gap.complexity)),
                Text(f"{score:.0f}"),
            ]
            if closed:  # as on the matrix: struck through, after the open ones, no rank
                for cell in cells:
                    cell.stylize(CLOSED_STYLE)
            rows.append((gap.id, cells if wide else cells[1:]))
        columns: tuple[str, ...] = ("#", *RANKED_COLUMNS) if wide else RANKED_COLUMNS
        if narrow:
            columns = tuple("q" if c == "quadrant" else c for c in columns)
        # Narrow, the columns are a space apart (a space after each), not two (one either side).
        gutter = 1 if narrow else 2
        widths = [
            max([len(name), *(row[i].cell_len for _, row in rows)]) + gutter - 2 * table_padding(gutter)
            for i, name in enumerate(columns)
        ]
        title = columns.index("title")
        scroll_bar = 0 if 0 < len(rows) + 1 <= table.size.height else 1  # room kept unless all rows show
        others = sum(widths) - widths[title] + 2 * table_padding(gutter) * len(columns) + scroll_bar
        # The titles take the width the matrix does not need; the matrix takes the rest once they
        # are whole, up to what it can use.
        side = max(min(most, others + widths[title]), self.size.width - MATRIX_MOST)
        self._size_matrix(matrix, side)
        widths[title] = max(8, min(widths[title], self._side_width() - others))
        for _, cells in rows:
            cells[title].truncate(widths[title] - gutter + 2 * table_padding(gutter), overflow="ellipsis")
        looks = tuple((gap_id, tuple(map(cell_look, cells))) for gap_id, cells in rows)
        shown = (columns, tuple(widths), looks)
        if shown != self._ranked_shown:  # the same rows again: the table keeps them, drawn and measured
            self._ranked_shown = shown
            table.clear(columns=True)
            table.cell_padding = table_padding(gutter)
            for label, width in zip(columns, widths, strict=True):
                table.add_column(label, width=width)
            for gap_id, cells in rows:
                table.add_row(*cells, key=gap_id)
        if self.selected:
            self._move_cursor(table, self.selected)

    def _matrix_least(self, matrix: Matrix) -> int:
        """The matrix's narrowest: what its ids need, leaving the side its least."""
        return min(matrix.width_needed() + MATRIX_PADDING, self.size.width - SIDE_LEAST)

    def _size_matrix(self, matrix: Matrix, side: int) -> None:
        """Give the side `side` columns and the matrix the rest (once the pane has a width)."""
        if not self.size.width:
            return
        width = max(self._matrix_least(matrix), self.size.width - side)
        if matrix.styles.width is None or matrix.styles.width.value != width:
            matrix.styles.width = width

    def _side_width(self, matrix_width: int | None = None) -> int:
        """The side's width beside a matrix `matrix_width` wide (by default the matrix as sized),
        worked out from the pane's width: the side's own size lags a layout behind."""
        if not self.size.width:
            return self.query_one("#gaps-side").size.width
        if matrix_width is None:
            styled = self.query_one(Matrix).styles.width
            if styled is None or not styled.is_cells:
                return self.query_one("#gaps-side").size.width
            matrix_width = int(styled.value)
        return self.size.width - matrix_width

    @staticmethod
    def _move_cursor(table: DataTable[Text], gap_id: str) -> None:
        """Put the table's cursor on a gap's row, if it is there."""
        if gap_id in table.rows:
            table.move_cursor(row=table.get_row_index(gap_id), animate=False)

    def _fill_suggestions(self) -> None:
        ws = self.workspace
        options = self.query_one("#suggestions", OptionList)
        highlighted = self._highlighted_key()
        self.suggestions = suggestions(ws.project, ws.catalogue)
        open_keys = {s.key: s for s in self.suggestions}
        # An accept or dismiss undone makes the suggestion open again: it is listed as open (and
        # can be acted on again); redone, it shows what was done again.
        order = [k for k in self._listed if k in open_keys or k in self._acted]
        order += [s.key for s in self.suggestions if s.key not in order]
        items: list[Option] = []
        for key in order:
            suggestion = open_keys.get(key)
            if suggestion is None:
                items.append(Option(self._acted[key], id=key))
                continue
            label = literal(one_line(suggestion.title), "bold")  # whole: the list wraps it
            label.append_text(literal(f"\n  {suggestion.reason}", "dim"))
            label.append(f"\n  impact {suggestion.impact} · complexity {suggestion.complexity}", style="dim")
            items.append(Option(label, id=key))
        self._listed = order
        if not self.suggestions:
            note = Text("No open suggestions: every signal has a gap or was dismissed.", style="dim")
            items.append(Option(note, disabled=True))
        options.set_options(items)
        if highlighted in order:
            options.highlighted = order.index(highlighted)
        elif self.query_one("#gaps-side", TabbedContent).active == "gaps-suggested":
            self._highlight_first_suggestion()
        tabs = self.query_one("#gaps-side", TabbedContent)
        tabs.get_tab("gaps-suggested").label = Text(f"Suggested {len(self.suggestions)}")

    def _highlight_first_suggestion(self) -> None:
        """With no row highlighted, highlight the first, so `a` and `d` act on what is shown."""
        options = self.query_one("#suggestions", OptionList)
        if options.highlighted is None and self.suggestions:
            options.highlighted = 0

    @on(TabbedContent.TabActivated, "#gaps-side")
    def _side_tab_shown(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "gaps-suggested":
            self._highlight_first_suggestion()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id == "suggestions":
            self._highlight_first_suggestion()
        elif event.widget.id == "evidence":  # Enter opens what is highlighted: never nothing
            highlight_first(self.query_one("#evidence", OptionList))
        elif event.widget.id == "ranked":
            self._select_highlighted_row()

    def _select_highlighted_row(self) -> None:
        """The Ranked list takes the keyboard: its highlighted gap is the selected one again, on
        the matrix too (#12: with the matrix cursor left on an empty cell, m, Delete and e acted
        on that cell, not on the gap highlighted in the list)."""
        table = self.query_one("#ranked", DataTable)
        if not table.row_count:
            return
        gap_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        if gap_id != self.selected and self.workspace.project.gap(gap_id) is not None:
            self.selected = gap_id
            self.query_one(Matrix).select_gap(gap_id)
            self._fill_evidence()

    def _acts_here(self, action: str) -> bool:
        """Whether a key of the pane has its item where the keyboard is (README: letter keys act
        on the item highlighted where the keyboard is, never on one out of sight)."""
        focused = self.screen.focused
        if action in ON_A_SUGGESTION:
            return focused is not None and focused.id == "suggestions"
        if action in ON_A_GAP:
            return focused is not None and focused.id in ("matrix", "ranked")
        if action == "evidence":  # it shows the evidence list: not offered there
            return focused is None or focused.id != "evidence"
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """a and d are offered in the Suggested list only, m and delete on the matrix and the
        ranked list only, e away from the evidence list (the footer offers a key only where it
        does something)."""
        if for_action("gaps", action) is None:
            return True
        return self._acts_here(action)

    def on_key(self, event: events.Key) -> None:
        """A key pressed where it has nothing to act on says, in one line, what it needs."""
        entry = for_key("gaps", event.key)
        if entry is not None and entry.action in NEEDS and not self._acts_here(entry.action):
            event.stop()
            event.prevent_default()
            shown = self.query_one("#gaps-side", TabbedContent).active == "gaps-suggested"
            how = "Tab to it" if shown else "F3, then Tab"
            self.app.notify(NEEDS[entry.action].format(how=how), timeout=3)

    def _highlighted_key(self) -> str:
        options = self.query_one("#suggestions", OptionList)
        if options.highlighted is None or options.highlighted >= options.option_count:
            return ""
        return options.get_option_at_index(options.highlighted).id or ""

    def shown(self) -> None:
        """Coming back to the pane: suggestions acted on before leave the list."""
        if self._acted:
            self._acted.clear()
            self._fill_suggestions()

    def _fill_evidence(self) -> None:
        ws = self.workspace
        heading = self.query_one("#evidence-heading", Static)
        options = self.query_one("#evidence", OptionList)
        options.clear_options()
        self._trail = []
        gap = ws.project.gap(self.selected) if self.selected else None
        if gap is None:
            heading.update(Text("Select a gap on the matrix to see its evidence.", style="dim"))
            return
        title = Text(f"{gap.id} ", style="bold")
        title.append_text(literal(gap.title, "bold"))
        if gap.description:
            title.append_text(literal("\n" + gap.description, "italic"))
        heading.update(title)
        trail = evidence_trail(ws.project, ws.catalogue, gap, ws.currency())
        self._trail = trail
        items: list[Option] = []
        for index, item in enumerate(trail):
            label = Text(f"{item.kind:<8}", style="bold")
            where = " · ".join(p for p in (f"session {item.session}" if item.session else "", item.who) if p)
            label.append_text(literal(one_line(where, 60), "dim"))
            label.append_text(literal("\n  " + one_line(item.text, 90)))
            if item.detail:
                detail = (
                    f"“{one_line(item.detail, 120)}”" if item.kind == "quote" else one_line(item.detail, 120)
                )
                label.append_text(literal("\n  " + detail, "italic"))
            label.append("\n")
            items.append(Option(label, id=f"{index}:{item.question}"))
        if not trail:
            items.append(Option(Text("No evidence linked yet.", style="dim"), disabled=True))
        options.set_options(items)
        if options.has_focus:
            highlight_first(options)

    def _fill_maturity(self) -> None:
        ws = self.workspace
        width = max(40, self._side_width() - 4)  # the chart's padding and the scroll bar
        since = self._since_milestone()
        if since is None:
            chart = maturity_chart(area_maturity(ws.project, ws.catalogue), width)
        else:
            now = snapshot(ws.project, ws.catalogue, NOW, ws.today)
            chart = change_chart(compare(since, now, ws.catalogue), width)
        self.query_one("#maturity-chart", Static).update(chart)
        findings = disagreements(ws.project, ws.catalogue)
        self.query_one("#alignment", Static).update(alignment_text(findings, ws.catalogue, width))
        unverified = unverified_high_scores(ws.project, ws.catalogue)
        self.query_one("#unverified", Static).update(unverified_text(unverified, ws.catalogue, width))

    def _since_milestone(self) -> Milestone | None:
        """The milestone chosen to compare with (the choices follow the project's milestones)."""
        choice = self.query_one("#maturity-since", Select)
        milestones = in_date_order(self.workspace.project)
        choice.display = bool(milestones)
        names = [m.name for m in reversed(milestones)]
        if names != self._milestone_names:
            self._milestone_names = names
            chosen = choice.value
            dates = {m.name: m.date for m in milestones}
            choice.set_options([(literal(f"Since {n} ({dates[n]:%d %b %Y})"), n) for n in names])
            if chosen in names:
                choice.value = chosen
        return next((m for m in milestones if m.name == choice.value), None)

    @on(Select.Changed, "#maturity-since")
    def _since_changed(self) -> None:
        self._fill_maturity()

    # --- selection ---------------------------------------------------------------------------------

    @on(Matrix.Selected)
    def _matrix_selected(self, event: Matrix.Selected) -> None:
        self.selected = event.gap_id
        self._fill_evidence()
        if event.gap_id:
            self._move_cursor(self.query_one("#ranked", DataTable), event.gap_id)

    @on(DataTable.RowHighlighted, "#ranked")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        gap_id = str(event.row_key.value) if event.row_key else ""
        if gap_id and gap_id != self.selected:
            self.selected = gap_id
            self.query_one(Matrix).select_gap(gap_id)
            self._fill_evidence()

    @on(DataTable.RowSelected, "#ranked")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.edit_gap(str(event.row_key.value))

    # --- edits ------------------------------------------------------------------------------------

    def _apply(self, edit: Edit, select: str | Callable[[], str] | None = None) -> bool:
        """Make an edit, then show it, selecting `select` (or what it returns once the edit is
        made) when given; refusals are shown."""
        changed = self.apply(edit)
        if changed:
            if select is not None:
                self.selected = select if isinstance(select, str) else select()
            self.refresh_pane()
        return changed

    @on(Matrix.Moved)
    def _moved(self, event: Matrix.Moved) -> None:
        if not self._apply(MoveGap(event.gap_id, event.impact, event.complexity), select=event.gap_id):
            self.app.notify(f"{event.gap_id} is at the edge: impact and complexity run 1 to 5.", timeout=3)

    @on(Matrix.Opened)
    def _opened(self, event: Matrix.Opened) -> None:
        if not event.crowded:
            self.edit_gap(event.gap_ids[0])
            return
        project = self.workspace.project
        options = []
        for gap_id in event.gap_ids:
            gap = project.gap(gap_id)
            if gap is not None:
                label = Text(f"{gap.id}  ", style="bold")
                label.append_text(literal(one_line(gap.title)))
                options.append((gap.id, label))

        def chosen(gap_id: str | None) -> None:
            if gap_id:
                self.selected = gap_id
                self.query_one(Matrix).select_gap(gap_id)
                self.edit_gap(gap_id)

        self.app.push_screen(PickModal(f"{len(options)} gaps in this cell", options, GAP_WORDS), chosen)

    def edit_gap(self, gap_id: str) -> None:
        """Open the gap editor."""
        gap = self.workspace.project.gap(gap_id)
        if gap is None:
            return
        draft = GapDraft(
            gap.title,
            gap.area,
            gap.description,
            gap.impact,
            gap.complexity,
            gap.status,
            gap.owner,
            list(gap.evidence),
        )

        def saved(result: GapDraft | None) -> None:
            if result is not None:
                self._apply(EditGap(gap_id, {**result.changes(), "evidence": result.evidence}), select=gap_id)

        ws = self.workspace
        modal = GapModal(draft, ws.catalogue, f"Edit {gap.id}", ws.project)
        self.app.push_screen(modal.reopens("gaps", "edit_gap", gap_id), saved)

    def action_new_gap(self) -> None:
        """Raise a gap by hand."""
        self.post_message(RaiseGapFrom())

    def select(self, record_id: str) -> None:
        """Select a gap (one just raised, say) on the matrix and in the list."""
        self.selected = record_id
        self.refresh_pane()

    def action_accept(self) -> None:
        """Turn the selected suggestion into a gap."""
        suggestion = self._suggestion_to_act_on()
        if suggestion is not None:
            accept = RaiseGap.from_suggestion(suggestion, self.workspace.session_id)
            self._act(suggestion, accept, lambda: f"raised {accept.gap_id}", lambda: accept.gap_id)

    def action_dismiss(self) -> None:
        """Dismiss the selected suggestion for good."""
        suggestion = self._suggestion_to_act_on()
        if suggestion is not None:
            self._act(suggestion, Dismiss(suggestion.key, about=suggestion.title), lambda: "dismissed")

    def _suggestion_to_act_on(self) -> Suggestion | None:
        """The highlighted open suggestion. On one acted on already, say what was done; with
        none highlighted, show the list."""
        self.fill_now("gaps-suggested")
        key = self._highlighted_key()
        suggestion = next((s for s in self.suggestions if s.key == key), None)
        if suggestion is None and key in self._acted:
            self.app.notify(f"Already {self._acted[key].plain.removeprefix('✓ ')}", markup=False, timeout=3)
            return None
        if suggestion is None:
            self.query_one("#gaps-side", TabbedContent).active = "gaps-suggested"
            self.query_one("#suggestions", OptionList).focus()
        return suggestion

    def _act(
        self,
        suggestion: Suggestion,
        edit: Edit,
        verb: Callable[[], str],
        select: Callable[[], str] | None = None,
    ) -> None:
        """Accept or dismiss: the suggestion keeps its place in the list, marked with what was
        done, so the cursor stays on it until the person moves; the notice names it."""
        if not self.apply(edit):
            return
        done = f"{verb()}: {one_line(suggestion.title, 60)}"
        self._acted[suggestion.key] = literal(f"✓ {done}", "dim")
        if select is not None:
            self.selected = select()
        self.refresh_pane()
        self.app.notify(done[:1].upper() + done[1:], markup=False, timeout=3)

    def action_evidence(self) -> None:
        """Show the evidence tab."""
        self.fill_now("gaps-evidence")
        self.query_one("#gaps-side", TabbedContent).active = "gaps-evidence"
        self.query_one("#evidence", OptionList).focus()

    @on(OptionList.OptionSelected, "#evidence")
    def _evidence_chosen(self, event: OptionList.OptionSelected) -> None:
        index, _, ref = (event.option.id or "").partition(":")
        trail = self._trail
        session = trail[int(index)].session if index.isdigit() and int(index) < len(trail) else ""
        if ref:
            self.post_message(ShowQuestion(ref, session))

    @on(OptionList.OptionSelected, "#suggestions")
    def _suggestion_chosen(self) -> None:
        self.action_accept()

    def undismiss(self) -> None:
        """Pick a dismissed suggestion and offer it again."""
        ws = self.workspace
        if not ws.project.dismissed:
            self.app.notify("No suggestion has been dismissed.", timeout=3)
            return
        undismissed = ws.project.model_copy(update={"dismissed": []})
        titles = {s.key: s.title for s in suggestions(undismissed, ws.catalogue)}
        options = []
        for dismissal in ws.project.dismissed:
            label = literal(one_line(titles.get(dismissal.suggestion, dismissal.suggestion), 80), "bold")
            if dismissal.reason:
                label.append_text(literal(f"\n  dismissed because: {one_line(dismissal.reason, 80)}", "dim"))
            if dismissal.suggestion not in titles:
                label.append("\n  the evidence no longer suggests it", style="dim")
            options.append((dismissal.suggestion, label))

        def chosen(key: str | None) -> None:
            if key and self._apply(Undismiss(key)):
                self._acted.pop(key, None)
                self.query_one("#gaps-side", TabbedContent).active = "gaps-suggested"
                title = titles.get(key, key)
                self.app.notify(f"Suggested again: {one_line(title, 60)}", markup=False, timeout=3)

        words = "words of the suggestion or of why it was dismissed"
        self.app.push_screen(PickModal("Bring back which dismissed suggestion?", options, words), chosen)

    def action_merge(self) -> None:
        """Merge another gap into the selected one, after asking: its evidence, mappings and plan
        links follow, and it is deleted."""
        from workbench.ui.modals.confirm import ConfirmModal

        project = self.workspace.project
        kept = project.gap(self.query_one(Matrix).selected or self.selected)
        if kept is None:
            self.app.notify("Select the gap to keep on the matrix first, then merge.", timeout=4)
            return
        options = []
        for gap in project.gaps:
            if gap.id != kept.id:
                label = Text(f"{gap.id}  ", style="bold")
                label.append_text(literal(one_line(gap.title)))
                options.append((gap.id, label))
        if not options:
            self.app.notify("There is only one gap: nothing to merge it with.", timeout=4)
            return

        def chosen(absorb_id: str | None) -> None:
            absorbed = project.gap(absorb_id or "")
            if absorbed is None:
                return

            def answer(yes: bool | None) -> None:
                if yes and self._apply(MergeGaps(kept.id, absorbed.id), select=kept.id):
                    done = f"Merged {absorbed.id} into {kept.id}: {one_line(kept.title, 50)}"
                    self.app.notify(done, markup=False, timeout=4)

            self.app.push_screen(
                ConfirmModal(
                    f"Merge {absorbed.id} into {kept.id}?",
                    f"“{one_line(absorbed.title, 60)}” goes; its evidence, mappings and plan links move "
                    f"to {kept.id} “{one_line(kept.title, 60)}”. ctrl+z undoes it.",
                    yes="Merge",
                    no="Keep both",
                ),
                answer,
            )

        heading = f"Merge into {kept.id} “{one_line(kept.title, 50)}”: which gap goes into it?"
        self.app.push_screen(PickModal(heading, options, GAP_WORDS), chosen)

    def _neighbour(self, gap_id: str) -> str:
        """The gap to select once `gap_id` goes: the next in the list (the row that takes its
        place), or the one before when it was last ("" when it was the only one)."""
        order = [gap.id for gap, _ in gap_table(self.workspace.project)]
        if gap_id not in order:
            return ""
        at = order.index(gap_id)
        rest = order[at + 1 :] or order[:at][-1:]
        return rest[0] if rest else ""

    def action_delete_gap(self) -> None:
        """Delete the selected gap (with its mappings), after asking."""
        from workbench.ui.modals.confirm import DeleteModal

        gap = self.workspace.project.gap(self.selected)
        if gap is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._apply(DeleteGap(gap.id, gap.title), select=self._neighbour(gap.id))

        also = delete_gap_consequences(self.workspace.project, gap.id)
        self.app.push_screen(
            DeleteModal(
                f"Delete {gap.id}?",
                f"“{gap.title}” is removed. {also + ' ' if also else ''}ctrl+z undoes it.",
                yes="Delete",
                no="Keep",
            ),
            answer,
        )
