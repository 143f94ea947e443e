"""F7: follow-ups grouped by person; close one by recording its answer, assign one, jump to it.

The view opens on the item it was left on, with `d` as it was left; a change keeps the cursor
on its item (or the one after it, when it is done and hidden)."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbench.analysis.followups import (
    KIND_LABELS,
    FollowUp,
    by_person,
    follow_ups,
    known_people,
    parse_key,
)
from workbench.edits import Edit, EditRefused
from workbench.edits.editor import Changed
from workbench.edits.followups import AssignFollowUp, CloseFollowUp, ReopenFollowUp
from workbench.ui.keys import bindings
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.header import WorkbenchHeader
from workbench.ui.widgets.key_footer import KeyFooter
from workbench.ui.widgets.staying_list import StayingOptionList
from workbench.ui.workspace import Workspace
from workbench.ui.wrapping import hanging

INDENT = " " * 6
"""Where an item's second and later lines start (under its words, after `  ○ `)."""
LIST_MARGIN = 8
"""Columns of the screen the list's padding, border and scroll bar take."""
FOLLOWUPS_VIEW = "followups"
"""Where a dialog of this view opens again after a crash (`DialogScreen.reopens`): the restore
opens the view, then calls the method named with the item's key."""


class FollowUpsScreen(Screen[tuple[str, str] | None]):
    """Dismisses with a question to show in Capture and the session it was asked in, or None."""

    EDITS_THE_PROJECT = True
    """The app's keys that change the project can run here (see `WorkbenchApp.check_action`)."""

    DEFAULT_CSS = """
    FollowUpsScreen #followups-view { padding: 0 1; }
    FollowUpsScreen #followup-list { height: 1fr; }
    FollowUpsScreen #followups-title { height: auto; margin-bottom: 1; }
    """

    BINDINGS = bindings("followups")

    def __init__(self, workspace: Workspace, today: dt.date) -> None:
        super().__init__()
        self.workspace = workspace
        self.today = today
        self.show_done = workspace.followups_show_done
        self.items: dict[str, FollowUp] = {}
        self.order: list[str] = []
        """The keys listed, in order: a closed item hidden by a change hands the cursor on."""

    def compose(self) -> ComposeResult:
        yield WorkbenchHeader(self.workspace)  # the project and whether it is saved, as on the panes
        with Vertical(id="followups-view"):
            yield Static(id="followups-title")
            yield StayingOptionList(id="followup-list")
        yield KeyFooter()

    class Stale(Message):
        """The project changed (here, elsewhere, by undo or on disk): list the items again."""

    def on_mount(self) -> None:
        self.fill(self.workspace.followups_at or None)
        self.query_one("#followup-list", OptionList).focus()
        self.workspace.editor.listeners.append(self._project_changed)

    def on_unmount(self) -> None:
        self.workspace.editor.listeners.remove(self._project_changed)

    @on(OptionList.OptionHighlighted, "#followup-list")
    def _remember(self, event: OptionList.OptionHighlighted) -> None:
        """Keep the place (not from a highlight the list has moved on from since: refilling it
        highlights its first option before the kept one)."""
        if event.option.id and event.option_index == event.option_list.highlighted:
            self.workspace.followups_at = event.option.id

    def _project_changed(self, changed: Changed) -> None:
        if changed.kind != "outside":  # the session clock's time changes no follow-up
            self.post_message(self.Stale())

    @on(Stale)
    def _refill(self) -> None:
        item = self._highlighted()
        self.fill(item.key if item else None)

    # --- the list -----------------------------------------------------------------------------

    def fill(self, keep: str | None = None) -> None:
        """List the items by person, keeping the highlight on `keep` when it is still shown (else
        on the item listed after it before, else the one before it)."""
        before = self.order
        all_items = follow_ups(self.workspace.project, self.workspace.catalogue)
        shown = [i for i in all_items if self.show_done or not i.done]
        self.items = {i.key: i for i in shown}
        still_open = sum(1 for i in all_items if not i.done)
        title = Text("Follow-ups", style="bold")
        title.append(f"  {still_open} open · {len(all_items) - still_open} done", style="dim")
        title.append("  (done items shown)" if self.show_done else "  (d shows done items)", style="dim")
        self.query_one("#followups-title", Static).update(title)
        options: list[Option] = []
        for person, group in by_person(shown):
            waiting = sum(1 for i in group if not i.done)
            header = literal(person, "bold")
            header.append(f"  {waiting} open", style="dim")
            options.append(Option(header, disabled=True))
            options.extend(Option(self._prompt(i), id=i.key) for i in group)
        if not options:
            options.append(Option(Text("Nothing to follow up.", style="dim"), disabled=True))
        listing = self.query_one("#followup-list", OptionList)
        listing.set_options(options)
        self.order = [o.id for o in listing.options if o.id is not None]
        target = _nearest(keep, before, self.order)
        if target is not None:
            listing.highlighted = listing.get_option_index(target)

    def _prompt(self, item: FollowUp) -> Text:
        """The item's lines, each wrapped to the list's width under its own indent."""
        mark, style = ("✓ ", "dim") if item.done else ("○ ", "")
        first = Text("  " + mark, style=style)
        first.append(f"{KIND_LABELS[item.kind]}: ", style="dim" if item.done else "bold")
        first.append_text(literal(one_line(item.subject, 500), style))
        lines = [first]
        where = [x for x in (item.area, f"session {item.session}" if item.session else "") if x]
        if item.due:
            where.append(f"due {item.due}")
        if where or item.overdue(self.today):
            line = literal(INDENT + one_line(" · ".join(where), 300), "dim")
            if item.overdue(self.today):
                line.append("  overdue", style="bold red")
            lines.append(line)
        if item.note:
            lines.append(literal(INDENT + one_line(item.note, 1000), "italic dim"))
        width = max(20, (self.size.width or self.app.size.width) - LIST_MARGIN)
        return Text("\n").join(hanging(line, width, INDENT, self.app.console) for line in lines)

    def on_resize(self) -> None:
        self._refill()

    def _highlighted(self) -> FollowUp | None:
        listing = self.query_one("#followup-list", OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return self.items.get(option.id or "")

    # --- actions ------------------------------------------------------------------------------

    def _apply(self, edit: Edit, keep: str) -> bool:
        try:
            changed = self.workspace.apply(edit)
        except EditRefused as refused:
            self.notify(str(refused), severity="error", markup=False, timeout=6)
            return False
        if changed:  # listed again at once; the main screen hears of it too, and the app saves
            self.fill(keep)
        return bool(changed)

    @on(OptionList.OptionSelected, "#followup-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Enter: a question asks for the answer that closes it; a next step opens to be edited."""
        item = self._highlighted()
        if item is None:
            return
        if item.kind != "next-step":
            self.action_close()
            return
        self.edit_follow_up_step(parse_key(item.key)[1])

    def edit_follow_up_step(self, step_id: str) -> None:
        """Edit the next step `step_id`: its words, owner and due date. What is typed in it is
        journaled: after a crash the restore opens this view, on the step, and calls this again."""
        from workbench.ui.modals.next_step_modal import edit_step

        key = f"step:{step_id}"
        step = self.workspace.project.next_step(step_id)
        if step is not None and self._item(key) is not None:
            reopen = (FOLLOWUPS_VIEW, "edit_follow_up_step")
            edit_step(self.app, step, lambda edit: self._apply(edit, key), reopen=reopen)

    def action_back(self) -> None:
        """Back to the panes."""
        self.dismiss(None)

    def action_close(self) -> None:
        """Close the highlighted item (asking for the answer to a question, ticking a next step),
        or reopen it."""
        item = self._highlighted()
        if item is None:
            return
        about = one_line(item.subject)
        if item.done:
            self._apply(ReopenFollowUp(item.key, about), item.key)
            self.notify(f"Reopened: {one_line(item.subject, 60)}", markup=False, timeout=3)
        elif item.kind == "next-step":
            if self._apply(CloseFollowUp(item.key, about=about), item.key):
                told = f"Ticked: {one_line(item.subject, 60)} (c again reopens it)"
                self.notify(told, markup=False, timeout=3)
        else:
            self.answer_follow_up(item.key)

    def action_assign(self) -> None:
        """Set whom to ask and by when."""
        item = self._highlighted()
        if item is not None:
            self.assign_follow_up(item.key)

    def answer_follow_up(self, key: str) -> None:
        """Ask for the answer that closes the question followed up as `key`. What is typed in it
        is journaled: after a crash the restore opens this view and calls this again."""
        from workbench.ui.modals.followup_modals import CloseFollowUpModal

        item = self._item(key)
        if item is None or item.kind == "next-step":
            return

        def record(answer: str | None) -> None:
            if answer is not None:
                self._apply(CloseFollowUp(item.key, answer, one_line(item.subject)), item.key)

        modal = CloseFollowUpModal(item).reopens(FOLLOWUPS_VIEW, "answer_follow_up", key)
        self.app.push_screen(modal, record)

    def assign_follow_up(self, key: str) -> None:
        """Ask whom to ask about the follow-up `key`, or who does it, and by when (journaled as
        `answer_follow_up` is)."""
        from workbench.ui.modals.followup_modals import AssignFollowUpModal

        item = self._item(key)
        if item is None:
            return

        def assign(result: tuple[str, dt.date | None] | None) -> None:
            if result is not None:
                self._apply(AssignFollowUp(item.key, result[0], result[1], one_line(item.subject)), item.key)

        people = known_people(self.workspace.project)
        modal = AssignFollowUpModal(item, people).reopens(FOLLOWUPS_VIEW, "assign_follow_up", key)
        self.app.push_screen(modal, assign)

    def _item(self, key: str) -> FollowUp | None:
        """The follow-up `key` as the project has it now (the view may not be listed yet: the
        restore opens a dialog as the view opens); the view opens on it."""
        listed = follow_ups(self.workspace.project, self.workspace.catalogue)
        item = next((i for i in listed if i.key == key), None)
        if item is not None:
            self.workspace.followups_at = key
        return item

    def action_jump(self) -> None:
        """Leave, showing the highlighted question in Capture in the session it was asked in."""
        item = self._highlighted()
        if item is None:
            return
        kind, question, session = parse_key(item.key)
        if kind != "answer":
            self.notify(
                "A next step has no question to go to: Enter edits it, c ticks it.", markup=False, timeout=4
            )
        elif self.workspace.project.session(session) is None:
            told = f"Session {one_line(session, 40)} is no longer in the project."
            self.notify(told, markup=False, timeout=4)
        else:
            self.dismiss((question, session))

    def action_toggle_done(self) -> None:
        """Show or hide items already done (kept for the next time the view opens)."""
        item = self._highlighted()
        self.show_done = self.workspace.followups_show_done = not self.show_done
        self.fill(item.key if item else None)


def _nearest(keep: str | None, before: list[str], now: list[str]) -> str | None:
    """`keep` if it is listed now, else the first listed now of those after it before, else of
    those before it (nearest first), else the first item."""
    if keep in now:
        return keep
    if keep in before:
        at = before.index(keep)
        listed = set(now)
        for key in [*before[at + 1 :], *reversed(before[:at])]:
            if key in listed:
                return key
    return now[0] if now else None
