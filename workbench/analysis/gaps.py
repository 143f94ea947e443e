"""Gap analysis: quadrants, the priority formula, suggested gaps and each gap's evidence trail.

Priority (0–100) = 100 × (wᵢ·impact + w꜀·(6 − complexity) + w_conf·5·confidence) / (5·(wᵢ + w꜀ + w_conf))
where confidence (0–1) is the mean confidence of the gap's evidence: evidenced 1.0, observed 0.7,
stated 0.4, a heard quote 0.7, a metric with a baseline 1.0 (0.7 without), and 0.2 with no
evidence. The weights live in the project file under [settings.priority].
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from statistics import fmean  # floats: the exact (Fraction) mean is ~20x slower
from typing import Literal

from workbench.analysis.keywords import content_words, shared_words
from workbench.analysis.maturity import disagreements
from workbench.model.catalogue import Catalogue
from workbench.model.evidence import Cited, answer_link, parse_evidence
from workbench.model.gap_phrase import below_target, no_shared_view, question_gap
from workbench.model.project import Project
from workbench.model.records import CLOSED_STATUSES, Answer, Gap, Heard
from workbench.printable import plural, times

Quadrant = Literal["quick-win", "strategic", "fill-in", "deprioritise"]
QUADRANT_ORDER: tuple[Quadrant, ...] = ("quick-win", "strategic", "fill-in", "deprioritise")
"""The order quadrants are taken on: quick wins first, what is deprioritised last."""
QUADRANT_TITLES: dict[Quadrant, str] = {
    "quick-win": "Quick wins",
    "strategic": "Strategic initiatives",
    "fill-in": "Fill-ins",
    "deprioritise": "Deprioritise",
}
"""The one vocabulary of the quadrants, plural, for headings and legends (UI, CLI and proposal)."""
QUADRANT_LABELS: dict[Quadrant, str] = {
    "quick-win": "Quick win",
    "strategic": "Strategic",
    "fill-in": "Fill-in",
    "deprioritise": "Deprioritise",
}
"""Short singular names, for table cells."""
CONFIDENCE_SCORES = {"stated": 0.4, "observed": 0.7, "evidenced": 1.0}
NO_EVIDENCE = 0.2


def quadrant(project: Project, impact: int, complexity: int) -> Quadrant:
    """The quadrant of a cell, from the project's thresholds."""
    matrix = project.settings.matrix
    high_impact = impact >= matrix.impact_threshold
    high_complexity = complexity >= matrix.complexity_threshold
    if high_impact:
        return "strategic" if high_complexity else "quick-win"
    return "deprioritise" if high_complexity else "fill-in"


def gap_quadrant(project: Project, gap: Gap) -> Quadrant:
    """The quadrant a gap sits in."""
    return quadrant(project, gap.impact, gap.complexity)


class AnswerIndex:
    """Answers by (question, session) and by question, built once for many look-ups."""

    def __init__(self, project: Project) -> None:
        self.by_key = {a.key: a for a in project.answers}
        self.by_question: dict[str, list[Answer]] = defaultdict(list)
        for answer in project.answers:
            self.by_question[answer.question].append(answer)


def evidence_confidence(project: Project, gap: Gap, index: AnswerIndex | None = None) -> float:
    """Mean confidence (0–1) of a gap's evidence."""
    index = index or AnswerIndex(project)
    scores = []
    for link in gap.evidence:
        evidence = parse_evidence(link)
        if evidence.kind == "answer":
            answer = index.by_key.get((evidence.target, evidence.session))
            if answer is not None:
                scores.append(CONFIDENCE_SCORES[answer.confidence])
        elif evidence.kind == "question":
            answers = index.by_question.get(evidence.target, [])
            if answers:
                scores.append(max(CONFIDENCE_SCORES[a.confidence] for a in answers))
        elif evidence.kind == "heard":
            scores.append(CONFIDENCE_SCORES["observed"])
        elif evidence.kind == "metric":
            metric = project.metric(evidence.target)
            if metric is not None:
                scores.append(1.0 if metric.baseline is not None else 0.7)
    return round(fmean(scores), 3) if scores else NO_EVIDENCE


def priority(project: Project, gap: Gap, index: AnswerIndex | None = None) -> float:
    """The gap's priority, 0–100 (see the module docstring for the formula)."""
    weights = project.settings.priority
    total = weights.impact + weights.complexity + weights.confidence
    if total <= 0:
        return 0.0
    raw = (
        weights.impact * gap.impact
        + weights.complexity * (6 - gap.complexity)
        + weights.confidence * 5 * evidence_confidence(project, gap, index)
    )
    return round(100 * raw / (5 * total), 1)


def ranked_gaps(project: Project) -> list[tuple[Gap, float]]:
    """Gaps with their priority, highest first (ties by impact, then id)."""
    index = AnswerIndex(project)
    scored = [(gap, priority(project, gap, index)) for gap in project.gaps]
    return sorted(scored, key=lambda pair: (-pair[1], -pair[0].impact, pair[0].id))


def is_closed(gap: Gap) -> bool:
    """Whether the gap is done with (closed, or decided against): shown apart, off the rankings."""
    return gap.status in CLOSED_STATUSES


def gap_table(project: Project) -> list[tuple[Gap, float]]:
    """The gaps as the Gaps pane lists them: the open ones by priority, then the closed ones."""
    ranked = ranked_gaps(project)
    return [p for p in ranked if not is_closed(p[0])] + [p for p in ranked if is_closed(p[0])]


def matrix_cells(project: Project) -> dict[tuple[int, int], list[Gap]]:
    """Gaps by (impact, complexity) cell, in the order of `gap_table`: open ones first by
    priority, so a crowded cell shows them before the closed ones."""
    cells: dict[tuple[int, int], list[Gap]] = defaultdict(list)
    for gap, _ in gap_table(project):
        cells[(gap.impact, gap.complexity)].append(gap)
    return dict(cells)


# --- suggestions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """A gap the evidence suggests; accepting it raises the gap."""

    key: str
    """Stable key, saved when dismissed (`heard:discovery:…`, `maturity:area`, …)."""
    reason: str
    """Why it is suggested, in words."""
    title: str
    area: str
    evidence: tuple[str, ...] = field(default_factory=tuple)
    impact: int = 3
    complexity: int = 3
    subject: str = ""
    """What it is about in the bank's words (the question, or the group and its area): the words
    `_repeats_a_gap` matches practices on, so a title written as a gap changes none of that."""

    said: tuple[str, ...] = ()
    """The client's own words behind it (answers' notes, heard quotes), as they were written."""

    @property
    def description(self) -> str:
        """The accepted gap's first description, which the proposal prints for a gap with no
        practice yet: the client's own words, never the workbench's reasoning ("impact 5
        allowed: confidence evidenced" read as a data export); empty when nobody's words are
        behind it (the evidence still says where it came from)."""
        quotes = [" ".join(t.split()) for t in self.said if t.strip()]
        return "In discovery: " + "; ".join(f"\u201c{q}\u201d" for q in quotes) if quotes else ""


def suggestions(project: Project, catalogue: Catalogue) -> list[Suggestion]:
    """Gaps the evidence points at that are neither raised, accepted nor dismissed yet."""
    cited = {link for gap in project.gaps for link in gap.evidence}
    sources = {gap.source for gap in project.gaps if gap.source}
    index = AnswerIndex(project)
    said = _gap_words(project, catalogue)
    found = [
        *_maturity_suggestions(project, catalogue, cited),
        *_heard_suggestions(project, catalogue),
        *_follow_up_suggestions(project, catalogue),
        *_alignment_suggestions(project, catalogue),
    ]
    return [
        _supported(project, s, index)
        for s in found
        if s.key not in sources
        and not project.is_dismissed(s.key)
        and not (s.evidence and all(link in cited for link in s.evidence))
        and not _repeats_a_gap(project, catalogue, s, said)
    ]


SAME_WORDS = 2
"""Content words a suggestion must share with an open gap of its area to be that gap again."""


GapWords = list[tuple[set[str], frozenset[str], frozenset[str]]]


def _gap_words(project: Project, catalogue: Catalogue) -> GapWords:
    """Each open gap's discovery areas, the content words of its title, description and the
    client's words in its evidence, and the practices accepted for it."""
    out = []
    accepted = project.accepted_by_gap()
    for gap in project.gaps:
        if gap.status in CLOSED_STATUSES:
            continue
        areas = set(catalogue.matching_areas(gap.area)) | {gap.area}
        said = [item.detail for item in evidence_trail(project, catalogue, gap)]
        words = content_words(" ".join([gap.title, gap.description, *said]))
        out.append((areas, words, frozenset(accepted.get(gap.id, ()))))
    return out


def _client_words(project: Project, suggestion: Suggestion) -> str:
    """What the client said behind a suggestion: the notes of its answers, its quotes."""
    words = []
    for link in suggestion.evidence:
        evidence = parse_evidence(link)
        if evidence.kind == "answer":
            answer = project.answer(evidence.target, evidence.session)
            words.append(answer.notes if answer else "")
        elif evidence.kind == "heard":
            words.append(next((h.quote for h in project.heard if h.id == evidence.target), ""))
    return " ".join(words)


def _repeats_a_gap(project: Project, catalogue: Catalogue, suggestion: Suggestion, said: GapWords) -> bool:
    """Whether a maturity or heard suggestion says again what an open gap says: it shares
    SAME_WORDS content words with an open gap of its area, or the practices that would answer it
    are already planned for open gaps: the best one, or two of the best three. "MLflow installed;
    two of six data scientists log runs" is answered by experiment tracking, which "Experiments
    are not reproducible" plans; "$38k a month, half of it always-on GPU endpoints" by the serving
    cost controls of the idle-GPU gap."""
    if not suggestion.key.startswith(("maturity:", "heard:")):
        return False
    words = content_words(_client_words(project, suggestion))
    areas = set(catalogue.matching_areas(suggestion.area)) | {suggestion.area}
    if any(areas & gap_areas and len(shared_words(words, gap)) >= SAME_WORDS for gap_areas, gap, _ in said):
        return True
    planned = {practice for _, _, practices in said for practice in practices}
    if not planned:
        return False
    best = _best_practices(project, catalogue, suggestion)
    return bool(best) and (best[0] in planned or len(planned.intersection(best)) >= 2)


def _best_practices(project: Project, catalogue: Catalogue, suggestion: Suggestion) -> list[str]:
    """The three practices ranked first for the suggestion, as if it were raised."""
    from workbench.analysis.mapping import suggest_practices  # mapping builds on this module

    title = suggestion.subject or suggestion.title
    gap = Gap(id="G-000", title=title, area=suggestion.area, evidence=list(suggestion.evidence))
    return [found.practice.id for found in suggest_practices(project, catalogue, gap)[:3]]


def _quoted(texts: list[str]) -> str:
    """The client's words, quoted, for a reason (empty when nothing was written down)."""
    said = [" ".join(t.split()) for t in texts if t.strip()]
    return ": " + "; ".join(f"\u201c{t}\u201d" for t in said) if said else ""


HIGH_IMPACT = 4


def _supported(project: Project, suggestion: Suggestion, index: AnswerIndex) -> Suggestion:
    """Impact 4 or 5 needs two or more answers, or evidence observed or better; else it is held at 3."""
    if suggestion.impact < HIGH_IMPACT:
        return suggestion
    answers = 0
    for link in suggestion.evidence:
        evidence = parse_evidence(link)
        if evidence.kind == "answer":
            answers += evidence.target is not None and (evidence.target, evidence.session) in index.by_key
        elif evidence.kind == "question":
            answers += len(index.by_question.get(evidence.target, []))
    gap = Gap(id="G-000", title=suggestion.title, evidence=list(suggestion.evidence))
    allowed = f"{suggestion.reason}; impact {suggestion.impact} allowed"
    if answers >= 2:
        return replace(suggestion, reason=f"{allowed}: {answers} answers back it")
    confidence = evidence_confidence(project, gap, index)
    if confidence >= CONFIDENCE_SCORES["observed"]:
        seen = "evidenced" if confidence >= CONFIDENCE_SCORES["evidenced"] else "observed"
        return replace(suggestion, reason=f"{allowed}: confidence {seen}, not only stated")
    return replace(
        suggestion,
        impact=HIGH_IMPACT - 1,
        reason=f"{suggestion.reason}; impact held at 3 until a second answer or observed evidence",
    )


def _clamp(value: float) -> int:
    return int(min(5, max(1, round(value))))


WIDE = 2
"""Levels between an answer's current score and its target that make a maturity suggestion."""


def note_reaches_suggestions(project: Project, cited: Cited, question: str, session: str) -> bool:
    """Whether the notes of one answer can change the suggestions. Notes are read only as the
    client's words: quoted in the reason of the maturity suggestion an answer scored `WIDE` or
    more below its target makes (and matched, by `_repeats_a_gap`, against the open gaps and the
    practices planned), and as the words of the gaps that cite the answer (`cited`: the gaps'
    evidence, see `_gap_words`). A note on any other answer leaves every suggestion as it is."""
    if cited.cites(question, session):
        return True
    answer = project.answer(question, session)
    return answer is None or (
        answer.current is not None and answer.target is not None and answer.target - answer.current >= WIDE
    )


def _maturity_suggestions(project: Project, catalogue: Catalogue, cited: set[str]) -> list[Suggestion]:
    """One suggestion per group of questions (or per question outside a group) scored 2+ below target.

    An answer a gap already cites (or whose question it cites) is covered and left out, so one
    gap in an area never hides the rest of it.
    """
    wide: dict[str, list[Answer]] = defaultdict(list)
    for answer in project.answers:
        question = catalogue.questions.get(answer.question)
        if question is None or answer.current is None or answer.target is None:
            continue
        if answer.target - answer.current < WIDE:
            continue
        if answer.question in cited or answer_link(answer.question, answer.session) in cited:
            continue
        key = f"{question.area}.{question.group}" if question.group else answer.question
        wide[key].append(answer)
    out = []
    for key, answers in wide.items():
        question = catalogue.questions[answers[0].question]
        current = round(fmean(a.current or 0 for a in answers), 2)
        target = round(fmean(a.target or 0 for a in answers), 2)
        group = catalogue.groups.get((question.area, question.group))
        # No numbers in the title: a gap keeps its title while the answers' scores move on (the
        # reason and the evidence show the scores as they are).
        if group is not None and len({a.question for a in answers}) > 1:
            title = below_target(group.title)
            subject = f"{group.title} ({catalogue.area_title(question.area)})"
        else:
            title, subject = question_gap(question), question.text
        out.append(
            Suggestion(
                key=f"maturity:{key}",
                reason=f"{plural(len(answers), 'answer')} put{'s' if len(answers) == 1 else ''} the target "
                f"2 or more levels above today (current {current:g}, target {target:g})"
                + _quoted([a.notes for a in answers]),
                said=tuple(a.notes for a in answers),
                title=title,
                subject=subject,
                area=question.area,
                evidence=tuple(answer_link(a.question, a.session) for a in answers),
                impact=_clamp(2 + (target - current)),
                complexity=3,
            )
        )
    return out


def _heard_suggestions(project: Project, catalogue: Catalogue) -> list[Suggestion]:
    by_indicator: dict[str, list[Heard]] = defaultdict(list)
    for heard in project.heard:
        by_indicator[heard.indicator].append(heard)
    out = []
    for indicator, said in by_indicator.items():
        question = catalogue.questions.get(indicator)
        if question is None:
            continue
        out.append(
            Suggestion(
                key=f"heard:{indicator}",
                reason=f"pain indicator heard {times(len(said))}" + _quoted([h.quote for h in said]),
                said=tuple(h.quote for h in said),
                title=question_gap(question),
                subject=question.text,
                area=question.area,
                evidence=tuple(f"heard:{h.id}" for h in said),
                impact=4 if len(said) > 1 else 3,
                complexity=3,
            )
        )
    return out


def _follow_up_suggestions(project: Project, catalogue: Catalogue) -> list[Suggestion]:
    out = []
    for answer in project.answers:
        question = catalogue.questions.get(answer.question)
        if question is None or answer.status != "follow-up":
            continue
        who = f" with {answer.follow_up_with}" if answer.follow_up_with else ""
        out.append(
            Suggestion(
                key=f"follow-up:{answer.question}@{answer.session}",
                reason=f"answer needs follow-up{who}",
                title=question_gap(question),
                area=question.area,
                evidence=(answer_link(answer.question, answer.session),),
                impact=2,
                complexity=1,
            )
        )
    return out


def _alignment_suggestions(project: Project, catalogue: Catalogue) -> list[Suggestion]:
    out = []
    for finding in disagreements(project, catalogue):
        scores = ", ".join(f"{s} {v:g}" for s, v in sorted(finding.scores.items()))
        evidence = tuple(answer_link(q, s) for q in finding.questions for s in sorted(finding.scores))
        if finding.scope == "question":  # the gap the question finds; the reason says the views differ
            title = question_gap(catalogue.questions[finding.key])
            compared = ""
        else:
            title = no_shared_view(catalogue.client_area_title(finding.key))
            compared = f" on the {len(finding.questions)} questions both scored"
        out.append(
            Suggestion(
                key=f"alignment:{finding.scope}:{finding.key}",
                reason=f"sessions disagree by {finding.spread:g} levels{compared} ({scores})",
                title=title,
                area=finding.area,
                evidence=evidence,
                impact=3,
                complexity=2,
            )
        )
    return out


def accept_suggestion(project: Project, suggestion: Suggestion) -> Gap:
    """Raise the suggested gap, remembering where it came from."""
    return project.raise_gap(
        suggestion.title,
        area=suggestion.area,
        evidence=suggestion.evidence,
        impact=suggestion.impact,
        complexity=suggestion.complexity,
        source=suggestion.key,
        description=suggestion.description,
    )


# --- evidence trail ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceItem:
    """One link of a gap's evidence, resolved for display."""

    link: str
    kind: str
    question: str
    """Question reference to jump to in Capture (empty if none)."""
    session: str
    who: str
    """A quote's speaker role ('' for the rest: an answer records no speaker, and the session's
    attendees today need not be who was there when it was recorded)."""
    text: str
    """The question or indicator, or the metric sentence."""
    detail: str
    """The notes, the quote, or the numbers."""


def evidence_trail(
    project: Project, catalogue: Catalogue, gap: Gap, currency: str = ""
) -> list[EvidenceItem]:
    """The gap's evidence, each link resolved to what was asked, said and by whom; a metric's money in
    the client's `currency` (`analysis/currency`)."""
    from workbench.analysis.metrics import metric_sentence

    items = []
    for link in gap.evidence:
        evidence = parse_evidence(link)
        if evidence.kind == "heard":
            heard = next((h for h in project.heard if h.id == evidence.target), None)
            question = catalogue.questions.get(heard.indicator) if heard else None
            items.append(
                EvidenceItem(
                    link,
                    "quote",
                    heard.indicator if heard else "",
                    heard.session if heard else "",
                    heard.speaker_role if heard else "",
                    question.text if question else link,
                    heard.quote if heard else "(missing)",
                )
            )
        elif evidence.kind == "metric":
            metric = project.metric(evidence.target)
            items.append(
                EvidenceItem(
                    link,
                    "metric",
                    metric.template if metric else "",
                    metric.session if metric else "",
                    metric.owner if metric else "",
                    metric_sentence(metric, catalogue, currency) if metric else link,
                    metric.measured_by if metric else "(missing)",
                )
            )
        else:
            question = catalogue.questions.get(evidence.target)
            text = question.text if question else evidence.target
            answers = (
                [a for a in [project.answer(evidence.target, evidence.session)] if a]
                if evidence.kind == "answer"
                else project.answers_to(evidence.target)
            )
            if not answers:
                items.append(EvidenceItem(link, "question", evidence.target, evidence.session, "", text, ""))
            for answer in answers:
                # no 'who' for an answer: the session's attendees as they are now (one added
                # today, say) need not be who said it when it was recorded (#12 walkthrough)
                scores = ""
                if answer.current or answer.target:
                    scores = f"maturity {answer.current or '–'} → {answer.target or '–'}; "
                items.append(
                    EvidenceItem(
                        link,
                        "answer",
                        answer.question,
                        answer.session,
                        "",
                        text,
                        scores + (answer.notes or answer.status),
                    )
                )
    return items
