"""Small helpers the subcommand modules share: one-sentence errors and argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from workbench.printable import quoted


def fail(message: str, code: int) -> int:
    """Print one sentence to stderr and return the exit code."""
    print(f"workbench: {message}", file=sys.stderr)
    return code


STANDARD_OUTPUT = "-"
"""`-o -`: every command that takes -o writes to standard output instead of a file named `-`."""


def write_standard_output(data: bytes, binary: str = "") -> int:
    """Write a command's output to standard output as the file's bytes; 0, or 1 with a sentence.
    Text (Markdown, CSV: `binary` empty) keeps its line ends, with control characters in the data
    shown as placeholders, as every command prints; a `binary` file (".docx") goes only into a
    pipe or a file, never onto a terminal."""
    from workbench.printable import printable_lines

    if binary and sys.stdout.isatty():
        return fail(
            f"a {binary} file is not text to show in the terminal; add `> FILE{binary}` to the command, "
            f"or give -o FILE{binary}",
            1,
        )
    sys.stdout.flush()
    sys.stdout.buffer.write(data if binary else printable_lines(data.decode("utf-8")).encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


def iso_date(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{quoted(text)} is not a date; write it as YYYY-MM-DD") from None


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
        invalid_problems = invalid_project_problems(invalid, loaded.catalogue, loaded.problems)
        return None, loaded.catalogue, [*banks, *invalid_problems]
    except FileProblem as problem:  # (a file's syntax errors after the first are its `more`)
        return None, loaded.catalogue, [*banks, problem, *problem.more]
    references = reference_problems(path, project, loaded.catalogue, broken=loaded.problems)
    return project, loaded.catalogue, [*banks, *references]


def checked_project(path: str) -> tuple[Any, Any] | None:
    """The project and its catalogue when `workbench check` would pass it; else None, with each
    problem printed as `check` prints it (the command then exits 1, as the README's table says)."""
    project, catalogue, problems = project_problems(path)
    for problem in problems:
        print(f"workbench: {problem}", file=sys.stderr)
    return None if problems else (project, catalogue)
