"""#17 fresh-eyes 12 (cosmetic): Home and End in Gaps' ranked list go to its first and last gap."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.helpers import ready, until


async def test_home_and_end_move_through_the_ranked_list(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        table = app.screen.query_one("#ranked", DataTable)
        assert await until(pilot, lambda: table.row_count == 10)
        table.focus()
        await pilot.press("end")
        assert await until(pilot, lambda: table.cursor_row == table.row_count - 1)
        await pilot.press("home")
        assert await until(pilot, lambda: table.cursor_row == 0)


def _folder(tmp_path: Path, names: str) -> Path:
    from tests.conftest import EXAMPLE

    for name in names:
        (tmp_path / f"{name}.toml").write_bytes(EXAMPLE.read_bytes())
    return tmp_path


async def test_the_pickers_palette_opens_a_project(tmp_path: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    """ctrl+p over the picker offers its own commands: open each project, a new project."""
    from textual.command import CommandList

    from tests.test_keyboard_model import burst
    from workbench.ui.screens.main_screen import MainScreen
    from workbench.ui.screens.picker_screen import PickerScreen

    app = make_app(None, projects_dir=_folder(tmp_path, "abc"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        await burst(pilot, "ctrl+p", "open b")

        def offered() -> list[str]:
            return [str(o.prompt) for o in app.screen.query_one(CommandList).options]

        assert await until(pilot, lambda: any("Open b.toml" in o for o in offered()))
        await burst(pilot, "enter")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.workspace.file.path.name == "b.toml"


async def test_the_picker_list_uses_the_screen_at_80x24(tmp_path: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import OptionList

    from workbench.ui.screens.picker_screen import PickerScreen

    app = make_app(None, projects_dir=_folder(tmp_path, "abcdef"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        listing = app.screen.query_one("#projects", OptionList)
        assert await until(pilot, lambda: listing.option_count > 6)
        await pilot.pause()
        assert listing.region.bottom >= 24 - 3  # down to the picker's padding above the footer


async def test_the_gap_status_dropdown_is_framed_over_the_dialog(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    """Open, the compact status dropdown has a frame, so its words never run into the buttons behind."""
    from textual.widgets import Select

    from workbench.ui.textual_private import DropdownList

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.press("enter")
        assert await until(pilot, lambda: bool(app.screen.query("#gap-status")))
        status = app.screen.query_one("#gap-status", Select)
        status.focus()
        await pilot.press("enter")
        overlay = status.query_one(DropdownList)
        assert await until(pilot, lambda: status.expanded and overlay.region.height > 0)
        edges = [edge for edge, _colour in (overlay.styles.border.top, overlay.styles.border.left)]
        assert all(edge not in ("", "none", "hidden") for edge in edges), edges
