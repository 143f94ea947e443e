"""#13 (s13a 3, 4): the zero width non-joiner, joiner and word joiner (U+200C, U+200D, U+2060)
showed as nothing in the panes, while the other invisible characters get a placeholder; they
are shown by name now, and saved as they were. The CLI printed the no-break space as ⟨NBSP⟩
into a pipe: it is ordinary text, printed as itself; control, escape and bidi characters keep
their placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests.helpers import ready, run_cli, saved, until
from workbench.printable import clean, for_editing, one_line, restore

NOTE = "Each model is a hand-built Flask app on a VM; batch scoring is a cron job."
JOINED = "Each\u200cmodel is a hand\u200dbuilt Flask\u2060app on a VM; batch scoring is a cron job."
SHOWN = "Each⟨ZWNJ⟩model is a hand⟨ZWJ⟩built Flask⟨WJ⟩app on a VM; batch scoring is a cron job."


def test_joiners_and_the_word_joiner_show_by_name() -> None:
    text = "a\u200cb\u200dc\u2060d"
    named = "a⟨ZWNJ⟩b⟨ZWJ⟩c⟨WJ⟩d"
    assert clean(text) == one_line(text) == for_editing(text) == for_editing(text, False) == named
    assert restore(text, named + "!") == text + "!"
    assert restore(text, "a⟨ZWNJ⟩bc⟨WJ⟩d") == "a\u200cbc\u2060d"  # the placeholder deleted: the character


async def test_editing_a_note_with_joiners_saves_them_as_they_were(example: Path, make_app) -> None:
    text = example.read_text()
    assert NOTE in text
    example.write_text(text.replace(NOTE, JOINED.replace("\u200c", "\\u200c").replace("\u200d", "\\u200d")
                                    .replace("\u2060", "\\u2060")))
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        notes = app.screen.query_one("#q-notes", TextArea)
        assert SHOWN in notes.text
        notes.focus()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "cron job. x" in example.read_text())
    answer = next(a for a in saved(example)["answers"] if a.get("notes", "").endswith("cron job. x"))
    assert answer["notes"] == JOINED + " x"
    written = example.read_text()
    assert "\\u200c" in written and "\\u200d" in written and "\\u2060" in written


def test_the_cli_prints_a_no_break_space_as_itself_into_a_pipe(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = example.read_text()
    title = 'title = "No data-quality checks at ingestion"'
    assert title in text
    example.write_text(text.replace(title, 'title = "No\\u00a0data-quality\\u200fchecks\\u001b[2J at ingestion"', 1))
    code, out, _ = run_cli(["gaps", str(example)], capsys)
    assert code == 0
    assert "No\u00a0data-quality⟨RLM⟩checks␛[2J at ingestion" in out
    assert "⟨NBSP⟩" not in out and "\x1b" not in out and "\u200f" not in out
    assert clean("a\u00a0b") == "a⟨NBSP⟩b"  # after the command, the panes name it again
