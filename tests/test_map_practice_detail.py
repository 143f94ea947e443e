"""The Map pane shows the highlighted practice's example and pattern, literally and in full."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import OptionList, Static

from workbench.banks import load_catalogue
from workbench.ui.safe import clean
from workbench.ui.widgets.map_pane import MapPane

HOSTILE_BANK = """
[bank]
id = "mine"
title = "Our own practices"

[[practices]]
id = "zz.hostile"
guide = "model-deployment-serving"
title = "A practice with [bold]markup[/] in it"
summary = "Shown as written. Nothing in it acts."
areas = ["model-deployment"]
keywords = ["manual rollback", "weeks to deploy", "hand-built"]
example = "Press [@click=app.quit]here[/] or read \\u001b[31mred\\u001b[0m; the example stays text."
pattern_language = "yaml"
pattern = '''
steps: ["[/]", "$accent [red"]
'''
"""


async def show_practice(app, pilot, practice_id: str) -> tuple[Text, Text]:  # type: ignore[no-untyped-def]
    """Open the Map on G-001, highlight the practice, and return what the detail shows."""
    await pilot.pause()  # the project opens after the first frame
    await pilot.press("f4")
    await pilot.pause()
    gaps = app.screen.query_one("#map-gaps", OptionList)
    gaps.highlighted = gaps.get_option_index("G-001")
    await pilot.pause()
    suggestions = app.screen.query_one("#map-suggestions", OptionList)
    suggestions.focus()
    suggestions.highlighted = suggestions.get_option_index(practice_id)
    await pilot.pause()
    pane = app.screen.query_one(MapPane)
    detail = pane.query_one("#map-detail", Static).content
    pattern = pane.query_one("#map-pattern", Static).content
    assert isinstance(detail, Text) and isinstance(pattern, Text)
    return detail, pattern


async def test_the_selected_practice_shows_its_example_and_pattern(example: Path, make_app) -> None:
    practice = load_catalogue().practices["ds.automated-rollback"]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        detail, pattern = await show_practice(app, pilot, practice.id)
    assert practice.summary in detail.plain
    assert "How to start\n" + practice.example in detail.plain
    assert detail.plain.endswith("Pattern (python)")
    assert pattern.plain == practice.pattern.strip("\n")
    assert pattern.no_wrap  # code keeps its lines; the detail scrolls sideways instead


async def test_practice_text_from_a_bank_is_shown_literally(example: Path, make_app) -> None:
    (example.parent / "banks").mkdir()
    (example.parent / "banks" / "mine.toml").write_text(HOSTILE_BANK, encoding="utf-8")
    practice = load_catalogue(example).practices["zz.hostile"]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        detail, pattern = await show_practice(app, pilot, "zz.hostile")
        assert app.is_running
    assert clean(practice.example) in detail.plain
    assert "␛[31mred" in detail.plain
    assert pattern.plain == 'steps: ["[/]", "$accent [red"]'
    assert pattern.spans == []
    assert not any("click" in str(span.style) or "link" in str(span.style) for span in detail.spans)


async def test_the_detail_gives_the_full_why_that_the_list_cuts(example: Path, make_app) -> None:
    """#16 fresh-eyes 16, finding 5: "…written for Model Monitoring & Observability (which Mon…" at
    160x48, "…; writt…" at 120x36, and Tab/Enter showed no reasons at all."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        detail, _ = await show_practice(app, pilot, "tv.model-registry")
        pane = app.screen.query_one(MapPane)
        suggestion = next(s for s in pane.suggestions if s.practice.id == "tv.model-registry")
    assert len(suggestion.reasons) >= 2
    why = detail.plain[detail.plain.index("Why for G-001") :]
    for reason in suggestion.reasons:
        assert f"\n• {reason}" in why


async def test_the_maps_gap_lists_follow_the_priority_ranking(example: Path, make_app) -> None:
    """#16 fresh-eyes 16, finding 8: the Map's quadrant lists sorted by id, the Gaps pane by priority."""
    from workbench.analysis.gaps import ranked_gaps
    from workbench.store.files import load_project

    ranking = [gap.id for gap, _ in ranked_gaps(load_project(example))]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        gaps = app.screen.query_one("#map-gaps", OptionList)
        shown = [gaps.get_option_at_index(n).id for n in range(gaps.option_count)]
    listed = [gap_id for gap_id in shown if gap_id]
    quick = listed[: listed.index("G-001")]  # quick wins come first, then the strategic gaps
    assert quick == [g for g in ranking if g in quick]
    assert listed != sorted(listed)
