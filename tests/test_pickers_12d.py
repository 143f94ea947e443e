"""Issue 12, fresh eyes (fix12d): pickers that filter, footers that tell the truth.

Every dialog has one key footer (the practice picker called DialogScreen's on_mount itself, which
Textual calls too: two footers); a picker's footer says what its keys do there (Enter chooses,
not ctrl+s saves); the pickers whose lists can be long narrow as a person types and Enter takes
the first match; the proposal's "Discard your changes?" answers no key typed before it could be
read. Driven key by key through Pilot; what changes is asserted on the saved TOML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text

from tests.helpers import ready, until
from tests.test_dialog_drafts import DIALOGS as JOURNALED
from tests.test_dialog_drafts import dialog_classes
from workbench.ui.widgets.key_footer import KeyFooter

Open = Callable[[Any], object]


def pushed(build: Callable[[Any], object]) -> Open:
    """Open a dialog built from the app's workspace by pushing it."""

    def open_it(app: Any) -> None:
        app.push_screen(build(app.workspace))

    return open_it


def plain(cls_name: str, *args: object) -> Open:
    def build(_workspace: Any) -> object:
        return dialog_class(cls_name)(*args)

    return pushed(build)


def dialog_class(name: str) -> Any:
    return next(kind for kind in dialog_classes() if kind.__name__ == name)


def merge_modal(_workspace: Any) -> object:
    from workbench.store.merge3 import Conflict

    conflict = Conflict(("gaps", "G-001", "title"), "Old title", "My title", "Their title")
    return dialog_class("MergeModal")("projects/example.toml", [conflict])


OPENERS: dict[str, Open] = {
    "ConfirmModal": plain("ConfirmModal", "Delete P-1?", "Pilot one"),
    "RestoreOfferModal": plain("RestoreOfferModal", "Unsaved work was found", "Restore it?"),
    "QuitModal": plain("QuitModal", "Quit with unsaved changes?", "They are kept in the journal."),
    "DiscardModal": plain("DiscardModal", "Discard your changes?", "You changed the context."),
    "NoticeModal": plain("NoticeModal", "Check before sending", "Two things to read."),
    "ConflictModal": plain("ConflictModal", "projects/example.toml"),
    "TextModal": plain("TextModal", "New milestone"),
    "PickModal": plain("PickModal", "Which one?", [("a", Text("A")), ("b", Text("B"))], "words"),
    "EditValueModal": plain("EditValueModal", "the title", "My title", {}, Path("gaps/G-001/title")),
    "MergeModal": pushed(merge_modal),
    "ExportModal": pushed(lambda ws: dialog_class("ExportModal")(ws)),
    "WorkbookExportModal": pushed(lambda ws: dialog_class("WorkbookExportModal")(ws)),
    "WorkbookImportModal": pushed(lambda ws: dialog_class("WorkbookImportModal")(ws)),
    "ProposalModal": pushed(lambda ws: dialog_class("ProposalModal")(ws.project, ws.catalogue, ws.file.path)),
    "SessionModal": pushed(
        lambda ws: dialog_class("SessionModal")(ws.project, ws.catalogue, ws.today, ws.session_id)
    ),
    "PracticePickModal": pushed(
        lambda ws: dialog_class("PracticePickModal")("G-001", "A gap", ws.catalogue, {})
    ),
    **{kind.__name__: open_it for _, open_it, kind, _ in reversed(JOURNALED)},
}
"""How to open each dialog of the workbench (the journaled edit dialogs as their panes do)."""

BASES = {"FormModal": "the edit dialogs' base: no dialog of its own"}


def test_every_dialog_has_a_way_to_open_it_here() -> None:
    """A new dialog fails here until OPENERS opens it, so its footer is counted below."""
    missed = {kind.__name__ for kind in dialog_classes()} - set(OPENERS) - set(BASES)
    assert not missed, f"dialogs this file cannot open: {sorted(missed)}"


@pytest.mark.parametrize("name", sorted(OPENERS))
async def test_every_dialog_has_exactly_one_key_footer(example: Path, make_app, name: str) -> None:
    """The practice picker (Map, p) and the notice after an export mounted two footers."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await until(pilot, lambda: all(app.main_screen().pane(p) for p in ("gaps", "plan", "capture")))
        OPENERS[name](app)
        kind = dialog_class(name)
        assert await until(pilot, lambda: isinstance(app.screen, kind) and app.screen.query(KeyFooter))
        await pilot.pause()
        footers = app.screen.query(KeyFooter)
        assert len(footers) == 1, f"{name} has {len(footers)} key footers"


async def test_keys_typed_on_into_discard_your_changes_do_not_answer_it(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F8, words typed into the proposal, then Esc with the typing going on at paste speed: the
    Enter and space after it pressed Discard (the button with the keyboard) before the question
    could be read, and the words were gone. Now it takes no key typed in its first moments (as
    the quit dialog); Esc then goes back to the text, and ctrl+s saves it, all of it."""
    import workbench.ui.modals.dialog as dialog
    from tests.helpers import dialog_up, saved
    from tests.test_keyboard_model import burst
    from workbench.ui.modals.confirm import ConfirmModal
    from workbench.ui.modals.proposal_modal import ProposalModal

    monkeypatch.setattr(dialog, "TYPING_GUARD_SECONDS", 2.0)  # "too soon" holds on a busy machine
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await burst(pilot, "f8")
        assert await until(pilot, lambda: isinstance(app.screen, ProposalModal))
        proposal = app.screen
        await burst(pilot, "ctrl+home", *"Budget agreed. ")
        await burst(pilot, "escape", *"Then", "enter", "space", "ctrl+s", "enter")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        asked = app.screen
        await pilot.pause()
        assert app.screen is asked and proposal in app.screen_stack, "typing on answered the question"
        assert await dialog_up(pilot, ConfirmModal)
        await burst(pilot, "escape")  # keep editing
        assert await until(pilot, lambda: app.screen is proposal)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, ProposalModal))
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert saved(example)["proposal"]["executive_summary"].startswith("Budget agreed. ")
