"""Dialog keys pressed while the project is still opening are kept and run once it is open.

The project opens on the first frame, before the main screen exists: a person who presses F9 as
soon as the window appears would otherwise see nothing happen (the key found no main screen). The
last such key is kept, the loading screen says what will open, and the dialog opens once the main
screen is up. A file that cannot be opened ends the run with its own sentence instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.ui.screens.loading_screen import LoadingScreen

if TYPE_CHECKING:
    from workbench.ui.app import WorkbenchApp

KEPT_WHILE_OPENING = {
    "sessions": "the session switcher",
    "followups": "the follow-ups",
    "proposal": "the proposal's text",
    "export": "the export dialog",
}
"""The app actions a key may ask for while the project opens, and what each opens."""


class KeysWhileOpening:
    """The dialog key pressed while the project opens, run once the main screen is up."""

    def __init__(self, app: WorkbenchApp) -> None:
        self.app = app
        self.action = ""
        """The action kept for when the project is open ('' for none)."""

    def opening(self) -> bool:
        """Whether the project is still opening (its main screen not up yet)."""
        return isinstance(self.app.screen, LoadingScreen)

    def keep(self, action: str) -> bool:
        """Keep an action asked for while the project opens (True), or say it can run now (False)."""
        screen = self.app.screen
        if not isinstance(screen, LoadingScreen) or action not in KEPT_WHILE_OPENING:
            return False
        self.action = action
        screen.expect(f"{KEPT_WHILE_OPENING[action].capitalize()} opens once the project is open.")
        self.app.call_after_refresh(self.run)
        return True

    def run(self) -> None:
        """Run the kept action once the main screen is up (the opening may still be under way)."""
        if not self.action:
            return
        if self.opening():
            self.app.set_timer(0.05, self.run)
            return
        action, self.action = self.action, ""
        getattr(self.app, f"action_{action}")()
