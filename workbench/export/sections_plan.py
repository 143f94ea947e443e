"""The proposal's core: prioritised gaps and the matrix, recommendations, pilots and the timeline."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from workbench.analysis.currency import money_words
from workbench.analysis.gaps import QUADRANT_LABELS, QUADRANT_ORDER, QUADRANT_TITLES, Quadrant, quadrant
from workbench.analysis.mapping import accepted_in_order
from workbench.analysis.plan import Schedule, ScheduledItem, shown_end_week, week_number, week_span
from workbench.export.blocks import SLACK, Block, Bullets, Heading, Paragraph, Table
from workbench.export.context import ProposalContext
from workbench.export.investment import practice_effort
from workbench.export.narrative import prose, text_for
from workbench.export.wording import (
    LIST_LIMIT,
    capitalised,
    count,
    day,
    first_lower,
    join_and,
    limited,
    limited_lines,
    plural,
    sentence,
)
from workbench.model.records import Gap, PlanItem

QUADRANT_FILLS = {"quick-win": "C6EFCE", "strategic": "DDEBF7", "fill-in": "F2F2F2", "deprioritise": "FCE4D6"}
BAR_FILL, CRITICAL_FILL, MILESTONE_FILL = "5B9BD5", "1F3864", "FFC000"
MAX_TIMELINE_COLUMNS = 26
MATRIX_PER_CELL = 3
CORNERS = ("Top left", "top right", "bottom left", "bottom right")
QUADRANT_NOUNS: dict[Quadrant, str] = {
    "quick-win": "quick win",
    "strategic": "strategic initiative",
    "fill-in": "fill-in",
    "deprioritise": "deprioritised gap",
}
"""A gap of each quadrant, as a noun inside a sentence ("and 101 more strategic initiatives")."""
LATER: dict[Quadrant, str] = {
    "fill-in": "Low impact and easy to close: taken on when a team has capacity.",
    "deprioritise": "Low impact and hard to close: not worth the effort now; revisited at the next review.",
}


TABLE_QUADRANTS = {**QUADRANT_LABELS, "strategic": "Strategic initiative"}
"""The quadrant in the gap table, in the words the recommendations use ("strategic initiatives")."""

def gaps(ctx: ProposalContext) -> list[Block]:
    """Prioritised gaps: the ranked table and the impact × complexity matrix, one quadrant each."""
    blocks: list[Block] = [Heading("Prioritised gaps", 1)]
    if not ctx.ranked:
        return [*blocks, Paragraph("No gaps have been identified yet.")]
    matrix = ctx.project.settings.matrix
    blocks.append(
        Paragraph(
            f"Each gap is scored for business impact and for complexity, from 1 (low) to 5 (high). "
            f"Impact of {matrix.impact_threshold} or more is high, and so is complexity of "
            f"{matrix.complexity_threshold} or more. Quick wins are high impact and low complexity; "
            "strategic initiatives high impact and high complexity; fill-ins low impact and low "
            f"complexity; low impact and high complexity: {QUADRANT_TITLES['deprioritise'].lower()} for now. "
            + ranking_rule(ctx)
        )
    )
    rows = [
        [
            str(rank),
            ctx.named(g.id, g.title),
            ctx.catalogue.client_area_title(g.area) if g.area else "",
            str(g.impact),
            str(g.complexity),
            TABLE_QUADRANTS[ctx.quadrants[g.id]],
        ]
        for rank, (g, _) in enumerate(ctx.ranked[:LIST_LIMIT], start=1)
    ]
    headers = ["Rank", "Gap", "Area", "Impact (1–5)", "Complexity (1–5)", "Quadrant"]
    blocks.append(Table(headers, rows, numbered=True))
    if len(ctx.ranked) > LIST_LIMIT:
        rest = len(ctx.ranked) - LIST_LIMIT
        blocks.append(Paragraph(f"And {rest:,} more {plural('gap', rest)}, ranked lower.", "small"))
    if ctx.closed:
        closed = [ctx.named(g.id, g.title) for g in ctx.closed]
        said = sentence(f"Closed since they were raised: {'; '.join(limited(closed, 'gap'))}")
        blocks.append(Paragraph(said, "small"))
    blocks += _matrix(ctx)
    return blocks


def ranking_rule(ctx: ProposalContext) -> str:
    """How the gaps are ordered, from the project's own priority weights (the one ranking used by the
    table, the matrix cells, the summary's most pressing gaps and the recommendations)."""
    weights = ctx.project.settings.priority
    parts = [
        ("business impact", weights.impact),
        ("how easy the gap is to close", weights.complexity),
        ("how strong the evidence is", weights.confidence),
    ]
    total = sum(weight for _, weight in parts)
    if total <= 0:
        return "Gaps are listed by business impact."
    shares = [f"{name} ({round(100 * weight / total)}%)" for name, weight in parts if weight > 0]
    return f"Gaps are listed by priority, a score from 0 to 100 that weighs {join_and(shares)}."


def _matrix(ctx: ProposalContext) -> list[Block]:
    cells: dict[tuple[int, int], list[Gap]] = {}
    for gap, _ in ctx.ranked:
        cells.setdefault((gap.impact, gap.complexity), []).append(gap)
    rows, shading = [], []
    for impact in range(5, 0, -1):
        label = {5: "5 (high)", 1: "1 (low)"}.get(impact, str(impact))
        row = [label]
        for complexity in range(1, 6):
            members = [ctx.named(g.id, g.title) for g in cells.get((impact, complexity), [])]
            row.append("\n".join(limited_lines(members, "gap", MATRIX_PER_CELL)))
        rows.append(row)
        shading.append([""] + [QUADRANT_FILLS[quadrant(ctx.project, impact, c)] for c in range(1, 6)])
    return [
        Heading("Impact and complexity matrix", 2),
        Table(
            ["Impact ↑ · Complexity →", "1 (low)", "2", "3", "4", "5 (high)"],
            rows,
            shading,
            compact=True,
            separated=True,
            caption="Rows: business impact, high at the top. Columns: complexity, low on the left. "
            + "; ".join(
                f"{corner}: {QUADRANT_TITLES[kind].lower()}"
                for corner, kind in zip(CORNERS, QUADRANT_ORDER, strict=True)
            )
            + ".",
        ),
    ]


def recommendations(ctx: ProposalContext) -> list[Block]:
    """Quick wins and strategic initiatives, straight from the matrix quadrants."""
    blocks: list[Block] = [Heading("Recommendations", 1), *prose(text_for(ctx, "recommendations"))]
    blocks += _response(ctx, "quick-win") + _response(ctx, "strategic")
    later_kinds: tuple[Quadrant, ...] = ("fill-in", "deprioritise")
    for kind in later_kinds:
        later = [ctx.named(g.id, g.title) for g in ctx.gaps_in(kind)]
        if later:
            blocks += [
                Heading(QUADRANT_TITLES[kind], 2),
                Paragraph(LATER[kind]),
                Bullets(limited_lines(later, "gap")),
            ]
    return blocks


def _response(ctx: ProposalContext, kind: Quadrant) -> list[Block]:
    members = ctx.gaps_in(kind)
    blocks: list[Block] = [Heading(QUADRANT_TITLES[kind], 2)]
    if not members:
        return [*blocks, Paragraph(f"None of the gaps is a {QUADRANT_NOUNS[kind]} on the matrix.")]
    for gap in members[:LIST_LIMIT]:
        blocks.append(Paragraph(ctx.named(gap.id, gap.title), "strong"))
        items = []
        for practice_id in accepted_in_order(ctx.project, ctx.catalogue, gap):
            practice = ctx.catalogue.practices.get(practice_id)
            if practice is None:
                continue
            mapping = ctx.project.mapping(gap.id, practice_id)
            why = (
                ctx.r(money_words(mapping.rationale))
                if mapping and mapping.rationale
                else ctx.guide_text(practice.summary)
            )
            effort = practice_effort(practice.effort)
            item = f"{sentence(practice.title)} {sentence(_titled(ctx, why))} Effort: {effort}."
            example = _titled(ctx, ctx.guide_text(practice.example.strip()))
            if example:
                item += f" How to start: {example}"
            if practice.pattern.strip() and "code-patterns" in ctx.options.sections:
                number = ctx.pattern_number(practice_id, ctx.named(gap.id, gap.title))
                item += f" Code to start from: pattern {number} in the appendix."
            items.append(item)
            blocks.append(Bullets([item]))
        if not items and gap.description:
            blocks.append(Paragraph(ctx.r(money_words(gap.description))))
    if len(members) > LIST_LIMIT:
        rest = len(members) - LIST_LIMIT
        blocks.append(Paragraph(f"And {rest:,} more {plural(QUADRANT_NOUNS[kind], rest)}.", "small"))
    return blocks


PRACTICE_ID = re.compile(r"(?<![\w.])[a-z]{2,3}\.[a-z0-9]+(?:-[a-z0-9]+)*(?![\w-])")
"""A practice's id as the guides refer to one another ("See also fe.skew-checks")."""


def _titled(ctx: ProposalContext, text: str) -> str:
    """A guide's text with the practices it refers to by id named by their titles instead."""

    def title(found: re.Match[str]) -> str:
        practice = ctx.catalogue.practices.get(found.group())
        if practice is None:
            return found.group()
        return f"{found.group()} “{practice.title}”" if ctx.options.ids else f"“{practice.title}”"

    return PRACTICE_ID.sub(title, text)


def pilots(ctx: ProposalContext) -> list[Block]:
    """Each pilot: objective, scope, deliverables, success criteria, effort and timing."""
    blocks: list[Block] = [Heading("Pilots", 1)]
    items = ctx.work_items()
    if not items:
        return [*blocks, Paragraph("No pilots have been planned yet.")]
    blocks.append(
        Paragraph(
            "Each pilot applies a few practices to one real model, with a named lead, a fixed length "
            "and success criteria agreed up front. A pilot ends with a review against those criteria."
        )
    )
    for item in items[:LIST_LIMIT]:
        blocks += _pilot(ctx, item)
    if len(items) > LIST_LIMIT:
        rest = len(items) - LIST_LIMIT
        blocks.append(Paragraph(f"And {rest:,} more {plural('pilot', rest)}, listed in the timeline."))
    return blocks


def _pilot(ctx: ProposalContext, item: PlanItem) -> list[Block]:
    practices = [ctx.catalogue.practices[p] for p in item.practices if p in ctx.catalogue.practices]
    addressed = [g for g in (ctx.project.gap(g) for g in item.gaps) if g is not None]
    verb = "Looks into" if item.kind == "deep-dive" else "Closes"  # a deep-dive informs, a pilot closes
    done = {"closed": "Closed", "wont-fix": "Decided against"}  # a gap done with since is not to do
    scope = [f"{done.get(g.status, verb)}: {ctx.named(g.id, g.title)}" for g in addressed]
    scope += [f"Applies: {p.title}; effort {practice_effort(p.effort)}" for p in practices]
    deliverables = [_deliverables([p.title for p in practices])] if practices else []
    if item.kind == "deep-dive":
        deliverables = deliverables or ["A written summary of what was found, with agreed actions"]
    criteria = [ctx.r(c) for c in item.criteria]
    for metric_id in item.metrics:
        metric = ctx.project.metric(metric_id)
        if metric is not None:
            # A target dated after the plan is tracked after it (see the timeline), not judged here.
            due = f" by {day(metric.due)}" if metric.due and not ctx.after_plan(metric) else ""
            criteria.append(ctx.metric_text(metric) + due)
    if not criteria:
        criteria = [f"Shown working at the end-of-pilot review: {first_lower(p.title)}" for p in practices]
    effort = ctx.effort(item)
    rows = [
        ["Scope", "\n".join(scope) or "To agree at kick-off"],
        ["Deliverables", "\n".join(deliverables) or "To agree at kick-off"],
        ["Success criteria", "\n".join(criteria) or "To agree at kick-off"],
        [
            "Effort",
            f"{count(item.weeks, 'week')}, {count(effort.people, 'person')}: "
            f"{count(effort.people_weeks, 'people-week')} ({', '.join(effort.skills)})",
        ],
    ]
    scheduled = ctx.plan.get(item.id) if ctx.plan is not None else None
    if ctx.plan is not None and scheduled is not None:
        rows.append(["Timing", timing(ctx, ctx.plan, scheduled)])
    if item.owner:
        lead = ctx.r.person(item.owner)
        ours = f" ({ctx.firm})" if ctx.firm and ctx.led_by_us(item) and lead != ctx.firm else ""
        rows.append(["Lead", lead + ours])
    blocks: list[Block] = [Heading(ctx.named(item.id, item.title), 2)]
    if item.objective:
        blocks.append(Paragraph(ctx.r(item.objective)))
    blocks.append(Table(["", ""], rows, key_value=True))
    return blocks


def _deliverables(titles: list[str]) -> str:
    """What a pilot leaves behind, said once for all its practices."""
    if len(titles) == 1:
        return f"{titles[0]}: in place for the pilot's model, and written up for the next team"
    listed = "; ".join(first_lower(title) for title in titles)
    return f"In place for the pilot's model, and written up for the next team: {listed}"


def on_path(plan: Schedule, scheduled: ScheduledItem) -> bool:
    """Whether an item is on the critical path the timeline names: the table, the chart and the
    pilots' timing mark those items only, not every other item that happens to have no slack."""
    return scheduled.id in plan.critical_path


def timing(ctx: ProposalContext, plan: Schedule, scheduled: ScheduledItem) -> str:
    """`Weeks 1–3 (7 Dec 2026 – 25 Dec 2026); on the critical path` (weeks counted from 1)."""
    text = f"{weeks(ctx, scheduled)} ({date_span(ctx, scheduled)})"
    if on_path(plan, scheduled):
        return text + "; on the critical path"
    return text + (f"; can slip {count(scheduled.slack, 'week')}" if scheduled.slack else "")


def weeks(ctx: ProposalContext, scheduled: ScheduledItem) -> str:
    """Weeks counted from 1, the week the proposal's work starts, with an inclusive end:
    `Weeks 4–9`, `Week 10`."""
    return capitalised(week_span(scheduled, ctx.first_week))


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DAY_IN_TITLE = re.compile(r"(?<!\d)(\d{1,2}) (" + "|".join(MONTHS) + r")[a-z]*\b(?! \d{4})", re.IGNORECASE)
"""A day a milestone's title names ("Change freeze lifts (8 Jan)")."""
OWN_DAY_WITHIN = 7
"""A milestone's own day is its date when it falls this many days or fewer from its week's Monday."""


def own_day(title: str, near: dt.date) -> dt.date | None:
    """The day a title names, in the year that puts it nearest `near`."""
    found = DAY_IN_TITLE.search(title)
    if found is None:
        return None
    month = MONTHS.index(found.group(2).lower()[:3]) + 1
    days = []
    for year in (near.year - 1, near.year, near.year + 1):
        with contextlib.suppress(ValueError):
            days.append(dt.date(year, month, int(found.group(1))))
    return min(days, key=lambda d: abs((d - near).days), default=None)


def date_span(ctx: ProposalContext, scheduled: ScheduledItem) -> str:
    """The item's first Monday to its last Friday (one day for a milestone: the day its title names
    when that falls in the week around its place in the plan, else that Monday, saying so)."""
    begins = ctx.week(scheduled.start)
    if scheduled.item.weeks == 0:
        named = own_day(scheduled.item.title, begins)
        if named is None or named == begins:
            return day(begins)
        if abs((named - begins).days) <= OWN_DAY_WITHIN:
            return day(named)
        return f"{day(begins)} (the title says {day(named)})"
    return f"{day(begins)} – {day(ctx.item_end(scheduled))}"


def timeline(ctx: ProposalContext) -> list[Block]:
    """The timeline: dates, a week-by-week chart (Word) and the schedule as a table."""
    blocks: list[Block] = [Heading("Timeline", 1)]
    plan = ctx.plan
    if plan is None:
        return [
            *blocks,
            Paragraph("The plan's dependencies form a cycle; it will be scheduled once that is resolved."),
        ]
    if not plan.items:
        return [*blocks, Paragraph("No pilots have been planned yet.")]
    end = ctx.plan_end() or ctx.start
    path = [ctx.named(i, s.item.title) for i in plan.critical_path if (s := plan.get(i)) is not None]
    shifted = (
        f"The dates assume the decision by {day(ctx.decision_date())}, so work starts the Monday after it."
        if ctx.start != ctx.planned_start
        else ""
    )
    critical = sentence(f"The critical path, which sets the end date: {' → '.join(path)}") if path else ""
    blocks.append(
        Paragraph(
            " ".join(
                part
                for part in (
                    f"The plan runs {count(ctx.weeks, 'week')}, from {day(ctx.start)} to {day(end)}.",
                    critical,
                    shifted,
                )
                if part
            )
        )
    )
    blocks.append(_chart(ctx, plan))
    rows = [
        [
            ctx.named(s.id, s.item.title),
            weeks(ctx, s),
            date_span(ctx, s),
            "None (critical path)" if on_path(plan, s) else count(s.slack, "week") if s.slack else "None",
        ]
        for s in plan.items
    ]
    blocks.append(Table(["Item", "Weeks", "Dates", "Can slip by"], rows))
    return blocks + _after_the_plan(ctx)


def _after_the_plan(ctx: ProposalContext) -> list[Block]:
    """Success metrics dated after the plan ends: the pilots start them, their owners track them."""
    later = sorted((m for m in ctx.project.metrics if ctx.after_plan(m)), key=lambda m: (m.due, m.id))
    if not later:
        return []
    items = [
        f"{ctx.metric_text(m)} by {day(m.due or dt.date.max)}"
        + (f" ({ctx.r.person(m.owner)})" if m.owner else "")
        for m in later
    ]
    return [
        Heading("After the plan", 2),
        Paragraph(
            "These targets fall after the plan ends. The pilots set them in motion and show the trend at "
            "their reviews; each is then tracked by its owner:"
        ),
        Bullets(limited_lines(items, "metric")),
    ]


def _chart(ctx: ProposalContext, plan: Schedule) -> Table:
    step = max(1, -(-ctx.weeks // MAX_TIMELINE_COLUMNS))
    columns = list(range(ctx.first_week, max(shown_end_week(plan), ctx.first_week + 1), step))
    months, weeks, previous = [""], ["Week"], ""
    for week in columns:
        month = f"{ctx.week(week):%b}"
        months.append(month if month != previous else "")
        previous = month
        weeks.append(str(week_number(week, ctx.first_week)))
    rows, shading = [], []
    for scheduled in plan.items:
        row, fills = [ctx.named(scheduled.id, scheduled.item.title)], [""]
        for week in columns:
            span = range(week, week + step)
            milestone = scheduled.item.kind == "milestone" and scheduled.start in span
            working = any(scheduled.start <= w < scheduled.end for w in span)
            floating = any(scheduled.end <= w < scheduled.end + scheduled.slack for w in span)
            row.append("◆" if milestone else "")
            if milestone:
                fills.append(MILESTONE_FILL)
            elif working:
                fills.append(CRITICAL_FILL if on_path(plan, scheduled) else BAR_FILL)
            else:
                fills.append(SLACK if floating else "")
        rows.append(row)
        shading.append(fills)
    each = f" (each column is {count(step, 'week')})" if step > 1 else ""
    return Table(
        months,
        rows,
        shading,
        compact=True,
        chart=True,
        subheader=weeks,
        caption=f"Weeks numbered from 1{each}; week 1 starts on {day(ctx.start)}. Dark bars: the "
        "critical path; lighter bars: other work; blue dots (··) after a bar: how far the item can slip; "
        "◆: a milestone.",
    )
