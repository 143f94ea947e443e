"""Each status keeps its own field (#12, walkthrough w14a): ctrl+o or the dropdown moving an
answer from needs follow-up to not applicable (or back) never makes whom to ask the reason, or
the reason whom to ask. A field the status hides stays as it was and shows again with its status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import until
from tests.test_fresh_eyes_13v1 import save
from tests.test_keyboard_model import FIRST, answers, at_first_question, burst


def detail_text(app: Any) -> str:
    return str(app.screen.query_one("#q-status-detail").real)


def status_is(app: Any, status: str) -> bool:
    """Whether the first question's answer in ml-1 has `status` in the project."""
    answer = app.workspace.project.answer(FIRST, "ml-1")
    return answer is not None and answer.status == status


async def at_first_notes(pilot: Any) -> None:
    """Open the first question with the keyboard in its notes."""
    await at_first_question(pilot)
    pilot.app.screen.query_one("#q-notes").focus()
    await pilot.pause()


async def cycle_to(pilot: Any, status: str) -> None:
    """ctrl+o from the notes until the answer's status is `status`, each step saved before the next."""
    app = pilot.app
    select = app.screen.query_one("#q-status")
    for _ in range(4):
        if select.value == status:
            break
        before = select.value
        await burst(pilot, "ctrl+o")
        assert await until(pilot, lambda before=before: select.value != before)
        await pilot.pause()
    assert await until(pilot, lambda: status_is(app, status))


async def type_detail(pilot: Any, words: str) -> None:
    app = pilot.app
    detail = app.screen.query_one("#q-status-detail")
    assert await until(pilot, lambda: detail.display)
    detail.focus()
    await pilot.pause()
    await burst(pilot, "ctrl+a", "ctrl+k", *words)
    assert await until(pilot, lambda: detail.real == words)
    app.screen.query_one("#q-notes").focus()
    await pilot.pause()


async def test_ctrl_o_never_moves_whom_to_ask_into_the_reason_or_back(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first_notes(pilot)
        await cycle_to(pilot, "follow-up")
        await type_detail(pilot, "Tom Berg (Senior ML Engineer)")
        await cycle_to(pilot, "not-applicable")  # A: the reason does not become whom to ask
        assert await until(pilot, lambda: detail_text(app) == "")
        await save(pilot)
        answer = answers(example)[FIRST]
        assert answer["status"] == "not-applicable" and answer.get("reason", "") == ""
        assert answer["follow_up_with"] == "Tom Berg (Senior ML Engineer)"  # kept, hidden
        await type_detail(pilot, "Handled by vendor")
        await cycle_to(pilot, "follow-up")  # B: three more ctrl+o, back to needs follow-up
        assert await until(pilot, lambda: detail_text(app) == "Tom Berg (Senior ML Engineer)")
        await save(pilot)
    answer = answers(example)[FIRST]
    assert answer["status"] == "follow-up"
    assert answer["follow_up_with"] == "Tom Berg (Senior ML Engineer)"
    assert answer["reason"] == "Handled by vendor"  # kept, hidden: it shows again with not applicable


async def test_the_status_dropdown_keeps_each_status_its_own_field(example: Path, make_app) -> None:
    from workbench.ui.widgets.choice_select import ChoiceSelect

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first_notes(pilot)
        await cycle_to(pilot, "not-applicable")
        await type_detail(pilot, "Handled by vendor")
        select = app.screen.query_one("#q-status", ChoiceSelect)
        select.value = "follow-up"  # as choosing it from the list does
        assert await until(pilot, lambda: status_is(app, "follow-up"))
        assert await until(pilot, lambda: detail_text(app) == "")
        await save(pilot)
    answer = answers(example)[FIRST]
    assert answer.get("follow_up_with", "") == "" and answer["reason"] == "Handled by vendor"
