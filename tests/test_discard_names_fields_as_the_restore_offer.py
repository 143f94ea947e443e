"""Task z1, item 3 (#12 leftovers): Esc on a dialog with changes asks "Discard your changes?" and
names what changed. It named fields by the label drawn before them ('evaluation criteria, one per
line', 'notes'), a second naming beside the one table the footer and the restore offer use
(`ui.field_names.FIELD_NAMES`): now it uses that table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import dialog_up, until
from tests.test_dialog_drafts import DIALOGS, WORDS, opener
from tests.test_esc_keeps_typed_text import open_dialog
from tests.test_keyboard_model import burst
from workbench.ui.field_names import FIELD_NAMES
from workbench.ui.modals.confirm import DiscardModal
from workbench.ui.modals.plan_item_modal import PlanItemModal

CASES = [
    ("plan item criteria", opener("plan", "edit_item", "P-1"), PlanItemModal, "item-criteria"),
    *[d for d in DIALOGS if d[0] == "session"],  # 'notes' where the footer says 'session notes'
]


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), CASES, ids=[c[0] for c in CASES])
async def test_the_discard_question_names_the_field_as_the_restore_offer_does(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_dialog(pilot, open_it, kind, field)
        await pilot.press(*WORDS)
        await burst(pilot, "escape")
        assert await dialog_up(pilot, DiscardModal)
        body = app.screen.body
        assert f"You changed: {FIELD_NAMES[field]}. " in body, body
        await burst(pilot, "escape")
        assert await until(pilot, lambda: isinstance(app.screen, kind))
