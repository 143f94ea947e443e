"""What a person sees, one class per screen, at 120×36 plus 80×24 and 160×48 cases.

Fixed date and clock, cursor blink off, animations off (conftest). Update only after looking:
`pytest tests/test_snapshots.py --snapshot-update`, then view the SVGs.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, TODAY, FixedClock
from tests.helpers import ready, until
from workbench.store.files import load_project
from workbench.ui.app import make_app
from workbench.ui.screenshots import panes_filled

SIZE = (120, 36)


def app_for(path: Path, today: dt.date = TODAY):  # type: ignore[no-untyped-def]
    return make_app(path, today=today, now=FixedClock(), autosave_delay=3600)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for layout, then stop every cursor from blinking."""
    await pilot.pause()
    for screen in pilot.app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            widget.cursor_blink = False
    await pilot.pause()


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy at the relative path projects/example.toml, so no temporary path is on screen."""
    (tmp_path / "projects").mkdir()
    shutil.copyfile(EXAMPLE, tmp_path / "projects" / "example.toml")
    monkeypatch.chdir(tmp_path)
    return Path("projects") / "example.toml"


def keys(*pressed: str):  # type: ignore[no-untyped-def]
    """Press keys once every pane is up, then wait until the pane shown is filled. Two pauses
    were not always enough on a busy machine: Gaps, Map and Plan mount after the first frame,
    and a pane key pressed before its pane is mounted waits for it (TestMap was flaky)."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        opening = pilot.app.path is not None  # else the picker, with no panes
        if opening:
            await ready(pilot)
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        if opening:
            assert await until(pilot, lambda: panes_filled(pilot.app)), "a pane was still filling"
        await settle(pilot)

    return run_before


class TestCapture:
    def test_example_capture(self, snap_compare, example: Path) -> None:
        """The ML engineering session's first question, with its answer and the template first."""
        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=keys())

    def test_capture_80x24(self, snap_compare, example: Path) -> None:
        """The same at 80×24: header keeps the clock and saved state; nothing overlaps."""
        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=keys())

    def test_capture_160x48(self, snap_compare, example: Path) -> None:
        """A wide terminal: the navigator and editor share the space."""
        assert snap_compare(app_for(example), terminal_size=(160, 48), run_before=keys())

    def test_pain_indicator(self, snap_compare, example: Path) -> None:
        """A pain indicator heard in this session, with its quote and the heard form."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            pilot.app.screen.query_one("CapturePane").jump_to("discovery:model-deployment.pain.1")
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)

    def test_success_metric(self, snap_compare, example: Path) -> None:
        """A success metric filled inline, with its sentence."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            pilot.app.screen.query_one("CapturePane").jump_to("discovery:model-deployment.metric.1")
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)

    def test_filter_unanswered(self, snap_compare, example: Path) -> None:
        """Only unanswered questions, after pressing u."""
        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=keys("u"))

    def test_help(self, snap_compare, example: Path) -> None:
        """F1 lists every key."""
        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=keys("f1"))


class TestGaps:
    def test_matrix_example(self, snap_compare, example: Path) -> None:
        """The example's eight gaps across the four quadrants, ranked beside the grid."""
        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=keys("f3"))

    def test_matrix_example_80x24(self, snap_compare, example: Path) -> None:
        """At 80×24: all four quadrants named in the grid, apart from the ids, and under it (two
        lines, laid out as the grid), the axis titles, and the ranked gaps beside it."""
        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=keys("f3"))

    def test_matrix_example_160x48(self, snap_compare, example: Path) -> None:
        """At 160×48: all four quadrants named in the grid and under it; the titles whole."""
        assert snap_compare(app_for(example), terminal_size=(160, 48), run_before=keys("f3"))

    def test_matrix_empty(self, snap_compare, example: Path) -> None:
        """A project with no gaps yet."""
        path = example.parent / "empty.toml"
        path.write_text('schema_version = 1\n[project]\nname = "Empty engagement"\n')

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await keys("f3")(pilot)
            # The start-up notice ("No discovery session yet") expires after a few seconds, sooner
            # than a busy machine gets here: the picture is of the matrix, without it.
            pilot.app.clear_notifications()
            await settle(pilot)

        assert snap_compare(app_for(path), terminal_size=SIZE, run_before=run_before)

    def test_matrix_crowded_cell(self, snap_compare, example: Path) -> None:
        """Fourteen gaps in one cell: the cell shows a count."""
        text = example.read_text()
        extra = "".join(
            f'\n[[gaps]]\nid = "G-1{n:02d}"\ntitle = "Extra gap {n}"\nimpact = 4\ncomplexity = 2\n'
            for n in range(14)
        )
        example.write_text(text + extra)
        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=keys("f3"))

    def test_after_moving_a_gap(self, snap_compare, example: Path) -> None:
        """G-002 moved up one complexity step and the ranking updated."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            await pilot.press("f3")
            await pilot.pause()
            pilot.app.screen.query_one("Matrix").select_gap("G-002")
            await pilot.press("shift+right", "shift+right")
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)

    def test_evidence(self, snap_compare, example: Path) -> None:
        """The evidence trail of the selected gap."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            await pilot.press("f3")
            await pilot.pause()
            pilot.app.screen.query_one("GapsPane").select("G-001")
            await pilot.press("e")
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)

    def test_maturity_chart(self, snap_compare, example: Path) -> None:
        """Current vs target per area, and where the sessions disagree."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            await pilot.press("f3")
            await pilot.pause()
            pilot.app.screen.query_one("#gaps-side").active = "gaps-maturity"
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)

    def test_suggestions_80x24(self, snap_compare, example: Path) -> None:
        """Suggested gaps at 80×24."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            await pilot.press("f3")
            await pilot.pause()
            pilot.app.screen.query_one("#gaps-side").active = "gaps-suggested"
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=run_before)


class TestMap:
    def test_map_example(self, snap_compare, example: Path) -> None:
        """G-001's ranked practices with reasons; accepted ones ticked."""
        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=keys("f4"))

    def test_map_warnings(self, snap_compare, example: Path) -> None:
        """Gaps with no practice and unmet prerequisites."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            await pilot.press("f4")
            await pilot.pause()
            pilot.app.screen.query_one("#map-tabs").active = "map-warnings"
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)


class TestPlan:
    def test_timeline(self, snap_compare, example: Path) -> None:
        """The Gantt with the critical path, slack, a milestone and this week's line (week 2)."""
        assert snap_compare(
            app_for(example, today=dt.date(2026, 12, 23)), terminal_size=SIZE, run_before=keys("f5", "down")
        )

    def test_timeline_80x24(self, snap_compare, example: Path) -> None:
        """The Gantt at 80 columns: the scale right of the titles, no date cut at the edge."""
        assert snap_compare(
            app_for(example, today=dt.date(2026, 12, 23)), terminal_size=(80, 24), run_before=keys("f5", "down")
        )

    def test_timeline_after_moving(self, snap_compare, example: Path) -> None:
        """P-4 moved two weeks later (fixed start) and one week longer."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            await pilot.press("f5")
            await pilot.pause()
            pilot.app.screen.query_one("#gantt").select_item("P-4")
            await pilot.press("right", "right", "right_square_bracket")
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)

    def test_metrics(self, snap_compare, example: Path) -> None:
        """Success metrics as sentences, with how they are measured and the pilots that move them."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            await pilot.press("f5")
            await pilot.pause()
            pilot.app.screen.query_one("#plan-tabs").active = "plan-metrics"
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)

    def test_next_steps(self, snap_compare, example: Path) -> None:
        """Next steps under the follow-up framework."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            await pilot.press("f5")
            await pilot.pause()
            pilot.app.screen.query_one("#plan-tabs").active = "plan-steps"
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)


class TestDialogs:
    def test_session_switcher(self, snap_compare, example: Path) -> None:
        """F6: switch session or start one from a template."""
        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=keys("f6"))

    def test_changed_on_disk_80x24(self, snap_compare, example: Path) -> None:
        """Someone else saved the file and changed the same field: before, on disk and mine."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await settle(pilot)
            await pilot.press("f3")
            await pilot.pause()
            pilot.app.screen.query_one("Matrix").select_gap("G-006")
            await pilot.press("shift+up")
            text = example.read_text()
            example.write_text(
                text.replace(
                    'impact = 2\ncomplexity = 2\n\n[[gaps]]\nid = "G-007"',
                    'impact = 5\ncomplexity = 2\n\n[[gaps]]\nid = "G-007"',
                )
            )
            await pilot.press("ctrl+s")
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=run_before)

    def test_restoring_unsaved_work_80x24(self, snap_compare, example: Path) -> None:
        """Unsaved work restored over a file changed meanwhile, one field both changed: the dialog
        says it is restoring, names your recovered work and the file now; the header says merging."""
        from workbench.store.files import ProjectFile
        from workbench.store.journal import write_journal
        from workbench.store.serialize import project_to_data

        started = ProjectFile.load(example).base
        work = load_project(example)
        work.move_gap("G-006", 1)
        write_journal(example, project_to_data(work), started)
        text = example.read_text()
        example.write_text(
            text.replace(
                'impact = 2\ncomplexity = 2\n\n[[gaps]]\nid = "G-007"',
                'impact = 5\ncomplexity = 2\n\n[[gaps]]\nid = "G-007"',
            )
        )

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            from tests.helpers import ready, until
            from workbench.ui.modals.merge_modal import MergeModal

            await ready(pilot)
            await pilot.click("#yes")
            assert await until(pilot, lambda: isinstance(pilot.app.screen, MergeModal))
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=run_before)

    def test_long_notes_in_conflict_80x24(self, snap_compare, example: Path) -> None:
        """Both added to the end of a long note: each value whole, wrapped in its own column beside
        its label, in a box that scrolls; every key the dialog offers in the footer."""
        from workbench.edits.answers import SetAnswer

        question = "discovery:feature-engineering.current.feature-development-process-3"
        note = "Three to five weeks from raw tables to features for a new model."
        longer = note[:-1] + ", counted from the ticket to the first training run, across the three teams we met"

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            from tests.helpers import dialog_up, ready
            from workbench.ui.modals.merge_modal import MergeModal

            await ready(pilot)
            pilot.app.workspace.apply(SetAnswer(question, "data-1", {"notes": longer + ", by their estimate."}))
            example.write_text(example.read_text().replace(note, longer + ", measured in March.", 1))
            await pilot.press("ctrl+s")
            assert await dialog_up(pilot, MergeModal)
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=run_before)

    def test_export(self, snap_compare, example: Path) -> None:
        """F9: sections, format, paper and redaction."""
        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=keys("f9"))


DIALOGS_AT_80X24 = [
    "gap-new", "gap-edit", "gap-delete", "pilot-pick", "plan-item", "metric-new", "next-step-new",
    "rationale", "session", "export", "proposal", "conflict", "attach-evidence", "gap-merge",
]
"""Every dialog the Dialog tests open (the workbook and follow-up dialogs have their own below, the
heard, gap evidence, session details and next step dialogs in test_snapshots_edit_dialogs)."""


@pytest.mark.parametrize("name", DIALOGS_AT_80X24)
def test_every_dialog_at_80x24(snap_compare, example: Path, name: str) -> None:
    """Each dialog at 80×24: its fields, and its buttons naming their keys (ctrl+s, Esc)."""
    from tests.helpers import ready
    from tests.test_dialogs import DIALOGS

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await DIALOGS[name](pilot)
        await settle(pilot)

    assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=run_before)


class TestPicker:
    def test_picker(self, snap_compare, example: Path) -> None:
        """No path: choose a project or start a new one."""
        load_project(example)
        app = make_app(None, projects_dir=Path("projects"), today=TODAY, now=FixedClock())
        assert snap_compare(app, terminal_size=(100, 30), run_before=keys())


class TestHandoffDialogs:
    def test_workbook_export_80x24(self, snap_compare, example: Path) -> None:
        """Palette → Export self-assessment workbook: which questions and which file, at 80×24."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            from workbench.ui.handoffs import export_workbook

            await settle(pilot)
            export_workbook(pilot.app)
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=run_before)

    def test_workbook_import_80x24(self, snap_compare, example: Path) -> None:
        """Palette → Import workbook: the file, the session and the partial option, at 80×24."""

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            from workbench.ui.handoffs import import_workbook

            await settle(pilot)
            import_workbook(pilot.app)
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=run_before)


class TestFollowUps:
    def test_followups(self, snap_compare, example: Path) -> None:
        """F7: follow-ups by person, open items first, overdue marked."""
        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=keys("f7"))

    def test_close_followup_80x24(self, snap_compare, example: Path) -> None:
        """Enter on a question: the answer to record, at 80×24."""
        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=keys("f7", "down", "enter"))

    def test_assign_followup_80x24(self, snap_compare, example: Path) -> None:
        """o on an item: whom to ask and by when, at 80×24."""
        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=keys("f7", "o"))


class TestMilestones:
    def test_maturity_since_milestone(self, snap_compare, example: Path) -> None:
        """Maturity tab with a milestone chosen: then and now bars per area, and what moved."""
        from tests.helpers import ready
        from workbench.banks import load_catalogue
        from workbench.edits import Editor
        from workbench.edits.milestones import SaveMilestone
        from workbench.store.files import ProjectFile

        file = ProjectFile.load(example)
        Editor(lambda: file.project).apply(
            SaveMilestone("baseline", load_catalogue(example), dt.date(2026, 11, 10))
        )
        file.save()
        file = ProjectFile.load(example)
        for answer in file.project.answers:
            if answer.current == 1:
                answer.current = 3
        file.project.move_gap("G-006", impact_delta=2)
        file.save()

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await ready(pilot)
            await pilot.press("f3")
            await pilot.pause()
            pilot.app.screen.query_one("#gaps-side").active = "gaps-maturity"
            await pilot.pause()
            pilot.app.screen.query_one("#maturity-since").value = "baseline"
            await settle(pilot)

        assert snap_compare(app_for(example), terminal_size=SIZE, run_before=run_before)


class TestNotices:
    """#12 live capture: two notices and a long one take rows of their own above the footer, the
    newest only, read whole; the header keeps the saved state and the clock, the pane its work."""

    def notices(self, *pressed: str, notes: bool = False):  # type: ignore[no-untyped-def]
        from tests.helpers import screen_lines
        from tests.test_notices_keep_work_in_sight import LONG, TYPED, reads_whole

        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await keys(*pressed)(pilot)
            app = pilot.app
            if notes:
                app.screen.query_one("#q-notes").focus()
                await pilot.press("ctrl+end", "enter", *TYPED)
            app.notify("Workbook written to projects/example.xlsx", title="Self-assessment", timeout=600)
            app.notify("Not saved: the disk is full. Free some space, then press ctrl+s.", severity="error", timeout=600)
            app.notify(LONG, severity="warning", timeout=600)
            assert await until(pilot, lambda: reads_whole(screen_lines(app), LONG))
            await settle(pilot)

        return run_before

    def test_over_the_notes_80x24(self, snap_compare, example: Path) -> None:
        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=self.notices(notes=True))

    def test_over_the_timeline_80x24(self, snap_compare, example: Path) -> None:
        app = app_for(example, today=dt.date(2026, 12, 23))
        assert snap_compare(app, terminal_size=(80, 24), run_before=self.notices("f5", "down"))

    def test_over_a_dialog_80x24(self, snap_compare, example: Path) -> None:
        assert snap_compare(app_for(example), terminal_size=(80, 24), run_before=self.notices("f6"))
