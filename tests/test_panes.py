"""Switching panes: what is on show, where the keyboard goes, and what is (not) rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Tabs, TextArea, Tree

from tests.helpers import ready, until
from workbench.analysis.maturity import AreaMaturity
from workbench.ui.widgets.gaps_pane import GapsPane
from workbench.ui.widgets.matrix import Matrix
from workbench.ui.widgets.maturity_chart import maturity_chart


@pytest.mark.parametrize("width", [40, 56, 63, 80, 120])
def test_maturity_chart_lines_fit_the_width(width: int) -> None:
    rows = [
        AreaMaturity("a", "Model Training & Experimentation", 3.67, 4.33, 3),
        AreaMaturity("b", "Business Impact & ROI", 1.75, 5.0, 4),
        AreaMaturity("c", "Unscored", None, None, 0),
    ]
    lines = maturity_chart(rows, width).plain.splitlines()
    assert max(len(line) for line in lines) <= width


def on_show(app) -> str:  # type: ignore[no-untyped-def]
    """Id of the pane whose left edge is at the screen's left edge."""
    screen = app.screen
    shown = [c for c in screen.strip.children if c.region.x == 0 and c.region.width]
    assert len(shown) == 1
    return str(shown[0].id).removesuffix("-pane")


async def test_each_key_shows_its_pane_and_the_tab(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        for key, pane in (("f3", "gaps"), ("f5", "plan"), ("f4", "map"), ("f2", "capture")):
            await pilot.press(key)
            await pilot.pause()
            assert on_show(app) == pane
            assert app.screen.query_one(Tabs).active == pane
            assert app.focused is not None and app.screen.pane(pane) in app.focused.ancestors


async def test_clicking_a_tab_switches_pane(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.click("#plan")
        await pilot.pause()
        assert on_show(app) == "plan"


async def test_the_pane_on_show_stays_aligned_after_a_resize(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        await pilot.pause()
        assert on_show(app) == "map"
        assert app.screen.query_one("#map-pane").region.width == 160


async def test_tab_never_reaches_a_pane_out_of_view(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        gaps = app.screen.query_one(GapsPane)
        for _ in range(12):
            await pilot.press("tab")
            assert app.focused is not None
            assert gaps in app.focused.ancestors or app.focused is app.screen.query_one(Tabs)
        assert on_show(app) == "gaps"


async def test_coming_back_puts_the_keyboard_where_it_was(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        notes = app.screen.query_one("#q-notes", TextArea)
        notes.focus()
        await pilot.press("f3", "f2")
        await pilot.pause()
        assert app.focused is notes
        await pilot.press("x", "ctrl+s")
        await pilot.pause()
        assert "x" in notes.text


async def test_coming_back_to_gaps_does_not_rebuild_it(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        fills: list[str] = []
        monkeypatch.setattr(GapsPane, "_fill_ranked", lambda self: fills.append("ranked"))
        await pilot.press("f2", "f3")
        await pilot.pause()
        assert fills == []
        app.screen.query_one(Matrix).select_gap("G-006")
        await pilot.press("shift+up", "f2", "f3")  # a change: this time the pane is brought up to date
        await pilot.pause()
        assert fills


async def test_the_question_tree_keeps_its_lines_across_a_switch_but_not_a_theme(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.ui.widgets.navigator import QuestionTree

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        tree = app.screen.query_one(QuestionTree)
        tree.focus()
        await pilot.pause()
        before = tree.render_line(0)
        redraws: list[int] = []
        original = Tree.notify_style_update  # where Tree drops its drawn lines

        def counted(self: Tree[str]) -> None:
            redraws.append(1)
            original(self)

        monkeypatch.setattr(Tree, "notify_style_update", counted)
        await pilot.press("f3", "f2")
        await pilot.pause()
        assert app.focused is tree and redraws == []
        app.theme = "textual-light"
        await pilot.pause()
        after = tree.render_line(0)
        assert redraws and after.text == before.text and list(after) != list(before)


async def test_panes_out_of_view_catch_up_after_a_pause(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        screen = app.screen

        def up_to_date(*panes: str) -> bool:
            return all(screen.is_up_to_date(p) for p in panes)

        assert await until(pilot, lambda: up_to_date("gaps", "map", "plan"))
        await pilot.press("f3")
        await pilot.pause()
        screen.query_one(Matrix).select_gap("G-006")
        await pilot.press("shift+up")  # G-006 moves; Map and Plan are out of date until a pause
        await pilot.pause()
        assert not up_to_date("map")
        assert await until(pilot, lambda: up_to_date("map", "plan"))


async def test_typing_redraws_the_header_only_when_its_line_changes(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each keystroke asks the header for its line; redrawing an unchanged one cost a layout of
    every pane per key."""
    from workbench.ui.widgets.header import WorkbenchHeader

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.screen.query_one("#q-notes", TextArea).focus()
        updates: list[str] = []
        original = WorkbenchHeader.update
        monkeypatch.setattr(
            WorkbenchHeader,
            "update",
            lambda self, line, **kw: updates.append(str(line)) or original(self, line, **kw),
        )
        await pilot.press("a", "b", "c", "d")
        await pilot.pause()
        assert len(updates) == 1 and "unsaved" in updates[0]


async def test_quitting_before_the_panes_are_mounted_is_quiet(example: Path, make_app) -> None:
    """The Gaps, Map and Plan panes are mounted just after the first frame; quitting at once
    took the screen out of the app first and the late mount raised MountError on the way out."""
    from workbench.ui.widgets.pane_slot import PaneSlot
    from workbench.ui.widgets.pane_strip import PaneStrip

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        slot = PaneSlot("plan", app.screen.workspace)
        strip = PaneStrip(slot)
        await app.screen.mount(strip)
        await strip.remove()  # as at shutdown: the strip has left the app
        await slot.fill()  # must not raise


async def test_the_matrix_shows_its_legend_at_160_columns(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        legend = app.screen.query_one(Matrix).grid_text().plain.splitlines()[-1]
        assert "Quick wins" in legend and "Strategic initiatives" in legend


async def test_the_matrix_shows_a_session_tagged_gap_id_whole(example: Path, make_app) -> None:
    from workbench.edits.gaps import RaiseGap

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        raise_gap = RaiseGap("Tagged", values={"impact": 1, "complexity": 1}, session="data-1")
        app.screen.workspace.apply(raise_gap)
        await pilot.press("f3")
        matrix = app.screen.query_one(Matrix)
        assert await until(pilot, lambda: "G-d1-01" in matrix.grid_text().plain)


@pytest.mark.parametrize(
    ("title", "width", "expected"),
    [
        ("Business Impact & ROI", 21, ("Business Impact & ROI", "")),
        ("Feature Engineering & Data Management", 21, ("Feature Engineering &", "Data Management")),
        (
            "Model Monitoring & Observability at scale today",
            21,
            ("Model Monitoring &", "Observability at sca…"),
        ),
        ("Supercalifragilisticexpialidocious", 12, ("Supercalifr…", "")),
    ],
)
def test_maturity_chart_labels_use_both_lines(title: str, width: int, expected: tuple[str, str]) -> None:
    from workbench.ui.widgets.maturity_chart import label_lines

    assert label_lines(title, width) == expected


async def test_the_tab_bar_is_no_tab_stop_so_arrows_never_switch_pane(example: Path, make_app) -> None:
    """Issue 12: Tab then Right in Gaps switched to Map, because the tab bar took the keyboard."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        tabs = app.screen.query_one(Tabs)
        for _ in range(12):
            await pilot.press("tab")
            assert app.focused is not tabs
        await pilot.press("f3", "tab", "right")
        await pilot.pause()
        assert on_show(app) == "gaps"
