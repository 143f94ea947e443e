"""A checkbox that reads as off when it is off: Textual's draws an X either way, dim when off,
so a person (or a screen without colours) read "Redact names and quotes ▐X▌" as on."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """A `Checkbox` showing X when on (as the lists of sections do) and nothing when off."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "
