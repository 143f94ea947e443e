"""Dialogs about the file on disk never take keys typed for the notes (#13/#14 fresh-eyes
walkthrough): an autosave that meets a conflict or a broken file opens no dialog (the header says
so, the typing lands in the notes), the dialog opens when the person saves, and keys typed before
it was on screen are not taken as answers. Pilot-driven, asserting on the saved file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from tests.conftest import ROOT
from tests.helpers import dialog_up, hand_edit, raise_g006_impact, ready, saved, until
from workbench.store.files import ProjectFile
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.conflict import ConflictModal
from workbench.ui.modals.merge_modal import MergeModal
from workbench.ui.widgets.header import WorkbenchHeader
from workbench.ui.widgets.question_panel import QuestionPanel

WORDS = ["documents", "many", "data", "sources", "by", "email", "merged", "by", "engineers"]
"""Typed into the notes: every letter that answers the conflict dialog (d, m, b, e) is here."""


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "example.toml"
    shutil.copyfile(ROOT / "tests" / "merge_base.toml", target)
    return target


def header(app: Any) -> str:
    return str(app.screen.query_one(WorkbenchHeader).status_line())


async def start_typing(pilot: Any) -> tuple[str, str]:
    """The keyboard in the notes of the question on show; a first word typed and autosaved."""
    await ready(pilot)
    app = pilot.app
    notes = app.screen.query_one("#q-notes", TextArea)
    notes.focus()
    notes.move_cursor(notes.document.end)
    await pilot.press(*" first")
    assert await until(pilot, lambda: not app.workspace.unsaved)
    return app.screen.query_one(QuestionPanel).ref, app.workspace.session_id


def notes_changed_on_disk(path: Path, ref: str, session: str) -> None:
    """Another program changes the same notes in the file."""
    file = ProjectFile.load(path)
    file.project.set_answer(ref, session, notes="Changed on disk.")
    file.save()
    path.with_name(path.name + ".bak").unlink()


async def type_words(pilot: Any, words: list[str]) -> None:
    for word in words:
        await pilot.press(*f" {word}")
        await pilot.pause()


def notes_of(app: Any, ref: str, session: str) -> str:
    answer = app.workspace.project.answer(ref, session)
    return answer.notes if answer is not None else ""


def conflict_on_disk(path: Path) -> None:
    hand_edit(
        path,
        'impact = 2\ncomplexity = 2\n\n[[gaps]]\nid = "G-007"',
        'impact = 5\ncomplexity = 2\n\n[[gaps]]\nid = "G-007"',
    )


async def test_an_autosave_that_meets_a_conflict_opens_no_dialog_and_the_typing_lands(
    example: Path, make_app
) -> None:
    app = make_app(example, autosave_delay=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        ref, session = await start_typing(pilot)
        notes_changed_on_disk(example, ref, session)
        on_disk = example.read_text()
        await type_words(pilot, WORDS[:3])
        assert await until(pilot, lambda: "changed on disk" in header(app))
        await type_words(pilot, WORDS[3:])
        await pilot.pause(0.5)  # (an autosave is due every 0.2 s: none may open the dialog)
        assert not any(isinstance(s, MergeModal | ConflictModal) for s in app.screen_stack)
        assert notes_of(app, ref, session).endswith(" " + " ".join(WORDS))
        assert "changed on disk: ctrl+s" in header(app)
        assert example.read_text() == on_disk, "nothing written over the file while unsettled"
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert "changed on disk" not in header(app)
    data = saved(example)
    written = next(a for a in data["answers"] if (a["question"], a["session"]) == (ref, session))
    assert written["notes"].endswith(" " + " ".join(WORDS))


async def test_an_autosave_that_meets_a_broken_file_opens_no_dialog_and_the_typing_lands(
    example: Path, make_app
) -> None:
    app = make_app(example, autosave_delay=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        ref, session = await start_typing(pilot)
        theirs = example.read_text()
        broken = "<<<<<<< HEAD\n" + theirs + "=======\n" + theirs + ">>>>>>> other\n"
        example.write_text(broken)
        await type_words(pilot, WORDS[:2])
        assert await until(pilot, lambda: "file on disk unreadable" in header(app))
        await pilot.press("escape")  # (Esc in the notes: the walkthrough's "Keep editing")
        notes = app.screen.query_one("#q-notes", TextArea)
        notes.focus()
        notes.move_cursor(notes.document.end)
        await type_words(pilot, WORDS[2:])
        await pilot.pause(0.5)
        assert not any(isinstance(s, MergeModal | ConflictModal) for s in app.screen_stack)
        assert notes_of(app, ref, session).endswith(" " + " ".join(WORDS[2:]))
        assert WORDS[0] in notes_of(app, ref, session)
        assert example.read_text() == broken
        example.write_text(theirs)  # they fixed it
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert "unreadable" not in header(app)
    written = next(a for a in saved(example)["answers"] if (a["question"], a["session"]) == (ref, session))
    assert written["notes"].endswith(" " + " ".join(WORDS[2:]))


async def test_keys_typed_before_the_dialog_was_on_screen_answer_nothing(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        conflict_on_disk(example)
        on_disk = example.read_text()
        await pilot.press("ctrl+s", "d", "m", "b", "e")  # typed on, in a burst, as it opened
        assert await until(pilot, lambda: isinstance(app.screen, MergeModal))
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, MergeModal) and not modal.choices
        assert example.read_text() == on_disk
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("d")  # read, then answered: the file's value
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert next(g for g in saved(example)["gaps"] if g["id"] == "G-006")["impact"] == 5


async def test_quitting_after_stop_asks_once_and_stacks_no_dialog(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        conflict_on_disk(example)
        on_disk = example.read_text()
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, MergeModal))
        assert "changed on disk" in header(app)
        await pilot.press("ctrl+q")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.pause()
        assert not any(isinstance(s, MergeModal | ConflictModal) for s in app.screen_stack)
        body = str(app.screen.query_one(".dialog-body").render())
        assert "changed on disk" in body and "ctrl+s" in body and "disk on disk" not in body
        assert await dialog_up(pilot, ConfirmModal)  # (it takes keys once it can be read)
        await pilot.press("escape")  # Stay
        assert await until(pilot, lambda: not isinstance(app.screen, ConfirmModal))
    assert example.read_text() == on_disk
