"""x5 (#12, the proposal's words): every title the workbench proposes for a gap reads as a gap, a
short phrase naming what is missing or weak, never the question again. 111 of the 301 bundled
questions still got a title shaped like the question ("How do you ...", "What ..."), and suggested
gaps were titled 'Unknown: <question>', 'Raise maturity: <question>', 'Align views on: <question>'.
A title must fit the gap dialog's title field at 80x24 (58 columns, one of them the cursor)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.analysis.gaps import suggestions
from workbench.banks import bundled_banks_dir, check_banks, load_banks
from workbench.edits.gaps import gap_title
from workbench.example import bundled_example
from workbench.model.bank import Question
from workbench.model.catalogue import Catalogue
from workbench.model.gap_phrase import (
    below_target,
    gap_phrase_problems,
    no_shared_view,
    question_gap,
)
from workbench.store.files import load_project

QUESTION_WORDS = [
    "how",
    "what",
    "do",
    "does",
    "is",
    "are",
    "who",
    "when",
    "which",
    "can",
    "have",
    "has",
    "where",
    "why",
]


def not_a_gap(title: str) -> list[str]:
    """What makes a proposed title read as a question or not fit, checked apart from the code."""
    words = title.split()
    problems = []
    if "?" in title:
        problems.append("question mark")
    if not words or words[0].lower().strip("\"'") in QUESTION_WORDS:
        problems.append("opens as a question")
    if len(title) > 57:
        problems.append(f"{len(title)} characters")
    return problems


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_banks([bundled_banks_dir()]).catalogue


def test_the_check_catches_a_title_shaped_like_a_question() -> None:
    assert not_a_gap("How do you deploy models to production") == ["opens as a question"]
    assert not_a_gap("Unknown: What's your process for prioritising ML use cases?") == [
        "question mark",
        "59 characters",
    ]
    assert not_a_gap("Do you have a feature store") == ["opens as a question"]
    assert not_a_gap("Raise maturity: What data sources do you currently use for ML features") == [
        "70 characters"
    ]
    assert not_a_gap("No standard deployment path") == []
    assert gap_phrase_problems("What tools do you use?") == [
        "has a question mark",
        "opens with 'what', as a question does",
    ]


def test_every_bundled_question_proposes_a_gap_title(catalogue: Catalogue) -> None:
    assert len(catalogue.questions) >= 301
    bad = {
        ref: title
        for ref, question in catalogue.questions.items()
        for title in (gap_title(question), question_gap(question))
        if not_a_gap(title)
    }
    assert bad == {}
    assert gap_title(
        catalogue.questions["discovery:model-deployment.current.deployment-infrastructure-1"]
    ) == ("No standard deployment path")


def test_every_group_and_area_suggestion_title_reads_as_a_gap(catalogue: Catalogue) -> None:
    titles = [below_target(group.title) for group in catalogue.groups.values()]
    titles += [no_shared_view(catalogue.client_area_title(area)) for area in catalogue.areas]
    assert [t for t in titles if not_a_gap(t)] == []
    assert no_shared_view("Model Deployment & Serving") == "No shared view of Model Deployment & Serving"


def test_the_examples_suggestions_of_every_kind_are_titled_as_gaps(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    copy = tmp_path / "example.toml"
    shutil.copy(bundled_example(), copy)
    found = suggestions(load_project(copy), catalogue)
    kinds = {s.key.split(":")[0] for s in found}
    assert {"maturity", "follow-up", "alignment"} <= kinds
    assert {s.key: s.title for s in found if not_a_gap(s.title)} == {}
    titles = {s.key: s.title for s in found}
    assert titles["follow-up:discovery:platform-evaluation.evaluation.1@ml-1"] == (
        "Capabilities missing from the current platform"
    )


def test_a_bank_gap_phrase_written_as_a_question_is_named_by_the_check(tmp_path: Path) -> None:
    bank = tmp_path / "mine.toml"
    bank.write_text(
        '[bank]\nid = "mine"\ntitle = "Mine"\n\n'
        '[[areas]]\nid = "data"\ntitle = "Data"\n\n'
        '[[parts]]\nid = "current"\ntitle = "Current state"\n\n'
        '[[questions]]\nid = "data.1"\narea = "data"\npart = "current"\n'
        'text = "Where does the data live?"\ngap = "Where is the data?"\n\n'
        '[[questions]]\nid = "data.2"\narea = "data"\npart = "current"\n'
        'text = "Who owns it?"\ngap = "No owner for the data"\n'
    )
    problems = [str(p) for p in check_banks(load_banks([tmp_path]))]
    assert len(problems) == 1
    assert "data.1" in problems[0] and "has a question mark" in problems[0]
    assert "opens with 'where'" in problems[0]
    question = Question(id="q", area="data", part="current", text="Where does the data live?")
    assert question_gap(question) == "Unclear: where does the data live"
