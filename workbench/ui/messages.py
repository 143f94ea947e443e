"""Messages that travel up to the app."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message


@dataclass
class ProjectChanged(Message):
    """The project changed: posted once per change by the main screen, which listens to the
    workspace's editor. The screen brings panes up to date; the app shows the unsaved state and
    schedules an autosave."""

    kind: str = "edit"
    """'edit', 'undo', 'redo', 'outside' (the session clock) or 'replaced' (reload, recovery)."""
    name: str = ""
    """The edit's name ("accept 'CI/CD for ML' for G-003")."""


@dataclass
class SwitchSession(Message):
    """Make another discovery session the current one (the main screen handles it)."""

    session_id: str


@dataclass
class ShowQuestion(Message):
    """Show a question in Capture, ready for notes (from the palette or a gap's evidence)."""

    ref: str
    session: str = ""
    """The session whose answer to show (a gap's evidence); empty: the current session."""


@dataclass
class RaiseGapFrom(Message):
    """Open the gap editor prefilled (from a question, or empty); the main screen raises it."""

    title: str = ""
    area: str = ""
    evidence: list[str] = field(default_factory=list)
