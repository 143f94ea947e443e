"""Issue 12 fresh-eyes 4, 5 and 8: keys typed while the workbench opens, keys typed straight after
Enter in the search box, and undo/redo kept in the footer. Each types in a burst (the way a
loaded machine delivers what a person typed at their own pace) and checks the saved TOML."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import Input, TextArea

from tests.helpers import ready, until
from tests.test_keyboard_model import burst, key_events
from workbench.ui.modals.heard_modal import HeardModal
from workbench.ui.screens.main_screen import MainScreen
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.key_footer import KeyFooter


def saved(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text())


def notes_of(path: Path) -> dict[str, str]:
    return {a["question"]: a.get("notes", "") for a in saved(path).get("answers", []) if a.get("session") == "ml-1"}


def footer(app: Any) -> str:
    return app.screen.query_one(KeyFooter).render().plain


def send(app: Any, *keys: str) -> None:
    """Queue keys at once, as a terminal hands over what was typed while the app was busy."""
    for event in key_events(*keys):
        app.post_message(event)


async def test_keys_typed_while_it_opens_wait_for_the_tree_then_land_in_the_notes(example: Path, make_app) -> None:
    """Fresh-eyes 4: ctrl+n and text typed as the project opens went nowhere (the keyboard was
    moved from the search box to the tree after the keys were routed)."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        send(app, "ctrl+n", "x", "y", "z")
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        notes = capture.query_one("#q-notes", TextArea)
        assert await until(pilot, lambda: notes.text.endswith("xyz"))
        assert app.focused is notes
        shown = capture.panel.ref
        filters = capture.navigator.filters.describe()
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved), "ctrl+s never finished saving"
    assert notes_of(example)[shown].endswith("xyz")
    assert filters.startswith("filter: none")


async def test_the_footer_names_the_tree_from_the_first_paint_and_keys_go_there(example: Path, make_app) -> None:
    """Fresh-eyes 4: the footer said `✎ search` as the tree was drawn, then the keyboard went to
    the tree: letters typed meanwhile went to both. Now it is the tree from the first paint, and
    ctrl+n then words typed at once are notes."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen.query(KeyFooter))
        await pilot.pause()
        assert "✎ search" not in footer(app)
        assert app.focused is None or app.focused.id == "nav-tree"
        send(app, "ctrl+n", "said at once")
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        notes = capture.query_one("#q-notes", TextArea)
        assert await until(pilot, lambda: notes.text.endswith("said at once"))
        search = capture.query_one("#nav-search", Input)
        shown = capture.panel.ref
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved), "ctrl+s never finished saving"
        assert search.value == ""
        assert capture.navigator.filters.describe().startswith("filter: none")
    assert notes_of(example)[shown].endswith("said at once")


async def test_h_straight_after_enter_in_the_search_box_is_heard_not_search_text(example: Path, make_app) -> None:
    """Fresh-eyes 5: `/`, a search, Enter, `h`: the h was typed into the search box (the keyboard
    moved to the tree only after the search box had handled Enter) and nothing was heard."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.navigator.question_tree.focus()
        await pilot.pause()
        await burst(pilot, "slash", "costs are unpredictable", "enter", "h")
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        await burst(pilot, "they pay for idle GPUs", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        assert capture.query_one("#nav-search", Input).value == "costs are unpredictable"
        assert app.focused is capture.navigator.question_tree
        first_match = capture.navigator.highlighted()
        assert first_match == capture.navigator.refs()[0]
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved), "ctrl+s never finished saving"
    heard = [h for h in saved(example).get("heard", []) if h["quote"] == "they pay for idle GPUs"]
    assert [h["indicator"] for h in heard] == [first_match]


async def test_ctrl_a_then_a_new_search_replaces_it_and_no_filter_changes(example: Path, make_app) -> None:
    """Fresh-eyes 5: ctrl+a in the search box then "serving uptime" left "uptime" and switched on
    the u and t filters."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.navigator.question_tree.focus()
        await pilot.pause()
        await burst(pilot, "slash", "serving costs are", "enter", "slash", "ctrl+a", "serving uptime")
        search = capture.query_one("#nav-search", Input)
        assert search.value == "serving uptime"
        assert app.focused is search
        assert capture.navigator.filters.describe() == "filter: “serving uptime”  (u f t /)"


async def test_undo_and_redo_stay_in_the_footer_in_the_search_box_and_after_a_palette_jump(
    example: Path, make_app
) -> None:
    """Fresh-eyes 8 (part): typing in the search box hid ^z Undo (its own undo hid the
    workbench's); a question reached from the palette showed no undo/redo."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        await burst(pilot, "ctrl+n", "a note", "escape", "slash", "serving")
        assert app.focused is capture.query_one("#nav-search", Input)
        await pilot.pause()
        assert "^z Undo" in footer(app) and "^y Redo" in footer(app), footer(app)
        await burst(pilot, "enter")
        assert "^z Undo" in footer(app) and "^y Redo" in footer(app), footer(app)
        await burst(pilot, "ctrl+p", "scaling model serving based on demand", "enter")
        notes = capture.query_one("#q-notes", TextArea)
        assert await until(pilot, lambda: app.focused is notes)
        await pilot.pause()
        assert "^z Undo" in footer(app) and "^y Redo" in footer(app), footer(app)
