"""A whole discovery session typed key by key (issue 12, "tests that type like a person"): once at
a person's pace with pauses, once in bursts as a paste or a fast typist delivers them. Both must
save the same project, with every word where it was meant to go."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from tests.conftest import EXAMPLE
from tests.helpers import ready, until
from tests.test_keyboard_model import burst, key_events

SESSION: tuple[tuple[str, ...], ...] = (
    # F6, Tab Tab to the new session's fields, ctrl+s: a new session from the first template,
    # dated today; the keyboard goes to the tree.
    ("f6", "tab", "tab", "ctrl+s"),
    # The first question: notes, maturity now 2 and target 4, confidence observed, from the notes.
    ("enter", "Dana: a deploy takes weeks, four teams sign off"),
    ("ctrl+up", "ctrl+up", "ctrl+shift+up", "ctrl+shift+up", "ctrl+shift+up", "ctrl+shift+up", "ctrl+e"),
    # Next: notes, then follow-up (ctrl+o) on the same question, still typing.
    ("ctrl+n", "Luis: no registry, models live in a spreadsheet", "ctrl+o", " - ask Priya"),
    # Next: notes, then Esc to the tree and maturity by digit: 3 now, 3 target (#).
    ("ctrl+n", "The CFO owns the GPU budget", "escape", "3", "#"),
    # Next: notes, raise a gap from it with a title of our own, save the dialog.
    ("ctrl+n", "Drift is found by customers", "ctrl+g", "ctrl+a", "Nobody watches drift", "ctrl+s"),
    # Look at Gaps, come back: the keyboard is back in the notes; previous question, add to it.
    ("f3", "f2", "ctrl+b", " (confirm with Dana)"),
    ("ctrl+s",),
)


async def type_session(pilot: Any, paced: bool) -> None:
    from workbench.ui.modals.gap_modal import GapModal

    for step in SESSION:
        if not paced:
            await burst(pilot, *step)
            continue
        for event in key_events(*step):
            await pilot.press(event.key)
            await pilot.pause(0.3 if len(event.key) > 1 else 0.04)  # a pause after each move
        if "ctrl+g" in step:
            assert await until(pilot, lambda: not isinstance(pilot.app.screen, GapModal))
    await until(pilot, lambda: not pilot.app.workspace.unsaved)


def session_record(project: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """The session started by the script (the last one) and its answers, in the order asked."""
    session = project["sessions"][-1]["id"]
    return session, [a for a in project["answers"] if a["session"] == session]


async def run_session(path: Path, make_app: Any, paced: bool) -> dict[str, Any]:
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await type_session(pilot, paced)
    return tomllib.loads(path.read_text())


def check_session(project: dict[str, Any]) -> None:
    session, answers = session_record(project)
    assert session != "ml-1" and project["sessions"][-1]["date"]
    first, second, third, fourth = answers[:4]
    assert first["notes"] == "Dana: a deploy takes weeks, four teams sign off"
    assert (first["current"], first["target"], first["confidence"]) == (2, 4, "observed")
    assert second["notes"] == "Luis: no registry, models live in a spreadsheet - ask Priya"
    assert second["status"] == "follow-up"
    assert third["notes"] == "The CFO owns the GPU budget (confirm with Dana)"
    assert (third["current"], third["target"]) == (3, 3)
    assert fourth["notes"] == "Drift is found by customers"
    assert all("current" not in a and "target" not in a for a in (second, fourth))
    gap = project["gaps"][-1]
    assert gap["title"] == "Nobody watches drift"
    assert any(fourth["question"] in str(item) for item in gap.get("evidence", []))


async def test_a_session_typed_at_a_person_s_pace_and_in_bursts(
    example: Path, make_app, tmp_path: Path
) -> None:
    paced = await run_session(example, make_app, paced=True)
    check_session(paced)
    fast_copy = tmp_path / "fast" / "example.toml"
    fast_copy.parent.mkdir()
    fast_copy.write_text(EXAMPLE.read_text())
    fast = await run_session(fast_copy, make_app, paced=False)
    check_session(fast)
    assert fast == paced
