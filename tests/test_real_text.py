"""Data is never cleaned, only its display: editors show control and bidi characters as
placeholders, and save every character the person did not touch exactly as it was (#13 finding 5)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from textual.widgets import TextArea

from tests.helpers import edit_gap_in_dialog, ready, until
from workbench.printable import for_editing, restore
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.modals.plan_item_modal import PlanItemDraft, PlanItemModal
from workbench.ui.widgets.gaps_pane import GapsPane

NOTE = "Each model is a hand-built Flask app on a VM; batch scoring is a cron job."
BIDI_NOTE = "Each \u200fmodel is \u2067a hand-built\u2069 Flask app on a VM; batch scoring is a cron job."
TITLE = "Title \x1b[2J with\x07 bell\x00 nul"
DESCRIPTION = "first\u2028second\u2029third"
HOSTILE_PIECES = [*"ab \n\t\x1b\x07\x00\x7f\x9b\u200f\u2067\u2069\u2028\u2029\r␛�¶␤⟨", "⟨RLM⟩", "RL", "M⟩"]
"""Hidden characters, and text that looks like their placeholders (a literal ¶, ⟨RLM⟩ as letters)."""
HOSTILE = st.lists(st.sampled_from(HOSTILE_PIECES)).map("".join)


def saved(path: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(path.read_text())


@given(HOSTILE, st.booleans())
def test_an_untouched_text_comes_back_exactly(text: str, multiline: bool) -> None:
    shown = for_editing(text, multiline)
    assert not any(c in shown for c in "\x1b\x07\x00\x7f\x9b\u200f\u2067\u2028\r")
    assert restore(text, shown, multiline) == text


@given(HOSTILE, st.integers(min_value=0), st.text(alphabet="xyz", min_size=1, max_size=3), st.booleans())
def test_typing_keeps_every_character_around_it(text: str, at: int, typed: str, multiline: bool) -> None:
    at = at % (len(text) + 1)
    shown = for_editing(text[:at], multiline) + typed + for_editing(text[at:], multiline)
    assert restore(text, shown, multiline) == text[:at] + typed + text[at:]


@given(HOSTILE, st.integers(min_value=0), st.booleans())
@example("\u200f⟨RLM⟩", 0, True)  # a real RLM deleted before the letters ⟨RLM⟩ (#13, fix13b 4)
@example("⟨RLM⟩\u200f", 0, True)
@example("\x1b␛", 0, False)  # a real ESC deleted before a literal ␛
@example("¶\u2029", 1, True)
def test_deleting_one_character_deletes_that_one(text: str, at: int, multiline: bool) -> None:
    """Deleting what shows one character (a placeholder as a whole) deletes that one, and only
    that one, also when the text holds letters that read like a placeholder."""
    if not text:
        return
    at = at % len(text)
    shown = for_editing(text[:at], multiline) + for_editing(text[at + 1 :], multiline)
    assert restore(text, shown, multiline) == text[:at] + text[at + 1 :]


def test_each_hidden_character_shows_as_what_it_is() -> None:
    """#13: bidi controls and the two separators all showed as the same U+FFFD; each kind now
    shows distinctly, and a U+FFFD in the file is no longer mistaken for one of them."""
    text = "a\u200eb\u200fc\u202ad\u202be\u202cf\u202dg\u202eh\u2066i\u2067j\u2068k\u2069l\u061cm"
    assert for_editing(text) == "a⟨LRM⟩b⟨RLM⟩c⟨LRE⟩d⟨RLE⟩e⟨PDF⟩f⟨LRO⟩g⟨RLO⟩h⟨LRI⟩i⟨RLI⟩j⟨FSI⟩k⟨PDI⟩l⟨ALM⟩m"
    assert for_editing("one\u2028two\u2029three\x9b") == "one␤two¶three⟨U+009B⟩"
    assert "\ufffd" not in for_editing(text + "\u2028\u2029\x85")


def test_characters_that_look_like_nothing_or_a_space_get_a_placeholder() -> None:
    """#13 walkthrough (fe13b 2): U+200B and U+FEFF showed as nothing in the tree and the
    dialogs, U+00A0 as a space and U+00AD as nothing; they show by name everywhere now."""
    from workbench.printable import clean, one_line, quoted

    text = "a\u200bb\ufeffc\u00a0d\u00ade"
    named = "a⟨ZWSP⟩b⟨BOM⟩c⟨NBSP⟩d⟨SHY⟩e"
    assert clean(text) == one_line(text) == for_editing(text) == for_editing(text, False) == named
    assert quoted(text) == f"'{named}'"
    assert restore(text, named + "!") == text + "!"


def test_cutting_into_a_placeholder_keeps_what_is_left_as_typed() -> None:
    """What the editor shows is what is saved: deleting the M⟩ of ⟨RLM⟩ leaves the letters ⟨RL;
    deleting a whole placeholder deletes the character; the others stay real."""
    text = "x\u200fy\u202bz"
    assert restore(text, "x⟨RLy⟨RLE⟩z") == "x⟨RLy\u202bz"
    assert restore(text, "xy⟨RLE⟩z") == "xy\u202bz"
    assert restore(text, "x⟨RLM⟩y!⟨RLE⟩z") == "x\u200fy!\u202bz"
    assert restore("\u200f\u202b", "⟨RLE⟩") == "\u202b"


async def test_typing_into_a_note_with_bidi_marks_keeps_them(example: Path, make_app) -> None:
    example.write_text(example.read_text().replace(NOTE, BIDI_NOTE))
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        notes = app.screen.query_one("#q-notes", TextArea)
        assert "\u200f" not in notes.text and "⟨RLM⟩model is ⟨RLI⟩a hand-built⟨PDI⟩" in notes.text
        notes.focus()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "cron job. x" in example.read_text())
    answer = next(a for a in saved(example)["answers"] if a.get("notes", "").endswith("cron job. x"))
    assert answer["notes"] == BIDI_NOTE + " x"  # typed at the end of the note, after a space
    text = example.read_text()
    assert "\u200f" not in text and "\u2067" not in text, "written as escapes, so the file shows them"
    assert "\\u200f" in text and "\\u2067" in text


async def test_saving_the_gap_dialog_untouched_keeps_control_characters(example: Path, make_app) -> None:
    text = example.read_text()
    text = text.replace(
        'title = "No data-quality checks at ingestion"',
        'title = "Title \\u001b[2J with\\u0007 bell\\u0000 nul"\n'
        'description = "first\\u2028second\\u2029third"',
        1,
    )
    text = text.replace(
        'description = "Nothing checks nulls or ranges when data lands; an upstream schema change broke '
        'the churn features twice, found late when the model looked odd."\n',
        "",
        1,
    )
    example.write_text(text)
    assert next(g for g in saved(example)["gaps"] if g["id"] == "G-006")["title"] == TITLE
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await edit_gap_in_dialog(pilot, "G-006")
        shown = app.screen.query_one("#gap-title").value  # type: ignore[attr-defined]
        assert "␛[2J" in shown and "\x1b" not in shown
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        app.screen.query_one(GapsPane).edit_gap("G-006")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await pilot.pause()
        await pilot.press("end", "!", "ctrl+s")  # an edit of the title keeps the rest as it was
        assert await until(pilot, lambda: not isinstance(app.screen, GapModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "nul!" in example.read_text())
    gap = next(g for g in saved(example)["gaps"] if g["id"] == "G-006")
    assert gap["title"] == TITLE + "!"
    assert gap["description"] == DESCRIPTION


async def test_plan_criteria_with_a_line_separator_stay_one_criterion(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        draft = PlanItemDraft("Pilot \x1b", criteria=["one\u2028line", "two"])
        results: list[PlanItemDraft | None] = []
        app.push_screen(PlanItemModal("Edit", draft, set()), results.append)
        assert await until(pilot, lambda: isinstance(app.screen, PlanItemModal))
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: results)
    assert results[0] is not None
    assert results[0].title == "Pilot \x1b"
    assert results[0].criteria == ["one\u2028line", "two"]


async def test_the_proposal_dialog_keeps_control_characters_it_did_not_touch(example: Path, make_app) -> None:
    summary = "Ours \x1b[1m and \u200fthat"
    text = example.read_text()
    assert "\n[proposal]\n" in text
    example.write_text(
        text.replace("\n[proposal]\n", '\n[proposal]\nexecutive_summary = "Ours \\u001b[1m and \\u200fthat"\n', 1)
    )
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f8")
        assert await until(pilot, lambda: app.screen.query("#proposal-text"))
        area = app.screen.query_one("#proposal-text", TextArea)
        assert area.text == "Ours ␛[1m and ⟨RLM⟩that"
        area.focus()
        await pilot.press("x", "ctrl+s")  # (the cursor is after the text)
        assert await until(pilot, lambda: "thatx" in example.read_text())
    assert saved(example)["proposal"]["executive_summary"] == summary + "x"


def test_the_readme_lists_each_placeholder() -> None:
    """The README listed `�` for all of them (#13)."""
    from tests.conftest import ROOT
    from workbench.printable import NAMED, placeholder

    text = (ROOT / "README.md").read_text()
    for code in [*NAMED, 0x2028, 0x2029, 0x1B, 0x7F]:
        assert placeholder(chr(code)) in text
