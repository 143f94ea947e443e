"""v4 (#12/#11 walkthrough, session 13): ctrl+z and ctrl+y undo and redo a one-line field's own
typing in every dialog and picker (the gap's title and owner, a picker's filter line), as they
do in the search box; and redo makes again what was undone last first."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.helpers import dialog_up, gap_in, notifications, open_dialog, ready, saved, until
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.modals.pick_modal import PickModal

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-1"


async def test_ctrl_z_and_ctrl_y_take_back_and_make_again_the_typing_in_a_gap_s_owner_field(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_dialog(pilot, "gap-edit", GapModal, Input)
        assert await dialog_up(pilot, GapModal)
        owner = app.screen.query_one("#gap-owner", Input)
        owner.focus()
        await pilot.pause()
        before = owner.value
        await pilot.press("end", *"Dana")
        assert await until(pilot, lambda: owner.value == before + "Dana")
        footer = str(app.screen.query_one("KeyFooter").render())
        assert "^z" in footer and "^y" in footer, footer
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: owner.value == before + "Dan"), owner.value
        await pilot.press("ctrl+y")
        assert await until(pilot, lambda: owner.value == before + "Dana"), owner.value
        for _ in range(4):
            await pilot.press("ctrl+z")
        assert await until(pilot, lambda: owner.value == before), owner.value
        await pilot.press("ctrl+y", "ctrl+y")
        assert await until(pilot, lambda: owner.value == before + "Da"), owner.value
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert gap_in(example, "G-001")["owner"] == before + "Da"


async def test_a_picker_s_filter_line_undoes_its_own_typing(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await open_dialog(pilot, "attach-evidence", PickModal, Input)
        assert await dialog_up(pilot, PickModal)
        line = app.screen.query_one("#pick-filter", Input)
        line.focus()
        await pilot.press(*"cfo")
        assert await until(pilot, lambda: line.value == "cfo")
        await pilot.press("ctrl+z", "ctrl+z")
        assert await until(pilot, lambda: line.value == "c"), line.value
        await pilot.press("ctrl+y")
        assert await until(pilot, lambda: line.value == "cf"), line.value


async def test_redo_makes_again_what_was_undone_last_first_in_the_search_box(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await pilot.press("3")  # current maturity 3 of the first question
        assert await until(pilot, lambda: app.workspace.unsaved)  # type: ignore[union-attr]
        await pilot.press("slash", "a", "b")
        search = app.screen.query_one("#nav-search", Input)
        assert await until(pilot, lambda: search.value == "ab")
        footer = str(app.screen.query_one("KeyFooter").render())  # 80 columns: ^z, ^y and F1 kept
        assert footer.rstrip().endswith("^z Undo  ^y Redo  f1 Help"), footer
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")  # 'a', '', then the maturity
        assert await until(pilot, lambda: any(s.startswith("Undone: ") for s in shown)), shown
        assert search.value == ""
        await pilot.press("ctrl+y")  # the maturity first: undone last
        assert await until(pilot, lambda: any(s.startswith("Redone: ") for s in shown)), shown
        assert search.value == ""
        await pilot.press("ctrl+y")
        assert await until(pilot, lambda: search.value == "a"), search.value
        await pilot.press("ctrl+y")
        assert await until(pilot, lambda: search.value == "ab"), search.value
        await pilot.press("ctrl+s")
        await pilot.pause()
    (answer,) = [a for a in saved(example)["answers"] if a["question"] == QUESTION and a["session"] == "ml-1"]
    assert answer["current"] == 3


def test_f1_help_says_which_key_clears_the_target_maturity() -> None:
    from workbench.ui.keys import help_rows

    (line,) = [what for _, rows in help_rows() for key, what in rows if key.startswith("shift+1–5")]
    assert "( )" not in line and "shift+0" in line and "')'" in line, line


async def test_a_dialog_neither_offers_nor_opens_an_empty_palette(example: Path, make_app) -> None:
    from textual.command import CommandPalette

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot, "gap-edit", GapModal, Input)
        assert await dialog_up(pilot, GapModal)
        footer = str(app.screen.query_one("KeyFooter").render())
        assert "palette" not in footer, footer
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, GapModal) and not isinstance(app.screen, CommandPalette)
        await pilot.press("escape")  # nothing typed: it closes
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await pilot.press("ctrl+p")  # on the panes the palette opens as before
        assert await until(pilot, lambda: isinstance(app.screen, CommandPalette))
