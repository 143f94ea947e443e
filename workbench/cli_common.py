"""Small helpers the subcommand modules share: one-sentence errors and argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any


def fail(message: str, code: int) -> int:
    """Print one sentence to stderr and return the exit code."""
    print(f"workbench: {message}", file=sys.stderr)
    return code


def iso_date(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def project_problems(path: str) -> tuple[Any, Any, list[Any]]:
    """The project, its catalogue and every problem `workbench check` reports for the file (the
    file unreadable or invalid, a reference to nothing, and every problem of its banks as
    `banks --check --project` reports them); the project is None when it could not be read."""
    from workbench.banks import bank_dirs, check_banks, load_banks
    from workbench.problems import FileProblem
    from workbench.store.check import invalid_project_problems, reference_problems
    from workbench.store.files import InvalidProject, load_project

    loaded = load_banks(bank_dirs(path))
    banks = check_banks(loaded)
    try:
        project = load_project(path)
    except InvalidProject as invalid:
        return None, loaded.catalogue, [*banks, *invalid_project_problems(invalid, loaded.catalogue)]
    except FileProblem as problem:
        return None, loaded.catalogue, [*banks, problem]
    references = reference_problems(path, project, loaded.catalogue, broken=loaded.problems)
    return project, loaded.catalogue, [*banks, *references]


def checked_project(path: str) -> tuple[Any, Any] | None:
    """The project and its catalogue when `workbench check` would pass it; else None, with each
    problem printed as `check` prints it (the command then exits 1, as the README's table says)."""
    project, catalogue, problems = project_problems(path)
    for problem in problems:
        print(f"workbench: {problem}", file=sys.stderr)
    return None if problems else (project, catalogue)
