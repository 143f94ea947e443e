"""Every dialog opened on text holding control and bidi characters, and saved unchanged, leaves
the file byte for byte as it was: the editors hold the real text, the placeholders are only
shown (#13 finding 5, fix13a 1). A new dialog must be added to one of the tables below."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, TabbedContent

import workbench.ui.modals
from tests.helpers import ready, until
from workbench.ui.modals.dialog import DialogScreen
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.modals.heard_modal import HeardModal
from workbench.ui.modals.next_step_modal import NextStepModal
from workbench.ui.modals.plan_item_modal import PlanItemModal
from workbench.ui.modals.proposal_modal import ProposalModal
from workbench.ui.modals.session_edit_modal import SessionEditModal
from workbench.ui.modals.session_modal import SessionModal
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.gaps_pane import GapsPane
from workbench.ui.widgets.plan_pane import PlanPane

Opener = Callable[[Any, Any], Awaitable[None]]


async def open_next_step(app: Any, pilot: Any) -> None:
    await pilot.press("f5")
    await pilot.pause()
    app.screen.query_one("#plan-tabs", TabbedContent).active = "plan-steps"
    steps = app.screen.query_one("#step-list", OptionList)
    steps.focus()
    await pilot.pause()
    steps.highlighted = steps.get_option_index("N-1")
    await pilot.press("enter")


async def open_session(app: Any, pilot: Any) -> None:
    await pilot.press("f6")
    assert await until(pilot, lambda: isinstance(app.screen, SessionModal))
    listing = app.screen.query_one("#session-list", OptionList)
    listing.highlighted = listing.get_option_index("ml-1")
    await pilot.click("#edit-session")


async def open_heard(app: Any, pilot: Any) -> None:
    app.screen.query_one(CapturePane).jump_to("discovery:model-deployment.pain.1")
    await pilot.press("escape")  # back to the tree, where `h` is a key
    await pilot.pause()
    await pilot.press("h")


async def open_gap(app: Any, pilot: Any) -> None:
    await pilot.press("f3")
    await pilot.pause()
    app.screen.query_one(GapsPane).edit_gap("G-006")


async def open_plan_item(app: Any, pilot: Any) -> None:
    await pilot.press("f5")
    await pilot.pause()
    app.screen.query_one(PlanPane).edit_item("P-1")


async def open_proposal(app: Any, pilot: Any) -> None:
    await pilot.press("f8")


HOSTILE = "\\u001b]0;PWNED\\u0007\\u001b[2J \\u200f \\u2028 \\u0000"
"""Control, bidi and line-separator characters, as a TOML basic string writes them."""

CASES: dict[type, tuple[list[tuple[str, str]], Opener]] = {
    NextStepModal: (
        [('text = "Send the proposal to Dana and Luis"', 'text = "Send\\u001b]0;PWNED\\u0007\\u001b[2J proposal"'),
         ('owner = "Sam Okafor"\ndue = 2026-11-27', 'owner = "Sam\\u200fOkafor"\ndue = 2026-11-27')],
        open_next_step,
    ),
    SessionEditModal: (
        [('{ name = "Jonas Varga", role = "ML engineer" }', '{ name = "Jonas\\u0007Varga", role = "ML\\u2028engineer" }'),
         ("notes = \"Production change freeze", "notes = \"Production\\u001b[1m change\\u200f freeze"),
         ('id = "ml-1"\n', 'id = "ml-1"\ntitle = "ML\\u0000 day"\n')],
        open_session,
    ),
    HeardModal: (
        [('quote = "The recommender model was done in four days;',
          'quote = "The \\u001b[5m\\u0000 recommender\\u2029model was done in four days;'),
         ('speaker_role = "ML engineer"', 'speaker_role = "ML\\u0007 engineer"')],
        open_heard,
    ),
    GapModal: (
        [('title = "No data-quality checks at ingestion"', f'title = "Checks {HOSTILE}"')],
        open_gap,
    ),
    PlanItemModal: (
        [('title = "Experiment tracking and pinned environments"', f'title = "Tracking {HOSTILE}"'),
         ('owner = "Priya Raman"\nweeks = 3', 'owner = "Priya\\u001bRaman"\nweeks = 3')],
        open_plan_item,
    ),
    ProposalModal: (
        [("\n[proposal]\n", f'\n[proposal]\nexecutive_summary = "Ours {HOSTILE}"\n')],
        open_proposal,
    ),
}

HOLD_NO_FILE_TEXT = {
    "ConfirmModal", "RestoreOfferModal", "QuitModal", "DiscardModal", "DeleteModal", "ReplaceModal", "NoticeModal", "ConflictModal", "PickModal", "SessionModal",
    "ExportModal", "WorkbookExportModal", "WorkbookImportModal", "MergeModal", "FormModal",
}
"""Dialogs that edit no text read from the project (a question, a choice, a path)."""

ELSEWHERE = {
    "MetricModal": "test_real_text: the metric fields are RealInput",
    "CloseFollowUpModal": "RealTextArea (entered)",
    "AssignFollowUpModal": "PersonInput (entered)",
    "TextModal": "RealInput",
    "PracticePickModal": "RealInput",
    "EditValueModal": "the merge dialogs (fix14d)",
}
"""Dialogs covered another way, and how."""


def all_dialogs() -> set[str]:
    for module in pkgutil.iter_modules(workbench.ui.modals.__path__):
        importlib.import_module(f"workbench.ui.modals.{module.name}")
    found: set[str] = set()
    todo: list[type] = [DialogScreen]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("workbench.ui.modals"):
                found.add(sub.__name__)
            todo.append(sub)
    return found


def test_every_dialog_is_in_a_table() -> None:
    listed = {c.__name__ for c in CASES} | HOLD_NO_FILE_TEXT | set(ELSEWHERE)
    assert all_dialogs() <= listed, f"add these dialogs to a table: {sorted(all_dialogs() - listed)}"


@pytest.mark.parametrize("dialog", list(CASES), ids=lambda c: c.__name__)
async def test_a_dialog_saved_unchanged_leaves_the_file_byte_identical(
    dialog: type, example: Path, make_app: Any
) -> None:
    edits, opener = CASES[dialog]
    text = example.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    example.write_bytes(text.encode())
    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await opener(app, pilot)
        assert await until(pilot, lambda: isinstance(app.screen, dialog))
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, dialog))
        await pilot.pause()
        assert not app.workspace.editor.history.undo_name, "saving an untouched dialog is no edit"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert example.read_bytes() == before


async def test_editing_one_attendee_changes_only_that_attendees_line(example: Path, make_app: Any) -> None:
    before = example.read_text()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_session(app, pilot)
        assert await until(pilot, lambda: isinstance(app.screen, SessionEditModal))
        field = app.screen.query_one("#session-attendees")
        field.focus()
        await pilot.press("home", *"Dr ")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, SessionEditModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "Dr Jonas" in example.read_text())
    after = example.read_text()
    assert after == before.replace('{ name = "Jonas Varga"', '{ name = "Dr Jonas Varga"', 1)
