"""Esc never throws typed text away (#12 walkthrough, w12a 1): Esc in a dialog whose fields changed
since it opened asks "Discard your changes?", where ctrl+s and Esc keep editing and only `d`
discards; Esc on a dialog left as it opened closes it at once. Every dialog whose typing is kept
in the journal (tests/test_dialog_drafts.py DIALOGS) is checked against the saved file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button

from tests.helpers import dialog_up, ready, until
from tests.test_dialog_drafts import DIALOGS, WORDS, opener
from tests.test_keyboard_model import burst
from workbench.ui.modals.confirm import DiscardModal
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.modals.plan_item_modal import PlanItemModal

IDS = [d[0] for d in DIALOGS]


async def open_dialog(pilot: Any, open_it: Callable[[Any], None], kind: type, field: str) -> Any:
    app = pilot.app
    await ready(pilot)
    await until(pilot, lambda: all(app.main_screen().pane(p) for p in ("gaps", "plan", "capture")))
    open_it(app)
    assert await until(pilot, lambda: isinstance(app.screen, kind) and app.screen.query(f"#{field}"))
    dialog = app.screen
    dialog.query_one(f"#{field}").focus()
    await pilot.pause()
    return dialog


async def esc_asks(pilot: Any) -> DiscardModal:
    await burst(pilot, "escape")
    assert await dialog_up(pilot, DiscardModal)
    modal = pilot.app.screen
    labels = [str(button.label) for button in modal.query(Button)]
    assert labels == ["Discard (d)", "Keep editing (ctrl+s, Esc)"]
    return modal


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), DIALOGS, ids=IDS)
async def test_esc_then_keep_editing_then_save_keeps_the_text(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_dialog(pilot, open_it, kind, field)
        await pilot.press(*WORDS)
        await esc_asks(pilot)
        await burst(pilot, "escape")  # Esc keeps editing
        assert await until(pilot, lambda: app.screen is dialog)
        await esc_asks(pilot)
        await burst(pilot, "ctrl+s")  # so does ctrl+s
        assert await until(pilot, lambda: app.screen is dialog)
        await burst(pilot, *"d")  # back in the field, d is text again
        assert await until(pilot, lambda: (WORDS + "d") in str(dialog.text_fields()[field]))
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: dialog not in app.screen_stack)
        if name != "save milestone":  # (a milestone is a file of its own, named by it)
            await burst(pilot, "ctrl+s")
            assert await until(pilot, lambda: (WORDS.strip() + "d") in example.read_text())


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), DIALOGS, ids=IDS)
async def test_esc_then_d_discards_and_the_file_is_unchanged(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    before = example.read_text()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_dialog(pilot, open_it, kind, field)
        await pilot.press(*WORDS)
        modal = await esc_asks(pilot)
        assert "You changed: " in modal.body
        await burst(pilot, "d")
        assert await until(pilot, lambda: dialog not in app.screen_stack and modal not in app.screen_stack)
        await burst(pilot, "ctrl+s")
        await pilot.pause()
    assert example.read_text() == before


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), DIALOGS, ids=IDS)
async def test_esc_on_a_dialog_left_as_it_opened_closes_it_at_once(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_dialog(pilot, open_it, kind, field)
        await burst(pilot, "escape")
        assert await until(pilot, lambda: dialog not in app.screen_stack)
        assert not isinstance(app.screen, DiscardModal)


async def test_the_walkthrough_g007_in_ranked(example: Path, make_app) -> None:
    """F3, Ranked, Enter on G-007, ctrl+a, type, Esc: the question names the title; Keep editing
    then ctrl+s saves the title typed."""
    from workbench.ui.widgets.gaps_pane import GapsPane

    title = "GPU endpoints idle most of the day"
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f3")
        assert await until(pilot, lambda: bool(app.screen.query(GapsPane)))
        app.screen.query_one(GapsPane).edit_gap("G-007")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal) and app.screen.query("#gap-title"))
        await burst(pilot, "ctrl+a", *title)
        modal = await esc_asks(pilot)
        assert "You changed: title." in modal.body
        await burst(pilot, "escape", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal | DiscardModal))
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: f'title = "{title}"' in example.read_text())


async def test_plan_item_end_v2(example: Path, make_app) -> None:
    """Plan, Enter on P-7 (P-8 in the walkthrough), End, type ' v2', Esc asks; Keep editing, then ctrl+s saves ' v2'."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_dialog(pilot, opener("plan", "edit_item", "P-7"), PlanItemModal, "item-title")
        title = dialog.text_fields()["item-title"]
        await burst(pilot, "end", *" v2")
        modal = await esc_asks(pilot)
        assert "You changed: title." in modal.body
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: app.screen is dialog)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: dialog not in app.screen_stack)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: f"{title} v2" in example.read_text())


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), DIALOGS, ids=IDS)
async def test_the_cancel_button_asks_as_esc_does(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    """The button says "Cancel (Esc)": a click on it after typing asked nothing and threw the text
    away, while Esc asked first (session 12)."""
    before = example.read_text()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_dialog(pilot, open_it, kind, field)
        await pilot.press(*WORDS)
        cancel = next(b for b in dialog.query(Button) if "(Esc)" in str(b.label) and b.display)
        cancel.press()
        assert await dialog_up(pilot, DiscardModal)
        await burst(pilot, "escape")  # keeps editing
        assert await until(pilot, lambda: app.screen is dialog)
    assert example.read_text() == before
