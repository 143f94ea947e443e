"""The `workbench` command: open the TUI, or check, list banks, plan and export without it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from workbench import __version__

REGISTRARS: dict[str, tuple[str, str]] = {
    "banks": ("workbench.cli_banks", "add_banks_parser"),
    "plan": ("workbench.cli_plan", "add_plan_parser"),
    "example": ("workbench.cli_example", "add_example_parser"),
    "backlog": ("workbench.cli_backlog", "add_backlog_parser"),
    "questionnaire": ("workbench.cli_workbook", "add_workbook_parsers"),
    "import": ("workbench.cli_workbook", "add_workbook_parsers"),
    "export": ("workbench.cli_export", "add_export_parser"),
    "milestone": ("workbench.cli_timeline", "add_timeline_parsers"),
    "followups": ("workbench.cli_timeline", "add_timeline_parsers"),
    "portfolio": ("workbench.cli_timeline", "add_timeline_parsers"),
    "merge": ("workbench.cli_merge", "add_merge_parsers"),
    "git-setup": ("workbench.cli_merge", "add_merge_parsers"),
    "gaps": ("workbench.cli_suggest", "add_suggest_parsers"),
    "map": ("workbench.cli_suggest", "add_suggest_parsers"),
}
"""Which module registers each subcommand. Only the command being run is imported, so a git merge
driver or a portfolio run does not pay for every other command's imports."""

BUILT_IN = ("new", "check", "open")
"""Commands this module parses itself: running one imports no other command's module."""
COMMANDS: tuple[str, ...] = (*BUILT_IN, *REGISTRARS)


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every subcommand, or only `command`'s (and the built-in ones)."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="MLOps Discovery Workbench. `workbench [PATH]` opens the full-screen workbench.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_cmd = sub.add_parser("open", help="open a project in the workbench (the default)")
    open_cmd.add_argument("path", nargs="?", help="project file; a picker opens without one")

    new = sub.add_parser("new", help="create projects/NAME.toml")
    new.add_argument("name", help="the engagement's name")
    new.add_argument("--client", default="", help="the client organisation")
    new.add_argument("--facilitator", default="", help="who runs the discovery")
    new.add_argument("--dir", default="projects", help="folder for the file (default: projects)")

    check = sub.add_parser("check", help="validate project files against the banks")
    check.add_argument("paths", nargs="+", metavar="PATH")

    import importlib

    if command in REGISTRARS:
        wanted = [REGISTRARS[command]]
    else:  # `workbench --help` lists them all; check, new and open need none of them
        wanted = [] if command in BUILT_IN else list(REGISTRARS.values())
    for module, function in dict.fromkeys(wanted):
        getattr(importlib.import_module(module), function)(sub)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 findings, 2 usage)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and not args_list[0].startswith("-") and args_list[0] not in COMMANDS:
        args_list.insert(0, "open")
    if not args_list:
        args_list = ["open"]
    if args_list == ["--version"]:
        print(f"workbench {__version__}")
        return 0
    args = _parser(args_list[0]).parse_args(args_list)
    try:
        if args.command == "open":  # the full-screen app shows file text itself, literally
            return int(_dispatch(args))
        from workbench.printable import printable_output

        with printable_output():
            return int(_dispatch(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (`| head`, `| grep -m1`) stopped early: not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "new":
        return _new(args)
    if args.command == "check":
        return _check(args.paths)
    if args.command in ("gaps", "map"):
        from workbench.cli_suggest import run_gaps, run_map

        return run_gaps(args) if args.command == "gaps" else run_map(args)
    if args.command == "banks":
        from workbench.cli_banks import run_banks

        return run_banks(args)
    if args.command == "export":
        from workbench.cli_export import run_export

        return run_export(args)
    if args.command == "questionnaire":
        from workbench.cli_workbook import run_questionnaire

        return run_questionnaire(args)
    if args.command == "import":
        from workbench.cli_workbook import run_import

        return run_import(args)
    if args.command == "backlog":
        from workbench.cli_backlog import run_backlog

        return run_backlog(args)
    if args.command == "example":
        from workbench.cli_example import run_example

        return run_example(args)
    if args.command == "plan":
        from workbench.cli_plan import run_plan

        return run_plan(args)
    if hasattr(args, "run"):
        return int(args.run(args))
    if args.command in ("merge", "git-setup"):
        from workbench.cli_merge import run_git_setup, run_merge

        return run_merge(args) if args.command == "merge" else run_git_setup()
    return _open(args.path)


def _error(message: str) -> None:
    print(f"workbench: {message}", file=sys.stderr)


def _new(args: argparse.Namespace) -> int:
    from workbench.newproject import create_project
    from workbench.problems import FileProblem

    try:
        file = create_project(args.dir, args.name, args.client, args.facilitator)
    except FileProblem as problem:
        _error(str(problem))
        return 1
    print(f"created {file.path}")
    print(f"next: `workbench {file.path}` opens it; start a session there with F6.")
    return 0


def _check(paths: Sequence[str]) -> int:
    from workbench.analysis.progress import answer_summary
    from workbench.cli_common import project_problems
    from workbench.printable import plural

    status = 0
    for path in paths:
        project, _, problems = project_problems(path)
        for finding in problems:
            _error(str(finding))
        if problems or project is None:
            status = 1
            continue
        print(
            f"ok: {path}: {plural(len(project.sessions), 'session')}; "
            f"{answer_summary(project)}; "
            f"{plural(len(project.gaps), 'gap')}; {plural(len(project.pilots), 'plan item')}"
        )
    return status


def _open(path: str | None) -> int:
    from workbench.problems import FileProblem

    if path is not None and not Path(path).is_file():
        advice = (
            "no such project file; check the path, create one with `workbench new NAME`, "
            "or get the example with `workbench example`"
        )
        from workbench.store.journal import kept_work_note

        _error(str(FileProblem(path, advice)))
        if note := kept_work_note(path):
            _error(note)
        return 1
    from workbench.collection_pause import hold_collection

    if path is not None:  # loading the UI's modules too (the app turns the collector on again)
        hold_collection()
    from workbench.ui.typed_early import terminal_taken

    with terminal_taken() as typed_before:  # before Textual loads: keys typed now are kept
        from workbench.ui.launch import run_app

        return run_app(path, typed_before)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
