"""Every text field of the edit dialogs keeps its name once it is filled in. The gap dialog's owner,
the plan item's objective, owner and metrics, and the metric's words, measured-by and owner had
only a placeholder for a name, which goes as soon as the field holds a value (#12: a filled gap
dialog showed `Mei Chen` with nothing saying it was the owner)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import Horizontal
from textual.widgets import Input, Label

from tests.helpers import open_dialog
from workbench.ui.modals.dialog import DialogScreen

FIELDS = {
    "gap-edit": {"gap-title": "title", "gap-owner": "owner"},
    "gap-new": {"gap-title": "title", "gap-owner": "owner"},
    "plan-item": {"item-title": "title", "item-objective": "objective", "item-owner": "owner", "item-metrics": "success metrics"},
    "metric-new": {"metric-measured_by": "measured by", "metric-owner": "owner", "metric-baseline": "baseline"},
    # u6: the import dialog named each field on the line above it, with no room between them
    "workbook-import": {"import-file": "workbook", "import-session": "session"},
}


@pytest.mark.parametrize("dialog", sorted(FIELDS))
async def test_each_text_field_is_named_beside_it(example: Path, make_app, dialog: str) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_dialog(pilot, dialog, DialogScreen, Input)
        for field_id, name in FIELDS[dialog].items():
            field = app.screen.query_one(f"#{field_id}", Input)
            row = field.parent
            assert isinstance(row, Horizontal), field_id
            first = row.query_one(Label)
            assert str(first.render()).strip() == name, (field_id, str(first.render()))
            assert first.region.y == field.region.y and first.region.width > 0, field_id
