"""#13, durable10a: text typed into a dialog reaches the journal within two seconds as a draft,
is offered back at the next start, and reopens its dialog filled in; Save or Cancel clears it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import dialog_up, ready, restore_dialog_draft, until
from workbench.store.journal import DialogDraft, journal_paths, read_journal, write_journal
from workbench.store.tomltext import decode_toml, parse_toml
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.dialog import DialogScreen
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.modals.heard_modal import HeardModal
from workbench.ui.modals.metric_modal import MetricModal
from workbench.ui.modals.next_step_modal import NextStepModal
from workbench.ui.modals.plan_item_modal import PlanItemModal
from workbench.ui.modals.session_edit_modal import SessionEditModal
from workbench.ui.modals.text_modal import TextModal

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-2"
WORDS = " Model deploys need a ticket"


def draft_in_journal(path: Path) -> DialogDraft | None:
    entry = read_journal(path)
    return entry.draft if entry is not None else None


def journal_has(path: Path, field: str, text: str) -> bool:
    draft = draft_in_journal(path)
    return draft is not None and text in draft.fields.get(field, "")


def opener(where: str, call: str, *args: str) -> Callable[[Any], None]:
    """Open a dialog the way the panes do (the method the restore calls too)."""

    def open_it(app: Any) -> None:
        main = app.main_screen()
        if where:
            main.show_pane(where)
        getattr(main.pane(where) if where else main, call)(*args)

    return open_it


DIALOGS = [
    ("gap", opener("gaps", "edit_gap", "G-003"), GapModal, "gap-description"),
    ("new gap", opener("", "raise_gap", "", ""), GapModal, "gap-title"),
    ("heard", opener("capture", "open_heard", QUESTION, ""), HeardModal, "heard-quote"),
    ("metric", opener("plan", "edit_metric", "M-001"), MetricModal, "metric-measured_by"),
    ("new metric", opener("plan", "new_metric_from", ""), MetricModal, "metric-text"),
    ("plan item", opener("plan", "edit_item", "P-1"), PlanItemModal, "item-title"),
    ("new next step", opener("plan", "new_step_for", ""), NextStepModal, "step-text"),
    ("session", opener("", "edit_session", "ml-1"), SessionEditModal, "session-notes"),
    ("text", opener("plan", "action_add_item", "milestone"), TextModal, "item-name"),
]


async def open_and_type(pilot: Any, open_it: Callable[[Any], None], kind: type, field: str) -> DialogScreen:
    app = pilot.app
    await ready(pilot)
    await until(pilot, lambda: all(app.main_screen().pane(p) for p in ("gaps", "plan", "capture")))
    open_it(app)
    assert await until(pilot, lambda: isinstance(app.screen, kind) and app.screen.query(f"#{field}"))
    dialog = app.screen
    dialog.query_one(f"#{field}").focus()
    await pilot.pause()
    await pilot.press(*WORDS)
    return dialog


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), DIALOGS, ids=[d[0] for d in DIALOGS])
async def test_text_typed_in_a_dialog_reaches_the_journal_and_goes_when_it_closes(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_and_type(pilot, open_it, kind, field)
        assert await until(pilot, lambda: journal_has(example, field, WORDS.strip()))
        draft = draft_in_journal(example)
        assert draft is not None and draft.reopen == dialog.reopen and draft.focus == field
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, kind))
        assert await until(pilot, lambda: draft_in_journal(example) is None)
    assert not journal_paths(example)[0].exists(), "a cancelled dialog with nothing else unsaved leaves no entry"


async def leave_a_gap_draft(make_app: Any, example: Path) -> None:
    """A run that ends with text typed into G-003's dialog, as a crash would leave it."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_and_type(pilot, opener("gaps", "edit_gap", "G-003"), GapModal, "gap-description")
        assert await until(pilot, lambda: journal_has(example, "gap-description", WORDS))


async def test_a_draft_keeps_coming_while_the_typing_goes_on(example: Path, make_app) -> None:
    """A throttle, not a debounce: typing a letter every 0.1 s still reaches the journal."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_and_type(pilot, opener("gaps", "edit_gap", "G-003"), GapModal, "gap-description")
        seen: list[str] = []
        for letter in "abcdefghijklmnopqrstuvwxyz" * 2:
            await pilot.press(letter)
            await pilot.pause(0.1)  # (the typist's pace, not a wait for the app)
            draft = draft_in_journal(example)
            if draft is not None:
                seen.append(draft.fields["gap-description"])
        assert any("abcdefghij" in text for text in seen), "the journal never had the text while typing went on"


async def test_the_draft_is_offered_back_and_reopens_its_dialog(example: Path, make_app) -> None:
    await leave_a_gap_draft(make_app, example)
    # (the run ends with the dialog open, as a crash would leave it)
    before = example.read_bytes()
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, GapModal, "the Edit G-003 dialog you were typing in: '", "ticket'")
        area = dialog.query_one("#gap-description")
        assert await until(pilot, lambda: area.text.endswith(WORDS))
        assert await until(pilot, lambda: again.focused is area), "the keyboard is where it was"
        assert area.cursor_location == area.document.end
        assert example.read_bytes() == before, "nothing is saved until the person saves"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(again.screen, GapModal))
        assert again.workspace.project.gap("G-003").description.endswith(WORDS)
        assert await until(pilot, lambda: draft_in_journal(example) is None)


async def test_discard_drops_the_draft(example: Path, make_app) -> None:
    await leave_a_gap_draft(make_app, example)
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(again.screen, ConfirmModal))
        await pilot.pause()
        await pilot.click("#no")
        assert await until(pilot, lambda: not isinstance(again.screen, ConfirmModal))
        assert await until(pilot, lambda: read_journal(example) is None)
        await pilot.pause()
        assert not isinstance(again.screen, GapModal)


async def test_decide_later_keeps_the_draft_for_the_next_start(example: Path, make_app) -> None:
    await leave_a_gap_draft(make_app, example)
    later = make_app(example)
    async with later.run_test(size=(120, 36)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)  # it takes no key typed as it opens
        await pilot.press("escape")  # Decide later
        assert await until(pilot, lambda: not isinstance(later.screen, ConfirmModal))
        await ready(pilot)
        assert not isinstance(later.screen, GapModal)
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, GapModal, "the Edit G-003 dialog you were typing in")
        area = dialog.query_one("#gap-description")
        assert await until(pilot, lambda: area.text.endswith(WORDS))


def journal_of_the_file_as_it_is(example: Path, draft: DialogDraft | None = None) -> dict[str, Any]:
    """Write an entry with no work (and `draft`); the file's data."""
    raw = example.read_bytes()
    base = parse_toml(example, decode_toml(example, raw))
    write_journal(example, base, (base, raw), "ml-1", draft is None, draft)
    return base


def test_journal_round_trip_with_a_draft(example: Path) -> None:
    fields = {"gap-title": "T", "gap-description": "Model ⏎ [b]x"}
    draft = DialogDraft("Edit G-003", ("gaps", "edit_gap", ("G-003",)), fields, "gap-description")
    base = journal_of_the_file_as_it_is(example, draft)
    entry = read_journal(example)
    assert entry is not None and entry.draft == draft
    assert entry.project().gap("G-003").title == base["gaps"][2]["title"]  # the work, unchanged
    assert entry.draft.typed() == "Model ⏎ [b]x"


def test_a_format_1_entry_without_a_draft_still_reads(example: Path) -> None:
    journal_of_the_file_as_it_is(example)
    entry_path = journal_paths(example)[0]
    kept = json.loads(entry_path.read_text())
    assert "draft" not in kept and kept["format"] == 1
    entry = read_journal(example)
    assert entry is not None and entry.draft is None and entry.clock_running


def test_a_draft_that_does_not_read_leaves_the_work(example: Path) -> None:
    journal_of_the_file_as_it_is(example)
    entry_path = journal_paths(example)[0]
    kept = json.loads(entry_path.read_text())
    kept["draft"] = {"dialog": 3, "reopen": "gaps", "fields": []}
    entry_path.write_text(json.dumps(kept))
    entry = read_journal(example)
    assert entry is not None and entry.draft is None and entry.clock_running
    assert entry.written <= dt.datetime.now(dt.UTC)
