"""Waiting for the app, not for time: helpers for Pilot-driven tests."""

from __future__ import annotations

import time
import tomllib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

WAIT_SECONDS = 20.0
"""How long a condition may take on a busy 2-core machine before the test fails."""
STEP = 0.05


async def until(pilot: Any, condition: Callable[[], object], seconds: float = WAIT_SECONDS) -> bool:
    """Pause until `condition()` holds; False if it never did within `seconds` (steps of STEP).

    A step that Pilot gives up on (a widget busy for 30 s, as a pane mounting on a loaded
    2-core machine) is one step spent: the condition decides, not Pilot's own clock."""
    from textual.pilot import WaitForScreenTimeout

    deadline = time.monotonic() + seconds  # by the clock: a step Pilot gives up on takes 30 s,
    while time.monotonic() < deadline:  # and counted steps made a stuck app a 100-minute wait
        if condition():
            return True
        with suppress(WaitForScreenTimeout):
            await pilot.pause(STEP)
    return bool(condition())


def _panes_up(app: Any) -> bool:
    from workbench.ui.screens.main_screen import MainScreen

    return any(isinstance(s, MainScreen) and s.panes_mounted() for s in app.screen_stack)


def _panes_mounting(app: Any) -> bool:
    from workbench.ui.screens.main_screen import MainScreen

    return app.is_running and any(isinstance(s, MainScreen) and not s.panes_mounted() for s in app.screen_stack)


def panes_up_at_the_end(run_test: Callable[..., Any]) -> Callable[..., Any]:
    """`App.run_test` that lets the panes finish mounting before the test's app is closed: a
    test that ended as they mounted (its answer read off a dialog at start) closed the app with
    a pane half-built, whose tab strip then failed ('No Tab with id ...'). Quitting in the app
    waits the same way (`WorkbenchApp.exit`); closing a test's app does not quit it."""

    @asynccontextmanager
    async def run(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async with run_test(*args, **kwargs) as pilot:
            yield pilot
            await until(pilot, lambda: not _panes_mounting(pilot.app))

    return run


async def arrow_to(listing: Any, option_id: str, press: Callable[[str], Any]) -> None:
    """Press Down (or Up) until `option_id` is highlighted in an option list: lists stop at their
    ends (no wrapping round), so the arrow goes the way the option is."""
    target = listing.get_option_index(option_id)
    for _ in range(listing.option_count + 1):
        if listing.highlighted == target:
            return
        await press("down" if (listing.highlighted or 0) < target else "up")
    assert listing.highlighted == target, (option_id, listing.highlighted)


async def ready(pilot: Any) -> None:
    """Wait until the main screen is up (under any dialog it opened) with every pane mounted
    (they mount lazily after the first frame), then for pending messages to be handled."""
    assert await until(pilot, lambda: _panes_up(pilot.app)), "the main screen never came up"
    await pilot.pause()


def notifications(app: Any) -> list[str]:
    """Collect every message the app shows with `notify` from now on."""
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, *args: Any, **kwargs: Any) -> None:
        shown.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = recording
    return shown


def run_cli(args: list[str], capsys: Any) -> tuple[int, str, str]:
    """Run `workbench ARGS` in-process: (exit code, stdout, stderr)."""
    from workbench.cli import main

    try:
        code = main(args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def saved(path: Path) -> dict[str, Any]:
    """The project file as it is on disk, parsed."""
    return tomllib.loads(path.read_text())


def hand_edit(path: Path, old: str, new: str) -> None:
    """Change the file on disk as someone with an editor would (the text must be there)."""
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


MERGE_BASE = Path(__file__).resolve().parent / "merge_base.toml"
"""The example as it was when the merge tests were written, so their ids and lines stay valid."""

G006_IMPACT = 'impact = 2\ncomplexity = 2\n\n[[gaps]]\nid = "G-007"'
"""G-006's impact and complexity lines in MERGE_BASE (the lines just above G-007)."""


def merge_base_copy(folder: Path) -> Path:
    """A copy of MERGE_BASE as `folder/example.toml`, for a test to change."""
    target = folder / "example.toml"
    target.write_bytes(MERGE_BASE.read_bytes())
    return target


def hand_edit_g006(path: Path, impact: int, complexity: int = 2) -> None:
    """Someone else sets G-006's impact (and complexity) in MERGE_BASE's copy on disk."""
    theirs = f"impact = {impact}\ncomplexity = {complexity}"
    hand_edit(path, G006_IMPACT, G006_IMPACT.replace("impact = 2\ncomplexity = 2", theirs))


def gap_in(path: Path, gap_id: str) -> dict[str, Any]:
    """The gap `gap_id` as saved in `path`."""
    return next(g for g in saved(path)["gaps"] if g["id"] == gap_id)


def fail_writes_under(folder: Path, monkeypatch: Any) -> None:
    """Writes into `folder` fail as on a full disk (a real full tmpfs needs root to mount)."""
    import errno
    import os

    from workbench.store import atomic

    replace = os.replace

    def full(source: str, target: str | Path) -> None:
        if Path(target).resolve().parent == folder.resolve():
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", full)


async def raise_g006_impact(pilot: Any) -> None:
    """Open the project, go to the matrix and move G-006 up one impact level (2 → 3, unsaved)."""
    from workbench.ui.widgets.matrix import Matrix

    await ready(pilot)
    await pilot.press("f3")
    await pilot.pause()
    pilot.app.screen.query_one(Matrix).select_gap("G-006")
    await pilot.press("shift+up")
    assert await until(pilot, lambda: pilot.app.workspace.project.gap("G-006").impact == 3)


@asynccontextmanager
async def g006_raised(make_app: Any, path: Path) -> AsyncIterator[Any]:
    """Run the app on `path` at 120x36 with G-006's impact raised (2 → 3, unsaved); the pilot."""
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        yield pilot


async def accept_first_undecided(pilot: Any, gap_id: str) -> Any:
    """In the Map pane, accept the first practice suggested for `gap_id` that has no decision
    yet, with Map's own key from its list; the accepted practice."""
    from textual.widgets import OptionList

    from workbench.ui.widgets.map_pane import MapPane

    await pilot.press("f4")
    await pilot.pause()
    pane = pilot.app.screen.query_one(MapPane)
    pane.show_gap(gap_id)
    undecided = next(i for i, s in enumerate(pane.suggestions) if not s.decision)
    suggestions = pilot.app.screen.query_one("#map-suggestions", OptionList)
    suggestions.focus()  # Map's keys act from the list
    suggestions.highlighted = undecided
    await pilot.pause()
    practice = pane.suggestions[undecided].practice
    await pilot.press("a")
    return practice


async def restore_on_next_start(make_app: Any, path: Path, condition: Callable[[Any], object]) -> None:
    """Start the app again on `path`, accept the offer to restore kept work, and wait until
    `condition(app)` holds."""
    from workbench.ui.modals.confirm import ConfirmModal

    again = make_app(path)
    async with again.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(again.screen, ConfirmModal))
        await pilot.pause()
        await pilot.click("#yes")
        assert await until(pilot, lambda: condition(again))


async def restore_dialog_draft(pilot: Any, kind: type, *words: str) -> Any:
    """At a start that offers a dialog's unsaved text back (each of `words` in the offer),
    Restore it; the dialog of `kind` it reopens, once mounted (filled with the text: a dialog
    on top is not mounted yet, and its fields were read empty under load)."""
    from workbench.ui.modals.confirm import ConfirmModal

    app = pilot.app
    assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
    assert all(said in app.screen.body for said in words), app.screen.body
    await pilot.pause()
    await pilot.click("#yes")
    assert await until(pilot, lambda: isinstance(app.screen, kind) and app.screen.is_mounted)
    return app.screen


async def dialog_up(pilot: Any, kind: type) -> bool:
    """Wait until a dialog of `kind` is on top and takes answers: the file's dialogs refuse keys
    typed before they were on screen long enough to be read (dialog.TYPING_GUARD_SECONDS)."""
    return await until(pilot, lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen.keys_ready)


async def pick(pilot: Any, option_id: str) -> None:
    """In the pick dialog that opens (PickModal), choose the option `option_id` with Enter."""
    from textual.widgets import OptionList

    from workbench.ui.modals.pick_modal import PickModal

    app = pilot.app
    assert await until(pilot, lambda: isinstance(app.screen, PickModal))
    options = app.screen.query_one("#pick-list", OptionList)
    options.highlighted = options.get_option_index(option_id)
    await pilot.press("enter")
    assert await until(pilot, lambda: not isinstance(app.screen, PickModal))


async def edit_gap_in_dialog(pilot: Any, gap_id: str) -> Any:
    """Go to the gaps (F3) and open the gap dialog on `gap_id`; the dialog."""
    from workbench.ui.modals.gap_modal import GapModal
    from workbench.ui.widgets.gaps_pane import GapsPane

    await pilot.press("f3")
    await pilot.pause()
    pilot.app.screen.query_one(GapsPane).edit_gap(gap_id)
    assert await until(pilot, lambda: isinstance(pilot.app.screen, GapModal))
    await pilot.pause()
    return pilot.app.screen


async def ask_to_delete_gap(pilot: Any, gap_id: str) -> None:
    """Go to the gaps (F3), select `gap_id` and press Delete in the matrix; wait until the
    confirm is on top and takes answers."""
    from workbench.ui.modals.confirm import ConfirmModal
    from workbench.ui.widgets.gaps_pane import GapsPane
    from workbench.ui.widgets.matrix import Matrix

    await ready(pilot)
    await pilot.press("f3")
    await pilot.pause()
    pilot.app.screen.query_one(GapsPane).select(gap_id)
    await pilot.pause()
    pilot.app.screen.query_one(Matrix).focus()
    await pilot.press("delete")
    assert await dialog_up(pilot, ConfirmModal)


async def type_into_proposal(pilot: Any, *keys: str) -> Any:
    """Open the proposal (F8) and type `keys` at the start of its text, all queued at once as a
    fast typist's; the proposal dialog."""
    from tests.test_keyboard_model import burst
    from workbench.ui.modals.proposal_modal import ProposalModal

    await ready(pilot)
    await burst(pilot, "f8")
    assert await until(pilot, lambda: isinstance(pilot.app.screen, ProposalModal))
    proposal = pilot.app.screen
    await burst(pilot, "ctrl+home", *keys)
    return proposal


async def tree_at(pilot: Any, ref: str) -> Any:
    """Select the question `ref` in Capture's tree and wait until the tree has the keyboard with
    `ref` highlighted; the Capture pane."""
    from workbench.ui.widgets.capture_pane import CapturePane

    await ready(pilot)
    capture = pilot.app.screen.query_one(CapturePane)
    capture.navigator.select_ref(ref)
    tree = capture.navigator.question_tree
    assert await until(pilot, lambda: pilot.app.focused is tree and capture.navigator.highlighted() == ref)
    return capture


async def save_on_a_full_disk(pilot: Any, project: Path, monkeypatch: Any) -> list[str]:
    """Writes beside `project` fail from now on; ctrl+s, and wait until the app says the disk
    is full; every message shown from the save on."""
    fail_writes_under(project.parent, monkeypatch)
    shown = notifications(pilot.app)
    await pilot.press("ctrl+s")
    assert await until(pilot, lambda: any("disk is full" in n for n in shown)), shown
    return shown


def fail_every_write(project: Path, state_dir: Path, monkeypatch: Any) -> None:
    """Nothing can be written: neither beside the project nor into the journal."""
    fail_writes_under(project.parent, monkeypatch)
    fail_writes_under(state_dir / "journal", monkeypatch)


async def asked_to_quit(pilot: Any) -> str:
    """Press ctrl+q and wait for the quit dialog; what it says."""
    from workbench.ui.modals.confirm import ConfirmModal

    await pilot.press("ctrl+q")
    assert await until(pilot, lambda: isinstance(pilot.app.screen, ConfirmModal))
    return str(pilot.app.screen.body)


async def open_dialog(pilot: Any, name: str, kind: type, widget: type) -> Any:
    """Open the dialog `name` of tests/test_dialogs.DIALOGS and wait until a `kind` is on top
    showing a `widget`; the dialog."""
    from tests.test_dialogs import DIALOGS

    await ready(pilot)
    await DIALOGS[name](pilot)
    assert await until(pilot, lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen.query(widget))
    return pilot.app.screen


def screen_lines(app: Any) -> list[str]:
    """The text on screen, one string a row, as the terminal shows it (from the app's public
    screenshot: what the compositor drew, every layer and screen seen through a dialog)."""
    import html
    import re

    svg = app.export_screenshot()
    rows: dict[int, list[tuple[float, str]]] = {}
    for match in re.finditer(r'<text [^>]*?x="([\d.]+)"[^>]*?clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>([^<]*)</text>', svg):
        x, row, text = float(match.group(1)), int(match.group(2)), html.unescape(match.group(3))
        rows.setdefault(row, []).append((x, text.replace("\xa0", " ").rstrip("\n")))
    return ["".join(text for _, text in sorted(rows.get(row, []))) for row in range(app.size.height)]


async def at_question(pilot: Any, ref: str) -> Any:
    """Open the project (`ready`) and show the question `ref` in Capture; the Capture pane."""
    from workbench.ui.widgets.capture_pane import CapturePane

    await ready(pilot)
    capture = pilot.app.screen.query_one(CapturePane)
    capture.jump_to(ref)
    assert await until(pilot, lambda: capture.panel.ref == ref)
    return capture


async def at_plan(pilot: Any) -> Any:
    """Open the project (`ready`), go to the Plan pane (F5) and wait until its timeline has an
    item selected; the timeline."""
    from workbench.ui.widgets.gantt import Gantt

    await ready(pilot)
    await pilot.press("f5")
    gantt = pilot.app.screen.query_one(Gantt)
    assert await until(pilot, lambda: bool(gantt.selected))
    return gantt


async def opened_by(pilot: Any, key: str, kind: type) -> Any:
    """Open the project (`ready`), press `key` and wait until a screen of `kind` is on top; it."""
    await ready(pilot)
    await pilot.press(key)
    assert await until(pilot, lambda: isinstance(pilot.app.screen, kind))
    return pilot.app.screen


async def ask_to_remove_heard(pilot: Any, ref: str) -> Any:
    """Show the question `ref` in Capture, whose one heard quote is evidence of a gap, and press
    Delete on the quote; wait until the removal asks first. The Capture pane."""
    from textual.widgets import OptionList

    from workbench.ui.modals.confirm import DeleteModal

    capture = await at_question(pilot, ref)
    listing = capture.query_one("#q-heard-list", OptionList)
    assert await until(pilot, lambda: listing.option_count == 1)
    listing.focus()
    await pilot.pause()
    await pilot.press("delete")
    assert await dialog_up(pilot, DeleteModal)
    return capture


async def palette(pilot: Any, words: str) -> None:
    """Run the command the palette (ctrl+p) offers first for `words` typed in it."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    app = pilot.app
    await pilot.press("ctrl+p")
    assert await until(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*words)

    def offered() -> bool:
        options = app.screen.query_one(OptionList)
        at = options.highlighted
        return at is not None and words.lower() in str(options.get_option_at_index(at).prompt).lower()

    assert await until(pilot, offered), f"the palette offers no {words!r}"
    await pilot.press("enter")


async def workbook_export_over(pilot: Any, held: bytes) -> Path:
    """Open the project and the workbook export dialog (from the palette), with its file already
    on disk holding `held`; that file."""
    from textual.widgets import Input

    from workbench.ui.modals.workbook_export_modal import WorkbookExportModal

    app = pilot.app
    await ready(pilot)
    await palette(pilot, "self-assessment workbook")
    assert await until(pilot, lambda: isinstance(app.screen, WorkbookExportModal))
    target = Path(app.screen.query_one("#workbook-file", Input).value).expanduser()
    target.write_bytes(held)
    return target
