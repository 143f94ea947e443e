"""`workbench backlog PATH --format jira|azure|github|csv -o FILE`: work items for the client's tracker."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_backlog_parser(sub: Any) -> None:
    """Register the `backlog` command."""
    from workbench.export.backlog import FORMATS

    backlog = sub.add_parser(
        "backlog", help="export gaps, accepted practices, pilots and next steps as tracker work items"
    )
    backlog.add_argument("path", metavar="PATH")
    backlog.add_argument("--format", choices=FORMATS, required=True, help="the tracker's import format")
    backlog.add_argument(
        "-o",
        "--output",
        required=True,
        help="file to write (.csv, or .json for github); - writes to standard output",
    )
    backlog.add_argument("--force", action="store_true", help="replace an existing file")


def run_backlog(args: argparse.Namespace) -> int:
    """Write the backlog; 1 when the project cannot be read or the file exists, 0 otherwise."""
    from workbench.banks import load_catalogue
    from workbench.cli_common import STANDARD_OUTPUT, write_standard_output
    from workbench.export.backlog import backlog_items, render
    from workbench.export.frame import REPLACE_HOW
    from workbench.printable import one_line, plural
    from workbench.problems import FileProblem
    from workbench.store.atomic import atomic_write
    from workbench.store.files import load_project

    target = Path(args.output)
    if args.output == STANDARD_OUTPUT:
        try:
            project = load_project(args.path)
            items = backlog_items(project, load_catalogue(args.path))
        except FileProblem as problem:
            print(f"workbench: {one_line(problem)}", file=sys.stderr)
            return 1
        return write_standard_output(render(items, args.format).encode("utf-8"))
    if target.exists() and not args.force:
        print(f"workbench: {one_line(target)} already exists; {REPLACE_HOW}", file=sys.stderr)
        return 1
    try:
        project = load_project(args.path)
        items = backlog_items(project, load_catalogue(args.path))
        atomic_write(target, render(items, args.format).encode("utf-8"))
    except FileProblem as problem:
        print(f"workbench: {one_line(problem)}", file=sys.stderr)
        return 1
    kinds = {kind: sum(1 for i in items if i.kind == kind) for kind in ("epic", "story", "task")}
    print(
        f"wrote {one_line(target)}: {plural(kinds['epic'], 'epic')}, "
        f"{plural(kinds['story'], 'story', 'stories')}, {plural(kinds['task'], 'task')}"
    )
    print(f"next: {NEXT[args.format]}")
    return 0


NEXT = {
    "jira": "in Jira, System > External system import > CSV; map Issue Id and Parent Id to keep the links.",
    "azure": "in Azure Boards, Queries > Import work items; the Title 1/2/3 columns keep the hierarchy.",
    "github": "create the issues with the loop in the README (`gh issue create` per item).",
    "csv": "open it in a spreadsheet, or map its columns in your tracker's CSV import.",
}
