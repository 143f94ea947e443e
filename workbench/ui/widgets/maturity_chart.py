"""Current vs target maturity per area as bars, and where sessions disagree."""

from __future__ import annotations

from rich.text import Text

from workbench.analysis.maturity import AreaMaturity, Disagreement
from workbench.analysis.milestones import MilestoneDiff, quadrant_label
from workbench.model.catalogue import Catalogue
from workbench.model.records import Answer
from workbench.ui.safe import one_line

BLOCKS = " ▏▎▍▌▋▊▉█"


def bar(value: float | None, width: int) -> str:
    """A horizontal bar of `value` out of 5 in `width` cells, with eighth-block precision."""
    if value is None:
        return " " * width
    eighths = round(value / 5 * width * 8)
    full, rest = divmod(eighths, 8)
    return ("█" * full + (BLOCKS[rest] if rest else "")).ljust(width)


def score(value: float | None) -> str:
    """A mean maturity as people write it: 4, 3.5, 1.67; a dash when nothing was scored."""
    return "–" if value is None else f"{value:g}"


def label_lines(title: str, width: int) -> tuple[str, str]:
    """An area name over the two lines its bars take, shortened only if it needs more."""
    words = one_line(title).split(" ")
    first = ""
    while words and len(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one word longer than the label
        return one_line(title, width), ""
    return first, one_line(" ".join(words), width)


RIGHT_OF_BAR = " 3.67 target gap +1.3"  # the longest text after a bar
STACKED_BELOW = 20
"""Bars shorter than this beside the area names (a narrow side, 80 columns): the name goes on its
own line above its bars, which then take the whole width."""
STACKED_INDENT = "  "


def _layout(width: int) -> tuple[int, int, bool]:
    """The area names' width, the bars' width, and whether names sit above their bars."""
    label_width = min(34, max(12, width // 3))
    bar_width = width - label_width - 1 - len(RIGHT_OF_BAR)
    if bar_width >= STACKED_BELOW:
        return label_width, bar_width, False
    return width, max(5, width - len(STACKED_INDENT) - len(RIGHT_OF_BAR)), True


def _area_bars(title: str, bars: list[tuple[float | None, str, Text]], width: int) -> Text:
    """An area's two bars (value, colour, what follows the bar), its name beside them or, when
    that leaves the bars short, on a line above them."""
    label_width, bar_width, stacked = _layout(width)
    out = Text(no_wrap=True)
    if stacked:
        out.append(one_line(title, width) + "\n", style="bold")
        labels = [STACKED_INDENT] * len(bars)
    else:
        labels = [f"{line:<{label_width}}" for line in label_lines(title, label_width)]
    for label, (value, colour, after) in zip(labels, bars, strict=True):
        out.append(label, style="bold")
        out.append("" if stacked else " ")
        out.append(bar(value, bar_width), style=colour)
        out.append_text(after)
        out.append("\n")
    return out


def _scale(width: int) -> Text:
    """The line over the bars: 1 at their left, 5 at their right."""
    label_width, bar_width, stacked = _layout(width)
    left = STACKED_INDENT if stacked else " " * (label_width + 1)
    return Text(f"{left}1{' ' * (bar_width - 2)}5\n", style="dim")


def maturity_chart(rows: list[AreaMaturity], width: int) -> Text:
    """For each area a bar for current maturity and one for target."""
    if not rows:
        return Text(
            "No scored answers yet: score current and target maturity in Capture (1–5, shift+1–5).",
            style="dim",
        )
    out = _scale(width)
    for row in rows:
        gap = f" gap {row.gap:+.1f}" if row.current is not None and row.target is not None else ""
        bars = [
            (row.current, "yellow", Text(f" {score(row.current):>4} now")),
            (row.target, "green", Text(f" {score(row.target):>4} target{gap}")),
        ]
        out.append_text(_area_bars(row.title, bars, width))
    return out


def change_chart(diff: MilestoneDiff, width: int) -> Text:
    """Per area, current maturity at the milestone and now, two bars; then what happened to gaps.
    The milestone is named once, by the choice above the chart (`Since baseline (01 Dec 2026)`)."""
    out = _scale(width)
    for row in diff.areas:
        now = Text(f" {score(row.after):>4} now")
        if row.delta:
            now.append(f" {row.delta:+g}", style="green" if row.delta > 0 else "red")
        bars = [(row.before, "blue", Text(f" {score(row.before):>4} then")), (row.after, "yellow", now)]
        out.append_text(_area_bars(row.title, bars, width))
    lines = [
        ("opened", [f"{c.id} {c.title}" for c in diff.opened]),
        ("closed", [f"{c.id} {c.title}" for c in diff.closed]),
        (
            "moved",
            # where it went first: a long title is cut at the end, never the quadrant
            [f"{c.id} {quadrant_label(c.before)} → {quadrant_label(c.after)}: {c.title}" for c in diff.moved],
        ),
        ("pilots done", [f"{p.id} {p.title}" for p in diff.pilots_done]),
    ]
    for label, items in lines:
        for item in items:
            out.append(f"{label:>11}: ", style="dim")
            out.append(one_line(item, max(20, width - 13)) + "\n")
    return out


def alignment_text(findings: list[Disagreement], catalogue: Catalogue, width: int) -> Text:
    """Where sessions scored the same question or area two or more levels apart."""
    out = Text()
    out.append("Alignment: sessions that disagree by 2+ levels\n", style="bold underline")
    if not findings:
        out.append("None: the sessions see the current state alike.\n", style="dim")
        return out
    for finding in findings:
        if finding.scope == "area":
            subject = catalogue.area_title(finding.key)
        else:
            question = catalogue.questions.get(finding.key)
            subject = question.text if question else finding.key
        out.append(f"{finding.scope:>8}: ", style="dim")
        out.append(one_line(subject, max(20, width - 12)) + "\n")
        scores = "  ".join(f"{s} {v:g}" for s, v in sorted(finding.scores.items()))
        out.append(f"          {scores}  (spread {finding.spread:g})\n", style="yellow")
    return out


def unverified_text(answers: list[Answer], catalogue: Catalogue, width: int) -> Text:
    """Scores of 4 or 5 that rest on the client's word alone: ask to see it before relying on them."""
    out = Text()
    if not answers:
        return out
    out.append("\nHigh scores on 'stated' alone: see it before you rely on it\n", style="bold underline")
    for answer in answers:
        question = catalogue.questions.get(answer.question)
        subject = question.text if question else answer.question
        out.append(f"  ⚠ {answer.current} ", style="bold yellow")
        out.append(f"{answer.session}: ", style="dim")
        out.append(one_line(subject, max(20, width - 8 - len(answer.session))) + "\n")
    return out
