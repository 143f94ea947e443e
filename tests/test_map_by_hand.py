"""Issue #16 fresh-eyes finding 2: no way to map a practice the suggestions do not offer. In the
Map pane `p` (footer, F1, and "Map by hand" in the palette) opens a picker over every practice
with search; the choice is saved as an accepted mapping with the person's rationale, as one
undoable edit."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import OptionList

from tests.helpers import palette, ready, until
from workbench.ui.keys import KEYS
from workbench.ui.modals.practice_pick_modal import PracticePickModal
from workbench.ui.widgets.map_pane import MapPane

RATIONALE = "Ingestion checks need someone on call when they fire."


def mappings(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return tomllib.loads(path.read_text(encoding="utf-8")).get("mappings", [])


async def pick_runbooks(pilot, app) -> None:  # type: ignore[no-untyped-def]
    assert await until(pilot, lambda: isinstance(app.screen, PracticePickModal))
    await pilot.press(*"write runbooks")
    listed = app.screen.query_one("#pick-practices", OptionList)
    assert await until(pilot, lambda: listed.option_count == 1)
    assert listed.get_option_at_index(0).id == "ma.runbooks-incident-response"
    await pilot.press("enter", "enter")  # to the list, then pick: the keyboard goes to the rationale
    await pilot.press(*RATIONALE)
    await pilot.press("enter")
    assert await until(pilot, lambda: not isinstance(app.screen, PracticePickModal))


async def test_p_maps_any_practice_by_hand_with_a_rationale_and_undo_takes_it_back(
    example: Path,
    make_app,  # type: ignore[no-untyped-def]
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        pane = app.screen.query_one(MapPane)
        assert await until(pilot, lambda: pane.gap_id != "")
        pane.show_gap("G-006")
        gaps = pane.query_one("#map-gaps", OptionList)
        gaps.highlighted = gaps.get_option_index("G-006")
        gaps.focus()
        await pilot.pause()
        assert "ma.runbooks-incident-response" not in [s.practice.id for s in pane.suggestions]
        await pilot.press("p")
        await pick_runbooks(pilot, app)
        assert await until(
            pilot, lambda: app.workspace.project.mapping("G-006", "ma.runbooks-incident-response")
        )
        listed = pane.query_one("#map-suggestions", OptionList)
        assert listed.get_option_at_index(listed.highlighted or 0).id == "ma.runbooks-incident-response"
        await pilot.press("ctrl+s")
        assert await until(
            pilot, lambda: any(m["practice"] == "ma.runbooks-incident-response" for m in mappings(example))
        )
        mine = next(m for m in mappings(example) if m["practice"] == "ma.runbooks-incident-response")
        assert mine == {"gap": "G-006", "practice": "ma.runbooks-incident-response", "rationale": RATIONALE}
        await pilot.press("ctrl+z", "ctrl+s")
        assert await until(
            pilot, lambda: all(m["practice"] != "ma.runbooks-incident-response" for m in mappings(example))
        )


async def test_the_palette_maps_by_hand_too(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await palette(pilot, "map any practice")
        await pick_runbooks(pilot, app)
        gap = app.screen.query_one(MapPane).gap_id
        assert await until(pilot, lambda: app.workspace.project.mapping(gap, "ma.runbooks-incident-response"))
        mapping = app.workspace.project.mapping(gap, "ma.runbooks-incident-response")
        assert mapping is not None and (mapping.status, mapping.rationale) == ("accepted", RATIONALE)


async def test_a_mapping_by_hand_needs_a_rationale(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        pane = app.screen.query_one(MapPane)
        assert await until(pilot, lambda: pane.gap_id != "")
        before = len(app.workspace.project.mappings)
        await pilot.press("p")
        assert await until(pilot, lambda: isinstance(app.screen, PracticePickModal))
        await pilot.press(*"runbook", "enter", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PracticePickModal)
        assert len(app.workspace.project.mappings) == before
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, PracticePickModal))
        assert len(app.workspace.project.mappings) == before


def test_the_key_is_in_the_registry_footer_help_and_palette() -> None:
    by_id = {key.id: key for key in KEYS}
    pick = by_id["map-pick"]
    assert (pick.key, pick.scope, pick.show, pick.in_help, pick.changes_data) == (
        "p",
        "map",
        True,
        True,
        True,
    )
    anywhere = by_id["map-pick-anywhere"]
    assert anywhere.palette and anywhere.scope == "app"
