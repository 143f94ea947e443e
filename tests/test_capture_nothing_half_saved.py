"""Capture saves nothing half-typed, and printable keys never act from a dropdown (walkthrough
f15a, issue 12): each finding reproduced at 120x36, asserting on the saved file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static

from tests.helpers import at_question, saved, until
from tests.test_live_capture import burst, notes_of, type_slowly

M001 = "discovery:model-deployment.metric.1"
"""M-001's template: baseline 3, target 48, due 2027-04-30 in the example (session ml-1)."""
NEW_METRIC = "discovery:model-deployment.metric.2"
"""No metric defined from it yet."""
ANSWERED = "discovery:model-deployment.discovery.1"
"""Answered in ml-1: current 2, confidence evidenced, notes ending in a word."""


def metric_of(path: Path, template: str) -> dict[str, object]:
    return next((m for m in saved(path).get("metrics", []) if m.get("template") == template), {})


def problem_words(app) -> str:  # type: ignore[no-untyped-def]
    problem = app.screen.query_one("#q-metric-problem", Static)
    return str(problem.render()) if problem.display else ""


async def test_38k_typed_slowly_leaves_the_baseline_it_had(example: Path, make_app) -> None:
    """'3', '8', 'k' with autosaves between: 38 was saved on the way and stayed in the file while
    the field said '“38k” is not one, so it is not saved'."""
    app = make_app(example, autosave_delay=0.1)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, M001)
        baseline = app.screen.query_one("#q-baseline", Input)
        baseline.focus()
        await pilot.press("end")
        await type_slowly(pilot, "8k", 0.3)
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert "“38k” is not one" in problem_words(app)
        assert "baseline stays 3" in problem_words(app)
        assert metric_of(example, M001)["baseline"] == 3
        await pilot.press("backspace")  # 38 is a number: saved as typed
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: metric_of(example, M001).get("baseline") == 38)
        assert problem_words(app) == ""


async def test_a_date_pasted_into_target_saves_no_year(example: Path, make_app) -> None:
    """Pasting 2027-03-31 into the target saved target = 2027."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, NEW_METRIC)
        app.screen.query_one("#q-target", Input).focus()
        await burst(pilot, "2027-03-31")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "“2027-03-31” is not one" in problem_words(app)
        assert "no target" in problem_words(app)
    assert "target" not in metric_of(example, NEW_METRIC)


async def test_a_word_after_a_due_date_leaves_the_date_it_had(example: Path, make_app) -> None:
    app = make_app(example, autosave_delay=0.1)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, M001)
        due = app.screen.query_one("#q-due", Input)
        due.focus()
        await pilot.press("end", *"x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "due date stays 2027-04-30" in problem_words(app)
    assert str(metric_of(example, M001)["due"]) == "2027-04-30"


SENTENCE = "the 3 teams have 2 hosts, ask whom uft h 5 0 !@ t"


async def type_on_dropdown(example: Path, make_app, dropdown: str) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.widgets.capture_pane import CapturePane

    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, ANSWERED)
        capture = app.screen.query_one(CapturePane)
        filters = capture.navigator.filters.describe()
        select = app.screen.query_one(f"#q-{dropdown}", Select)
        select.focus()
        await type_slowly(pilot, SENTENCE, 0.01)
        await burst(pilot, SENTENCE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert capture.navigator.filters.describe() == filters
        assert capture.panel.ref == ANSWERED
        assert app.focused is select
        assert not select.expanded
    assert example.read_bytes() == before


async def test_a_sentence_typed_on_the_status_dropdown_changes_nothing(example: Path, make_app) -> None:
    """'3' set current maturity 3, 't' toggled the template filter, 'h' said 'Not a pain indicator'."""
    await type_on_dropdown(example, make_app, "status")


async def test_a_sentence_typed_on_the_confidence_dropdown_changes_nothing(example: Path, make_app) -> None:
    await type_on_dropdown(example, make_app, "confidence")


async def test_tab_into_the_notes_sets_off_what_is_typed(example: Path, make_app) -> None:
    """From the field before the notes, Tab then 'and Kafka' ran into the notes' last word."""
    from workbench.ui.widgets.question_panel import NotesArea

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, ANSWERED)
        before = notes_of(example, ANSWERED)
        notes = app.screen.query_one("#q-notes", NotesArea)
        assert await until(pilot, lambda: app.focused is notes)
        await burst(pilot, "Fraud API.")  # typed on: the next words would carry straight on
        confidence = app.screen.query_one("#q-confidence", Select)
        confidence.focus()
        assert await until(pilot, lambda: app.focused is confidence)
        for _ in range(6):
            if app.focused is notes:
                break
            await pilot.press("tab")
        assert app.focused is notes
        await burst(pilot, "and Kafka")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert notes_of(example, ANSWERED) == before + " Fraud API. and Kafka"


async def test_the_restore_notice_says_the_clock_runs_on(example: Path, make_app) -> None:
    """After a hard kill with the clock running, 'Unsaved work restored and merged…' was the
    notice left, saying nothing of the clock the README says it tells about (the clock's own
    notice was replaced by it)."""
    from tests.helpers import dialog_up, notifications
    from workbench.store.files import ProjectFile, load_project
    from workbench.store.journal import write_journal
    from workbench.store.serialize import project_to_data
    from workbench.ui.modals.confirm import ConfirmModal

    started = ProjectFile.load(example).base
    work = load_project(example)
    session = work.session("ml-1")
    assert session is not None
    session.elapsed_seconds = 3314  # 55:14
    answer = work.answer(ANSWERED, "ml-1")
    assert answer is not None
    answer.notes += " Board asks for revenue from it."
    write_journal(example, project_to_data(work), started, "ml-1", True)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)
        shown = notifications(app)
        await pilot.click("#yes")
        assert await until(pilot, lambda: any("restored and merged" in text for text in shown))
        assert await until(pilot, lambda: app.workspace.clock.running)
        await pilot.pause()
        last = shown[-1]
        assert "restored and merged" in last, shown
        assert "Session clock restored at 55:14 and running: ctrl+t pauses it." in last, shown
    assert notes_of(example, ANSWERED).endswith("revenue from it.")
