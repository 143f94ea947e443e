"""Follow-ups: answers to chase, open questions and next steps, each with an owner, a due date and a state.

An answer marked for follow-up is open until it is answered; it stays on the list as done while
it names whom it was followed up with. A skipped question is an open question. Next steps are
ticked off. Closing an answer's follow-up records the answer on that question in its session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import Answer, NextStep

FollowUpKind = Literal["follow-up", "open-question", "next-step"]
UNASSIGNED = "Unassigned"
"""The person heading items that name nobody."""

KIND_LABELS: dict[str, str] = {
    "follow-up": "Follow up",
    "open-question": "Open question",
    "next-step": "Next step",
}


@dataclass(frozen=True)
class FollowUp:
    """One thing to chase."""

    key: str
    """`answer:QUESTION@SESSION` or `step:N-1`: what closing it changes."""
    kind: FollowUpKind
    owner: str
    """Whom to ask, or who does it; empty when nobody was named."""
    due: dt.date | None
    done: bool
    subject: str
    """The question's text, or the next step's."""
    note: str
    """What was noted so far."""
    area: str = ""
    """The question's area title."""
    session: str = ""
    """Session the question was asked in."""

    @property
    def person(self) -> str:
        """The heading it goes under."""
        return self.owner or UNASSIGNED

    def overdue(self, today: dt.date) -> bool:
        """Open and past its due date."""
        return not self.done and self.due is not None and self.due < today


def answer_key(question: str, session: str) -> str:
    """The follow-up key of an answer."""
    return f"answer:{question}@{session}"


def follow_ups(project: Project, catalogue: Catalogue) -> list[FollowUp]:
    """Every follow-up of the project: answers, then next steps, in file order."""
    items: list[FollowUp] = []
    for answer in project.answers:
        if answer.status == "follow-up":
            kind: FollowUpKind = "follow-up"
        elif answer.status == "skipped":
            kind = "open-question"
        elif answer.follow_up_with:
            kind = "follow-up"  # followed up and answered: done
        else:
            continue
        question = catalogue.questions.get(answer.question)
        items.append(
            FollowUp(
                key=answer_key(answer.question, answer.session),
                kind=kind,
                owner=answer.follow_up_with,
                due=answer.follow_up_due,
                done=answer.status not in ("follow-up", "skipped"),
                subject=question.text if question else answer.question,
                note=answer.notes,
                area=catalogue.area_title(question.area) if question else "",
                session=answer.session,
            )
        )
    for step in project.next_steps:
        items.append(
            FollowUp(
                key=f"step:{step.id}",
                kind="next-step",
                owner=step.owner,
                due=step.due,
                done=step.done,
                subject=step.text,
                note="",
            )
        )
    return items


def by_person(items: list[FollowUp]) -> list[tuple[str, list[FollowUp]]]:
    """Items grouped by person (named people A–Z, then Unassigned); open first, soonest due first."""
    groups: dict[str, list[FollowUp]] = {}
    for item in items:
        groups.setdefault(item.person, []).append(item)
    people = sorted((p for p in groups if p != UNASSIGNED), key=str.casefold)
    if UNASSIGNED in groups:
        people.append(UNASSIGNED)
    return [(p, sorted(groups[p], key=lambda i: (i.done, i.due or dt.date.max))) for p in people]


def _record(project: Project, key: str) -> Answer | NextStep:
    kind, _, ref = key.partition(":")
    found: Answer | NextStep | None = None
    if kind == "step":
        found = next((s for s in project.next_steps if s.id == ref), None)
    elif kind == "answer":
        question, _, session = ref.rpartition("@")
        found = project.answer(question, session)
    if found is None:
        raise KeyError(f"there is no follow-up {key!r}")
    return found


def _set(record: Answer | NextStep, **changes: object) -> None:
    """Set only what changes, so untouched keys are not written to the file."""
    for name, value in changes.items():
        if getattr(record, name) != value:
            setattr(record, name, value)


def close_follow_up(project: Project, key: str, answer: str | None = None) -> None:
    """Mark an item done. For a question, record `answer` (when given) as its notes and mark it answered."""
    record = _record(project, key)
    if isinstance(record, NextStep):
        _set(record, done=True)
    elif answer is None:
        _set(record, status="answered")
    else:
        _set(record, status="answered", notes=answer)


def reopen_follow_up(project: Project, key: str) -> None:
    """Put a done item back on the list: a next step unticked, an answer marked for follow-up again."""
    record = _record(project, key)
    if isinstance(record, NextStep):
        _set(record, done=False)
    else:
        _set(record, status="follow-up")


def assign_follow_up(project: Project, key: str, owner: str, due: dt.date | None) -> None:
    """Set whom to ask (or who does it) and by when."""
    record = _record(project, key)
    if isinstance(record, NextStep):
        _set(record, owner=owner, due=due)
    else:
        _set(record, follow_up_with=owner, follow_up_due=due)
