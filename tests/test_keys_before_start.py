"""Issue #13 walkthrough 1: `workbench q.toml` Enter, then 0.3 s later Down, Enter and "early keys":
Down took effect, the Enter and the words were lost (the tree kept the keyboard, nothing saved).
The keys were typed before Textual had put the terminal in raw mode: the terminal turned the Enter
into a newline, which Textual reads as ctrl+j. The workbench now takes the terminal as soon as it
starts and hands on what was typed before, each newline as the Enter it was (ui/typed_early.py)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time
import tomllib
from pathlib import Path
from typing import Any

from tests.helpers import ready, until
from tests.test_key_gate import send
from workbench.ui.typed_early import typed_as_keys
from workbench.ui.widgets.capture_pane import CapturePane

START_SECONDS = 30.0
"""How long the real workbench may take to start and save on a loaded machine."""


def notes(path: Path) -> list[str]:
    return [a.get("notes", "") for a in tomllib.loads(path.read_text()).get("answers", [])]


async def saved_in_the_notes(app: Any, example: Path) -> None:
    """The keys end in the notes of the question on show, and ctrl+s saves them."""
    async with app.run_test(size=(120, 36)) as pilot:
        if not app.typed_before:
            send(app, "down", "enter", "early keys")
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        assert await until(pilot, lambda: app.focused is not None and app.focused.id == "q-notes")
        assert await until(pilot, lambda: app.workspace.unsaved)
        shown = capture.panel.ref
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved), "ctrl+s never finished saving"
    answers = tomllib.loads(example.read_text())["answers"]
    assert [a for a in answers if a["question"] == shown and a.get("notes", "").endswith("early keys")]


async def test_keys_typed_before_textual_had_the_terminal_go_to_the_notes(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    """What the terminal kept from before (a newline for the Enter) is handled first."""
    await saved_in_the_notes(make_app(example, typed_before=typed_as_keys(b"\x1b[B\nearly keys")), example)


async def test_down_enter_and_words_pressed_before_ready_land_in_the_notes(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    """The same keys pressed at once, before the project is open, once Textual has the terminal."""
    await saved_in_the_notes(make_app(example), example)


def _read_all(fd: int, seconds: float) -> bytes:
    """Read what the workbench draws for a while (a full pty would stop it)."""
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready_fds, _, _ = select.select([fd], [], [], 0.05)
        if ready_fds:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out


def test_a_real_terminal_keeps_keys_typed_before_the_workbench_started(example: Path, tmp_path: Path) -> None:
    """In a pty: Down, Enter and words typed before the process has even started (the terminal
    still in its line mode) are the notes of the second question, autosaved."""
    env = {**os.environ, "WORKBENCH_STATE_DIR": str(tmp_path / "state"), "TERM": "xterm-256color"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its terminal, in line mode as a shell leaves it
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
        os.execvpe(sys.executable, [sys.executable, "-m", "workbench.cli", str(example)], env)  # noqa: S606
    try:
        os.write(fd, b"\x1b[B\rearly keys")  # before Python is up: the terminal's line mode has them
        found: list[Any] = []
        end = time.monotonic() + START_SECONDS
        while time.monotonic() < end and not found:
            _read_all(fd, 0.5)
            found = [text for text in notes(example) if text.endswith("early keys")]
        assert found, "the keys typed before the workbench started were lost"
        os.write(fd, b"\x11")  # ctrl+q
        _read_all(fd, 2.0)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
