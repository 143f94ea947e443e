"""Messages that travel up to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ProjectChanged(Message):
    """The project was edited: the sender has called `Workspace.changed()`; the app shows the
    unsaved state and schedules an autosave."""

    what: str = ""
    """A short description of the change, for debugging."""
