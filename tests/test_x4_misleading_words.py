"""Issue 12 walkthrough (v5 item 4): texts that misled."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.helpers import ready, until
from tests.test_dialogs import keys
from workbench.ui.modals.pick_modal import NOTHING_MATCHES, PickModal


async def test_propose_pilot_says_why_a_gap_without_practices_cannot_be_chosen(example: Path, make_app) -> None:
    """Plan `p`, typing g-010 (no practice mapped): 'Nothing here has all these words'."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await keys(pilot, "f5", "p")
        assert await until(pilot, lambda: isinstance(app.screen, PickModal) and app.screen.keys_ready)
        await pilot.press(*"g-010")
        listing = app.screen.query_one("#pick-list", OptionList)

        def said() -> str:
            return " ".join(str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count))

        assert await until(pilot, lambda: "G-010 has no practice mapped yet" in said()), said()
        assert "Map (F4)" in said() and NOTHING_MATCHES not in said()
        await pilot.press("enter")  # the reason is no choice
        await pilot.pause()
        assert isinstance(app.screen, PickModal)
