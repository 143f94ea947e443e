"""#12 walkthrough (w12c): ctrl+l named the wrong quote. On 'Our model serving costs are
unpredictable…' in ml-1, a quote heard with `h` (H-m1-01), then ctrl+l to G-007: the notice and
the undo named executive-1's CFO quote (H-006), which G-007 held already; only the new quote was
added. ctrl+l now attaches this session's evidence and names exactly what it attached."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.helpers import at_question, notifications, pick, ready, until
from workbench.ui.modals.heard_modal import HeardModal
from workbench.ui.modals.pick_modal import PickModal

COSTS = "discovery:model-deployment.pain.2"  # heard in executive-1 (H-006, in G-007's evidence)


def evidence_of(path: Path, gap_id: str) -> list[str]:
    return next(g for g in tomllib.loads(path.read_text())["gaps"] if g["id"] == gap_id)["evidence"]


async def test_ctrl_l_attaches_and_names_the_quote_heard_in_this_session(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = notifications(app)
        await at_question(pilot, COSTS)
        await pilot.press("escape")  # the tree, where `h` is a key
        await pilot.pause()
        await pilot.press("h")
        assert await until(pilot, lambda: isinstance(app.screen, HeardModal))
        await pilot.press(*"Serving costs swing by a third each month", "tab", *"ML engineer", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, HeardModal))
        heard = app.workspace.project.heard_in(COSTS, "ml-1")[0].id
        await pilot.press("ctrl+l")
        assert await until(pilot, lambda: isinstance(app.screen, PickModal))
        heading = app.screen.heading
        assert "Heard in session ml-1 from ML engineer" in heading and "GPU bill" not in heading, heading
        await pick(pilot, "G-007")
        done = next((n for n in shown if n.startswith("Attached to G-007")), "")
        assert done.startswith("Attached to G-007: Heard in session ml-1 from ML engineer: “Serving costs"), shown
        assert "GPU bill" not in done and "more" not in done, done
        undo = app.workspace.editor.history.undo_name
        assert undo.startswith(f"attach '{heard} “Serving costs") and undo.endswith("' to G-007"), undo
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    evidence = evidence_of(example, "G-007")
    assert evidence.count("heard:H-006") == 1 and evidence[-1] == f"heard:{heard}"


async def test_the_picker_marks_the_gaps_that_hold_it_already(example: Path, make_app) -> None:
    """From executive-1, H-006 (heard there) is what ctrl+l attaches: G-007 holds it already, the
    picker says so, and choosing it changes nothing and says why."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.main_screen().switch_session("executive-1")
        shown = notifications(app)
        await at_question(pilot, COSTS)
        await pilot.press("ctrl+l")
        assert await until(pilot, lambda: isinstance(app.screen, PickModal))
        listing = app.screen.query_one("#pick-list")
        row = str(listing.get_option_at_index(listing.get_option_index("G-007")).prompt)
        assert row.endswith("has it already"), row
        other = str(listing.get_option_at_index(listing.get_option_index("G-001")).prompt)
        assert "has it already" not in other, other
        await pick(pilot, "G-007")
        assert await until(pilot, lambda: any(n.startswith("G-007 has it already") for n in shown)), shown
        assert not app.workspace.unsaved
