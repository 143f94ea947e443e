"""#13 fresh eyes 8: F1 said nothing about the journal, recovery or the conflict dialogs, and
gave autosave's 2 s without its 10 s at most."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import Static

from tests.helpers import ready, until
from workbench.ui.screens.help_screen import HelpScreen


async def help_lines(example: Path, make_app: Any) -> list[str]:
    """F1 help's text at 120 columns, line by line."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        assert await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        console = Console(width=120, record=True, file=io.StringIO())
        for static in app.screen.query(Static):
            console.print(static.content)
        return console.export_text().splitlines()


async def test_help_says_how_work_is_kept(example: Path, make_app) -> None:
    text = " ".join(" ".join(await help_lines(example, make_app)).split())
    assert "at most 10 s after the first" in text
    assert "journal" in text and "offers it back" in text
    assert "Restore" in text and "Discard" in text
    assert "t keeps theirs, m mine" in text
    assert "Save a copy" in text


async def test_help_says_ctrl_l_attaches_this_sessions_quotes(example: Path, make_app) -> None:
    """#12 live capture: F1 said ctrl+l attaches "the quote under the cursor" with no word of
    which session's: it attaches this session's answer, quotes and metric only (a quote heard in
    another session is attached from the gap dialog's Add evidence…)."""
    lines = await help_lines(example, make_app)
    at = next(i for i, line in enumerate(lines) if "ctrl+l" in line)
    entry = " ".join(" ".join(lines[at : at + 3]).split())
    assert "this session's quotes" in entry, entry
