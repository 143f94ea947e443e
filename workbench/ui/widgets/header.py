"""The top line: project, session and template, session clock, saved state; and for a few
seconds what was just done ("Undone: …", "Current maturity: 3"), in place of the names."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from workbench.printable import at_word
from workbench.ui.safe import clean, one_line
from workbench.ui.workspace import Workspace

NOTICE_SECONDS = 3.0
NOTICE_STYLE = "bold black on yellow"
WIDE = 100
"""From this width the header spaces its parts wider and says more ("ctrl+s to settle")."""
SEPARATOR = " │ "
MIN_NAME = 12
"""The engagement's name is shown only with room for this many characters of it."""


_QUOTED = re.compile(r"(?<!\w)'(.+?)'(?!\w)")
"""A name or title a notice quotes (`quoted`): between single quotes, not an apostrophe."""
MIN_QUOTED = 8
"""A quoted title is cut no shorter than this many characters: shorter, it says nothing."""


def fit_notice(notice: str, room: int) -> str | None:
    """The notice in `room` cells: whole if it fits, else with its longest quoted title cut at
    a word ('Rationale saved on G-003 for 'Train from immutable…'.'), so that the ids, the verb
    and any instruction stay whole; None when it cannot fit even so (it goes as a toast)."""
    over = cell_len(notice) - room
    if over <= 0:
        return notice
    quotes = list(_QUOTED.finditer(notice))
    if not quotes:
        return None
    title = max(quotes, key=lambda match: len(match.group(1)))
    keep = len(title.group(1)) - over
    if keep < MIN_QUOTED:
        return None
    fitted = notice[: title.start(1)] + at_word(title.group(1), keep) + notice[title.end(1) :]
    return fitted if cell_len(fitted) <= room else None


def mmss(seconds: int) -> str:
    """Seconds as m:ss (or h:mm:ss)."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def clock_style(elapsed: int, budget: int) -> str:
    """Green under 80 % of the budget, amber from 80 %, red past it."""
    if not budget:
        return ""
    if elapsed > budget:
        return "bold red"
    if elapsed >= 0.8 * budget:
        return "bold yellow"
    return "green"


class WorkbenchHeader(Static):
    """One line of status, repainted once a second while the clock runs or a notice is up."""

    DEFAULT_CSS = """
    WorkbenchHeader { height: 1; background: $panel; padding: 0 1; }
    """

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.area = ""
        self._line = Text()
        self.notice = ""
        """What was just done, shown until the session clock's time passes `_notice_until`."""
        self._notice_until = 0.0

    def say(self, message: str, seconds: float = NOTICE_SECONDS) -> None:
        """Show what was just done for a few seconds: on the top line, never over a field being
        typed into (as a toast over the panes was), and one at a time (they never pile up)."""
        self.notice = clean(message, multiline=False)
        self._notice_until = self.workspace.clock.now() + seconds
        self.refresh_state()

    def fits(self, message: str) -> bool:
        """Whether the message can be said on the top line without losing its end or its ids
        (a quoted title may be cut): else it goes as a toast."""
        return fit_notice(clean(message, multiline=False), self._notice_room(self._width())) is not None

    def on_mount(self) -> None:
        self.refresh_state()
        self.set_interval(1.0, self._tick)

    def on_resize(self) -> None:
        self.refresh_state()

    def _tick(self) -> None:
        if self.notice and self.workspace.clock.now() >= self._notice_until:
            self.notice = ""
            self.refresh_state()
        elif self.workspace.clock.running:
            self.refresh_state()

    def refresh_state(self) -> None:
        """Rebuild the line from the workspace; repaint only if it changed. The header is one
        line as wide as the screen, so no layout: every keystroke and clock tick calls this."""
        line = self.status_line()
        if line != self._line:
            self._line = line
            self.update(line, layout=False)

    def status_line(self) -> Text:
        """The header's content; the clock and the saved state always fit, names shorten."""
        ws = self.workspace
        width = self._width()
        right = self._right(width)
        if session := ws.session:
            template = ws.catalogue.templates.get(session.template)
            where = f"{session.id} · {template.title if template else 'blank session'}"
        else:
            where = "no session: F6 starts one"
        room = self._notice_room(width, right)
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append("◆ ", style="bold")
        if self.notice:
            line.append(fit_notice(self.notice, room) or one_line(self.notice, room), style=NOTICE_STYLE)
        else:
            # The session and its template matter more than the engagement's name: the name
            # shortens first, and goes when it would be too short to read (at 80 columns).
            name_room = room - len(where) - len(SEPARATOR)
            if name_room >= MIN_NAME:
                line.append(one_line(ws.project.project.name, name_room), style="bold")
                line.append(SEPARATOR)
            line.append(one_line(where, room if name_room < MIN_NAME else len(where)))
        pad = width - line.cell_len - right.cell_len
        line.append(" " * max(1, pad))
        line.append_text(right)
        return line

    def _width(self) -> int:
        return max(40, self.size.width or 120)

    def _notice_room(self, width: int, right: Text | None = None) -> int:
        """The cells left of the clock and the saved state: for the names, or a notice."""
        right = self._right(width) if right is None else right
        return max(10, width - right.cell_len - 3)  # "◆ " and a space before the clock

    def _right(self, width: int) -> Text:
        """The clocks and the saved state, at the right end of the line."""
        ws = self.workspace
        gap = "  " if width >= WIDE else " "  # under 100 columns the names need the room
        right = Text(no_wrap=True)
        session = ws.session
        budget = ws.budget_seconds()
        if session is not None:
            elapsed = ws.elapsed()
            right.append(f"{gap}▶ " if ws.clock.running else f"{gap}‖ ")
            right.append(mmss(elapsed), style=clock_style(elapsed, budget))
            if budget:
                right.append(f"/{mmss(budget)}")
            area = ws.clock.area
            area_budget = ws.area_budget_seconds(area) if area else 0
            if area_budget:
                spent = ws.area_elapsed(area)
                right.append(" area ")  # at every width: it tells the two clocks apart
                right.append(mmss(spent), style=clock_style(spent, area_budget))
                right.append(f"/{mmss(area_budget)}")
        right.append(gap)
        if ws.merging:
            right.append("● merging", style="bold yellow")
        elif ws.unsettled and ws.unsaved:
            settle = ": ctrl+s to settle" if width >= WIDE else ": ctrl+s"  # (at 80 columns it fits)
            right.append(f"● {ws.unsettled}{settle}", style="bold red")
        elif ws.unsaved:
            right.append("● unsaved", style="bold yellow")
        elif ws.file.read_only():
            right.append("read-only", style="bold yellow")
        else:
            right.append("✓ saved", style="green")
        return right
