"""Start the TUI from the command line (imported lazily so `--version` stays instant)."""

from __future__ import annotations


def run_app(path: str | None) -> int:
    """Open the project (or the picker) full screen; returns the exit code."""
    from workbench.ui.app import make_app

    app = make_app(path)
    result = app.run()
    return int(app.return_code if app.return_code is not None else (result or 0))
