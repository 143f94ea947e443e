"""Walkthrough w14a (session 14): a field for a person saves what it shows, so after typing 'Pla'
with 'Platform engineer' offered in grey there was no way to keep just the letters typed (a role
or name that is the start of another: 'SR' under 'SRE', 'Tom' under 'Tom Berg (...)'). Delete at
the end of the text refuses the name offered: the grey completion goes, and Tab or ctrl+s keep
what was typed. Typing on offers names again."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ready, saved, until
from tests.test_fresh_eyes_13v1 import MATCH, heard_with_said_by, save
from tests.test_keyboard_model import burst
from workbench.ui.textual_private import shown_suggestion


def roles(example: Path) -> list[str]:
    return [h["speaker_role"] for h in saved(example)["heard"] if h["indicator"] == MATCH]


async def test_delete_at_the_end_keeps_the_letters_typed_in_said_by(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert await heard_with_said_by(pilot, "Pla", "delete") == "Platform engineer"
        await save(pilot)
        assert roles(example) == ["Pla"]
        # Tab out after refusing keeps the letters too
        assert await heard_with_said_by(pilot, "ML", "delete", "tab") == "ML engineer"
        await save(pilot)
    assert roles(example) == ["ML"]


async def test_typing_on_after_a_refusal_offers_again(example: Path, make_app) -> None:
    from workbench.ui.modals.heard_modal import HeardModal
    from workbench.ui.widgets.capture_pane import CapturePane

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.jump_to(MATCH)
        assert await until(pilot, lambda: app.focused is not None and app.focused.id == "q-notes")
        await burst(pilot, "ctrl+r")
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        await burst(pilot, "ctrl+a", *"A quote", "tab", "ctrl+a", *"Pl")
        role = app.screen.query_one("#heard-role")
        assert await until(pilot, lambda: shown_suggestion(role) == "Platform engineer")
        await burst(pilot, "delete")
        assert await until(pilot, lambda: shown_suggestion(role) == "")
        await burst(pilot, "a")
        assert await until(pilot, lambda: shown_suggestion(role) == "Platform engineer")
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        await save(pilot)
    assert roles(example) == ["Platform engineer"]
