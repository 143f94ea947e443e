"""Start an app headless; print when its first screen with content is painted, then exit.

Used by bench_ui to time start-up of the workbench against a bare Textual app, the same way.
"""

from __future__ import annotations

import sys


def main(spawned: str, mode: str, path: str = "") -> None:
    """Print seconds from the parent's spawn time to the first painted screen with content.

    Mode `bare` is a bare Textual app, `workbench` the workbench's first frame, and `interactive`
    the workbench's main screen (the project loaded, Capture taking keys).
    """
    import time

    from textual.screen import Screen

    original = Screen._compositor_refresh
    painted: list[float] = []

    def first_paint_exits(screen: Screen[object]) -> None:
        original(screen)
        wanted = type(screen).__name__ == "MainScreen" if mode == "interactive" else bool(screen.children)
        if wanted and not painted:
            painted.append(time.time() - float(spawned))
            print(f"{painted[0]:.4f}", flush=True)
            screen.app.exit()

    Screen._compositor_refresh = first_paint_exits  # type: ignore[method-assign]
    if mode == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Footer()

        app: object = Bare()
    else:
        import datetime as dt

        from workbench.ui.app import make_app

        app = make_app(path, today=dt.date(2026, 11, 24))
    app.run(headless=True, size=(120, 36))  # type: ignore[attr-defined]


if __name__ == "__main__":
    main(*sys.argv[1:])
