"""The Project: one engagement, its settings, its records and the operations that change them."""


import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from workbench.model.milestones import Milestone
from workbench.model.named_ids import NamedIdsMemo, ids_named_in
from workbench.model.records import (
    Answer,
    Attendee,
    Dismissal,
    Gap,
    Heard,
    Mapping,
    Metric,
    NextStep,
    PlanItem,
    ProjectRecord,
    ProposalText,
    Session,
)

SCHEMA_VERSION = 1
"""The newest project-file format this program reads and writes."""

__all__ = [
    "SCHEMA_VERSION",
    "Answer",
    "Attendee",
    "Dismissal",
    "Gap",
    "Heard",
    "Mapping",
    "Metric",
    "Milestone",
    "NextStep",
    "PlanItem",
    "Project",
    "ProjectInfo",
    "ProposalText",
    "Session",
    "Settings",
]


RecordT = TypeVar("RecordT", bound=ProjectRecord)


class ProjectInfo(ProjectRecord):
    name: str
    """The engagement's name."""
    client: str = ""
    """The client organisation."""
    facilitator: str = ""
    """Who runs the discovery; the proposal's author."""
    banks: list[str] = Field(default_factory=lambda: ["discovery", "requirements"])
    """Ids of the question banks the engagement uses."""
    created: dt.date | None = None
    """When the project was started."""
    plan_start: dt.date | None = None
    """Monday of the plan's week 0; the created date's week when unset."""


class MatrixSettings(ProjectRecord):
    impact_threshold: int = Field(default=3, ge=1, le=5)
    """Impact at or above this is high."""
    complexity_threshold: int = Field(default=3, ge=1, le=5)
    """Complexity at or above this is high."""


class PriorityWeights(ProjectRecord):
    impact: float = Field(default=3.0, ge=0)
    """Weight of impact in the priority score."""
    complexity: float = Field(default=1.0, ge=0)
    """Weight of (6 − complexity): simpler gaps rank higher."""
    confidence: float = Field(default=1.0, ge=0)
    """Weight of the evidence's confidence (0 to 1 stated → evidenced, scaled to 1–5)."""


class Settings(ProjectRecord):
    matrix: MatrixSettings = Field(default_factory=MatrixSettings)
    """Quadrant thresholds."""
    priority: PriorityWeights = Field(default_factory=PriorityWeights)
    """Weights of the priority formula."""


class Project(BaseModel):
    """One engagement. Operations keep ids unique and references consistent."""

    # defer_build: the validator is built at first use, once for the whole tree, not per class at
    # import: start-up of every command (bench_timeline, bench_store).
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)
    _answer_positions: dict[tuple[str, str], int] = PrivateAttr(default_factory=dict)
    _named_ids: NamedIdsMemo = PrivateAttr(default_factory=NamedIdsMemo)

    schema_version: int = SCHEMA_VERSION
    """Format version of the file."""
    retired_ids: list[str] = Field(default_factory=list)
    """Ids of deleted records (a gap, a heard quote, a metric, a plan item, any record with an id),
    never given out again: "G-004" in an email, a diff or a follow-up keeps meaning the gap that
    was deleted. Deleting a record adds its id; undoing the delete takes it off again."""
    project: ProjectInfo
    """Who and what the engagement is."""
    settings: Settings = Field(default_factory=Settings)
    """Matrix thresholds and priority weights."""
    sessions: list[Session] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    heard: list[Heard] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    mappings: list[Mapping] = Field(default_factory=list)
    dismissed: list[Dismissal] = Field(default_factory=list)
    pilots: list[PlanItem] = Field(default_factory=list)
    next_steps: list[NextStep] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    """Named, dated records of where the engagement stood, oldest first."""

    @model_validator(mode="after")
    def _unique_ids(self) -> "Project":
        for name in ("sessions", "heard", "metrics", "gaps", "pilots", "next_steps"):
            seen: set[str] = set()
            for index, record in enumerate(getattr(self, name)):
                if record.id in seen:
                    raise ValueError(
                        f'{name}[{index}].id: "{record.id}" is used twice; give each record its own id'
                    )
                seen.add(record.id)
        keys: set[tuple[str, str]] = set()
        for index, answer in enumerate(self.answers):
            if answer.key in keys:
                raise ValueError(
                    f'answers[{index}].question: answers "{answer.question}" in session "{answer.session}" '
                    "a second time; keep one of the two answers and remove the other [[answers]] record"
                )
            keys.add(answer.key)
        names: dict[str, str] = {}
        for index, milestone in enumerate(self.milestones):
            earlier = names.get(milestone.name.casefold())
            if earlier == milestone.name:
                raise ValueError(
                    f'milestones[{index}].name: "{milestone.name}" is used twice; give each its own name'
                )
            if earlier is not None:
                raise ValueError(
                    f'milestones[{index}].name: "{milestone.name}" differs from "{earlier}" only in case, '
                    "and names are told apart without their case; give each its own name"
                )
            names[milestone.name.casefold()] = milestone.name
        return self

    # --- look-ups -----------------------------------------------------------------

    def session(self, session_id: str) -> Session | None:
        """The session with this id."""
        return next((s for s in self.sessions if s.id == session_id), None)

    def answer(self, question: str, session: str) -> Answer | None:
        """The answer to a question in a session.

        Answers are found by their remembered position in the list (analyses look answers up
        thousands of times on a large project), checked before use: a list that changed is
        searched, and its positions taken again."""
        answers = self.answers
        position = self._answer_positions.get((question, session))
        if position is not None and position < len(answers):
            remembered = answers[position]
            if remembered.question == question and remembered.session == session:
                return remembered
        found = next((a for a in answers if a.question == question and a.session == session), None)
        if found is not None:
            self._answer_positions = {a.key: index for index, a in enumerate(answers)}
        return found

    def answers_to(self, question: str) -> list[Answer]:
        """Every session's answer to a question."""
        return [a for a in self.answers if a.question == question]

    def gap(self, gap_id: str) -> Gap | None:
        """The gap with this id."""
        return next((g for g in self.gaps if g.id == gap_id), None)

    def metric(self, metric_id: str) -> Metric | None:
        """The metric with this id."""
        return next((m for m in self.metrics if m.id == metric_id), None)

    def metric_from(self, template: str) -> Metric | None:
        """The metric defined from a bank's success-metric template (one per template)."""
        return next((m for m in self.metrics if m.template == template), None)

    def pilot(self, item_id: str) -> PlanItem | None:
        """The plan item with this id."""
        return next((p for p in self.pilots if p.id == item_id), None)

    def heard_in(self, indicator: str, session: str) -> list[Heard]:
        """Times an indicator was heard in a session."""
        return [h for h in self.heard if h.indicator == indicator and h.session == session]

    def mapping(self, gap: str, practice: str) -> Mapping | None:
        """The decision on a gap–practice pair."""
        return next((m for m in self.mappings if m.gap == gap and m.practice == practice), None)

    def is_dismissed(self, suggestion: str) -> bool:
        """Whether a gap suggestion was dismissed."""
        return any(d.suggestion == suggestion for d in self.dismissed)

    # --- operations -----------------------------------------------------------------

    def add_session(
        self,
        template: str = "",
        date: dt.date | None = None,
        attendees: Iterable[Attendee] = (),
        title: str = "",
        minutes: int | None = None,
    ) -> Session:
        """Start a discovery session with a fresh id derived from its template."""
        session = self.noted(self.new_session(template, date, attendees, title, minutes))
        self.sessions.append(session)
        return session

    def new_session(
        self,
        template: str = "",
        date: dt.date | None = None,
        attendees: Iterable[Attendee] = (),
        title: str = "",
        minutes: int | None = None,
    ) -> Session:
        """A session with a fresh id derived from its template (not yet added)."""
        prefix = template.split("-")[0] if template else "session"
        return Session(
            id=next_id(prefix + "-", [*(s.id for s in self.sessions), *self.retired_ids], width=1),
            **given(template=template, title=title, date=date, attendees=list(attendees), minutes=minutes),
        )

    def set_answer(self, question: str, session: str, **changes: Any) -> Answer:
        """Create or update the answer to a question in a session."""
        if self.session(session) is None:
            raise KeyError(f"there is no session {session!r}")
        answer = self.answer(question, session)
        self.note_named(changes)
        if answer is None:
            answer = Answer(question=question, session=session, **changes)
            self.answers.append(answer)
            return answer
        for name, value in changes.items():
            setattr(answer, name, value)
        return answer

    def hear(self, indicator: str, session: str, quote: str = "", speaker_role: str = "") -> Heard:
        """Record that a pain indicator was heard."""
        heard = self.noted(self.new_heard(indicator, session, quote, speaker_role))
        self.heard.append(heard)
        return heard

    def new_heard(self, indicator: str, session: str, quote: str = "", speaker_role: str = "") -> Heard:
        """A heard indicator with a fresh id (not yet added)."""
        return Heard(
            id=self.fresh_id("H-", (h.id for h in self.heard), session),
            indicator=indicator,
            session=session,
            **given(quote=quote, speaker_role=speaker_role),
        )

    def unhear(self, heard_id: str) -> None:
        """Forget a heard indicator, and drop it from gap evidence."""
        self.heard = [h for h in self.heard if h.id != heard_id]
        link = f"heard:{heard_id}"
        for gap in self.gaps:
            if link in gap.evidence:
                gap.evidence = [e for e in gap.evidence if e != link]

    def add_metric(self, template: str = "", text: str = "", **fields: Any) -> Metric:
        """Define a success metric from a bank template or free-form."""
        metric = self.noted(self.new_metric(template, text, **fields))
        self.metrics.append(metric)
        return metric

    def new_metric(self, template: str = "", text: str = "", **fields: Any) -> Metric:
        """A success metric with a fresh id (not yet added)."""
        return Metric(
            id=self.fresh_id("M-", (m.id for m in self.metrics), str(fields.get("session") or "")),
            **given(template=template, text=text, **fields),
        )

    def raise_gap(
        self, title: str, area: str = "", evidence: Iterable[str] = (), session: str = "", **fields: Any
    ) -> Gap:
        """Raise a gap with a fresh id (tagged with the session it was raised in, if any)."""
        gap = self.noted(self.new_gap(title, area, evidence, session, **fields))
        self.gaps.append(gap)
        return gap

    def new_gap(
        self, title: str, area: str = "", evidence: Iterable[str] = (), session: str = "", **fields: Any
    ) -> Gap:
        """A gap with a fresh id and no repeated evidence (not yet added); `session` is the
        discovery session it is raised in, which tags the id (see `fresh_id`)."""
        return Gap(
            id=self.fresh_id("G-", (g.id for g in self.gaps), session),
            title=title,
            **given(area=area, evidence=list(dict.fromkeys(evidence)), **fields),
        )

    def move_gap(self, gap_id: str, impact_delta: int = 0, complexity_delta: int = 0) -> Gap:
        """Shift a gap on the matrix, clamped to 1–5."""
        gap = self.gap(gap_id)
        if gap is None:
            raise KeyError(f"there is no gap {gap_id!r}")
        gap.impact = min(5, max(1, gap.impact + impact_delta))
        gap.complexity = min(5, max(1, gap.complexity + complexity_delta))
        return gap

    def remove_gap(self, gap_id: str) -> None:
        """Delete a gap and the mappings and plan links that point at it."""
        self.gaps = [g for g in self.gaps if g.id != gap_id]
        self.mappings = [m for m in self.mappings if m.gap != gap_id]
        for item in self.pilots:
            if gap_id in item.gaps:
                item.gaps = [g for g in item.gaps if g != gap_id]

    def dismiss(self, suggestion: str, reason: str = "") -> None:
        """Remember that a gap suggestion was dismissed."""
        if not self.is_dismissed(suggestion):
            self.dismissed.append(self.noted(Dismissal(suggestion=suggestion, **given(reason=reason))))

    def decide_mapping(self, gap: str, practice: str, status: str, rationale: str | None = None) -> Mapping:
        """Accept or reject a practice for a gap; the rationale is kept unless replaced."""
        mapping = self.mapping(gap, practice)
        self.note_named(rationale)
        if mapping is None:
            mapping = Mapping(gap=gap, practice=practice, status=status, **given(rationale=rationale))
            self.mappings.append(mapping)
        else:
            mapping.status = status  # type: ignore[assignment]
            if rationale is not None:
                mapping.rationale = rationale
        return mapping

    def undo_mapping(self, gap: str, practice: str) -> None:
        """Forget a decision on a gap–practice pair."""
        self.mappings = [m for m in self.mappings if m.key != (gap, practice)]

    def accepted_by_gap(self) -> dict[str, list[str]]:
        """Practice ids accepted per gap, in decision order, for every gap in one pass."""
        accepted: dict[str, list[str]] = {}
        for m in self.mappings:
            if m.status == "accepted":
                accepted.setdefault(m.gap, []).append(m.practice)
        return accepted

    def accepted_practices(self, gap: str) -> list[str]:
        """Practice ids accepted for a gap, in decision order."""
        return self.accepted_by_gap().get(gap, [])

    def add_plan_item(self, title: str, kind: str = "pilot", **fields: Any) -> PlanItem:
        """Add a pilot, deep-dive or milestone with a fresh id."""
        item = self.noted(self.new_plan_item(title, kind, **fields))
        self.pilots.append(item)
        return item

    def new_plan_item(self, title: str, kind: str = "pilot", **fields: Any) -> PlanItem:
        """A pilot, deep-dive or milestone with a fresh id (not yet added)."""
        prefix = {"pilot": "P-", "deep-dive": "D-", "milestone": "MS-"}.get(kind, "P-")
        return PlanItem(
            id=next_id(prefix, [*(p.id for p in self.pilots), *self.taken_ids()], width=1),
            title=title,
            **given(kind=None if kind == "pilot" else kind, **fields),
        )

    def remove_plan_item(self, item_id: str) -> None:
        """Delete a plan item and every dependency on it."""
        self.pilots = [p for p in self.pilots if p.id != item_id]
        for item in self.pilots:
            if item_id in item.depends_on:
                item.depends_on = [d for d in item.depends_on if d != item_id]

    def add_next_step(self, text: str, step: str = "", **fields: Any) -> NextStep:
        """Add a next step with a fresh id."""
        next_step = self.noted(self.new_next_step(text, step, **fields))
        self.next_steps.append(next_step)
        return next_step

    def new_next_step(self, text: str, step: str = "", **fields: Any) -> NextStep:
        """A next step with a fresh id (not yet added)."""
        return NextStep(
            id=next_id("N-", [*(n.id for n in self.next_steps), *self.taken_ids()], width=1),
            text=text,
            **given(step=step, **fields),
        )

    def next_step(self, step_id: str) -> NextStep | None:
        """The next step with this id."""
        return next((n for n in self.next_steps if n.id == step_id), None)

    def fresh_id(self, prefix: str, existing: Iterable[str], session: str = "") -> str:
        """A new record's id. Records captured in a discovery session carry the session's tag
        (`G-d1-01` for a gap raised in `data-1`), so two people capturing different sessions in
        parallel do not pick the same id; without a session, the next number (`G-011`)."""
        tag = self.session_tags().get(session, "")
        existing = [*existing, *self.taken_ids()]
        return next_id(f"{prefix}{tag}-", existing, width=2) if tag else next_id(prefix, existing)

    def named_ids(self) -> set[str]:
        """Every record id the project names anywhere, not only its records' own: a gap merged
        away lives on in "Merged from G-m1-03", a milestone's snapshot, a plan item's or next
        step's words. A new id goes past all of them, so an id is never given out twice in a
        project (old text, exports and a colleague's copy in a merge still name the first one).

        The whole project is read once, for the first new id (tens of milliseconds on 3,000
        answers); from then on what is put in is added as it comes (`note_named`: every edit's
        changes and this class's operations), so a new id costs microseconds. Ids named at any
        time since count: text typed and deleted again, a record made and undone."""
        memo = self._named_ids
        if memo.ids is None:
            memo.ids = ids_named_in(self)
        return memo.ids

    def taken_ids(self) -> list[str]:
        """Ids no new record may take besides the records' own: every id named anywhere, and
        every retired one."""
        return [*self.named_ids(), *self.retired_ids]

    def retire_id(self, record_id: str) -> bool:
        """Never give this id out again (its record was deleted); False when it was retired."""
        if record_id in self.retired_ids:
            return False
        self.retired_ids.append(record_id)
        return True

    def unretire_id(self, record_id: str) -> None:
        """The id is in use again (its delete was undone)."""
        if record_id in self.retired_ids:
            self.retired_ids = [i for i in self.retired_ids if i != record_id]

    def note_named(self, value: object) -> None:
        """What is being put into the project (a record, fields' new values, an edit's changes)
        names these ids too: every change that is not an edit calls it (edits do, in `Changes`)."""
        memo = self._named_ids
        if memo.ids is not None and value:
            memo.ids |= ids_named_in(value)

    def noted(self, record: "RecordT") -> "RecordT":
        """The record, its ids noted as named (`note_named`): a new record about to go in."""
        self.note_named(record)
        return record

    def session_tags(self) -> dict[str, str]:
        """Each session's tag for new ids, stable once used: a session whose quotes or metrics
        carry a tag keeps it (the first one's), even where another session's records carry it
        too (a session the merge driver renumbered, `executive-2` → `executive-3`, keeps the
        `e2` of its quotes `H-e2-02`…; numbers stay unique across both); the others, in order,
        take their initials and number (`d1`), lengthened where another session has them or
        records carry them (`data-1` → `d1`, then `delivery-1` → `de1`)."""
        owner: dict[str, str] = {}  # a tag used in a quote's or metric's id → the session it names
        tags: dict[str, str] = {}
        captured = [(h.id, h.session) for h in self.heard] + [(m.id, m.session) for m in self.metrics]
        for record_id, named in captured:
            tag = id_tag(record_id)
            if tag and named:
                owner.setdefault(tag, named)
                if tag_candidates(named):
                    tags.setdefault(named, tag)
        for session in self.sessions:
            if session.id in tags:
                continue
            taken = set(tags.values()) | {t for t, owned_by in owner.items() if owned_by != session.id}
            tags[session.id] = next((t for t in tag_candidates(session.id) if t not in taken), "")
        return {s.id: tags[s.id] for s in self.sessions if tags.get(s.id)}

    proposal: ProposalText = Field(default_factory=ProposalText)
    """The proposal's prose and frame; empty texts are drafted from the data at export."""


def session_tag(session_id: str) -> str:
    """A session's tag when no other session has it: the initials of its words and its number
    (`executive-1` → `e1`, `data-science-2` → `ds2`); empty when there is nothing to take."""
    candidates = tag_candidates(session_id)
    return candidates[0] if candidates else ""


TAGGED_ID = re.compile(r"^[A-Za-z]+-([a-z][a-z0-9]*)-\d+$")
"""A record id with a session's tag: `H-d1-01`."""


def id_tag(record_id: str) -> str:
    """The session tag in a record's id (`H-d1-01` → `d1`); empty when it has none."""
    found = TAGGED_ID.match(record_id)
    return found.group(1) if found else ""


def tag_candidates(session_id: str) -> list[str]:
    """The tags a session may take, shortest first: its initials and number (`d1`), then more of
    its first word (`da1`, `dat1`…), then a letter more (`d1b`, `d1c`…); none without letters."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", session_id)]
    if not words:
        return []
    number = "".join(re.findall(r"\d+", session_id))
    rest = "".join(w[0] for w in words[1:])
    longer = [words[0][:n] + rest + number for n in range(1, len(words[0]) + 1)]
    base = longer[0]
    return list(dict.fromkeys([*longer, *(base + chr(c) for c in range(ord("b"), ord("z") + 1))]))


def given(**fields: Any) -> dict[str, Any]:
    """The fields that carry a value, so new records don't write empty keys to the file."""
    return {k: v for k, v in fields.items() if v not in ("", None, [], ())}


def next_id(prefix: str, existing: Iterable[str], width: int = 3) -> str:
    """The next free `prefix` + number id, one past the highest in use."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)$")
    highest = 0
    for record_id in existing:
        match = pattern.match(record_id)
        if match:
            highest = max(highest, int(match.group(1)))
    return f"{prefix}{highest + 1:0{width}d}"
