"""#12 finding 4: after accept, reject or a dependency edit, the next key acts on the item the
person chose, not on whatever slid under the cursor when the list re-sorted."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, TabbedContent

from tests.helpers import arrow_to, at_plan, notifications, ready, saved, until
from workbench.ui.widgets.gaps_pane import GapsPane


async def _map_practices(app, pilot, gap_id: str) -> OptionList:  # type: ignore[no-untyped-def]
    """F4, arrows to the gap, enter: the keyboard is in its practice list."""
    await pilot.press("f4")
    gaps = app.screen.query_one("#map-gaps", OptionList)
    assert await until(pilot, lambda: gaps.option_count > 1)
    await arrow_to(gaps, gap_id, pilot.press)
    await pilot.press("enter")
    practices = app.screen.query_one("#map-suggestions", OptionList)
    assert await until(pilot, lambda: app.focused is practices)
    return practices


@pytest.mark.parametrize(("gap_id", "decide"), [("G-003", "a"), ("G-005", "r")])
async def test_map_rationale_lands_on_the_practice_just_decided(
    example: Path, make_app, gap_id: str, decide: str
) -> None:
    """Map: `Down Down Down a w` + text put the rationale on another practice than the one
    decided (rejecting G-005's KPI monitoring re-sorts the list), and accepted that one."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        practices = await _map_practices(app, pilot, gap_id)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert practices.highlighted is not None
        chosen = str(practices.get_option_at_index(practices.highlighted).id)
        await pilot.press(decide)
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*"Pins every run", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    mappings = [m for m in saved(example)["mappings"] if m["gap"] == gap_id]
    written = [m for m in mappings if m.get("rationale") == "Pins every run"]
    assert [m["practice"] for m in written] == [chosen]
    status = {"a": "accepted", "r": "rejected"}[decide]
    assert written[0].get("status", "accepted") == status
    before = {m["practice"] for m in saved_example()["mappings"] if m["gap"] == gap_id}
    assert {m["practice"] for m in mappings} == before | {chosen}, "only the chosen practice was decided"
    title = app.workspace.catalogue.practices[chosen].title
    named = title if len(title) <= 30 else title[:30]  # a notice shortens a long title
    assert any(named in n and gap_id in n for n in shown), shown


async def test_accepting_suggestions_keeps_the_cursor_on_the_one_accepted(example: Path, make_app) -> None:
    """Gaps, Suggested: after accepting one suggestion the cursor left it, so the next `a`
    took a neighbour (or nothing). It stays on the accepted one, marked, until the person moves;
    `a` again names the gap already raised; Down then `a` takes the next one down."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await pilot.press("f3")
        pane = app.screen.query_one(GapsPane)
        assert await until(pilot, lambda: len(pane.suggestions) >= 4)
        keys = [s.key for s in pane.suggestions]
        titles = [s.title for s in pane.suggestions]
        pane.query_one("#gaps-side", TabbedContent).active = "gaps-suggested"
        options = app.screen.query_one("#suggestions", OptionList)
        options.focus()
        await pilot.pause()
        options.highlighted = 2
        await pilot.pause()
        await pilot.press("a")
        assert await until(pilot, lambda: any(g.source == keys[2] for g in app.workspace.project.gaps))
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "a")
        assert await until(pilot, lambda: any(g.source == keys[3] for g in app.workspace.project.gaps))
        await pilot.press("ctrl+s")
        await pilot.pause()
    raised = [g.get("source") for g in saved(example)["gaps"] if g.get("source") in keys]
    assert raised == [keys[2], keys[3]]
    assert sum(1 for n in shown if titles[2][:30] in n) >= 2, shown  # raised, then "already raised"


async def test_a_second_dependency_goes_on_the_item_chosen(example: Path, make_app) -> None:
    """Plan: a second `+` added the dependency to another item (the timeline re-sorted)."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        gantt = await at_plan(pilot)
        gantt.focus()
        gantt.select_item("D-1")  # week 0; waiting for P-5 moves it to the end of the timeline
        await pilot.pause()
        chosen = gantt.selected
        shown = notifications(app)
        for dependency in ("P-5", "MS-2"):
            await pilot.press("plus")
            picker = await _picker(app, pilot)
            picker.highlighted = picker.get_option_index(dependency)
            await pilot.press("enter")
            assert await until(pilot, lambda: not isinstance(app.screen, _pick_modal()))
        await pilot.press("ctrl+s")
        await pilot.pause()
    items = {p["id"]: p for p in saved(example)["pilots"]}
    original = {p["id"]: p for p in saved_example()["pilots"]}
    grown = [i for i in items if len(items[i].get("depends_on", [])) > len(original[i].get("depends_on", []))]
    assert grown == [chosen]
    assert items[chosen]["depends_on"] == ["P-5", "MS-2"]
    assert any("D-1" in n and "MS-2" in n for n in shown), shown


def saved_example() -> dict:  # type: ignore[type-arg]
    from tests.conftest import EXAMPLE

    return saved(EXAMPLE)


def _pick_modal() -> type:
    from workbench.ui.modals.pick_modal import PickModal

    return PickModal


async def _picker(app, pilot) -> OptionList:  # type: ignore[no-untyped-def]
    assert await until(pilot, lambda: isinstance(app.screen, _pick_modal()))
    return app.screen.query_one("#pick-list", OptionList)
