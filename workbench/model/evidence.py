"""Evidence links on gaps: a question, an answer in a session, a heard quote or a metric."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

EvidenceKind = Literal["question", "answer", "heard", "metric"]


@dataclass(frozen=True)
class EvidenceLink:
    """A parsed evidence link."""

    kind: EvidenceKind
    target: str
    """Question reference, heard id or metric id."""
    session: str = ""
    """For an answer: the session it was given in."""

    def __str__(self) -> str:
        if self.kind == "heard":
            return f"heard:{self.target}"
        if self.kind == "metric":
            return f"metric:{self.target}"
        if self.kind == "answer":
            return f"{self.target}@{self.session}"
        return self.target


def parse_evidence(link: str) -> EvidenceLink:
    """Read `heard:H-001`, `metric:M-001`, `bank:question@session` or `bank:question`."""
    if link.startswith("heard:"):
        return EvidenceLink("heard", link.removeprefix("heard:"))
    if link.startswith("metric:"):
        return EvidenceLink("metric", link.removeprefix("metric:"))
    if "@" in link:
        question, session = link.rsplit("@", 1)
        return EvidenceLink("answer", question, session)
    return EvidenceLink("question", link)


def answer_link(question: str, session: str) -> str:
    """The evidence link for an answer."""
    return str(EvidenceLink("answer", question, session))


@dataclass(frozen=True)
class Cited:
    """The answers some evidence links cite: answers in one session, and questions (every
    answer to them)."""

    answers: frozenset[tuple[str, str]]
    questions: frozenset[str]

    def cites(self, question: str, session: str) -> bool:
        """Whether the answer to `question` in `session` is cited."""
        return question in self.questions or (question, session) in self.answers


def cited_answers(links: Iterable[str]) -> Cited:
    """The answers evidence links cite (heard quotes and metrics left out)."""
    answers: set[tuple[str, str]] = set()
    questions: set[str] = set()
    for link in links:
        evidence = parse_evidence(link)
        if evidence.kind == "answer":
            answers.add((evidence.target, evidence.session))
        elif evidence.kind == "question":
            questions.add(evidence.target)
    return Cited(frozenset(answers), frozenset(questions))
