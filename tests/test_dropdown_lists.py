"""s12c: a dropdown builds its list the first time it is opened (the lists were half the widgets
of the gap dialog, which opened in 130 ms against 100 ms). Opened, the list shows every option
with the current value highlighted, also after the value was set before it was ever opened, and
a choice from it is saved."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import OptionList, Select

from tests.helpers import edit_gap_in_dialog, ready, until
from tests.test_keyboard_model import burst


async def test_a_dropdown_list_built_when_opened_shows_the_value_and_saves_a_choice(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        dialog = await edit_gap_in_dialog(pilot, "G-001")
        impact = dialog.query_one("#gap-impact", Select)
        assert impact.value == 5
        impact.value = 2  # before the list was ever opened
        impact.focus()
        await burst(pilot, "enter")
        assert await until(pilot, lambda: impact.expanded and impact.query(OptionList))
        listing = impact.query_one(OptionList)
        assert listing.option_count == 5
        assert await until(pilot, lambda: listing.highlighted == 1)  # 2, of 1 to 5
        await burst(pilot, "down", "enter")
        assert await until(pilot, lambda: not impact.expanded and impact.value == 3)
        area = dialog.query_one("#gap-area", Select)
        area.focus()
        await burst(pilot, "enter")
        assert await until(pilot, lambda: area.expanded and area.query(OptionList))
        areas = area.query_one(OptionList)
        assert await until(pilot, lambda: areas.highlighted is not None)
        assert (
            areas.get_option_at_index(areas.highlighted).prompt.plain.lower().startswith("model deployment")
        )
        await burst(pilot, "escape", "ctrl+s")
        assert await until(pilot, lambda: app.screen is not dialog)
        await pilot.press("ctrl+s")

        def saved() -> dict[str, object]:
            return next(g for g in tomllib.loads(example.read_text())["gaps"] if g["id"] == "G-001")

        assert await until(pilot, lambda: saved()["impact"] == 3), saved()
        assert saved()["area"] == "model-deployment"


async def test_a_closed_dropdown_shows_its_value_styled_as_a_value_from_the_first_paint(
    example: Path, make_app
) -> None:
    """The gap dialog's dropdowns open styled as holding their value (styled so as they are made,
    no longer restyled as they mount); the area of a new gap opens blank, showing its prompt, and
    takes the value look once one is chosen, and loses it when blank again."""
    from textual.widgets import Static

    from workbench.ui.textual_private import DropdownValue

    def look(select: Select[object]) -> tuple[bool, str]:
        shown = select.query_one(DropdownValue)
        return shown.has_class("-has-value"), str(shown.query_one("#label", Static).render())

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        dialog = await edit_gap_in_dialog(pilot, "G-001")
        assert look(dialog.query_one("#gap-impact", Select)) == (True, "5")
        assert look(dialog.query_one("#gap-status", Select))[0]
        area = dialog.query_one("#gap-area", Select)
        assert look(area)[0] and look(area)[1].lower().startswith("model deployment")
        await burst(pilot, "escape")
        assert await until(pilot, lambda: app.screen is not dialog)
        app.screen.new_gap()
        assert await until(pilot, lambda: app.screen is not dialog and app.screen.query("#gap-area"))
        await pilot.pause()
        area = app.screen.query_one("#gap-area", Select)
        assert look(area) == (False, "area")
        assert look(app.screen.query_one("#gap-impact", Select))[0]
        area.value = "model-deployment"
        assert await until(pilot, lambda: look(area)[0])
        area.value = Select.NULL
        assert await until(pilot, lambda: look(area) == (False, "area"))
