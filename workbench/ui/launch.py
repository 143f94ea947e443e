"""Start the TUI from the command line (imported lazily so `--version` stays instant)."""

from __future__ import annotations


def run_app(path: str | None, typed_before: str = "") -> int:
    """Open the project (or the picker) full screen; returns the exit code. `typed_before`: the
    keys typed before Textual had the terminal (typed_early), handled first."""
    from workbench.ui.app import make_app

    app = make_app(path, typed_before=typed_before)
    result = app.run()
    return int(app.return_code if app.return_code is not None else (result or 0))
