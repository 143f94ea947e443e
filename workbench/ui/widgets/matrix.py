"""The impact × complexity grid: impact 1–5 upward, complexity 1–5 rightward, gaps by id."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from workbench.analysis.gaps import QUADRANT_LABELS, QUADRANT_TITLES, Quadrant, is_closed, quadrant
from workbench.model.project import Project
from workbench.model.records import Gap
from workbench.ui.keys import bindings

QUADRANT_STYLES: dict[Quadrant, str] = {
    "quick-win": "on #163a26",
    "strategic": "on #1b2f4a",
    "fill-in": "on #2a2a2a",
    "deprioritise": "on #3a1c1c",
}
SHORT_TITLES: dict[Quadrant, str] = {
    "quick-win": "quick",
    "strategic": "strategic",
    "fill-in": "fill-in",
    "deprioritise": "deprior.",
}
CLOSED_STYLE = "dim strike"
"""A gap closed or decided against, on the matrix and in the gap table: still where it was, done."""
CLOSED_KEY = Text.assemble(("  G-0", CLOSED_STYLE), (" closed", "dim"))
"""The legend's word for it, shown when the matrix has a closed gap."""
LABEL_WIDTH = 4
MIN_CELL = 6
"""The narrowest cell: a space and a five-character id (`G-001`)."""
LEGEND = Text.assemble(
    " " * LABEL_WIDTH,
    *[
        part
        for name, title in QUADRANT_TITLES.items()
        for part in ((" ", QUADRANT_STYLES[name]), (f" {title} ", "dim"))
    ],
)
"""All four quadrants named on one line, where the width allows."""


def _key(name: Quadrant, width: int) -> Text:
    return Text.assemble((" ", QUADRANT_STYLES[name]), (f" {QUADRANT_LABELS[name]}".ljust(width), "dim"))


GRID_ROWS: tuple[tuple[Quadrant, Quadrant], ...] = (("quick-win", "strategic"), ("fill-in", "deprioritise"))
_HALF = max(len(label) for label in QUADRANT_LABELS.values()) + 3
LEGEND_GRID = Text("\n").join(
    Text.assemble(" " * LABEL_WIDTH, _key(left, _HALF), _key(right, 0))
    for left, right in GRID_ROWS
)
"""Narrower: the four quadrants on two lines laid out as on the grid (high impact above, low
complexity left), so each is named at every size."""
NAMES: dict[Quadrant, tuple[str, ...]] = {
    name: (QUADRANT_TITLES[name], QUADRANT_LABELS[name], SHORT_TITLES[name]) for name in QUADRANT_TITLES
}
"""What a quadrant is called inside the grid, longest first: the first that fits is shown."""
AXIS_LINES = 4
"""Lines besides the cells: the impact axis title above, the columns' brackets, their labels and
the complexity title below."""
IMPACT_TITLE = "Impact ↑"
COMPLEXITY_TITLE = "Complexity →"


def band_mark(impact: int, line: int, height: int) -> str:
    """The impact axis beside one line of a band: each band bracketed on its own (`┌` on its
    first line, `└` on its last) and labelled on its first line, where its cells' ids start, so
    an id or a `+N` further down reads as that band's, never as the one above or below."""
    label = f"I{impact}" if line == 0 else ""
    if height == 1:
        mark = "│"  # every line labelled
    elif line == 0:
        mark = "┌"
    elif line == height - 1:
        mark = "└"
    else:
        mark = "│"
    return f"{label:<{LABEL_WIDTH - 1}}{mark}"


def column_marks(cell_width: int) -> str:
    """The complexity axis under the cells: each column bracketed on its own (`└──┘`), its label
    under it where its ids start."""
    return ("└" + "─" * (cell_width - 2) + "┘") * 5


@dataclass
class CellLayout:
    """How the grid fits the widget."""

    cell_width: int
    cell_height: int
    id_width: int = 5
    """Characters given to each gap id: the longest id shown (`G-012` 5, `G-d1-01` 7), at most
    what fits in a cell after the space that keeps it apart from the cell before."""

    @property
    def ids_per_line(self) -> int:
        """Gap ids (plus a space) that fit on one line of a cell."""
        return max(1, (self.cell_width - 1) // (self.id_width + 1))

    @property
    def capacity(self) -> int:
        """Gap ids that fit in a cell."""
        return self.ids_per_line * self.cell_height

    def fits(self, gap_id: str) -> bool:
        """Whether an id fits a cell whole, after its space."""
        return len(gap_id) < self.cell_width

    def shown(self, gaps: list[Gap]) -> list[tuple[int, Gap]]:
        """The gaps a cell shows by id, with their place in the cell: every one when all fit
        whole, else as many as leave room for the `+N` that counts the rest. An id too long for
        the cell (`G-m1-01` in a 6-wide cell at 80 columns) is counted, never cut."""
        fitting = [(index, gap) for index, gap in enumerate(gaps) if self.fits(gap.id)]
        if len(fitting) == len(gaps) <= self.capacity:
            return fitting
        return fitting[: max(0, self.capacity - 1)]


class Matrix(Widget, can_focus=True):
    """Keyboard: arrows select a cell, space cycles gaps in it, shift+arrows move the gap."""

    DEFAULT_CSS = """
    Matrix { width: 1fr; height: 1fr; min-width: 34; min-height: 10; }
    Matrix:focus { background-tint: $foreground 3%; }
    """
    BINDINGS = bindings("matrix")

    @dataclass
    class Selected(Message):
        """The selected gap changed (empty when the cell is empty)."""

        matrix: Matrix
        gap_id: str

        @property
        def control(self) -> Matrix:
            return self.matrix

    @dataclass
    class Moved(Message):
        """shift+arrow: move the gap by these deltas."""

        matrix: Matrix
        gap_id: str
        impact: int
        complexity: int

        @property
        def control(self) -> Matrix:
            return self.matrix

    @dataclass
    class Opened(Message):
        """Enter: edit a gap, or (`crowded`) list a cell's gaps."""

        matrix: Matrix
        gap_ids: list[str]
        crowded: bool

        @property
        def control(self) -> Matrix:
            return self.matrix

    def __init__(self, project: Project, id: str | None = None) -> None:
        super().__init__(id=id)
        self.project = project
        self.cells: dict[tuple[int, int], list[Gap]] = {}
        self.cursor = (5, 1)
        self.index = 0
        self._version = 0  # bumped with every new placement
        self._drawn: list[Strip] = []
        self._drawn_key: tuple[object, ...] = ()

    # --- data ----------------------------------------------------------------------------------

    def set_cells(self, cells: dict[tuple[int, int], list[Gap]], project: Project) -> None:
        """New placement (after any change)."""
        self.project = project
        self.cells = cells
        self._version += 1
        self.index = min(self.index, max(0, len(self.cells.get(self.cursor, [])) - 1))
        self.refresh()

    @property
    def selected(self) -> str:
        """Id of the selected gap, or empty."""
        gaps = self.cells.get(self.cursor, [])
        return gaps[self.index].id if 0 <= self.index < len(gaps) else ""

    def select_gap(self, gap_id: str) -> None:
        """Put the cursor on a gap."""
        for cell, gaps in self.cells.items():
            for index, gap in enumerate(gaps):
                if gap.id == gap_id:
                    self.cursor, self.index = cell, index
                    self.refresh()
                    return

    def width_needed(self) -> int:
        """The narrowest the grid can be with every gap id whole: cells one id wide after their
        space, the impact labels, and the quadrants named under it on two lines."""
        longest = max((len(g.id) for gaps in self.cells.values() for g in gaps), default=5)
        legend = max(line.cell_len for line in LEGEND_GRID.split())
        return max(LABEL_WIDTH + 5 * max(MIN_CELL, longest + 1), legend)

    def layout_for(self, width: int, height: int) -> CellLayout:
        """Cell size for the widget's size."""
        cell_width = max(MIN_CELL, (width - LABEL_WIDTH) // 5)
        longest = max((len(g.id) for gaps in self.cells.values() for g in gaps), default=5)
        id_width = min(longest, cell_width - 1)  # a cell starts with a space
        lines = AXIS_LINES + len(self.legend(width).split())
        return CellLayout(cell_width, max(1, (height - lines) // 5), id_width)

    @staticmethod
    def legend(width: int) -> Text:
        """The quadrants' names and colours: on one line when it fits `width`, else on two."""
        return LEGEND if LEGEND.cell_len <= width else LEGEND_GRID

    # --- drawing --------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """One line of the grid; the lines are drawn once per state, not on every repaint (a focus
        change only changes the background under them)."""
        key = (self.size, self._version, self.cursor, self.index)
        if key != self._drawn_key:
            console = self.app.console
            lines = self.grid_text().split("\n", allow_blank=True)
            self._drawn = [Strip(line.render(console, end="")) for line in lines]
            self._drawn_key = key
        if y >= len(self._drawn):
            return Strip.blank(self.size.width, self.rich_style)
        return self._drawn[y].apply_style(self.rich_style)

    def grid_text(self) -> Text:
        """The grid as text, one line per screen line."""
        layout = self.layout_for(self.size.width, self.size.height)
        out = Text(no_wrap=True)
        out.append(IMPACT_TITLE + "\n", style="bold dim")
        for impact in range(5, 0, -1):
            lines = [
                [self._cell_line(impact, complexity, line, layout) for complexity in range(1, 6)]
                for line in range(layout.cell_height)
            ]
            if impact in (1, 5):
                self._name_quadrants(impact, lines, layout)
            for line, cells in enumerate(lines):
                out.append(band_mark(impact, line, layout.cell_height), style="dim")
                for cell in cells:
                    out.append_text(cell)
                out.append("\n")
        out.append(" " * LABEL_WIDTH + column_marks(layout.cell_width) + "\n", style="dim")
        axis = " " * LABEL_WIDTH
        for complexity in range(1, 6):
            axis += f" C{complexity}".ljust(layout.cell_width)  # where the column's ids start
        out.append(axis.rstrip() + "\n", style="dim")
        title = COMPLEXITY_TITLE.center(layout.cell_width * 5).rstrip()
        out.append(" " * LABEL_WIDTH + title + "\n", style="bold dim")
        legend = self.legend(self.size.width)
        out.append_text(legend)
        closed = any(is_closed(g) for gaps in self.cells.values() for g in gaps)
        if closed and legend.split()[-1].cell_len + CLOSED_KEY.cell_len <= self.size.width:
            out.append_text(CLOSED_KEY)
        return out

    def _name_quadrants(self, impact: int, lines: list[list[Text]], layout: CellLayout) -> None:
        """Name the two quadrants whose corners are on this row (the top row's near its top, the
        bottom row's near its bottom), each on the first line where its corner cell and the cells
        beside it in the same quadrant show nothing, in the longest name that fits with a space
        either side: never run into a gap id. Where no line is free the legend names it."""
        order = list(range(len(lines)))
        if impact == 1:
            order.reverse()
        named: set[Quadrant] = set()
        for corner in (1, 5):
            area = quadrant(self.project, impact, corner)
            if area in named:
                continue
            named.add(area)
            inward = range(1, 6) if corner == 1 else range(5, 0, -1)
            width = sum(1 for c in inward if quadrant(self.project, impact, c) == area)
            # A line of its own in the quadrant first (no id beside the name), else any with room.
            for whole, line in [(True, line) for line in order] + [(False, line) for line in order]:
                cells = lines[line]
                run: list[int] = []
                for complexity in inward:
                    shows = cells[complexity - 1].plain.strip()
                    if quadrant(self.project, impact, complexity) != area or shows:
                        break
                    run.append(complexity)
                room = len(run) * layout.cell_width - 2
                name = next((n for n in NAMES[area] if len(n) <= room), "")
                if name and (len(run) == width or not whole):
                    self._write_name(cells, (impact, sorted(run)), name, area, corner == 1, layout)
                    break

    def _write_name(
        self,
        cells: list[Text],
        where: tuple[int, list[int]],
        name: str,
        area: Quadrant,
        left: bool,
        layout: CellLayout,
    ) -> None:
        """Write `name` over empty cells of one line (`where`: their impact and complexities, in
        order): from the left after a space, or ending a space before the right edge."""
        impact, run = where
        first = run[0] - 1
        joined = Text("").join(cells[first : run[-1]])
        start = 1 if left else joined.cell_len - 1 - len(name)
        word = Text(name, style=f"{QUADRANT_STYLES[area]} dim italic")
        named = joined[:start] + word + joined[start + len(name) :]
        if self.cursor[0] == impact and self.cursor[1] in run and bool(self.cells):
            at = (self.cursor[1] - run[0]) * layout.cell_width
            named.stylize("underline", at, at + layout.cell_width)  # the cursor's cell, as drawn
        cells[first] = named
        for index in range(first + 1, run[-1]):
            cells[index] = Text("")

    def _cell_line(self, impact: int, complexity: int, line: int, layout: CellLayout) -> Text:
        cell = (impact, complexity)
        gaps = self.cells.get(cell, [])
        area = quadrant(self.project, impact, complexity)
        base = QUADRANT_STYLES[area]
        focused_cell = cell == self.cursor and bool(self.cells)  # no gaps: nothing to mark
        if focused_cell:
            base += " bold"
        text = Text(style=base)
        per_line = layout.ids_per_line
        shown = layout.shown(gaps)
        chunk = shown[line * per_line : (line + 1) * per_line]
        text.append(" ")
        for index, gap in chunk:
            style = "reverse" if focused_cell and index == self.index else ""
            if is_closed(gap):
                style = f"{style} {CLOSED_STYLE}".strip()
            text.append(gap.id, style=style)
            text.append(" ")
        counted_on = min(len(shown) // per_line, layout.cell_height - 1)  # after the last id
        if len(shown) < len(gaps) and line == counted_on:
            text.append(f"+{len(gaps) - len(shown)}", style="bold yellow")
        if focused_cell and not gaps and line == 0:
            text = Text(" ·", style=base)  # the cursor on an empty cell
        text.truncate(layout.cell_width, pad=True)
        if focused_cell:
            text.stylize("underline", 0, layout.cell_width)
        return text

    # --- keys and mouse --------------------------------------------------------------------------

    def _announce(self) -> None:
        self.refresh()
        self.post_message(self.Selected(self, self.selected))

    def action_cursor(self, impact: int, complexity: int) -> None:
        """Move the cell cursor."""
        row, col = self.cursor
        self.cursor = (min(5, max(1, row + impact)), min(5, max(1, col + complexity)))
        self.index = 0
        self._announce()

    def action_cycle(self) -> None:
        """Select the next gap in the cell."""
        gaps = self.cells.get(self.cursor, [])
        if gaps:
            self.index = (self.index + 1) % len(gaps)
            self._announce()

    def action_move(self, impact: int, complexity: int) -> None:
        """Ask to move the selected gap."""
        if self.selected:
            self.post_message(self.Moved(self, self.selected, impact, complexity))
        else:
            self.app.notify("No gap here: arrows go to one, shift+arrows move it.", timeout=3)

    def action_open(self) -> None:
        """Edit the selected gap, or list a cell too crowded to show."""
        gaps = self.cells.get(self.cursor, [])
        layout = self.layout_for(self.size.width, self.size.height)
        if len(layout.shown(gaps)) < len(gaps):
            self.post_message(self.Opened(self, [g.id for g in gaps], True))
        elif self.selected:
            self.post_message(self.Opened(self, [self.selected], False))

    def on_click(self, event: events.Click) -> None:
        layout = self.layout_for(self.size.width, self.size.height)
        column = (event.x - LABEL_WIDTH) // layout.cell_width + 1
        row = 5 - (event.y - 1) // layout.cell_height  # below the impact title
        if 1 <= column <= 5 and 1 <= row <= 5:
            cell = (row, column)
            if cell == self.cursor:
                self.action_cycle()
                return
            self.cursor, self.index = cell, 0
            self.focus()
            self._announce()
