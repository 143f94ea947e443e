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
