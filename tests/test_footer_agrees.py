"""Issue 12 leftovers (fix12f): the footer offers the keys that act where the keyboard is, and
every key that acts there.

Map's gap list offered a, r, x and w, which act on the practice list; the Gaps ranked list left
out Enter, m and Delete, which act there; Metrics and Next steps left out Enter, Delete and space;
and a dialog's footer left out F1, which works in it. Here each key is pressed where the keyboard
is, and what it did (a dialog opened, the project changed, the keyboard or a cursor moved) is
compared with what the footer offers. The keys come from the registry, not from a list here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.widgets import TabbedContent

from tests.helpers import notifications, ready, until
from tests.test_keyboard_model import burst
from workbench.ui.keys import KEYS, Key, in_scope
from workbench.ui.modals.gap_modal import GapModal
from workbench.ui.screens.help_screen import HelpScreen
from workbench.ui.screens.main_screen import MainScreen
from workbench.ui.widgets.key_footer import KeyFooter

STATES: dict[str, tuple[str, str, str, str]] = {
    "capture tree": ("capture", "", "", "#nav-tree"),
    "capture notes": ("capture", "", "", "#q-notes"),
    "gaps matrix": ("gaps", "#gaps-side", "gaps-ranked", "#matrix"),
    "gaps ranked": ("gaps", "#gaps-side", "gaps-ranked", "#ranked"),
    "gaps suggested": ("gaps", "#gaps-side", "gaps-suggested", "#suggestions"),
    "gaps evidence": ("gaps", "#gaps-side", "gaps-evidence", "#evidence"),
    "map gaps": ("map", "#map-tabs", "map-practices", "#map-gaps"),
    "map practices": ("map", "#map-tabs", "map-practices", "#map-suggestions"),
    "map detail": ("map", "#map-tabs", "map-practices", "#map-detail-scroll"),
    "plan timeline": ("plan", "#plan-tabs", "plan-timeline", "#gantt"),
    "plan metrics": ("plan", "#plan-tabs", "plan-metrics", "#metric-list"),
    "plan steps": ("plan", "#plan-tabs", "plan-steps", "#step-list"),
}
"""Each pane's places for the keyboard: (pane, its inner tabs, the tab shown, the focused widget)."""

PANE_SCOPES = {
    "capture": ("capture",),
    "gaps": ("gaps", "matrix"),
    "map": ("map",),
    "plan": ("plan", "timeline"),
}
"""The registry's scopes of each pane's keys."""

LOOKED_AT = ("highlighted", "cursor_coordinate", "cursor_line", "selected", "scroll_x", "scroll_y", "text")
"""What a key may move or change in a widget (a cursor, a selection, a scroll, a text)."""


async def to_state(pilot: Any, state: str) -> MainScreen:
    """Back on the main screen (any dialog cancelled), the pane and tab of `state` shown, the
    keyboard on its widget."""
    app = pilot.app
    while not isinstance(app.screen, MainScreen):
        app.pop_screen()
        await pilot.pause()
    screen: MainScreen = app.screen
    pane, tabs, tab, selector = STATES[state]
    if screen.active_pane != pane:
        screen.show_pane(pane)
        await pilot.pause()
    if tab and screen.query_one(tabs, TabbedContent).active != tab:
        screen.query_one(tabs, TabbedContent).active = tab
        await pilot.pause()
    screen.query_one(selector).focus()
    await pilot.pause()
    return screen


def offered(app: Any) -> list[tuple[Binding, bool]]:
    return list(app.screen.query_one(KeyFooter).offered())


def looks(screen: MainScreen) -> tuple[object, ...]:
    """What a person sees change when a key does something on the main screen."""
    seen: list[object] = [screen.active_pane, screen.focused]
    for widget in screen.query("*"):
        seen += [repr(getattr(widget, name, None)) for name in LOOKED_AT if hasattr(type(widget), name)]
    for tabs in screen.query(TabbedContent):
        seen.append(tabs.active)
    return tuple(seen)


async def what_it_does(pilot: Any, state: str, key_name: str) -> str:
    """Press a key in a state; what it did ('' for nothing): a dialog opened, the project
    changed, the keyboard or a cursor moved, or it said something (why not, here). The project
    and the screens are put back as they were."""
    app = pilot.app
    screen = await to_state(pilot, state)
    editor = app.workspace.editor
    revision, history, before = editor.revision, editor.state, looks(screen)
    said = len(SAID.setdefault(app, notifications(app)))
    await burst(pilot, key_name)
    done = ""
    if app.screen is not screen:
        done = f"opened {type(app.screen).__name__}"
    elif editor.revision != revision:
        done = "changed the project"
    elif looks(screen) != before:
        done = "moved"
    elif len(SAID[app]) > said:
        done = f"said {SAID[app][-1]!r}"
    while editor.state != history and editor.undo() is not None:
        pass
    await to_state(pilot, state)
    return done


SAID: dict[Any, list[str]] = {}
"""What each app said (`notify`), recorded from the first key pressed."""


def key_name(entry: Key) -> str:
    return entry.key.split(",")[0]


def covered(entry: Key, shown: set[str]) -> bool:
    """Offered, or covered by the entry before it that is (as in F1 help: `in_help` False)."""
    index = KEYS.index(entry)
    while entry.id not in shown and not entry.in_help and index > 0:
        index -= 1
        entry = KEYS[index]
    return entry.id in shown


async def test_every_key_the_footer_offers_acts_and_every_command_that_acts_is_offered(
    example: Path, make_app
) -> None:
    """In every place of every pane: each of the pane's keys the footer offers (and can run)
    does something there; each of the pane's keys that opens a dialog or changes the project
    there is offered (or covered by the key before it, as F1 lists them). Capture's tree letters
    and ctrl+arrows are more than its line holds: there only the first half is checked."""
    app = make_app(example)
    wrong: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        for state, (pane, *_rest) in STATES.items():
            await to_state(pilot, state)
            pane_keys = [k for scope in PANE_SCOPES[pane] for k in in_scope(scope) if k.key]
            shown_ids = set()
            for binding, enabled in offered(app):
                entry = next((k for k in pane_keys if binding.id == k.id), None)
                if entry is None:
                    continue  # the app's keys: their rule is the app's (`keys.can_run`)
                shown_ids.add(entry.id)
                if enabled and not await what_it_does(pilot, state, binding.key):
                    wrong.append(f"{state}: the footer offers {binding.key} {binding.description}, it does nothing")
            if pane == "capture":
                continue
            focused = app.screen.focused.id
            shown_keys = {binding.key for binding, _ in offered(app)}
            for name in dict.fromkeys(key_name(entry) for entry in pane_keys):
                entries = [e for e in pane_keys if key_name(e) == name and (not e.where or focused in e.where)]
                if name in shown_keys or any(covered(e, shown_ids) for e in entries):
                    continue
                done = await what_it_does(pilot, state, name)
                if done.startswith("opened") or done == "changed the project":
                    wrong.append(f"{state}: {name} {done}, the footer leaves it out")
    assert not wrong, "\n".join(wrong)


async def test_the_map_gap_list_offers_no_practice_key_and_they_still_say_where_they_act(
    example: Path, make_app
) -> None:
    """Finding 2: on Map's gap list the footer offered a, r, x, w (they act on the practice list)."""
    from tests.helpers import notifications

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await to_state(pilot, "map gaps")
        words = [binding.description for binding, _ in offered(app)]
        for word in ("Accept", "Reject", "Forget", "Rationale"):
            assert word not in words, words
        assert "Any practice" in words
        await burst(pilot, "a")
        assert any("Press Tab to go to Practices" in message for message in shown), shown
        assert not app.workspace.unsaved
        await to_state(pilot, "map practices")
        words = [binding.description for binding, _ in offered(app)]
        assert {"Accept", "Reject", "Forget", "Rationale"} <= set(words), words


def footer_line(app: Any) -> str:
    return str(app.screen.query_one(KeyFooter).render().plain)


async def test_the_ranked_list_footer_offers_edit_merge_and_delete(example: Path, make_app) -> None:
    """Finding 3: the ranked table's footer lacked ⏎ Edit, m Merge and Delete, which work there."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await to_state(pilot, "gaps ranked")
        line = footer_line(app)
        for shown in ("⏎ Edit", "m Merge", "Delete"):
            assert shown in line, line
        assert line.index("⏎ Edit") < line.index("n New gap")  # what the list is for, first
        assert (await what_it_does(pilot, "gaps ranked", "enter")) == "opened GapModal"


async def test_metrics_and_next_steps_footers_offer_their_keys_only(example: Path, make_app) -> None:
    """Finding 4: Metrics left out Enter (edit) and Delete; Next steps left out Enter (edit) and
    space (tick). Delete does nothing on Next steps: it is not offered there."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await to_state(pilot, "plan metrics")
        line = footer_line(app)
        assert "⏎ Edit metric" in line and "Delete" in line, line
        assert (await what_it_does(pilot, "plan metrics", "enter")).startswith("opened Metric")
        await to_state(pilot, "plan steps")
        line = footer_line(app)
        assert "⏎ Edit step" in line and "space Done" in line, line
        assert "Delete" not in line, line
        assert (await what_it_does(pilot, "plan steps", "space")) == "changed the project"
        assert (await what_it_does(pilot, "plan steps", "delete")) == ""


async def test_a_dialog_footer_offers_f1_after_its_own_keys(example: Path, make_app) -> None:
    """Finding 1: inside a dialog F1 works but its footer left it out. Every app key that does
    something in a dialog is offered; the dialog's own keys come first and all fit at 80."""
    from tests.test_keyboard_model import at_first_question

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_first_question(pilot)
        await burst(pilot, "ctrl+g")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        dialog = app.screen
        line = footer_line(app)
        assert "f1 Help" in line, line
        assert line.index("Save") < line.index("Cancel") < line.index("f1 Help"), line
        keys = {binding.key for binding, _ in offered(app)}
        for entry in in_scope("app"):
            if not entry.key or not entry.show or entry.key in keys or not entry.works_while_typing:
                continue
            await burst(pilot, key_name(entry))
            did = app.screen is not dialog
            while app.screen is not dialog and dialog in app.screen_stack:
                app.pop_screen()
                await pilot.pause()
            assert not did, f"{entry.key} works in a dialog, its footer leaves it out"
        await burst(pilot, "f1")
        assert await until(pilot, lambda: isinstance(app.screen, HelpScreen))
