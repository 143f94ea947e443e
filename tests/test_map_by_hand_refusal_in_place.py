"""Task z1, item 2 (#12 leftovers): Map › `p` (map a practice by hand) said a missing rationale in a
toast, away from the field; every other dialog says a refusal under the field it is about, with the
keyboard there (DialogScreen.refuse), and the sentence goes once the field is put right."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.helpers import notifications, ready, until
from tests.test_map_by_hand import mappings
from workbench.ui.modals.practice_pick_modal import PracticePickModal
from workbench.ui.widgets.map_pane import MapPane
from workbench.ui.widgets.real_text import RealInput

NEEDS = "Say why this practice answers the gap: a mapping by hand needs a rationale."


async def test_a_missing_rationale_is_said_under_the_rationale(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    before = mappings(example)
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        pane = app.screen.query_one(MapPane)
        assert await until(pilot, lambda: pane.gap_id != "")
        shown = notifications(app)
        await pilot.press("p")
        assert await until(pilot, lambda: isinstance(app.screen, PracticePickModal))
        dialog = app.screen
        await pilot.press(*"runbook", "enter", "enter")  # the practice chosen, Enter on no rationale
        refused = dialog.query_one("#pick-refused", Static)
        rationale = dialog.query_one("#pick-rationale", RealInput)
        assert await until(pilot, lambda: refused.display and NEEDS in str(refused.render()))
        assert app.screen is dialog and dialog.focused is rationale
        assert refused.region.y == rationale.region.bottom, (refused.region, rationale.region)
        assert not [s for s in shown if "rationale" in s], shown  # no toast
        await pilot.press(*"Someone on call")
        assert await until(pilot, lambda: NEEDS not in str(refused.render()))
    assert mappings(example) == before
