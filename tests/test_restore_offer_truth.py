"""fix13a (#13, nothing lost): the restore offer and what follows it tell the truth."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import dialog_up, hand_edit
from tests.test_journal_app import leave_recovered_work
from workbench.ui.modals.confirm import ConfirmModal


async def test_the_offer_describes_what_was_typed_not_edits_made_on_disk_since(
    example: Path, make_app, state_dir: Path
) -> None:
    """fix13a 1: a hand edit made to the file after the stop (a gap's title, another answer's
    notes) was described as the person's own work ('gap G-001 edited', '2 questions'). The
    offer says what the journal holds against the file it started from: the one note typed."""
    from workbench.store.files import load_project

    leave_recovered_work(example)
    session = next(a for a in load_project(example).answers if a.notes and "\n" not in a.notes).session
    hand_edit(example, 'title = "Deployment is manual and takes weeks"', 'title = "Deploys take weeks"')
    hand_edit(example, "Roughly 1 in 4 projects", "About 1 in 4 projects")
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)
        body = app.screen.body  # type: ignore[attr-defined]
    assert f"It holds notes on 1 question in session {session}." in body, body
    assert "G-001" not in body, body
