"""Issue 12, a new user's walkthrough: letter keys act only on the item where the keyboard is.

In Gaps `a` and `d` raised and dismissed the suggestion highlighted on the hidden Suggested tab
while the keyboard was on the Ranked list, the matrix or the Evidence tab. Now each key acts only
where its item shows, the footer offers it only there, and elsewhere it says in one line what it
needs. After an accept or dismiss is undone the suggestion can be acted on again at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import ModalScreen
from textual.widgets import OptionList, TabbedContent

from tests.helpers import notifications, ready, saved, until
from tests.test_keyboard_model import burst
from workbench.ui.keys import KEYS
from workbench.ui.screens.main_screen import MainScreen
from workbench.ui.widgets.gaps_pane import GapsPane
from workbench.ui.widgets.key_footer import KeyFooter


async def to_main(pilot: Any) -> MainScreen:
    """Cancel whatever dialog a key opened (nothing in it is saved)."""
    while not isinstance(pilot.app.screen, MainScreen):
        pilot.app.pop_screen()
        await pilot.pause()
    return pilot.app.screen  # type: ignore[no-any-return]


def footer(app: Any) -> str:
    return str(app.screen.query_one(KeyFooter).render().plain)


async def gaps_tab(pilot: Any, tab: str, selector: str) -> GapsPane:
    """Gaps on show, the side's `tab` active and the keyboard on `selector`."""
    screen = await to_main(pilot)
    screen.show_pane("gaps")
    pane = screen.query_one(GapsPane)
    assert await until(pilot, lambda: len(pane.suggestions) >= 2)
    pane.query_one("#gaps-side", TabbedContent).active = tab
    await pilot.pause()
    pane.query_one(selector).focus()
    await pilot.pause()
    return pane


async def suggested_highlighted(pilot: Any) -> GapsPane:
    """The Suggested tab seen once, its first suggestion highlighted: what `a` used to act on."""
    pane = await gaps_tab(pilot, "gaps-suggested", "#suggestions")
    assert await until(pilot, lambda: pane.query_one("#suggestions", OptionList).highlighted == 0)
    return pane


async def test_a_and_d_from_ranked_matrix_and_evidence_change_nothing_and_say_what_they_need(
    example: Path, make_app
) -> None:
    app = make_app(example)
    before = example.read_text()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await suggested_highlighted(pilot)
        for tab, where, name in (
            ("gaps-ranked", "#ranked", "ranked gaps"),
            ("gaps-ranked", "#matrix", "matrix"),
            ("gaps-evidence", "#evidence", "gap evidence"),
        ):
            await gaps_tab(pilot, tab, where)
            line = footer(app)
            assert "Accept" not in line and "Dismiss" not in line, (name, line)
            shown.clear()
            await burst(pilot, "a")
            await burst(pilot, "d")
            assert not app.workspace.unsaved, name
            assert any("Suggested" in message for message in shown), (name, shown)
            assert all("\n" not in message for message in shown)
        await burst(pilot, "ctrl+s")
        await pilot.pause()
    assert example.read_text() == before  # no gap raised, nothing dismissed


async def test_a_and_d_act_in_the_suggested_list_and_the_footer_offers_them_there(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        pane = await suggested_highlighted(pilot)
        assert "a Accept" in footer(app) and "d Dismiss" in footer(app), footer(app)
        first = pane.suggestions[0].key
        await burst(pilot, "d")
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: {"suggestion": first} in saved(example).get("dismissed", []))


async def test_after_undo_a_suggestion_can_be_dismissed_and_accepted_again(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        pane = await suggested_highlighted(pilot)
        first = pane.suggestions[0].key
        await burst(pilot, "d", "ctrl+z")
        assert await until(pilot, lambda: not app.workspace.project.is_dismissed(first))
        shown.clear()
        await burst(pilot, "d")  # it said 'Already dismissed' until the pane was left
        assert not any(m.startswith("Already") for m in shown), shown
        assert await until(pilot, lambda: app.workspace.project.is_dismissed(first))
        await burst(pilot, "ctrl+z", "a")
        assert await until(pilot, lambda: any(g.source == first for g in app.workspace.project.gaps))
        raised = next(g.id for g in app.workspace.project.gaps if g.source == first)
        await burst(pilot, "ctrl+z")
        assert await until(pilot, lambda: app.workspace.project.gap(raised) is None)
        shown.clear()
        await burst(pilot, "a")  # it said 'Already raised G-…' of a gap that no longer existed
        assert not any(m.startswith("Already") for m in shown), shown
        assert await until(pilot, lambda: any(g.source == first for g in app.workspace.project.gaps))
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: any(g.get("source") == first for g in saved(example)["gaps"]))
        assert {"suggestion": first} not in saved(example).get("dismissed", [])
        await burst(pilot, "ctrl+z", "ctrl+y")  # redone: it is marked raised again, not acted on twice
        shown.clear()
        await burst(pilot, "a")
        assert sum(g.source == first for g in app.workspace.project.gaps) == 1
        assert any(m.startswith("Already raised") for m in shown), shown


LETTERS = sorted(
    {k.key for k in KEYS if k.scope in ("gaps", "matrix", "map", "plan", "timeline") and len(k.key) == 1}
    | {"delete"}
)
"""Every letter (and delete) of the Gaps, Map and Plan panes."""

NOTHING_TO_ACT_ON = {
    "ranked gaps": ("gaps", "#gaps-side", "gaps-ranked", "#ranked"),
    "matrix": ("gaps", "#gaps-side", "gaps-evidence", "#matrix"),
    "gap evidence": ("gaps", "#gaps-side", "gaps-evidence", "#evidence"),
    "gap maturity": ("gaps", "#gaps-side", "gaps-maturity", "#maturity-since"),
    "map gaps": ("map", "#map-tabs", "", "#map-gaps"),
    "plan metrics": ("plan", "#plan-tabs", "plan-metrics", "#metric-list"),
    "plan steps": ("plan", "#plan-tabs", "plan-steps", "#step-list"),
}
"""Focus states whose widget shows no item the other tabs' keys (a, d, m, k, u, p, +…) act on."""


async def test_no_letter_changes_data_of_a_widget_out_of_sight(example: Path, make_app) -> None:
    """Each letter pressed in each of these states, any dialog it opens cancelled: the project is
    as it was (a key acting on what the focused widget shows opens a dialog first, or is refused)."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await suggested_highlighted(pilot)  # the hidden list has a highlighted suggestion
        for state, (pane, tabs, tab, selector) in NOTHING_TO_ACT_ON.items():
            for key in LETTERS:
                screen = await to_main(pilot)
                screen.show_pane(pane)
                await pilot.pause()
                if tab:
                    screen.query_one(tabs, TabbedContent).active = tab
                    await pilot.pause()
                screen.query_one(selector).focus()
                await pilot.pause()
                await burst(pilot, key)
                opened = type(app.screen).__name__ if isinstance(app.screen, ModalScreen) else ""
                assert not app.workspace.unsaved, f"{key} in {state} changed the project"
                if state in ("plan metrics", "plan steps"):
                    assert opened not in ("TextModal",), f"{key} in {state} opened {opened}"
