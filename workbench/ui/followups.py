"""Opening the Follow-ups view (F7 or the palette) and bringing the panes up to date after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.ui.app import WorkbenchApp


def open_followups(app: WorkbenchApp) -> None:
    """Push the Follow-ups view; on the way back, refresh what changed and show a chosen question."""
    from workbench.ui.screens.followups_screen import FollowUpsScreen
    from workbench.ui.screens.main_screen import MainScreen

    workspace = app.workspace
    if workspace is None or isinstance(app.screen, FollowUpsScreen):
        return
    revision = workspace.revision

    def back(question: str | None) -> None:
        screen = app.screen
        if not isinstance(screen, MainScreen):
            return
        if workspace.revision != revision:
            screen.refresh_all()
        if question:
            screen.jump_to_question(question)

    app.push_screen(FollowUpsScreen(workspace, app.today), back)
