"""Walkthroughs f15a/f15b: the footer, F1 and the palette agree (they are built from one key
registry), and the matrix footer at 80x24 keeps the keys that open things."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import OptionList

from tests.helpers import at_question, ready, until
from tests.test_footer_agrees import footer_line, offered, to_state


def words(app: Any) -> list[str]:
    return [binding.description for binding, _ in offered(app)]


async def test_the_palette_names_the_key_of_commands_a_pane_key_also_runs(example: Path, make_app) -> None:
    """"Merge two gaps", "Raise a new gap", "Mark the pilot… done", "Map any practice…" showed
    no key in the palette, though F1 gives m, n, d, p."""
    from textual.command import CommandList, CommandPalette

    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        for typed, shown in (
            ("merge two gaps", "m in Gaps"),
            ("raise a new gap", "n in Gaps"),
            ("mark the pilot", "d in Plan"),
            ("map any practice", "p in Map"),
        ):
            await pilot.press("ctrl+p")
            assert await until(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*typed)

            def first() -> str:
                listing = app.screen.query_one(CommandList)
                at = listing.highlighted
                return str(listing.get_option_at_index(at).prompt) if at is not None else ""

            assert await until(pilot, lambda: typed in first().lower()), first()  # noqa: B023
            assert shown in first(), first()
            await pilot.press("escape")
            assert await until(pilot, lambda: not isinstance(app.screen, CommandPalette))


async def test_the_timeline_offers_no_n_and_an_empty_one_no_item_keys(tmp_path: Path, make_app) -> None:
    """n on the timeline jumped to Metrics (F1 lists it for Metrics and Next steps only); an
    empty timeline offered d + - ← → ⏎, which need an item."""
    from tests.conftest import ROOT

    text = (ROOT / "projects" / "example.toml").read_text(encoding="utf-8")
    start, end = text.index("[[pilots]]"), text.index("[[next_steps]]")
    project = tmp_path / "empty-plan.toml"
    project.write_text(text[:start] + text[end:], encoding="utf-8")
    app = make_app(project)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await to_state(pilot, "plan timeline")
        assert await until(pilot, lambda: "Milestone" in words(app)), words(app)
        shown = words(app)
        for needs_an_item in ("New", "Edit", "Done", "Earlier", "+Dep", "−Dep", "Shorter", "Delete"):
            assert needs_an_item not in shown, shown
        await pilot.press("m")  # a milestone: now there is an item to act on
        assert await until(pilot, lambda: "Edit" in words(app) or app.screen.is_modal)


async def test_the_timeline_with_items_offers_no_n(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await to_state(pilot, "plan timeline")
        assert await until(pilot, lambda: "Edit" in words(app)), words(app)
        assert "New" not in words(app)
        await to_state(pilot, "plan metrics")
        assert await until(pilot, lambda: "New" in words(app)), words(app)


async def test_the_heard_list_footer_offers_enter_and_delete(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_question(pilot, "discovery:model-deployment.pain.1")
        listing = capture.query_one("#q-heard-list", OptionList)
        assert await until(pilot, lambda: listing.option_count >= 1)
        listing.focus()
        assert await until(pilot, lambda: "Remove" in words(app)), words(app)
        assert "Edit" in words(app)
        line = footer_line(app)
        assert "Edit" in line and "Remove" in line, line


async def test_the_matrix_footer_offers_complexity_and_keeps_the_keys_that_open(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await to_state(pilot, "gaps matrix")
        assert await until(pilot, lambda: "Simpler" in footer_line(app)), footer_line(app)
        assert "Harder" in footer_line(app)
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await to_state(pilot, "gaps matrix")
        assert await until(pilot, lambda: "Edit" in footer_line(app)), footer_line(app)
        line = footer_line(app)
        assert "Merge" in line and "New" in line, line
