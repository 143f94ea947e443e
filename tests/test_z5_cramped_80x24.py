"""The cramped spots of #12 at 80x24 (z5): the new-metric picker's filter hint was cut at
'(free-form:', and Map's practice list showed one practice at a time (each one's reasons
wrapped over five rows), its effort '[S]' alone on a row when the title filled the line."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input, TabbedContent

from tests.helpers import ready, screen_lines, until
from workbench.ui.modals.pick_modal import PickModal


def _rows_of(app, selector: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The screen's rows across the widget `selector`, each from the last pane border ('▕') on."""
    region = app.screen.query_one(selector).region
    lines = screen_lines(app)
    return [lines[y].rpartition("▕")[2] for y in range(region.y, region.bottom)]


async def test_the_new_metric_pickers_hint_shows_whole_at_80x24(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        app.screen.query_one("#plan-tabs", TabbedContent).active = "plan-metrics"
        await pilot.pause()
        app.screen.query_one("#metric-list").focus()
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, PickModal))
        await pilot.pause()
        hint = app.screen.query_one("#pick-filter", Input).placeholder
        shown = "".join(_rows_of(app, "#pick-filter"))
        assert hint.strip() in shown, (hint, shown)


async def _map_at_80x24(pilot, gap_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    from workbench.ui.widgets.map_pane import MapPane

    app = pilot.app
    await ready(pilot)
    await pilot.press("f4")
    pane = app.screen.query_one(MapPane)
    pane.select(gap_id)
    assert await until(pilot, lambda: gap_id in "".join(_rows_of(app, "#map-heading")))
    await pilot.pause()
    return _rows_of(app, "#map-suggestions")


async def test_map_lists_several_practices_at_80x24(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        rows = await _map_at_80x24(pilot, "G-001")
    practices = [row for row in rows if re.match(r"\s*[✓✗]? ?\d\.\d ", row)]
    assert len(practices) >= 3, "\n".join(rows)


async def test_a_practices_effort_never_stands_alone_on_a_row(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        rows = await _map_at_80x24(pilot, "G-005")
    alone = [row for row in rows if re.fullmatch(r"\s*\[[SML]\]\s*", row)]
    assert not alone, "\n".join(rows)
    assert any(re.search(r"\[[SML]\]", row) for row in rows), "\n".join(rows)
