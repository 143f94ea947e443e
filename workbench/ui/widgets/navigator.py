"""The question navigator: bank → area → part → group → question, with counts and filters."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static, Tree
from textual.widgets.tree import TreeNode

from workbench.analysis.progress import SessionProgress, match_rank, matches_text
from workbench.model.catalogue import Catalogue
from workbench.printable import at_word
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.undoable_input import UndoableInput
from workbench.ui.workspace import Workspace

STATE_MARKS = {
    "answered": ("●", "green"),
    "heard": ("♪", "green"),
    "defined": ("●", "green"),
    "follow-up": ("?", "yellow"),
    "skipped": ("–", "dim"),
    "not-applicable": ("∅", "dim"),
    "": ("○", "dim"),
}
SEARCH_SETTLE = 0.12
"""Seconds of no typing in the search box before the tree is filtered for it."""
CORE_MARK = "★"
"""Marks a core question of the session's template: asked in any case, the rest as time allows."""


@dataclass
class Filters:
    """What the navigator shows."""

    unanswered: bool = False
    follow_up: bool = False
    template_only: bool = False
    search: str = ""

    def active(self) -> str:
        """The filters on, in words ('unanswered, “drift”'); empty when none is."""
        on = []
        if self.unanswered:
            on.append("unanswered")
        if self.follow_up:
            on.append("follow-up")
        if self.template_only:
            on.append("this template")
        if self.search:
            on.append(f"“{self.search}”")
        return ", ".join(on)

    def describe(self) -> str:
        """The active filters in words."""
        return "filter: " + (self.active() or "none") + "  (u f t /)"


class QuestionTree(Tree[str]):
    """The tree itself; leaves carry a question reference."""

    BINDINGS = [("enter", "select_cursor", "Edit")]

    def __init__(self, label: Text, id: str | None = None) -> None:
        super().__init__(label, id=id)
        self._styled_for = ""
        self._building = False

    @contextmanager
    def building(self) -> Iterator[None]:
        """Clear and fill the tree with one invalidation at the end, not one a node added or
        removed (each asked for a layout: a filter of the example's ~1,500 nodes)."""
        self._building = True
        try:
            yield
        finally:
            self._building = False
            self._invalidate()

    def _invalidate(self) -> None:
        if not self._building:
            super()._invalidate()

    def notify_style_update(self) -> None:
        """Tree drops every drawn line and lays itself out again on any style update, focus
        included, which made coming back to Capture slow. Its line cache already tells focused
        from unfocused lines, so only a new theme needs the lines drawn again."""
        if self.app.theme == self._styled_for:
            Widget.notify_style_update(self)
            return
        self._styled_for = self.app.theme
        super().notify_style_update()

    def room(self, depth: int, width: int | None = None) -> int:
        """The cells for the words of a line `depth` levels down in `width` cells (by default
        the tree's now; 0 before the layout)."""
        width = self.scrollable_content_region.width if width is None else width
        return max(1, width - depth * self.guide_depth) if width else 0

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        """A question's line fitted to the tree's width as it is drawn, cut at a word with an
        ellipsis as the area and group lines are (it was cut at the pane's edge mid-word). Cut
        here, not in the label, so only the lines drawn are cut, again as the tree narrows for
        the notes, and no label is set again (each queued a refresh)."""
        label = super().render_label(node, base_style, style)
        room = self.room(_depth(node) - 1) if node.data else 0  # (no ▶ before a question's words)
        if not room or label.cell_len <= room:
            return label
        kept = at_word(label.plain, room)[:-1]
        fitted = label[: len(kept)]
        fitted.append("…", style=label.get_style_at_offset(self.app.console, max(0, len(kept) - 1)))
        return fitted

    def get_label_width(self, node: TreeNode[str]) -> int:
        """A line's width unfitted, as Tree measures every line as it lays itself out: fitting
        each of them there (the tree's width asked once a line) made a filter slower; the lines
        drawn are fitted (`render_label`)."""
        return super().render_label(node, Style.null(), Style.null()).cell_len

    def scroll_to_line(self, line: int, animate: bool = True) -> None:
        """Scroll so that `line` shows, once the tree has rows: before its first layout any line
        was out of sight, and the scroll put the first question at the top, the session and
        area lines above it (at 80×24 the tree opened two lines down). The resize of that
        layout brings the cursor into sight (`on_resize`)."""
        if self.scrollable_content_region.height:
            super().scroll_to_line(line, animate)

    def show_from_top(self) -> None:
        """Show the tree from its first line (the highlighted row is brought into sight after)."""
        self.scroll_to(y=0, animate=False, immediate=True)

    def cursor_in_sight(self) -> bool:
        """Whether the highlighted row is one of the lines the tree shows now."""
        top = round(self.scroll_offset.y)
        return top <= self.cursor_line < top + self.scrollable_content_region.height

    def show_cursor(self) -> None:
        """Scroll the highlighted row into view (now, and again once the layout has settled)."""
        self._scroll_to_cursor()
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        if self.cursor_line >= 0:
            self.scroll_to_line(self.cursor_line, animate=False)

    def on_focus(self) -> None:
        """The row keys act on is in sight whenever the tree gets the keyboard (a resize while the
        notes had it left it below the visible part: README, a key never acts out of sight)."""
        self.show_cursor()

    def on_resize(self) -> None:
        """After every resize the highlighted row is still in sight."""
        self.show_cursor()


class Navigator(Vertical):
    """Question tree with answered/total counts on every node, and filters."""

    @dataclass
    class Selected(Message):
        """The highlighted question changed."""

        navigator: Navigator
        ref: str

        @property
        def control(self) -> Navigator:
            return self.navigator

    @dataclass
    class Chosen(Message):
        """Enter was pressed on a question: start editing it."""

        navigator: Navigator
        ref: str

        @property
        def control(self) -> Navigator:
            return self.navigator

    def __init__(self, workspace: Workspace, id: str | None = None) -> None:
        super().__init__(id=id)
        self.workspace = workspace
        self.filters = Filters()
        self.current = ""
        self._leaves: list[TreeNode[str]] = []
        self._branches: list[tuple[TreeNode[str], str, list[str]]] = []
        self._core: set[str] = set()
        self._session_node: tuple[TreeNode[str], str] | None = None
        self._progress: SessionProgress | None = None  # the one the tree is being built with
        self._fitted_to = 0
        """The tree's width (cells) the branch lines were last fitted to (0 before the layout)."""
        self._pending_filter: Timer | None = None

    def compose(self) -> ComposeResult:
        yield UndoableInput(placeholder="search questions (/)", id="nav-search")
        yield Static(self.filters.describe(), id="nav-filters")
        tree = QuestionTree(Text("questions"), id="nav-tree")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree

    def on_mount(self) -> None:
        self.rebuild()

    @property
    def question_tree(self) -> QuestionTree:
        """The tree widget."""
        return self.query_one("#nav-tree", QuestionTree)

    # --- building --------------------------------------------------------------------------

    def _visible(self, ref: str, progress: SessionProgress, template_refs: set[str]) -> bool:
        state = progress.state(ref)
        if self.filters.unanswered and state != "":
            return False
        if self.filters.follow_up and state != "follow-up":
            return False
        if self.filters.template_only and ref not in template_refs:
            return False
        return not self.filters.search or matches_text(self.workspace.catalogue, ref, self.filters.search)

    def rebuild(self, to_best_match: bool = False) -> None:
        """Build the tree from the banks, the session's template and the filters; with
        `to_best_match` (a search just typed) the cursor goes to the question matching it best."""
        ws = self.workspace
        catalogue = ws.catalogue
        progress = ws.progress()
        session = ws.session
        template = catalogue.templates.get(session.template) if session else None
        template_refs = set(catalogue.template_refs(template.id)) if template else set()
        marked = template is not None and bool(template.core)
        self._core = set(catalogue.core_refs(template.id)) if template is not None and marked else set()
        tree = self.question_tree
        self._progress = progress
        self._fitted_to = self._tree_width()
        opened: TreeNode[str] | None = None  # the template's first section, open as it is built
        with tree.building():
            tree.clear()
            self._leaves, self._branches, self._session_node = [], [], None
            if template is not None:
                bank_id = catalogue.template_bank[template.id]
                top = self._branch(tree.root, template.title, [], expand=True)
                self._session_node = (top, template.title)
                top.set_label(self._session_label(template.title, progress))
                for index, section in enumerate(template.sections):
                    refs = catalogue.section_refs(bank_id, section.areas, section.parts, section.groups)
                    refs += [f"{bank_id}:{q}" for q in section.questions]
                    branch = self._branch(top, section.text, refs, expand=index == 0)
                    opened = branch if index == 0 else opened
                    self._add_leaves(branch, refs, progress, template_refs)
                self._prune(top)
                if opened is not None and opened not in top.children:  # pruned: nothing shown
                    opened = None
            for bank in catalogue.banks:
                if not bank.questions:
                    continue
                bank_node = self._branch(tree.root, bank.title, [], expand=template is None)
                self._add_bank(bank_node, bank.id, catalogue, progress, template_refs)
                self._prune(bank_node)
        wanted = self.best_match() if to_best_match else ""
        if opened is not None:
            self._close_unless_shown(opened, wanted or self.current)
        tree.show_from_top()
        self._keep_a_question_highlighted(wanted)

    def _close_unless_shown(self, section: TreeNode[str], ref: str) -> None:
        """Close the template's first section when the question to highlight is elsewhere (a
        session switch keeps the question shown): the tree then shows its first lines and that
        question at once, at 80×24 too (the open section pushed it a page down)."""
        leaf = next((leaf for leaf in self._leaves if leaf.data == ref), None) if ref else None
        if leaf is not None and not _under(leaf, section):
            section.collapse()

    def _keep_a_question_highlighted(self, wanted: str = "") -> None:
        """After a rebuild the cursor goes to the question `wanted`, else stays on the question
        shown, or, when a filter hid that one, moves to the first question shown, and says so
        (`Selected`): the editor beside the tree always shows, and keys always act on, the
        highlighted question."""
        shown = self.current
        if wanted and wanted != shown and self.select_ref(wanted, focus=False):
            self.post_message(self.Selected(self, wanted))
            return
        if shown and self.select_ref(shown, focus=False):
            return
        ref = self._leaves[0].data or "" if self._leaves else ""
        if ref:
            self.select_ref(ref, focus=False)
        self.current = ref
        if ref != shown:
            self.post_message(self.Selected(self, ref))

    def _add_bank(
        self,
        bank_node: TreeNode[str],
        bank_id: str,
        catalogue: Catalogue,
        progress: SessionProgress,
        template_refs: set[str],
    ) -> None:
        bank = catalogue.bank(bank_id)
        if bank is None:
            return
        for area in sorted(bank.areas, key=lambda a: a.order):
            area_refs = [r for r in catalogue.refs_in_area(area.id) if catalogue.question_bank[r] == bank_id]
            area_node = self._branch(bank_node, area.title, area_refs)
            for part in bank.parts:
                part_refs = [r for r in area_refs if catalogue.questions[r].part == part.id]
                if not part_refs:
                    continue
                part_node = self._branch(area_node, part.title, part_refs)
                groups: dict[str, list[str]] = {}
                for ref in part_refs:
                    groups.setdefault(catalogue.questions[ref].group, []).append(ref)
                for group_id, refs in groups.items():
                    group = catalogue.groups.get((area.id, group_id))
                    parent = self._branch(part_node, group.title, refs) if group else part_node
                    self._add_leaves(parent, refs, progress, template_refs)

    def _branch(
        self, parent: TreeNode[str], title: str, refs: list[str], expand: bool = False
    ) -> TreeNode[str]:
        progress = self._progress
        label = self._branch_label(title, refs if progress else [], progress, _depth(parent) + 1)
        node = parent.add(label, data="", expand=expand)
        self._branches.append((node, title, refs))
        return node

    def _add_leaves(
        self, parent: TreeNode[str], refs: list[str], progress: SessionProgress, template_refs: set[str]
    ) -> None:
        for ref in refs:
            if self._visible(ref, progress, template_refs):
                self._leaves.append(parent.add_leaf(self._leaf_label(ref, progress), data=ref))

    def _prune(self, node: TreeNode[str]) -> bool:
        """Remove branches with no visible question; True when the node keeps something."""
        if node.data:
            return True
        keep = False
        for child in list(node.children):
            if self._prune(child):
                keep = True
            else:
                child.remove()
        return keep

    def _relabel(self, progress: SessionProgress) -> None:
        self._relabel_branches(progress)
        for leaf in self._leaves:
            leaf.set_label(self._leaf_label(leaf.data or "", progress))

    def _relabel_branches(self, progress: SessionProgress) -> None:
        self._fitted_to = self._tree_width()
        for node, title, refs in self._branches:
            if node.tree is None or not refs:
                continue
            node.set_label(self._branch_label(title, refs, progress, _depth(node)))
        if self._session_node is not None and self._session_node[0].tree is not None:
            node, title = self._session_node
            node.set_label(self._session_label(title, progress))

    def _tree_width(self) -> int:
        """The cells the tree's lines have now (0 before the layout)."""
        return self.question_tree.scrollable_content_region.width

    def _room(self, depth: int) -> int:
        """The cells for the words of a line `depth` levels down (0 before the layout), in the
        width taken once for the whole tree as it is built or relabelled (`_fitted_to`): asked of
        the tree for each of its hundreds of lines, it made a filter 25% slower."""
        return self.question_tree.room(depth, self._fitted_to)

    def _branch_label(
        self, title: str, refs: list[str], progress: SessionProgress | None, depth: int
    ) -> Text:
        """An area or group line: its count first, then its title, cut at a word with an
        ellipsis where the tree is narrow (never at the pane's edge mid-word)."""
        room = self._room(depth)
        if not refs or progress is None:
            return literal(at_word(title, room))
        count = f"{progress.done(refs)}/{len(refs)} "
        label = Text(count, style="dim")
        label.append_text(literal(at_word(title, max(1, room - len(count)) if room else 0)))
        return label

    def on_resize(self) -> None:
        """The session, area and group lines are fitted to the tree's width again when it
        changed (it narrows as the notes take the keyboard at 80 columns); a change of height
        alone leaves them as they are."""
        if self._tree_width() != self._fitted_to:
            self._relabel_branches(self.workspace.progress())

    def _session_label(self, title: str, progress: SessionProgress) -> Text:
        """The session line: its core count and template title, in shorter words where the
        tree is narrow (80 columns), the title then cut with an ellipsis: never at the pane's
        edge mid-word."""
        room = self._room(1)
        if self._core:
            count = f"{CORE_MARK} {progress.done(self._core)}/{len(self._core)}"
            leads = [f"This session (core {count}): ", f"Session {count}: ", f"{count} "]
        else:
            leads = ["This session: ", "Session: "]
        for lead in leads:
            if room <= 0 or cell_len(lead + title) <= room:  # (room unknown before the layout)
                return literal(lead + title)
        return literal(lead + at_word(title, max(1, room - cell_len(lead))))

    def _leaf_label(self, ref: str, progress: SessionProgress) -> Text:
        question = self.workspace.catalogue.questions.get(ref)
        mark, style = STATE_MARKS.get(progress.state(ref), STATE_MARKS[""])
        label = Text(f"{mark} ", style=style)
        if ref in self._core:
            label.append(f"{CORE_MARK} ", style="bold")
        if question is not None:
            prefix = {"pain-indicator": "“", "success-metric": "# "}.get(question.kind, "")
            label.append(prefix + one_line(question.text))
        return label

    def refresh_counts(self) -> None:
        """Relabel after an edit without rebuilding (cheap)."""
        self._relabel(self.workspace.progress())

    # --- moving ----------------------------------------------------------------------------

    def select_ref(self, ref: str, focus: bool = True) -> bool:
        """Move the cursor to a question, opening its branches."""
        for leaf in self._leaves:
            if leaf.data == ref:
                parent = leaf.parent
                while parent is not None:
                    parent.expand()
                    parent = parent.parent
                self.current = ref
                tree = self.question_tree
                tree.get_node_at_line(0)  # lays the lines out, so the cursor lands on the leaf now
                tree.move_cursor(leaf)
                tree.call_after_refresh(tree.move_cursor, leaf)
                if focus:
                    self.question_tree.focus()
                return True
        return False

    def best_match(self) -> str:
        """The question the search matches best (its words as typed in the question's text
        first, `match_rank`): the one shown if it matches as well as any, else the first in the
        tree. Empty with no search or no match."""
        words = self.filters.search
        if not words or not self._leaves:
            return ""
        ranks = [
            (match_rank(self.workspace.catalogue, leaf.data or "", words), leaf.data or "")
            for leaf in self._leaves
        ]
        best = max(rank for rank, _ in ranks)
        top = [ref for rank, ref in ranks if rank == best]
        return self.current if self.current in top else top[0]

    def highlighted(self) -> str:
        """The question under the tree's cursor ('' on an area, part or group line)."""
        node = self.question_tree.cursor_node
        return node.data or "" if node is not None else ""

    def first(self) -> str:
        """Select the first visible question (the session template's, when it has one)."""
        self.filter_now()
        if not self._leaves:
            return ""
        ref = self._leaves[0].data or ""
        self.select_ref(ref, focus=False)
        return ref

    def refs(self) -> list[str]:
        """The questions the tree shows, top to bottom."""
        self.filter_now()
        return [leaf.data or "" for leaf in self._leaves]

    def step(self, delta: int, start: str = "") -> str:
        """Select the next (+1) or previous (−1) visible question after `start` (the question
        the editor shows; else the current one); returns its reference. A question the tree
        shows twice (under the session and in its bank) counts once, where it comes first."""
        refs = list(dict.fromkeys(self.refs()))
        if not refs:
            return ""
        start = start or self.current
        index = refs.index(start) if start in refs else -1
        target = refs[(index + delta) % len(refs)] if index >= 0 else refs[0]
        self.select_ref(target, focus=False)
        self.current = target
        return target

    @on(Tree.NodeHighlighted, "#nav-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        event.stop()
        ref = event.node.data or ""
        if ref and ref != self.current:
            self.current = ref
            self.post_message(self.Selected(self, ref))

    @on(Tree.NodeSelected, "#nav-tree")
    def _selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        ref = event.node.data or ""
        if not ref and event.node.is_expanded:
            # Enter on a group line that it opens: on to its first question, keyboard in the
            # notes as Enter on a question (letters typed next were filters and maturity keys).
            ref = next((leaf.data or "" for leaf in self._leaves if _under(leaf, event.node)), "")
            if ref:
                self.select_ref(ref, focus=False)
        if ref:
            self.current = ref
            self.post_message(self.Chosen(self, ref))

    # --- filters ---------------------------------------------------------------------------

    def toggle(self, name: str) -> None:
        """Flip one of the boolean filters."""
        setattr(self.filters, name, not getattr(self.filters, name))
        self._filters_changed()

    def at_filter_end(self, delta: int, start: str) -> bool:
        """Whether a filter is on and shows no question after `start` (`delta` +1) or before it
        (−1): stepping on within it would wrap round or stay on `start`."""
        if not self.filters.active():
            return False
        refs = list(dict.fromkeys(self.refs()))
        return start not in refs or not 0 <= refs.index(start) + delta < len(refs)

    def wraps(self, delta: int, start: str) -> bool:
        """Whether stepping from `start`, a question on show, goes round: past the last to the
        first (`delta` +1) or before the first to the last (−1)."""
        refs = list(dict.fromkeys(self.refs()))
        return start in refs and len(refs) > 1 and not 0 <= refs.index(start) + delta < len(refs)

    def clear_filters(self) -> None:
        """Show every question again."""
        self.filters = Filters()
        search = self.query_one("#nav-search", UndoableInput)
        with self.prevent(Input.Changed):
            search.value = ""
        search.forget_typing()
        self._filters_changed()

    def _filters_changed(self, to_best_match: bool = False) -> None:
        if self._pending_filter is not None:  # a filter key or clear_filters: the search too, now
            self._pending_filter.stop()
            self._pending_filter = None
            to_best_match = True
        self.query_one("#nav-filters", Static).update(literal(self.filters.describe()))
        self.rebuild(to_best_match)

    @on(Input.Changed, "#nav-search")
    def _search(self, event: Input.Changed) -> None:
        """A key in the search box: the box repaints at once; the tree is filtered when the
        typing pauses (SEARCH_SETTLE), once for a burst of keys, not once a key (a filter of the
        whole tree took 50-250 ms, and every key waited for the one before)."""
        event.stop()
        self.filters.search = event.value.strip()
        if self._pending_filter is not None:
            self._pending_filter.stop()
        self._pending_filter = self.set_timer(SEARCH_SETTLE, self.filter_now)

    def filter_now(self) -> None:
        """Filter the tree for the search typed, if it has not been yet."""
        if self._pending_filter is not None:
            self._filters_changed(to_best_match=True)

    @on(Input.Submitted, "#nav-search")
    def _search_done(self, event: Input.Submitted) -> None:
        """Enter in the search box: to the tree, on the best match (with no search, on the
        question shown), its group opened, which the editor then shows."""
        event.stop()
        self.filter_now()
        shown = self.current
        ref = self.best_match() or shown
        if not (ref and self.select_ref(ref)):
            self.question_tree.focus()
        if ref and ref != shown:
            self.post_message(self.Selected(self, ref))


def _under(node: TreeNode[str], group: TreeNode[str]) -> bool:
    """Whether a node is somewhere inside a group of the tree."""
    parent = node.parent
    while parent is not None:
        if parent is group:
            return True
        parent = parent.parent
    return False


def _depth(node: TreeNode[str]) -> int:
    """How far down the tree a node is: 1 for the session line, 2 for an area under it."""
    depth = 0
    while node.parent is not None:
        node, depth = node.parent, depth + 1
    return depth
