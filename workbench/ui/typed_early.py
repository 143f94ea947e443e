"""Keys typed while `workbench PATH` starts, before Textual has the terminal (issue #13 walkthrough 1).

Until a program puts the terminal in raw mode, the terminal's line discipline has what is typed:
it echoes it and turns Enter (\\r) into a newline (\\n), which Textual reads as ctrl+j, a key the
workbench does not bind. Down, Enter and words typed 0.3 s after `workbench q.toml` Enter lost the
Enter, so the words went to the question tree, not the notes. `terminal_taken` puts the terminal
in raw mode as soon as the workbench starts (before Python loads Textual and the project) and
takes what was typed before, each newline as the Enter it was; the app hands those keys on first
(`WorkbenchApp.typed_before`). Ctrl+c still interrupts a start that hangs.

No Textual here: this runs before Textual is imported.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator


def typed_as_keys(cooked: bytes) -> str:
    """What the person typed, from what the line discipline kept: each newline was an Enter."""
    return cooked.decode("utf-8", errors="replace").replace("\n", "\r")


@contextlib.contextmanager
def terminal_taken(fd: int | None = None) -> Iterator[str]:
    """Raw mode now (no echo, no line editing, Enter kept as Enter) until the block ends, when
    the terminal is given back as it was; yields the keys typed before. Not a terminal: ''."""
    try:
        import fcntl
        import termios
    except ImportError:  # not a POSIX terminal
        yield ""
        return
    fd = sys.stdin.fileno() if fd is None else fd
    try:
        before = termios.tcgetattr(fd)
    except (termios.error, OSError, ValueError):
        yield ""
        return
    raw = [*before[:6], list(before[6])]
    raw[0] &= ~(termios.IXON | termios.IXOFF | termios.ICRNL | termios.INLCR | termios.IGNCR)
    raw[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN)
    raw[6][termios.VMIN] = 1
    raw[6][termios.VTIME] = 0
    try:
        termios.tcsetattr(fd, termios.TCSANOW, raw)
        waiting = int.from_bytes(fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"), sys.byteorder)
        cooked = os.read(fd, waiting) if waiting > 0 else b""
    except (termios.error, OSError):
        cooked = b""
    try:
        yield typed_as_keys(cooked)
    finally:
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(fd, termios.TCSADRAIN, before)
