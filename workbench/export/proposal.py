"""The next-step proposal as blocks, following the discovery guide's follow-up framework."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from workbench.analysis.gaps import (
    QUADRANT_TITLES,
    gap_quadrant,
    matrix_cells,
    quadrant,
    ranked_gaps,
)
from workbench.analysis.mapping import response_class
from workbench.analysis.maturity import area_maturity
from workbench.analysis.metrics import metric_sentence, number
from workbench.analysis.plan import PlanCycle, Schedule, schedule, week_date
from workbench.export.blocks import Block, Bullets, Heading, PageBreak, Paragraph, Table
from workbench.export.progress_section import progress_section
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project

SECTIONS = (
    "summary",
    "progress",
    "sessions",
    "current-state",
    "pain-points",
    "gaps",
    "mapping",
    "metrics",
    "plan",
    "next-steps",
    "appendix",
)
"""Sections a proposal can include, in order (the title page is always there)."""

QUADRANT_FILLS = {"quick-win": "C6EFCE", "strategic": "BDD7EE", "fill-in": "EDEDED", "deprioritise": "F8CBAD"}
BAR_FILL, CRITICAL_FILL, SLACK_FILL, MILESTONE_FILL = "5B9BD5", "C00000", "DDEBF7", "FFC000"
MAX_GANTT_COLUMNS = 26
MATRIX_CAPTION = "Green: quick wins · blue: strategic initiatives · grey: fill-ins · orange: deprioritise."
GANTT_CAPTION = (
    "Columns are plan weeks ({step} week(s) each). "
    "Red: critical path · blue: other work · pale: slack · ◆ milestone."
)


@dataclass
class ProposalOptions:
    """What goes into the proposal."""

    sections: tuple[str, ...] = SECTIONS
    redact: bool = False
    today: dt.date = field(default_factory=dt.date.today)


class Redactor:
    """Replaces the client's and people's names; quotes are dropped by the caller."""

    def __init__(self, project: Project, enabled: bool) -> None:
        self.enabled = enabled
        self.replacements: list[tuple[re.Pattern[str], str]] = []
        if not enabled:
            return
        names: dict[str, str] = {}
        info = project.project
        if info.client:
            names[info.client] = "the client"
        if info.facilitator:
            names[info.facilitator] = "the facilitator"
        for session in project.sessions:
            for attendee in session.attendees:
                names.setdefault(attendee.name, attendee.role or "an attendee")
        people = [g.owner for g in project.gaps] + [p.owner for p in project.pilots]
        people += [m.owner for m in project.metrics] + [n.owner for n in project.next_steps]
        for person in people:
            if person and person not in names:
                names[person] = "an owner"
        for name, role in list(names.items()):
            first = name.split()[0] if " " in name else ""
            if first and len(first) >= 3 and first not in names:
                names[first] = role
        for name in sorted(names, key=len, reverse=True):
            pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
            self.replacements.append((pattern, names[name]))

    def __call__(self, text: str) -> str:
        for pattern, replacement in self.replacements:
            text = pattern.sub(replacement, text)
        return text


def build_proposal(project: Project, catalogue: Catalogue, options: ProposalOptions) -> list[Block]:
    """Every block of the proposal, in order."""
    r = Redactor(project, options.redact)
    try:
        plan: Schedule | None = schedule(project)
    except PlanCycle:
        plan = None
    blocks: list[Block] = _title_page(project, options, r)
    builders: dict[str, Callable[[], list[Block]]] = {
        "summary": lambda: _summary(project, catalogue, plan, r),
        "progress": lambda: progress_section(project, catalogue, options.today, r),
        "sessions": lambda: _sessions(project, catalogue, r),
        "current-state": lambda: _current_state(project, catalogue, r),
        "pain-points": lambda: _pain_points(project, catalogue, options.redact, r),
        "gaps": lambda: _gaps(project, catalogue, r),
        "mapping": lambda: _mapping(project, catalogue, r),
        "metrics": lambda: _metrics(project, catalogue, r),
        "plan": lambda: _plan(project, catalogue, plan, options.today, r),
        "next-steps": lambda: _next_steps(project, catalogue, r),
        "appendix": lambda: _appendix(project, catalogue, r),
    }
    for section in SECTIONS:
        if section in options.sections:
            blocks.extend(builders[section]())
    return blocks


def _title_page(project: Project, options: ProposalOptions, r: Redactor) -> list[Block]:
    info = project.project
    client = r(info.client) if info.client else "the client"
    return [
        Heading("MLOps discovery: next-step proposal", 0),
        Paragraph(f"Prepared for {client}" if not options.redact else "Prepared for the client"),
        Paragraph(r(info.name)),
        Paragraph(f"Date: {options.today:%d %B %Y}"),
        Paragraph(f"Facilitator: {r(info.facilitator) if info.facilitator else '—'}"),
        PageBreak(),
    ]


def _summary(project: Project, catalogue: Catalogue, plan: Schedule | None, r: Redactor) -> list[Block]:
    ranked = ranked_gaps(project)
    quick = [g for g, _ in ranked if response_class(project, g) == "Quick win"]
    pilots = [p for p in project.pilots if p.kind == "pilot"]
    answered = sum(1 for a in project.answers if a.status == "answered")
    intro = (
        f"We held {len(project.sessions)} discovery session(s), captured {answered} answers and "
        f"{len(project.heard)} pain point(s) heard first-hand, and identified {len(project.gaps)} gap(s)."
    )
    if plan is not None and plan.items:
        intro += f" The proposed plan runs {plan.end_week} weeks with {len(pilots)} pilot(s)."
    blocks: list[Block] = [Heading("Executive summary", 1), Paragraph(intro), Heading("Top gaps", 2)]
    blocks.append(
        Bullets(
            [
                f"{g.id} {r(g.title)} (impact {g.impact}, complexity {g.complexity}, priority {p:.0f})"
                for g, p in ranked[:5]
            ]
            or ["No gaps identified yet."]
        )
    )
    blocks += [
        Heading("Quick wins", 2),
        Bullets([f"{g.id} {r(g.title)}" for g in quick] or ["None identified."]),
    ]
    blocks.append(Heading("Proposed pilots", 2))
    blocks.append(
        Bullets([f"{p.id} {r(p.title)} ({p.weeks} weeks)" for p in pilots] or ["No pilots proposed yet."])
    )
    blocks.append(Heading("Headline metrics", 2))
    blocks.append(
        Bullets(
            [r(metric_sentence(m, catalogue)) for m in project.metrics[:6]]
            or ["No success metrics defined yet."]
        )
    )
    return blocks


def _roles(project: Project, session_id: str, r: Redactor) -> str:
    session = project.session(session_id)
    if session is None:
        return ""
    return ", ".join(a.role or r(a.name) for a in session.attendees)


def _sessions(project: Project, catalogue: Catalogue, r: Redactor) -> list[Block]:
    rows = []
    for session in project.sessions:
        template = catalogue.templates.get(session.template)
        minutes = f"{session.elapsed_seconds // 60} min" if session.elapsed_seconds else ""
        rows.append(
            [
                r(session.title or (template.title if template else "Blank session")),
                template.focus if template else "",
                session.date.isoformat() if session.date else "",
                _roles(project, session.id, r),
                minutes,
            ]
        )
    return [
        Heading("Discovery sessions held", 1),
        Table(["Session", "Focus", "Date", "Attendees (roles)", "Duration"], rows)
        if rows
        else Paragraph("No sessions held yet."),
    ]


def _current_state(project: Project, catalogue: Catalogue, r: Redactor) -> list[Block]:
    rows = area_maturity(project, catalogue)
    table = Table(
        ["Area", "Current", "Target", "Gap", "Scored answers"],
        [
            [
                row.title,
                f"{row.current:.1f}" if row.current is not None else "–",
                f"{row.target:.1f}" if row.target is not None else "–",
                f"{row.gap:+.1f}" if row.current is not None and row.target is not None else "–",
                str(row.scored),
            ]
            for row in rows
        ],
    )
    blocks: list[Block] = [
        Heading("Current state by area", 1),
        Paragraph("Maturity runs from 1 (ad hoc) to 5 (optimised), averaged over the scored answers."),
        table if rows else Paragraph("No maturity scores were captured."),
        Heading("Key findings", 2),
    ]
    findings: dict[str, list[str]] = defaultdict(list)
    scored = sorted(
        (
            a
            for a in project.answers
            if a.notes and a.question in catalogue.questions and a.status == "answered"
        ),
        key=lambda a: -((a.target or 0) - (a.current or 0)),
    )
    for answer in scored:
        area = catalogue.questions[answer.question].area
        if len(findings[area]) < 3:
            findings[area].append(r(answer.notes.replace("\n", " ")))
    for area_id in catalogue.areas:
        if findings.get(area_id):
            blocks += [Heading(catalogue.area_title(area_id), 3), Bullets(findings[area_id])]
    return blocks


def _pain_points(project: Project, catalogue: Catalogue, redact: bool, r: Redactor) -> list[Block]:
    blocks: list[Block] = [Heading("Pain points heard", 1)]
    if redact:
        return [*blocks, Paragraph("Quotes are left out of this redacted copy.")]
    by_indicator: dict[str, list[str]] = defaultdict(list)
    for heard in project.heard:
        session = project.session(heard.session)
        template = catalogue.templates.get(session.template) if session else None
        where = template.title if template else heard.session
        quote = f"“{heard.quote}”" if heard.quote else "(heard, not quoted)"
        by_indicator[heard.indicator].append(f"{quote} — {heard.speaker_role or 'unattributed'}, {where}")
    if not by_indicator:
        return [*blocks, Paragraph("No pain indicators were recorded.")]
    for indicator, quotes in by_indicator.items():
        question = catalogue.questions.get(indicator)
        blocks.append(Heading(question.text if question else indicator, 3))
        blocks.append(Bullets(quotes))
    return blocks


def _gaps(project: Project, catalogue: Catalogue, r: Redactor) -> list[Block]:
    ranked = ranked_gaps(project)
    blocks: list[Block] = [Heading("Gap analysis", 1)]
    if not ranked:
        return [*blocks, Paragraph("No gaps identified yet.")]
    blocks.append(
        Table(
            ["ID", "Gap", "Area", "Impact", "Complexity", "Quadrant", "Priority"],
            [
                [
                    g.id,
                    r(g.title),
                    catalogue.area_title(g.area),
                    str(g.impact),
                    str(g.complexity),
                    QUADRANT_TITLES[gap_quadrant(project, g)],
                    f"{p:.0f}",
                ]
                for g, p in ranked
            ],
        )
    )
    cells = matrix_cells(project)
    rows, shading = [], []
    for impact in range(5, 0, -1):
        rows.append(
            [f"Impact {impact}"] + [", ".join(g.id for g in cells.get((impact, c), [])) for c in range(1, 6)]
        )
        shading.append([""] + [QUADRANT_FILLS[quadrant(project, impact, c)] for c in range(1, 6)])
    blocks.append(Heading("Impact × complexity matrix", 2))
    blocks.append(
        Table(
            ["", *[f"Complexity {c}" for c in range(1, 6)]],
            rows,
            shading,
            compact=True,
            caption=MATRIX_CAPTION,
        )
    )
    return blocks


def _mapping(project: Project, catalogue: Catalogue, r: Redactor) -> list[Block]:
    blocks: list[Block] = [Heading("Solution mapping", 1)]
    for group in ("Quick win", "Strategic initiative"):
        blocks.append(Heading(f"{group}s", 2))
        members = [g for g, _ in ranked_gaps(project) if response_class(project, g) == group]
        if not members:
            blocks.append(Paragraph("None."))
        for gap in members:
            blocks.append(Heading(f"{gap.id} {r(gap.title)}", 3))
            items = []
            for mapping in project.mappings:
                if mapping.gap != gap.id or mapping.status != "accepted":
                    continue
                practice = catalogue.practices.get(mapping.practice)
                if practice is None:
                    continue
                guide = catalogue.guides.get(practice.guide)
                line = f"{practice.title} ({guide.title if guide else practice.guide}): {practice.summary}"
                if mapping.rationale:
                    line += f" Why here: {r(mapping.rationale)}"
                items.append(line)
            blocks.append(Bullets(items) if items else Paragraph("No practice mapped yet."))
    return blocks


def _metrics(project: Project, catalogue: Catalogue, r: Redactor) -> list[Block]:
    blocks: list[Block] = [Heading("Success metrics", 1)]
    if not project.metrics:
        return [*blocks, Paragraph("No success metrics defined yet.")]
    rows = []
    for metric in project.metrics:
        movers = ", ".join(p.id for p in project.pilots if metric.id in p.metrics)
        rows.append(
            [
                r(metric_sentence(metric, catalogue)),
                f"{number(metric.baseline) or '–'} → {number(metric.target) or '–'}"
                if metric.baseline is not None or metric.target is not None
                else "to baseline",
                r(metric.measured_by),
                r(metric.owner),
                metric.due.isoformat() if metric.due else "",
                movers,
            ]
        )
    blocks.append(Table(["Metric", "Baseline → target", "How measured", "Owner", "Due", "Pilots"], rows))
    return blocks


def _plan(
    project: Project, catalogue: Catalogue, plan: Schedule | None, today: dt.date, r: Redactor
) -> list[Block]:
    blocks: list[Block] = [Heading("Pilot plan", 1)]
    if plan is None:
        return [
            *blocks,
            Paragraph("The plan has a dependency cycle; fix it in the workbench to see the timeline."),
        ]
    if not plan.items:
        return [*blocks, Paragraph("No pilots planned yet.")]
    step = max(1, -(-plan.end_week // MAX_GANTT_COLUMNS))
    columns = list(range(0, max(plan.end_week, 1), step))
    headers = ["Item", *[str(w) for w in columns]]
    rows, shading = [], []
    for scheduled in plan.items:
        row, fills = [f"{scheduled.id} {r(scheduled.item.title)}"], [""]
        for week in columns:
            span = range(week, week + step)
            if scheduled.item.kind == "milestone" and scheduled.start in span:
                row.append("◆")
                fills.append(MILESTONE_FILL)
            elif any(scheduled.start <= w < scheduled.end for w in span):
                row.append("")
                fills.append(CRITICAL_FILL if scheduled.critical else BAR_FILL)
            elif any(scheduled.end <= w < scheduled.end + scheduled.slack for w in span):
                row.append("")
                fills.append(SLACK_FILL)
            else:
                row.append("")
                fills.append("")
        rows.append(row)
        shading.append(fills)
    start = week_date(project, 0, today)
    blocks.append(
        Paragraph(
            f"Week 0 starts {start:%d %B %Y}; the plan ends in week {plan.end_week} "
            f"({week_date(project, plan.end_week, today):%d %B %Y}). Critical path: "
            + (" → ".join(plan.critical_path) or "none")
            + "."
        )
    )
    blocks.append(
        Table(
            headers,
            rows,
            shading,
            compact=True,
            caption=GANTT_CAPTION.format(step=step),
        )
    )
    for scheduled in plan.items:
        item = scheduled.item
        if item.kind == "milestone":
            continue
        blocks.append(Heading(f"{item.id} {r(item.title)}", 3))
        begins = week_date(project, scheduled.start, today)
        facts = [
            f"Weeks {scheduled.start}–{scheduled.end} ({item.weeks} weeks, from {begins:%d %b %Y}); "
            f"slack {scheduled.slack} week(s)" + ("; on the critical path" if scheduled.critical else ""),
        ]
        if item.objective:
            facts.append(f"Objective: {r(item.objective)}")
        if item.owner:
            facts.append(f"Owner: {r(item.owner)}")
        if item.depends_on:
            facts.append("Depends on: " + ", ".join(item.depends_on))
        if item.gaps:
            addressed = [gap for gap in (project.gap(g) for g in item.gaps) if gap is not None]
            facts.append("Addresses: " + "; ".join(f"{gap.id} {r(gap.title)}" for gap in addressed))
        if item.practices:
            facts.append(
                "Practices: "
                + "; ".join(catalogue.practices[p].title for p in item.practices if p in catalogue.practices)
            )
        for metric_id in item.metrics:
            metric = project.metric(metric_id)
            if metric is not None:
                facts.append(f"Success metric: {r(metric_sentence(metric, catalogue))}")
        facts += [f"Evaluation criterion: {r(c)}" for c in item.criteria]
        if scheduled.conflict:
            facts.append(f"Scheduling conflict: {scheduled.conflict}")
        blocks.append(Bullets(facts))
    return blocks


def _next_steps(project: Project, catalogue: Catalogue, r: Redactor) -> list[Block]:
    blocks: list[Block] = [Heading("Next steps", 1)]
    items = []
    for step in project.next_steps:
        extra = ", ".join(x for x in (r(step.owner), f"by {step.due:%d %b %Y}" if step.due else "") if x)
        items.append(("[done] " if step.done else "") + r(step.text) + (f" ({extra})" if extra else ""))
    if not items:
        items = [
            item.text
            for followup in catalogue.followup
            if followup.id == "next-steps"
            for item in followup.items
        ]
    return [*blocks, Bullets(items)]


def _appendix(project: Project, catalogue: Catalogue, r: Redactor) -> list[Block]:
    blocks: list[Block] = [PageBreak(), Heading("Appendix: answers captured", 1)]
    for session in project.sessions:
        answers = [
            a for a in project.answers if a.session == session.id and a.question in catalogue.questions
        ]
        if not answers:
            continue
        template = catalogue.templates.get(session.template)
        blocks.append(Heading(r(session.title or (template.title if template else session.id)), 2))
        for answer in answers:
            question = catalogue.questions[answer.question]
            scores = (
                f" Maturity {answer.current or '–'} → {answer.target or '–'}."
                if answer.current or answer.target
                else ""
            )
            status = {
                "skipped": "Skipped.",
                "not-applicable": f"Not applicable: {r(answer.reason)}",
                "follow-up": f"Needs follow-up with {r(answer.follow_up_with) or 'someone'}.",
            }.get(answer.status, "")
            blocks.append(Paragraph(question.text, "question"))
            blocks.append(
                Paragraph(
                    " ".join(x for x in (r(answer.notes), status, scores.strip()) if x) or "(no notes)",
                    "small",
                )
            )
    return blocks
