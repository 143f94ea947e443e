"""Waiting for the app, not for time: helpers for Pilot-driven tests."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

WAIT_SECONDS = 20.0
"""How long a condition may take on a busy 2-core machine before the test fails."""
STEP = 0.05


async def until(pilot: Any, condition: Callable[[], object], seconds: float = WAIT_SECONDS) -> bool:
    """Pause until `condition()` holds; False if it never did within `seconds`."""
    for _ in range(int(seconds / STEP)):
        if condition():
            return True
        await pilot.pause(STEP)
    return bool(condition())


def _panes_up(app: Any) -> bool:
    from workbench.ui.screens.main_screen import MainScreen

    return any(isinstance(s, MainScreen) and s.panes_mounted() for s in app.screen_stack)


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
