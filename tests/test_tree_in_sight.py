"""#12 fe12b: the question tree never acts out of sight. Its highlighted row is scrolled into
view whenever it gets the keyboard and after every resize, and a data key never acts on a row
that is not on screen."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import notifications, tree_at, until
from tests.test_keyboard_model import answers, burst
from workbench.ui.widgets.capture_pane import CapturePane

LEAKAGE = "requirements:feature-store.data-science.2"  # "Are features point-in-time correct…"


def row_in_sight(capture: CapturePane) -> bool:
    """Whether the tree's highlighted row is one of the lines the tree shows."""
    tree = capture.navigator.question_tree
    top = round(tree.scroll_offset.y)
    return top <= tree.cursor_line < top + tree.scrollable_content_region.height


async def test_a_resize_while_in_the_notes_keeps_the_highlighted_row_in_sight(example: Path, make_app) -> None:
    """At 120x36: Enter into the notes of a question far down, resize to 80x24, Esc, `2`. The
    tree showed other rows and the file got current = 2 on a question out of sight."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await tree_at(pilot, LEAKAGE)
        tree = capture.navigator.question_tree
        assert await until(pilot, lambda: row_in_sight(capture))
        await burst(pilot, "enter")
        assert await until(pilot, lambda: app.focused is not tree)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await burst(pilot, "escape")
        assert await until(pilot, lambda: app.focused is tree)
        assert await until(pilot, lambda: row_in_sight(capture)), (tree.cursor_line, tree.scroll_offset)
        await burst(pilot, "2", "ctrl+s")
        assert await until(pilot, lambda: answers(example).get(LEAKAGE, {}).get("current") == 2)
        assert row_in_sight(capture)


async def test_coming_back_to_capture_at_80x24_shows_the_highlighted_row(example: Path, make_app) -> None:
    """Moving to 80x24 from another pane, F2 then Esc left the highlight below the visible part."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await tree_at(pilot, LEAKAGE)
        assert await until(pilot, lambda: capture.navigator.highlighted() == LEAKAGE and row_in_sight(capture))
        await burst(pilot, "f3")
        assert await until(pilot, lambda: not capture.navigator.question_tree.has_focus)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await burst(pilot, "f2", "escape")
        assert await until(pilot, lambda: capture.navigator.question_tree.has_focus)
        assert await until(pilot, lambda: row_in_sight(capture))
        await burst(pilot, "3", "ctrl+s")
        assert await until(pilot, lambda: answers(example).get(LEAKAGE, {}).get("current") == 3)


async def test_a_data_key_never_acts_on_a_row_scrolled_out_of_sight(example: Path, make_app) -> None:
    """The tree scrolled away (the mouse wheel moves the view, not the highlight): `2` changes
    nothing, brings the row back into sight and says so; pressed again it sets the maturity."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await tree_at(pilot, LEAKAGE)
        tree = capture.navigator.question_tree
        assert await until(pilot, lambda: app.focused is tree and row_in_sight(capture))
        await pilot.pause()
        await pilot.pause()
        tree.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        assert not row_in_sight(capture)
        before, shown = example.read_bytes(), notifications(app)
        await burst(pilot, "2", "ctrl+s")
        assert await until(pilot, lambda: any("out of sight" in n for n in shown)), (shown, answers(example).get(LEAKAGE), tree.cursor_line, tree.scroll_offset, app.focused)
        assert example.read_bytes() == before
        assert await until(pilot, lambda: row_in_sight(capture))
        await burst(pilot, "2", "ctrl+s")
        assert await until(pilot, lambda: answers(example).get(LEAKAGE, {}).get("current") == 2)
