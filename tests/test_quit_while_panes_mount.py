"""Quitting while the panes are still being mounted (Gaps, Map and Plan mount after the first
frame) ends cleanly: the tab strip of a pane half-built as the app closed failed to mount
('No Tab with id --content-tab-plan-timeline', a traceback after quitting; CI saw it as a flake
of test_the_restore_offer_says_what_the_work_holds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.message import Message

from tests.helpers import until


@pytest.mark.parametrize("name", ["gaps", "map", "plan"])
async def test_quitting_as_a_pane_builds_its_tab_strip(example: Path, make_app, name: str) -> None:
    app = make_app(example)
    quit_at: list[str] = []

    def strip_not_built() -> bool:
        """The pane's tab strip is in the DOM, its tabs not yet: the moment to quit."""
        strips = [s for screen in app.screen_stack for s in screen.query(f"#{name}-pane TabbedContent > Tabs")]
        return bool(strips) and not strips[0].children

    def quit_then(message: Message) -> None:
        if not quit_at and isinstance(message, events.Compose) and strip_not_built():
            quit_at.append(name)
            app.exit(0)  # what ctrl+q does with nothing unsaved

    async with app.run_test(size=(120, 36), message_hook=quit_then) as pilot:
        assert await until(pilot, lambda: not app.is_running)
    assert quit_at == [name]
    assert app.return_code == 0
