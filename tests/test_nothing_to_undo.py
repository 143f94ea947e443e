"""#12/#11: ctrl+z and ctrl+y with nothing to take back said nothing (the keys were disabled, so
the person got no answer at all) and the palette's Undo and Redo vanished. Now the key always
answers, as in an editor: "Nothing to undo." / "Nothing to redo.", and the file stays as it was."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList

from tests.helpers import notifications, ready, until


async def test_ctrl_z_and_ctrl_y_with_nothing_to_take_back_say_so_and_change_nothing(
    example: Path, make_app
) -> None:
    opened = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: "Nothing to undo." in shown), shown
        await pilot.press("ctrl+y")
        assert await until(pilot, lambda: "Nothing to redo." in shown), shown
        await pilot.press("3")  # current maturity 3 on the first question, undone, redone
        assert await until(pilot, lambda: app.workspace.unsaved)  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: any(s.startswith("Undone: ") for s in shown)), shown
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: shown.count("Nothing to undo.") == 2), shown
        await pilot.press("ctrl+y", "ctrl+y")
        assert await until(pilot, lambda: shown.count("Nothing to redo.") == 2), shown
        assert any(s.startswith("Redone: ") for s in shown), shown
        await pilot.press("ctrl+z")  # back to the file as it was opened
        assert await until(pilot, lambda: sum(s.startswith("Undone: ") for s in shown) == 2), shown
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert example.read_bytes() == opened


async def test_the_palette_offers_undo_and_redo_with_nothing_to_take_back_and_they_say_so(
    example: Path, make_app
) -> None:
    opened = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        for word, said in (("Undo", "Nothing to undo."), ("Redo", "Nothing to redo.")):
            await pilot.press("ctrl+p")
            assert await until(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*word)
            wanted = f"{word}: nothing to {word.lower()}"

            def listed(wanted: str = wanted) -> bool:
                options = app.screen.query_one(OptionList)
                return any(
                    wanted in str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
                )

            assert await until(pilot, listed)
            await pilot.press("enter")
            assert await until(pilot, lambda said=said: said in shown), shown  # type: ignore[misc]
            assert await until(pilot, lambda: not isinstance(app.screen, CommandPalette))
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert example.read_bytes() == opened


async def test_ctrl_z_in_a_dialog_with_no_typing_left_to_undo_says_so_and_leaves_the_project(
    example: Path, make_app
) -> None:
    """#12 live capture: in a dialog ctrl+z undid the field's typing, then said nothing at all (the
    project's own undo does not run under a dialog). It now says "Nothing to undo.", as on the
    panes, and the change made before the dialog opened stays."""
    from textual.widgets import Button, TextArea

    from tests.helpers import saved, tree_at
    from workbench.ui.modals.gap_modal import GapModal

    ref = "discovery:model-deployment.current.deployment-infrastructure-2"  # not answered in ml-1
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await tree_at(pilot, ref)
        await pilot.press("3")  # current maturity 3: a change undo could take back
        assert await until(pilot, lambda: app.workspace.unsaved)  # type: ignore[union-attr]
        shown = notifications(app)
        await pilot.press("ctrl+g")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal) and app.screen.query("#gap-title"))
        dialog = app.screen
        await pilot.press("ctrl+z")  # on the proposed title: no typing to undo
        assert await until(pilot, lambda: shown == ["Nothing to undo."]), shown
        description = dialog.query_one("#gap-description", TextArea)
        description.focus()
        await pilot.press(*"manual")
        await pilot.press("ctrl+z")  # the typing first
        assert await until(pilot, lambda: description.text == "")
        assert shown == ["Nothing to undo."], shown
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: shown.count("Nothing to undo.") == 2), shown
        dialog.query_one("#gap-add-evidence", Button).focus()
        await pilot.press("ctrl+z")
        assert await until(pilot, lambda: shown.count("Nothing to undo.") == 3), shown
        assert app.screen is dialog
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)  # type: ignore[union-attr]
    data = saved(example)
    answer = next(a for a in data["answers"] if (a["question"], a["session"]) == (ref, "ml-1"))
    assert answer["current"] == 3
    assert not any(gap["id"].startswith("G-m1-") for gap in data["gaps"])
