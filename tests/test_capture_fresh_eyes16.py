"""#16 fresh-eyes 16, finding 8: a target below today is kept but warned about; a success metric shows
no 1-5 maturity bar (it holds a baseline and a target number)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.helpers import at_question, notifications, until
from workbench.ui.widgets.maturity import MaturityBar

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-2"
METRIC = "discovery:model-deployment.metric.4"


async def test_a_target_below_today_is_kept_with_a_warning(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = notifications(app)
        await at_question(pilot, QUESTION)
        await pilot.press("escape", "3", "exclamation_mark")
        assert await until(pilot, lambda: any("below today" in m for m in shown))
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [m for m in shown if "below today" in m] == [
        "Target 1 is below today's 3: kept as typed; press the right key if that is not what was meant."
    ]
    saved = tomllib.loads(example.read_text())
    answer = next(a for a in saved["answers"] if a["question"] == QUESTION)
    assert (answer["current"], answer["target"]) == (3, 1)


async def test_a_success_metric_shows_no_maturity_bar(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = notifications(app)
        capture = await at_question(pilot, METRIC)
        bar = app.screen.query_one(MaturityBar)
        assert await until(pilot, lambda: not bar.display)
        await pilot.press("escape", "3")
        assert await until(pilot, lambda: any("has no maturity" in m for m in shown))
        capture.jump_to(QUESTION)
        assert await until(pilot, lambda: bar.display)
    saved = tomllib.loads(example.read_text())
    assert not [a for a in saved.get("answers", []) if a["question"] == METRIC and "current" in a]
