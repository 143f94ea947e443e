"""Issue 12 walkthrough (v5 item 2): nothing changes without the person seeing it. Removing a
heard quote that is evidence of gaps took it out of them without asking, and the notice read
'H-004 removed and from G-001's evidence'. Every removal that cascades asks, and says what follows."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from tests.helpers import ask_to_remove_heard, at_plan, dialog_up, ready, saved, until
from workbench.ui.modals.confirm import DeleteModal

CITED = "discovery:model-deployment.pain.1"  # H-004 in ml-1, evidence of G-001


def body(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(s.render()) for s in app.screen.query(".dialog-body").results(Static))


async def test_removing_a_quote_that_is_evidence_asks_naming_the_gaps(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ask_to_remove_heard(pilot, CITED)
        assert "Remove H-004?" in str(app.screen.query_one(".dialog-title", Static).render())
        assert "It is evidence of G-001: it will no longer cite it." in body(app), body(app)
        await pilot.press("escape")  # Keep
        assert await until(pilot, lambda: not isinstance(app.screen, DeleteModal))
        await pilot.press("ctrl+s")
        await pilot.pause()
    data = saved(example)
    assert "H-004" in [h["id"] for h in data["heard"]]
    assert "heard:H-004" in next(g for g in data["gaps"] if g["id"] == "G-001")["evidence"]


async def test_removing_it_says_which_gaps_no_longer_cite_it(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await ask_to_remove_heard(pilot, CITED)
        await pilot.press("x")
        assert await until(pilot, lambda: not app.workspace.project.heard_in(CITED, "ml-1"))
        title = str(capture.query_one("#q-heard-title", Static).render())
        assert "Removed H-004; it is no longer evidence of G-001 (ctrl+z brings it back)." in title, title
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    data = saved(example)
    assert "H-004" not in [h["id"] for h in data["heard"]]
    assert "heard:H-004" not in next(g for g in data["gaps"] if g["id"] == "G-001")["evidence"]


async def test_deleting_a_plan_item_names_the_items_that_wait_for_it(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        gantt = await at_plan(pilot)
        gantt.select_item("P-3")
        gantt.focus()
        await pilot.pause()
        await pilot.press("delete")
        assert await dialog_up(pilot, DeleteModal)
        assert "P-5 and MS-1 wait for it and will no longer." in body(app), body(app)
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, DeleteModal))
    assert "P-3" in [p["id"] for p in saved(example)["pilots"]]


async def test_deleting_a_metric_says_what_measures_and_cites_it(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5", "f5")
        metrics = app.screen.query_one("#metric-list", OptionList)
        assert await until(pilot, lambda: app.focused is metrics)
        metrics.highlighted = next(
            i for i in range(metrics.option_count) if metrics.get_option_at_index(i).id == "M-001"
        )
        await pilot.press("delete")
        assert await dialog_up(pilot, DeleteModal)
        words = body(app)
        assert "P-2 measures it and will no longer." in words, words
        assert "It is evidence of G-001: it will no longer cite it." in words, words
