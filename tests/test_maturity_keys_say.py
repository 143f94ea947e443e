"""#12 fe12b 2: each maturity key in the tree says what it did, in place of the last notice.
After ctrl+up the top line said 'Current maturity: 5', then 2 and 3 left it saying 5 while the file got 3."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import tree_at, until
from tests.test_keyboard_model import answers, burst
from workbench.ui.widgets.header import WorkbenchHeader

ROLLBACK = "discovery:model-deployment.current.deployment-infrastructure-4"  # current 2, target 4


async def test_each_maturity_key_says_what_it_did(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await tree_at(pilot, ROLLBACK)
        header = app.screen.query_one(WorkbenchHeader)

        def said() -> str:
            return str(header.notice)

        def saved(field: str) -> object:
            return answers(example)[ROLLBACK].get(field)

        await burst(pilot, "ctrl+up", "ctrl+up", "ctrl+up")
        assert await until(pilot, lambda: said() == "Current maturity: 5"), said()
        for key, words, field, value in [
            ("2", "Current maturity: 2", "current", 2),
            ("3", "Current maturity: 3", "current", 3),
            ("at", "Target maturity: 2", "target", 2),
            ("0", "Current maturity cleared", "current", None),
            ("right_parenthesis", "Target maturity cleared", "target", None),
            ("4", "Current maturity: 4", "current", 4),
        ]:
            await burst(pilot, key)
            assert await until(pilot, lambda words=words: said() == words), (key, said())
            await burst(pilot, "ctrl+s")  # its notice says Saved: the file holds what was said
            assert await until(pilot, lambda f=field, v=value: saved(f) == v), (key, saved(field))

