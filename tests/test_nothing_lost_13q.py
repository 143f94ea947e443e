"""fix13q (#13 leftovers): the quit dialog's typing guard, where the keyboard is after a
restore, the clock running on after it, the restore offer's wording, and the picker naming
projects with unsaved work waiting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import dialog_up, fail_writes_under, raise_g006_impact, until
from workbench.ui.modals.confirm import ConfirmModal


@pytest.mark.parametrize("answer", ["ctrl+s", "escape", "enter"])
async def test_a_key_typed_as_the_quit_dialog_opens_does_not_answer_it(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path, answer: str
) -> None:
    """fix13q 1: ctrl+q then ctrl+s 0.1 s apart (a save meant before quitting) quit the app from
    'Quit with unsaved changes?' unseen. Like the other dialogs that open under typing, it takes
    no key typed before it was on screen 0.4 s; after that its keys answer it as its words say."""
    import workbench.ui.modals.dialog as dialog

    monkeypatch.setattr(dialog, "TYPING_GUARD_SECONDS", 2.0)  # "too soon" holds on a busy machine
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await raise_g006_impact(pilot)
        fail_writes_under(example.parent, monkeypatch)  # the save fails: ctrl+q asks
        await pilot.press("ctrl+q", answer)
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        asked = app.screen
        await pilot.pause()
        assert app.is_running and app.screen is asked, f"{answer} typed too soon answered the quit dialog"
        body = asked.body  # type: ignore[attr-defined]
        labels = [str(b.label) for b in asked.query("Button")]
        assert labels == ["Quit (q)", "Stay (ctrl+s, Esc)"], labels
        assert "ctrl+s" not in body or "Stay (Esc), then" in body, body
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.press("escape")
        assert await until(pilot, lambda: app.screen is not asked)
        assert app.is_running and app.workspace.unsaved
        await pilot.press("ctrl+q")
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.press("q")  # (ctrl+s stays: s13a 2)
        assert await until(pilot, lambda: not app.is_running)


async def leave_typing_in(example: Path, make_app, state_dir: Path, field: str, words: str) -> str:
    """A run that stops while typing `words` at the end of the Capture field `field` (of a success
    metric's question), as a crash leaves it; the question."""
    from textual.widgets import Input, TextArea

    from tests.helpers import ready
    from workbench.store.journal import read_journal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.capture  # type: ignore[attr-defined]
        catalogue, project = app.workspace.catalogue, app.workspace.project
        question = next(m.template for m in project.metrics if m.template in catalogue.questions)
        capture.jump_to(question, notes=False)
        typed = app.screen.query_one(f"#{field}")
        assert isinstance(typed, Input | TextArea)
        assert await until(pilot, lambda: typed.display and typed.parent.display)  # type: ignore[union-attr]
        typed.focus()
        await pilot.press("end", *words)
        name = field.removeprefix("q-")
        assert await until(pilot, lambda: getattr(project.metric_from(question), name).endswith(words))
        app.autosave.journal.run()

        def journaled() -> bool:
            entry = read_journal(example)
            if entry is None or entry.focus != field:
                return False
            return str(getattr(entry.project().metric_from(question), name)).endswith(words)

        assert await until(pilot, journaled)
        kept = {p: p.read_bytes() for p in (state_dir / "journal").iterdir()}
    for p, data in kept.items():  # (as after a kill -9: the run's end may have cleared it)
        p.write_bytes(data)
    return question


@pytest.mark.parametrize("field", ["q-owner", "q-measured_by", "q-unit"])
async def test_a_restore_puts_the_keyboard_back_in_the_capture_field_being_typed(
    example: Path, make_app, state_dir: Path, field: str
) -> None:
    """fix13q 2: after Restore the keyboard went back only to the notes; typing in a success
    metric's owner, 'measured by' or unit went on into the question tree. It goes back to the
    field typed in, the cursor after its text, and typing on adds to it."""
    question = await leave_typing_in(example, make_app, state_dir, field, " typed")
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.press("ctrl+s")  # Restore
        assert await until(pilot, lambda: " typed" in example.read_text())
        typed = again.screen.query_one(f"#{field}")
        assert await until(pilot, lambda: again.screen.focused is typed), f"the keyboard is in {again.screen.focused}"
        assert again.screen.capture.panel.ref == question  # type: ignore[attr-defined]
        await pilot.press(*" on")
        assert await until(pilot, lambda: typed.value.endswith(" typed on")), typed.value  # type: ignore[attr-defined]


def test_the_restore_offer_quotes_a_field_ending_in_a_full_stop_as_a_sentence() -> None:
    """fix13q 4: the offer quoted the end of the text typed and added its own full stop, so text
    ending in one read '…the change review.'.'. It ends once, inside the quote."""
    import datetime as dt

    from workbench.store.journal import DialogDraft
    from workbench.ui.app import draft_words, only_draft_words

    typed = "Deploys wait a week for the change review."
    draft = DialogDraft("Edit G-003", ("gaps", "edit_gap", ("G-003",)), {"gap-description": typed}, "gap-description")
    only = only_draft_words(draft, dt.datetime(2026, 12, 2, 14, 32))
    assert only.endswith("a week for the change review.'"), only
    within = draft_words(draft)
    for said in (only, within):
        assert ".'." not in said and ".." not in said and ".…" not in said, said
    unfinished = DialogDraft("Edit G-003", ("gaps", "edit_gap", ("G-003",)), {"gap-description": "a ticket"}, "gap-description")
    assert only_draft_words(unfinished, dt.datetime(2026, 12, 2, 14, 32)).endswith("was not saved: description 'a ticket'.")


async def test_the_session_clock_runs_on_after_a_restore(example: Path, make_app, state_dir: Path) -> None:
    """fix13q 3: a restore put the clock back at its value; this holds that it also runs on from
    there when it was running (on the real clock, not the tests' fixed one)."""
    import re
    import time

    from workbench.store.files import ProjectFile, load_project
    from workbench.store.journal import write_journal
    from workbench.store.serialize import project_to_data
    from workbench.ui.widgets.header import WorkbenchHeader

    started = ProjectFile.load(example).base
    work = load_project(example)
    session = work.session("ml-1")
    assert session is not None
    session.elapsed_seconds = 4140  # 1:09:00, running when the window stopped
    write_journal(example, project_to_data(work), started, "ml-1", True)

    def shown(app) -> int:  # type: ignore[no-untyped-def]
        """The running clock's time on the header, in seconds (-1 when it is not running)."""
        headers = [h for s in app.screen_stack for h in s.query(WorkbenchHeader)]
        line = headers[0].status_line().plain if headers else ""
        found = re.search(r"▶ ((?:\d+:)?\d+:\d\d)", line)
        if found is None:
            return -1
        seconds = 0
        for part in found.group(1).split(":"):
            seconds = seconds * 60 + int(part)
        return seconds

    app = make_app(example, now=time.monotonic)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.click("#yes")
        assert await until(pilot, lambda: app.workspace.clock.running)
        assert await until(pilot, lambda: shown(app) >= 4140), "the clock comes back at its time"
        assert await until(pilot, lambda: shown(app) > 4141), "the clock runs on after the restore"


async def test_the_picker_says_which_project_has_unsaved_work_waiting(
    example: Path, make_app, state_dir: Path
) -> None:
    """fix13q 5: the project picker did not say that a project had unsaved work waiting in the
    journal. That project's row says so, as literal text that fits at 80 columns."""
    import shutil

    from textual.widgets import OptionList

    from tests.test_journal_app import leave_recovered_work
    from workbench.store.journal import read_journal
    from workbench.ui.screens.picker_screen import PickerScreen

    other = example.parent / "other.toml"
    shutil.copyfile(example, other)
    leave_recovered_work(example)
    entry = read_journal(example)
    assert entry is not None
    when = entry.written.astimezone()
    app = make_app(None, projects_dir=example.parent, today=when.date())
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        await pilot.pause()
        options = app.screen.query_one("#projects", OptionList)
        rows = {
            str(options.get_option_at_index(i).id): str(options.get_option_at_index(i).prompt)
            for i in range(options.option_count)
        }
    said = f"unsaved work from {when:%H:%M} waiting"
    assert said in " ".join(rows[str(example)].split()), rows[str(example)]
    assert "unsaved work" not in rows[str(other)]
    assert all(len(line) <= 80 - 4 for line in rows[str(example)].splitlines()), rows[str(example)]


def test_the_restore_offer_names_each_field_it_quotes() -> None:
    """v5 4 (#12 walkthrough): "was not saved: 'Blue-green is manual too': 'Nobody owns the
    switch'." joined two fields with a colon without naming them; each is named by its label."""
    import datetime as dt

    from workbench.store.journal import DialogDraft
    from workbench.ui.app import only_draft_words

    fields = {"gap-title": "Blue-green is manual too", "gap-description": "Nobody owns the switch"}
    draft = DialogDraft("Edit G-003", ("gaps", "edit_gap", ("G-003",)), fields, "gap-description")
    said = only_draft_words(draft, dt.datetime(2026, 12, 2, 14, 32))
    assert said.endswith("was not saved: title 'Blue-green is manual too', description 'Nobody owns the switch'."), said
