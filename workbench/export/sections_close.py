"""The proposal's close: investment and team, risks, next steps, decision and sign-off, appendix."""

from __future__ import annotations

import datetime as dt

from workbench.export.blocks import Block, Bullets, Heading, PageBreak, Paragraph, Table
from workbench.export.context import ProposalContext
from workbench.export.figures import decided_on
from workbench.export.narrative import people_weeks, prose, text_for
from workbench.export.wording import count, day, sentence
from workbench.model.records import Attendee

SIGNING_ROW_MM = 15
"""The sign-off table's rows: room for a handwritten signature."""


def investment(ctx: ProposalContext) -> list[Block]:
    """Effort per plan item from practice and pilot sizes, in people-weeks, with the skills."""
    blocks: list[Block] = [Heading("Investment and team", 1), *prose(text_for(ctx, "investment"))]
    items = ctx.work_items()
    if not items:
        return blocks
    rows = []
    for item in items:
        effort = ctx.effort(item)
        rows.append(
            [
                ctx.named(item.id, item.title),
                count(item.weeks, "week"),
                count(effort.people, "person"),
                count(effort.people_weeks, "people-week"),
                ", ".join(effort.skills),
            ]
        )
    rows.append(["Total", "", "", count(people_weeks(ctx), "people-week"), ""])
    blocks.append(Table(["Item", "Length", "Team", "Effort", "Skills"], rows))
    return blocks


def risks(ctx: ProposalContext) -> list[Block]:
    """Assumptions and risks."""
    return [Heading("Assumptions and risks", 1), *prose(text_for(ctx, "risks"))]


def sponsor(ctx: ProposalContext) -> Attendee | None:
    """Who decides for the client: the first attendee of an executive session, else the first one."""
    sessions = sorted(ctx.project.sessions, key=lambda s: "exec" not in s.template)
    return next((a for s in sessions for a in s.attendees), None)


def _when(ctx: ProposalContext, due: dt.date | None) -> str:
    """A step's date; one already past (still open) is due now, not on a date the reader has passed."""
    if due is None:
        return "To agree"
    return day(due) if due >= ctx.today else "As soon as possible"


def next_steps(ctx: ProposalContext) -> list[Block]:
    """Every open step a person wrote (tied to the framework or not), with its owner and date, leading
    to the decision; steps dated after the decision (it comes before work starts) follow it."""
    decided = ctx.decision_date()
    steps = [s for s in ctx.project.next_steps if not s.done]
    after = [s for s in steps if s.due is not None and s.due > decided]
    rows = [
        [ctx.r(step.text), ctx.r.person(step.owner), _when(ctx, step.due)]
        for step in sorted((s for s in steps if s not in after), key=lambda s: (s.due or dt.date.max, s.id))
    ]
    if not rows:
        rows.append(
            [
                "Review this proposal together",
                ctx.firm or "Consultant",
                day(min(ctx.today + dt.timedelta(days=7), ctx.decision_date())),
            ]
        )
    person = sponsor(ctx)
    decider = ctx.r.person(person.name, "Client sponsor") if person else "Client sponsor"
    # The date the consultant's own Decision text asks for, when it names one: the table agrees with it.
    rows.append(["Decision: approve the plan and name a sponsor", decider, day(decided_on(ctx) or decided)])
    for step in sorted(after, key=lambda s: (s.due, s.id)):
        rows.append([ctx.r(step.text), ctx.r.person(step.owner), _when(ctx, step.due)])
    return [Heading("Next steps", 1), Table(["Action", "Owner", "Date"], rows)]


def decision(ctx: ProposalContext) -> list[Block]:
    """The decision requested, and a sign-off table."""
    person = sponsor(ctx)
    client_name = "" if person is None or ctx.options.redact else person.name
    client_role = person.role if person is not None and not ctx.options.redact else "Client sponsor"
    firm_name = "" if ctx.options.redact else ctx.project.project.facilitator
    rows = [
        [client_name, client_role, "", ""],
        [firm_name, f"For {ctx.firm}" if ctx.firm else "Consultant", "", ""],
    ]
    return [
        Heading("Decision and sign-off", 1),
        *prose(text_for(ctx, "decision")),
        Table(["Name", "Role", "Signature", "Date"], rows, row_height=SIGNING_ROW_MM),
    ]


def appendix(ctx: ProposalContext) -> list[Block]:
    """What was said, session by session and theme by theme: answered questions' notes a client may
    read (headed by the workbench's area titles, not the question banks' wording)."""
    blocks: list[Block] = [PageBreak(), Heading("Appendix: what we heard", 1)]
    for session in ctx.project.sessions:
        heard: dict[str, list[str]] = {}
        for a in ctx.project.answers:
            question = ctx.catalogue.questions.get(a.question)
            if a.session != session.id or a.status != "answered" or question is None:
                continue
            notes = ctx.r(ctx.readable(a.notes))
            if notes:
                heard.setdefault(question.area, []).append(notes)
        if not heard:
            continue
        template = ctx.catalogue.templates.get(session.template)
        title = ctx.r(session.title) or (template.title if template else "Discovery session")
        blocks.append(Heading(f"{title}, {day(session.date)}" if session.date else title, 2))
        for area in sorted(
            heard,
            key=lambda area: list(ctx.catalogue.areas).index(area) if area in ctx.catalogue.areas else 0,
        ):
            blocks.append(Paragraph(ctx.catalogue.client_area_title(area), "strong"))
            blocks.append(Bullets(heard[area]))
    return blocks


def code_patterns(ctx: ProposalContext) -> list[Block]:
    """The code patterns the recommendations refer to, numbered as they are there: code is for the
    engineers who take the work on, and would break the argument of the body."""
    if not ctx.patterns:
        return []
    blocks: list[Block] = [
        PageBreak(),
        Heading("Appendix: code patterns", 1),
        Paragraph(
            "Starting points for the engineers who take on the recommendations, one for each practice "
            "that has one. They are examples to adapt, not finished code: names, figures and dates "
            "illustrate."
        ),
    ]
    for number, (practice_id, gaps) in enumerate(ctx.patterns.items(), start=1):
        practice = ctx.catalogue.practices[practice_id]
        blocks.append(Paragraph(f"Pattern {number}. {practice.title}", "strong"))
        blocks.append(Paragraph(sentence(f"For: {'; '.join(gaps)}"), "small"))
        blocks.append(
            Paragraph(
                ctx.guide_text(practice.pattern.strip("\n"), code=True), "code", practice.pattern_language
            )
        )
    return blocks
