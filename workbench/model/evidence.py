"""Evidence links on gaps: a question, an answer in a session, a heard quote or a metric."""

from __future__ import annotations

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
