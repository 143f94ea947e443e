"""Keys through the KeyGate (one at a time, in order): a burst of 200 characters pasted into the
notes, from the first key sent to the last one in the editor, in keys a second. Beside it the
same burst handed straight to Textual (no gate, no order kept): what the gate costs a key."""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

BURST = 200
RUNS = 5
EXAMPLE = Path(__file__).resolve().parent.parent / "projects" / "example.toml"
TEXT = ("the platform team deploys by hand every other week and nobody owns the pipeline " * 3)[:BURST]


async def burst_rates(path: Path, through_gate: bool) -> list[float]:
    """Keys a second for each of RUNS bursts typed into one question's notes."""
    from textual import events
    from textual.widgets import TextArea

    from workbench.ui.app import make_app
    from workbench.ui.key_order import KeyGate

    app = make_app(path, today=dt.date(2026, 11, 24))
    gate: KeyGate = app.keys_in_order
    if not through_gate:

        async def straight(event: events.Key) -> None:
            await gate.handle(event)  # type: ignore[misc]

        gate.take = straight  # type: ignore[method-assign]
    rates: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        while app.workspace is None or not app.screen.query("#q-notes"):
            await pilot.pause(0.05)
        await pilot.pause(2.0)  # the save document is prepared in the background after opening
        await pilot.press("ctrl+n")
        notes = app.screen.query_one("#q-notes", TextArea)
        while app.focused is not notes:
            await pilot.pause(0.01)
        for _ in range(RUNS):
            expected = notes.text + TEXT
            started = time.perf_counter()
            for char in TEXT:
                app.post_message(events.Key("space" if char == " " else char, char))
            while notes.text != expected or gate.busy or gate.waiting:
                await pilot.pause(0.001)
            rates.append(BURST / (time.perf_counter() - started))
            await pilot.pause(0.5)
    return rates


def row(name: str, rates: list[float]) -> None:
    median = statistics.median(rates)
    print(f"{name:<58} median {median:7.0f} keys/s  ({1000 / median:5.2f} ms a key)  best {max(rates):7.0f}")


def main() -> bool:
    import asyncio

    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, through_gate in (("through the KeyGate", True), ("straight to Textual (no gate)", False)):
            copy = Path(folder) / "example.toml"
            shutil.copy(EXAMPLE, copy)
            figures[name] = asyncio.run(burst_rates(copy, through_gate))
    for name, rates in figures.items():
        row(f"{BURST} chars pasted into the notes, {name}", rates)
    gate, straight = (statistics.median(r) for r in figures.values())
    print(f"{'gate cost a key':<58} {1000 / gate - 1000 / straight:6.2f} ms")
    return True


if __name__ == "__main__":
    main()
