"""`workbench followups PATH [--format md|csv] [--all]`: the agenda per person."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from workbench.cli_common import fail


def add_followups_parser(sub: Any) -> None:
    """Register the `followups` command."""
    followups = sub.add_parser("followups", help="the follow-up agenda per person: whom to ask what")
    followups.add_argument("path", metavar="PATH")
    followups.add_argument("--format", choices=("md", "csv"), default="md", help="Markdown (default) or CSV")
    followups.add_argument("--all", action="store_true", help="include items already done")
    followups.set_defaults(run=run_followups)


def run_followups(args: argparse.Namespace) -> int:
    """Print the agenda; 1 when the project cannot be read."""
    from workbench.analysis.followups import follow_ups
    from workbench.banks import load_catalogue
    from workbench.export.agenda import agenda_blocks, agenda_csv
    from workbench.export.markdown_writer import render_markdown
    from workbench.problems import FileProblem
    from workbench.store.files import load_project

    try:
        project = load_project(args.path)
    except FileProblem as problem:
        return fail(str(problem), 1)
    catalogue = load_catalogue(args.path).only(project.project.banks)
    items = [i for i in follow_ups(project, catalogue) if args.all or not i.done]
    if args.format == "csv":
        sys.stdout.write(agenda_csv(items))
    else:
        sys.stdout.write(render_markdown(agenda_blocks(project.project.name, items, dt.date.today())))
    return 0
