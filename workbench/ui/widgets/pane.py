"""The contract of the four panes: what the main screen may ask of each, and what each tells it.

A pane refreshes itself from the workspace (`refresh_pane`), names where the keyboard goes on
arrival (`default_focus`), and is told when it comes on show (`shown`). It changes the project
only through `workspace.apply(edit)`, and asks for anything outside itself (another pane, a
session switch) with a message from `workbench.ui.messages`, which the main screen handles.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.message import Message
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane, Tabs

from workbench.edits import Edit, EditRefused
from workbench.edits.editor import Changed
from workbench.edits.reads import EVERYTHING, Reads
from workbench.ui.workspace import Workspace


class Pane(Widget):
    """Base of the Capture, Gaps, Map and Plan panes, mixed in after their container class
    (`CapturePane(Horizontal, Pane)`: Textual takes styles from the first base only)."""

    @dataclass
    class Mounted(Message):
        """The pane is mounted (Gaps, Map and Plan mount after the first frame)."""

        pane: Pane

    PARTS: ClassVar[dict[str, Reads]] = {"all": EVERYTHING}
    """The parts of the pane that recompute on their own, and what of the project each shows."""

    def __init__(self, workspace: Workspace, id: str | None = None) -> None:
        super().__init__(id=id)
        self.workspace = workspace
        self.stale_parts: set[str] = set(self.PARTS)
        """Parts that changes of the project reached since they were last refreshed."""
        self._unfilled: dict[str, Callable[[], None]] = {}
        """Inner tabs not on show that are still to be filled from the project, by tab id."""

    @property
    def name_of_pane(self) -> str:
        """'capture', 'gaps', 'map' or 'plan'."""
        return (self.id or "").removesuffix("-pane")

    def on_mount(self) -> None:
        for tabs in self.query(Tabs):  # an inner tab strip: F-key again or a click, never a Tab stop
            tabs.can_focus = False
        self.post_message(self.Mounted(self))

    def refresh_pane(self, parts: Collection[str] | None = None) -> None:
        """Show the project as it is now: the `parts` named (see `PARTS`), or all of them."""
        raise NotImplementedError

    def hear(self, changed: Changed) -> None:
        """The project changed: note the parts the change reached (refreshed when next shown)."""
        for part, reads in self.PARTS.items():
            if part not in self.stale_parts and reads.reached(changed):
                self.stale_parts.add(part)

    def parts_to_refresh(self, parts: Collection[str] | None) -> set[str]:
        """For `refresh_pane`: the parts asked for (all when None), no longer stale."""
        wanted = set(self.PARTS) if parts is None else set(parts)
        self.stale_parts -= wanted
        return wanted

    def default_focus(self) -> Widget:
        """Where the keyboard goes when the pane comes on show and nothing had it before."""
        raise NotImplementedError

    def shown(self) -> None:
        """The pane came on show (after it was refreshed)."""

    def fill_tabs(self, tabs: TabbedContent, fills: dict[str, Callable[[], None]]) -> None:
        """Fill the inner tab on show now and the others after the next repaint, one a frame:
        a switch to the pane draws what is seen first, and a key typed meanwhile waits for one
        tab at most. A tab shown (or acted on) before its turn is filled first. `fills` may name
        only the tabs a change reached; the others keep what they show."""
        fills = {**self._unfilled, **fills}  # tabs still to fill from an earlier refresh stay so
        shown = fills.pop(tabs.active, None)
        self._unfilled = fills
        if shown is not None:
            shown()
        if fills:
            self.call_after_refresh(self._fill_next)

    def _fill_next(self) -> None:
        if self._unfilled:
            self.fill_now(next(iter(self._unfilled)))
        if self._unfilled:
            self.call_after_refresh(self._fill_next)

    @property
    def filling(self) -> bool:
        """Whether inner tabs are still being filled after a refresh."""
        return bool(self._unfilled)

    def fill_now(self, tab: str) -> None:
        """Fill an inner tab now if it is still to be filled."""
        fill = self._unfilled.pop(tab, None)
        if fill is not None:
            fill()

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self.fill_now(event.pane.id)

    def next_tab(self) -> None:
        """Show the pane's next inner tab, if it has tabs (its F-key pressed again)."""
        found = self.query(TabbedContent)
        if not found:
            return
        tabs = found.first()
        ids = [pane.id for pane in tabs.query(TabPane) if pane.id]
        if not ids:
            return
        focused = self.screen.focused
        for tab in ids:
            self.fill_now(tab)
        tabs.active = ids[(ids.index(tabs.active) + 1) % len(ids)] if tabs.active in ids else ids[0]
        if focused is not None and tabs in focused.ancestors:  # the keyboard goes with the tab
            self.call_after_refresh(self._focus_first_in, tabs)

    def show_tab(self, tabs_id: str, tab: str) -> None:
        """Show inner tab `tab` of the tab set `tabs_id` (a dialog opening over it), the keyboard
        with it while this pane is on show: focus given to a widget of another tab (the pane's
        own first focus, queued as it was shown) would show that tab again (TabbedContent shows
        the tab of whatever is focused), and the restore reopened a next step over Timeline."""
        tabs = self.query_one(f"#{tabs_id}", TabbedContent)
        self.fill_now(tab)
        tabs.active = tab
        if getattr(self.screen, "active_pane", None) == self.name_of_pane:
            self._focus_first_in(tabs)

    def _focus_first_in(self, tabs: TabbedContent) -> None:
        shown = tabs.active_pane
        target = next((w for w in shown.query("*") if w.focusable), None) if shown else None
        if target is not None:
            target.focus()

    def select(self, record_id: str) -> None:
        """Select a record the pane lists (a gap just raised, say), refreshing it."""
        self.refresh_pane()

    def apply(self, edit: Edit) -> bool:
        """Make an edit; a refusal is shown in one sentence, not raised. False if nothing
        changed."""
        return bool(self.try_apply(edit))

    def try_apply(self, edit: Edit) -> bool | None:
        """`apply`, telling a refusal (None: its sentence is already shown) from an edit that
        changed nothing (False)."""
        try:
            return self.workspace.apply(edit)
        except EditRefused as refused:
            self.app.notify(str(refused), severity="warning", markup=False, timeout=5)
            return None
