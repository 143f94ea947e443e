"""#12 finding 9: a session is editable once started (date, attendees, notes…) from F6 and the
palette; next steps have an owner and a due date, edited in Plan, checked by `workbench check`
and shown in the proposal's next-steps table."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from textual.widgets import Input, OptionList, TabbedContent, TextArea

from tests.helpers import notifications, opened_by, palette, ready, run_cli, until
from workbench.ui.modals.next_step_modal import NextStepModal
from workbench.ui.modals.session_edit_modal import SessionEditModal
from workbench.ui.modals.session_modal import SessionModal


def data(path: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(path.read_text())


def session(path: Path, session_id: str) -> dict:  # type: ignore[type-arg]
    return next(s for s in data(path)["sessions"] if s["id"] == session_id)


async def fill(app, pilot, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Replace the fields' values by typing, as a person would (select all, then type)."""
    for field_id, text in values.items():
        widget = app.screen.query_one(field_id)
        widget.focus()
        await pilot.pause()
        if isinstance(widget, TextArea):
            widget.select_all()
        else:
            widget.value = ""
        await pilot.press(*text)


async def test_edit_the_session_from_f6(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened_by(pilot, "f6", SessionModal)
        listing = app.screen.query_one("#session-list", OptionList)
        listing.highlighted = listing.get_option_index("data-1")
        await pilot.click("#edit-session")
        assert await until(pilot, lambda: isinstance(app.screen, SessionEditModal))
        assert app.screen.query_one("#session-attendees", Input).value.startswith("Priya Raman (Lead data scientist)")
        await fill(app, pilot, {
            "#session-date": "2026-11-19",
            "#session-attendees": "Priya Raman (Lead data scientist), Tom Becker",
            "#session-notes": "Aisha sent apologies.",
        })
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, SessionEditModal))
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = session(example, "data-1")
        assert edited["date"] == dt.date(2026, 11, 19)
        assert edited["attendees"] == [{"name": "Priya Raman", "role": "Lead data scientist"}, {"name": "Tom Becker"}]
        assert edited["notes"] == "Aisha sent apologies."
        assert app.workspace.editor.history.undo_name == "edit date, attendees, notes of session data-1"
        await pilot.press("ctrl+z", "ctrl+s")
        await pilot.pause()
    assert session(example, "data-1")["date"] == dt.date(2026, 11, 17)


async def test_edit_the_current_session_from_the_palette_and_refuse_a_bad_date(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await palette(pilot, "edit the session")
        assert await until(pilot, lambda: isinstance(app.screen, SessionEditModal))
        await fill(app, pilot, {"#session-date": "next tuesday"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionEditModal), "a bad date keeps the dialog open"
        await fill(app, pilot, {"#session-date": "2026-11-20", "#session-title": "ML engineering, day 2"})
        await pilot.press("enter")
        assert await until(pilot, lambda: not isinstance(app.screen, SessionEditModal))
        await pilot.press("ctrl+s")
        await pilot.pause()
    edited = session(example, "ml-1")
    assert (edited["date"], edited["title"]) == (dt.date(2026, 11, 20), "ML engineering, day 2")


async def test_next_steps_get_an_owner_and_a_due_date(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#plan-tabs", TabbedContent).active = "plan-steps"
        steps = app.screen.query_one("#step-list", OptionList)
        steps.focus()
        await pilot.pause()
        await pilot.press("n")  # (no chooser first: the follow-up step is a dropdown in the dialog)
        assert await until(pilot, lambda: isinstance(app.screen, NextStepModal))
        await pilot.press(*"Book the steering review", "tab", *"Dana", "tab", *"2026-12-10", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, NextStepModal))
        new_id = app.workspace.project.next_steps[-1].id
        steps.focus()
        steps.highlighted = steps.get_option_index("N-2")
        await pilot.press("enter")  # edit N-2
        assert await until(pilot, lambda: isinstance(app.screen, NextStepModal))
        await fill(app, pilot, {"#step-owner": "Mei Chen", "#step-due": "2026-12-11"})
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, NextStepModal))
        assert steps.highlighted == steps.get_option_index("N-2"), "the cursor stays on the step edited"
        await pilot.press("ctrl+s")
        await pilot.pause()
    by_id = {n["id"]: n for n in data(example)["next_steps"]}
    assert by_id[new_id] == {
        "id": new_id, "text": "Book the steering review", "owner": "Dana", "due": dt.date(2026, 12, 10)
    }
    assert (by_id["N-2"]["owner"], by_id["N-2"]["due"]) == ("Mei Chen", dt.date(2026, 12, 11))
    assert by_id["N-2"].get("done", False) is False, "enter edits the step; it no longer ticks it"
    assert any(n.startswith(f"Added {new_id}: Book the steering review") for n in shown)


def test_check_names_a_next_step_due_date_that_is_not_a_date(example: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = example.read_text().replace("due = 2026-12-04", 'due = "early December"', 1)
    example.write_text(text)
    code, _out, err = run_cli(["check", str(example)], capsys)
    assert code == 1
    assert "next_steps[1].due" in err + _out


def test_the_proposal_lists_next_steps_with_owner_and_date(example: Path) -> None:
    from workbench.banks import load_catalogue
    from workbench.export.blocks import Table
    from workbench.export.context import ProposalContext
    from workbench.export.options import ProposalOptions
    from workbench.export.sections_close import next_steps
    from workbench.store.files import load_project

    project = load_project(example)
    options = ProposalOptions(today=dt.date(2026, 11, 24))
    blocks = next_steps(ProposalContext(project, load_catalogue(), options))
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.headers == ["Action", "Owner", "Date"]
    assert ["Baseline deployment lead time from the last six releases", "Jonas Varga", "4 Dec 2026"] in table.rows


async def test_a_new_step_typed_straight_after_n_keeps_every_letter(example: Path, make_app) -> None:
    """fix13b 3: 'n' in Next steps opened a 'Which follow-up step' chooser first, so text typed
    straight away went into the chooser and was lost. The dialog opens at once with the keyboard
    in its words; which follow-up step it serves is a dropdown in it (none unless chosen)."""
    from tests.test_keyboard_model import burst

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#plan-tabs", TabbedContent).active = "plan-steps"
        app.screen.query_one("#step-list", OptionList).focus()
        await pilot.pause()
        before = {n.id for n in app.workspace.project.next_steps}
        await burst(pilot, "n", "Call the CFO about budget", "enter")  # at paste speed
        assert await until(pilot, lambda: not isinstance(app.screen, NextStepModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    added = [n for n in data(example)["next_steps"] if n["id"] not in before]
    assert [(n["text"], n.get("step", "")) for n in added] == [("Call the CFO about budget", "")]
