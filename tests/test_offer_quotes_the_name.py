"""fe12a 2 (#12 walkthrough): the restore offer for a "Raise a gap" dialog quoted only the
description being typed ('Cron job fails silently on Sundays'), not the title a person knows the
gap by. It quotes the dialog's first field (its name) first, then what was being typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import ready, restore_dialog_draft, until
from tests.test_dialog_drafts import journal_has, opener
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.modals.heard_modal import HeardModal

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-2"


async def leave_typing(make_app: Any, example: Path, open_it: Any, kind: type, typed: list[tuple[str, str]]) -> None:
    """A run that ends (as a crash would) with each (field, words) of `typed` typed into a dialog."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await until(pilot, lambda: all(app.main_screen().pane(p) for p in ("gaps", "plan", "capture")))
        open_it(app)
        assert await until(pilot, lambda: isinstance(app.screen, kind) and app.screen.is_mounted)
        for field, words in typed:
            widget = app.screen.query_one(f"#{field}")
            widget.focus()
            await pilot.pause()
            await pilot.press(*words)
        last_field, last_words = typed[-1]
        assert await until(pilot, lambda: journal_has(example, last_field, last_words))


async def test_a_new_gaps_offer_quotes_its_title_first(example: Path, make_app) -> None:
    typed = [("gap-title", "Batch scoring has no retry"), ("gap-description", "Cron job fails silently on Sundays")]
    await leave_typing(make_app, example, opener("", "raise_gap", "", ""), GapModal, typed)
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        said = "title 'Batch scoring has no retry', description 'Cron job fails silently on Sundays'"
        await restore_dialog_draft(pilot, GapModal, said)


async def test_a_quotes_offer_quotes_the_quote_first(example: Path, make_app) -> None:
    """The heard dialog's quote (a text area) is its first field, before the role (an input)."""
    typed = [("heard-quote", " We redeploy by hand"), ("heard-role", "SRE")]
    await leave_typing(make_app, example, opener("capture", "open_heard", QUESTION, ""), HeardModal, typed)
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        await restore_dialog_draft(pilot, HeardModal, "quote 'We redeploy by hand', said by 'SRE'")
