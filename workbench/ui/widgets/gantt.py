"""A Gantt chart in weeks: week scale, bars, critical path, slack, milestones, this week's line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from workbench.analysis.plan import Schedule, week_number
from workbench.ui.keys import bindings, needs_item
from workbench.ui.safe import one_line

CELL = 3
HEADER_LINES = 2
SCALE_CAPTIONS = ("Plan item", "Week of")
"""What the title column says on the two scale lines: the week number, then its Monday."""


@dataclass
class GanttView:
    """What the chart shows: the schedule, the first visible week, the selected row."""

    plan: Schedule
    start: dt.date
    this_week: int


class Gantt(Widget, can_focus=True):
    """up/down select; left/right move; [ ] resize; , . scroll weeks."""

    DEFAULT_CSS = """
    Gantt { height: 1fr; min-height: 6; }
    """
    BINDINGS = bindings("timeline")

    @dataclass
    class Selected(Message):
        """The selected item changed."""

        gantt: Gantt
        item_id: str

        @property
        def control(self) -> Gantt:
            return self.gantt

    @dataclass
    class Adjusted(Message):
        """Move (`start`) or resize (`weeks`) the selected item by a delta."""

        gantt: Gantt
        item_id: str
        field: str
        delta: int

        @property
        def control(self) -> Gantt:
            return self.gantt

    @dataclass
    class Edit(Message):
        """Enter on an item."""

        gantt: Gantt
        item_id: str

        @property
        def control(self) -> Gantt:
            return self.gantt

    def __init__(self, view: GanttView, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.row = 0
        self.first_week = 0
        """The first (schedule) week in view: at first, week 1."""
        self.first_row = 0

    def set_view(self, view: GanttView) -> None:
        """New schedule; the selected item stays selected wherever it moved to on the timeline
        (items are in start order, so an edit can move it up or down the rows)."""
        selected = self.selected
        self.view = view
        self.row = min(self.row, max(0, len(view.plan.items) - 1))
        rows = [item.id for item in view.plan.items]
        if selected in rows:
            self.row = rows.index(selected)
        self.refresh()
        self.refresh_bindings()  # keys that need an item come and go with the items

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on the selected item are not offered on an empty timeline."""
        return bool(self.selected) or not needs_item("timeline", action)

    @property
    def selected(self) -> str:
        """Id of the selected item."""
        items = self.view.plan.items
        return items[self.row].id if 0 <= self.row < len(items) else ""

    def select_item(self, item_id: str) -> None:
        """Select an item by id."""
        for index, scheduled in enumerate(self.view.plan.items):
            if scheduled.id == item_id:
                self.row = index
                self.refresh()
                return

    # --- drawing -----------------------------------------------------------------------------

    def _label_width(self) -> int:
        """As wide as the longest label needs, up to a third of the width (two fifths when wide)."""
        share = self.size.width * 2 // 5 if self.size.width >= 140 else self.size.width // 3
        needed = max((len(s.id) + 3 + len(s.item.title) for s in self.view.plan.items), default=14)
        return max(14, min(needed, share, 64))

    def _visible_weeks(self) -> int:
        return max(4, (self.size.width - self._label_width() - 1) // CELL)

    def _keep_visible(self) -> None:
        items = self.view.plan.items
        rows = max(1, self.size.height - HEADER_LINES)
        if self.row < self.first_row:
            self.first_row = self.row
        elif self.row >= self.first_row + rows:
            self.first_row = self.row - rows + 1
        if items and 0 <= self.row < len(items):
            scheduled = items[self.row]
            weeks = self._visible_weeks()
            if scheduled.start < self.first_week:
                self.first_week = max(0, scheduled.start - 1)
            elif scheduled.end > self.first_week + weeks:
                self.first_week = max(0, scheduled.end - weeks + 1)

    def render(self) -> Text:
        self._keep_visible()
        plan = self.view.plan
        label_width = self._label_width()
        weeks = self._visible_weeks()
        first = self.first_week
        out = Text(no_wrap=True)
        names: tuple[Callable[[int], str], Callable[[int], str]] = (
            lambda w: f"W{week_number(w)}",
            lambda w: f"{self.view.start + dt.timedelta(weeks=w):%d %b}",
        )
        for caption, name in zip(SCALE_CAPTIONS, names, strict=True):
            out.append_text(self._scale(caption, first, weeks, label_width, name))
            out.append("\n")
        if not plan.items:
            out.append(
                "No plan items yet: p proposes a pilot from a mapped gap, m adds a milestone.", style="dim"
            )
            return out
        rows = max(1, self.size.height - HEADER_LINES)
        for index in range(self.first_row, min(len(plan.items), self.first_row + rows)):
            out.append_text(self._row(index, label_width, first, weeks))
            out.append("\n")
        return out

    def _scale(
        self, caption: str, first: int, weeks: int, label_width: int, name: Callable[[int], str]
    ) -> Text:
        """The title column's caption, then a label every fourth week from week 1 (W1, W5, W9, as
        the proposal's timeline counts), running into the following cells; a label that would be
        cut at the right edge is left out."""
        line = list(one_line(caption, label_width).ljust(label_width + 1 + weeks * CELL))
        for week in range(first, first + weeks):
            label = name(week)
            position = label_width + 1 + (week - first) * CELL
            if self._marked(week) and position + len(label) <= len(line):
                line[position : position + len(label)] = label
        return Text("".join(line), style="dim")

    def _marked(self, week: int) -> bool:
        """Whether a week is labelled on the scale (and dotted in the rows): every fourth week from
        week 1 (W1, W5, W9…)."""
        return week % 4 == 0

    def _row(self, index: int, label_width: int, first: int, weeks: int) -> Text:
        scheduled = self.view.plan.items[index]
        item = scheduled.item
        selected = index == self.row
        mark = "!" if scheduled.conflict else ("✓" if item.done else " ")
        label = one_line(f"{mark}{item.id} {one_line(item.title)}", label_width).ljust(label_width)
        row = Text()
        row.append(
            label, style="reverse bold" if selected and self.has_focus else ("bold" if selected else "")
        )
        if item.done:  # finished: ticked and dimmed, the bar too
            row.stylize("dim", 1 if scheduled.conflict else 0)
        if scheduled.conflict:
            row.stylize("red", 0, 1)
        row.append(" ")
        bar_style = "dim green" if item.done else ("bold red" if scheduled.critical else "blue")
        cells: list[tuple[str, str]] = []
        for week in range(first, first + weeks):
            if item.kind == "milestone" and week == scheduled.start:
                cells.append(("◆".center(CELL), "bold yellow"))
            elif scheduled.start <= week < scheduled.end:
                cells.append(("█" * CELL if item.kind == "pilot" else "▓" * CELL, bar_style))
            elif scheduled.end <= week < scheduled.end + max(0, scheduled.slack):
                cells.append(("░" * CELL, "dim"))
            elif week == self.view.this_week:
                cells.append((" │ ", "yellow"))
            else:
                cells.append(("·".center(CELL) if self._marked(week) else " " * CELL, "dim"))
        # One span per run of equally styled cells, not one per week: far less to draw.
        for style, run in groupby(cells, key=lambda cell: cell[1]):
            row.append("".join(text for text, _ in run), style=style)
        return row

    # --- keys and mouse -------------------------------------------------------------------------

    def action_select(self, delta: int) -> None:
        """Select the previous or next item."""
        if self.view.plan.items:
            self.row = min(len(self.view.plan.items) - 1, max(0, self.row + delta))
            self.refresh()
            self.post_message(self.Selected(self, self.selected))

    def action_shift(self, delta: int) -> None:
        """Ask to move the item in time."""
        if self.selected:
            self.post_message(self.Adjusted(self, self.selected, "start", delta))

    def action_resize(self, delta: int) -> None:
        """Ask to change the item's duration."""
        if self.selected:
            self.post_message(self.Adjusted(self, self.selected, "weeks", delta))

    def action_scroll_weeks(self, delta: int) -> None:
        """Scroll the chart sideways."""
        self.first_week = max(0, self.first_week + delta)
        self.refresh()

    def action_edit(self) -> None:
        """Edit the selected item."""
        if self.selected:
            self.post_message(self.Edit(self, self.selected))

    def on_click(self, event: events.Click) -> None:
        index = self.first_row + event.y - HEADER_LINES
        if 0 <= index < len(self.view.plan.items):
            self.row = index
            self.focus()
            self.refresh()
            self.post_message(self.Selected(self, self.selected))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if event.shift:
            self.action_scroll_weeks(2)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if event.shift:
            self.action_scroll_weeks(-2)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
