"""ctrl+s, pressed out of habit to save, never answers a confirm with its destructive choice
(fresh-eyes walkthrough #13, fe13c 1): in "Discard your changes?" ctrl+s keeps editing and `d`
discards; in "Delete G-004?" ctrl+s keeps the gap and `x` deletes it. Each button names its key."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button

from tests.helpers import (
    ask_to_delete_gap,
    dialog_up,
    ready,
    saved,
    type_into_proposal,
    until,
    workbook_export_over,
)
from tests.test_keyboard_model import burst
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.proposal_modal import ProposalModal
from workbench.ui.widgets.gaps_pane import GapsPane


def _labels(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(button.label) for button in app.screen.query(Button)]


async def test_ctrl_s_in_discard_your_changes_keeps_editing_and_d_discards(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        proposal = await type_into_proposal(pilot, *"Budget agreed. ")
        await burst(pilot, "escape")
        assert await dialog_up(pilot, ConfirmModal)
        assert _labels(app) == ["Discard (d)", "Keep editing (ctrl+s, Esc)"]
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: app.screen is proposal)
        await burst(pilot, "escape")
        assert await dialog_up(pilot, ConfirmModal)
        await burst(pilot, "d")
        assert await until(pilot, lambda: not isinstance(app.screen, (ProposalModal, ConfirmModal)))
        await burst(pilot, "ctrl+s")
        await pilot.pause()
    assert not saved(example)["proposal"].get("executive_summary", "").startswith("Budget agreed. ")


async def test_ctrl_s_in_delete_gap_keeps_it_and_x_deletes_it(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ask_to_delete_gap(pilot, "G-004")
        assert _labels(app) == ["Delete (x)", "Keep (ctrl+s, Esc)"]
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, ConfirmModal))
        assert app.workspace.project.gap("G-004") is not None
        await burst(pilot, "delete")
        assert await dialog_up(pilot, ConfirmModal)
        await burst(pilot, "x")
        assert await until(pilot, lambda: app.workspace.project.gap("G-004") is None)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert all(gap["id"] != "G-004" for gap in saved(example)["gaps"])


async def test_deleting_a_gap_in_ranked_puts_the_cursor_on_the_next_row(example: Path, make_app) -> None:
    """Deleting the second gap in Ranked moved the cursor to the top row (fe13c 9): it goes to the
    row that took its place, or to the one before when the last row went."""
    from textual.widgets import DataTable

    from workbench.analysis.gaps import gap_table

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        assert await until(pilot, lambda: bool(app.screen.query("#ranked")))
        table = app.screen.query_one("#ranked", DataTable)
        order = [gap.id for gap, _ in gap_table(app.workspace.project)]
        assert await until(pilot, lambda: table.row_count == len(order))
        table.focus()
        table.move_cursor(row=1)
        await pilot.pause()
        await burst(pilot, "delete")
        assert await dialog_up(pilot, ConfirmModal)
        await burst(pilot, "x")
        assert await until(pilot, lambda: app.workspace.project.gap(order[1]) is None)
        assert await until(pilot, lambda: table.cursor_row == 1 and table.row_count == len(order) - 1)
        assert app.screen.query_one(GapsPane).selected == order[2]
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        await burst(pilot, "delete")
        assert await dialog_up(pilot, ConfirmModal)
        await burst(pilot, "x")
        assert await until(pilot, lambda: app.workspace.project.gap(order[-1]) is None)
        assert await until(pilot, lambda: app.screen.query_one(GapsPane).selected == order[-2])
        assert table.cursor_row == table.row_count - 1
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    ids = [gap["id"] for gap in saved(example)["gaps"]]
    assert order[1] not in ids and order[-1] not in ids and order[2] in ids


async def _keeps_then_replaces(pilot, target: Path) -> None:  # type: ignore[no-untyped-def]
    """In 'Replace NAME?': ctrl+s and Enter keep the file as it is, `r` replaces it."""
    from workbench.ui.modals.confirm import ReplaceModal

    app = pilot.app
    opener = app.screen
    await burst(pilot, "ctrl+s")
    assert await dialog_up(pilot, ReplaceModal)
    assert _labels(app) == ["Replace (r)", "Keep it (ctrl+s, Esc)"]
    for answer in ("ctrl+s", "enter"):
        await burst(pilot, answer)
        assert await until(pilot, lambda: app.screen is opener)
        await pilot.pause()
        assert target.read_bytes() == b"theirs", answer
        await burst(pilot, "ctrl+s")
        assert await dialog_up(pilot, ReplaceModal)
    await burst(pilot, "r")
    assert await until(pilot, lambda: target.read_bytes() != b"theirs")


async def test_ctrl_s_in_replace_the_proposal_keeps_the_file_and_r_replaces_it(example: Path, make_app) -> None:
    """s13a 2: ctrl+s, typed again after the export's ctrl+s, wrote the proposal over the file."""
    target = example.parent / "harbour-pine-retail-mlops-discovery-proposal.docx"
    target.write_bytes(b"theirs")
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f9")
        assert await until(pilot, lambda: bool(app.screen.query("#export-go")))
        await _keeps_then_replaces(pilot, target)
    assert target.read_bytes().startswith(b"PK")


async def test_ctrl_s_in_replace_the_workbook_keeps_the_file_and_r_replaces_it(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        target = await workbook_export_over(pilot, b"theirs")
        await _keeps_then_replaces(pilot, target)
    assert target.read_bytes().startswith(b"PK")


async def test_ctrl_s_in_quit_with_unsaved_changes_stays_and_q_quits(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s13a 2: ctrl+s in 'Quit with unsaved changes?' quit, leaving the work unsaved."""
    from tests.helpers import fail_writes_under, raise_g006_impact
    from workbench.ui.modals.confirm import QuitModal

    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        fail_writes_under(example.parent, monkeypatch)  # the save fails: ctrl+q asks
        await burst(pilot, "ctrl+q")
        assert await dialog_up(pilot, QuitModal)
        assert _labels(app) == ["Quit (q)", "Stay (ctrl+s, Esc)"]
        for answer in ("ctrl+s", "enter"):
            await burst(pilot, answer)
            assert await until(pilot, lambda: not isinstance(app.screen, QuitModal))
            await pilot.pause()
            assert app.is_running and app.workspace.unsaved, answer
            await burst(pilot, "ctrl+q")
            assert await dialog_up(pilot, QuitModal)
        await burst(pilot, "q")
        assert await until(pilot, lambda: not app.is_running)
    assert example.read_bytes() == before
