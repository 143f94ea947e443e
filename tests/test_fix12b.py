"""#12 fresh-eyes (fix12b): capture that keeps the typist's words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Select, TextArea

from tests.helpers import until
from tests.test_keyboard_model import FIRST, answers, at_first_question
from workbench.analysis.currency import client_currency
from workbench.analysis.metrics import metric_sentence
from workbench.banks import load_catalogue
from workbench.example import bundled_example
from workbench.export.context import ProposalContext
from workbench.export.options import ProposalOptions
from workbench.model.records import Metric
from workbench.store.files import load_project
from workbench.ui.keys import key
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.key_footer import KeyFooter, place_name

TCO = "discovery:platform-evaluation.criteria.1"
"""'Platform should reduce total cost of ownership by X%': the bank says its baseline is '¤ per year'."""


def tco(unit: str) -> Metric:
    return Metric(id="M-009", template=TCO, baseline=250, target=180, unit=unit)


def test_a_metric_sentence_says_the_unit_the_person_typed_with_its_scale() -> None:
    catalogue = load_catalogue()
    start = "Platform should reduce total cost of ownership by 180%"
    assert metric_sentence(tco("kUSD"), catalogue, "USD") == f"{start} (baseline $250,000)"
    assert metric_sentence(tco("k USD per year"), catalogue, "EUR") == f"{start} (baseline $250,000 per year)"
    assert metric_sentence(tco("EUR m"), catalogue, "USD") == f"{start} (baseline €250 million)"
    assert metric_sentence(tco("hours"), catalogue, "USD") == f"{start} (baseline 250 hours)"
    assert metric_sentence(tco("k widgets"), catalogue, "USD") == f"{start} (baseline 250 k widgets)"
    assert metric_sentence(tco(""), catalogue, "USD") == f"{start} (baseline $250 per year)"  # the bank's


def test_the_proposal_keeps_a_typed_currency_too() -> None:
    project = load_project(bundled_example())
    project.metrics.append(tco("kGBP"))
    context = ProposalContext(project, load_catalogue(), ProposalOptions(today=dt.date(2026, 12, 1)))
    assert context.currency != "GBP"
    assert context.metric_text(project.metrics[-1]).endswith("(baseline £250,000)")


async def choose_then_type(pilot: Any, capture: CapturePane, dropdown: str, downs: int) -> None:
    """Open a dropdown with Enter, move down, take the value with Enter, then, once the list has
    closed, type 'ok.' a key at a time as a person does (each handled before the next)."""
    select = capture.panel.query_one(f"#q-{dropdown}", Select)
    select.focus()
    await pilot.pause()
    await pilot.press("enter")
    assert await until(pilot, lambda: select.expanded)
    for _ in range(downs):
        await pilot.press("down")
    await pilot.press("enter")
    assert await until(pilot, lambda: not select.expanded)
    for typed in ("space", "o", "k", "full_stop"):
        await pilot.press(typed)


@pytest.mark.parametrize(
    ("dropdown", "downs", "value"), [("status", 1, "skipped"), ("confidence", 1, "evidenced")]
)
async def test_after_a_choice_from_a_dropdown_typing_goes_on_in_the_notes(
    example: Path, make_app: Any, dropdown: str, downs: int, value: str
) -> None:
    """fix12b 2: after a choice the dropdown kept the keyboard; the letters typed next were dropped
    and space opened it again. Now the keyboard is back in the notes, the cursor at their end."""
    before = answers(example)[FIRST]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        await choose_then_type(pilot, capture, dropdown, downs)
        notes = capture.panel.query_one("#q-notes", TextArea)
        assert await until(pilot, lambda: notes.text.endswith(" ok."))
        assert app.focused is notes
        assert not capture.panel.query_one(f"#q-{dropdown}", Select).expanded
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    after = answers(example)[FIRST]
    assert after[dropdown] == value
    assert after["notes"] == before["notes"] + " ok."


def in_view(tree: Any) -> bool:
    """Whether the tree's cursor line is on screen (scrolled into view)."""
    top = tree.scroll_offset.y
    return bool(top <= tree.cursor_line < top + tree.scrollable_content_region.height)


@pytest.mark.parametrize(
    ("search", "best"),
    [
        ("feature drift", "discovery:feature-engineering.discovery.4"),  # the one text match: a closed bank
        ("what data", "discovery:feature-engineering.current.data-sources-integration-1"),  # 25 matches
    ],
)
async def test_the_best_match_of_a_search_is_opened_selected_and_in_view(
    example: Path, make_app: Any, search: str, best: str
) -> None:
    """fix12b 3: the question whose text has the words searched for sat in a closed group (the
    cursor on a question matching only by its area or id), so it stayed hidden."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await at_first_question(pilot)
        await pilot.press("slash")
        for char in search:
            await pilot.press("space" if char == " " else char)
        tree = capture.navigator.question_tree
        assert await until(pilot, lambda: capture.panel.ref == best)
        await pilot.press("enter")
        assert await until(pilot, lambda: app.focused is tree)
        node = tree.cursor_node
        assert node is not None and node.data == best
        parent = node.parent
        while parent is not None:
            assert parent.is_expanded
            parent = parent.parent
        assert await until(pilot, lambda: in_view(tree))
        assert capture.panel.ref == best


CAPTURE_KINDS = (
    FIRST,  # a question, its status set to needs follow-up below: the "ask whom" field shows
    "discovery:model-deployment.pain.1",  # a pain indicator: its heard list and buttons
    "discovery:model-deployment.metric.1",  # a success metric: its six fields
)
KEPT = ("save", "next", "previous", "undo", "redo", "help")
"""The keys a person needs wherever the keyboard is in Capture."""


async def test_every_capture_place_keeps_save_and_the_main_keys_in_the_footer_at_80_columns(
    example: Path, make_app: Any
) -> None:
    """fix12b 4: long field names ('ask whom / why not', 'measured by') pushed ^s Save, and at
    times ^o Status, off the footer at 80 columns."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await at_first_question(pilot)
        checked: set[str] = set()
        for ref in CAPTURE_KINDS:
            capture.jump_to(ref)
            assert await until(pilot, lambda ref=ref: capture.panel.ref == ref)
            if ref == FIRST:
                capture.panel.query_one("#q-status", Select).value = "follow-up"
                assert await until(pilot, lambda: capture.panel.query_one("#q-status-detail").display)
            places = [w for w in app.screen.focus_chain if capture in w.ancestors]
            for place in places:
                place.focus()
                await pilot.pause()
                line = app.screen.query_one(KeyFooter).render().plain
                name = place_name(place)
                assert line.startswith((f" ✎ {name} ", f" ▸ {name} ")), line
                for key_id in KEPT:
                    entry = key(key_id)
                    shown = f"{app.get_key_display(entry.binding())} {entry.description}"
                    assert shown in line, f"{place.id or place}: {shown!r} is not in {line!r}"
                if place.id != "q-heard-list":
                    assert f"{app.get_key_display(key('status-next').binding())} Status" in line, line
                checked.add(place.id or type(place).__name__)
        assert {"nav-tree", "nav-search", "q-status", "q-confidence", "q-status-detail", "q-notes"} <= checked
        assert {
            "q-heard-list",
            "q-baseline",
            "q-target",
            "q-unit",
            "q-measured_by",
            "q-owner",
            "q-due",
        } <= checked
        assert place_name(capture.panel.query_one("#q-status-detail")) == "ask whom"


def test_a_unit_typed_with_its_scale_names_the_clients_currency() -> None:
    """fix12b 1: a metric in "kEUR" counts as euros, so the bank's money units (¤) read in euros
    beside it, not in the pounds of the proposal's language."""
    project = load_project(bundled_example())
    project.answers, project.heard, project.gaps = [], [], []
    project.metrics = [tco("")]
    assert client_currency(project, "en-GB") == "GBP"
    project.metrics = [
        tco("kEUR"),
        Metric(id="M-010", template="discovery:model-deployment.metric.3", baseline=19),
    ]
    assert client_currency(project, "en-GB") == "EUR"
    assert metric_sentence(project.metrics[1], load_catalogue(), "EUR").endswith("(baseline €19 per month)")
