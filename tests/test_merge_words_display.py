"""The conflict dialog's heading showed control characters as · and U+2028/9 as spaces while the
rows below showed ␛ ␇ ␀: one display function (printable.clean) everywhere (fe13c 4)."""

from __future__ import annotations

from workbench.printable import clean
from workbench.store.merge_words import differing, from_base, shorten

HOSTILE = "Deploy\x1b[31mRED\x07bell\x00nul\u2028line\u2029para"


def test_the_heading_shows_hidden_characters_as_the_rows_do() -> None:
    shown = shorten(HOSTILE, 200)
    assert "·" not in shown and shown == clean(HOSTILE, multiline=False), shown


def test_the_short_values_show_them_too() -> None:
    for shown in (*differing([HOSTILE, HOSTILE + "!"], 200), *from_base([HOSTILE, HOSTILE + "?"], 200)):
        assert "·" not in shown and shown.startswith(clean(HOSTILE, multiline=False)), shown
