"""`workbench milestone save|list|diff`: named, dated records of the engagement, and what changed."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from workbench.cli_common import fail, iso_date


def add_milestone_parser(sub: Any) -> None:
    """Register the `milestone` command and its three actions."""
    milestone = sub.add_parser("milestone", help="save, list or compare milestones of a project")
    milestone.set_defaults(run=run_milestone)
    actions = milestone.add_subparsers(dest="action", metavar="ACTION", required=True)
    save = actions.add_parser("save", help="record the project's state now under a name")
    save.add_argument("path", metavar="PATH")
    save.add_argument("name", metavar="NAME")
    save.add_argument("--date", type=iso_date, help="the milestone's date, YYYY-MM-DD (default: today)")
    listing = actions.add_parser("list", help="the project's milestones, oldest first")
    listing.add_argument("path", metavar="PATH")
    diff = actions.add_parser("diff", help="what changed between two milestones (B defaults to now)")
    diff.add_argument("path", metavar="PATH")
    diff.add_argument("a", nargs="?", metavar="A", help="the earlier milestone (default: the latest)")
    diff.add_argument("b", nargs="?", default="now", metavar="B", help="the later one (default: now)")
    diff.add_argument("--ids", action="store_true", help="show practice ids beside their titles")


def run_milestone(args: argparse.Namespace) -> int:
    """0 on success; 1 when the file cannot be read or written, or refuses the name (already
    taken, no milestone yet to compare with); 2 for a name the command line cannot use (unknown,
    `now`, empty): the exit codes in the README's table."""
    from workbench.analysis.milestones import MilestoneProblem
    from workbench.banks import load_catalogue
    from workbench.problems import FileProblem
    from workbench.store.files import ProjectFile

    try:
        file = ProjectFile.load(args.path)
    except FileProblem as problem:
        return fail(str(problem), 1)
    catalogue = load_catalogue(args.path).only(file.project.project.banks)
    today = dt.date.today()
    try:
        if args.action == "save":
            if args.date is not None and args.date > today:
                return fail(
                    f"{args.path}: a milestone records where the engagement stood; {args.date} is after "
                    f"today ({today}): give today's date or an earlier one",
                    2,
                )
            return _save(file, catalogue, args.name, args.date or today)
        if args.action == "list":
            return _list(file.project)
        return _diff(file.project, catalogue, args.a, args.b, today, args.ids)
    except MilestoneProblem as problem:
        return fail(f"{args.path}: {problem}", 1 if problem.finding else 2)


def _save(file: Any, catalogue: Any, name: str, date: dt.date) -> int:
    from workbench.analysis.milestones import new_milestone_name
    from workbench.edits import Editor
    from workbench.edits.milestones import SaveMilestone
    from workbench.problems import FileProblem

    name = new_milestone_name(file.project, name)  # MilestoneProblem says why not, with its kind
    Editor(lambda: file.project).apply(SaveMilestone(name, catalogue, date))
    milestone = file.project.milestones[-1]  # the one just saved
    try:
        file.save()
    except FileProblem as problem:
        return fail(str(problem), 1)
    print(
        f"saved milestone {milestone.name!r} ({milestone.date}): {milestone.answers} answers, "
        f"{len(milestone.gaps)} gaps, {len(milestone.pilots)} plan items"
    )
    return 0


def _list(project: Any) -> int:
    if not project.milestones:
        print("No milestones yet: save one with `workbench milestone save PATH NAME`.")
        return 0
    from workbench.analysis.milestones import in_date_order

    for m in in_date_order(project):
        done = sum(1 for p in m.pilots if p.done)
        print(
            f"{m.date}  {m.name}: {m.answers} answers, {len(m.gaps)} gaps, "
            f"{done}/{len(m.pilots)} plan items done" + (f", plan ends {m.plan_end}" if m.plan_end else "")
        )
    return 0


def _diff(project: Any, catalogue: Any, a: str | None, b: str, today: dt.date, ids: bool) -> int:
    from workbench.analysis.milestones import (
        NOW,
        MilestoneProblem,
        MilestoneRefused,
        compare,
        find_milestone,
        in_time_order,
        latest,
        same_name,
    )
    from workbench.export.markdown_writer import render_markdown
    from workbench.export.progress_section import practice_titles, progress_blocks

    if a is None:
        newest = latest(project)
        if newest is None:
            raise MilestoneRefused("has no milestones to compare; save one with `workbench milestone save`")
        a = newest.name
    before, after = in_time_order(
        find_milestone(project, catalogue, a, today), find_milestone(project, catalogue, b, today)
    )
    if same_name(before.name, after.name):
        point = "the current state" if before.name == NOW else f"milestone {before.name!r}"
        raise MilestoneProblem(
            f"both sides are {point}, so there is nothing to compare; name two different points "
            "(a milestone and `now`, or two milestones)"
        )
    diff = compare(before, after, catalogue)
    blocks = progress_blocks(diff, practice_title=practice_titles(catalogue), practice_ids=ids)
    sys.stdout.write(render_markdown(blocks))
    return 0
