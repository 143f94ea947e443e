"""Dialog keys pressed while the project is still opening (issue 15 leftover: F8 and F9 were
dropped without a word): the loading screen says what will open, and it opens once, when the
project is open."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.helpers import until
from workbench.ui.screens.loading_screen import LoadingScreen


def dialogs() -> dict[str, type]:
    from workbench.ui.modals.export_modal import ExportModal
    from workbench.ui.modals.proposal_modal import ProposalModal
    from workbench.ui.modals.session_modal import SessionModal
    from workbench.ui.screens.followups_screen import FollowUpsScreen

    return {"f6": SessionModal, "f7": FollowUpsScreen, "f8": ProposalModal, "f9": ExportModal}


@pytest.mark.parametrize("key", ["f6", "f7", "f8", "f9"])
async def test_a_dialog_key_pressed_while_opening_opens_its_dialog_once_open(
    key: str, example: Path, make_app
) -> None:  # type: ignore[no-untyped-def]
    dialog = dialogs()[key]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, LoadingScreen)  # pressed before the project is open
        await pilot.press(key)
        assert await until(pilot, lambda: isinstance(app.screen, dialog))
        assert sum(isinstance(s, dialog) for s in app.screen_stack) == 1
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, dialog))
        await pilot.pause()
        assert not any(isinstance(s, dialog) for s in app.screen_stack)  # once: not again


async def test_the_loading_screen_says_what_will_open(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.keys_while_opening import KEPT_WHILE_OPENING

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, LoadingScreen)
        assert app.keys_while_opening.keep("export")
        said = str(screen.query_one("#loading-expect", Static).render())
        assert said == "The export dialog opens once the project is open."
        assert set(KEPT_WHILE_OPENING) == {"sessions", "followups", "proposal", "export"}
        assert await until(pilot, lambda: isinstance(app.screen, dialogs()["f9"]))
        assert not app.keys_while_opening.keep("export")  # open: it runs at once instead
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, dialogs()["f9"]))
