"""Text a person may type or paste, for property tests of what is saved and merged."""

from __future__ import annotations

from hypothesis import strategies as st

LINE_BREAKS = ["\r\n", "\r", "\n", "\x85", "\u2028", "\u2029"]
"""Everything some reader takes for a line break: CRLF, a lone CR, LF, NEL, U+2028, U+2029."""
LOOKS_LIKE_TOML = ["#", "[[gaps]]", "[", "]", '"""', "'''", '"', "'", "\\", " = ", "\t", "\u200f"]


def typed_text(max_pieces: int = 12) -> st.SearchStrategy[str]:
    """Any text, with line breaks of every kind and pieces that look like TOML among it."""
    piece = st.one_of(
        st.sampled_from(LINE_BREAKS + LOOKS_LIKE_TOML),
        st.characters(blacklist_categories=("Cs",)),
        st.text(alphabet="ab ", min_size=1, max_size=3),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)
