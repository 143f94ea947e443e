"""`workbench merge BASE OURS THEIRS` (a git merge driver) and `workbench git-setup`."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from workbench.printable import quoted
from workbench.problems import FileProblem
from workbench.store.files import IGNORED_COPIES
from workbench.store.merge3 import Conflict, Data, is_id_conflict
from workbench.store.merge_text import conflict_text, merge_versions, read_version
from workbench.store.merge_words import (
    GIT,
    KINDS,
    Names,
    edits,
    from_base,
    names_a_question,
    plain,
    renumbering,
)

DRIVER = "workbench"
"""The merge driver's name in git's config and in .gitattributes."""
PATTERN = "projects/*.toml"
"""The files the driver merges."""


def add_merge_parsers(sub: Any) -> None:
    """Register the two subcommands."""
    merge = sub.add_parser(
        "merge", help="three-way merge of a project file; git's merge driver (%%O %%A %%B)"
    )
    merge.add_argument("base", help="the version both sides started from (git's %%O)")
    merge.add_argument("ours", help="our version; the result is written here (git's %%A)")
    merge.add_argument("theirs", help="their version (git's %%B)")
    merge.add_argument("name", nargs="?", help="the file's path in the repository, for messages (%%P)")
    merge.add_argument(
        "-o",
        "--output",
        help="write the result (conflicts marked) to this new file; OURS is left as it is",
    )
    sub.add_parser("git-setup", help=f"use `workbench merge` for {PATTERN} in this git repository")


def _error(message: str) -> None:
    print(f"workbench: {message}", file=sys.stderr)


SIDES = {
    "merge": {
        "base": "the version both branches started from",
        "ours": "the version on your branch",
        "theirs": "the version from the branch being merged in",
    },
    "rebase": {
        "base": "the version both started from",
        "ours": "the version on the branch you are rebasing onto",
        "theirs": "the version in your commit being replayed",
    },
    "hand": {"base": "BASE", "ours": "OURS", "theirs": "THEIRS"},
}
"""Each input file in words, as git runs the driver (a merge, or a rebase, where git's ours is
the branch rebased onto) or by hand: an error names the file that is bad first."""

GIT_TEMP = ".merge_file_"
"""How git names the temporary copies it hands a merge driver."""


def run_merge(args: argparse.Namespace) -> int:
    """Merge; exit 0 merged, 1 conflicts (reported, marked in OURS), 2 a side is not a project."""
    name = args.name or args.ours
    target = args.output or args.ours
    if args.output and os.path.lexists(args.output):
        _error(f"{args.output}: already exists; give a new file's name to --output; nothing was written")
        return 2
    versions = []
    for side in ("base", "ours", "theirs"):
        path = getattr(args, side)
        try:
            versions.append(read_version(path, Path(path).read_bytes()))
        except OSError as error:
            _error(f"{_label(args, side)}: cannot be read ({error.strerror}); nothing was written")
            return 2
        except FileProblem as problem:
            place = f", {problem.place}" if problem.place else ""
            what, advice = _what_and_advice(problem)
            _error(
                f"{_label(args, side)}{place}: {what}; nothing was written; {_fix(args, side, what, advice)}"
            )
            return 2
    base, ours, theirs = versions
    result = merge_versions(base, ours, theirs, path=name)
    for sentence in renumbering(result.renumbered, result.made_room, GIT):
        print(f"workbench: {name}: {sentence}", file=sys.stderr)
    if not result.conflicts:
        return _write(target, result.text, name)
    checked = any(c.path == ("check",) for c in result.conflicts)
    marked = None if checked else conflict_text(base, ours, theirs)
    count = len(result.conflicts)
    print(f"workbench: {name}: {count} conflict{'s' if count != 1 else ''}:", file=sys.stderr)
    names = _names(name, (base.data, ours.data, theirs.data))
    for conflict in result.conflicts:
        print("  " + describe(conflict, names), file=sys.stderr)
    if marked is not None and _write(target, marked, name) == 0:
        print(
            f"workbench: {args.output or name}: the clean changes are merged; each conflict is "
            "between <<<<<<< and >>>>>>> markers (ours, base, theirs). Keep one side, delete "
            "the markers, then `workbench check` the file"
            f"{'' if _operation(args) == 'hand' else ' and `git add` it'}.",
            file=sys.stderr,
        )
    else:
        print(f"workbench: {name}: {_left_as_ours(args, name)}", file=sys.stderr)
    return 1


def _left_as_ours(args: argparse.Namespace, name: str) -> str:
    """What to do when nothing of theirs was written, as git runs the driver or by hand."""
    if args.output:
        return (
            f"nothing was written to {args.output}: bring the changes in {args.theirs} into "
            f"{args.ours} by hand so that `workbench check` passes."
        )
    if _operation(args) == "hand":
        return (
            f"left as it was: the changes in {args.theirs} are not in it; bring them in by hand so "
            "that `workbench check` passes."
        )
    return (
        f"left as ours, without theirs' changes (`git show :3:{name}` shows theirs'): bring them in "
        "by hand so that `workbench check` passes, then `git add` it."
    )


def _by_git(args: argparse.Namespace) -> bool:
    return Path(args.ours).name.startswith(GIT_TEMP) or bool(args.name and args.name != args.ours)


def _operation(args: argparse.Namespace) -> str:
    """Which run this is: "merge" or "rebase" by git, "hand" by a person."""
    if not _by_git(args):
        return "hand"
    try:
        paths = _git("rev-parse", "--git-path", "rebase-merge", "--git-path", "rebase-apply").split()
    except (OSError, subprocess.CalledProcessError):
        return "merge"
    return "rebase" if any(Path(p).is_dir() for p in paths) else "merge"


def _label(args: argparse.Namespace, side: str) -> str:
    """A side of the merge in words: the project's path and which version of it (`projects/
    example.toml (the version from the branch being merged in)`), never git's temporary copy,
    gone when the merge stops; the file given by hand as it was given."""
    operation = _operation(args)
    words = SIDES[operation][side]
    if operation == "hand":
        return f"{getattr(args, side)} ({words})"
    if args.name and args.name != args.ours:
        return f"{args.name} ({words})"
    again = "run `workbench git-setup` again so git names the file"
    return f"{args.name or 'the project file'} ({words}; {again})"


NEWER = "written by a newer workbench"
"""How a version a newer workbench wrote is told (`store.files.project_from_data`)."""


def _what_and_advice(problem: FileProblem) -> tuple[str, str]:
    """A problem's message as what is wrong and the advice for a file opened by hand (`the file
    is empty; restore it from git or a .bak copy`); the advice is empty when it says only to fix
    the file."""
    message = problem.message.removesuffix("; fix the file there")
    what, _, advice = message.rpartition("; ")
    return (what, advice) if what else (message, "")


def _fix(args: argparse.Namespace, side: str, what: str, advice: str) -> str:
    """The one piece of advice that fits the problem and the way the merge was run: by hand,
    the problem's own advice (or fix that file), then run the merge again; by git, abort, put
    it right where the bad version is, and merge (or rebase) again. A version a newer workbench
    wrote is not wrong: the workbench is upgraded, not the file."""
    operation = _operation(args)
    newer = NEWER in what
    if operation == "hand":
        if newer:
            return "upgrade the workbench, then run the merge again"
        return f"{advice or 'fix that file'}, then run the merge again"
    abort = f"abort (`git {operation} --abort`)"
    if newer:
        return f"{abort}, upgrade the workbench, and {operation} again"
    where = {
        ("merge", "ours"): "on your branch",
        ("merge", "theirs"): "on the branch being merged in",
        ("rebase", "ours"): "on the branch you are rebasing onto",
        ("rebase", "theirs"): "on your branch",
    }.get((operation, side), "where it was committed")
    return f"{abort}, fix the file {where}, commit, and {operation} again"


def _names(name: str, versions: tuple[Data, ...]) -> Names:
    """Names for the report, with question texts and session titles from the project's banks."""
    from workbench.banks import load_catalogue

    catalogue = load_catalogue(name)
    return Names(
        versions,
        {ref: q.text for ref, q in catalogue.questions.items()},
        {template_id: t.title for template_id, t in catalogue.templates.items()},
    )


def _write(path: str, text: str, name: str) -> int:
    from workbench.store.atomic import atomic_write

    try:
        atomic_write(path, text.encode("utf-8"))
    except FileProblem as problem:
        _error(f"{name}: {problem.message}")
        return 2
    return 0


VALUE_CHARS = 60
"""Each value in the report is cut to this many characters, each side from where it differs
from the base."""


def describe(conflict: Conflict, names: Names) -> str:
    """One line per conflict: what, why when the values don't say, and the three values, long
    ones each shown from where it differs from the base (`Gap G-006 'No data-quality checks at
    ingestion': title: base '…', ours 'B', theirs 'C'`); a record deleted on one side and
    edited on the other shows the fields edited (`theirs impact 1 -> 2`)."""
    if conflict.path == ("check",):
        return f"the merged file would not pass `workbench check`: {conflict.note}"
    record = len(conflict.path) == 2
    values = (conflict.base, conflict.ours, conflict.theirs)
    texts = from_base([names.value(conflict, v) for v in values], VALUE_CHARS)
    as_text = [isinstance(value, str | dict) and not names_a_question(conflict) for value in values]
    if record and isinstance(conflict.base, dict):  # deleted on one side: what the other edited
        for at in (1, 2):
            if isinstance(values[at], dict):
                texts[at], as_text[at] = edits(conflict.base, values[at], section=conflict.path[0]), False
    line = f"{names.sentence(conflict, GIT)}: {_shown(texts, as_text)}"
    if conflict.used_by and conflict.deleted_by is not None:
        users = ", ".join(names.record(s, label) for s, label in conflict.used_by)
        line += (
            f". It is marked once, around the {KINDS.get(conflict.path[0], conflict.path[0])}; to keep "
            f"{conflict.deleted_by}' side (deleted), also take {conflict.path[1]} out of {users}"
        )
    for settled in conflict.settles:  # a record renamed two ways: its fields settled with its id
        line += f"; {names.field(settled)}: {_values(settled)}"
    if is_id_conflict(conflict.path):
        line += (
            f". The file uses ours' id everywhere; to keep theirs', keep its side and replace "
            f"{quoted(conflict.ours)} with {quoted(conflict.theirs)} throughout the file"
        )
    return line


def _shown(texts: list[str], as_text: list[bool]) -> str:
    """`base 'A', ours 'B', theirs 'C'`."""
    return ", ".join(
        f"{side} {_quoted(text) if quote else text}"
        for side, quote, text in zip(("base", "ours", "theirs"), as_text, texts, strict=True)
    )


def _values(conflict: Conflict) -> str:
    """A field's three values, as the report shows them."""
    values = (conflict.base, conflict.ours, conflict.theirs)
    texts = from_base([plain(v) for v in values], VALUE_CHARS)
    return _shown(texts, [isinstance(v, str) for v in values])


def _quoted(text: str) -> str:
    return f"'{text}'"


def run_git_setup() -> int:
    """Register the driver in the local git config and for PATTERN, under the folder it is run
    in, in the repository's .gitattributes; succeed only when `git check-attr` says git uses it."""
    try:
        top = _git("rev-parse", "--show-toplevel").strip()
    except (OSError, subprocess.CalledProcessError):
        _error("this is not a git repository (or git is not installed); run it inside your project's clone")
        return 1
    command = f"{shlex.quote(sys.executable)} -m workbench.cli merge %O %A %B %P"
    _git("config", f"merge.{DRIVER}.name", "MLOps Discovery Workbench: merge project files record by record")
    _git("config", f"merge.{DRIVER}.driver", command)
    here = _git("rev-parse", "--show-prefix").strip()  # this folder, from the repository's root
    attributes = Path(top) / ".gitattributes"
    pattern = here + PATTERN
    line = f"{pattern} merge={DRIVER}"
    existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if line not in existing.splitlines():
        prefix = "" if not existing or existing.endswith("\n") else "\n"
        attributes.write_text(existing + prefix + line + "\n", encoding="utf-8")
        print(f"added `{line}` to {attributes}; commit it so everyone's clone uses it")
    ignore = Path(top) / ".gitignore"
    ignored = ignore.read_text(encoding="utf-8") if ignore.exists() else ""
    missing = [p for p in IGNORED_COPIES if p not in ignored.splitlines()]
    if missing:
        prefix = "" if not ignored or ignored.endswith("\n") else "\n"
        note = "# copies and back-ups the workbench keeps beside projects\n"
        ignore.write_text(ignored + prefix + note + "\n".join(missing) + "\n", encoding="utf-8")
        print(f"added {', '.join(missing)} to {ignore}; commit it so these copies stay out of git")
    probe = PATTERN.replace("*", "a")  # a project file here (git reads the path from here)
    said = _git("check-attr", "merge", "--", probe).strip()
    if not said.endswith(f": merge: {DRIVER}"):
        where = _overriding(Path(top), here, line) or (
            f"a .gitattributes line after `{line}` in {attributes}, or one in this folder"
        )
        _error(
            f"git does not use the driver for {PATTERN} here (their merge attribute is "
            f"{said.rsplit(': ', 1)[-1] or 'not known'}): {where} overrides it; remove that line and "
            "run git-setup again"
        )
        return 1
    print(f"git will merge {pattern} with `workbench merge` in {top} (run git-setup once per clone)")
    if not any(Path.cwd().glob(PATTERN)):
        _error(_no_projects_here(here))
    return 0


def _overriding(top: Path, here: str, ours: str) -> str:
    """The attribute files that set another merge for the projects (`projects/.gitattributes`),
    named from the folder git-setup runs in; empty when none is found."""
    folders = [top]
    for part in [*Path(here).parts, "projects"]:
        folders.append(folders[-1] / part)
    found = []
    for folder in folders:
        path = folder / ".gitattributes"
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        if folder == top and ours in lines:
            lines = lines[lines.index(ours) + 1 :]
        if any("merge" in text and not text.lstrip().startswith("#") for text in lines):
            found.append(os.path.relpath(path))
    info = Path(_git("rev-parse", "--git-path", "info/attributes").strip())
    if info.is_file() and "merge" in info.read_text(encoding="utf-8"):
        found.append(os.path.relpath(info))
    return " and ".join(f"a line in {name}" for name in found)


def _no_projects_here(here: str) -> str:
    """The warning when no project file is where the driver was registered: where they are."""
    found = ("ls-files", "--full-name", "--cached", "--others", "--exclude-standard")
    elsewhere = _git(*found, "--", ":(top,glob)**/projects/*.toml").split()
    folders = sorted({str(Path(path).parent.parent) for path in elsewhere})
    if folders:
        named = ", ".join("the repository's root" if f == "." else f"{f}/" for f in folders[:3])
        advice = f"the project files in this repository are under {named}: run git-setup there"
    else:
        advice = (
            "run git-setup in the folder that holds projects/, or create projects here with `workbench new`"
        )
    return f"no project file matches {here}{PATTERN} yet; {advice}"


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout  # noqa: S603, S607
