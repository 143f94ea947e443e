"""Issue 12, a new user's walkthrough (item 7): Space on a next step said nothing (the header
kept 'Edited N-4'); Enter on a group line of the question tree opened it and the letters typed
next toggled filters (`u` turned on 'unanswered'): it now puts the keyboard in the notes of the
group's first question, as Enter on a question does."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, TabbedContent

from tests.helpers import notifications, ready, saved, until
from tests.test_keyboard_model import burst
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.plan_pane import PlanPane


async def test_space_on_a_next_step_says_ticked(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await burst(pilot, "f5")
        plan = app.screen.query_one(PlanPane)
        plan.query_one("#plan-tabs", TabbedContent).active = "plan-steps"
        await pilot.pause()
        steps = plan.query_one("#step-list", OptionList)
        steps.focus()
        steps.highlighted = steps.get_option_index("N-1")
        await pilot.pause()
        await burst(pilot, "space")
        assert await until(pilot, lambda: app.workspace.project.next_step("N-1").done)
        assert any(m.startswith("Ticked N-1: Send the proposal") for m in shown), shown
        await burst(pilot, "space")
        assert any(m.startswith("Unticked N-1") for m in shown), shown
        await burst(pilot, "space", "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert next(s for s in saved(example)["next_steps"] if s["id"] == "N-1")["done"] is True


async def test_enter_on_a_group_line_puts_the_keyboard_in_its_first_questions_notes(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        tree = capture.navigator.question_tree
        tree.focus()
        await pilot.pause()
        group = next(n for n in tree.root.children if not n.is_expanded and n.children)
        tree.move_cursor(group)
        await pilot.pause()
        await burst(pilot, "enter", "utf 3h")
        first = capture.navigator.current
        assert first and capture.panel.ref == first
        assert app.focused is capture.query_one("#q-notes")
        assert not capture.navigator.filters.unanswered
        assert not capture.navigator.filters.follow_up
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    answer = next(a for a in saved(example)["answers"] if a["question"] == first and a["session"] == "ml-1")
    assert answer["notes"].endswith("utf 3h")
    assert "current" not in answer or answer["current"] != 3


async def test_the_footer_says_help_or_palette_while_they_have_the_keyboard(example: Path, make_app) -> None:
    """It said '▸ timeline' (or '▸ tree') under F1 help and the ctrl+p palette."""
    from workbench.ui.screens.main_screen import MainScreen
    from workbench.ui.widgets.key_footer import KeyFooter

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)

        def footer() -> str:
            return str(main.query_one(KeyFooter).render().plain)

        await burst(pilot, "f5")
        assert await until(pilot, lambda: footer().startswith(" ▸ timeline")), footer()
        await burst(pilot, "f1")
        assert await until(pilot, lambda: footer().startswith(" ▸ help  esc Close")), footer()
        await burst(pilot, "escape", "ctrl+p")
        assert await until(pilot, lambda: footer().startswith(" ✎ palette")), footer()
        await burst(pilot, "f1")  # help over the palette
        assert await until(pilot, lambda: footer().startswith(" ▸ help")), footer()
        await burst(pilot, "escape", "escape")
        assert await until(pilot, lambda: app.screen is main)
        assert await until(pilot, lambda: footer().startswith(" ▸ timeline")), footer()


async def test_f_keys_close_help_and_the_palette_and_switch(example: Path, make_app) -> None:
    """Item 4: F1 over the palette on Plan, Esc Esc, F2, '/compliance' Enter: a terminal delivers
    Esc Esc F2 typed fast as Esc F2, so F2 came while the palette was still open and was ignored;
    the letters then made a milestone 'MS-3 pliance'. F-keys close help and the palette."""
    from workbench.ui.screens.main_screen import MainScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        pilots = len(app.workspace.project.pilots)
        await burst(pilot, "f5")
        await burst(pilot, "ctrl+p")
        await burst(pilot, "f1")
        await burst(pilot, "escape", "f2", "/compliance", "enter")
        assert await until(pilot, lambda: app.screen is main)
        assert main.active_pane == "capture"
        assert main.query_one("#nav-search").value == "compliance"  # type: ignore[attr-defined]
        assert len(app.workspace.project.pilots) == pilots
        assert not app.workspace.unsaved
        await burst(pilot, "f1", "f3")  # from help alone too
        assert await until(pilot, lambda: app.screen is main and main.active_pane == "gaps")
