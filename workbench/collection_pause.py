"""Python's garbage collector held off through bursts of work that build much and free little:
the workbench opening a project, and a three-way merge.

Opening builds a few hundred thousand objects (Textual, the banks, the project, the main
screen's widgets) and almost no garbage: the collector's passes over them were about a fifth of
the CPU time from a new process to the painted main screen (100-180 ms of 750-850 ms), and they
freed a few hundred objects. Reference counting still frees what opening drops; the collector
runs again once the main screen is painted, or when the app stops. A merge of two large
projects reads three files and builds the merged data and text: its passes were 10-20% of it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_held = False
"""Whether this module turned the collector off (one turned off by someone else stays off)."""


def hold_collection() -> None:
    """Turn the collector off until `release_collection` (nothing when it is off already)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collection() -> None:
    """Turn the collector back on if `hold_collection` turned it off."""
    global _held
    if _held:
        _held = False
        gc.enable()


@contextmanager
def collection_held() -> Iterator[None]:
    """The collector off inside, and on again after (if it was on before)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
