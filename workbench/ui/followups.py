"""Opening the Follow-ups view (F7 or the palette) and bringing the panes up to date after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.ui.safe import one_line

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

    def back(asked: tuple[str, str] | None) -> None:
        screen = app.screen
        if not isinstance(screen, MainScreen):
            return
        if workspace.revision != revision:
            screen.refresh_all()
        if asked:
            question, session = asked
            if session != workspace.session_id:
                screen.switch_session(session)
                told = f"Switched to session {one_line(session, 40)}, where it was asked."
                app.notify(told, markup=False, timeout=4)
            screen.jump_to_question(question)

    app.push_screen(FollowUpsScreen(workspace, app.today), back)
