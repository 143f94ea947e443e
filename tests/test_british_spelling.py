"""The proposal is British English, bank text included; matching treats British and American
spellings as one word (issue 15: the bank strings in US spelling that the proposal shows)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from tests.proposal_text import docx_text
from tests.test_proposal import export
from tests.test_proposal_signing import large  # noqa: F401  (the fixture)
from workbench.analysis.keywords import found, stem, stemmed
from workbench.analysis.spelling import one_spelling
from workbench.banks import load_catalogue
from workbench.export.options import SECTIONS
from workbench.model.records import Metric
from workbench.store.files import ProjectFile

US_SPELLINGS = re.compile(
    r"(?<![-.\w])(?:prioritiz\w*|organiz\w*|optimiz\w*|analyz\w*|standardiz\w*|normaliz\w*|summariz\w*|"
    r"recogniz\w*|utiliz\w*|minimiz\w*|maximiz\w*|customiz\w*|centraliz\w*|behaviors?|colors?|"
    r"modeling|modeled|labeled|labeling|favor\w*|honor\w*|centers?|catalogs?|licenses?|"
    r"judgment|canceled|traveled|fulfill|enroll|defense|gray)(?![-\w])",
    re.IGNORECASE,
)
"""US spellings the proposal must not use. `program` is left out: it is right for software (a DSPy
program), and product names keep their own spelling (Unity Catalog)."""
PRODUCT_NAMES = ("Unity Catalog",)
CODE_FONT = "Consolas"


def prose(path: Path, fmt: str) -> str:
    """The document's text without its code patterns (code keeps its own language)."""
    if fmt == "md":
        return re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = docx_text(path)
    for paragraph in Document(str(path)).paragraphs:
        if any(run.font.name == CODE_FONT for run in paragraph.runs):
            text = text.replace(paragraph.text, "")
    return text


def with_every_success_metric(example: Path) -> Path:
    """The example with a metric from every success metric of the banks (their text is shown as
    pilots' success criteria, and as risks while they have no baseline)."""
    project_file = ProjectFile.load(example)
    catalogue = load_catalogue(example)
    metrics = project_file.project.metrics
    for number, (ref, question) in enumerate(sorted(catalogue.questions.items()), start=100):
        if question.kind == "success-metric":
            metrics.append(Metric(id=f"M-{number:03}", template=ref, target=10))
    project_file.save()
    return example


@pytest.mark.parametrize("which", ["example", "every metric", "large"])
@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_generated_text_is_british_english(which: str, fmt: str, example: Path, large: Path) -> None:  # noqa: F811
    """The proposal showed bank text in US spelling ("Standardize evaluation metrics")."""
    path = (
        large
        if which == "large"
        else with_every_success_metric(example)
        if which == "every metric"
        else example
    )
    text = prose(export(path, fmt, sections=SECTIONS), fmt)
    for name in PRODUCT_NAMES:
        text = text.replace(name, "")
    found_us = [
        m.group() + " in: " + text[m.start() - 40 : m.end() + 20] for m in US_SPELLINGS.finditer(text)
    ]
    assert found_us == []


@pytest.mark.parametrize(
    ("american", "british"),
    [
        ("prioritizing", "prioritising"),
        ("Prioritize", "prioritise"),
        ("organizational", "organisational"),
        ("standardization", "standardisation"),
        ("optimizations", "optimisation"),
        ("centralized", "centralised"),
        ("analyze", "analyse"),
        ("analyzed", "analysed"),
        ("behavior", "behaviour"),
        ("behaviors", "behaviour"),
        ("labeled", "labelled"),
        ("labeling", "labelling"),
        ("label", "labelled"),
        ("modeling", "modelling"),
        ("catalog", "catalogue"),
        ("catalogs", "catalogues"),
        ("favorite", "favourite"),
    ],
)
def test_british_and_american_spellings_are_one_stem(american: str, british: str) -> None:
    assert stem(american.lower()) == stem(british.lower())


@pytest.mark.parametrize(
    "text",
    [
        "size",
        "seize",
        "prize",
        "model",
        "models",
        "spelled",
        "wheeled",
        "feeling",
        "humorous",
        "collaborate",
        "colour",
        "laboratory",
        "horizon",
        "catalogue",
        "Unity Catalogue",
    ],
)
def test_words_that_are_not_a_spelling_pair_are_left_alone(text: str) -> None:
    """Only the pairs meet: "size" does not become "sise", "spelled" keeps its l's."""
    assert one_spelling(text) == text
    assert one_spelling(text.upper()) == text.upper()


def test_a_keyword_meets_a_note_in_the_other_spelling() -> None:
    """Matching is unchanged by the banks' British text: US keywords meet it, British keywords meet
    a client's US notes."""
    assert found(["prioritize use cases"], stemmed("We are prioritising ML use cases.")) == [
        "prioritize use cases"
    ]
    assert found(["prioritise use cases"], stemmed("What's your process for prioritizing ML use cases?")) == [
        "prioritise use cases"
    ]
    assert found(["labelled data"], stemmed("How do we collect new labeled data?")) == ["labelled data"]
    assert found(["model behaviour"], stemmed("How do you test model behavior on edge cases?")) == [
        "model behaviour"
    ]
