"""The gap dialog uses the room it has (issue 12): at 120×36 and 160×48 its evidence list takes the
rows the description does not need; at 80×24 every field and Save stay in sight."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, TextArea

from tests.helpers import edit_gap_in_dialog, hand_edit, ready, until
from workbench.ui.modals.dialog import Dialog

G001_EVIDENCE = '"heard:H-004", "discovery:model-deployment.discovery.1@ml-1", "metric:M-001"]'
"""The end of G-001's evidence line in the example: three pieces."""


@asynccontextmanager
async def g001_dialog(make_app: Any, path: Path, size: tuple[int, int], *more: str) -> AsyncIterator[Any]:
    """G-001's dialog at `size`, with the evidence `more` added to its three in the file; the
    dialog screen, once its evidence list holds them all."""
    added = "".join(f', "{link}"' for link in more)
    hand_edit(path, G001_EVIDENCE, G001_EVIDENCE.replace("]", added + "]"))
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        dialog = await edit_gap_in_dialog(pilot, "G-001")
        listing = dialog.query_one("#gap-evidence", OptionList)
        assert await until(pilot, lambda: listing.option_count == 3 + len(more))
        await pilot.pause()
        yield dialog


def in_sight(dialog: Any) -> list[str]:
    """The fields and buttons of the dialog a person cannot see (none, when all fit)."""
    box = dialog.query_one(Dialog)
    widgets = dialog.query("Input, Select, TextArea, Button, #gap-evidence")
    return [str(widget) for widget in widgets if widget.display and not box.shows(widget)]


def evidence_shown(dialog: Any) -> str:
    """The evidence list's lines as drawn; all of them, when the list needs no scrolling."""
    listing = dialog.query_one("#gap-evidence", OptionList)
    assert listing.max_scroll_y == 0
    return "\n".join(listing.render_line(y).text.strip() for y in range(listing.size.height))


@pytest.mark.parametrize("size", [(120, 36), (160, 48)])
async def test_the_gap_dialog_shows_four_pieces_of_evidence(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    """G-001 with four pieces of evidence: at 120×36 only two showed (the list had 4 rows) beside
    a description box of 6 rows holding one line."""
    async with g001_dialog(make_app, example, size, "heard:H-005") as dialog:
        lines = evidence_shown(dialog)
        for start in ("Heard in session ml-1 from ML engineer", "Answer to 'How long", "Metric M-001"):
            assert start in lines
        assert lines.count("Heard in session") == 2
        assert dialog.query_one("#gap-description", TextArea).size.height < 6  # it holds one line
        assert in_sight(dialog) == []


async def test_the_gap_dialog_uses_the_height_at_160x48(example: Path, make_app) -> None:
    """Eight pieces of evidence at 160×48: all in sight, with every field and Save."""
    more = ("heard:H-005", "heard:H-001", "heard:H-002", "heard:H-003", "heard:H-006")
    async with g001_dialog(make_app, example, (160, 48), *more) as dialog:
        assert evidence_shown(dialog).count("Heard in session") == 6
        assert in_sight(dialog) == []


async def test_the_gap_dialog_at_80x24_keeps_every_field_and_save_in_sight(example: Path, make_app) -> None:
    """At 80×24 the evidence list gives way (it scrolls): every field and Save stay on screen."""
    async with g001_dialog(make_app, example, (80, 24), "heard:H-005") as dialog:
        assert in_sight(dialog) == []
