"""#17 fresh-eyes 1: the F-keys act from the Follow-ups view as they do on the panes (README: F-keys
act everywhere): each leaves the view and does its work there."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import opened_by, ready, until
from workbench.ui.keys import KEYS, in_scope
from workbench.ui.screens.followups_screen import FollowUpsScreen
from workbench.ui.screens.main_screen import MainScreen

STAYING = {"f1", "f7"}
"""F1 shows help over the view; F7 is the view's own key."""
F_KEYS = [k for k in in_scope("app") if k.bound and k.key.startswith("f") and k.key[1:].isdigit()]


def test_the_registry_has_the_f_keys_this_test_presses() -> None:
    assert {k.key for k in F_KEYS} >= {f"f{n}" for n in range(1, 10)}
    assert not [k for k in KEYS if k.scope == "followups" and k.key in {e.key for e in F_KEYS}]


@pytest.mark.parametrize("entry", [k for k in F_KEYS if k.key not in STAYING], ids=lambda k: k.key)
async def test_an_f_key_leaves_the_follow_ups_view_and_acts(example: Path, make_app, entry) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f2")  # from Capture, so a pane key shows another pane
        await pilot.press("f7")
        assert await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        await pilot.press(entry.key)
        assert await until(pilot, lambda: not any(isinstance(s, FollowUpsScreen) for s in app.screen_stack))
        main = next(s for s in app.screen_stack if isinstance(s, MainScreen))
        if entry.action.startswith("pane("):
            pane = entry.action.split("'")[1]
            assert await until(pilot, lambda: main.active_pane == pane and app.screen is main)
        else:  # the session dialog, the proposal's text, the export: a dialog over the panes
            assert await until(pilot, lambda: app.screen is not main)


async def test_the_view_shows_the_header_with_the_save_state(example: Path, make_app) -> None:
    """#17 fresh-eyes 9: while closing items the header (session, ✓ saved / ● unsaved) is on screen;
    at 80 columns the session and its template come first, the engagement's name where it fits."""
    from workbench.ui.widgets.header import WorkbenchHeader

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened_by(pilot, "f7", FollowUpsScreen)
        screen = app.screen
        header = screen.query_one(WorkbenchHeader)

        def says(words: str) -> bool:
            return header.region.y == 0 and words in str(header.render())

        assert await until(pilot, lambda: says("✓ saved") and says("ml-1 · ML Engineering Team Session"))
        await pilot.resize_terminal(120, 36)
        assert await until(pilot, lambda: says(app.workspace.project.project.name[:10]))
        listing = screen.query_one("#followup-list")
        listing.highlighted = listing.get_option_index("step:N-2")  # type: ignore[attr-defined]
        await pilot.press("c")
        assert await until(pilot, lambda: says("● unsaved"))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: says("✓ saved"))
        assert app.screen is screen
