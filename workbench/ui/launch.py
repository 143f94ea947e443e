"""Start the TUI from the command line (imported lazily so `--version` stays instant)."""

from __future__ import annotations

import sys


def run_app(path: str | None) -> int:
    """Open the project (or the picker) full screen; returns the exit code."""
    from workbench.problems import FileProblem
    from workbench.ui.app import make_app

    try:
        app = make_app(path)
    except FileProblem as problem:
        print(f"workbench: {problem}", file=sys.stderr)
        return 1
    result = app.run()
    return int(result or 0)
