"""Live capture a facilitator can trust (issue 12): each finding reproduced, then fixed."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual import events
from textual.widgets import Input, OptionList

from tests.helpers import at_question, ready, until
from tests.test_dialogs import keys
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.textual_private import character_to_key


def saved(path: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(path.read_text())


async def test_finding_1_new_gap_from_the_gaps_pane_is_saved(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await keys(pilot, "f3", "n")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await pilot.press(*"Feature reuse")
        await pilot.press("ctrl+s")  # refused: no area yet, keyboard to it
        assert await until(pilot, lambda: app.focused is not None and app.focused.id == "gap-area")
        await pilot.press("enter", "down", "enter", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    titles = [g["title"] for g in saved(example)["gaps"]]
    assert "Feature reuse" in titles


async def test_finding_1_the_palette_raises_a_gap(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"raise a new gap")

        def first_hit() -> str:
            hits = app.screen.query(OptionList)
            return (
                str(hits.first().get_option_at_index(0).prompt) if hits and hits.first().option_count else ""
            )

        assert await until(pilot, lambda: "raise a new gap" in first_hit().lower())
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await pilot.press(*"Drift goes unseen", "ctrl+s")  # refused: no area yet, keyboard to it
        assert await until(pilot, lambda: app.focused is not None and app.focused.id == "gap-area")
        await pilot.press("enter", "down", "enter", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert "Drift goes unseen" in [g["title"] for g in saved(example)["gaps"]]


METRIC = "discovery:model-deployment.metric.2"  # "Achieve 99.9%+ model serving uptime": no metric yet


async def type_slowly(pilot, text: str, per_key: float = 0.08) -> None:  # type: ignore[no-untyped-def]
    """Type like a person: one key every `per_key` seconds."""
    for char in text:
        await pilot.press(char)
        await pilot.pause(per_key)


async def burst(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Send keys the way a terminal delivers a paste: all at once, nothing waits between them."""
    for char in text:
        key = char if char.isalnum() else {"\t": "tab", " ": "space"}.get(char) or character_to_key(char)
        pilot.app.post_message(events.Key(key, char))
    await pilot.pause()
    gate = pilot.app.keys_in_order  # keys are handled one after the other: wait for the last
    assert await until(pilot, lambda: not (gate.busy or gate.waiting))


async def test_finding_6_metric_fields_keep_every_key_at_typing_speed(example: Path, make_app) -> None:
    app = make_app(example, autosave_delay=0.2)  # saves land between keys, as with a person's pauses
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, METRIC)
        app.screen.query_one("#q-measured_by", Input).focus()
        await type_slowly(pilot, "uptime probe")
        assert await until(pilot, lambda: not app.workspace.unsaved)  # an autosave between the fields
        await pilot.press("tab")
        await type_slowly(pilot, "Jonas")
        await pilot.press("ctrl+s")
        await pilot.pause()
    metrics = [m for m in saved(example)["metrics"] if m.get("template") == METRIC]
    assert len(metrics) == 1
    assert metrics[0]["measured_by"] == "uptime probe"
    assert metrics[0]["owner"] == "Jonas"


async def test_finding_6_a_burst_makes_one_metric_with_every_digit(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, METRIC)
        app.screen.query_one("#q-baseline", Input).focus()
        await burst(pilot, "250")
        await pilot.press("ctrl+s")
        await pilot.pause()
    metrics = [m for m in saved(example)["metrics"] if m.get("template") == METRIC]
    assert [m.get("baseline") for m in metrics] == [250]


async def test_finding_6_a_burst_across_fields_lands_in_each_field(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, METRIC)
        app.screen.query_one("#q-measured_by", Input).focus()
        await burst(pilot, "uptime probe\tJonas")
        await pilot.press("ctrl+s")
        await pilot.pause()
    metrics = [m for m in saved(example)["metrics"] if m.get("template") == METRIC]
    assert [(m.get("measured_by"), m.get("owner")) for m in metrics] == [("uptime probe", "Jonas")]


def notes_of(path: Path, ref: str, session: str = "ml-1") -> str:
    answer = next((a for a in saved(path)["answers"] if a["question"] == ref and a["session"] == session), {})
    return str(answer.get("notes", ""))


async def test_finding_2_typing_after_next_question_goes_to_its_notes(example: Path, make_app) -> None:
    """The issue's sequence, key by key: nothing typed lands on filters or maturity."""
    from workbench.ui.widgets.capture_pane import CapturePane

    before = {a["question"]: a for a in saved(example)["answers"] if a["session"] == "ml-1"}
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, "discovery:model-deployment.current.deployment-infrastructure-2")
        capture = app.screen.query_one(CapturePane)
        capture.navigator.question_tree.focus()
        await pilot.press("ctrl+n", "enter")
        first = capture.panel.ref
        await type_slowly(pilot, "Seldon on GKE", 0.02)
        await pilot.press("escape", "3", "ctrl+n")
        second = capture.panel.ref
        await type_slowly(pilot, "Platform team uses Terraform with 4 modules", 0.02)
        await pilot.press("ctrl+s")
        await pilot.pause()
        filters = capture.navigator.filters
        assert not (filters.unanswered or filters.follow_up or filters.template_only)
    assert notes_of(example, first).endswith("Seldon on GKE")
    assert notes_of(example, second).endswith("Platform team uses Terraform with 4 modules")
    answers = {a["question"]: a for a in saved(example)["answers"] if a["session"] == "ml-1"}
    assert answers[first].get("current") == 3
    assert answers[second].get("current") == before.get(second, {}).get("current")


async def test_finding_2_next_question_from_the_status_dropdown_keeps_the_notes(
    example: Path, make_app
) -> None:
    from textual.widgets import Select

    from workbench.ui.widgets.capture_pane import CapturePane

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, "discovery:model-deployment.current.deployment-infrastructure-2")
        capture = app.screen.query_one(CapturePane)
        app.screen.query_one("#q-status", Select).focus()
        await burst(pilot, "")
        await pilot.press("ctrl+n")
        second = capture.panel.ref
        await burst(pilot, "Blue green by hand")
        await pilot.press("enter")
        await burst(pilot, "Done")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.screen.query_one("#q-status", Select).expanded
    assert notes_of(example, second).endswith("Blue green by hand\nDone")
    answer = next(a for a in saved(example)["answers"] if a["question"] == second and a["session"] == "ml-1")
    assert answer.get("status", "answered") == "answered"


def answers_of(path: Path, session: str = "ml-1") -> dict[str, dict]:  # type: ignore[type-arg]
    return {a["question"]: a for a in saved(path)["answers"] if a["session"] == session}


async def test_keys_act_on_the_highlighted_question_after_a_filter(example: Path, make_app) -> None:
    """A filter that hides the question in the editor moves the editor to the highlighted one,
    so `3` and `h` act on what the tree shows highlighted, not on a hidden question."""
    from workbench.ui.widgets.capture_pane import CapturePane

    before = answers_of(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        shown = capture.panel.ref
        assert before[shown].get("status", "answered") == "answered"  # the 'u' filter hides it
        tree = capture.navigator.question_tree

        def on_the_tree() -> str:
            return tree.cursor_node.data or "" if tree.cursor_node is not None else ""

        await pilot.press("u")
        assert await until(pilot, lambda: on_the_tree() not in ("", shown))
        highlighted = on_the_tree()
        assert await until(pilot, lambda: capture.panel.ref == highlighted)
        await pilot.press("3")
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = answers_of(example)
    assert after[highlighted]["current"] == 3
    assert after[shown].get("current") == before[shown].get("current")


async def test_keys_on_an_area_line_change_nothing(example: Path, make_app) -> None:
    from workbench.ui.widgets.capture_pane import CapturePane

    before = example.read_text()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        tree = capture.navigator.question_tree
        await pilot.press("home")
        assert await until(pilot, lambda: tree.cursor_node is not None and not tree.cursor_node.data)
        await pilot.press("4", "h", "ctrl+s")
        await pilot.pause()
    assert example.read_text() == before
