"""Issue 12 walkthrough (v5 item 3): a dialog that needs words says so at the field, in sight at
80×24, with the keyboard put there. Plan `m` and `k` with the title empty closed on ctrl+s and
created nothing; Gaps `n` stayed open with 'A gap needs a title.' written under the evidence,
out of sight."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import dialog_up, ready, saved, screen_lines, until
from tests.test_dialogs import gap_new, keys, next_step_new
from workbench.ui.modals.dialog import DialogScreen


async def milestone_new(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f5", "m")


async def deep_dive_new(pilot) -> None:  # type: ignore[no-untyped-def]
    await keys(pilot, "f5", "k")


async def saved_with_no_words(pilot, opener, words: str) -> DialogScreen:  # type: ignore[no-untyped-def]
    """Open the dialog with `opener`, press ctrl+s in it with nothing typed and wait until `words`
    show on screen; the dialog."""
    app = pilot.app
    await ready(pilot)
    await opener(pilot)
    assert await dialog_up(pilot, DialogScreen)
    dialog = app.screen
    await pilot.press("ctrl+s")
    assert await until(pilot, lambda: any(words in line for line in screen_lines(app))), screen_lines(app)
    return dialog


CASES = {
    "gap": (gap_new, "gap-title", "A gap needs a title."),
    "milestone": (milestone_new, "item-name", "Give the milestone a title"),
    "deep-dive": (deep_dive_new, "item-name", "Give the technical deep-dive session a title"),
    "next step": (next_step_new, "step-text", "Say what happens next."),
}


@pytest.mark.parametrize("name", list(CASES))
async def test_saving_without_the_words_says_so_at_the_field(example: Path, make_app, name: str) -> None:
    opener, field, words = CASES[name]
    before = example.read_text()
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await saved_with_no_words(pilot, opener, words)
        assert app.screen is dialog
        assert app.focused is not None and app.focused.id == field, app.focused
        lines = screen_lines(app)
        at = next(i for i, line in enumerate(lines) if words in line)
        below = app.focused.region.bottom  # the row under the field
        assert 0 <= at - below <= 1, (below, at, lines)  # right under the field
    assert example.read_text() == before


async def test_a_milestone_is_added_once_it_has_a_title(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await saved_with_no_words(pilot, milestone_new, "a title")
        await pilot.press(*"Go-live", "ctrl+s")
        assert await until(pilot, lambda: app.screen is not dialog)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert any(p["title"] == "Go-live" and p["kind"] == "milestone" for p in saved(example)["pilots"])
