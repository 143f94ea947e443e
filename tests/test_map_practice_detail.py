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
