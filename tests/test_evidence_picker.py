"""#12 leftovers (fix12p): the gap dialog's "Add evidence…" picker narrows as a person types
(words of the sentence or its id, any case; Backspace widens; Enter attaches; Esc closes the
picker only), and the Gaps pane's evidence list has an item under the cursor when it gets the
keyboard, so Enter opens it. Driven key by key at 80×24; asserted on the saved file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList

from tests.helpers import hand_edit, ready, saved, until
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.modals.pick_modal import NOTHING_MATCHES, PickModal
from workbench.ui.widgets.capture_pane import CapturePane

SMALL = (80, 24)


def shown(app: Any) -> list[str]:
    """The picker's items as a person reads them."""
    listing = app.screen.query_one("#pick-list", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def evidence_of(path: Path, gap_id: str) -> list[str]:
    return next(g for g in saved(path)["gaps"] if g["id"] == gap_id)["evidence"]


async def open_picker_on_g001(pilot: Any) -> None:
    """F3, Enter on the gap under the cursor (G-001), Tab to 'Add evidence…', Enter."""
    app = pilot.app
    await ready(pilot)
    await pilot.press("f3")
    await pilot.pause()
    await pilot.press("enter")
    assert await until(pilot, lambda: isinstance(app.screen, GapModal))
    assert app.screen.draft.evidence == ["heard:H-004", "discovery:model-deployment.discovery.1@ml-1", "metric:M-001"]
    for _ in range(20):
        if app.focused is not None and app.focused.id == "gap-add-evidence":
            break
        await pilot.press("tab")
        await pilot.pause()
    await pilot.press("enter")
    assert await until(pilot, lambda: isinstance(app.screen, PickModal))
    await pilot.pause()


async def save_gap_and_project(pilot: Any) -> None:
    app = pilot.app
    await pilot.press("ctrl+s")  # the gap dialog
    assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
    await pilot.press("ctrl+s")  # the project
    assert await until(pilot, lambda: not app.workspace.unsaved)


async def test_typed_words_narrow_the_picker_and_enter_attaches_what_is_left(example: Path, make_app) -> None:
    """Typing 'GPU bill' in the picker leaves the CFO's quote about it; Enter attaches it.
    Before, the letters went nowhere and Enter attached the first quote of the list."""
    app = make_app(example)
    async with app.run_test(size=SMALL) as pilot:
        await open_picker_on_g001(pilot)
        everything = shown(app)
        assert len(everything) > 10
        await pilot.press(*"GPU bill")
        assert await until(pilot, lambda: len(shown(app)) == 1)
        assert app.screen.query_one(Input).value == "GPU bill"  # what is typed shows
        assert "The GPU bill doubled" in shown(app)[0]
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await save_gap_and_project(pilot)
    assert evidence_of(example, "G-001")[-1] == "heard:H-006"


async def test_an_id_narrows_backspace_widens_and_down_moves_before_enter(example: Path, make_app) -> None:
    """The id counts as words ('m-00' leaves the metrics G-001 lacks, 'm-004' one of them);
    Backspace widens the list again, and Down then Enter attaches the second."""
    app = make_app(example)
    async with app.run_test(size=SMALL) as pilot:
        await open_picker_on_g001(pilot)
        await pilot.press(*"m-00")
        assert await until(pilot, lambda: len(shown(app)) == 4)
        assert [line[:12] for line in shown(app)] == [f"Metric M-00{n}" for n in (2, 3, 4, 5)]
        await pilot.press("4")
        assert await until(pilot, lambda: len(shown(app)) == 1)
        await pilot.press("backspace")
        assert await until(pilot, lambda: len(shown(app)) == 4)
        await pilot.press("down", "enter")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await save_gap_and_project(pilot)
    assert evidence_of(example, "G-001")[-1] == "metric:M-003"


async def test_nothing_matching_attaches_nothing_and_esc_closes_the_picker_only(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=SMALL) as pilot:
        await open_picker_on_g001(pilot)
        await pilot.press(*"zebra crossing")
        assert await until(pilot, lambda: shown(app) == [NOTHING_MATCHES])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickModal)
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await save_gap_and_project(pilot)
    assert evidence_of(example, "G-001") == ["heard:H-004", "discovery:model-deployment.discovery.1@ml-1", "metric:M-001"]


async def test_a_quote_with_markup_is_listed_and_found_literally(example: Path, make_app) -> None:
    """Text from the file is data: brackets in a quote are shown and matched as typed."""
    hand_edit(example, "The GPU bill doubled", "The [bold]GPU[/] bill [@click=app.quit]doubled")
    app = make_app(example)
    async with app.run_test(size=SMALL) as pilot:
        await open_picker_on_g001(pilot)
        await pilot.press(*"[/] bill")
        assert await until(pilot, lambda: len(shown(app)) == 1)
        assert "The [bold]GPU[/] bill [@click=app.quit]doubled" in shown(app)[0]
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await save_gap_and_project(pilot)
        assert app.is_running
    assert evidence_of(example, "G-001")[-1] == "heard:H-006"


async def test_enter_on_the_gaps_evidence_list_opens_its_first_item(example: Path, make_app) -> None:
    """F3, e puts the keyboard in the selected gap's evidence list: Enter at once opens the first
    item's question (before, nothing was highlighted, so Enter did nothing until an arrow)."""
    app = make_app(example)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("e")
        evidence = app.screen.query_one("#evidence", OptionList)
        assert await until(pilot, lambda: app.focused is evidence and evidence.option_count > 0)
        await pilot.press("enter")
        assert await until(pilot, lambda: app.screen.active_pane == "capture")
        shown_question = app.screen.query_one(CapturePane).panel.ref
        assert shown_question == "discovery:model-deployment.pain.1"  # H-004's pain indicator
