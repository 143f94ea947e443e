"""Where a session stands: the state of each question and answered/total counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from workbench.analysis.search import has_every_word
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project

QuestionState = Literal["answered", "follow-up", "skipped", "not-applicable", "heard", "defined", ""]

DONE_STATES = frozenset({"answered", "skipped", "not-applicable", "heard", "defined"})
"""States that count as dealt with in answered/total counts."""


@dataclass
class SessionProgress:
    """The state of every question in one session, computed once per change."""

    states: dict[str, QuestionState] = field(default_factory=dict)

    def state(self, ref: str) -> QuestionState:
        """The question's state: empty when untouched."""
        return self.states.get(ref, "")

    def done(self, refs: Iterable[str]) -> int:
        """How many of the references are dealt with."""
        return sum(1 for ref in refs if self.states.get(ref, "") in DONE_STATES)


def session_progress(project: Project, catalogue: Catalogue, session: str) -> SessionProgress:
    """States of the questions in a session: answers, heard indicators and defined metrics."""
    states: dict[str, QuestionState] = {}
    for metric in project.metrics:
        if metric.template:
            states[metric.template] = "defined"
    for heard in project.heard:
        if heard.session == session:
            states[heard.indicator] = "heard"
    for answer in project.answers:
        if answer.session == session:
            states[answer.question] = answer.status
    return SessionProgress(states)


def matches_text(catalogue: Catalogue, ref: str, words: str) -> bool:
    """Whether every word of a search appears in the question's text, id or area."""
    question = catalogue.questions.get(ref)
    if question is None:
        return False
    return has_every_word(words, question.text, ref, catalogue.area_title(question.area))


def match_rank(catalogue: Catalogue, ref: str, words: str) -> int:
    """How well a question matches a search, the best match highest: 3, the words as typed in its
    text ("feature store"); 2, every word somewhere in its text; 1, some only in its id or area
    ("monitoring" for every question of Model Monitoring); 0, no match."""
    if not matches_text(catalogue, ref, words):
        return 0
    text = catalogue.questions[ref].text.lower()
    if " ".join(words.lower().split()) in " ".join(text.split()):
        return 3
    return 2 if has_every_word(words, text) else 1


_STATUS_WORDS = (
    ("answered", "answered"),
    ("follow-up", "for follow-up"),
    ("not-applicable", "not applicable"),
    ("skipped", "skipped"),
)


def answer_summary(project: Project) -> str:
    """`32 answers: 28 answered, 2 for follow-up, 1 not applicable, 1 skipped`: the same count everywhere."""
    from workbench.printable import plural

    counts = {status: 0 for status, _ in _STATUS_WORDS}
    for answer in project.answers:
        counts[answer.status] = counts.get(answer.status, 0) + 1
    total = plural(len(project.answers), "answer")
    parts = [f"{counts[status]:,} {words}" for status, words in _STATUS_WORDS if counts[status]]
    if not parts or parts == [f"{len(project.answers):,} answered"]:
        return total
    return f"{total}: {', '.join(parts)}"
