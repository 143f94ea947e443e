"""#14 fresh-eyes: the changed-on-disk dialog in a person's words, showing where long values
differ, with keep both and edit for text, and its own keys (Pilot-driven, asserting on the
saved file)."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, TextArea

from tests.conftest import ROOT
from tests.helpers import dialog_up, notifications, ready, until
from workbench.edits.answers import SetAnswer
from workbench.edits.gaps import DeleteGap, EditGap
from workbench.store.files import ProjectFile, load_project
from workbench.store.journal import journal_paths, write_journal
from workbench.store.serialize import project_to_data
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.merge_modal import EditValueModal, MergeModal
from workbench.ui.widgets.key_footer import KeyFooter

FE3 = "discovery:feature-engineering.current.feature-development-process-3"
NOTE = "Three to five weeks from raw tables to features for a new model."
LONG = (
    NOTE[:-1] + ", counted from the ticket to the first training run, across the three teams we met, "
    "including the wait for access to the warehouse and the review of the feature code"
)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "example.toml"
    shutil.copyfile(ROOT / "tests" / "merge_base.toml", target)
    return target


def saved_note(path: Path) -> str:
    answers = tomllib.loads(path.read_text())["answers"]
    return str(next(a for a in answers if (a["question"], a["session"]) == (FE3, "data-1"))["notes"])


def hand_edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def dialog_text(modal: Any) -> str:
    return "\n".join(str(w.render()) for w in modal.query("Static"))


async def both_edit_the_note_end(pilot: Any, example: Path) -> MergeModal:
    """I add to the end of a long note; the file on disk adds something else to its end."""
    app = pilot.app
    await ready(pilot)
    app.workspace.apply(SetAnswer(FE3, "data-1", {"notes": LONG + ", by their estimate."}))
    hand_edit(example, NOTE, LONG + ", measured in March.")
    await pilot.press("ctrl+s")
    assert await dialog_up(pilot, MergeModal)
    return app.screen  # type: ignore[no-any-return]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_long_notes_that_differ_at_the_end_show_the_ends_and_both_can_be_kept(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        modal = await both_edit_the_note_end(pilot, example)
        shown = {w.id: str(w.render()) for w in modal.query(".merge-value")}
        # merge10: each value in full (it was cut at 120 characters), wrapped in its own column
        # beside its label (it wrapped under the label at 80×24); the values box scrolls.
        assert shown == {
            "merge-base": NOTE,
            "merge-ours": LONG + ", measured in March.",
            "merge-theirs": LONG + ", by their estimate.",
        }
        for name in ("base", "ours", "theirs"):
            label, value = modal.query_one(f"#merge-{name}-label"), modal.query_one(f"#merge-{name}")
            assert value.region.x == label.region.right
            assert value.region.height > 1 or name == "base"
        values = modal.query_one("#merge-values")
        assert values.region.bottom <= size[1]
        more = modal.query_one("#merge-more")  # says so when the values are taller than their box
        assert await until(pilot, lambda: more.display == bool(values.max_scroll_y))
        assert values.max_scroll_y  # fix14e: excerpts first, then the values in full
        if values.max_scroll_y:  # what does not fit is read by scrolling with the keyboard
            await pilot.press("pagedown")
            assert await until(pilot, lambda: values.scroll_y > 0)
        what = str(modal.query_one("#merge-what").render())
        assert what.startswith("Answer to 'How long does it typically take to go f…' in session ")
        # merge10: the answer's key ([question@session]) took two lines at 80×24; a person knows
        # the answer by its question and session.
        assert what.endswith("in session Data Science Team Session: notes") and FE3 not in what, what
        dialog = modal.query_one("#merge-dialog").region
        assert dialog.right <= size[0] and dialog.bottom <= size[1]
        for button in modal.query("Button"):
            assert button.display and 0 < button.region.bottom <= size[1] and button.region.width > 0
        await pilot.press("b")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert saved_note(example) == LONG + ", measured in March.\n\n[your copy] " + LONG + ", by their estimate."


PLAIN = (
    "We build features by hand for each model, in notebooks that nobody reviews, and we copy them into "
    "the training job when the model is ready; the team told us a long story about the middle part of "
    "the process, where the data engineers hand over extracts by email and wait days for a reply, and "
    "the end of the note says they want a feature store."
)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_where_each_side_of_a_long_note_differs_is_in_sight_without_scrolling(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    """fix14e 1: a ~300-character note, a word changed in its middle on disk, ' MINE-END' added at
    its end in the app: the box showed Before whole and the start of On disk, both cut before
    either change. Each side now comes first as excerpts around its changes, the changed words
    marked, the values in full below them."""
    hand_edit(example, NOTE, PLAIN)
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        app.workspace.apply(SetAnswer(FE3, "data-1", {"notes": PLAIN + " MINE-END"}))
        hand_edit(example, "about the middle part", "about the CHANGED middle part")
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        modal = app.screen
        values = modal.query_one("#merge-values")
        await pilot.pause()
        assert values.scroll_y == 0
        for name, word in (("ours", "CHANGED"), ("theirs", "MINE-END")):
            part = modal.query_one(f"#merge-{name}-part")
            shown = part.render()
            assert word in str(shown), str(shown)
            assert any(str(shown)[s.start : s.end] == word for s in shown.spans), shown.spans  # marked
            box, at = values.region, part.region
            assert box.y <= at.y and at.bottom <= box.bottom and at.right <= box.right, (box, at)
            assert at.bottom <= size[1]
        assert "middle part" in str(modal.query_one("#merge-base-part").render())
        full = modal.query_one("#merge-theirs")  # the whole value is there to scroll to
        assert str(full.render()) == PLAIN + " MINE-END"
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert saved_note(example) == PLAIN + " MINE-END"


async def test_edit_opens_an_editor_with_both_and_keeps_what_was_typed_when_backing_out(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        modal = await both_edit_the_note_end(pilot, example)
        await pilot.press("e")
        assert await until(pilot, lambda: isinstance(app.screen, EditValueModal))
        editor = app.screen.query_one(TextArea)
        assert "measured in March." in editor.text and "by their estimate." in editor.text
        editor.select_all()
        await pilot.press(*"Five weeks")
        await pilot.press("escape")  # back to the conflict: the typed text is kept
        assert await until(pilot, lambda: app.screen is modal)
        assert app.workspace.unsaved
        await pilot.press("e")
        assert await until(pilot, lambda: isinstance(app.screen, EditValueModal))
        assert app.screen.query_one(TextArea).text == "Five weeks"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert saved_note(example) == "Five weeks"


async def test_deleted_in_my_copy_edited_on_disk_says_so(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.workspace.apply(DeleteGap("G-006"))
        hand_edit(example, 'title = "No data-quality checks at ingestion"', 'title = "Data checked late"')
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        text = dialog_text(app.screen)
        assert "Gap G-006 'Data checked late' (deleted in your copy, edited in the file on disk)" in text
        assert " ours" not in text and "theirs" not in text
        await pilot.press("d")  # keep the file's: the edited gap stays
        assert await until(pilot, lambda: not app.workspace.unsaved)
    gaps = tomllib.loads(example.read_text())["gaps"]
    assert next(g for g in gaps if g["id"] == "G-006")["title"] == "Data checked late"


async def test_deleted_on_disk_edited_in_my_copy_says_so(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.workspace.apply(EditGap("G-006", {"title": "Mine"}))
        text = example.read_text()
        start = text.index('[[gaps]]\nid = "G-006"')
        end = text.index("[[gaps]]", start + 1)
        example.write_text(text[:start] + text[end:])
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        shown = dialog_text(app.screen)
        assert "Gap G-006 'No data-quality checks at ingestion' (deleted in the file on disk, edited in your copy)" in shown
        assert " ours" not in shown and "theirs" not in shown
        await pilot.press("m")  # keep mine: the gap stays, as I edited it
        assert await until(pilot, lambda: not app.workspace.unsaved)
    gaps = tomllib.loads(example.read_text())["gaps"]
    assert next(g for g in gaps if g["id"] == "G-006")["title"] == "Mine"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_dialog_shows_its_own_keys(example: Path, make_app, size: tuple[int, int]) -> None:
    """merge10: at 80 columns 'b Keep both' and 'e Edit' fell off the footer; the words are short."""
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        modal = await both_edit_the_note_end(pilot, example)
        footers = list(modal.query(KeyFooter))
        assert len(footers) == 1
        line = str(footers[0].render())
        for words in ("t Theirs", "m Mine", "b Both", "e Edit", "esc Stop"):
            assert words in line, (words, line)
        assert "Cancel" not in line, "Esc stops the merge: the footer says so"
        # merge9: ctrl+s settles nothing here and was offered as "Save"; the focused button's words
        # and its key both said "Keep the file's". Each key once, only the ones that act.
        assert "Save" not in line and "^s" not in line
        for words in ("Theirs", "Mine", "Both", "Edit", "Stop"):
            assert line.count(words) == 1, (words, line)
        assert not isinstance(modal.focused, Button), "no choice is the default: Enter and space settle nothing"
        await pilot.press("enter", "space", "ctrl+s")
        assert app.screen is modal and modal.choices == {}
        main_footer = str(app.screen_stack[-2].query_one(KeyFooter).render())
        for words in ("Raise gap", "Confidence", "Heard") if size[0] > 80 else ("Confidence", "Heard"):  # the main screen's keys, not the dialog's
            assert words in main_footer and words not in line


async def test_saving_again_and_again_settles_no_conflict(example: Path, make_app) -> None:
    """#14 fresh-eyes 8 (found trying it): ctrl+s pressed in a burst to save used to press the
    dialog's first button, keeping mine over the file's for every conflict without a look."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        modal = await both_edit_the_note_end(pilot, example)
        text = example.read_text()
        for _ in range(4):
            await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modal and modal.choices == {}
        assert app.workspace.unsaved and example.read_text() == text


async def test_stopping_a_restore_at_a_conflict_keeps_the_recovered_work_as_a_copy(
    example: Path, make_app
) -> None:
    """#13 (nothing in these dialogs loses typed text): Stop in the recovery's conflict dialog
    used to say the work was kept while the project showed the file's version and the next edit
    replaced the journal: the recovered work was gone."""
    started = ProjectFile.load(example).base
    work = load_project(example)
    work.move_gap("G-006", 2)
    work.set_answer(FE3, "data-1", notes="Mine, recovered")
    write_journal(example, project_to_data(work), started)
    hand_edit(example, NOTE, "Theirs, on disk")
    text = example.read_text()
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = notifications(app)
        await ready(pilot)
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.click("#yes")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("escape")
        assert await until(pilot, lambda: any("Not restored" in m for m in shown))
        # merge9: the journal stayed, so the next start offered the same work again (and Stop
        # wrote another copy); the copy holds it now.
        assert not journal_paths(example)[0].exists()
    assert example.read_text() == text, "the project file is not changed"
    copies = list(example.parent.glob("example.mine-*.toml"))
    assert len(copies) == 1
    kept = tomllib.loads(copies[0].read_text())
    note = next(a for a in kept["answers"] if (a["question"], a["session"]) == (FE3, "data-1"))["notes"]
    assert note == "Mine, recovered"
    assert next(g for g in kept["gaps"] if g["id"] == "G-006")["impact"] == 4
    assert any(copies[0].name in m for m in shown)
    # #14 fix14b 7: the hint says the exact command, with the base it started from beside it;
    # fix13a 3: run as printed, it wrote its conflict markers into the project file. It writes
    # a new file, the project file is left as it is.
    bases = list(example.parent.glob("example.base-*.toml"))
    assert len(bases) == 1 and bases[0].read_bytes() == started[1]
    hint = next(m for m in shown if "workbench merge" in m)
    printed = hint[hint.index("workbench merge") :].split(" (")[0]
    command = shlex.split(printed)
    assert command[:5] == ["workbench", "merge", bases[0].name, "example.toml", copies[0].name], hint
    merged = subprocess.run(
        [sys.executable, "-m", "workbench.cli", *command[1:]],
        cwd=example.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert merged.returncode == 1 and "1 conflict:" in merged.stderr, merged.stderr
    assert example.read_text() == text, "the project file is not changed by the command"
    output = example.parent / command[-1]
    assert output.name not in (example.name, copies[0].name, bases[0].name) and output.name in hint
    assert "Mine, recovered" in output.read_text() and "Theirs, on disk" in output.read_text()


def header_state(app: Any) -> str:
    """The header's saved state, read from the main screen under the dialog."""
    from workbench.ui.widgets.header import WorkbenchHeader

    line = next(iter(s.query(WorkbenchHeader) for s in app.screen_stack if s.query(WorkbenchHeader)))
    return str(line.first().status_line().plain)


async def test_restoring_says_so_in_the_dialog_and_the_header_until_it_is_settled(
    example: Path, make_app
) -> None:
    """#13/#14 (merge9): the restore's conflict dialog was titled 'Changed on disk' and spoke of
    'the file on disk' and 'your copy'; the header said '✓ saved' while nothing was settled."""
    started = ProjectFile.load(example).base
    work = load_project(example)
    work.set_answer(FE3, "data-1", notes="Mine, recovered")
    write_journal(example, project_to_data(work), started)
    hand_edit(example, NOTE, "Theirs, on disk")
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.click("#yes")
        assert await dialog_up(pilot, MergeModal)
        shown = dialog_text(app.screen)
        assert "Restoring unsaved work: 1 conflict" in shown and "Changed on disk" not in shown
        assert "your recovered work" in shown and "the file now" in shown
        assert "file on disk" not in shown and "your copy" not in shown
        assert "File now" in shown and "Recovered" in shown
        buttons = [str(b.label) for b in app.screen.query("Button") if b.display]  # the row's word (fe13c 7)
        assert buttons[:2] == ["Keep file now (t)", "Keep recovered (m)"], buttons  # s13b 2: t and m
        footer = str(app.screen.query_one(KeyFooter).render())
        assert "t File now" in footer and "m Recovered" in footer, footer
        assert "● merging" in header_state(app) and "saved" not in header_state(app)
        await pilot.press("m")
        assert await until(pilot, lambda: not isinstance(app.screen, MergeModal))
        assert await until(pilot, lambda: "✓ saved" in header_state(app))
    assert saved_note(example) == "Mine, recovered"


async def test_the_changed_on_disk_dialog_keeps_its_words_and_the_header_says_merging(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        modal = await both_edit_the_note_end(pilot, example)
        shown = dialog_text(modal)
        assert "Changed on disk: 1 conflict" in shown and "Theirs" in shown and "Mine" in shown
        assert "● merging" in header_state(app)
        await pilot.press("escape")  # Stop: the header keeps saying it waits for ctrl+s
        assert await until(pilot, lambda: "● changed on disk: ctrl+s to settle" in header_state(app))
