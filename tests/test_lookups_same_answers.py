"""The look-ups made quicker for the footer, the question tree and the dimmed screen behind a
dialog give what the plain searches they replaced gave."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen

from workbench.banks import bundled_banks_dir, load_banks
from workbench.model.catalogue import Catalogue
from workbench.ui.keys import KEYS, footer_rank, for_action, key
from workbench.ui.textual_private import DimmedScreen


def test_refs_in_area_are_the_area_questions_in_bank_order_also_after_a_bank_is_added() -> None:
    banks = load_banks([bundled_banks_dir()]).banks
    catalogue = Catalogue.from_banks(banks[:1])
    for area in catalogue.areas:
        assert catalogue.refs_in_area(area) == [r for r, q in catalogue.questions.items() if q.area == area]
    for bank in banks[1:]:
        catalogue.add(bank)
    assert len(banks) > 1
    for area in catalogue.areas:
        assert catalogue.refs_in_area(area) == [r for r, q in catalogue.questions.items() if q.area == area]
    assert catalogue.refs_in_area("no-such-area") == []


def test_registry_look_ups_find_the_first_entry_a_search_finds() -> None:
    for entry in KEYS:
        assert key(entry.id) is entry
        assert footer_rank(entry.id) == entry.rank
        name = entry.action.split("(")[0]
        first = next(k for k in KEYS if k.scope == entry.scope and k.action.split("(")[0] == name)
        assert for_action(entry.scope, entry.action) is first
    assert for_action("app", "no_such_action") is None
    assert footer_rank("no-such-key") == 99


def test_the_dimmed_screen_is_textuals_tint_segment_for_segment() -> None:
    link = Style(color="red", link="https://example.com") + Style(meta={"@click": "app.bell"})
    segments = [
        Segment("plain"),
        Segment("coloured", Style(color="#ff8800", bgcolor="#202020", bold=True)),
        Segment("no background", Style(color="white")),
        Segment("link", link),
        Segment("", None, [(1,)]),  # type: ignore[list-item]
        Segment("again", Style(color="#ff8800", bgcolor="#202020", bold=True)),
    ]
    for color in (Color(0, 0, 0, 0.6), Color(10, 20, 30, 0.3), Color(0, 0, 0, 0)):
        expected = list(BackgroundScreen.process_segments(segments, color))
        assert list(DimmedScreen.process_segments(segments, color)) == expected
        assert list(DimmedScreen.process_segments(segments, color)) == expected  # as kept
