"""Current and target maturity 1–5, set with single keys or the mouse."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

LABELS = {1: "ad hoc", 2: "repeatable", 3: "defined", 4: "managed", 5: "optimised"}
SCALE_WIDTH = 8 + 15 + 11
"""Columns of one scale: label, five 3-column cells, the level's name."""


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
        return 0 < self.size.width < 2 * SCALE_WIDTH

    def render(self) -> Text:
        line = Text(no_wrap=True)
        for which, value in (("current", self.current), ("target", self.target)):
            if which == "target":
                line.append("\n" if self._two_lines() else "  ")
            line.append(f"{which.capitalize():<8}", style="bold")
            for n in range(1, 6):
                style = "reverse bold" if value is not None and n <= value else "dim"
                line.append(f" {n} ", style=style)
            line.append(f" {LABELS.get(value or 0, '—'):<10}", style="italic")
        return line

    def on_resize(self) -> None:
        self.styles.height = 2 if self._two_lines() else 1

    def on_click(self, event: events.Click) -> None:
        if self._two_lines():
            which = "current" if event.y == 0 else "target"
            offset = event.x - 8
        else:
            which = "current" if event.x < SCALE_WIDTH else "target"
            offset = event.x - 8 - (0 if which == "current" else SCALE_WIDTH + 2)
        if 0 <= offset < 15:
            value = offset // 3 + 1
            current = self.current if which == "current" else self.target
            self.post_message(self.Changed(self, which, None if current == value else value))
