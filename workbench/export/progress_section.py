"""Progress between two milestones as document blocks: the proposal's section and `milestone diff`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from workbench.analysis.milestones import (
    NOW,
    MilestoneDiff,
    compare,
    find_milestone,
    in_date_order,
    latest,
    quadrant_label,
    snapshot,
)
from workbench.export.blocks import Block, Bullets, Heading, Paragraph, Table
from workbench.model.catalogue import Catalogue
from workbench.model.milestones import Milestone
from workbench.model.project import Project


def _same(text: str) -> str:
    return text


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _change(value: float | None) -> str:
    if value is None:
        return ""
    return "0" if value == 0 else f"{value:+g}"


def _label(milestone: Milestone) -> str:
    return f"today ({milestone.date:%d %b %Y})" if milestone.name == NOW else (
        f"{milestone.name} ({milestone.date:%d %b %Y})"
    )


def _short(milestone: Milestone) -> str:
    return "today" if milestone.name == NOW else milestone.name


def progress_blocks(
    diff: MilestoneDiff,
    r: Callable[[str], str] = _same,
    level: int = 1,
    ids: bool = True,
    practice_title: Callable[[str], str] = _same,
    practice_ids: bool | None = None,
) -> list[Block]:
    """The comparison as a heading, a maturity table and lists of what changed. Gaps and pilots are
    named by title (with their ids when `ids`), practices by `practice_title` (with their ids in
    brackets when `practice_ids`, which follows `ids` unless given)."""
    practice_ids = ids if practice_ids is None else practice_ids
    before, after = diff.before, diff.after
    heading = f"Progress since {_label(before)}"
    if after.name != NOW:
        heading = f"Progress: {_label(before)} → {_label(after)}"
    blocks: list[Block] = [Heading(heading, level)]
    facts = [f"Answers captured: {before.answers} → {after.answers}."]
    if before.plan_end or after.plan_end:
        ends = [f"{m.plan_end:%d %b %Y}" if m.plan_end else "no plan" for m in (before, after)]
        facts.append(f"Plan end: {ends[0]} → {ends[1]}.")
    blocks.append(Paragraph(" ".join(facts)))
    then, now = _short(before), _short(after)
    if diff.areas:
        blocks.append(
            Table(
                ["Area", then, now, "Change", f"Target ({then})", f"Target ({now})"],
                [
                    [
                        r(a.title),
                        _score(a.before),
                        _score(a.after),
                        _change(a.delta),
                        _score(a.target_before),
                        _score(a.target_after),
                    ]
                    for a in diff.areas
                ],
                caption="Mean maturity per area, 1 to 5 on the area's own levels.",
            )
        )

    def named(record_id: str, title: str) -> str:
        shown = r(title)
        return f"{record_id} {shown}".strip() if ids or not shown else shown

    gap_titles = {g.id: g.title for g in [*before.gaps, *after.gaps]}

    def accepted(pair: str) -> str:
        gap, _, practice = pair.partition(" ")
        title = practice_title(practice)
        shown = f"{title} ({practice})" if practice_ids and title != practice else title
        return f"{named(gap, gap_titles.get(gap, ''))} → {shown}"

    lists = [
        ("Gaps opened", [f"{named(c.id, c.title)} ({quadrant_label(c.after)})" for c in diff.opened]),
        ("Gaps closed", [f"{named(c.id, c.title)} (was {quadrant_label(c.before)})" for c in diff.closed]),
        (
            "Gaps moved",
            [
                f"{named(c.id, c.title)}: {quadrant_label(c.before)} → {quadrant_label(c.after)}"
                for c in diff.moved
            ],
        ),
        ("Pilots done", [named(p.id, p.title) for p in diff.pilots_done]),
        ("Practices accepted", [accepted(m) for m in diff.mappings_accepted]),
    ]
    for title, items in lists:
        if items:
            blocks.append(Heading(title, level + 1))
            blocks.append(Bullets(items))
    if diff.unchanged:
        blocks.append(Paragraph("Nothing changed between the two points."))
    return blocks


def progress_section(
    project: Project,
    catalogue: Catalogue,
    today: dt.date,
    r: Callable[[str], str] = _same,
    ids: bool = False,
    since: str = "",
) -> list[Block]:
    """Progress for the proposal, since the milestone named `since`, else the latest one saved
    before today (one saved today, just before exporting, would leave nothing to report), else the
    latest; nothing when none was saved. Ids only when asked for; practices by title."""
    if not project.milestones:
        return []
    earlier = [m for m in in_date_order(project) if m.date < today]
    base = latest(project) if not earlier else earlier[-1]
    if since:
        base = find_milestone(project, catalogue, since, today)
    if base is None:
        return []
    now = snapshot(project, catalogue, NOW, today)

    titles = practice_titles(catalogue)
    return progress_blocks(compare(base, now, catalogue), r, ids=ids, practice_title=titles)


def practice_titles(catalogue: Catalogue) -> Callable[[str], str]:
    """A practice's title from its id (the id itself when the guides lack it)."""

    def practice_title(practice: str) -> str:
        known = catalogue.practices.get(practice)
        return known.title if known is not None else practice

    return practice_title
