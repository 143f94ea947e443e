"""Issue 12, fix12a 2: a dialog's error goes as soon as the field it is about is valid. 'A gap
needs a title.' stayed shown after the title was typed, until the next Save; the metric, plan
item, next step, session and follow-up dialogs did the same. While the field is still wrong the error stays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from tests.helpers import ready, saved, until
from tests.test_keyboard_model import burst
from workbench.ui.modals.dialog import DialogScreen


def open_gap(app: Any) -> None:
    app.main_screen().raise_gap("", "model-deployment")  # an area chosen: the title is what is wrong


def open_metric(app: Any) -> None:
    app.main_screen().show_pane("plan")
    app.main_screen().pane("plan").new_metric_from("")


def open_item(app: Any) -> None:
    app.main_screen().show_pane("plan")
    app.main_screen().pane("plan").edit_item("P-1")


def open_step(app: Any) -> None:
    app.main_screen().show_pane("plan")
    app.main_screen().pane("plan").new_step_for("")


def open_session(app: Any) -> None:
    app.main_screen().edit_session("ml-1")


def open_assign(app: Any) -> None:
    app.action_followups()
    app.screen.assign_follow_up("step:N-2")


CASES = [
    # opener, field, keys that make it wrong, error words, keys still wrong, keys that make it
    # right, what the saved file then holds
    (open_gap, "gap-title", [], "A gap needs a title.", [], ["D"], ("gaps", "title", "D")),
    (
        open_metric,
        "metric-baseline",
        [*"about 12"],
        "about 12",
        ["backspace"],
        ["ctrl+a", "1"],
        ("metrics", "baseline", 1),
    ),
    (open_item, "item-weeks", ["ctrl+a", *"about 6"], "about 6", ["backspace"], ["ctrl+a", "6"], ("pilots", "weeks", 6)),
    (open_step, "step-text", [], "Say what happens next.", [], ["S"], ("next_steps", "text", "S")),
    (
        open_session,
        "session-minutes",
        ["ctrl+a", *"an hour"],
        "an hour",
        ["backspace"],
        ["ctrl+a", *"60"],
        ("sessions", "minutes", 60),
    ),
    (
        open_assign,
        "followup-due",
        ["ctrl+a", *"Friday"],
        "Friday",
        ["backspace"],
        ["ctrl+a", *"2027-01-15"],
        ("next_steps", "due", dt.date(2027, 1, 15)),
    ),
]


@pytest.mark.parametrize("opener, field, wrong, words, still, right, held", CASES, ids=lambda c: getattr(c, "__name__", ""))
async def test_the_error_goes_once_the_field_is_valid(
    example: Path,
    make_app,
    opener: Callable[[Any], None],
    field: str,
    wrong: list[str],
    words: str,
    still: list[str],
    right: list[str],
    held: tuple[str, str, object],
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        opener(app)
        assert await until(pilot, lambda: isinstance(app.screen, DialogScreen) and app.screen.query(f"#{field}"))
        dialog = app.screen
        if field == "metric-baseline":  # the metric's words first
            dialog.query_one("#metric-text", Input).focus()
            await burst(pilot, *"Cut onboarding", "tab")
        else:
            dialog.query_one(f"#{field}").focus()
        await burst(pilot, *wrong, "ctrl+s")
        error = dialog.query_one(".dialog-error", Static)
        assert app.screen is dialog and words in str(error.render())
        assert app.focused is dialog.query_one(f"#{field}")  # the keyboard on the field to fix
        await burst(pilot, *still)
        assert str(error.render()).strip() or not still  # still wrong: still said
        await burst(pilot, *right)
        assert str(error.render()).strip() == ""  # right: the error has gone, before any Save
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: app.screen is not dialog)
        await burst(pilot, "ctrl+s")
    section, key, value = held
    assert value in [record.get(key) for record in saved(example)[section]]
