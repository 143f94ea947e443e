"""s13a 1: notifications sat at the top right, where at 120x36 they covered the status and
confidence dropdowns in Capture (at the bottom right they had covered the notes). They take rows
of their own above the footer now (tests/test_notices_keep_work_in_sight.py): never over the notes
or an answer field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ready, until

LONG = (
    "The project file was changed on disk by another program, in the same places: save "
    "(ctrl+s) to settle it; your work stays in the journal until then."
)


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_a_notice_covers_neither_the_notes_nor_the_answer_fields(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    app = make_app(example)
    async with app.run_test(size=size, notifications=True) as pilot:
        await ready(pilot)
        app.notify(LONG, severity="warning", timeout=60)
        app.notify("Exported the proposal.", timeout=60)  # the newest shows, the warning waits under it
        assert await until(pilot, lambda: len(app.screen.query("Toast")) == 1)
        for browsing in (True, False):  # the navigator is wider while it has the keyboard
            if not browsing:
                app.screen.query_one("#q-notes").focus()
            await pilot.pause()
            fields = [  # what shows of each (the answer panel scrolls: the notes may go on below it)
                app.screen.find_widget(app.screen.query_one(f"#{name}")).visible_region
                for name in ("q-status", "q-confidence", "q-notes")
            ]
            assert all(fields), fields  # (all three on screen)
            for toast in app.screen.query("Toast"):
                assert toast.region, "the toast is shown"
                assert not [field for field in fields if field.overlaps(toast.region)], (toast.region, fields)


RESTORED_LONG = (
    "Unsaved work restored and merged with the file as it is now. The file's version before the "
    "merge is kept as example.before-merge.toml."
)
WORK = {
    "gaps": ("#matrix", "#ranked"),
    "map": ("#map-gaps", "#map-heading", "#map-suggestions"),
    "plan-timeline": ("#gantt",),
    "plan-metrics": ("#metric-list",),
    "plan-steps": ("#step-list",),
    "follow-ups": ("#followup-list",),
}
"""What the person works with on each view: the lists, the matrix, the timeline."""


async def show(pilot, view: str) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.screens.followups_screen import FollowUpsScreen

    app = pilot.app
    if view == "follow-ups":
        await pilot.press("f7")
        assert await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        return
    await pilot.press({"gaps": "f3", "map": "f4"}.get(view, "f5"))
    if view.startswith("plan-"):
        from textual.widgets import TabbedContent

        app.screen.query_one("#plan-tabs", TabbedContent).active = view
    await pilot.pause()


@pytest.mark.parametrize("view", list(WORK))
@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_a_notice_covers_no_list_matrix_or_timeline(
    example: Path, make_app, size: tuple[int, int], view: str
) -> None:
    """#13 walkthrough: at 160x48 on Plan the restore's notice covered the timeline's weeks."""
    app = make_app(example)
    async with app.run_test(size=size, notifications=True) as pilot:
        await ready(pilot)
        await show(pilot, view)
        app.notify(RESTORED_LONG, title="Restored", severity="warning", timeout=60)
        assert await until(pilot, lambda: len(app.screen.query("Toast")) == 1)
        await pilot.pause()
        work = [app.screen.query_one(name).region for name in WORK[view]]
        assert all(work), work  # (all on screen)
        for toast in app.screen.query("Toast"):
            assert toast.region, "the toast is shown"
            assert not [place for place in work if place.overlaps(toast.region)], (toast.region, work)
            # the whole top line: no column of the header beside it (a scroll bar's gutter left
            # the header's last letters showing)
            assert toast.region.width == app.screen.size.width, toast.region


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_over_a_dialog_a_notice_covers_neither_its_box_nor_its_buttons(
    make_app, tmp_path: Path, size: tuple[int, int]
) -> None:
    """#13 walkthrough: the background save's "Not saved yet" notice stayed over the
    changed-on-disk dialog that ctrl+s opened (at 80x24 over its box and buttons): the dialog
    says it now, so the notice goes as it opens, and a notice over a dialog sits above its box."""
    from tests.helpers import dialog_up, hand_edit, merge_base_copy
    from tests.test_merge_tui import Q1, set_note_to_40_gb
    from workbench.edits.answers import SetAnswer
    from workbench.ui.modals.merge_modal import MergeModal

    example = merge_base_copy(tmp_path)
    set_note_to_40_gb(example)
    app = make_app(example, autosave_delay=0.2)
    async with app.run_test(size=size, notifications=True) as pilot:
        await ready(pilot)
        app.workspace.apply(SetAnswer(Q1, "data-1", {"notes": "41 GB, mine"}))
        hand_edit(example, 'notes = "40 GB"', 'notes = "45 GB (hand-edited)"')
        assert await until(pilot, lambda: any(t.region for t in app.screen.query("Toast")))  # said once
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.pause()
        box = app.screen.query_one(".dialog").region
        assert not [t.region for t in app.screen.query("Toast") if t.region.overlaps(box)], box
        app.notify("Exported the proposal to a file with a long name.", severity="warning", timeout=60)
        assert await until(pilot, lambda: len(app.screen.query("Toast")) >= 1)
        await pilot.pause()
        box = app.screen.query_one(".dialog").region
        assert box
        for toast in app.screen.query("Toast"):
            assert toast.region, "the toast is shown"
            assert not toast.region.overlaps(box), (toast.region, box)
