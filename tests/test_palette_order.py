"""The palette lists the best match first, and tells apart rows that would read the same
(fix13a 8)."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.command import Command, CommandList

from tests.conftest import ROOT
from tests.helpers import ready, until


def rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    listing = app.screen.query_one(CommandList)
    return [str(o.prompt) for o in listing.options if isinstance(o, Command)]


async def test_save_a_copy_is_listed_first_for_save_a_copy(example: Path, make_app) -> None:
    """Reported: 'Save now' listed above 'Save a copy' when searching "save a copy". Not
    reproduced here (it passes on the code before fix13a too): kept as a guard."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"save a copy")
        assert await until(pilot, lambda: any("Save a copy" in r for r in rows(app)))
        await pilot.pause()
        assert rows(app)[0].startswith("Save a copy"), rows(app)


async def test_the_same_question_in_two_banks_gives_two_rows_that_differ(tmp_path: Path, make_app) -> None:
    project = tmp_path / "p.toml"
    shutil.copyfile(ROOT / "projects" / "example.toml", project)
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "mine.toml").write_text(
        '[bank]\nid = "mine"\ntitle = "Mine"\n\n[[areas]]\nid = "model-deployment"\ntitle = "Model Deployment & Serving"\n\n'
        '[[parts]]\nid = "q"\ntitle = "Questions"\n\n'
        '[[questions]]\nid = "model-deployment.q.1"\narea = "model-deployment"\npart = "q"\n'
        'text = "How do you currently deploy models to production? (APIs, batch jobs, embedded)"\n'
    )
    text = project.read_text()
    project.write_text(text.replace('banks = ["discovery"', 'banks = ["mine", "discovery"', 1))
    app = make_app(project)
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"currently deploy models to production")
        listing = lambda: app.screen.query_one(CommandList)  # noqa: E731
        assert await until(pilot, lambda: sum(1 for o in listing().options if isinstance(o, Command)) >= 2)
        await pilot.pause()
        shown = [str(o.prompt) for o in listing().options if isinstance(o, Command)][:2]
        assert shown[0] != shown[1], shown


async def test_the_dependency_pickers_ask_a_whole_question(example: Path, make_app) -> None:
    """fix13a 8: 'P-1 no longer waits for…' read as a title cut short, even at 160 columns."""
    from textual.widgets import Static

    from workbench.ui.modals.pick_modal import PickModal
    from workbench.ui.widgets.plan_pane import PlanPane

    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await pilot.pause()
        pane = app.screen.query_one(PlanPane)
        item = next(p for p in app.workspace.project.pilots if p.depends_on)
        pane.query_one("Gantt").select_item(item.id)  # type: ignore[attr-defined]
        await pilot.pause()
        for action, words in (("remove_dependency", "no longer wait for?"), ("add_dependency", "wait for?")):
            getattr(pane, f"action_{action}")()
            assert await until(pilot, lambda: isinstance(app.screen, PickModal) and app.screen.query(".dialog-title"))
            title = str(app.screen.query_one(".dialog-title", Static).render())
            assert title == f"Which item should {item.id} {words}", title
            await pilot.press("escape")
            assert await until(pilot, lambda: not isinstance(app.screen, PickModal))
