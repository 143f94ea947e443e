"""Typing survives kill -9: a steady typist loses at most the last two seconds."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests import typing_driver
from tests.conftest import TODAY
from tests.helpers import restore_dialog_draft, until
from workbench.store.journal import read_journal
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.gap_modal import GapModal

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-2"
LOSS_ALLOWED = 2.0


def type_then_kill(project: Path, seconds: float, into: str = QUESTION) -> list[tuple[str, float]]:
    """Run the typing driver, kill -9 it `seconds` into the typing; the words typed more than
    LOSS_ALLOWED seconds before the kill. A driver that dies before it starts typing (the
    app failing to open, which is not what this tests) is started again (twice at most)."""
    for _ in range(3):
        typed = _type_then_kill(project, seconds, into)
        if typed is not None:
            return typed
    raise AssertionError("the typing driver did not start three times in a row; see its stderr")


def _type_then_kill(project: Path, seconds: float, into: str) -> list[tuple[str, float]] | None:
    driver = typing_driver.start(project, into)
    assert driver.stdout is not None
    typed: list[tuple[str, float]] = []
    try:
        if not driver.stdout.readline().startswith("started"):
            return None
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            line = driver.stdout.readline()
            if not line:
                break
            _, word, at = line.split()
            typed.append((word, float(at)))
        killed_at = time.monotonic() - started
        driver.send_signal(signal.SIGKILL)
    finally:
        driver.kill()
        driver.wait()
    return [(word, at) for word, at in typed if at <= killed_at - LOSS_ALLOWED]


def journal_notes(project: Path) -> str:
    entry = read_journal(project)
    if entry is None:
        return ""
    answer = entry.project().answer(QUESTION, "ml-1")
    return answer.notes if answer else ""


@pytest.mark.parametrize("seconds", [1.0, 5.0, 15.0])
def test_kill_while_typing_loses_at_most_two_seconds(example: Path, seconds: float) -> None:
    must_survive = type_then_kill(example, seconds)
    notes = journal_notes(example)
    lost = [word for word, _ in must_survive if word not in notes]
    assert lost == [], f"typed more than {LOSS_ALLOWED} s before the kill and lost: {lost}"
    if seconds >= 5:
        assert must_survive, "the driver typed nothing: the test would prove nothing"


async def test_work_and_clock_are_offered_back_after_a_kill(example: Path, make_app) -> None:
    must_survive = type_then_kill(example, 5.0)
    entry = read_journal(example)
    assert entry is not None
    clock = entry.project().session("ml-1").elapsed_seconds  # type: ignore[union-attr]
    app = make_app(example, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        body = app.screen.body  # type: ignore[attr-defined]
        assert "clock at" in body and "session ml-1" in body
        await pilot.pause()
        await pilot.click("#yes")
        assert await until(pilot, lambda: app.workspace.project.answer(QUESTION, "ml-1") is not None)
        notes = app.workspace.project.answer(QUESTION, "ml-1").notes
        assert all(word in notes for word, _ in must_survive)
        assert app.workspace.session.elapsed_seconds >= clock >= 2
        assert app.workspace.clock.running, "the clock was running when the workbench stopped"


async def test_kill_while_typing_in_the_gap_dialog_offers_the_draft_back(example: Path, make_app) -> None:
    """durable10a: the gap dialog's description, typed without pause and killed at 3 s, comes
    back in its dialog with at most the last two seconds lost."""
    must_survive = type_then_kill(example, 3.0, "gap:G-003")
    assert must_survive, "the driver typed nothing: the test would prove nothing"
    entry = read_journal(example)
    assert entry is not None and entry.draft is not None
    kept = entry.draft.fields["gap-description"]
    assert [word for word, _ in must_survive if word not in kept] == []
    app = make_app(example, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, GapModal, "Edit G-003 dialog you were typing in")
        area = dialog.query_one("#gap-description", TextArea)
        assert await until(pilot, lambda: area.text == kept)
        assert all(word in area.text for word, _ in must_survive)
