"""Both brackets a placeholder is made of show by their code in an editor (#12/#13 walkthroughs,
w12d 5): a literal `⟨RLM⟩` typed by a person showed as `⟨U+27E8⟩RLM⟩`, the opening bracket by its
code and the closing one not. The saved bytes stay as they were."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input

from tests.helpers import edit_gap_in_dialog, ready, until
from workbench.printable import for_editing, restore
from workbench.ui.modals.gap_modal import GapModal

LITERAL = "Check \u27e8RLM\u27e9 marks"


def test_both_brackets_of_a_literal_placeholder_show_by_their_code() -> None:
    assert for_editing(LITERAL) == "Check ⟨U+27E8⟩RLM⟨U+27E9⟩ marks"
    assert for_editing(LITERAL, multiline=False) == "Check ⟨U+27E8⟩RLM⟨U+27E9⟩ marks"
    assert for_editing("a\u27e9b") == "a⟨U+27E9⟩b"
    shown = for_editing(LITERAL)
    assert restore(LITERAL, shown) == LITERAL
    assert restore(LITERAL, shown + "!") == LITERAL + "!"
    assert restore(LITERAL, shown.replace("Check", "See")) == "See \u27e8RLM\u27e9 marks"


def _titles(example: Path) -> dict[str, str]:
    return {g["id"]: g["title"] for g in tomllib.loads(example.read_text())["gaps"]}


async def test_editing_a_title_with_a_literal_placeholder_keeps_its_brackets(example: Path, make_app) -> None:
    text = example.read_text()
    title = 'title = "No data-quality checks at ingestion"'
    assert title in text
    example.write_text(text.replace(title, 'title = "No \u27e8RLM\u27e9 checks at ingestion"', 1))
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await edit_gap_in_dialog(pilot, "G-006")
        field = app.screen.query_one("#gap-title", Input)
        assert field.value == "No ⟨U+27E8⟩RLM⟨U+27E9⟩ checks at ingestion"
        field.focus()
        await pilot.press("end", "space", "Z", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "ingestion Z" in example.read_text())
    assert _titles(example)["G-006"] == "No \u27e8RLM\u27e9 checks at ingestion Z"
