"""Issue 12, fix12a: the gap dialog never loses what was chosen. A gap raised from a question is
saved with that question's area at any typing speed, and words typed into the area dropdown
by mistake never clear it; a new gap (Gaps' n, the palette) keeps the area chosen for it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import Select

from tests.helpers import ready, until
from tests.test_keyboard_model import burst
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.widgets.capture_pane import CapturePane

QUESTIONS = [
    "discovery:model-deployment.current.deployment-infrastructure-1",  # answered in ml-1
    "discovery:model-deployment.pain.3",  # a pain indicator
    "discovery:feature-engineering.current.data-sources-integration-1",
    "discovery:model-monitoring.current.performance-monitoring-1",
    "discovery:business-impact.metric.1",  # a success metric
    "requirements:deploy.business.1",  # the requirements bank
]


def saved_gaps(path: Path) -> list[dict[str, Any]]:
    return list(tomllib.loads(path.read_text())["gaps"])


async def raise_from(pilot: Any, ref: str, *keys: str, pace: float | None = None) -> None:
    """Show `ref` in Capture, press ctrl+g, then `keys` in the dialog (all in one burst, or one
    at a time `pace` seconds apart), and wait until the dialog has closed."""
    capture: CapturePane = pilot.app.screen.query_one(CapturePane)
    capture.jump_to(ref)
    assert await until(pilot, lambda: capture.panel.ref == ref)
    if pace is None:
        await burst(pilot, "ctrl+g", *keys)
    else:
        await pilot.press("ctrl+g")
        for key in keys:
            await pilot.pause(pace)
            await pilot.press(key)
    assert await until(pilot, lambda: not isinstance(pilot.app.screen, GapModal))


def areas_of(app: Any) -> dict[str, str]:
    catalogue = app.workspace.catalogue
    return {ref: catalogue.questions[ref].area for ref in QUESTIONS}


async def test_gaps_raised_from_questions_fast_and_slow_are_saved_with_their_area(
    example: Path, make_app
) -> None:
    before = len(saved_gaps(example))
    app = make_app(example, autosave_delay=0.1)  # saves run while the next dialogs open and close
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        expected = []
        for ref in QUESTIONS:
            await raise_from(pilot, ref, "ctrl+s")
            expected.append(areas_of(app)[ref])
        for ref in QUESTIONS:
            await raise_from(pilot, ref, "ctrl+s", pace=0.3)
            expected.append(areas_of(app)[ref])
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: len(saved_gaps(example)) == before + len(expected))
    assert [g.get("area") for g in saved_gaps(example)[before:]] == expected


async def test_words_typed_into_the_area_dropdown_never_clear_the_area(example: Path, make_app) -> None:
    """Tab from the title lands on the area dropdown: words meant for the description opened it
    (space) and its search went to the blank 'area' row ('are…'), which Enter chose, so the gap
    was saved with no area and the dropdown said only 'area'."""
    app = make_app(example)
    ref = QUESTIONS[0]
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        for pace in (None, 0.12):
            await raise_from(pilot, ref, "tab", *"Deploys are manual", "enter", "ctrl+s", pace=pace)
        await burst(pilot, "ctrl+s")
    assert [g.get("area") for g in saved_gaps(example)[-2:]] == ["model-deployment"] * 2


async def test_an_area_known_when_the_dialog_opens_can_be_changed_but_not_cleared(
    example: Path, make_app
) -> None:
    """The blank 'area' row at the top of the list is only offered to a gap with no area yet:
    Home then Enter in the open list chose it and the gap was saved with none."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await raise_from(pilot, QUESTIONS[0], "tab", "enter", "home", "enter", "ctrl+s")
        await burst(pilot, "ctrl+s")
    assert saved_gaps(example)[-1].get("area") == "feature-engineering"  # the first area listed


async def choose_area_by_typing(pilot: Any) -> None:
    """In the new gap dialog: a title, then the area chosen by typing in its dropdown."""
    app = pilot.app
    assert await until(pilot, lambda: isinstance(app.screen, GapModal))
    area = app.screen.query_one("#gap-area", Select)
    assert area.value is Select.NULL  # a new gap has no area until one is chosen
    await burst(pilot, *"Drift goes unseen", "tab", "enter", *"observ", "enter")
    assert await until(pilot, lambda: area.value == "model-monitoring")
    await burst(pilot, "ctrl+s")
    assert await until(pilot, lambda: not isinstance(app.screen, GapModal))


async def test_a_new_gap_from_gaps_and_from_the_palette_keeps_the_area_chosen(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f3")
        await burst(pilot, "n")
        await choose_area_by_typing(pilot)
        app.screen.new_gap()  # the palette's "raise a new gap"
        await choose_area_by_typing(pilot)
        await burst(pilot, "ctrl+s")
    assert [(g["title"], g.get("area")) for g in saved_gaps(example)[-2:]] == [
        ("Drift goes unseen", "model-monitoring")
    ] * 2


async def test_a_gap_whose_area_the_banks_lack_opens_and_keeps_it(example: Path, make_app) -> None:
    """A gap whose area was written by hand with an id no bank has (check says so) crashed the
    workbench when opened in the gap dialog (InvalidSelectValueError). The dialog now shows the
    id as it is, and Save keeps it."""
    from tests.helpers import hand_edit
    from workbench.ui.widgets.matrix import Matrix

    hand_edit(example, 'area = "platform-evaluation"', 'area = "no-such-area"')
    gap_id = next(g["id"] for g in saved_gaps(example) if g.get("area") == "no-such-area")
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f3")
        app.screen.query_one(Matrix).select_gap(gap_id)
        await burst(pilot, "enter")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        area = app.screen.query_one("#gap-area", Select)
        assert area.value == "no-such-area"
        await burst(pilot, "end", *" (checked)", "ctrl+s")  # the title changed, the area kept
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await burst(pilot, "ctrl+s")
    gap = next(g for g in saved_gaps(example) if g["id"] == gap_id)
    assert (gap["title"].endswith(" (checked)"), gap["area"]) == (True, "no-such-area")
