"""Undo and redo as a facilitator uses them: across panes, after saves, in the palette, and in
the notes editor (its typing is a step of the one history). Each test asserts on the saved file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList, TabbedContent, TextArea

from tests.helpers import accept_first_undecided, ready, until
from workbench.ui.widgets.gaps_pane import GapsPane
from workbench.ui.widgets.matrix import Matrix

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-1"


def saved(path: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(path.read_text())


def answer(path: Path) -> dict:  # type: ignore[type-arg]
    return next(a for a in saved(path)["answers"] if a["question"] == QUESTION and a["session"] == "ml-1")


async def test_undo_every_edit_across_panes_saves_the_file_as_opened(example: Path, make_app) -> None:
    opened = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("3")  # Capture: current maturity of the first question
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one(Matrix).select_gap("G-006")
        await pilot.press("shift+up")
        await accept_first_undecided(pilot, "G-006")
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = saved(example)
        assert answer(example)["current"] == 3
        assert next(g for g in edited["gaps"] if g["id"] == "G-006")["impact"] == 3  # from 2
        assert len([m for m in edited["mappings"] if m["gap"] == "G-006"]) == 2  # the example maps one
        for _ in range(3):
            await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.workspace.unsaved, "undoing past a save leaves the file behind"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert example.read_bytes() == opened
        assert not app.workspace.unsaved
        await pilot.press("ctrl+y")  # redo the maturity
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert answer(example)["current"] == 3


async def test_undo_after_an_autosave_schedules_a_save(example: Path, make_app) -> None:
    opened = example.read_bytes()
    app = make_app(example, autosave_delay=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one(Matrix).select_gap("G-006")
        await pilot.press("shift+up")
        assert await until(pilot, lambda: example.read_bytes() != opened)
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: example.read_bytes() == opened)
        assert await until(pilot, lambda: not app.workspace.unsaved)


async def test_notes_undo_their_typing_first_then_the_workbench_undoes(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("4")  # maturity, then typing in the notes
        notes = app.screen.query_one("#q-notes", TextArea)
        original = notes.text
        notes.focus()
        await pilot.press(*"Helm")
        await pilot.pause()
        await pilot.press("ctrl+z")  # the notes editor's own undo
        await pilot.pause()
        assert notes.text == original
        assert app.workspace.project.answer(QUESTION, "ml-1").current == 4  # type: ignore[union-attr]
        await pilot.press("ctrl+z")  # nothing left to undo in the notes: the maturity goes
        assert await until(pilot, lambda: app.workspace.project.answer(QUESTION, "ml-1").current != 4)  # type: ignore[union-attr]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert answer(example).get("notes", "") == original
    assert "current" not in answer(example) or answer(example)["current"] != 4


async def test_notes_typed_on_a_new_answer_are_one_undo_not_two(example: Path, make_app) -> None:
    """On an unanswered question the notes editor's undo takes the typing back, and the next
    ctrl+z undoes the edit before it (it used to remove an invisible empty answer first)."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("4", "down")  # maturity on the first question, then an unanswered one
        panel_ref = app.screen.query_one("#q-notes", TextArea)
        assert await until(pilot, lambda: app.screen.focused is not None)
        unanswered = [a.question for a in app.workspace.project.answers if a.session == "ml-1"]
        panel_ref.focus()
        await pilot.press(*"Helm")
        await pilot.pause()
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: panel_ref.text == "")
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: app.workspace.project.answer(QUESTION, "ml-1").current != 4)  # type: ignore[union-attr]
        assert [a.question for a in app.workspace.project.answers if a.session == "ml-1"] == [
            q for q in unanswered if q != ""
        ]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert answer(example).get("current") != 4


async def test_the_palette_names_the_edit_undo_takes_back(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        practice = await accept_first_undecided(pilot, "G-006")
        await pilot.press("ctrl+p")
        assert await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Undo")
        wanted = f"Undo: accept '{practice.title}' for G-006"

        def listed() -> bool:
            options = app.screen.query_one(OptionList)
            return any(
                wanted in str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            )

        assert await until(pilot, listed)
        await pilot.press("enter")
        assert await until(pilot, lambda: app.workspace.project.mapping("G-006", practice.id) is None)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [m["practice"] for m in saved(example)["mappings"] if m["gap"] == "G-006"] == [
        "fe.validate-at-ingestion"
    ]


async def test_undo_in_one_pane_shows_in_another(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        gaps = app.screen.query_one(GapsPane)
        count = len(gaps.suggestions)
        gaps.query_one("#gaps-side", TabbedContent).active = "gaps-suggested"
        gaps.query_one("#suggestions", OptionList).focus()  # d acts where the keyboard is
        await pilot.pause()
        app.screen.query_one("#suggestions", OptionList).highlighted = 0
        await pilot.press("d")
        await pilot.pause()
        assert len(gaps.suggestions) == count - 1
        await pilot.press("f2", "ctrl+z", "f3")
        assert await until(pilot, lambda: len(gaps.suggestions) == count)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "dismissed" not in saved(example)


async def test_a_free_form_metric_is_defined_from_plan_and_undone(example: Path, make_app) -> None:
    """Plan › Metrics › n › Free-form metric… used to crash the app on save."""
    from textual.widgets import Input

    from workbench.ui.modals.metric_modal import MetricModal
    from workbench.ui.modals.pick_modal import PickModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        count = len(app.workspace.project.metrics)
        await pilot.press("f5")
        app.screen.query_one("#plan-tabs", TabbedContent).active = "plan-metrics"
        app.screen.query_one("#metric-list").focus()
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, PickModal))
        await pilot.press("enter")  # the first choice: a free-form metric
        assert await until(pilot, lambda: isinstance(app.screen, MetricModal))
        app.screen.query_one("#metric-text", Input).focus()
        await pilot.press(*"Cut onboarding")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: len(app.workspace.project.metrics) == count + 1)
        await pilot.press("ctrl+s")
        assert await until(
            pilot, lambda: any(m.get("text") == "Cut onboarding" for m in saved(example)["metrics"])
        )
        await pilot.press("ctrl+z", "ctrl+s")
        assert await until(pilot, lambda: len(saved(example)["metrics"]) == count)


async def test_the_header_says_saved_after_an_autosave_behind_the_palette(example: Path, make_app) -> None:
    """An autosave that runs while the command palette is open must reach the header."""
    from workbench.ui.widgets.header import WorkbenchHeader

    app = make_app(example, autosave_delay=0.3)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        header = app.screen.query_one(WorkbenchHeader)
        app.screen.query_one("#q-notes", TextArea).focus()
        await pilot.press(*"Hello", "ctrl+p")
        assert await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert await until(pilot, lambda: not app.workspace.unsaved)
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, CommandPalette))
        await pilot.pause()
        assert "✓ saved" in str(header.content)


def test_undoing_a_session_start_goes_back_to_the_session_before(example: Path, clock) -> None:  # type: ignore[no-untyped-def]
    """The clock's time then goes to that session (its clock was running), not to another one or
    to the undone one."""
    import datetime as dt

    from workbench.edits.sessions import StartSession
    from workbench.ui.workspace import Workspace

    ws = Workspace.open(example, dt.date(2026, 11, 20), clock)
    ws.switch_session("executive-1")
    ws.clock.start()
    before = {s.id: s.elapsed_seconds for s in ws.project.sessions}
    start = StartSession("executive")
    ws.apply(start)
    ws.switch_session(start.session_id)
    ws.clock.start()
    clock.now += 40
    ws.editor.undo()
    assert ws.session_id == "executive-1"
    clock.now += 5
    ws.clock.flush(ws.session)
    after = {s.id: s.elapsed_seconds for s in ws.project.sessions}
    assert after == {**before, "executive-1": before["executive-1"] + 5}


def test_undoing_a_session_start_leaves_a_paused_clock_paused(example: Path, clock) -> None:  # type: ignore[no-untyped-def]
    """#12 walkthrough: with executive-1's clock paused, starting a session then ctrl+z went back
    to executive-1 with the clock running, and it kept adding time to the file."""
    import datetime as dt

    from workbench.edits.sessions import StartSession
    from workbench.ui.workspace import Workspace

    ws = Workspace.open(example, dt.date(2026, 11, 20), clock)
    ws.switch_session("executive-1")
    assert not ws.clock.running
    before = {s.id: (s.elapsed_seconds, dict(s.area_seconds)) for s in ws.project.sessions}
    start = StartSession("executive")
    ws.apply(start)
    ws.switch_session(start.session_id)
    ws.clock.start()
    clock.now += 40
    ws.editor.undo()
    assert ws.session_id == "executive-1" and not ws.clock.running
    clock.now += 5
    ws.clock.flush(ws.session)
    assert {s.id: (s.elapsed_seconds, dict(s.area_seconds)) for s in ws.project.sessions} == before


async def test_ctrl_z_in_the_search_box_undoes_the_search_typing_first(example: Path, make_app) -> None:
    """It used to undo the last project change and leave the search text as it was."""
    from textual.widgets import Input

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("2")  # current maturity of the first question
        assert await until(pilot, lambda: app.workspace.project.answer(QUESTION, "ml-1").current == 2)  # type: ignore[union-attr]
        await pilot.press("slash", "z", "z")
        search = app.screen.query_one("#nav-search", Input)
        assert await until(pilot, lambda: search.value == "zz")
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: search.value == "z")
        assert app.workspace.project.answer(QUESTION, "ml-1").current == 2  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: search.value == "")
        await pilot.press("ctrl+z")  # nothing typed is left: the maturity is undone
        assert await until(pilot, lambda: app.workspace.project.answer(QUESTION, "ml-1").current != 2)  # type: ignore[union-attr]


async def test_undoing_a_gap_delete_brings_it_back_in_place_with_its_comment(example: Path, make_app) -> None:
    """#11: the undone delete's gap comes back between G-008 and the mappings, with the comment
    written above it, although another change was saved in between."""
    from workbench.ui.modals.confirm import ConfirmModal

    opened = example.read_text()
    comment = "# The churn model's leakage was evidenced in the data-science session"  # its first line
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("3")  # Capture: current maturity of the first question
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one(GapsPane).select("G-009")
        await pilot.pause()
        await pilot.press("delete")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.click("#yes")
        assert await until(pilot, lambda: app.workspace.project.gap("G-009") is None)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: 'id = "G-009"' not in example.read_text())
        assert comment not in example.read_text()
        await pilot.press("ctrl+z", "ctrl+s")
        assert await until(pilot, lambda: 'id = "G-009"' in example.read_text())
    text = example.read_text()
    assert text.index(opened[opened.index(comment) : opened.index("# --- Solution mapping")]) > 0
    assert answer(example)["current"] == 3, "the other change stays"
