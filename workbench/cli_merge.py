"""`workbench merge BASE OURS THEIRS` (a git merge driver) and `workbench git-setup`."""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from workbench.problems import FileProblem
from workbench.store.files import IGNORED_COPIES
from workbench.store.merge3 import ABSENT, KINDS, Conflict, shown
from workbench.store.merge_text import conflict_text, merge_versions, read_version

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
    sub.add_parser("git-setup", help=f"use `workbench merge` for {PATTERN} in this git repository")


def _error(message: str) -> None:
    print(f"workbench: {message}", file=sys.stderr)


def run_merge(args: argparse.Namespace) -> int:
    """Merge; exit 0 merged, 1 conflicts (reported, marked in OURS), 2 a side is not a project."""
    name = args.name or args.ours
    versions = []
    for side in ("base", "ours", "theirs"):
        label = f"{name} ({side}: {getattr(args, side)})"
        try:
            versions.append(read_version(label, Path(getattr(args, side)).read_bytes()))
        except OSError as error:
            _error(f"{label}: cannot be read ({error.strerror}); nothing was written")
            return 2
        except FileProblem as problem:
            _error(f"{problem}; nothing was written")
            return 2
    base, ours, theirs = versions
    result = merge_versions(base, ours, theirs, path=name)
    for section, old, new in result.renumbered:
        print(
            f"workbench: {name}: theirs' {KINDS.get(section, section).lower()} {old} is now {new} "
            f"(both sides created {old})",
            file=sys.stderr,
        )
    if not result.conflicts:
        return _write(args.ours, result.text, name)
    checked = any(c.path == ("check",) for c in result.conflicts)
    marked = None if checked else conflict_text(base, ours, theirs)
    count = len(result.conflicts)
    print(f"workbench: {name}: {count} conflict{'s' if count != 1 else ''}:", file=sys.stderr)
    for conflict in result.conflicts:
        print("  " + describe(conflict), file=sys.stderr)
    if marked is not None and _write(args.ours, marked, name) == 0:
        print(
            f"workbench: {name}: the clean changes are merged; each conflict is between <<<<<<< and "
            ">>>>>>> markers (ours, base, theirs). Keep one side, delete the markers, then "
            "`workbench check` the file and `git add` it.",
            file=sys.stderr,
        )
    else:
        print(
            f"workbench: {name}: left as ours; settle the conflicts by hand, then `git add` it.",
            file=sys.stderr,
        )
    return 1


def _write(path: str, text: str, name: str) -> int:
    from workbench.store.atomic import atomic_write

    try:
        atomic_write(path, text.encode("utf-8"))
    except FileProblem as problem:
        _error(f"{name}: {problem.message}")
        return 2
    return 0


def describe(conflict: Conflict) -> str:
    """One sentence per conflict: what, and the three values (`Gap G-006: title: base 'A',
    ours 'B', theirs 'C'`; `Gap G-003: deleted in ours, edited in theirs: base "Old", ours
    deleted, theirs "New"`)."""
    if conflict.path == ("check",):
        return f"the merged file would not pass `workbench check`: {conflict.note}"
    note = f" ({conflict.note})" if conflict.note else ""
    record = len(conflict.path) == 2
    values = ", ".join(
        f"{side} {show(value, record=record)}"
        for side, value in (("base", conflict.base), ("ours", conflict.ours), ("theirs", conflict.theirs))
    )
    return f"{conflict.what}{note}: {values}"


def show(value: Any, width: int = 60, record: bool = False) -> str:
    """A value on one line, shortened, quoted when it is text: a record by its title (or
    `deleted`), a field that is not there as `not set`."""
    if value is ABSENT:
        return "deleted" if record else "not set"
    if record and isinstance(value, dict):
        words = value.get("title") or value.get("text") or value.get("quote") or value.get("notes")
        return show(words, width) if words else "(no title)"
    text = repr(value) if isinstance(value, str) else shown(value)
    text = "".join(ch if ch.isprintable() else "·" for ch in text)
    return text if len(text) <= width else text[: width - 1] + "…"


def run_git_setup() -> int:
    """Register the driver in the local git config and for PATTERN in .gitattributes."""
    try:
        top = _git("rev-parse", "--show-toplevel").strip()
    except (OSError, subprocess.CalledProcessError):
        _error("this is not a git repository (or git is not installed); run it inside your project's clone")
        return 1
    command = f"{shlex.quote(sys.executable)} -m workbench.cli merge %O %A %B %P"
    _git("config", f"merge.{DRIVER}.name", "MLOps Discovery Workbench: merge project files record by record")
    _git("config", f"merge.{DRIVER}.driver", command)
    attributes = Path(top) / ".gitattributes"
    line = f"{PATTERN} merge={DRIVER}"
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
    print(f"git will merge {PATTERN} with `workbench merge` in {top} (run git-setup once per clone)")
    return 0


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout  # noqa: S603, S607
