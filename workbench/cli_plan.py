"""`workbench plan PATH [--mermaid]`: the schedule as a table or a Mermaid gantt chart."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any


def add_plan_parser(sub: Any) -> None:
    """Register the `plan` command."""
    plan = sub.add_parser("plan", help="print the pilot schedule, critical path and end week")
    plan.add_argument("path", metavar="PATH")
    plan.add_argument("--mermaid", action="store_true", help="print a Mermaid gantt chart instead")


def run_plan(args: argparse.Namespace) -> int:
    """Print the schedule; exit 1 on a dependency cycle or an unreadable file."""
    from workbench.analysis.plan import PlanCycle, end_date, last_week, schedule, week_date, week_range
    from workbench.export.mermaid import mermaid_gantt
    from workbench.problems import FileProblem
    from workbench.store.check import plan_cycle_problems
    from workbench.store.files import load_project

    try:
        project = load_project(args.path)
        plan = schedule(project)
    except FileProblem as problem:
        print(f"workbench: {problem}", file=sys.stderr)
        return 1
    except PlanCycle as cycle:
        problems = plan_cycle_problems(args.path, project) or [FileProblem(args.path, str(cycle))]
        for found in problems:
            print(f"workbench: {found}", file=sys.stderr)
        return 1
    today = dt.date.today()
    if args.mermaid:
        sys.stdout.write(mermaid_gantt(project, plan, today))
        return 0
    if not plan.items:
        print("The plan is empty: add pilots in the Plan pane.")
        return 0
    width = max(len(s.id) + len(s.item.title) + 2 for s in plan.items)
    width = min(max(width, 10), 60)
    header = f"{'item':<{width}}  {'weeks':>7}  {'slack':>5}  starts"
    print(f"{header}  (in weeks; week 1 is the week work starts)")
    for s in plan.items:
        name = f"{s.id} {s.item.title}"
        name = name if len(name) <= width else name[: width - 1] + "…"
        mark = " *" if s.critical else ""
        starts = week_date(project, s.start, today)
        print(f"{name:<{width}}  {week_range(s):>7}  {s.slack:>5}  {starts}{mark}")
        if s.conflict:
            print(f"{'':<{width}}  conflict: {s.conflict}")
    for item_id, dependency in plan.unknown_dependencies:
        print(f"warning: {item_id} depends on unknown item {dependency}")
    print(f"critical path: {' → '.join(plan.critical_path) or 'none'} (* above)")
    print(f"end week: {last_week(plan)} (ends {end_date(project, plan, today)})")
    return 0
