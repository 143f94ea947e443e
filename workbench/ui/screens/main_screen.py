"""The main screen: header, the four panes in tabs, footer. It routes; the panes work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

if TYPE_CHECKING:
    from workbench.ui.modals.session_modal import NewSession

from workbench.ui.messages import ProjectChanged
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.header import WorkbenchHeader
from workbench.ui.widgets.key_footer import KeyFooter
from workbench.ui.widgets.pane_slot import PaneSlot
from workbench.ui.workspace import Workspace

PANE_TITLES = {"capture": "Capture F2", "gaps": "Gaps F3", "map": "Map F4", "plan": "Plan F5"}


class MainScreen(Screen[None]):
    """Where the facilitator works."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self._shown: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield WorkbenchHeader(self.workspace)
        with TabbedContent(initial="capture", id="panes"):
            with TabPane(PANE_TITLES["capture"], id="capture"):
                yield CapturePane(self.workspace, id="capture-pane")
            for pane in ("gaps", "map", "plan"):
                with TabPane(PANE_TITLES[pane], id=pane):
                    yield PaneSlot(pane, self.workspace)
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.workspace.session is None:
            self.app.notify("No discovery session yet: press F6 to start one.", timeout=6)

    @property
    def active_pane(self) -> str:
        """Id of the pane on show."""
        return str(self.query_one(TabbedContent).active)

    def show_pane(self, pane: str) -> None:
        """Switch to a pane and refresh it from the project."""
        tabs = self.query_one(TabbedContent)
        tabs.active = pane
        self.refresh_pane(pane)
        self._focus_pane(pane)

    def _pane(self, pane: str) -> Widget | None:
        """The pane widget, or None while it is still being mounted lazily."""
        found = self.query(f"#{pane}-pane")
        return found.first() if found else None

    def _focus_pane(self, pane: str) -> None:
        focus = getattr(self._pane(pane), "focus_default", None)
        if callable(focus):
            focus()

    @on(TabbedContent.TabActivated, "#panes")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = str(event.pane.id)
        self.refresh_pane(pane)

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
        from workbench.ui.modals.session_modal import NewSession

        ws = self.workspace
        if result is None:
            return
        ws.clock.flush(ws.session)
        if isinstance(result, NewSession):
            session = ws.project.add_session(
                template=result.template, date=result.date, attendees=result.attendees, minutes=result.minutes
            )
            ws.session_id = session.id
            ws.clock.start()
            self.post_message(ProjectChanged("session"))
            self.app.notify(f"Started {session.id}; the clock is running (ctrl+t pauses).", timeout=4)
        else:
            ws.session_id = result
        ws.changed()
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
