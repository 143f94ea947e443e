"""Follow-ups: answers to chase, open questions and next steps, each with an owner, a due date and a state.

An answer marked for follow-up is open until it is answered; it stays on the list as done while
it names whom it was followed up with. A skipped question is an open question. Next steps are
ticked off. The edits that close, reopen and assign them are in `workbench.edits.followups`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from workbench.model.catalogue import Catalogue
from workbench.model.project import Project

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


def known_people(project: Project) -> list[str]:
    """The people an engagement knows, to offer as whom to follow up with: each session's
    attendees as `Name (Role)`, then the facilitator and anyone named as an owner or followed up
    with (metrics, gaps, plan items, next steps, answers) who is not an attendee, A–Z."""
    people: dict[str, str] = {}
    for session in project.sessions:
        for attendee in session.attendees:
            label = f"{attendee.name} ({attendee.role})" if attendee.role else attendee.name
            people.setdefault(_name_of(label), label)
    others = [
        project.project.facilitator,
        *(a.follow_up_with for a in project.answers),
        *(r.owner for records in (project.metrics, project.gaps, project.pilots, project.next_steps)
          for r in records),
    ]
    for label in sorted({o.strip() for o in others if o.strip()}, key=str.casefold):
        people.setdefault(_name_of(label), label)
    return list(people.values())


def _name_of(label: str) -> str:
    """`Mei Chen (Platform engineer)` → `mei chen`: who it is, whatever role is written."""
    return label.split(" (", 1)[0].strip().casefold()


def by_person(items: list[FollowUp]) -> list[tuple[str, list[FollowUp]]]:
    """Items grouped by person (named people A–Z, then Unassigned); open first, soonest due first.
    `Mei Chen` and `Mei Chen (Platform engineer)` are one person, headed with the role."""
    groups: dict[str, list[FollowUp]] = {}
    headings: dict[str, str] = {}
    for item in items:
        who = _name_of(item.owner) if item.owner.strip() else ""
        groups.setdefault(who, []).append(item)
        heading = headings.get(who)
        if heading is None or (" (" in item.person and " (" not in heading):
            headings[who] = item.person
    people = sorted((p for p in groups if p), key=lambda p: headings[p].casefold())
    if "" in groups:
        people.append("")
    return [(headings[p], sorted(groups[p], key=lambda i: (i.done, i.due or dt.date.max))) for p in people]


def parse_key(key: str) -> tuple[str, str, str]:
    """("step", step id, "") or ("answer", question, session); ValueError for anything else."""
    kind, _, ref = key.partition(":")
    if kind == "step" and ref:
        return kind, ref, ""
    question, _, session = ref.rpartition("@")
    if kind == "answer" and question and session:
        return kind, question, session
    raise ValueError(f"{key!r} is not a follow-up")
