"""Progress between two milestones as document blocks: the proposal's section and `milestone diff`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from workbench.analysis.milestones import (
    NOW,
    GapChange,
    MilestoneDiff,
    compare,
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
    return "now" if milestone.name == NOW else f"{milestone.name} ({milestone.date:%d %b %Y})"


def _gap(change: GapChange, r: Callable[[str], str]) -> str:
    return f"{change.id} {r(change.title)}".strip()


def progress_blocks(diff: MilestoneDiff, r: Callable[[str], str] = _same, level: int = 1) -> list[Block]:
    """The comparison as a heading, a maturity table and lists of what changed."""
    before, after = diff.before, diff.after
    blocks: list[Block] = [Heading(f"Progress: {_label(before)} → {_label(after)}", level)]
    facts = [f"Answers captured: {before.answers} → {after.answers}."]
    if before.plan_end or after.plan_end:
        ends = [f"{m.plan_end:%d %b %Y}" if m.plan_end else "no plan" for m in (before, after)]
        facts.append(f"Plan end: {ends[0]} → {ends[1]}.")
    blocks.append(Paragraph(" ".join(facts)))
    if diff.areas:
        blocks.append(
            Table(
                ["Area", "Then", "Now", "Change", "Target then", "Target now"],
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
                caption="Mean maturity per area, 1 (ad hoc) to 5 (optimised).",
            )
        )
    lists = [
        ("Gaps opened", [f"{_gap(c, r)} ({quadrant_label(c.after)})" for c in diff.opened]),
        ("Gaps closed", [f"{_gap(c, r)} (was {quadrant_label(c.before)})" for c in diff.closed]),
        (
            "Gaps moved",
            [f"{_gap(c, r)}: {quadrant_label(c.before)} → {quadrant_label(c.after)}" for c in diff.moved],
        ),
        ("Pilots done", [f"{p.id} {r(p.title)}".strip() for p in diff.pilots_done]),
        ("Practices accepted", [m.replace(" ", " → ", 1) for m in diff.mappings_accepted]),
    ]
    for title, items in lists:
        if items:
            blocks.append(Heading(title, level + 1))
            blocks.append(Bullets(items))
    if diff.unchanged:
        blocks.append(Paragraph("Nothing changed between the two points."))
    return blocks


def progress_section(
    project: Project, catalogue: Catalogue, today: dt.date, r: Callable[[str], str] = _same
) -> list[Block]:
    """Progress since the latest milestone, for the proposal; nothing when none was saved."""
    since = latest(project)
    if since is None:
        return []
    now = snapshot(project, catalogue, NOW, today)
    return progress_blocks(compare(since, now, catalogue), r)
