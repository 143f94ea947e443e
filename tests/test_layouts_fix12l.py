"""Layouts at 80×24 and 160×48 (issue 12, finding 10, leftovers): titles use the width there is,
matrix ids are whole and apart, and the question tree can be read at 80 columns."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.helpers import ready, until
from tests.test_dialogs import keys

LONG_SUGGESTION = (
    "Raise maturity: What data sources do you currently use for ML features? "
    "(databases, APIs, streaming, files)"
)


def shown_text(widget) -> str:  # type: ignore[no-untyped-def]
    """What a widget draws, its lines joined with spaces (a wrapped title reads whole)."""
    return " ".join(widget.render_line(y).text.strip() for y in range(widget.size.height))


async def test_suggested_titles_are_whole_at_160_columns(example: Path, make_app) -> None:
    """A suggestion's title was cut at 70 characters ('…ML feature…') in a list 88 wide; it is
    shown whole, wrapped as its reason is."""
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await keys(pilot, "f3", "f3")  # F3 again: the next tab, Suggested
        options = app.screen.query_one("#suggestions", OptionList)
        assert await until(pilot, lambda: options.region.width > 0 and options.option_count > 0)
        assert await until(pilot, lambda: LONG_SUGGESTION in " ".join(shown_text(options).split()))
