"""Pilot-driven capture: what a facilitator types ends up in the TOML file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input, TextArea

from tests.helpers import ready, until
from workbench.store.files import load_project
from workbench.ui.widgets.capture_pane import CapturePane

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-2"
INDICATOR = "discovery:model-deployment.pain.3"
METRIC = "discovery:model-deployment.metric.4"


async def test_answer_score_indicator_metric_saved_and_reopened(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.jump_to(QUESTION)
        await pilot.pause()
        await pilot.press(*"Kubernetes")
        await pilot.press("escape", "2", "dollar_sign")
        await pilot.pause()
        capture.jump_to(INDICATOR)
        await pilot.pause()
        app.screen.query_one("#q-quote", Input).value = "Every team ships models its own way"
        app.screen.query_one("#q-role", Input).value = "ML engineer"
        await pilot.press("escape", "h")
        await pilot.pause()
        capture.jump_to(METRIC)
        await pilot.pause()
        await pilot.click("#q-target")
        await pilot.press("1", "5")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = tomllib.loads(example.read_text())
    answer = next(a for a in saved["answers"] if a["question"] == QUESTION)
    assert answer["session"] == "ml-1"
    assert answer["notes"] == "Kubernetes"
    assert answer["current"] == 2
    assert answer["target"] == 4
    heard = next(h for h in saved["heard"] if h["indicator"] == INDICATOR)
    assert heard["quote"] == "Every team ships models its own way"
    assert heard["speaker_role"] == "ML engineer"
    assert heard["session"] == "ml-1"
    metric = next(m for m in saved["metrics"] if m["template"] == METRIC)
    assert metric["target"] == 15
    reopened = load_project(example)
    assert reopened.answer(QUESTION, "ml-1").notes == "Kubernetes"  # type: ignore[union-attr]


async def test_next_and_previous_question_keys(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        first = capture.panel.ref
        await pilot.press("ctrl+n")
        await pilot.pause()
        second = capture.panel.ref
        assert second != first
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert capture.panel.ref == first


async def test_typing_in_notes_marks_unsaved_and_autosaves(example: Path, make_app) -> None:
    app = make_app(example, autosave_delay=3600)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.screen.query_one("#q-notes", TextArea).focus()
        await pilot.press("x")
        await pilot.pause()
        assert app.workspace.unsaved
        assert "xEach model" not in example.read_text()
        app.autosave_delay = 0.2
        await pilot.press("y")
        assert await until(pilot, lambda: "xyEach model" in example.read_text())
        assert await until(pilot, lambda: not app.workspace.unsaved)
