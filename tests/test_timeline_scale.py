"""#16 (plan timeline): the week scale starts where the bars start, right of the title column,
at every terminal size; the title column names what the scale lines show; no week or date is
cut at the right edge."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ready, until
from workbench.ui.widgets.gantt import Gantt

BARS = "█▓░◆"


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_the_week_scale_lines_up_with_the_bars(example: Path, make_app, size: tuple[int, int]) -> None:
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        gantt = app.screen.query_one(Gantt)
        assert await until(pilot, lambda: "P-1" in gantt.render_line(3).text)
        lines = [gantt.render_line(y).text for y in range(gantt.size.height)]
        weeks, dates = lines[0], lines[1]
        row = next(line for line in lines[2:] if "P-1 " in line)  # P-1 starts in week 0
        bar_start = min(row.index(char) for char in BARS if char in row)
        assert weeks.index("W1") == bar_start, "\n".join(lines[:4])  # week 1: the week work starts
        assert dates.index("07 Dec") == bar_start, "\n".join(lines[:4])
        assert all(re.fullmatch(r"W\d+", word) for word in weeks[bar_start:].split()), weeks
        assert re.fullmatch(r"(\d\d [A-Z][a-z]{2}\s*)+", dates[bar_start:].strip()), dates
        assert (weeks[:bar_start].strip(), dates[:bar_start].strip()) == ("Plan item", "Week of")
