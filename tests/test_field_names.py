"""The footer names the field that has the keyboard by its label, never by an internal id or a
placeholder (#12 fresh-eyes 8: `✎ q-baseline`, `✎ Dana (CFO)`, `✎ YYYY-MM-DD`, `▸ dropdown`).
Every focusable field of every dialog, pane and screen is walked and checked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Select, TabbedContent

from tests.helpers import ready, until
from tests.test_dialogs import DIALOGS, keys, tab_stops
from tests.test_followups_view import MEI, highlight, open_view
from workbench.ui.field_names import FIELD_NAMES
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.key_footer import KeyFooter

GENERIC = {"table", "list", "dropdown", "button", "checkbox", "text", ""}
"""Words that say what kind of thing has the keyboard, not which one."""


def footer_place(screen: Any) -> str:
    """The footer's first words: where typing lands (' ✎ notes ', ' ▸ question tree ')."""
    shown = str(screen.query_one(KeyFooter).render().plain)
    found = re.match(r"^ [✎▸] (.*?)  ", shown + "  ")
    return found.group(1).strip() if found else ""


async def named_wrongly(pilot: Any, screen: Any, widgets: list[Widget], where: str) -> list[str]:
    """Focus each widget in turn; the ones the footer does not name by their label: a button or
    checkbox by its words, any other field by its name in FIELD_NAMES."""
    wrong = []
    for widget in widgets:
        if not (widget.focusable and widget.region.area):
            continue
        widget.focus()
        await pilot.pause()
        name = footer_place(screen)
        if isinstance(widget, Button | Checkbox):
            expected = str(widget.label).split(" (")[0]
        else:  # a field named by what it asks now ('ask whom', 'why not': fix12b 4), else its label
            expected = getattr(widget, "field_name", "") or FIELD_NAMES.get(widget.id or "", "")
        shortened = name.endswith("…") and expected.startswith(name[:-1])  # a long button's words
        if not expected or (name != expected and not shortened) or name in GENERIC:
            wrong.append(f"{where}: #{widget.id} ({type(widget).__name__}) shown as {name!r}")
    return wrong


def test_names_are_labels_not_ids_or_examples() -> None:
    """A name is words a person reads on the screen: no id (`q-baseline`), no example of what
    to type (`YYYY-MM-DD`, `Dana (CFO)`, `name (role)`), no kind of widget (`dropdown`)."""
    for field_id, name in FIELD_NAMES.items():
        assert name and (name != field_id or "-" not in field_id), field_id
        assert not any(mark in name for mark in ("YYYY", "(", ":", "e.g.")), name
        assert name not in GENERIC, name


@pytest.mark.parametrize("name", list(DIALOGS))
async def test_every_dialog_field_is_named_by_its_label(example: Path, make_app, name: str) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await DIALOGS[name](pilot)
        assert await until(pilot, lambda: app.screen.query(KeyFooter) and tab_stops(app.screen))
        await pilot.pause()
        wrong = await named_wrongly(pilot, app.screen, tab_stops(app.screen), name)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("key", ["enter", "o"])
async def test_every_follow_up_dialog_field_is_named_by_its_label(example: Path, make_app, key: str) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        view = await open_view(pilot)
        highlight(view, MEI)
        await pilot.press(key)
        assert await until(pilot, lambda: app.screen is not view and tab_stops(app.screen))
        await pilot.pause()
        wrong = await named_wrongly(pilot, app.screen, tab_stops(app.screen), f"follow-ups {key}")
        wrong += await named_wrongly(pilot, view, [], "")
    assert not wrong, "\n".join(wrong)


CAPTURE_QUESTIONS = [
    "discovery:model-deployment.current.deployment-infrastructure-1",
    "discovery:model-deployment.pain.1",
    "discovery:model-deployment.metric.1",
]


async def test_every_pane_field_is_named_by_its_label(example: Path, make_app) -> None:
    app = make_app(example)
    wrong: list[str] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        for ref in CAPTURE_QUESTIONS:
            capture.jump_to(ref)
            assert await until(pilot, lambda ref=ref: capture.panel.ref == ref)
            await pilot.pause()
            wrong += await named_wrongly(pilot, app.screen, list(app.screen.focus_chain), ref)
        status = app.screen.query_one("#q-status", Select)
        status.value = "follow-up"  # shows "ask whom?"
        await pilot.pause()
        wrong += await named_wrongly(pilot, app.screen, [app.screen.query_one("#q-status-detail")], "ask whom")
        for pane_key in ("f3", "f4", "f5"):
            await keys(pilot, pane_key)
            pane = app.screen.query_one(f"#{ {'f3': 'gaps', 'f4': 'map', 'f5': 'plan'}[pane_key] }-pane")
            for tabs in pane.query(TabbedContent):
                for tab in tabs.query("TabPane"):
                    tabs.active = str(tab.id)
                    await pilot.pause()
                    inside = [w for w in app.screen.focus_chain if pane in w.ancestors]
                    wrong += await named_wrongly(pilot, app.screen, inside, f"{pane_key} {tab.id}")
    assert not wrong, "\n".join(wrong)


async def test_the_follow_ups_view_and_the_picker_name_their_lists(example: Path, make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        view = await open_view(pilot)
        wrong = await named_wrongly(pilot, view, list(view.focus_chain), "follow-ups view")
    monkeypatch.chdir(example.parent)
    (example.parent / "projects").mkdir()
    example.rename(example.parent / "projects" / "example.toml")
    app = make_app(None, projects_dir=Path("projects"))
    async with app.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: app.screen.query("#projects"))
        await pilot.press("n")
        await pilot.pause()
        wrong += await named_wrongly(pilot, app.screen, list(app.screen.focus_chain), "picker")
    assert not wrong, "\n".join(wrong)
