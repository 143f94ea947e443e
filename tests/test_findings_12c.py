"""#12 leftovers (fix12c): the evidence jump lands in the evidence's own session; the ranked
gaps table gives its title the spare width."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from tests.helpers import notifications, ready, until
from workbench.ui.widgets.gaps_pane import GapsPane

QUOTED = "discovery:model-deployment.pain.1"  # H-004, heard in ml-1, evidence of G-001


async def test_enter_on_evidence_from_another_session_types_into_that_session(example: Path, make_app) -> None:
    """With executive-1 current, Enter on G-001's ml-1 quote switches to ml-1 and says so; what
    is typed next is saved in ml-1's answer, never in executive-1's."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.screen.switch_session("executive-1")
        await pilot.pause()
        shown = notifications(app)
        await pilot.press("f3")
        pane = app.screen.query_one(GapsPane)
        assert await until(pilot, lambda: pane.display)
        pane.select("G-001")
        pane.action_evidence()
        options = app.screen.query_one("#evidence", OptionList)
        assert await until(pilot, lambda: options.option_count >= 3)
        index = next(i for i in range(options.option_count) if str(options.get_option_at_index(i).id).endswith(QUOTED))
        options.highlighted = index
        await pilot.press("enter")
        assert await until(pilot, lambda: app.workspace.session_id == "ml-1")
        await pilot.pause()
        await pilot.press(*"zqx")
        await pilot.press("ctrl+s")
        await pilot.pause()
    answers = tomllib.loads(example.read_text())["answers"]
    typed = [(a["question"], a["session"]) for a in answers if "zqx" in a.get("notes", "")]
    assert typed == [(QUOTED, "ml-1")]
    assert "Now in ml-1, the evidence's session." in shown, shown  # whole on the top line at 80 columns


@pytest.mark.parametrize(("size", "least"), [((80, 24), 18), ((120, 36), 34)])
async def test_the_ranked_table_gives_its_title_the_spare_width(example: Path, make_app, size, least) -> None:
    """#12 leftovers: the ranked titles were cut to 8 characters at 80x24 and 26 at 120x36."""
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        table = app.screen.query_one("#ranked", DataTable)
        assert await until(pilot, lambda: table.row_count == 10)
        await pilot.pause()
        widths = {str(c.label): c.width for c in table.columns.values()}
        assert widths["title"] >= least, widths
        assert {"gap", "I", "C", "prio"} <= set(widths), widths
