"""Current and target maturity 1–5, set with single keys or the mouse."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

SCALE_WIDTH = 8 + 15
"""Columns of one scale: its name and five 3-column cells. What the level set means is the
rubric's descriptor, shown below the bar (never a generic adjective such as "managed")."""
BETWEEN = 2
"""Columns between the two scales when they share a line."""


class MaturityBar(Widget):
    """`Current ① ② ③ ④ ⑤   Target ① ② ③ ④ ⑤`; click a number to set it."""

    DEFAULT_CSS = """
    MaturityBar { height: 1; width: 1fr; }
    """

    @dataclass
    class Changed(Message):
        """A maturity score was set (None clears it)."""

        bar: MaturityBar
        which: str
        value: int | None

        @property
        def control(self) -> MaturityBar:
            return self.bar

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current: int | None = None
        self.target: int | None = None

    def set_scores(self, current: int | None, target: int | None) -> None:
        """Show the scores of the selected answer."""
        self.current, self.target = current, target
        self.refresh()

    def _two_lines(self) -> bool:
        return 0 < self.size.width < 2 * SCALE_WIDTH + BETWEEN

    def render(self) -> Text:
        line = Text(no_wrap=True)
        for which, value in (("current", self.current), ("target", self.target)):
            if which == "target":
                line.append("\n" if self._two_lines() else " " * BETWEEN)
            line.append(f"{which.capitalize():<8}", style="bold")
            for n in range(1, 6):
                style = "reverse bold" if value is not None and n <= value else "dim"
                line.append(f" {n} ", style=style)
        return line

    def on_resize(self) -> None:
        self.styles.height = 2 if self._two_lines() else 1

    def on_click(self, event: events.Click) -> None:
        if self._two_lines():
            which = "current" if event.y == 0 else "target"
            offset = event.x - 8
        else:
            which = "current" if event.x < SCALE_WIDTH else "target"
            offset = event.x - 8 - (0 if which == "current" else SCALE_WIDTH + BETWEEN)
        if 0 <= offset < 15:
            value = offset // 3 + 1
            current = self.current if which == "current" else self.target
            self.post_message(self.Changed(self, which, None if current == value else value))
