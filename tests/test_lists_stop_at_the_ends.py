"""Down on a list's last item (Up on its first) stays there: a key then acts on the item the
person looked at, never on the one at the other end (#12 walkthrough: Down on the last practice
in Map went to the first, and `a` accepted that one)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, TabbedContent

from tests.helpers import ready, saved, until
from workbench.ui.widgets.map_pane import MapPane

UI = Path(__file__).resolve().parent.parent / "workbench" / "ui"


async def test_down_on_the_last_practice_then_a_accepts_the_last(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        pane = app.screen.query_one(MapPane)
        pane.show_gap("G-001")
        assert await until(pilot, lambda: len(pane.suggestions) > 1)
        practices = app.screen.query_one("#map-suggestions", OptionList)
        practices.focus()
        last = practices.option_count - 1
        practices.highlighted = last
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert practices.highlighted == last
        first, chosen = pane.suggestions[0].practice.id, pane.suggestions[last].practice.id
        await pilot.press("a", "ctrl+s")
        assert await until(
            pilot,
            lambda: any(
                m["gap"] == "G-001" and m["practice"] == chosen and m.get("status") == "accepted"
                for m in saved(example).get("mappings", [])
            ),
        )
    decided = {m["practice"]: m.get("status") for m in saved(example)["mappings"] if m["gap"] == "G-001"}
    assert decided.get(first) != "accepted" or first == chosen


async def _gaps_tab(pilot: Any, tab: str, list_id: str) -> OptionList:
    await pilot.press("f3")
    await pilot.pause()
    pilot.app.screen.query_one("#gaps-side", TabbedContent).active = tab
    await pilot.pause()
    return pilot.app.screen.query_one(list_id, OptionList)


async def _map_list(pilot: Any, list_id: str) -> OptionList:
    await pilot.press("f4")
    await pilot.pause()
    pilot.app.screen.query_one(MapPane).show_gap("G-001")
    await pilot.pause()
    return pilot.app.screen.query_one(list_id, OptionList)


async def _followups(pilot: Any) -> OptionList:
    await pilot.press("f7")
    assert await until(pilot, lambda: bool(pilot.app.screen.query("#followup-list")))
    return pilot.app.screen.query_one("#followup-list", OptionList)


LISTS = {
    "map gaps": lambda pilot: _map_list(pilot, "#map-gaps"),
    "map practices": lambda pilot: _map_list(pilot, "#map-suggestions"),
    "suggested gaps": lambda pilot: _gaps_tab(pilot, "gaps-suggested", "#suggestions"),
    "gap evidence": lambda pilot: _gaps_tab(pilot, "gaps-evidence", "#evidence"),
    "follow-ups": _followups,
}


@pytest.mark.parametrize("name", list(LISTS))
async def test_a_list_stops_at_either_end(name: str, example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        listing = await LISTS[name](pilot)
        assert await until(pilot, lambda: listing.option_count > 1)
        listing.focus()
        enabled = [i for i in range(listing.option_count) if not listing.get_option_at_index(i).disabled]
        listing.highlighted = enabled[-1]
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert listing.highlighted == enabled[-1], f"{name}: Down on the last item moved to {listing.highlighted}"
        listing.highlighted = enabled[0]
        await pilot.pause()
        await pilot.press("up")
        await pilot.pause()
        assert listing.highlighted == enabled[0], f"{name}: Up on the first item moved to {listing.highlighted}"


def test_every_list_the_workbench_makes_stops_at_its_ends() -> None:
    """One place: every option list in the UI is (or derives from) StayingOptionList."""
    offenders: list[str] = []
    for path in UI.rglob("*.py"):
        if path.name == "staying_list.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "OptionList":
                offenders.append(f"{path.name}:{node.lineno} makes an OptionList")
            if isinstance(node, ast.ClassDef) and "OptionList" in [ast.unparse(b) for b in node.bases]:
                offenders.append(f"{path.name}:{node.lineno} derives {node.name} from OptionList")
    assert offenders == []
