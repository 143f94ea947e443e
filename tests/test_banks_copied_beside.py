"""A consultant who copies the bundled banks into a `banks/` folder beside the project (to adapt
them) loads every bank twice. The follow-up framework was then listed twice, and the Plan pane's
Next steps list crashed the app with DuplicateID a second after start (found in tmux, session 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import OptionList

from tests.helpers import ready, until
from workbench.banks import bundled_banks_dir, load_catalogue


def with_banks_copied_beside(example: Path) -> Path:
    shutil.copytree(bundled_banks_dir(), example.parent / "banks")
    return example


def test_a_bank_loaded_twice_gives_its_follow_up_framework_once(example: Path) -> None:
    once = load_catalogue(None)
    twice = load_catalogue(with_banks_copied_beside(example))
    ids = [item.id for step in twice.followup for item in step.items]
    assert len(ids) == len(set(ids))
    assert [s.id for s in twice.followup] == [s.id for s in once.followup]
    assert [e.id for e in twice.guide_map] == [e.id for e in once.guide_map]


async def test_the_next_steps_list_shows_each_step_once(example: Path, make_app) -> None:
    app = make_app(with_banks_copied_beside(example))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5", "f5", "f5")
        steps = app.screen.query_one("#step-list", OptionList)
        assert await until(pilot, lambda: steps.option_count > 0 and steps.region.area > 0)
        ids = [steps.get_option_at_index(i).id for i in range(steps.option_count)]
        shown = [i for i in ids if i]
        assert sorted(shown) == ["N-1", "N-2", "N-3"], shown
    assert app.return_code in (None, 0)
