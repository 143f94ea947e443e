"""The main screen: header, the four panes in tabs, footer. It routes; the panes work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Tab, Tabs

if TYPE_CHECKING:
    from workbench.ui.modals.session_modal import NewSession

from workbench.ui.messages import ProjectChanged
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.header import WorkbenchHeader
from workbench.ui.widgets.key_footer import KeyFooter
from workbench.ui.widgets.pane_slot import PaneSlot
from workbench.ui.widgets.pane_strip import PANES, PaneStrip
from workbench.ui.workspace import Workspace

CATCH_UP_DELAY = 1.5
"""Seconds after the last change (or the opening) before panes out of view are refreshed."""
CATCH_UP_STEP = 0.05
PANE_TITLES = {"capture": "Capture F2", "gaps": "Gaps F3", "map": "Map F4", "plan": "Plan F5"}


class MainScreen(Screen[None]):
    """Where the facilitator works."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self._shown: dict[str, int] = {}
        self._last_focus: dict[str, Widget] = {}

    def compose(self) -> ComposeResult:
        yield WorkbenchHeader(self.workspace)
        yield Tabs(*[Tab(PANE_TITLES[pane], id=pane) for pane in PANES], id="pane-tabs")
        with PaneStrip(id="panes"):
            yield CapturePane(self.workspace, id="capture-pane")
            for pane in PANES[1:]:
                yield PaneSlot(pane, self.workspace)
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.workspace.session is None:
            self.app.notify("No discovery session yet: press F6 to start one.", timeout=6)
        self._catch_up_timer = self.set_timer(CATCH_UP_DELAY, self.catch_up)

    @on(ProjectChanged)
    def _project_changed(self) -> None:
        """Bring the panes out of view up to date once the facilitator pauses (the message goes
        on to the app, which saves)."""
        self._catch_up_timer.stop()
        self._catch_up_timer = self.set_timer(CATCH_UP_DELAY, self.catch_up)

    def catch_up(self) -> None:
        """Refresh one stale pane out of view, then the next a moment later, so a switch after
        a pause is only a repaint and no single refresh holds up a keystroke for long."""
        stale = [
            pane
            for pane in PANES[1:]
            if pane != self.active_pane and self._shown.get(pane) != self.workspace.revision
        ]
        mounted = [pane for pane in stale if self._pane(pane) is not None]
        if mounted:
            self.refresh_pane(mounted[0])
            stale.remove(mounted[0])
        if stale:  # the rest, or panes still being mounted
            self.set_timer(CATCH_UP_STEP if mounted else CATCH_UP_DELAY, self.catch_up)

    @property
    def strip(self) -> PaneStrip:
        """The panes (looked up among the screen's children, not the whole DOM)."""
        return self.get_child_by_type(PaneStrip)

    @property
    def active_pane(self) -> str:
        """Id of the pane on show."""
        return self.strip.active

    def show_pane(self, pane: str, take_focus: bool = True) -> None:
        """Switch to a pane, refresh it from the project and put the keyboard back where it was
        (or leave it where it is, on the tab bar say, without `take_focus`)."""
        leaving = self.active_pane
        if pane != leaving and self.focused is not None and take_focus:
            self._last_focus[leaving] = self.focused
        self.strip.show(pane)
        tabs = self.get_child_by_type(Tabs)
        with tabs.prevent(Tabs.TabActivated):
            tabs.active = pane
        self.refresh_pane(pane)
        if take_focus:
            self._focus_pane(pane)

    def panes_mounted(self) -> bool:
        """Whether every pane is mounted (Gaps, Map and Plan mount after the first frame)."""
        return all(self._pane(pane) is not None for pane in PANES)

    def _pane(self, pane: str) -> Widget | None:
        """The pane widget, or None while it is still being mounted lazily."""
        for child in self.strip.children:
            if child.id == f"{pane}-pane":
                return child
        return None

    def _focus_pane(self, pane: str) -> None:
        """Focus what had the keyboard when the pane was left, else the pane's own choice.

        Both are in view already: no scrolling to them (that would make Textual arrange every
        widget of every pane again).
        """
        widget = self._pane(pane)
        last = self._last_focus.pop(pane, None)
        if widget is not None and last is not None and last.focusable and widget in last.ancestors:
            last.focus(scroll_visible=False)
            return
        default = getattr(widget, "default_focus", None)
        if callable(default):
            default().focus(scroll_visible=False)

    @on(Tabs.TabActivated, "#pane-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        pane = str(event.tab.id)
        if pane != self.active_pane:  # arrows on the focused tab bar keep the keyboard there
            self.show_pane(pane, take_focus=self.focused is not event.tabs)

    def refresh_pane(self, pane: str, force: bool = False) -> None:
        """Bring a pane up to date, unless nothing changed since it was last refreshed."""
        if pane == "capture":
            return
        widget = self._pane(pane)
        refresh = getattr(widget, "refresh_pane", None)
        if not callable(refresh):
            return
        if force or self._shown.get(pane) != self.workspace.revision:
            refresh()
            self._shown[pane] = self.workspace.revision

    def refresh_all(self) -> None:
        """Rebuild every pane (after a reload or a recovery)."""
        self.query_one(CapturePane).rebuild()
        for pane in ("gaps", "map", "plan"):
            self.refresh_pane(pane, force=True)
        self.query_one(WorkbenchHeader).refresh_state()

    # --- sessions ------------------------------------------------------------------------------

    def choose_session(self) -> None:
        """Open the session switcher."""
        from workbench.ui.modals.session_modal import SessionModal

        ws = self.workspace
        self.app.push_screen(
            SessionModal(ws.project, ws.catalogue, ws.today, ws.session_id), self._session_chosen
        )

    def _session_chosen(self, result: NewSession | str | None) -> None:
        from workbench.edits.sessions import StartSession
        from workbench.ui.modals.session_modal import NewSession

        ws = self.workspace
        if result is None:
            return
        ws.clock.flush(ws.session)
        if isinstance(result, NewSession):
            start = StartSession(result.template, result.date, list(result.attendees), minutes=result.minutes)
            ws.apply(start)
            ws.session_id = start.session_id
            ws.clock.start()
            self.post_message(ProjectChanged("session"))
            self.app.notify(f"Started {start.session_id}; the clock is running (ctrl+t pauses).", timeout=4)
        else:
            ws.session_id = result  # switching changes nothing in the project
        self.query_one(CapturePane).rebuild(from_top=isinstance(result, NewSession))
        self.query_one(WorkbenchHeader).refresh_state()

    # --- capture helpers for the palette ---------------------------------------------------------

    def jump_to_question(self, ref: str) -> None:
        """Show a question in Capture."""
        self.show_pane("capture")
        self.query_one(CapturePane).jump_to(ref)

    def export_proposal(self) -> None:
        """Export the Word proposal (see the export modal)."""
        from workbench.ui.modals.export_modal import start_export

        start_export(self)
