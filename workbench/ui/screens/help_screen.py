"""F1: every key, by pane."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere (also while typing)",
        [
            ("F1", "this help"),
            ("F2 F3 F4 F5", "Capture, Gaps, Map, Plan panes"),
            ("F6", "start or switch discovery session"),
            ("F7", "follow-ups by person: record the answer, tick, assign, go to the question"),
            ("ctrl+t", "start or pause the session clock"),
            ("ctrl+s", "save now (autosave runs 2 s after the last change)"),
            ("F9", "export the Word proposal (ctrl+e in the dialog exports)"),
            ("ctrl+p", "command palette: questions, sessions, panes, save, export"),
            ("ctrl+q", "quit (asks when changes could not be saved)"),
        ],
    ),
    (
        "Capture",
        [
            ("ctrl+n / ctrl+b", "next / previous question"),
            ("enter", "edit the highlighted question's notes"),
            ("escape", "back to the question tree"),
            ("1–5", "current maturity (0 clears)"),
            ("shift+1–5 (! @ # $ %)", "target maturity ( ) clears)"),
            ("h", "mark the pain indicator as heard"),
            ("ctrl+g", "raise a gap from this question"),
            ("/", "search questions"),
            ("u / f / t", "filter: unanswered, follow-up, this template"),
        ],
    ),
    (
        "Gaps",
        [
            ("arrows", "select a gap on the matrix"),
            ("shift+arrows", "move it: impact up/down, complexity left/right"),
            ("enter", "edit the gap"),
            ("a / d", "accept / dismiss the selected suggestion"),
            ("n", "new gap"),
            ("e", "the gap's evidence; enter on an item jumps to Capture"),
            ("delete", "delete the selected gap"),
        ],
    ),
    (
        "Map",
        [
            ("a / r", "accept / reject the selected practice"),
            ("x", "forget the decision"),
            ("w", "write the rationale"),
        ],
    ),
    (
        "Plan",
        [
            ("up / down", "select a plan item; enter edits it"),
            ("p", "propose a pilot from a gap with mapped practices"),
            ("left / right", "move the item a week (fixes its start)"),
            ("u", "unfix the start: as early as dependencies allow"),
            ("[ / ]", "shorter / longer by a week"),
            ("+ / -", "add / remove a dependency (a cycle is refused)"),
            ("m / k", "add a milestone / a technical deep-dive session"),
            (", / .", "scroll the timeline sideways (or shift+wheel)"),
            ("n", "Metrics tab: new metric · Next steps tab: new step"),
            ("space", "Next steps tab: tick or untick the step"),
            ("delete", "delete the selected item"),
        ],
    ),
]


class HelpScreen(ModalScreen[None]):
    """Lists every key."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, keys in KEYS:
            table.add_row(Text(title, style="underline bold"), "")
            for key, what in keys:
                table.add_row(Text(key), Text(what))
            table.add_row("", "")
        with VerticalScroll(classes="dialog wide help"):
            yield Static(Text("Keys  (escape closes)", style="bold"), classes="dialog-title")
            yield Static(table)
