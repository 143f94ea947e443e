"""A gap's evidence in words: each link (`heard:H-001`, `question@session`…) as a sentence a
person reads, and every answer, quote and metric a gap could take as evidence."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.analysis.metrics import metric_sentence
from workbench.model.catalogue import Catalogue
from workbench.model.evidence import answer_link, parse_evidence
from workbench.model.project import Project
from workbench.model.records import Answer

QUESTION_WIDTH = 60
"""A question's words are cut to this many characters in a sentence."""
QUOTE_WIDTH = 80


def _cut(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def _question(catalogue: Catalogue, ref: str) -> tuple[str, str]:
    """The question's words (quoted, cut) and its area's title."""
    question = catalogue.questions.get(ref)
    if question is None:
        return f"unknown question {ref}", ""
    words = _cut(question.text.strip('“”"'), QUESTION_WIDTH)
    return f"'{words}'", catalogue.area_title(question.area)


def _answer_words(answer: Answer | None) -> str:
    if answer is None:
        return "not answered yet"
    if answer.current or answer.target:
        scores = f"maturity {answer.current or '–'}"
        return scores + (f" → {answer.target}" if answer.target else "")
    if answer.notes.strip():
        return f"“{_cut(answer.notes, QUOTE_WIDTH)}”"
    return answer.status.replace("-", " ")


def evidence_sentence(project: Project, catalogue: Catalogue, link: str, currency: str = "") -> str:
    """One link in words: "Answer to 'How do models reach production?' (Model Deployment &
    Serving, session ml-1): maturity 2 → 4"; a link to a record that is gone says so. A metric's
    money is in the client's `currency` (`analysis/currency`): "baseline $19,000 per month"."""
    evidence = parse_evidence(link)
    if evidence.kind == "heard":
        heard = next((h for h in project.heard if h.id == evidence.target), None)
        if heard is None:
            return f"Quote {evidence.target}: no longer in the project"
        words, _area = _question(catalogue, heard.indicator)
        who = f" from {_cut(heard.speaker_role, 40)}" if heard.speaker_role else ""
        said = f"“{_cut(heard.quote, QUOTE_WIDTH)}”" if heard.quote else words
        return f"Heard in session {heard.session}{who}: {said}"
    if evidence.kind == "metric":
        metric = project.metric(evidence.target)
        if metric is None:
            return f"Metric {evidence.target}: no longer in the project"
        return f"Metric {metric.id}: {metric_sentence(metric, catalogue, currency)}"
    words, area = _question(catalogue, evidence.target)
    where = ", ".join(p for p in (area, f"session {evidence.session}" if evidence.session else "") if p)
    if evidence.kind == "answer":
        answer = project.answer(evidence.target, evidence.session)
        return f"Answer to {words} ({where}): {_answer_words(answer)}"
    answers = project.answers_to(evidence.target)
    said = f"{len(answers)} answer{'' if len(answers) == 1 else 's'}" if answers else "not answered yet"
    return f"Question {words} ({where}): {said}"


@dataclass(frozen=True)
class EvidenceChoice:
    """Something a gap can take as evidence."""

    link: str
    sentence: str


def evidence_choices(
    project: Project, catalogue: Catalogue, leave_out: set[str], currency: str = ""
) -> list[EvidenceChoice]:
    """Every heard quote, metric and answer with something in it (notes or maturity), in that
    order, except the links in `leave_out` (what the gap has already)."""
    links = [f"heard:{h.id}" for h in project.heard]
    links += [f"metric:{m.id}" for m in project.metrics]
    links += [
        answer_link(a.question, a.session)
        for a in project.answers
        if a.notes.strip() or a.current or a.target
    ]
    return [
        EvidenceChoice(link, evidence_sentence(project, catalogue, link, currency))
        for link in links
        if link not in leave_out
    ]
