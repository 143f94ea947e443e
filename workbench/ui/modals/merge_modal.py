"""Settle a merge's conflicts one at a time: the value before, on disk and yours; pick one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from workbench.store.merge3 import Conflict, Path, Side, shown
from workbench.ui.modals.dialog import Dialog, DialogButtons, cancel_label
from workbench.ui.safe import literal

SHOWN_CHARS = 160
"""Each value is cut to this many characters so the dialog fits 80×24."""


class MergeModal(ModalScreen[dict[Path, Side] | None]):
    """Dismisses with a side per conflict path, or None to stop (nothing is saved)."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Stop"),
        Binding("d", "choose('ours')", "Keep the file's", show=False),
        Binding("m", "choose('theirs')", "Keep mine", show=False),
    ]

    def __init__(self, path: str, conflicts: list[Conflict], intro: str) -> None:
        super().__init__()
        self.path = path
        self.conflicts = conflicts
        self.intro = intro
        self.choices: dict[Path, Side] = {}

    @property
    def current(self) -> Conflict:
        """The conflict on show."""
        return self.conflicts[len(self.choices)]

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide", id="merge-dialog"):
            yield Static(id="merge-title", classes="dialog-title")
            yield Static(literal(self.intro), classes="dialog-body")
            yield Static(id="merge-what")
            yield Static(id="merge-base", classes="merge-value")
            yield Static(id="merge-ours", classes="merge-value")
            yield Static(id="merge-theirs", classes="merge-value")
            with DialogButtons():
                yield Button("Keep the file's (d)", id="ours", compact=True)
                yield Button("Keep mine (m)", id="theirs", variant="primary", compact=True)
                yield Button(cancel_label("Stop"), id="stop", compact=True)

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        conflict = self.current
        count = len(self.conflicts)
        title = f"Changed on disk: {count} conflict{'s' if count != 1 else ''}"
        if count > 1:
            title += f" ({len(self.choices) + 1} of {count})"
        self.query_one("#merge-title", Static).update(literal(title, "bold"))
        what = conflict.what + (f": {conflict.note}" if conflict.note else "")
        self.query_one("#merge-what", Static).update(literal(what, "bold"))
        for name, label, value in (
            ("base", "Before   ", conflict.base),
            ("ours", "On disk  ", conflict.ours),
            ("theirs", "Yours    ", conflict.theirs),
        ):
            text = shown(value)
            if len(text) > SHOWN_CHARS:
                text = text[: SHOWN_CHARS - 1] + "…"
            line = literal(label, "dim")
            line.append_text(literal(text, multiline=False))
            self.query_one(f"#merge-{name}", Static).update(line)

    def action_choose(self, side: Side) -> None:
        """Keep one side's value for the conflict on show, then go to the next one."""
        self.choices[self.current.path] = side
        if len(self.choices) == len(self.conflicts):
            self.dismiss(self.choices)
        else:
            self._show()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "stop":
            self.dismiss(None)
        elif event.button.id in ("ours", "theirs"):
            self.action_choose("ours" if event.button.id == "ours" else "theirs")
