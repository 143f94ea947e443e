"""The proposal's opening: cover, contents, summary, context, what works, findings by theme."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from workbench.analysis.maturity import AreaMaturity, area_maturity, unverified_high_scores
from workbench.export.blocks import Block, Bullets, Contents, Heading, PageBreak, Paragraph, Table
from workbench.export.context import ProposalContext
from workbench.export.narrative import prose, text_for
from workbench.export.redaction import without_quotes
from workbench.export.wording import LIST_LIMIT, count, day
from workbench.model.catalogue import client_title
from workbench.model.records import Session

FINDINGS_PER_THEME = 3


def cover(ctx: ProposalContext) -> list[Block]:
    """Title, client once, firm, date, version and confidentiality; no footer (first page)."""
    blocks: list[Block] = [
        Heading("MLOps discovery: findings and proposal", 0),
        Paragraph(f"Prepared for {ctx.client}", "lead"),
    ]
    if ctx.firm:
        blocks.append(Paragraph(f"Prepared by {ctx.firm}", "lead"))
    blocks += [
        Paragraph(f"{day(ctx.today)} · Version {ctx.project.proposal.version or '1.0'}"),
        Paragraph(
            "Confidential. Prepared for the named recipients; not to be shared further without consent.",
            "note",
        ),
        PageBreak(),
    ]
    return blocks


def contents(ctx: ProposalContext) -> list[Block]:
    """The table of contents (a Word field that Word fills in on opening)."""
    return [Contents(), PageBreak()]


def summary(ctx: ProposalContext) -> list[Block]:
    """The executive summary: the consultant's text, or the draft."""
    return [Heading("Executive summary", 1), *prose(text_for(ctx, "executive_summary"))]


def context(ctx: ProposalContext) -> list[Block]:
    """Context and objectives, then who we spoke to."""
    blocks: list[Block] = [Heading("Context and approach", 1), *prose(text_for(ctx, "context"))]
    blocks.append(Heading("Who we spoke to", 2))
    rows = []
    for session in sorted(ctx.project.sessions, key=lambda s: (s.date is None, s.date, s.id)):
        template = ctx.catalogue.templates.get(session.template)
        title = ctx.r(session.title) or (template.title if template else "Discovery session")
        if ctx.options.redact:
            who = count(len(session.attendees), "person") if session.attendees else ""
        else:
            who = ", ".join(f"{a.name} ({a.role})" if a.role else a.name for a in session.attendees)
        rows.append([title, day(session.date) if session.date else "", who, _length(session)])
    if rows:
        headers = ["Session", "Date", "Who took part", "Length"]
        if not any(row[-1] for row in rows):  # no session clocked or time-boxed: no empty column
            headers, rows = headers[:-1], [row[:-1] for row in rows]
        blocks.append(Table(headers, rows))
    else:
        blocks.append(Paragraph("No sessions have been held yet."))
    if "scoring" in ctx.options.sections:
        blocks.append(
            Paragraph(
                "What each level of maturity looks like, area by area, is in the appendix, How maturity "
                "is scored."
            )
        )
    return blocks


def maturity_scale(ctx: ProposalContext) -> list[Block]:
    """Appendix, after the sign-off: how maturity is scored, in the client's words: the scale of
    each area this project scored, from the bank's rubric, and under it the scales of the questions
    scored on their own (a number or a list, not the area's practice), named by their question."""
    scored = {row.area for row in area_maturity(ctx.project, ctx.catalogue) if row.current is not None}
    own = _own_scales(ctx)
    rows: list[list[str]] = []
    for area in ctx.catalogue.areas.values():
        if area.id not in scored or len(area.levels) != 5:
            continue
        rows.append([client_title(area), _levels_cell(area.levels)])
        rows += [
            [f"{client_title(area)}: {label}", _levels_cell(levels)] for label, levels in own.get(area.id, [])
        ]
    blocks: list[Block] = [PageBreak(), Heading("Appendix: how maturity is scored", 1)]
    if not rows:
        return [
            *blocks,
            Paragraph(
                "We scored each area from 1 to 5, today and as the target, against a description of "
                "what each level looks like in that area."
            ),
        ]
    text = (
        "We scored each area from 1 to 5, today and as the target, against a description of what each "
        "level looks like in that area."
    )
    if own:
        text += (
            " A few questions are about a number or a list (a lead time, a share, the tools in use): "
            "they have a scale of their own, shown under their area, whose levels match the area's level "
            "for level, and they count in the area's average."
        )
    text += " What each level looks like, in the areas we scored:"
    blocks.append(Paragraph(text))
    blocks.append(Table(["Area", "Levels"], rows, key_value=True))
    return blocks


def _levels_cell(levels: tuple[str, ...]) -> str:
    return "\n".join(f"{number} · {level}" for number, level in enumerate(levels, start=1))


def _own_scales(ctx: ProposalContext) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Per area, the scored questions with scales of their own: the question as asked (without its
    examples in brackets) and the five levels, in bank order."""
    refs = {
        a.question
        for a in ctx.project.answers
        if a.status == "answered" and (a.current is not None or a.target is not None)
    }
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for ref, question in ctx.catalogue.questions.items():
        if ref not in refs or len(question.levels) != 5:
            continue
        label = re.sub(r"\s*\([^)]*\)", "", question.text).strip()
        found[question.area].append((label, question.levels))
    return found


def strengths(ctx: ProposalContext) -> list[Block]:
    """What is working well."""
    return [Heading("What is working well", 1), *prose(text_for(ctx, "working_well"))]


def findings(ctx: ProposalContext) -> list[Block]:
    """Findings by theme (area): maturity, what we heard, and quotes."""
    blocks: list[Block] = [Heading("Findings by theme", 1)]
    maturity = {row.area: row for row in area_maturity(ctx.project, ctx.catalogue)}
    seen = {row.area: row for row in area_maturity(ctx.project, ctx.catalogue, seen_only=True)}
    unseen = Counter(
        ctx.catalogue.questions[a.question].area for a in unverified_high_scores(ctx.project, ctx.catalogue)
    )
    quotes: dict[str, list[str]] = defaultdict(list)
    shown: list[str] = []
    if not ctx.options.redact:
        for heard in ctx.project.heard:
            question = ctx.catalogue.questions.get(heard.indicator)
            if heard.quote.strip() and question is not None:
                who = f" ({heard.speaker_role})" if heard.speaker_role else ""
                if len(quotes[question.area]) < FINDINGS_PER_THEME:
                    shown.append(heard.quote)
                quotes[question.area].append(f"“{heard.quote.strip()}”{who}")
    notes: dict[str, list[str]] = defaultdict(list)
    answers = sorted(
        (
            a
            for a in ctx.project.answers
            if a.notes and a.status == "answered" and a.question in ctx.catalogue.questions
        ),
        key=lambda a: -((a.target or 0) - (a.current or 0)),
    )
    for answer in answers:
        # A quote is shown once, as itself: a note's sentence repeating it is left out.
        text = without_quotes(ctx.r(ctx.readable(answer.notes)), shown).strip()
        if text:
            notes[ctx.catalogue.questions[answer.question].area].append(text)
    themes = [a for a in ctx.catalogue.areas if notes.get(a) or quotes.get(a)]
    if not themes:
        return [*blocks, Paragraph("No findings were captured yet.")]
    # Every finding is either here or, with the appendix, there: "and N more" always says where.
    in_appendix = "appendix" in ctx.options.sections
    per_theme = FINDINGS_PER_THEME if in_appendix else LIST_LIMIT
    where = "in the appendix, What we heard" if in_appendix else "in our session notes, available on request"
    for area_id in themes:
        blocks.append(Heading(ctx.catalogue.client_area_title(area_id), 2))
        row = maturity.get(area_id)
        if row is not None and row.current is not None and row.target is not None:
            caveat = _stated_caveat(unseen[area_id], seen.get(area_id))
            blocks.append(
                Paragraph(
                    f"Maturity today {row.current:.1f} of 5{caveat}; target {row.target:.1f} of 5.", "small"
                )
            )
        said = notes[area_id]
        if said:
            blocks.append(Bullets(said[:per_theme]))
        if len(said) > per_theme:
            rest = len(said) - per_theme
            verb = "is" if rest == 1 else "are"
            blocks.append(Paragraph(f"{count(rest, 'more finding')} on this theme {verb} {where}.", "small"))
        for quote in quotes.get(area_id, [])[:FINDINGS_PER_THEME]:
            blocks.append(Paragraph(quote, "quote"))
    return blocks


def _length(session: Session) -> str:
    """How long a session ran on the clock, else how long it was booked for."""
    minutes = session.elapsed_seconds // 60
    if minutes:
        return count(minutes, "minute")
    return f"{count(session.minutes, 'minute')} booked" if session.minutes else ""


def _stated_caveat(unseen: int, seen: AreaMaturity | None) -> str:
    """What the area's maturity is without its `unseen` high scores the client stated and nobody saw."""
    if not unseen:
        return ""
    scores = "a score" if unseen == 1 else f"{unseen} scores"
    if seen is None or seen.current is None:
        return f", all of it from {scores} of 4 or 5 we were told of but have not yet seen"
    return f" ({seen.current:.1f} leaving out {scores} of 4 or 5 we were told of but have not yet seen)"
