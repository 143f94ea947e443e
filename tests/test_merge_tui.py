"""Changed on disk while open, and recovered work: merged with the file, asking only about real
conflicts (Pilot-driven, asserting on the saved file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import (
    dialog_up,
    gap_in,
    hand_edit,
    hand_edit_g006,
    merge_base_copy,
    notifications,
    raise_g006_impact,
    ready,
    run_cli,
    saved,
    until,
)
from workbench.edits.gaps import RaiseGap
from workbench.store.files import ProjectFile, load_project
from workbench.store.journal import journal_paths, write_journal
from workbench.store.serialize import project_to_data
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.merge_modal import MergeModal
from workbench.ui.widgets.header import WorkbenchHeader

Q1 = "discovery:feature-engineering.current.data-sources-integration-4"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The example as it was when these tests were written, so their ids (G-009…) stay valid."""
    return merge_base_copy(tmp_path)


def note(path: Path) -> str:
    return next(a for a in saved(path)["answers"] if (a["question"], a["session"]) == (Q1, "data-1"))["notes"]


def set_note_to_40_gb(path: Path) -> None:
    file = ProjectFile.load(path)
    file.project.set_answer(Q1, "data-1", notes="40 GB")
    file.save()
    path.with_name(path.name + ".bak").unlink()


async def test_a_hand_edit_to_another_answer_is_merged_not_lost(example: Path, make_app) -> None:
    set_note_to_40_gb(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = notifications(app)
        await raise_g006_impact(pilot)
        hand_edit(example, 'notes = "40 GB"', 'notes = "45 GB (hand-edited)"  # checked with Priya')
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert not isinstance(app.screen, MergeModal)
        assert app.workspace.project.answer(Q1, "data-1").notes == "45 GB (hand-edited)"
        assert any("Merged with the changes saved" in m for m in shown)
        copies = list(example.parent.glob("*.theirs-*.toml"))  # the toast names it (fe13c 6)
        assert len(copies) == 1 and any(copies[0].name in m for m in shown if "Merged with" in m), shown
    assert note(example) == "45 GB (hand-edited)"
    assert '"45 GB (hand-edited)"  # checked with Priya' in example.read_text()
    assert gap_in(example, "G-006")["impact"] == 3
    assert example.read_text().startswith("# Harbour & Pine Retail: MLOps discovery")
    assert not journal_paths(example)[0].exists()


async def test_the_same_field_changed_on_disk_is_asked_about_and_mine_can_win(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        hand_edit(
            example,
            'id = "G-006"\ntitle = "No data-quality checks at ingestion"',
            'id = "G-006"\ntitle = "Data checked late"',
        )
        text = example.read_text()
        hand_edit_g006(example, 5)
        text = example.read_text()
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        modal = app.screen
        rows = [
            (str(modal.query_one(f"#merge-{n}-label").render()).strip(), str(modal.query_one(f"#merge-{n}").render()))
            for n in ("base", "ours", "theirs")
        ]
        assert rows == [("Before", "2"), ("Theirs", "5"), ("Mine", "3")]
        assert "Gap G-006 'Data checked late': impact" in str(modal.query_one("#merge-what").render())
        assert example.read_text() == text, "nothing is written while asking"
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert gap_in(example, "G-006")["impact"] == 3
    assert gap_in(example, "G-006")["title"] == "Data checked late"


async def test_keep_mine_after_a_cli_milestone_save_keeps_the_milestone_and_the_hand_edit(
    example: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    """The TUI has unsaved work; meanwhile `workbench milestone save` writes the file and a hand edit
    changes the same field: "Keep mine" settles that field only, the milestone stays."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        assert run_cli(["milestone", "save", str(example), "baseline"], capsys)[0] == 0
        hand_edit(
            example,
            'id = "G-006"\ntitle = "No data-quality checks at ingestion"',
            'id = "G-006"\ntitle = "Late checks"',
        )
        hand_edit_g006(example, 5)
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert [m.name for m in app.workspace.project.milestones] == ["baseline"]
    data = saved(example)
    assert [m["name"] for m in data["milestones"]] == ["baseline"]
    assert (gap_in(example, "G-006")["impact"], gap_in(example, "G-006")["title"]) == (3, "Late checks")
    assert run_cli(["check", str(example)], capsys)[0] == 0


async def test_a_cli_milestone_saved_while_the_tui_works_is_merged_without_a_question(
    example: Path, make_app, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        assert run_cli(["milestone", "save", str(example), "baseline"], capsys)[0] == 0
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert not isinstance(app.screen, MergeModal)
        assert [m.name for m in app.workspace.project.milestones] == ["baseline"]
    assert [m["name"] for m in saved(example)["milestones"]] == ["baseline"]
    assert gap_in(example, "G-006")["impact"] == 3


async def test_each_conflict_is_asked_in_turn_and_the_files_value_can_win(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await raise_g006_impact(pilot)
        await pilot.press("shift+right")
        assert await until(pilot, lambda: app.workspace.project.gap("G-006").complexity == 3)
        app.workspace.apply(RaiseGap("Mine"))
        hand_edit_g006(example, 4, 1)
        hand_edit(example, 'facilitator = "Sam Okafor"', 'facilitator = "Sam O."')
        example.write_text(example.read_text() + '\n[[gaps]]\nid = "G-009"\ntitle = "Theirs"\n')
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        modal = app.screen
        assert "(1 of 2)" in str(modal.query_one("#merge-title").render())
        dialog = modal.query_one("#merge-dialog").region
        assert dialog.right <= 80 and dialog.bottom <= 24
        for button in modal.query("Button"):
            if button.display:  # keep both and edit show for text only
                assert button.region.bottom <= 24 and button.region.width > 0
        await pilot.press("d")
        assert await until(pilot, lambda: "(2 of 2)" in str(modal.query_one("#merge-title").render()))
        assert await dialog_up(pilot, MergeModal)  # each conflict is read before it is answered
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    data = saved(example)
    assert data["project"]["facilitator"] == "Sam O."
    assert (gap_in(example, "G-006")["impact"], gap_in(example, "G-006")["complexity"]) == (4, 3)
    assert [(g["id"], g["title"]) for g in data["gaps"][-2:]] == [("G-009", "Theirs"), ("G-010", "Mine")]


async def test_stopping_the_dialog_writes_nothing_and_keeps_the_work(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        hand_edit_g006(example, 5)
        text = example.read_text()
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, MergeModal))
        assert app.workspace.unsaved
        assert app.workspace.project.gap("G-006").impact == 3
        assert await until(pilot, lambda: journal_paths(example)[0].exists())
    assert example.read_text() == text


async def test_a_gap_both_created_is_renumbered_on_my_side(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = notifications(app)
        await ready(pilot)
        app.workspace.apply(RaiseGap("Mine", "model-training"))
        example.write_text(example.read_text() + '\n[[gaps]]\nid = "G-009"\ntitle = "Theirs"\n')
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert app.workspace.project.gap("G-010").title == "Mine"
        said = "Your copy's gap G-009 is now G-010 (both sides created G-009)."
        assert any(said in m for m in shown), shown
    assert (gap_in(example, "G-009")["title"], gap_in(example, "G-010")["title"]) == ("Theirs", "Mine")


def test_a_record_of_the_file_given_a_new_id_is_said_as_the_cli_says_it() -> None:
    """merge10: the app's merge notice named only the person's renumbered records, never a record
    of the file given a new id to make room (the driver said both); one wording serves both."""
    from workbench.store.merge_words import APP, GIT, renumbering

    renumbered, made_room = [("heard", "H-e2-01", "H-e2-02")], [("ours", "heard", "H-e2-02", "H-e2-03")]
    assert renumbering(renumbered, made_room, APP) == [
        "your copy's heard quote H-e2-01 is now H-e2-02 (both sides created H-e2-01)",
        "the file on disk's heard quote H-e2-02 is now H-e2-03 (to make room for your copy's heard "
        "quote renumbered to H-e2-02)",
    ]
    assert renumbering(renumbered, made_room, GIT)[1].startswith("ours' heard quote H-e2-02 is now H-e2-03")


async def test_recovered_work_is_merged_with_the_file_as_it_is_now(example: Path, make_app) -> None:
    started = ProjectFile.load(example).base
    work = load_project(example)
    work.move_gap("G-006", 2)
    write_journal(example, project_to_data(work), started)
    hand_edit(example, 'facilitator = "Sam Okafor"', 'facilitator = "Sam O."  # renamed later')
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.click("#yes")
        assert await until(pilot, lambda: not journal_paths(example)[0].exists())
        assert app.workspace.project.gap("G-006").impact == 4
        assert not app.workspace.unsaved
    assert gap_in(example, "G-006")["impact"] == 4
    assert 'facilitator = "Sam O."  # renamed later' in example.read_text()
    copies = list(example.parent.glob("example.theirs-*.toml"))  # #14 finding 6: their version kept
    assert len(copies) == 1 and 'facilitator = "Sam O."  # renamed later' in copies[0].read_text()


async def test_recovered_work_that_conflicts_with_the_file_asks(example: Path, make_app) -> None:
    started = ProjectFile.load(example).base
    work = load_project(example)
    work.move_gap("G-006", 2)
    write_journal(example, project_to_data(work), started)
    hand_edit_g006(example, 5)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.click("#yes")
        assert await dialog_up(pilot, MergeModal)
        assert "recovered work" in str(app.screen.query(".dialog-body").first().render())
        await pilot.press("m")
        assert await until(pilot, lambda: not journal_paths(example)[0].exists())
    assert gap_in(example, "G-006")["impact"] == 4


async def test_typing_after_a_merge_with_the_disk_goes_on_where_the_cursor_was(
    example: Path, make_app
) -> None:
    """Notes being typed when a colleague's save is merged in: the next words must not land at
    the start of the note (the editor used to be reloaded with its cursor at the start)."""
    from textual.widgets import TextArea

    from workbench.ui.widgets.question_panel import QuestionPanel

    set_note_to_40_gb(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        notes = app.screen.query_one("#q-notes", TextArea)
        ref, session = app.screen.query_one(QuestionPanel).ref, app.workspace.session_id
        notes.focus()
        notes.move_cursor(notes.document.end)
        await pilot.press(*" APP")
        assert await until(pilot, lambda: app.workspace.project.answer(ref, session).notes.endswith(" APP"))  # type: ignore[union-attr]
        hand_edit(example, 'notes = "40 GB"', 'notes = "45 GB (hand-edited)"')
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.workspace.project.answer(Q1, "data-1").notes.startswith("45"))  # type: ignore[union-attr]
        await pilot.pause()
        await pilot.press(*" MORE", "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    written = next(a for a in saved(example)["answers"] if (a["question"], a["session"]) == (ref, session))
    assert written["notes"].endswith(" APP MORE")


async def test_a_background_save_that_meets_a_conflict_waits_for_ctrl_s_not_the_typing(
    example: Path, make_app
) -> None:
    """merge9 (found trying it in tmux): the autosave's merge dialog opened by itself under the
    notes being typed, and the 'd' of 'and' kept the file's value: the words typed before were
    gone. A background save now says so and waits; ctrl+s asks."""
    from textual.widgets import TextArea

    from workbench.edits.answers import SetAnswer
    from workbench.ui.widgets.question_panel import QuestionPanel

    set_note_to_40_gb(example)
    app = make_app(example, autosave_delay=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = notifications(app)
        await ready(pilot)
        app.workspace.apply(SetAnswer(Q1, "data-1", {"notes": "41 GB, mine"}))
        hand_edit(example, 'notes = "40 GB"', 'notes = "45 GB (hand-edited)"')
        notes = app.screen.query_one("#q-notes", TextArea)
        ref, session = app.screen.query_one(QuestionPanel).ref, app.workspace.session_id
        notes.focus()
        notes.move_cursor(notes.document.end)
        await pilot.press("x")
        assert await until(
            pilot, lambda: getattr(app, "conflicts_waiting", False) or isinstance(app.screen, MergeModal)
        )
        await pilot.press(*" and")
        assert not isinstance(app.screen, MergeModal), "no dialog opened under the typing"
        assert app.workspace.project.answer(ref, session).notes.endswith("x and")  # type: ignore[union-attr]
        assert app.workspace.project.answer(Q1, "data-1").notes == "41 GB, mine"  # type: ignore[union-attr]
        assert note(example) == "45 GB (hand-edited)"
        assert any("ctrl+s" in m for m in shown)
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert note(example) == "41 GB, mine"
    written = next(a for a in saved(example)["answers"] if (a["question"], a["session"]) == (ref, session))
    assert written["notes"].endswith("x and")


async def test_a_background_save_that_meets_a_broken_file_waits_for_ctrl_s(example: Path, make_app) -> None:
    """merge9 (found in tmux): with the file on disk broken, the 'no longer reads' dialog opened by
    itself after every pause in the typing and took the keys typed next."""
    from textual.widgets import TextArea

    from workbench.ui.modals.conflict import ConflictModal
    from workbench.ui.widgets.question_panel import QuestionPanel

    app = make_app(example, autosave_delay=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = notifications(app)
        await ready(pilot)
        example.write_text(example.read_text() + "broken = = \n")
        notes = app.screen.query_one("#q-notes", TextArea)
        ref, session = app.screen.query_one(QuestionPanel).ref, app.workspace.session_id
        notes.focus()
        notes.move_cursor(notes.document.end)
        await pilot.press("x")
        assert await until(
            pilot, lambda: getattr(app, "conflicts_waiting", False) or isinstance(app.screen, ConflictModal)
        )
        await pilot.press(*" and")
        assert not isinstance(app.screen, ConflictModal), "no dialog opened under the typing"
        assert app.workspace.project.answer(ref, session).notes.endswith("x and")  # type: ignore[union-attr]
        assert any("line" in m and "ctrl+s" in m for m in shown), shown
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, ConflictModal))
    assert example.read_text().endswith("broken = = \n"), "the broken file is never written"


async def test_the_no_longer_reads_dialog_says_esc_keeps_editing(example: Path, make_app) -> None:
    """merge9 (found in tmux): its footer said 'esc Cancel' beside its 'Keep editing (Esc)' button.
    At 80 columns (x1, #12): the dialog's own keys come before the pinned ^z ^y, which had taken
    esc's room."""
    from workbench.ui.modals.conflict import ConflictModal
    from workbench.ui.widgets.key_footer import KeyFooter

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await raise_g006_impact(pilot)
        example.write_text(example.read_text() + "broken = = \n")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, ConflictModal))
        await pilot.pause()
        line = str(app.screen.query_one(KeyFooter).render())
        assert "esc Keep editing" in line and "Cancel" not in line, line
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, ConflictModal))
        assert app.workspace.unsaved


async def test_ctrl_z_after_a_merge_says_where_the_history_ends(example: Path, make_app) -> None:
    """merge10: after a merge with the file changed on disk, ctrl+z was greyed and pressing it
    said nothing; it says the history ends at the merge, and changes nothing."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = notifications(app)
        await raise_g006_impact(pilot)
        hand_edit(example, 'facilitator = "Sam Okafor"', 'facilitator = "Sam O."')
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        merged = example.read_text()
        assert app.check_action("undo", ()) is True, "ctrl+z is offered"
        await pilot.press("ctrl+z")
        said = "Undo history ends at the merge with the version on disk at"
        assert await until(pilot, lambda: any(said in m for m in shown))
        header = app.screen.query_one(WorkbenchHeader).status_line().plain
        assert said not in header, "a toast, read whole (the top line cut it before the time at 80 columns)"
        assert app.workspace.project.gap("G-006").impact == 3 and not app.workspace.unsaved
    assert example.read_text() == merged and gap_in(example, "G-006")["impact"] == 3


async def test_evidence_in_conflict_reads_as_sentences(example: Path, make_app) -> None:
    """merge10: evidence values showed their raw links (`discovery:…@data-1`); they read as the
    gap dialog words them, one a line. (The file's evidence line was deleted by hand while I
    detached a link: the field is in conflict.)"""
    from workbench.edits.gaps import DetachEvidence

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.workspace.apply(DetachEvidence("G-003", "heard:H-003"))
        hand_edit(example, 'evidence = ["heard:H-003", "discovery:model-training.discovery.2@data-1"]\n', "")
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        modal = app.screen
        values = {n: str(modal.query_one(f"#merge-{n}").render()) for n in ("base", "ours", "theirs")}
        assert values["ours"] == "not set"
        before = values["base"].splitlines()
        assert len(before) == 2 and before[0].startswith("• Heard in session "), before
        assert before[1].startswith("• Answer to '") and "(" in before[1], before
        assert values["theirs"] == before[1]
        assert "discovery:" not in " ".join(values.values()) and "heard:" not in " ".join(values.values())
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert gap_in(example, "G-003")["evidence"] == ["discovery:model-training.discovery.2@data-1"]


async def test_a_double_tap_answers_only_the_conflict_on_show(example: Path, make_app) -> None:
    """fix14d 1 (#14 walkthrough): two conflicts (notes and current maturity), `dd` typed fast
    settled both as the file's: the second was never shown. Each conflict is read before it is
    answered: a key typed before it was on screen 0.4 s is refused, as when the dialog opens."""
    from tests.test_keyboard_model import burst
    from workbench.edits.answers import SetAnswer

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.workspace.apply(SetAnswer(Q1, "data-1", {"notes": "mine", "current": 2}))
        hand_edit(
            example,
            'notes = "No checks at ingestion; issues found when a model looks odd."\ncurrent = 1',
            'notes = "theirs"\ncurrent = 3',
        )
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        modal = app.screen
        assert "(1 of 2)" in str(modal.query_one("#merge-title").render())
        await burst(pilot, "d", "d")  # as a terminal delivers a double-tap: both queued at once
        assert await until(pilot, lambda: "(2 of 2)" in str(modal.query_one("#merge-title").render()))
        await pilot.pause()
        assert app.screen is modal, "the second d did not answer the conflict it never showed"
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    answer = next(a for a in saved(example)["answers"] if (a["question"], a["session"]) == (Q1, "data-1"))
    assert (answer["notes"], answer["current"]) == ("theirs", 2)


async def test_write_it_anew_heads_the_record_as_every_other_place_does(example: Path, make_app) -> None:
    """fix14d 5 (#14 walkthrough): the 'Write it anew' editor headed the record "answer to 'How do
    you…'" in lower case; everywhere else a heading says "Answer to"."""
    from workbench.edits.answers import SetAnswer
    from workbench.ui.modals.merge_modal import EditValueModal

    set_note_to_40_gb(example)
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.workspace.apply(SetAnswer(Q1, "data-1", {"notes": "41 GB, mine"}))
        hand_edit(example, 'notes = "40 GB"', 'notes = "45 GB (hand-edited)"')
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        assert str(app.screen.query_one("#merge-what").render()).startswith("Answer to '")
        await pilot.press("e")
        assert await until(pilot, lambda: isinstance(app.screen, EditValueModal))
        heading = str(app.screen.query(".dialog-body").first().render())
        assert heading.startswith("Answer to '"), heading
        await pilot.press("end", *" and more", "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert note(example).endswith("41 GB, mine and more")


async def test_the_quit_dialog_says_the_keys_its_buttons_have(example: Path, make_app) -> None:
    """fix14d 2 (#14 walkthrough): with the file changed on disk unsettled, ctrl+q said 'stay and
    save (ctrl+s) to settle it' over the buttons 'Quit (ctrl+s)  Stay (Esc)': following the
    words quit. The words say Stay (Esc), then ctrl+s; Esc stays and ctrl+s then opens the merge."""
    from workbench.ui.widgets.key_footer import KeyFooter

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await raise_g006_impact(pilot)
        hand_edit_g006(example, 5)
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, MergeModal) and app.conflicts_waiting)
        await pilot.press("ctrl+q")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        body = app.screen.body  # type: ignore[attr-defined]
        assert "Stay (Esc), then save (ctrl+s) to settle it" in body, body
        assert "stay and save (ctrl+s)" not in body
        labels = [str(b.label) for b in app.screen.query("Button")]
        assert labels == ["Quit (q)", "Stay (ctrl+s, Esc)"]
        await pilot.pause()
        assert "esc Stay" in str(app.screen.query_one(KeyFooter).render())
        assert await dialog_up(pilot, ConfirmModal)  # (it takes keys once it can be read)
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, ConfirmModal))
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert gap_in(example, "G-006")["impact"] == 3


async def test_a_waiting_conflict_is_said_once_toast_then_dialog(example: Path, make_app) -> None:
    """fix14d 4 (#14 walkthrough): after an autosave met a conflict, ctrl+s opened the merge dialog
    and two identical 'Not saved yet' toasts were on screen at once (the main screen's, top right,
    seen under the dialog, and the dialog's own at the bottom right). It is said once: by the
    toast until the dialog opens, then by the dialog, and the toast goes (w13c: it sat over the
    dialog's box and buttons at 80x24)."""
    from workbench.edits.answers import SetAnswer

    set_note_to_40_gb(example)
    app = make_app(example, autosave_delay=0.2)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await ready(pilot)
        app.workspace.apply(SetAnswer(Q1, "data-1", {"notes": "41 GB, mine"}))
        hand_edit(example, 'notes = "40 GB"', 'notes = "45 GB (hand-edited)"')
        assert await until(pilot, lambda: app.conflicts_waiting)

        assert await until(pilot, lambda: len(toasts_in_sight(app)) == 1), toasts_in_sight(app)
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.pause()
        assert toasts_in_sight(app) == [], toasts_in_sight(app)


def toasts_in_sight(app: Any) -> list[str]:
    """Toasts drawn: the top screen's, and those of the screens a dialog shows through."""
    shown = []
    for screen in reversed(app.screen_stack):
        for toast in screen.query("Toast"):
            drawn = [w for w in toast.ancestors_with_self if w is not screen and w is not app]
            if all(w.display for w in drawn):
                shown.append(str(toast.render()))
        if not screen.is_modal:
            break
    return shown


async def test_a_toast_hidden_under_a_dialog_shows_again_when_it_closes(example: Path, make_app) -> None:
    """The panes' toasts are hidden while a dialog is over them (said once, by the dialog) and
    come back when it closes: the toast rack under a dialog is marked, not the whole screen
    (marking the screen restyled every pane as each dialog opened and closed)."""
    from textual.screen import ModalScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await ready(pilot)
        app.notify("Nothing saved yet: the file is read-only.", severity="warning", timeout=600)
        assert await until(pilot, lambda: len(toasts_in_sight(app)) == 1), toasts_in_sight(app)
        await pilot.press("f6")
        assert await until(pilot, lambda: isinstance(app.screen, ModalScreen))
        assert await until(pilot, lambda: len(toasts_in_sight(app)) == 1), toasts_in_sight(app)
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, ModalScreen))
        assert await until(pilot, lambda: len(toasts_in_sight(app)) == 1), toasts_in_sight(app)


async def test_a_plan_loop_made_by_the_two_sides_together_is_said_and_never_written(
    example: Path, make_app
) -> None:
    """fix14e 2: mine makes P-1 wait for D-1, the file on disk makes D-1 wait for P-3 (which
    waits for P-2, which waits for P-1): each passes alone, the two together are a loop no
    schedule meets. ctrl+s says so in one sentence and the file on disk keeps no loop."""
    from workbench.edits.plan import AddDependency
    from workbench.ui.modals.conflict import ConflictModal

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.workspace.apply(AddDependency("P-1", "D-1"))
        hand_edit(
            example,
            'owner = "Sam Okafor"\nweeks = 1\n',
            'owner = "Sam Okafor"\nweeks = 1\ndepends_on = ["P-3"]\n',
        )
        on_disk = example.read_text()
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, ConflictModal)
        said = " ".join(str(w.render()) for w in app.screen.query(".dialog-body, .dialog-error"))
        assert "cycle" in said and "P-1 → P-2 → P-3 → D-1 → P-1" in said, said
        assert "(the file on disk made D-1 wait for P-3, your copy made P-1 wait for D-1)" in said, said
        assert example.read_text() == on_disk  # nothing written
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, ConflictModal))
        assert app.workspace.unsaved
    assert example.read_text() == on_disk
