"""The proposal's prose: the consultant's own text where it exists, else a draft from the data."""

from __future__ import annotations

import datetime as dt
import re

from workbench.analysis.maturity import (
    area_maturity,
    disagreements,
    is_unverified_high_score,
    unverified_high_scores,
)
from workbench.export.blocks import Block, Bullets, Paragraph
from workbench.export.context import ProposalContext
from workbench.export.investment import effort_rule
from workbench.export.wording import (
    LIST_LIMIT,
    capitalised,
    count,
    day,
    join_and,
    limited,
    sentence,
)
from workbench.model.records import PlanItem

NARRATIVE_FIELDS = {
    "executive_summary": "Executive summary",
    "context": "Context and objectives",
    "working_well": "What is working well",
    "recommendations": "Recommendations",
    "investment": "Investment and team",
    "risks": "Assumptions and risks",
    "decision": "Decision requested",
}
"""The texts a consultant owns, with their headings."""

FACT = re.compile(r"[$£€]\s?\d|\b\d+\s+(?:in|of|out of)\s+\d+\b|\d+(?:\.\d+)?\s?%")
"""A sentence with money, a ratio or a share in it: what the situation costs."""


def text_for(ctx: ProposalContext, name: str) -> str:
    """The consultant's text for a narrative field, else the draft; redacted when asked."""
    own = str(getattr(ctx.project.proposal, name)).strip()
    kept = _redact_prose(ctx, own or draft(ctx, name))
    if own and not kept.strip():
        # Redaction took every sentence (they all quote or name people): a section never stands
        # empty; the copy carries the draft from the data, and the export says so (left_out).
        return _redact_prose(ctx, draft(ctx, name))
    return kept


def _redact_prose(ctx: ProposalContext, text: str) -> str:
    """Redact paragraph by paragraph and line by line, so bullets and paragraphs keep their shape."""
    if not ctx.options.redact:
        return text
    lines = []
    for line in text.split("\n"):
        bullet = line[:2] if line.startswith(("- ", "* ")) else ""
        cleaned = ctx.r(line[len(bullet) :]) if line.strip() else ""
        if line.strip() and not cleaned.strip():
            continue
        lines.append(bullet + cleaned)
    return "\n".join(lines)


def draft(ctx: ProposalContext, name: str) -> str:
    """A first draft of a narrative field from the project's data."""
    return {
        "executive_summary": _summary,
        "context": _context,
        "working_well": _working_well,
        "recommendations": _recommendations,
        "investment": _investment,
        "risks": _risks,
        "decision": _decision,
    }[name](ctx)


def drafts(ctx: ProposalContext) -> dict[str, str]:
    """Every narrative field drafted, for the consultant to start from."""
    return {name: draft(ctx, name) for name in NARRATIVE_FIELDS}


def prose(text: str) -> list[Block]:
    """Blocks from prose: blank lines separate paragraphs, lines starting "- " are bullets."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        words: list[str] = []
        items: list[str] = []
        for line in chunk.splitlines():
            stripped = line.strip()
            if stripped.startswith(("- ", "* ")):
                if words:
                    blocks.append(Paragraph(" ".join(words)))
                    words = []
                items.append(stripped[2:].strip())
            elif stripped:
                if items:
                    blocks.append(Bullets(items))
                    items = []
                words.append(stripped)
        if words:
            blocks.append(Paragraph(" ".join(words)))
        if items:
            blocks.append(Bullets(items))
    return blocks


# --- drafts ---------------------------------------------------------------------------------


def _people(ctx: ProposalContext) -> int:
    return len({a.name for s in ctx.project.sessions for a in s.attendees})


def _facts(ctx: ProposalContext, limit: int = 2) -> list[str]:
    """Sentences from the notes that put a number on the situation (money first)."""
    found: list[tuple[int, str]] = []
    for answer in ctx.project.answers:
        if answer.status != "answered" or not answer.notes:
            continue
        for part in re.split(r"(?<=[.!?])\s+|\n", ctx.readable(answer.notes)):
            match = FACT.search(part)
            if match and not re.search(r"['\"“]", part):
                kind = match.group(0)
                rank = 0 if kind[0] in "$£€" else 2 if kind.endswith("%") else 1
                found.append((rank, part.strip().rstrip(".")))
    found.sort(key=lambda pair: pair[0])
    return list(dict.fromkeys(text for _, text in found))[:limit]


def _plan_facts(ctx: ProposalContext) -> tuple[str, int, dt.date]:
    """What the plan holds (`6 pilots and 1 deep-dive`), its weeks and its start date."""
    weeks = ctx.weeks if ctx.plan is not None else sum(p.weeks for p in ctx.work_items())
    return ctx.work_phrase(), weeks, ctx.start


def people_weeks(ctx: ProposalContext) -> int:
    """Total people-weeks of the plan."""
    return sum(ctx.effort(item).people_weeks for item in ctx.project.pilots if not item.done)


PRESSING = 3
"""How many of the most pressing gaps the summary names (high-impact ones only)."""


def _summary(ctx: ProposalContext) -> str:
    return " ".join(part for part in (_findings(ctx), _costs(ctx), _recommends(ctx), _decision(ctx)) if part)


def _findings(ctx: ProposalContext) -> str:
    """What the sessions found, for none, one or many sessions, people and gaps."""
    sessions, people, gaps = len(ctx.project.sessions), _people(ctx), len(ctx.project.gaps)
    if sessions:
        met = f" with {count(people, 'person')}" if people else ""
        heard = f"Over {count(sessions, 'discovery session')}{met} from {ctx.client}, we"
    else:
        heard = f"No discovery session with {ctx.client} has been held yet; so far we"
    between = "between how machine-learning models are built and run today and what the business needs"
    if not gaps:
        return f"{heard} have recorded no gap {between}."
    done = len(ctx.closed)
    closed = f" {done:,} of the {gaps:,} {'has' if done == 1 else 'have'} since been closed." if done else ""
    pressing = [
        ctx.in_sentence(g.title) for g, _ in ctx.ranked if ctx.quadrants[g.id] in ("quick-win", "strategic")
    ][:PRESSING]
    found = f"{heard} found {count(gaps, 'gap')} {between}"
    if not pressing:
        return found + "." + closed
    if len(pressing) == 1:
        return sentence(f"{found}; the most pressing is {pressing[0]}") + closed
    return sentence(f"{found}; the most pressing: {'; '.join(pressing)}") + closed


def _costs(ctx: ProposalContext) -> str:
    facts = [ctx.in_sentence(f) for f in _facts(ctx)]
    facts = [f for f in facts if f]
    return sentence(f"What it costs today: {'; '.join(facts)}") if facts else ""


PILOT_PREFIX = re.compile(r"pilot\s*[:\-–—]\s*", re.IGNORECASE)
"""'Pilot: ' before a title (the default pilot title is 'Pilot: ' and its gap's title)."""


def without_pilot_prefix(title: str) -> str:
    """A pilot's title without a leading 'Pilot:', for a sentence that already says 'the pilot'
    ("starting with the pilot Pilot: Manual deployment …" read twice)."""
    prefix = PILOT_PREFIX.match(title)
    return title[prefix.end() :] if prefix and title[prefix.end() :] else title


def _recommends(ctx: ProposalContext) -> str:
    work, weeks, start = _plan_facts(ctx)
    if not work:
        return ""
    # Titles are names, capitalised as written: "starting with value dashboard for …" lacked an article.
    # Only the pilots that start first: "starting with the pilots A and B" read as both at once
    # when B waited for A (walkthrough w14a).
    pilots_in_order = ctx.pilots()
    starts = {s.id: s.start for s in ctx.plan.items} if ctx.plan is not None else {}
    earliest = min((starts.get(p.id, 0) for p in pilots_in_order), default=0)
    starting = [p for p in pilots_in_order if starts.get(p.id, 0) == earliest][:2]
    first = [capitalised(without_pilot_prefix(ctx.r(p.title))) for p in starting]
    pilots = "the pilot" if len(first) == 1 else "the pilots"
    return (
        f"We recommend {work} over {count(weeks, 'week')} from {day(start)}, "
        + (f"starting with {pilots} {join_and(first)}, " if first else "")
        + f"for about {count(people_weeks(ctx), 'people-week')} of effort."
    )


def _context(ctx: ProposalContext) -> str:
    lines = [
        f"{capitalised(ctx.client)} asked us to assess how its teams take machine-learning models "
        "from idea to production, and where to invest first."
    ]
    notes = [ctx.r(ctx.readable(s.notes)) for s in ctx.project.sessions if s.notes.strip()]
    notes = [n for n in notes if n]
    if notes:
        lines += ["", "Objectives and constraints we heard:", *[f"- {sentence(n)}" for n in notes]]
    lines += [
        "",
        "Each session followed the MLOps discovery guide: the current state, the pain points heard "
        "first-hand, the vision and the success metrics, with maturity scored from 1 to 5 in each "
        "area against that area's own description of each level. Gaps were then placed by business "
        "impact and complexity.",
    ]
    return "\n".join(lines)


ESTABLISHED = 3
"""The maturity at which an area counts as a strength (level 3 of each area's rubric: shared
practice, run the same way across teams)."""
REPEATABLE = 2
"""Below this (level 1 of each area's rubric: done by hand, differently each time), an area is
not "a base to build on"."""


def _working_well(ctx: ProposalContext) -> str:
    unseen = _stated_not_seen(ctx)
    seen = area_maturity(ctx.project, ctx.catalogue, seen_only=True)
    rows = [row for row in seen if row.current is not None]
    ordered = sorted(rows, key=lambda row: -(row.current or 0))
    established = [row for row in ordered if (row.current or 0) >= ESTABLISHED][:3]
    lines = []
    if established:
        names = [f"{row.title} ({row.current:.1f} of 5)" for row in established]
        lines.append(f"- Established practice today: {join_and(names)}.")
    elif len(ordered) > 1 and (ordered[0].current or 0) > (ordered[-1].current or 0):
        # A consultant names what is furthest along first, and what works there, then says no area
        # is established yet (#15 fix15 5: the draft opened on "every area … is at an early stage").
        best = [row for row in ordered if row.current == ordered[0].current][:2] or ordered[:1]
        if len(best) == 1 and len(ordered) > 2:
            best.append(ordered[1])
        named = [row.title + _what_works(ctx, row.area) for row in best]
        lines.append(f"- Furthest along today: {join_and(named)}.")
        lines.append(
            f"- No area is established yet (level {ESTABLISHED} of 5 or above: practice shared and run "
            "the same way across teams); that is where the pilots aim."
        )
    elif len(ordered) == 1:
        only = ordered[0]
        lines.append(
            f"- No area is established yet (level {ESTABLISHED} of 5 or above): {only.title}, the one "
            f"area we scored, is at {only.current:.1f} of 5."
        )
    elif ordered:
        lines.append(
            f"- No area is established yet (level {ESTABLISHED} of 5 or above): every area we scored "
            f"is at an early stage ({ordered[0].current:.1f} of 5 at most{LEAVING_OUT if unseen else ''})."
        )
    lines += unseen
    baselined = [m for m in ctx.project.metrics if m.baseline is not None]
    if baselined:
        lines.append(
            f"- {count(len(baselined), 'success metric')} "
            f"already {'has a baseline' if len(baselined) == 1 else 'have baselines'}, so progress can be "
            "measured from the first week."
        )
    if ctx.project.heard:
        lines.append(
            f"- Teams were open about what hurts: we heard {count(len(ctx.project.heard), 'pain point')} "
            "first-hand, which makes the priorities easy to agree."
        )
    return "\n".join(lines) or "To be written after the sessions."


def _what_works(ctx: ProposalContext, area: str) -> str:
    """What is repeatable in an area, from the topics of its best seen scores: ` (deployment
    infrastructure and operational excellence are repeatable)`; empty when nothing is."""
    scored = []
    for answer in ctx.project.answers:
        question = ctx.catalogue.questions.get(answer.question)
        if question is None or question.area != area or answer.status != "answered":
            continue
        if (answer.current or 0) < REPEATABLE or is_unverified_high_score(answer):
            continue
        group = ctx.catalogue.groups.get((question.area, question.group))
        if group is not None:
            scored.append((-(answer.current or 0), group.title))
    topics = list(dict.fromkeys(title for _, title in sorted(scored)))[:2]
    if not topics:
        return ""
    # A topic is a heading: its title-case words read in lower case inside a sentence (acronyms stay).
    words = join_and([" ".join(w.lower() if w.istitle() else w for w in t.split()) for t in topics])
    return f" ({words} {'is' if len(topics) == 1 else 'are'} repeatable)"


LEAVING_OUT = ", leaving out what we were told of but have not yet seen"
UNSEEN_AREAS = 5
"""Areas named in the one line on high scores told but not seen; the rest are counted."""


def _stated_not_seen(ctx: ProposalContext) -> list[str]:
    """High scores the client told us of and nobody saw: one line naming their areas (and what in
    them, when there is one), not counted as strengths above."""
    by_area: dict[str, list[str]] = {}
    for answer in unverified_high_scores(ctx.project, ctx.catalogue):
        question = ctx.catalogue.questions[answer.question]
        group = ctx.catalogue.groups.get((question.area, question.group))
        topics = by_area.setdefault(ctx.catalogue.client_area_title(question.area), [])
        if group and group.title not in topics:
            topics.append(group.title)
    if not by_area:
        return []
    areas = [f"{area} ({join_and(topics)})" if len(topics) == 1 else area for area, topics in by_area.items()]
    return [
        f"- Some practices were described at level 4 or 5 of 5, in "
        f"{join_and(limited(areas, 'area', UNSEEN_AREAS))}; we will confirm them in the pilots."
    ]


def _recommendations(ctx: ProposalContext) -> str:
    quick, strategic = len(ctx.gaps_in("quick-win")), len(ctx.gaps_in("strategic"))
    parts = []
    if quick:
        parts.append(
            "Start with the quick win: high impact and low complexity, closed within a pilot of a few weeks."
            if quick == 1
            else f"Start with the {count(quick, 'quick win')}: high impact and low complexity, each closed "
            "within a pilot of a few weeks."
        )
    if strategic:
        then = "Then" if quick else "Start with"
        parts.append(
            f"{then} the strategic initiative, which needs more time and a decision on scope."
            if strategic == 1
            else f"{then} the {count(strategic, 'strategic initiative')}, which need more time and a "
            "decision on scope."
        )
    if not ctx.ranked:
        return "Recommendations follow from the gaps the discovery sessions find."
    if not quick and not strategic:
        parts.append("None of the gaps is of high business impact yet, so none calls for a pilot on its own.")
    fill_ins, set_aside = ctx.gaps_in("fill-in"), ctx.gaps_in("deprioritise")
    if fill_ins:
        parts.append(
            "Lower-impact gaps that are easy to close (fill-ins) are taken on when a team has capacity."
        )
    if set_aside:
        parts.append("Those of low impact and high complexity are deprioritised for now.")
    return " ".join(parts)


def _investment(ctx: ProposalContext) -> str:
    work, weeks, start = _plan_facts(ctx)
    if not work:
        return "Effort will be estimated once the pilots are agreed."
    return (
        f"The plan needs about {count(people_weeks(ctx), 'people-week')} over "
        f"{count(weeks, 'week')} from {day(start)}, across {work}. {effort_rule()}\n\n{_roles(ctx)}"
    )


def _the(ctx: ProposalContext, items: list[PlanItem] | None = None) -> str:
    """`the deep-dive`, `the 6 pilots`, `the pilot and the deep-dive`, `the 2 pilots and the 3 deep-dives`."""
    items = ctx.work_items() if items is None else items
    kinds = ("pilot", "deep-dive")
    amounts = [(kind, sum(1 for i in items if i.kind == kind)) for kind in kinds]
    return join_and([f"the {kind}" if n == 1 else f"the {count(n, kind)}" for kind, n in amounts if n])


def _roles(ctx: ProposalContext) -> str:
    """Who leads what, the same way the pilots' facts name each lead."""
    items = ctx.work_items()
    ours = [i for i in items if ctx.led_by_us(i)]
    theirs = [i for i in items if not ctx.led_by_us(i)]
    parts = []
    if ours:
        who = f"{ctx.firm} leads" if ctx.firm else "We lead"
        parts.append(f"{who} {_the(ctx, ours)}, working with your subject experts.")
    if theirs:
        one = len(theirs) == 1
        # Pilots describes the first ten items only: a lead beyond them is not named there.
        described = {i.id for i in items[:LIST_LIMIT]}
        shown = [i for i in theirs if i.owner and i.id in described]
        named = (
            "named under Pilots"
            if len(shown) == len(theirs)
            else "named under Pilots or at kick-off"
            if shown
            else "named at kick-off"
        )
        parts.append(
            f"{capitalised(_the(ctx, theirs))} {'is' if one else 'are'} led from your side: "
            f"{'its' if one else 'each'} lead, {named}, gives about a day a week to "
            f"{'it' if one else 'the pilot'} and agrees its success criteria."
        )
    return " ".join(parts)


def _risks(ctx: ProposalContext) -> str:
    lines = [
        "- Assumption: each pilot's team can give it the time shown under Investment and team, and "
        "each lead about a day a week.",
        "- Assumption: pilots run in your own environments, with access in place in the first week.",
    ]
    open_areas = dict.fromkeys(
        ctx.catalogue.client_area_title(question.area)
        for answer in ctx.project.answers
        if answer.status == "follow-up" and (question := ctx.catalogue.questions.get(answer.question))
    )
    if open_areas:
        lines.append(
            f"- Assumption: the points the sessions left open on {join_and(list(open_areas))} are settled "
            "before the pilots start."
        )
    for metric in ctx.project.metrics:
        if metric.baseline is None:
            sentence_text = ctx.metric_text(metric)
            lines.append(
                f"- Risk: “{sentence_text}” has no baseline yet; we measure it in the first two weeks."
            )
    for finding in disagreements(ctx.project, ctx.catalogue)[:3]:
        if finding.scope == "area":
            lines.append(
                f"- Risk: the sessions scored {ctx.catalogue.client_area_title(finding.key)} "
                f"{count(finding.spread, 'level')} apart; we align views at kick-off."
            )
    if ctx.plan is not None and len(ctx.plan.critical_path) > 1:
        lines.append(
            f"- Risk: {count(len(ctx.plan.critical_path), 'plan item')} are on the critical path; a delay "
            "in any of them moves the end date."
        )
    if ctx.plan is None:
        lines.append("- Risk: the plan's dependencies form a cycle and must be untangled first.")
    return "\n".join(lines)


def _decision(ctx: ProposalContext) -> str:
    work, weeks, start = _plan_facts(ctx)
    if not work:
        return f"We ask {ctx.client} to confirm the priorities above by {day(ctx.decision_date())}."
    return (
        f"We ask {ctx.client} to approve {_the(ctx)} over {count(weeks, 'week')} "
        f"and name a sponsor by {day(ctx.decision_date())}, so that work starts on {day(start)}."
    )
