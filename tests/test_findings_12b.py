"""Issue 12, a new user's whole session (fix12b): the palette offers only the workbench's own
commands, the pane strip and other findings."""

from __future__ import annotations

from pathlib import Path

from textual.command import Command, CommandList, CommandPalette

from tests.helpers import at_question, ready, saved, until
from workbench.ui.keys import KEYS


def _listed(app) -> list[str]:  # type: ignore[no-untyped-def]
    commands = app.screen.query_one(CommandList)
    return [str(o.prompt).split("\n")[0] for o in commands.options if isinstance(o, Command)]


async def on_plan_item(pilot, item: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Plan (F5) with `item` selected on the timeline; returns the notices said from now on."""
    from tests.helpers import notifications

    app = pilot.app
    await ready(pilot)
    said: list[str] = notifications(app)
    await pilot.press("f5")
    gantt = app.screen.query_one("#gantt")
    assert await until(pilot, lambda: gantt.size.width > 0)
    gantt.select_item(item)
    return said


async def test_the_palette_offers_only_the_workbench_commands(example: Path, make_app) -> None:
    """ctrl+p listed Textual's own Keys (its generic key panel), Theme, Screenshot and a Quit that
    skipped the unsaved-work checks. Now every command is one of the key registry's, a session
    to switch to, or undo/redo named; Quit is the workbench's own."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        assert await until(pilot, lambda: isinstance(app.screen, CommandPalette) and _listed(app))
        await until(pilot, lambda: any(name == "Quit" or name.startswith("Quit ") for name in _listed(app)))
        titles = {k.help[:1].upper() + k.help[1:] for k in KEYS if k.palette}
        sessions = {f"Switch session {s.id}" for s in app.workspace.project.sessions}
        listed = _listed(app)
        strangers = [
            n for n in listed if n not in titles | sessions and not n.startswith(("Undo: ", "Redo: "))
        ]
        assert not strangers, strangers
        assert any(n.startswith("Quit") for n in listed)
        for word in ("keys", "theme", "screenshot", "maximize"):
            await pilot.press("ctrl+a", *word)
            assert await until(pilot, lambda: not app.screen.workers)
            textual_own = {"Keys", "Theme", "Screenshot", "Maximize", "Minimize", "Quit"}
            assert not textual_own & set(_listed(app)), (word, _listed(app))


async def test_moving_resizing_and_unfixing_a_plan_item_say_so(example: Path, make_app) -> None:
    """Plan's →, ] and u changed the item and said nothing (+ and - did: 'P-8 now waits for
    MS-2.'). Each now names the item and when it runs."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        said = await on_plan_item(pilot, "P-4")
        await pilot.press("right")
        assert await until(pilot, lambda: any(s.startswith("P-4 now runs") for s in said)), said
        assert "fixed start" in said[-1]
        await pilot.press("right_square_bracket")
        assert await until(pilot, lambda: len([s for s in said if s.startswith("P-4 now runs")]) == 2), said
        await pilot.press("u")
        assert await until(pilot, lambda: "dependencies allow" in said[-1]), said
        assert all(s.startswith("P-4 now runs week") for s in said[-3:]), said


async def test_a_milestone_has_no_length_to_change(example: Path, make_app) -> None:
    """Session 13 walkthrough: `]` `]` on a milestone said "MS-3 now runs weeks 1–2 (2 wk)." and
    saved weeks = 2 on it. A milestone marks a day: [ and ] say so and change nothing."""
    before = next(p for p in saved(example)["pilots"] if p["id"] == "MS-2")
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        said = await on_plan_item(pilot, "MS-2")
        await pilot.press("right_square_bracket", "right_square_bracket", "left_square_bracket")
        assert await until(pilot, lambda: len([s for s in said if "has no length" in s]) == 3), said
        assert not [s for s in said if "now runs" in s], said
        await pilot.press("ctrl+s")
    after = next(p for p in saved(example)["pilots"] if p["id"] == "MS-2")
    assert after == before


async def test_a_metric_made_in_plan_takes_the_session_id_rule(example: Path, make_app) -> None:
    """A metric made in Capture got M-m1-01 but one made in Plan's Metrics tab M-006: the README's
    one rule is that records made in a session carry its tag. Plan's now does too."""
    from textual.widgets import Input, TabbedContent

    from tests.helpers import dialog_up
    from workbench.ui.modals.metric_modal import MetricModal
    from workbench.ui.modals.pick_modal import PickModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        session = app.workspace.session_id
        tag = app.workspace.project.session_tags()[session]
        before = {m.id for m in app.workspace.project.metrics}
        await pilot.press("f5")
        app.screen.query_one("#plan-tabs", TabbedContent).active = "plan-metrics"
        app.screen.query_one("#metric-list").focus()
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, PickModal))
        await pilot.press("enter")  # a free-form metric
        assert await dialog_up(pilot, MetricModal)
        app.screen.query_one("#metric-text", Input).focus()
        await pilot.press(*"Cut onboarding", "ctrl+s")
        assert await until(pilot, lambda: len(app.workspace.project.metrics) == len(before) + 1)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any(m.get("text") == "Cut onboarding" for m in saved(example)["metrics"]))
    made = next(m for m in saved(example)["metrics"] if m.get("text") == "Cut onboarding")
    assert made["id"].startswith(f"M-{tag}-"), made
    assert made["session"] == session


async def test_words_in_a_metric_baseline_are_refused_never_read_as_a_number(example: Path, make_app) -> None:
    """A baseline typed as "about 12" saved 12 (the number field dropped the letters). Now the
    field keeps the words, one sentence under the fields says they are not a number, and the
    metric keeps no baseline until a number is typed."""
    from textual.widgets import Input, Static

    from tests.test_live_capture import METRIC

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_question(pilot, METRIC)
        field = app.screen.query_one("#q-baseline", Input)
        field.focus()
        await pilot.press(*"about 12")
        problem = app.screen.query_one("#q-metric-problem", Static)
        assert await until(pilot, lambda: field.value == "about 12"), field.value
        assert await until(pilot, lambda: problem.display and "about 12" in str(problem.render()))
        await pilot.press("ctrl+s")
        await pilot.pause()
        metrics = [m for m in saved(example).get("metrics", []) if m.get("template") == METRIC]
        assert all("baseline" not in m for m in metrics), metrics
        await pilot.press("ctrl+a", *"12", "ctrl+s")
        assert await until(pilot, lambda: not problem.display)
        assert await until(
            pilot,
            lambda: [m.get("baseline") for m in saved(example)["metrics"] if m.get("template") == METRIC] == [12],
        )


async def test_the_metric_dialog_refuses_words_as_a_number(example: Path, make_app) -> None:
    """The same in the metric dialog (Plan › Metrics): "about 12" was cut to 12 as typed."""
    from textual.widgets import Input, Static, TabbedContent

    from tests.helpers import dialog_up
    from workbench.ui.modals.metric_modal import MetricModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        app.screen.query_one("#plan-tabs", TabbedContent).active = "plan-metrics"
        app.main_screen().pane("plan").new_metric_from("")
        assert await dialog_up(pilot, MetricModal)
        assert await until(pilot, lambda: app.screen.query("#metric-text"))
        app.screen.query_one("#metric-text", Input).focus()
        await pilot.press(*"Cut onboarding", "tab", *"about 12", "ctrl+s")
        error = app.screen.query_one("#metric-error", Static)
        assert await until(pilot, lambda: "about 12" in str(error.render()))
        assert isinstance(app.screen, MetricModal)
        assert app.screen.query_one("#metric-baseline", Input).value == "about 12"


async def test_map_opens_on_the_gap_last_selected_in_gaps(example: Path, make_app) -> None:
    """Map opened on its own gap (the first, or the one it last showed) though the person had
    moved the Ranked cursor to another gap: it now opens on the gap last selected in Gaps."""
    from textual.widgets import DataTable

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        main = app.main_screen()
        await pilot.press("f3")
        assert await until(pilot, lambda: main.pane("gaps") is not None and main.pane("map") is not None)
        ranked = app.screen.query_one("#ranked", DataTable)
        ranked.focus()
        await pilot.press("down", "down", "down")
        gaps = main.pane("gaps")
        assert await until(pilot, lambda: gaps.selected == str(ranked.coordinate_to_cell_key(ranked.cursor_coordinate).row_key.value))
        chosen = gaps.selected
        await pilot.press("f4")
        map_pane = main.pane("map")
        assert await until(pilot, lambda: main.active_pane == "map")
        assert await until(pilot, lambda: map_pane.gap_id == chosen), (map_pane.gap_id, chosen)
        # and once the person picks another gap in Map, Map keeps it (Gaps unchanged)
        await pilot.press("down")
        assert await until(pilot, lambda: map_pane.gap_id != chosen)
        picked = map_pane.gap_id
        await pilot.press("f3", "f4")
        assert await until(pilot, lambda: main.active_pane == "map" and main.is_up_to_date("map"))
        await pilot.pause()
        assert map_pane.gap_id == picked


async def test_the_plan_item_dialog_refuses_words_as_weeks(example: Path, make_app) -> None:
    """Weeks typed as "about 6" were cut to 6 as typed (a whole-number field drops letters).
    The same one parser refuses them now, and the dialog stays open with the words."""
    from textual.widgets import Input, Static

    from tests.helpers import dialog_up
    from workbench.ui.modals.plan_item_modal import PlanItemModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        assert await until(pilot, lambda: app.main_screen().pane("plan") is not None)
        app.main_screen().pane("plan").edit_item("P-1")
        assert await dialog_up(pilot, PlanItemModal)
        assert await until(pilot, lambda: app.screen.query("#item-weeks"))
        weeks = app.screen.query_one("#item-weeks", Input)
        weeks.focus()
        await pilot.press("ctrl+a", *"about 6", "ctrl+s")
        error = app.screen.query_one("#item-error", Static)
        assert await until(pilot, lambda: "about 6" in str(error.render()))
        assert isinstance(app.screen, PlanItemModal) and weeks.value == "about 6"
        await pilot.press("ctrl+a", "6", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, PlanItemModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: next(p for p in saved(example)["pilots"] if p["id"] == "P-1")["weeks"] == 6)
