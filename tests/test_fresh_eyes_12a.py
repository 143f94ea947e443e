"""Issue 12, a fresh-eyes walkthrough of live capture (fix12a): one undo history in the notes,
the notes in sight, lists that do not wrap, maturity warnings, evidence jumps, reopened notes,
the Metrics tab's first row."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from tests.helpers import notifications, ready, saved, until
from tests.test_keyboard_model import answers, burst
from workbench.ui.widgets.capture_pane import CapturePane

INDICATOR = "discovery:model-deployment.pain.3"  # no answer in ml-1 in the example


async def open_notes(pilot, ref: str) -> CapturePane:  # type: ignore[no-untyped-def]
    await ready(pilot)
    capture: CapturePane = pilot.app.screen.query_one(CapturePane)
    capture.jump_to(ref)
    notes = capture.query_one("#q-notes", TextArea)
    assert await until(pilot, lambda: capture.panel.ref == ref and pilot.app.focused is notes)
    return capture


async def test_undo_in_the_notes_takes_back_one_step_at_a_time(example: Path, make_app) -> None:
    """Typing then ctrl+up then ctrl+z four times: the notes box emptied with no notice while the
    file kept the notes, 'phantom' came back, and only the 4th press took the answer out. Now each
    press takes back one step, newest first, says which, and screen and file agree; ctrl+y walks
    forward the same way."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await open_notes(pilot, INDICATOR)
        notes = capture.query_one("#q-notes", TextArea)
        shown = notifications(app)
        for char in "phantom":
            await pilot.press(char)
        await burst(pilot, "ctrl+up", "ctrl+s")
        assert (answers(example)[INDICATOR]["notes"], answers(example)[INDICATOR]["current"]) == ("phantom", 1)

        def on_screen() -> tuple[str, int | None]:
            bar = capture.panel.query_one("#q-maturity")
            return notes.text, bar.current  # type: ignore[attr-defined]

        def in_file() -> tuple[str, int | None]:
            answer = answers(example).get(INDICATOR, {})
            return answer.get("notes", ""), answer.get("current")

        steps = [("phantom", None), ("", None)]
        for expected in steps:
            del shown[:]
            await burst(pilot, "ctrl+z", "ctrl+s")
            assert on_screen() == expected
            assert in_file() == expected
            assert any(s.startswith("Undone: ") for s in shown), shown
        assert INDICATOR not in answers(example)
        for expected in [("phantom", None), ("phantom", 1)]:
            del shown[:]
            await burst(pilot, "ctrl+y", "ctrl+s")
            assert on_screen() == expected
            assert in_file() == expected
            assert any(s.startswith("Redone: ") for s in shown), shown
        assert app.focused is notes


async def test_a_pause_in_typing_the_notes_ends_an_undo_step(example: Path, make_app, clock) -> None:
    """With one history for the notes, ctrl+z takes back what was typed since the last pause
    (as the notes editor's own undo did), not every word typed on the question."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await open_notes(pilot, INDICATOR)
        notes = capture.query_one("#q-notes", TextArea)
        await burst(pilot, "Batch jobs")
        clock.now += 2.5
        await burst(pilot, " via Airflow")
        await burst(pilot, "ctrl+z", "ctrl+s")
        assert notes.text == "Batch jobs"
        assert answers(example)[INDICATOR]["notes"] == "Batch jobs"
        await burst(pilot, "ctrl+z", "ctrl+s")
        assert notes.text == ""
        assert INDICATOR not in answers(example)


def in_sight(widget) -> bool:  # type: ignore[no-untyped-def]
    """Whether the whole widget is drawn inside its scrolling parent and the screen."""
    parent = widget.parent
    region = widget.region
    return bool(region.height) and parent.region.contains_region(region) and widget.screen.region.contains_region(region)


async def test_the_notes_with_the_keyboard_are_in_sight_after_a_new_session_at_80x24(
    example: Path, make_app
) -> None:
    """Keyboard in the notes, F5, F6, Tab Tab, ctrl+s (a new Executive session), F2: the footer said
    '✎ notes' but the notes box was below the bottom edge, and typing did not bring it up."""
    from workbench.ui.modals.session_modal import SessionModal

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await open_notes(pilot, "discovery:business-impact.pain.1")  # heard in executive-1
        notes = capture.query_one("#q-notes", TextArea)
        await burst(pilot, "f5", "f6")
        assert await until(pilot, lambda: isinstance(app.screen, SessionModal) and app.screen.keys_ready)
        sessions = len(app.workspace.project.sessions)
        await burst(pilot, "tab", "tab", "ctrl+s")  # into the new session's fields
        assert await until(pilot, lambda: len(app.workspace.project.sessions) == sessions + 1)
        await burst(pilot, "f2")
        assert await until(pilot, lambda: app.focused is notes)
        assert capture.query_one("#q-others").display  # what executive-1 heard, above the notes
        assert await until(pilot, lambda: in_sight(notes)), (notes.region, capture.panel.region)
        await burst(pilot, "Where am I typing")
        assert await until(pilot, lambda: in_sight(notes))
        assert notes.text.endswith("Where am I typing")


HEARD_TWICE_MORE = """
[[heard]]
id = "H-007"
indicator = "discovery:model-deployment.pain.1"
session = "ml-1"
quote = "Second quote."

[[heard]]
id = "H-008"
indicator = "discovery:model-deployment.pain.1"
session = "ml-1"
quote = "Third quote."
"""


async def test_down_on_the_last_quote_stays_and_delete_removes_that_quote(example: Path, make_app) -> None:
    """The heard list wrapped: Down on the last quote went to the first, and Delete removed it."""
    text = example.read_text()
    at = text.index("# --- Success metrics")
    example.write_text(text[:at] + HEARD_TWICE_MORE.lstrip() + "\n" + text[at:])
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await open_notes(pilot, "discovery:model-deployment.pain.1")
        listing = capture.query_one("#q-heard-list")
        listing.focus()
        assert await until(pilot, lambda: app.focused is listing)
        await burst(pilot, "home", "down", "down", "down", "down")
        assert capture.panel.highlighted_heard() == "H-008"
        await burst(pilot, "delete", "ctrl+s")
        assert await until(pilot, lambda: "H-008" not in [h["id"] for h in saved(example)["heard"]])
        heard = [h["id"] for h in saved(example)["heard"] if h["session"] == "ml-1"]
        assert heard == ["H-004", "H-005", "H-007"]
        await burst(pilot, "home", "up")
        assert capture.panel.highlighted_heard() == "H-004"


async def test_lists_with_a_delete_key_do_not_wrap(example: Path, make_app) -> None:
    """The Metrics tab's list (delete removes the highlighted metric) stays on its last item."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f5", "f5")
        metrics = app.screen.query_one("#metric-list")
        assert await until(pilot, lambda: app.focused is metrics)
        await burst(pilot, "end", "down")
        assert metrics.highlighted == metrics.option_count - 1  # type: ignore[attr-defined]
        await burst(pilot, "home", "up")
        assert metrics.highlighted == 0  # type: ignore[attr-defined]


async def test_no_warning_for_target_steps_on_the_way_up(example: Path, make_app) -> None:
    """ctrl+shift+up four times over a current maturity of 2 warned 'Target 1 is below today's 2'
    for a step on the way to 4. A step down below today's level still warns, as a toast in rows of
    its own above the footer (#12 live capture; on the top lines since w13c), clear of the notes."""
    app = make_app(example)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        capture = await open_notes(pilot, INDICATOR)
        shown = notifications(app)
        await burst(pilot, "ctrl+up", "ctrl+up", *["ctrl+shift+up"] * 4, "ctrl+s")
        assert (answers(example)[INDICATOR]["current"], answers(example)[INDICATOR]["target"]) == (2, 4)
        assert not [s for s in shown if "below" in s], shown
        await burst(pilot, *["ctrl+shift+down"] * 3)
        assert [s for s in shown if "below" in s] == [
            "Target 1 is below today's 2: kept as typed; press the right key if that is not what was meant."
        ]
        assert await until(pilot, lambda: bool(app.screen.query("Toast")))
        notes = capture.query_one("#q-notes", TextArea)
        for toast in app.screen.query("Toast"):
            assert toast.region.bottom == app.screen.size.height - 1  # just above the footer
            assert not toast.region.overlaps(notes.region), (toast.region, notes.region)


async def test_the_metrics_tab_starts_on_its_first_metric_and_enter_edits_it(example: Path, make_app) -> None:
    """F5 F5 showed the Metrics tab with nothing highlighted, and Enter did nothing."""
    from workbench.ui.modals.metric_modal import MetricModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f5", "f5")
        metrics = app.screen.query_one("#metric-list")
        assert await until(pilot, lambda: app.focused is metrics)
        assert metrics.highlighted == 0  # type: ignore[attr-defined]
        await burst(pilot, "enter")
        assert await until(pilot, lambda: isinstance(app.screen, MetricModal))
        await burst(pilot, "escape", "f5")
        steps = app.screen.query_one("#step-list")
        assert await until(pilot, lambda: app.focused is steps)
        highlighted = steps.highlighted  # type: ignore[attr-defined]
        assert highlighted is not None and not steps.get_option_at_index(highlighted).disabled  # type: ignore[attr-defined]
