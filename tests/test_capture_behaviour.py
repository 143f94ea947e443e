"""Pilot-driven capture: what a facilitator types ends up in the TOML file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import TextArea

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
        await pilot.press("escape", "h")
        assert await until(pilot, lambda: app.screen.query("#heard-quote"))
        await pilot.press(*"Every team ships models its own way", "tab", *"ML engineer", "ctrl+s")
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
        assert "job.x" not in example.read_text()  # new words go after what was said, a space between (fe12b)
        app.autosave_delay = 0.2
        await pilot.press("y")
        assert await until(pilot, lambda: "cron job. xy" in example.read_text())
        assert await until(pilot, lambda: not app.workspace.unsaved)


async def test_the_navigator_marks_the_core_questions_of_the_session(example: Path, make_app) -> None:
    """Core questions of the session's template carry a star; the session's branch counts them."""
    from workbench.banks import load_catalogue
    from workbench.ui.widgets.navigator import CORE_MARK, QuestionTree

    catalogue = load_catalogue(example)
    session = load_project(example).sessions[-1]
    core = set(catalogue.core_refs(session.template))
    optional = set(catalogue.template_refs(session.template)) - core
    assert core and optional
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tree = app.screen.query_one(QuestionTree)
        labels: dict[str, str] = {}

        def walk(node) -> None:  # type: ignore[no-untyped-def]
            for child in node.children:
                if child.data:
                    labels.setdefault(child.data, child.label.plain)
                walk(child)

        walk(tree.root)
        top = tree.root.children[0].label.plain
        # (at 80 columns in shorter words, 'Session ★ 11/28: …', so it fits the tree)
        assert top.startswith(f"Session {CORE_MARK} ")
        assert top.split(":", 1)[0].endswith(f"/{len(core)}")
        assert sum(1 for ref in core if ref in labels) == len(core)
        assert all(CORE_MARK in labels[ref] for ref in core)
        assert all(CORE_MARK not in labels[ref] for ref in optional if ref in labels)
