"""The edit dialogs of #12 (heard quote, gap with its evidence, session details, next step) at
80×24: every field, Save and Cancel on screen. Update only after looking at the SVGs."""

# ruff: noqa: F811  (`example` is the snapshot tests' fixture: a copy at a relative path)

from __future__ import annotations

from pathlib import Path

from tests.test_snapshots import app_for, example, settle  # noqa: F401

SMALL = (80, 24)


def run(*steps):  # type: ignore[no-untyped-def]
    """Settle, then each step: a key name, or a callable of the app (jump to a question…)."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for step in steps:
            if callable(step):
                result = step(pilot.app)
                if hasattr(result, "__await__"):
                    await result
            else:
                await pilot.press(step)
            await pilot.pause()
        await settle(pilot)

    return run_before


def jump(ref: str):  # type: ignore[no-untyped-def]
    return lambda app: app.screen.query_one("CapturePane").jump_to(ref)


class TestEditDialogs:
    def test_heard_quote_80x24(self, snap_compare, example: Path) -> None:
        """h on a pain indicator heard before: its record, prefilled, to edit."""
        steps = run(jump("discovery:model-deployment.pain.1"), "escape", "h")
        assert snap_compare(app_for(example), terminal_size=SMALL, run_before=steps)

    def test_gap_with_evidence_80x24(self, snap_compare, example: Path) -> None:
        """G-001's dialog: its evidence as sentences, add and detach below."""
        select = lambda app: app.screen.query_one("Matrix").select_gap("G-001")  # noqa: E731
        steps = run("f3", select, "enter")
        assert snap_compare(app_for(example), terminal_size=SMALL, run_before=steps)

    def test_gap_with_four_pieces_of_evidence_120x36(self, snap_compare, example: Path) -> None:
        """G-001 with a fourth piece of evidence at 120×36: all four in sight, the description
        as tall as its one line (two showed beside an empty description box)."""
        text = example.read_text()
        example.write_text(text.replace('"metric:M-001"]', '"metric:M-001", "heard:H-005"]', 1))
        select = lambda app: app.screen.query_one("Matrix").select_gap("G-001")  # noqa: E731
        steps = run("f3", select, "enter")
        assert snap_compare(app_for(example), terminal_size=(120, 36), run_before=steps)

    def test_evidence_picker_filtered_80x24(self, snap_compare, example: Path) -> None:
        """G-001's Add evidence picker with 'reproduc' typed: the filter line shows it, the list
        holds only what has the word, the first highlighted, the title in sight."""
        select = lambda app: app.screen.query_one("Matrix").select_gap("G-001")  # noqa: E731
        add = lambda app: app.screen.query_one("#gap-add-evidence").press()  # noqa: E731
        steps = run("f3", select, "enter", add, *"reproduc")
        assert snap_compare(app_for(example), terminal_size=SMALL, run_before=steps)

    def test_session_details_80x24(self, snap_compare, example: Path) -> None:
        """The current session's date, time box, attendees and notes (palette: Edit session)."""
        steps = run(lambda app: app.run_action("edit_session"))
        assert snap_compare(app_for(example), terminal_size=SMALL, run_before=steps)

    def test_next_step_80x24(self, snap_compare, example: Path) -> None:
        """A next step: what, owner, due date, what it serves."""

        def edit_step(app) -> None:  # type: ignore[no-untyped-def]
            pane = app.screen.query_one("PlanPane")
            pane.query_one("#plan-tabs").active = "plan-steps"
            steps = pane.query_one("#step-list")
            steps.highlighted = steps.get_option_index("N-2")
            pane.action_edit_step()

        steps = run("f5", edit_step)
        assert snap_compare(app_for(example), terminal_size=SMALL, run_before=steps)
