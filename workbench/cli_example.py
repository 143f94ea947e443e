"""`workbench example [DIR]`: write the bundled example engagement to explore (default: projects/)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_example_parser(sub: Any) -> None:
    """Register the `example` command."""
    example = sub.add_parser("example", help="write the bundled example engagement into projects/ to explore")
    example.add_argument(
        "dir", nargs="?", default="projects", help="folder to write it to (default: projects)"
    )


def run_example(args: argparse.Namespace) -> int:
    """Write the example; 1 when it exists already or cannot be written."""
    from workbench.example import write_example
    from workbench.printable import one_line
    from workbench.problems import FileProblem

    try:
        path = write_example(args.dir)
    except FileProblem as problem:
        print(f"workbench: {one_line(problem)}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    print(f"next: `workbench {path}` opens it; F1 there shows every key and how to get started.")
    return 0
