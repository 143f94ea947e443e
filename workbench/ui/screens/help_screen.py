"""F1: every key, by pane, from the key registry."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.ui.getting_started import getting_started_rows
from workbench.ui.keys import help_rows


class HelpScreen(ModalScreen[None]):
    """Lists every key."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="bold", max_width=24)  # long key lists wrap, the words keep room
        table.add_column()
        for title, keys in [("Getting started", getting_started_rows()), *help_rows()]:
            table.add_row(Text(title, style="underline bold"), "")
            for key, what in keys:
                table.add_row(Text(key), Text(what))
            table.add_row("", "")
        with VerticalScroll(classes="dialog wide help"):
            yield Static(Text("Keys  (escape closes)", style="bold"), classes="dialog-title")
            yield Static(table)
            yield Static(saving_and_recovery())


def saving_and_recovery() -> Text:
    """How work is kept: autosave, the journal, what a restart offers, and the dialogs it opens."""
    from workbench.store.journal import journal_folder_for_people
    from workbench.ui.autosave import SAVE_AT_MOST

    text = Text("Saving, the journal and recovery", style="underline bold")
    text.append(
        "\nThe project file is saved 2 s after your last change, and at most "
        f"{SAVE_AT_MOST:g} s after the first unsaved one, however long you keep typing. What you "
        f"change reaches the journal ({journal_folder_for_people()}) within 2 s (so does what "
        "you type or choose in a dialog, before you save it: Restore opens that dialog again "
        "with it), and after a crash or a kill the next start offers "
        "it back (Restore merges it into the file "
        "as it is now; the Discard button drops it for good; Decide later, Esc, opens the file as "
        "it is and offers the work again at the next start).\n"
        "If the file changed on disk meanwhile (a colleague, git, an editor), their version is kept "
        "beside it as NAME.theirs-….toml and the two are merged record by record; only a field "
        "both changed differently is asked about, one at a time (t keeps theirs, m mine, b "
        "both, e edit; Esc stops and saves nothing). Only ctrl+s (or quitting) asks: a save in the "
        "background never opens a dialog under your typing; the header says '● changed on disk: "
        "ctrl+s to settle' (or 'file on disk unreadable', 'file deleted or moved') and your work "
        "stays here and in the journal. Such a dialog answers once it has been on screen 0.4 s "
        "with no key typed: keys typed on as it opens are dropped, never taken as answers. "
        "A save that fails says why; your work stays "
        "in the journal, and the palette's 'Save a copy' writes your version to a new file.",
        style="",
    )
    return text
