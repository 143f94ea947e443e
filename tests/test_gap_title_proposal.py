"""#12/#11: ctrl+g proposed the question itself as the gap's title ("How do you currently deploy
models to production? (APIs, batch jobs, embedded)" is not a gap). It now proposes a title that
reads as one, selected so typing replaces it: the first sentence of the answer's notes, else the
gap the bank names for the question (x5: 111 of 301 bundled questions still got a title shaped
like the question; tests/test_gap_phrases.py checks every one)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from tests.helpers import ready, until
from workbench.edits.gaps import gap_title
from workbench.model.bank import Question
from workbench.model.gap_phrase import GAP_WIDTH, question_topic
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.widgets.capture_pane import CapturePane

ANSWERED = "discovery:model-deployment.current.deployment-infrastructure-1"
"""Its answer in ml-1: "Each model is a hand-built Flask app on a VM; batch scoring is a cron job." """
UNANSWERED = "discovery:model-deployment.current.deployment-infrastructure-2"
"""'What platforms do you use for model serving? (cloud …)', not answered in ml-1."""


def question(text: str, kind: str = "question", gap: str = "") -> Question:
    return Question(id="q", area="model-deployment", part="current", kind=kind, text=text, gap=gap)  # type: ignore[arg-type]


def test_the_first_sentence_of_the_notes_is_the_title() -> None:
    asked = question("How do you currently deploy models to production? (APIs, batch jobs, embedded)")
    notes = "Each model is a hand-built Flask app on a VM; batch scoring is a cron job.\nAsk Ravi."
    assert gap_title(asked, notes) == "Each model is a hand-built Flask app on a VM"
    assert gap_title(asked, "- Manual deploys.  Weeks each.") == "Manual deploys"


def test_notes_that_ask_something_give_way_to_the_banks_gap() -> None:
    asked = question("How do you deploy models?", gap="No standard deployment path")
    assert gap_title(asked, "Do they use Seldon? Ask Ravi.") == "No standard deployment path"


def test_without_notes_the_banks_gap_phrase_or_what_the_question_asks_about() -> None:
    asked = question("How do you currently deploy models to production? (APIs, batch jobs, embedded)")
    assert gap_title(question(asked.text, gap="No standard deployment path")) == "No standard deployment path"
    assert gap_title(asked) == "Unclear: deploying models to production"
    assert gap_title(asked, "  \n ") == "Unclear: deploying models to production"
    assert gap_title(question("Who decides when a model is retired? Is it written down?")) == (
        "Unclear: who decides when a model is retired"
    )
    assert question_topic("What tools do you use for feature engineering? (pandas, Spark)") == (
        "Tools for feature engineering"
    )
    assert question_topic("What's your approach to model versioning and rollback strategies?") == (
        "Approach to model versioning and rollback strategies"
    )
    assert question_topic("Do you have a centralised feature store or feature catalogue?") == (
        "Centralised feature store or feature catalogue"
    )
    assert question_topic("How long does it take to deploy a model from development to production?") == (
        "Time to deploy a model from development to production"
    )
    assert question_topic("How do you map features to owners?") == "Mapping features to owners"
    assert question_topic("Who decides when a model is retired?") == "Who decides when a model is retired"


def test_a_pain_indicator_or_a_metric_without_a_gap_phrase_keeps_its_own_words() -> None:
    said = question("We keep rebuilding the same features for different projects", "pain-indicator")
    assert gap_title(said) == "We keep rebuilding the same features for different"  # 57 at most
    metric = question("Reduce model deployment time from X weeks to Y hours", "success-metric")
    assert gap_title(metric) == "Reduce model deployment time from X weeks to Y hours"


def test_a_long_title_is_cut_at_a_word_that_can_end_it() -> None:
    notes = "Every one of the forty models in production is deployed by hand by the team of the platform group"
    title = gap_title(question("How do you deploy models?"), notes)
    assert len(title) <= GAP_WIDTH  # what the gap dialog shows at 80x24
    assert notes.startswith(title)
    assert title == "Every one of the forty models in production is deployed"  # not '… by'



def gaps(path: Path) -> dict[str, dict[str, Any]]:
    return {g["id"]: g for g in tomllib.loads(path.read_text())["gaps"]}


async def raise_from(pilot: Any, ref: str, *typed: str) -> None:
    capture: CapturePane = pilot.app.screen.query_one(CapturePane)
    capture.jump_to(ref)
    assert await until(pilot, lambda: capture.panel.ref == ref)
    await pilot.press("ctrl+g")
    assert await until(pilot, lambda: isinstance(pilot.app.screen, GapModal))
    title = pilot.app.screen.query_one("#gap-title")
    assert await until(pilot, lambda: title.selected_text == title.value)  # typing replaces it
    await pilot.press(*typed, "ctrl+s")
    assert await until(pilot, lambda: not isinstance(pilot.app.screen, GapModal))


async def test_ctrl_g_proposes_a_gap_title_and_typing_replaces_it(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await raise_from(pilot, ANSWERED)
        await raise_from(pilot, UNANSWERED)
        await raise_from(pilot, ANSWERED, *"Manual deploys")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)  # type: ignore[union-attr]
    raised = gaps(example)
    assert raised["G-m1-01"]["title"] == "Each model is a hand-built Flask app on a VM"
    assert raised["G-m1-02"]["title"] == "No standard model serving platform"
    assert raised["G-m1-03"]["title"] == "Manual deploys"
