"""#12 finding 5: a pain indicator heard is a record the facilitator can fix: `h` opens the
quote entry (prefilled when it was heard already), editing never makes a second record, and
each record can be edited or removed from the question panel."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import OptionList, Static, TextArea

from tests.helpers import notifications, ready, until
from workbench.ui.modals.heard_modal import HeardModal
from workbench.ui.widgets.capture_pane import CapturePane

INDICATOR = "discovery:model-deployment.pain.3"  # not heard in ml-1 in the example
WORDS = "We have different deployment processes"


def heard_records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [h for h in tomllib.loads(path.read_text()).get("heard", []) if h["indicator"] == INDICATOR]


async def open_indicator(app, pilot) -> CapturePane:  # type: ignore[no-untyped-def]
    await ready(pilot)
    capture = app.screen.query_one(CapturePane)
    capture.jump_to(INDICATOR)
    await pilot.press("escape")  # back to the tree, where `h` is a key
    await pilot.pause()
    return capture


async def test_h_opens_the_quote_entry_and_a_second_h_edits_the_same_record(example: Path, make_app) -> None:
    app = make_app(example)
    before = len(heard_records(example))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await open_indicator(app, pilot)
        shown = notifications(app)
        await pilot.press("h")
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        assert len(app.workspace.project.heard_in(INDICATOR, "ml-1")) == 0, "nothing recorded before saving"
        await pilot.press(*"Every team ships its own way", "tab", *"ML engineer", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        # The notice is short, names the indicator, and sits on the heard list's title line: no
        # toast covers the list.
        title = str(app.screen.query_one("#q-heard-title", Static).render())
        assert "heard:" in title and WORDS[:20] in title, title
        assert not [n for n in shown if "heard" in n.lower()], shown
        listing = app.screen.query_one("#q-heard-list", OptionList)
        await pilot.pause()
        assert listing.region.height >= 1
        assert all(not t.region.overlaps(listing.region) for t in app.screen.query("Toast"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        records = heard_records(example)
        assert len(records) == before + 1
        assert (records[-1]["quote"], records[-1]["speaker_role"]) == ("Every team ships its own way", "ML engineer")
        # `h` again opens that record, prefilled; a later quote edits it, no second record.
        await pilot.press("h")
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        quote = app.screen.query_one("#heard-quote", TextArea)
        assert quote.text == "Every team ships its own way"
        await pilot.press(*", and nobody owns it", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        await pilot.press("ctrl+s")
        await pilot.pause()
    records = heard_records(example)
    assert len(records) == before + 1
    assert records[-1]["quote"] == "Every team ships its own way, and nobody owns it"


async def test_records_are_edited_and_removed_from_the_heard_list(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await open_indicator(app, pilot)
        for quote in ("First quote", "Second quote"):
            if app.workspace.project.heard_in(INDICATOR, "ml-1"):
                await pilot.click("#q-hear-another")
            else:
                await pilot.press("h")
            assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
            await pilot.press(*quote, "ctrl+s")
            assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        listing = capture.query_one("#q-heard-list", OptionList)
        assert listing.option_count == 2
        listing.focus()
        listing.highlighted = 0
        await pilot.press("enter")  # edit the first
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        await pilot.press("tab", *"CFO", "enter")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        listing.focus()
        listing.highlighted = 1
        await pilot.press("delete")  # remove the second
        assert await until(pilot, lambda: listing.option_count == 1)
        await pilot.press("ctrl+s")
        await pilot.pause()
    records = heard_records(example)
    assert [(h["quote"], h.get("speaker_role", "")) for h in records] == [("First quote", "CFO")]


async def test_undo_takes_back_a_quote_edit_then_the_record(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_indicator(app, pilot)
        await pilot.press("h")
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        await pilot.press(*"Slow", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        await pilot.press("h")
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        await pilot.press(*" deploys", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        await pilot.press("ctrl+z")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [h["quote"] for h in heard_records(example)] == ["Slow"]
        await pilot.press("ctrl+z", "ctrl+s")
        await pilot.pause()
    assert heard_records(example) == []
