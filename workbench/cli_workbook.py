"""`workbench questionnaire` writes the self-assessment workbook; `workbench import` reads it back."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any


def add_workbook_parsers(sub: Any) -> None:
    """Register `questionnaire` and `import`."""
    out = sub.add_parser("questionnaire", help="write a self-assessment workbook (.xlsx) for a client team")
    out.add_argument("path", metavar="PATH")
    which = out.add_mutually_exclusive_group()
    which.add_argument("--template", help="only a session template's questions (e.g. data-science)")
    which.add_argument("--areas", help="only these areas, comma-separated (ids from `workbench banks`)")
    out.add_argument(
        "-o", "--output", required=True, help="the .xlsx file to write; - writes to standard output"
    )
    out.add_argument("--force", action="store_true", help="replace an existing file")

    back = sub.add_parser("import", help="read a filled-in workbook back as a self-assessment session")
    back.add_argument("path", metavar="PATH")
    back.add_argument("workbook", metavar="FILE.xlsx")
    back.add_argument("--session", default="", help="session id to import into (default: one per workbook)")
    back.add_argument("--partial", action="store_true", help="import the good rows even when some are wrong")


def _error(message: object) -> None:
    from workbench.printable import one_line

    print(f"workbench: {one_line(message)}", file=sys.stderr)


def run_questionnaire(args: argparse.Namespace) -> int:
    """Write the workbook; 1 when the project cannot be read or the file exists, 2 on bad options."""
    from workbench.banks import load_catalogue
    from workbench.cli_common import STANDARD_OUTPUT, write_standard_output
    from workbench.printable import one_line, plural
    from workbench.problems import FileProblem
    from workbench.store.files import load_project
    from workbench.workbook.write import WorkbookRequest, build_workbook, selected_refs, write_workbook

    target = Path(args.output)
    to_stdout = args.output == STANDARD_OUTPUT
    if not to_stdout and target.exists() and not args.force:
        _error(f"{target} already exists; add --force to replace it")
        return 1
    areas = tuple(a.strip() for a in args.areas.split(",") if a.strip()) if args.areas else ()
    request = WorkbookRequest(template=args.template or "", areas=areas)
    try:
        project = load_project(args.path)
        catalogue = load_catalogue(args.path).only(project.project.banks)
        count = len(selected_refs(project, catalogue, request))
        if to_stdout:
            return write_standard_output(build_workbook(project, catalogue, request), ".xlsx")
        write_workbook(project, catalogue, request, target)
    except ValueError as error:
        _error(error)
        return 2
    except FileProblem as problem:
        _error(problem)
        return 1
    print(f"wrote {one_line(target)}: {plural(count, 'question')} for the client team to fill in")
    print(f"next: when it comes back, `workbench import {one_line(args.path)} {one_line(target)}`")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import; 1 (nothing written) when the workbook has problems and --partial is not given."""
    from workbench.banks import load_catalogue
    from workbench.printable import plural
    from workbench.problems import FileProblem
    from workbench.store.files import ProjectFile
    from workbench.workbook.read import apply_import, read_workbook

    try:
        file = ProjectFile.load(args.path)
        catalogue = load_catalogue(args.path).only(file.project.project.banks)
        read = read_workbook(args.workbook, file.project, catalogue)
    except FileProblem as problem:
        _error(problem)
        return 1
    for finding in read.problems:
        _error(f"{args.workbook}: {finding}")
    if read.problems and not args.partial:
        _error(
            f"nothing was imported: {plural(len(read.problems), 'problem')} above; fix them or pass --partial"
        )
        return 1
    if not read.rows:
        print("nothing to import: no row of the workbook is filled in yet")
        return 0
    summary = apply_import(file.project, read, args.session, dt.date.today(), partial=args.partial)
    try:
        written = file.save()
    except FileProblem as problem:
        _error(problem)
        return 1
    if not written:
        print(
            f"nothing changed: {plural(summary.unchanged, 'row')} already imported "
            f"into session {summary.session}"
        )
        return 0
    print(
        f"imported into session {summary.session}: {plural(summary.answers, 'answer')}, "
        f"{plural(summary.heard, 'pain point')} heard, {plural(summary.metrics, 'metric')}"
        + (f"; {plural(summary.unchanged, 'row')} unchanged" if summary.unchanged else "")
        + (f"; skipped {plural(len(read.bad_refs), 'row')} with problems" if read.bad_refs else "")
    )
    print(f"next: `workbench {args.path}` shows them; F6 switches to the session {summary.session}.")
    return 0
