"""Issue 12 walkthrough (fe12d): dialogs that say what they mean. A "by X%" metric's target field
says it is a % change; the next step's due date error goes once the date is right, with the
keyboard on the field in error; the time box's example is minutes. Driven key by key through
Pilot at 80x24; what is kept is asserted on the saved TOML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Label, Static

from tests.helpers import ready, saved, until
from tests.test_keyboard_model import burst
from workbench.ui.modals.dialog import DialogScreen

ALERTS = "discovery:model-monitoring.metric.3"  # "Reduce false positive alerts by X%"


async def in_plan(pilot: Any, method: str, arg: str, field: str) -> Any:
    """Open a Plan dialog (`method` of the Plan pane with `arg`) and wait for its `field`."""
    app = pilot.app
    await ready(pilot)
    app.main_screen().show_pane("plan")
    getattr(app.main_screen().pane("plan"), method)(arg)
    assert await until(pilot, lambda: isinstance(app.screen, DialogScreen) and app.screen.query(f"#{field}"))
    return app.screen


async def step_due_typed(pilot: Any, due: str) -> Any:
    """A new next step "Send the plan" with `due` typed as its due date and ctrl+s pressed."""
    dialog = await in_plan(pilot, "new_step_for", "", "step-due")
    await burst(pilot, *"Send the plan")
    dialog.query_one("#step-due", Input).focus()
    await burst(pilot, *due, "ctrl+s")
    return dialog


def labels(screen: Any) -> list[str]:
    return [str(label.render()).strip() for label in screen.query(Label)]


async def test_a_by_x_percent_target_says_it_is_a_percent_reduction(example: Path, make_app: Any) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await in_plan(pilot, "new_metric_from", ALERTS, "metric-target")
        dialog = app.screen
        assert "% reduction" in labels(dialog)  # beside the target field
        box = dialog.query_one(".dialog").content_region
        for name in ("baseline", "unit", "target"):  # each field drawn whole at 80x24
            field = dialog.query_one(f"#metric-{name}")
            assert box.contains_region(field.region), name
        label = next(lab for lab in dialog.query(Label) if "% reduction" in str(lab.render()))
        assert box.contains_region(label.region) and label.region.y == dialog.query_one("#metric-target").region.y
        dialog.query_one("#metric-baseline", Input).focus()
        await burst(pilot, *"250", "tab", *"false alerts per week", "tab", *"64", "ctrl+s")
        assert await until(pilot, lambda: app.screen is not dialog)
        await burst(pilot, "ctrl+s")
    metric = next(m for m in saved(example)["metrics"] if m.get("template") == ALERTS)
    assert (metric["baseline"], metric["target"], metric["unit"]) == (250, 64, "false alerts per week")


async def test_a_from_x_to_y_target_keeps_its_plain_label(example: Path, make_app: Any) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await in_plan(pilot, "new_metric_from", "discovery:model-deployment.metric.1", "metric-target")
        assert "target" in labels(app.screen)
        assert not any("%" in words for words in labels(app.screen))


async def test_the_step_due_date_error_goes_once_the_date_is_right(example: Path, make_app: Any) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await step_due_typed(pilot, "15/12/2026")
        error = dialog.query_one(".dialog-error", Static)
        assert "due date must look like" in str(error.render())
        assert app.focused is dialog.query_one("#step-due")  # the keyboard on the field in error
        await burst(pilot, "ctrl+a", *"2026-12-15")
        assert str(error.render()).strip() == ""
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: app.screen is not dialog)
        await burst(pilot, "ctrl+s")
    step = next(s for s in saved(example)["next_steps"] if s.get("text") == "Send the plan")
    assert str(step["due"]) == "2026-12-15"


async def test_an_impossible_due_date_is_told_it_is_not_a_day(example: Path, make_app: Any) -> None:
    # Session 13 walkthrough: 2027-02-30 was refused with "must look like 2026-12-31", which it does.
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await step_due_typed(pilot, "2027-02-30")
        error = str(dialog.query_one(".dialog-error", Static).render())
        assert "2027-02-30 is not a day on the calendar" in error
        assert "must look like" not in error
        assert app.screen is dialog  # nothing saved


async def test_the_time_box_error_gives_minutes_as_its_example(example: Path, make_app: Any) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.main_screen().edit_session("ml-1")
        assert await until(pilot, lambda: isinstance(app.screen, DialogScreen) and app.screen.query("#session-minutes"))
        dialog = app.screen
        dialog.query_one("#session-minutes", Input).focus()
        await burst(pilot, "ctrl+a", *"ninety", "ctrl+s")
        words = str(dialog.query_one(".dialog-error", Static).render())
        assert "such as 90" in words and "such as 4" not in words


async def test_a_pickers_highlighted_row_is_always_drawn(example: Path, make_app: Any) -> None:
    """At 80x24 End in a picker longer than its box put the cursor on a row below the box's edge,
    not drawn, and Enter chose it. The box scrolls to the highlighted row, and Enter takes it."""
    from rich.text import Text

    from workbench.ui.modals.dialog import Dialog
    from workbench.ui.modals.pick_modal import PickModal

    chosen: list[str | None] = []
    options = [(f"G-{n:03}", Text(f"G-{n:03}  Gap number {n}")) for n in range(1, 25)]
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.push_screen(PickModal("Attach to which gap?", options), chosen.append)
        assert await until(pilot, lambda: isinstance(app.screen, PickModal) and app.screen.query("#pick-list"))
        dialog = app.screen
        listing = dialog.query_one("#pick-list")
        box = dialog.query_one(Dialog)
        for keys, index in ((["end"], 23), (["home"], 0), (["end", "up", "up"], 21)):
            await burst(pilot, *keys)
            assert await until(pilot, lambda index=index: listing.highlighted == index)
            row = listing.region.y + index - round(listing.scroll_y)
            assert await until(pilot, lambda row=row: box.shown_region().y <= row < box.shown_region().bottom), keys
        await burst(pilot, "end", "enter")
        assert await until(pilot, lambda: chosen == ["G-024"])


async def test_the_pilots_success_metrics_field_completes_the_projects_metric_ids(
    example: Path, make_app: Any
) -> None:
    """The field was labelled 'metrics' (footer and F1: 'success metrics') and wanted ids typed
    whole by hand. It says 'success metrics', and 'M-0' offers the project's M-001: Right takes it."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await in_plan(pilot, "edit_item", "P-1", "item-metrics")
        assert "success metrics" in labels(dialog) and "metrics" not in labels(dialog)
        field = dialog.query_one("#item-metrics", Input)
        field.focus()
        await burst(pilot, "ctrl+a", *"M-0")
        assert await until(pilot, lambda: "M-001" in str(field.render_line(0).text))  # offered
        await burst(pilot, "right", "ctrl+s")
        assert await until(pilot, lambda: app.screen is not dialog)
        await burst(pilot, "ctrl+s")
    pilot_saved = next(p for p in saved(example)["pilots"] if p["id"] == "P-1")
    assert pilot_saved["metrics"] == ["M-001"]


async def test_capture_names_a_by_x_percent_target_as_the_change(example: Path, make_app: Any) -> None:
    """Capture's inline fields of 'Reduce false positive alerts by X%' say 'reduction %' where the
    target is typed, drawn whole at 80x24; a 'from X to Y' metric's stays 'target'."""
    from workbench.ui.widgets.capture_pane import CapturePane

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        label = app.screen.query_one("#q-target-label", Label)
        for ref, words in ((ALERTS, "reduction %"), ("discovery:model-deployment.metric.1", "target")):
            capture.jump_to(ref)
            assert await until(pilot, lambda ref=ref: capture.panel.ref == ref)
            assert await until(pilot, lambda words=words: str(label.render()).strip() == words)
            assert await until(pilot, lambda words=words: label.region.width >= len(words)), words
            assert app.screen.query_one("#q-target").region.width >= 4
