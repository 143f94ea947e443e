"""Every invisible, control or bidi character is written escaped as \\uXXXX in a basic string,
so `cat` and `git diff` show it, and the value reads back the same (#13 walkthrough, fe13b 3).
Before, a field holding \\u00a0 \\u00ad \\u0080 \\u0085 \\u009b was saved with them raw."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import TextArea

from tests.helpers import ready, until
from workbench.store.merge import INVISIBLE, string_item

NOTE = "Each model is a hand-built Flask app on a VM; batch scoring is a cron job."
ESCAPED = "\\u00a0 \\u00ad \\u0080 \\u0085 \\u009b \\u007f \\u001b \\u200b \\ufeff \\u2028"
HIDDEN = "\x00\x1b\x7f\x80\x85\x9b\xa0\xad\u061c\u200b\u200d\u200f\u2028\u2029\u202e\u2066\ufeff"
TEXT = st.text(alphabet=st.sampled_from([*HIDDEN, "a", " ", "\t", "\n", "\r", '"', "\\", "é", "⟨"]))


@given(TEXT)
def test_a_written_string_shows_every_hidden_character_and_reads_back_the_same(value: str) -> None:
    raw = string_item(value).as_string()
    assert not INVISIBLE.search(raw) and "\r" not in raw
    assert tomllib.loads(f"key = {raw}\n")["key"] == value


def test_each_kind_is_escaped() -> None:
    for char in HIDDEN:
        assert f"\\u{ord(char):04x}" in string_item(f"a{char}b").as_string()


async def test_an_edited_note_keeps_its_characters_escaped(example: Path, make_app) -> None:
    text = example.read_text()
    assert NOTE in text
    example.write_text(text.replace(NOTE, f"{NOTE} {ESCAPED}"))
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        notes = app.screen.query_one("#q-notes", TextArea)
        notes.focus()
        notes.move_cursor(notes.document.end)
        await pilot.press("x", "ctrl+s")
        assert await until(pilot, lambda: "\\u2028x" in example.read_text())
    written = example.read_text()
    assert f"{NOTE} {ESCAPED}x" in written
    assert not INVISIBLE.search(written)
