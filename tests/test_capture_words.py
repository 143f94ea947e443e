"""#16 fresh eyes 5: the Capture pane says what a level means with the rubric's own descriptor,
never a generic adjective beside it, and counts what was heard in words."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.helpers import ready, until
from workbench.banks import load_catalogue
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.maturity import MaturityBar

FACTUAL = "discovery:model-deployment.current.deployment-infrastructure-2"  # what platforms serve models
INDICATOR = "discovery:model-deployment.pain.3"
GENERIC = ("ad hoc", "repeatable", "defined", "managed", "optimised")


async def test_the_level_set_is_described_by_the_questions_own_descriptor(example: Path, make_app) -> None:
    levels = load_catalogue(example).levels_for(FACTUAL)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.screen.query_one(CapturePane).jump_to(FACTUAL)
        await pilot.pause()
        await pilot.press("escape", "2", "dollar_sign")
        shown = app.screen.query_one("#q-levels", Static)
        assert await until(pilot, lambda: levels[1] in str(shown.render()))
        assert levels[3] in str(shown.render())  # the target, 4
        bar = str(app.screen.query_one(MaturityBar).render())
        assert "Current" in bar and "Target" in bar
        assert not [word for word in GENERIC if word in bar], bar


async def test_the_heard_count_is_in_words(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.screen.query_one(CapturePane).jump_to(INDICATOR)
        await pilot.pause()
        title = app.screen.query_one("#q-heard-title", Static)
        assert await until(pilot, lambda: "Not heard yet in this session" in str(title.render()))
        await pilot.press("escape", "h")
        assert await until(pilot, lambda: app.screen.query("#heard-quote"))
        await pilot.press(*"Every team ships models its own way", "ctrl+s")
        assert await until(pilot, lambda: "Heard once in this session" in str(title.render()))
        assert "time" not in str(title.render())



async def test_both_scales_show_whole_at_every_width() -> None:
    """Where one line is a column or two short of both scales, they go on two lines, so the
    target's 5 is never cut off."""
    from textual.app import App, ComposeResult

    class OneBar(App[None]):
        def compose(self) -> ComposeResult:
            yield MaturityBar()

    for width in range(44, 52):
        app = OneBar()
        async with app.run_test(size=(width, 4)) as pilot:
            bar = app.query_one(MaturityBar)
            bar.set_scores(2, 4)
            await pilot.pause()
            shown = str(bar.render()).splitlines()
            assert all(len(line.rstrip()) <= bar.size.width for line in shown), (width, shown)
            assert bar.size.height == len(shown), (width, shown)
