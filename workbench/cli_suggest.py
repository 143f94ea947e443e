"""`workbench gaps PATH` and `workbench map PATH [--gap ID]`: the Gaps and Map panes' rankings, in print."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workbench.printable import one_line, plural

INDENT = "       "


def add_suggest_parsers(sub: Any) -> None:
    """Register the `gaps` and `map` commands."""
    gaps = sub.add_parser("gaps", help="print the ranked gaps and the gaps the evidence suggests")
    gaps.add_argument("path", metavar="PATH")
    map_cmd = sub.add_parser("map", help="print each gap's ranked practices with the reasons for them")
    map_cmd.add_argument("path", metavar="PATH")
    map_cmd.add_argument("--gap", metavar="ID", help="only this gap (G-001)")


def _load(path: str) -> tuple[Any, Any] | None:
    from workbench.cli_common import checked_project

    checked = checked_project(path)
    if checked is None:
        return None
    project, catalogue = checked
    return project, catalogue.only(project.project.banks)


def run_gaps(args: argparse.Namespace) -> int:
    """Ranked gaps (priority, cell, quadrant), then suggested gaps with why; 1 if unreadable."""
    from workbench.analysis.gaps import QUADRANT_LABELS, gap_quadrant, ranked_gaps, suggestions

    loaded = _load(args.path)
    if loaded is None:
        return 1
    project, catalogue = loaded
    ranked = ranked_gaps(project)
    print(f"Ranked gaps ({plural(len(ranked), 'gap')}): priority, impact × complexity, quadrant")
    id_width = max([6, *(len(one_line(gap.id)) for gap, _ in ranked)])  # G-m1-03 is longer
    for gap, score in ranked:
        quadrant = QUADRANT_LABELS[gap_quadrant(project, gap)]
        status = "" if gap.status == "open" else f" [{gap.status}]"
        cell = f"{gap.impact}×{gap.complexity}"
        gap_id = one_line(gap.id)
        print(f"  {gap_id:<{id_width}} {score:5.1f}  {cell}  {quadrant:<12} {one_line(gap.title)}{status}")
    found = suggestions(project, catalogue)
    print(
        f"\nSuggested gaps ({plural(len(found), 'suggestion')}): accept or dismiss them in the Gaps pane (F3)"
    )
    for suggestion in found:
        print(f"  {suggestion.impact}×{suggestion.complexity}  {one_line(suggestion.title)}")
        print(f"{INDENT}why: {one_line(suggestion.reason)}")
        print(f"{INDENT}key: {suggestion.key}")
    return 0


def run_map(args: argparse.Namespace) -> int:
    """Each gap's practices, best first, with their score, decision and reasons; 1 on an unknown gap."""
    from workbench.analysis.gaps import QUADRANT_LABELS, gap_quadrant, ranked_gaps
    from workbench.analysis.mapping import suggest_practices

    loaded = _load(args.path)
    if loaded is None:
        return 1
    project, catalogue = loaded
    gaps = [gap for gap, _ in ranked_gaps(project)]
    if args.gap:
        gaps = [gap for gap in gaps if gap.id.casefold() == args.gap.strip().casefold()]  # g-009 is G-009
        if not gaps:
            print(
                f"workbench: {args.path} has no gap {args.gap}; `workbench gaps {args.path}` lists them",
                file=sys.stderr,
            )
            return 1
    for number, gap in enumerate(gaps):
        if number:
            print()
        print(
            f"{gap.id} {one_line(gap.title)} ({QUADRANT_LABELS[gap_quadrant(project, gap)]}, "
            f"impact {gap.impact}, complexity {gap.complexity})"
        )
        practices = suggest_practices(project, catalogue, gap)
        if not practices:
            print("  no practice matches: add the client's words to the gap's description or evidence")
        for suggestion in practices:
            practice = suggestion.practice
            decision = f" [{suggestion.decision}]" if suggestion.decision else ""
            print(
                f"  {suggestion.score:4.1f} {practice.id}{decision}: {one_line(practice.title)} "
                f"(effort {practice.effort})"
            )
            for reason in suggestion.reasons:
                print(f"{INDENT}{one_line(reason)}")
    return 0
