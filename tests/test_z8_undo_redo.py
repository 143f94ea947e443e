"""Walkthrough f15b (issue #11): undo and redo never lose typing and show what they changed."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import at_question, notifications, until
from tests.test_keyboard_model import FIRST, answers, burst

METRIC = "discovery:model-deployment.metric.2"  # no metric yet in the example


async def press_one_by_one(pilot, key: str, times: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        await burst(pilot, key)


async def test_undo_all_then_redo_all_gives_back_exactly_what_was_typed(example: Path, make_app) -> None:
    """f15b 1 and 5: typing 10 in a metric's baseline and xy in its unit, nine ctrl+z and ten
    ctrl+y left the unit empty ("Nothing to redo"), and redo moved fields to other lines. Undo
    then redo of everything gives back the file as it was, byte for byte."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_question(pilot, METRIC)
        for field, words in (("#q-baseline", "10"), ("#q-unit", "xy"), ("#q-owner", "Ann"), ("#q-measured_by", "a probe")):
            capture.query_one(field).focus()
            assert await until(pilot, lambda: app.focused is capture.query_one(field))  # noqa: B023
            await burst(pilot, *words)
        capture.query_one("#q-unit").focus()
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: 'unit = "xy"' in example.read_text())
        typed = example.read_text()
        shown = notifications(app)
        await press_one_by_one(pilot, "ctrl+z", 12)
        assert await until(pilot, lambda: any("Nothing to undo" in n for n in shown)), shown
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: "a probe" not in example.read_text())
        await press_one_by_one(pilot, "ctrl+y", 12)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: 'unit = "xy"' in example.read_text()), example.read_text()
        assert capture.query_one("#q-unit").value == "xy"  # type: ignore[attr-defined]
    assert example.read_text() == typed


async def test_ask_whom_is_undone_as_one_step_and_shows_what_is_saved(example: Path, make_app, clock) -> None:
    """f15b 2: Bob typed in "ask whom", ctrl+z: the screen still said Bob while the file said
    "Bo"; the next ctrl+z showed Bo with "B" saved. Typing in the field is one step, and the
    field shows what the file holds."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_question(pilot, FIRST)
        before = answers(example).get(FIRST, {}).get("follow_up_with", "")
        capture.panel.query_one("#q-status").value = "follow-up"
        detail = capture.panel.query_one("#q-status-detail")
        assert await until(pilot, lambda: detail.display)
        detail.focus()
        assert await until(pilot, lambda: app.focused is detail)
        await burst(pilot, "ctrl+s")
        await burst(pilot, "end", *"Bob")
        assert await until(pilot, lambda: detail.value.endswith("Bob"))  # type: ignore[attr-defined]
        clock.now += 3
        await burst(pilot, "ctrl+z")
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)  # type: ignore[union-attr]
        assert answers(example)[FIRST].get("follow_up_with", "") == before
        assert detail.value == before  # type: ignore[attr-defined]
        await burst(pilot, "ctrl+y", "ctrl+s")
        assert await until(pilot, lambda: answers(example)[FIRST].get("follow_up_with", "").endswith("Bob"))
        assert detail.value.endswith("Bob")  # type: ignore[attr-defined]


def test_undo_names_say_values_as_the_screen_does() -> None:
    """f15b 4: "set status to not-applicable", "set evidence to ['heard:H-e1-01']"."""
    from workbench.edits.words import fields_phrase

    assert fields_phrase({"status": "not-applicable"}) == "set status to not applicable"
    assert fields_phrase({"status": "follow-up"}) == "set status to needs follow-up"
    assert fields_phrase({"evidence": ["heard:H-e1-01"]}) == "set evidence to heard:H-e1-01"
