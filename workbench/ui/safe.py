"""Showing text from files literally: never as markup, never as terminal control codes."""

from __future__ import annotations

from rich.text import Text

from workbench.printable import clean, one_line

__all__ = ["clean", "literal", "one_line", "problem_sentence"]


def literal(value: object, style: str = "", multiline: bool = True) -> Text:
    """A rich Text of file data: shown exactly, with no markup parsed."""
    return Text(clean(value, multiline), style=style)


SAVE_AGAIN = "save again, or save a copy (ctrl+p, Save a copy)"
"""What the app says to do once a read-only project file is writable again."""


def problem_sentence(problem: object, again: str = SAVE_AGAIN) -> str:
    """A problem as one sentence for a person in the app: a FileProblem says it all, but a
    read-only file's way out is the app's (`again`: what to do once it is writable), not the
    command line's "run the command again"; anything else is named."""
    from workbench.problems import FileProblem
    from workbench.store.atomic import ReadOnlyFile

    if isinstance(problem, ReadOnlyFile):
        return str(problem).replace(ReadOnlyFile.CLI_ADVICE, f"make it writable (chmod u+w) and {again}")
    if isinstance(problem, FileProblem):
        return str(problem)
    if isinstance(problem, OSError):
        return (
            f"{problem.filename or 'a file'}: {problem.strerror or problem}; check that the disk "
            f"has room and the folder can be written, then {again}"
        )
    return f"an unexpected {type(problem).__name__} stopped the write; your work is still in memory"
