"""#13 finding 2: a failed save and quit never loses the work, and never says it is kept when
it is not; the next start offers it back."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from textual.widgets import Button

from tests.helpers import (
    asked_to_quit,
    dialog_up,
    fail_every_write,
    g006_raised,
    hand_edit,
    hand_edit_g006,
    raise_g006_impact,
    restore_on_next_start,
    save_on_a_full_disk,
    until,
)
from workbench.store.journal import journal_paths
from workbench.ui.modals.confirm import ConfirmModal


async def test_a_full_disk_then_quit_keeps_the_work_in_the_journal(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    before = example.read_bytes()
    async with g006_raised(make_app, example) as pilot:
        await save_on_a_full_disk(pilot, example, monkeypatch)
        body = await asked_to_quit(pilot)
        assert "kept in" in body and "could not" not in body
        await pilot.click("#yes")
    monkeypatch.undo()
    assert example.read_bytes() == before
    await restore_on_next_start(
        make_app, example, lambda again: again.workspace.project.gap("G-006").impact == 3
    )


async def test_quitting_when_nothing_can_be_written_says_the_work_would_be_lost(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    async with g006_raised(make_app, example) as pilot:
        app = pilot.app
        fail_every_write(example, state_dir, monkeypatch)
        body = await asked_to_quit(pilot)
        assert "could not be kept" in body and "Quitting now loses them" in body
        await pilot.click("#no")
        assert await until(pilot, lambda: app.is_running and app.workspace.unsaved)


async def test_keeping_mine_in_a_conflict_keeps_their_version_beside_the_file(
    example: Path, make_app
) -> None:
    """#13 finding 4: whatever the person chooses, the version they met is kept as a copy."""
    from workbench.ui.modals.merge_modal import MergeModal

    async with g006_raised(make_app, example) as pilot:
        app = pilot.app
        hand_edit_g006(example, 5)
        theirs = example.read_text()
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert 'impact = 3\ncomplexity = 2\n\n[[gaps]]\nid = "G-007"' in example.read_text()
    copies = list(example.parent.glob("example.theirs-*.toml"))
    assert [c.read_text() for c in copies] == [theirs]


async def test_restoring_a_note_writes_that_note_only(example: Path, make_app) -> None:
    """#13 finding 3: restoring after a later hand edit overwrites nothing and adds no default
    keys: the file differs from the hand-edited one by the one restored line."""
    from workbench.store.files import ProjectFile
    from workbench.store.journal import write_journal
    from workbench.store.serialize import project_to_data

    file = ProjectFile.load(example)
    answer = next(a for a in file.project.answers if a.notes and "\n" not in a.notes)
    answer.notes = "restored note"
    write_journal(example, project_to_data(file.project), file.base, "ml-1", False)
    hand_edit(example, 'facilitator = "Sam Okafor"', 'facilitator = "Sam O."  # renamed later')
    edited = example.read_text().splitlines()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.pause()
        await pilot.click("#yes")
        assert await until(pilot, lambda: "restored note" in example.read_text())
    after = example.read_text().splitlines()
    diff = [line for line in difflib.ndiff(edited, after) if line[:1] in "+-"]
    assert len(diff) == 2 and diff[0].startswith("- notes = ") and diff[1] == '+ notes = "restored note"'


async def test_quitting_with_the_clock_running_saves_its_time_and_leaves_no_journal(
    example: Path, make_app, clock, state_dir: Path
) -> None:
    """#13 finding 1: the clock's time is kept by the file at a clean quit, so the next start
    offers nothing."""
    import tomllib

    from tests.helpers import ready

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+t")
        assert await until(pilot, lambda: app.workspace.clock.running)
        before = app.workspace.session.elapsed_seconds
        clock.now += 42
        await pilot.press("ctrl+q")
        assert await until(pilot, lambda: not app.is_running)
    sessions = tomllib.loads(example.read_text())["sessions"]
    assert next(s for s in sessions if s["id"] == "ml-1")["elapsed_seconds"] == before + 42
    assert not list(state_dir.rglob("*.json"))


def leave_recovered_work(example: Path) -> bytes:
    """A run that stopped with a note changed to 'restored note', unsaved; the entry's bytes."""
    from workbench.store.files import ProjectFile, load_project
    from workbench.store.journal import write_journal
    from workbench.store.serialize import project_to_data

    started = ProjectFile.load(example).base
    work = load_project(example)
    answer = next(a for a in work.answers if a.notes and "\n" not in a.notes)
    answer.notes = "restored note"
    write_journal(example, project_to_data(work), started)
    return journal_paths(example)[0].read_bytes()


async def test_esc_on_the_restore_offer_decides_later_and_keeps_the_work(
    example: Path, make_app, state_dir: Path
) -> None:
    """merge10: Esc on 'Unsaved work was found' discarded the recovered work for good. Esc is
    'Decide later' now: the project opens as on disk, the work is kept untouched while this run
    edits and saves, and the next start offers it again."""
    from tests.helpers import ready
    from workbench.ui.widgets.key_footer import KeyFooter

    entry = leave_recovered_work(example)
    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert await dialog_up(pilot, ConfirmModal)
        line = str(app.screen.query_one(KeyFooter).render())
        assert "esc Decide later" in line and "Discard" not in line, line
        assert "Discard drops it for good" in app.screen.body  # type: ignore[attr-defined]
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert labels == ["Restore (ctrl+s)", "Discard", "Decide later (Esc)"], labels
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, ConfirmModal))
        assert "restored note" not in project_notes(app), "opened as on disk"
        assert example.read_bytes() == before
        await raise_g006_impact(pilot)  # this run's own edit, journalled and saved
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert gap_impact(example) == 3
    kept = [p.read_bytes() for p in (state_dir / "journal").glob("*.later-*.json")]
    assert kept == [entry], "the recovered work is kept as it was"
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.pause()
        await pilot.click("#yes")
        assert await until(pilot, lambda: "restored note" in example.read_text())
    assert gap_impact(example) == 3, "this run's edit is kept too"
    assert not list((state_dir / "journal").glob("*.json"))


async def test_discard_on_the_restore_offer_is_its_button_and_drops_the_work(
    example: Path, make_app, state_dir: Path
) -> None:
    leave_recovered_work(example)
    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.pause()
        await pilot.click("#no")
        assert await until(pilot, lambda: not list((state_dir / "journal").glob("*.json")))
        assert "restored note" not in project_notes(app)
    assert example.read_bytes() == before
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        from tests.helpers import ready

        await ready(pilot)
        await pilot.pause()
        assert not isinstance(again.screen, ConfirmModal)


def project_notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.notes for a in app.workspace.project.answers]


def gap_impact(example: Path) -> int:
    import tomllib

    return int(next(g for g in tomllib.loads(example.read_text())["gaps"] if g["id"] == "G-006")["impact"])


@pytest.mark.parametrize("keys", [("escape",), ("enter",), ("ctrl+s",), ("x", "enter")])
async def test_keys_typed_as_the_restore_offer_opens_do_not_answer_it(
    example: Path, make_app, state_dir: Path, keys: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """fix13a 7: Esc, Enter or letters typed while the project was still opening answered the
    restore offer. Like the file's dialogs it drops keys typed before it had been on screen
    0.4 s; after that the same key answers it."""
    import workbench.ui.modals.dialog as dialog

    monkeypatch.setattr(dialog, "TYPING_GUARD_SECONDS", 2.0)  # "too soon" holds on a busy machine
    entry = leave_recovered_work(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        offer = app.screen
        assert not offer.keys_ready  # type: ignore[attr-defined]
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen is offer, "a key typed too soon answered the offer"
        assert journal_paths(example)[0].read_bytes() == entry
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.press("escape")
        assert await until(pilot, lambda: app.screen is not offer)


async def test_the_restore_offer_says_what_the_work_holds(example: Path, make_app, state_dir: Path) -> None:
    """fix13b 1: 'Unsaved work was found' did not say what the recovered work holds."""
    from workbench.store.files import load_project

    leave_recovered_work(example)
    session = next(a for a in load_project(example).answers if a.notes and "\n" not in a.notes).session
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)
        body = app.screen.body  # type: ignore[attr-defined]
        assert f"It holds notes on 1 question in session {session}." in body, body


async def test_after_a_restore_the_keyboard_is_back_in_the_notes_being_typed(
    example: Path, make_app, state_dir: Path
) -> None:
    """fix13b 2: after Restore the keyboard was in the question tree, so typing on ('z5') set
    the current maturity to 5. It goes back to the notes of the question being typed into,
    and the session clock runs only if it was running (it was not)."""
    import tomllib

    from textual.widgets import TextArea

    from tests.helpers import ready
    from workbench.store.journal import read_journal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.capture  # type: ignore[attr-defined]
        first = capture.panel.ref
        await pilot.press("down", "down", "down")
        assert await until(pilot, lambda: capture.panel.ref != first)
        await pilot.press("enter")
        notes = app.screen.query_one("#q-notes", TextArea)
        assert await until(pilot, lambda: app.screen.focused is notes)
        question = capture.panel.ref
        await pilot.press(*" typed")
        assert await until(pilot, lambda: notes.text.endswith(" typed"))
        app.autosave.journal.run()
        assert await until(pilot, lambda: (e := read_journal(example)) is not None and e.focus == "q-notes")
        assert not app.workspace.clock.running
        kept = {p: p.read_bytes() for p in (state_dir / "journal").iterdir()}
    entry = read_journal(example)
    if entry is None:  # (the run's end cleared it: as after a kill -9, it is still there)
        for p, data in kept.items():
            p.write_bytes(data)
        entry = read_journal(example)
    assert entry is not None and entry.question == question
    session = entry.session
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.press("ctrl+s")  # Restore
        assert await until(pilot, lambda: " typed" in example.read_text())
        notes = again.screen.query_one("#q-notes", TextArea)
        assert await until(pilot, lambda: again.screen.focused is notes)
        await pilot.press("z", "5")
        assert await until(pilot, lambda: notes.text.endswith(" typedz5"))
        assert not again.workspace.clock.running
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not again.workspace.unsaved)
    answers = tomllib.loads(example.read_text())["answers"]
    saved = next(a for a in answers if a["question"] == question and a["session"] == session)
    assert saved["notes"].endswith(" typedz5")
    assert saved.get("current") != 5 or entry.project().answer(question, session).current == 5


async def test_quitting_after_save_a_copy_names_the_copy_that_holds_the_work(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    """fe13c 2: after "Save a copy" succeeded, ctrl+q still said the changes were lost and to
    'try again': it names the copy that holds them."""
    async with g006_raised(make_app, example) as pilot:
        app = pilot.app
        fail_every_write(example, state_dir, monkeypatch)
        await app.run_action("save_copy")
        copies = list((state_dir / "copies").glob("*.mine-*.toml"))
        assert await until(pilot, lambda: bool(copies) or list((state_dir / "copies").glob("*.mine-*.toml")))
        copy = next((state_dir / "copies").glob("*.mine-*.toml"))
        body = await asked_to_quit(pilot)
        assert copy.name in body and "loses them" not in body and "try again" not in body, body
        await pilot.click("#no")
        assert await until(pilot, lambda: app.is_running and app.workspace.unsaved)
    assert copy.read_bytes() != example.read_bytes()  # the copy holds the change the file lacks


def test_an_os_error_says_what_to_try_not_try_again() -> None:
    """fe13c 2: 'check the disk and try again' did not say what to try."""
    from workbench.ui.safe import problem_sentence

    said = problem_sentence(OSError(28, "No space left on device", "notes.toml"))
    assert "try again" not in said and "then save again, or save a copy (ctrl+p, Save a copy)" in said
