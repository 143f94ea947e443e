"""The keyboard model of issue 12: typing is always safe.

In a text field every printable key types; F-keys and ctrl keys act everywhere; in the question
tree printable keys are commands on the highlighted question. Keys are handled in the order typed,
also in a burst, so nothing typed lands where it was not meant to.
"""

from __future__ import annotations

import os
import string
import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Select, TextArea

from tests.helpers import at_question, ready, until
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.screens.main_screen import MainScreen
from workbench.ui.textual_private import character_to_key
from workbench.ui.widgets.capture_pane import CapturePane

FIRST = "discovery:model-deployment.current.deployment-infrastructure-1"
SECOND = "discovery:model-deployment.current.deployment-infrastructure-2"


def answers(path: Path, session: str = "ml-1") -> dict[str, dict[str, Any]]:
    return {a["question"]: a for a in tomllib.loads(path.read_text())["answers"] if a["session"] == session}


NAMED_CHARACTERS = {character_to_key(char): char for char in string.punctuation} | {"space": " "}
"""Key names of printable keys ('exclamation_mark') and the character a terminal sends with them."""


def key_events(*keys: str) -> list[events.Key]:
    """Key names ('ctrl+n', 'escape') as one key each; any other string as its characters."""
    found: list[events.Key] = []
    for item in keys:
        if len(item) > 1 and (item.isidentifier() or "+" in item) and " " not in item:
            found.append(events.Key(item, NAMED_CHARACTERS.get(item)))
            continue
        for char in item:
            name = {"\n": "enter", " ": "space"}.get(char) or (char if char.isalnum() else character_to_key(char))
            found.append(events.Key(name, "\r" if char == "\n" else char))
    return found


async def burst(pilot: Any, *keys: str) -> None:
    """Send keys as a terminal delivers a paste or a fast typist: all queued at once."""
    for event in key_events(*keys):
        pilot.app.post_message(event)
    await pilot.pause()
    gate = getattr(pilot.app, "keys_in_order", None)
    await until(pilot, lambda: gate is None or not (gate.busy or gate.waiting))
    await pilot.pause()


async def at_first_question(pilot: Any) -> CapturePane:
    capture: CapturePane = await at_question(pilot, FIRST)
    capture.navigator.question_tree.focus()
    await pilot.pause()
    return capture


async def test_esc_then_a_digit_typed_fast_sets_maturity_not_notes(example: Path, make_app) -> None:
    """A terminal reads Esc then 3 within its escape delay as alt+3: it is the Esc and the 3."""
    before = answers(example)[FIRST]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        await pilot.press("enter")
        assert await until(pilot, lambda: app.focused is capture.query_one("#q-notes"))
        app.post_message(events.Key("alt+3", "3"))
        await pilot.pause()
        assert await until(pilot, lambda: app.focused is capture.navigator.question_tree)
        await pilot.press("ctrl+s")
        await pilot.pause()
    after = answers(example)[FIRST]
    assert after["notes"] == before["notes"]
    assert after["current"] == 3


async def test_a_burst_after_next_question_lands_in_its_notes(example: Path, make_app) -> None:
    """ctrl+n and the words after it arrive together: every word is in the next question's notes,
    no letter worked as a filter or a maturity key on the tree."""
    before = answers(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        await burst(pilot, "ctrl+n", "Platform team uses Terraform with 4 modules")
        await burst(pilot, "ctrl+s")
        filters = capture.navigator.filters
        assert not (filters.unanswered or filters.follow_up or filters.template_only)
    after = answers(example)
    assert after[SECOND]["notes"].endswith("Platform team uses Terraform with 4 modules")
    assert after[FIRST] == before[FIRST]


async def test_a_burst_across_questions_keeps_each_question_s_words(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        await burst(pilot, "enter", " Seldon on GKE", "ctrl+n", "Helm charts", "ctrl+b", " and Argo", "escape", "4")
        await burst(pilot, "ctrl+s")
        assert capture.panel.ref == FIRST
    after = answers(example)
    assert after[FIRST]["notes"].endswith(" Seldon on GKE and Argo")
    assert after[FIRST]["current"] == 4
    assert after[SECOND]["notes"].endswith("Helm charts")


async def test_the_answer_is_set_from_inside_the_notes(example: Path, make_app) -> None:
    """Maturity, status, confidence and raising a gap without leaving the notes."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        await burst(pilot, "ctrl+n", "Nobody owns the serving cluster")
        notes = capture.query_one("#q-notes", TextArea)
        await burst(pilot, "ctrl+up", "ctrl+up", "ctrl+shift+up", "ctrl+shift+up", "ctrl+shift+up")
        await burst(pilot, "ctrl+shift+up", "ctrl+o", "ctrl+e", "ctrl+e")
        assert app.focused is notes
        await burst(pilot, " today")
        await burst(pilot, "ctrl+s")
        assert capture.query_one("#q-status", Select).value == "follow-up"
        await burst(pilot, "ctrl+g")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
    after = answers(example)[SECOND]
    assert after["notes"].endswith("Nobody owns the serving cluster today")
    assert (after.get("current"), after.get("target")) == (2, 4)
    assert after["status"] == "follow-up"
    assert after["confidence"] == "evidenced"


async def test_function_keys_act_while_typing_notes(example: Path, make_app) -> None:
    """F-keys work from the notes (the notes editor's own F6/F7 bindings used to take them)."""
    from workbench.ui.screens.followups_screen import FollowUpsScreen
    from workbench.ui.screens.help_screen import HelpScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        for key, shown in (("f1", HelpScreen), ("f7", FollowUpsScreen)):
            await burst(pilot, "enter")
            assert app.focused is capture.query_one("#q-notes")
            await burst(pilot, key)
            assert await until(pilot, lambda shown=shown: isinstance(app.screen, shown)), key
            await burst(pilot, "escape")
            assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await burst(pilot, "enter", "f5")
        assert await until(pilot, lambda: app.screen.active_pane == "plan")  # type: ignore[attr-defined]


async def test_map_keys_from_the_gap_list_change_nothing_and_say_why(example: Path, make_app) -> None:
    """#11: `a` with the keyboard on the gap list accepted a practice out of sight."""
    from tests.helpers import notifications

    before = example.read_text()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await burst(pilot, "f4")
        assert await until(pilot, lambda: app.focused is app.screen.query_one("#map-gaps"))
        await burst(pilot, "a", "r", "w")
        assert isinstance(app.screen, MainScreen)
        await burst(pilot, "ctrl+s")
        assert any("Press Tab to go to Practices" in message for message in shown)
    assert example.read_text() == before


async def test_a_pane_key_again_shows_the_pane_s_next_tab(example: Path, make_app) -> None:
    """#11: no key switched Plan's inner tabs."""
    from textual.widgets import TabbedContent

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f5")
        tabs = app.screen.query_one("#plan-tabs", TabbedContent)
        seen = [tabs.active]
        for _ in range(3):
            await burst(pilot, "f5")
            seen.append(tabs.active)
            # The keyboard goes with the tab (it stayed on the hidden timeline: Enter did nothing).
            shown = tabs.active_pane
            assert await until(pilot, lambda shown=shown: app.focused is not None and shown in app.focused.ancestors)
        assert seen == ["plan-timeline", "plan-metrics", "plan-steps", "plan-timeline"]


async def test_session_dialog_arrows_move_the_highlight_even_from_the_notes(example: Path, make_app) -> None:
    """#11: the F6 dialog opens on the session in use; the arrows move its highlight, Enter
    switches, also when F6 and the arrows come in one burst from the notes."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_first_question(pilot)
        await burst(pilot, "enter", "f6", "up", "enter")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.workspace.session_id == "data-1"
        await burst(pilot, "f6", "down", "enter")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.workspace.session_id == "ml-1"


async def test_moving_between_panes_shows_no_notice(example: Path, make_app) -> None:
    """Map's 'press Tab to go there' was shown at start and on every repaint (the footer asked
    which keys can run, and Map's check of the practice list notified): keys not pressed say
    nothing."""
    from tests.helpers import notifications

    app = make_app(example)
    shown = notifications(app)  # from the start
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await ready(pilot)
        for pane in ("f3", "f4", "f5", "f2", "f4"):
            await burst(pilot, pane)
        await pilot.pause()
        assert shown == []
        assert not app.screen.query("Toast")


async def test_tab_then_right_in_gaps_stays_in_gaps(example: Path, make_app) -> None:
    """#12 finding 7: the pane tabs were a Tab stop, so Tab then Right in Gaps switched to Map."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f3")
        for _ in range(6):
            await burst(pilot, "tab", "right")
            assert app.screen.active_pane == "gaps"  # type: ignore[attr-defined]
            assert app.focused is not app.screen.query_one("#pane-tabs")


async def test_help_says_where_keys_go_and_how_to_set_status_and_confidence(example: Path, make_app) -> None:
    """#12 finding 7: F1 did not say how to set status or confidence. It opens with where keys go,
    from the key registry, so each key it names is the key bound."""
    from rich.console import Console
    from textual.widgets import Static

    from workbench.ui.keys import key
    from workbench.ui.screens.help_screen import HelpScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first_question(pilot)
        await burst(pilot, "enter", "f1")  # from the notes
        assert await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        console = Console(width=200, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
        for static in app.screen.query(Static):
            console.print(static.content)
        shown = " ".join(console.export_text().split())
        assert "Where keys go" in shown and "where typing lands" in shown
        for entry in ("status-next", "confidence-next", "hear-anywhere", "attach-evidence", "maturity-up"):
            assert key(entry).key in shown, entry
        assert "status:" in shown and "confidence:" in shown


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_footer_says_where_typing_lands_and_keeps_undo_redo_and_help(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    """#11 leftover: the footer lost ctrl+z / ctrl+y and F1 at 80 and 120 columns. It starts with
    where typing lands (notes, tree, a dialog's field) and keeps undo, redo and F1 at the right."""
    from workbench.ui.widgets.key_footer import KeyFooter

    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await at_first_question(pilot)

        def footer() -> str:
            return app.screen.query_one(KeyFooter).render().plain  # a dialog has its own

        line = footer()
        assert line.startswith(" ▸ question tree") or line.startswith(" ▸ tree"), line
        for words in ("^z Undo", "^y Redo", "f1 Help"):
            assert words in line, line
        assert len(line) == size[0]
        await burst(pilot, "enter")
        assert footer().startswith(" ✎ notes"), footer()
        for words in ("^z Undo", "^y Redo", "f1 Help"):  # the notes' own undo hid ctrl+z
            assert words in footer(), footer()
        await burst(pilot, "ctrl+g")  # a dialog: its footer names its field and its keys
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        assert await until(pilot, lambda: footer().startswith(" ✎ title"))
        assert "^s Save" in footer() and "Cancel" in footer()
        await burst(pilot, "escape")


async def test_an_open_dropdown_is_named_by_its_field_in_the_footer(example: Path, make_app) -> None:
    """#12 walkthrough 10: with the status list open the footer said '▸ dropdown'; closed it
    said '▸ status'. The field keeps its label in both states."""
    from workbench.ui.textual_private import DropdownList
    from workbench.ui.widgets.key_footer import KeyFooter

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        capture = await at_first_question(pilot)
        status = capture.panel.query_one("#q-status", Select)
        status.focus()
        assert await until(pilot, lambda: app.focused is status)

        def footer() -> str:
            return app.screen.query_one(KeyFooter).render().plain

        assert await until(pilot, lambda: footer().startswith(" ▸ status ")), footer()
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.focused, DropdownList))
        assert await until(pilot, lambda: footer().startswith(" ▸ status ")), footer()
        await pilot.press("escape")
