"""Pilot-driven behaviour: every edit in a pane lands in the saved TOML; nothing is lost."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select, TabbedContent

from tests.helpers import (
    dialog_up,
    notifications,
    raise_g006_impact,
    ready,
    restore_on_next_start,
    saved,
    until,
)
from workbench.store.files import ProjectFile, load_project
from workbench.store.journal import journal_paths, read_journal, write_journal
from workbench.store.serialize import project_to_data
from workbench.ui.modals.confirm import ConfirmModal, DeleteModal
from workbench.ui.modals.conflict import ConflictModal
from workbench.ui.widgets.gaps_pane import GapsPane
from workbench.ui.widgets.map_pane import MapPane
from workbench.ui.widgets.matrix import Matrix


def gap(path: Path, gap_id: str) -> dict:  # type: ignore[type-arg]
    return next(g for g in saved(path)["gaps"] if g["id"] == gap_id)


async def test_moving_a_gap_changes_the_saved_values(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        matrix = app.screen.query_one(Matrix)
        matrix.select_gap("G-006")
        await pilot.press("shift+up", "shift+up", "shift+right")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert (gap(example, "G-006")["impact"], gap(example, "G-006")["complexity"]) == (4, 3)


async def test_accepting_and_dismissing_suggestions_persist(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        pane = app.screen.query_one(GapsPane)
        first, second = pane.suggestions[0].key, pane.suggestions[1].key
        pane.query_one("#gaps-side", TabbedContent).active = "gaps-suggested"
        pane.query_one("#suggestions", OptionList).focus()  # a and d act where the keyboard is
        await pilot.pause()
        pane.query_one("#suggestions", OptionList).highlighted = 0
        await pilot.press("a")
        await pilot.pause()
        pane.query_one("#suggestions", OptionList).highlighted = 1  # the accepted one keeps its place
        await pilot.press("d")
        await pilot.press("ctrl+s")
        await pilot.pause()
    data = saved(example)
    assert any(g.get("source") == first for g in data["gaps"])
    assert {"suggestion": second} in data["dismissed"]


async def test_raising_a_gap_from_capture_links_the_evidence(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("ctrl+s")  # save in the gap editor
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    new = saved(example)["gaps"][-1]
    assert new["id"] == "G-m1-01"  # raised in session ml-1: its tag keeps it apart from other sessions
    assert new["area"] == "model-deployment"
    assert new["evidence"] == ["discovery:model-deployment.current.deployment-infrastructure-1@ml-1"]


async def test_accepting_and_rejecting_practices_persist(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        await pilot.pause()
        pane = app.screen.query_one(MapPane)
        pane.show_gap("G-006")
        suggestions = pane.query_one("#map-suggestions", OptionList)
        suggestions.focus()
        suggestions.highlighted = 0
        await pilot.press("a")
        await pilot.pause()
        suggestions.highlighted = 1
        await pilot.press("r")
        await pilot.pause()
        rejected = pane.suggestions[1].practice.id
        await pilot.press("ctrl+s")
        await pilot.pause()
    mappings = [(m["gap"], m["practice"], m.get("status", "accepted")) for m in saved(example)["mappings"]]
    assert ("G-006", "fe.validate-at-ingestion", "accepted") in mappings
    assert ("G-006", rejected, "rejected") in mappings
    project = load_project(example)
    assert project.mapping("G-006", rejected).status == "rejected"  # type: ignore[union-attr]


async def test_moving_and_resizing_a_plan_item_persist(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await pilot.pause()
        gantt = app.screen.query_one("#gantt")
        gantt.select_item("P-4")  # type: ignore[attr-defined]
        await pilot.press("right", "right", "right_square_bracket")
        await pilot.press("ctrl+s")
        await pilot.pause()
    p4 = next(p for p in saved(example)["pilots"] if p["id"] == "P-4")
    assert p4["start"] == 5
    assert p4["weeks"] == 6


async def test_starting_a_session_from_a_template(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#new-template", Select).value = "platform-architecture"
        app.screen.query_one("#new-attendees", Input).value = "Ana (Chief architect), Bo (Security lead)"
        await pilot.click("#start")
        await pilot.pause()
        assert app.workspace.session_id == "platform-1"
        assert app.workspace.clock.running
        first = app.workspace.catalogue.template_refs("platform-architecture")[0]
        assert app.screen.query_one("CapturePane").panel.ref == first
        await pilot.press("ctrl+s")
        await pilot.pause()
    session = saved(example)["sessions"][-1]
    assert session["id"] == "platform-1"
    assert session["template"] == "platform-architecture"
    assert session["attendees"] == [
        {"name": "Ana", "role": "Chief architect"},
        {"name": "Bo", "role": "Security lead"},
    ]


async def test_a_broken_file_on_disk_offers_a_copy_and_is_merged_once_fixed(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        theirs = example.read_text()
        example.write_text(theirs.replace('facilitator = "Sam Okafor"', "facilitator = Sam"))
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, ConflictModal)
        await pilot.click("#copy")
        assert await until(pilot, lambda: list(example.parent.glob("example.mine-*.toml")))
        copies = list(example.parent.glob("example.mine-*.toml"))
        assert len(copies) == 1
        assert gap(copies[0], "G-006")["impact"] == 3
        assert "facilitator = Sam\n" in example.read_text()
        example.write_text(theirs.replace("Sam Okafor", "Someone Else"))  # they fixed it
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert app.workspace.project.project.facilitator == "Someone Else"
    assert gap(example, "G-006")["impact"] == 3
    assert saved(example)["project"]["facilitator"] == "Someone Else"


async def test_unparsable_file_on_disk_is_shown_and_not_overwritten(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)
        example.write_text("schema_version = 1\n[project\n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ConflictModal)
        assert "line 2, column 9" in modal.disk_problem
        assert not modal.query("#keep")
        assert not modal.query("#reload")
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.workspace.project.gap("G-006").impact == 3
        assert await until(pilot, lambda: read_journal(example) is not None)
    assert example.read_text() == "schema_version = 1\n[project\n"


async def test_crash_recovery_is_offered_at_the_next_start(example: Path, make_app) -> None:
    project = load_project(example)
    project.move_gap("G-006", 2)
    write_journal(example, project_to_data(project), ProjectFile.load(example).base)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.click("#yes")
        assert await until(pilot, lambda: app.workspace.project.gap("G-006").impact == 4)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not journal_paths(example)[0].exists())
    assert gap(example, "G-006")["impact"] == 4


async def test_quit_with_unsaved_changes_that_cannot_be_saved_asks(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save fails because writing fails (injected: a folder made read-only stays writable
    for root, so that would test nothing there)."""
    import workbench.store.atomic as atomic

    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await raise_g006_impact(pilot)

        def fail(*args: object, **kwargs: object) -> None:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

        monkeypatch.setattr(atomic.os, "replace", fail)
        await pilot.press("ctrl+q")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.click("#no")
        await pilot.pause()
        assert app.is_running and app.workspace.unsaved
        monkeypatch.undo()
    assert example.read_bytes() == before


async def test_a_read_only_file_is_not_saved_and_the_work_is_offered_next_time(
    example: Path, make_app
) -> None:
    """#13 findings 2 and 6: refused with one sentence, the header never says saved, quitting
    says truthfully where the work is kept, and the next start offers it back."""
    from workbench.ui.widgets.header import WorkbenchHeader

    before = example.read_bytes()
    example.chmod(0o444)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        header = app.screen.query_one(WorkbenchHeader).status_line().plain
        assert "read-only" in header and "saved" not in header
        await raise_g006_impact(pilot)
        shown = notifications(app)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any("read-only" in n for n in shown))
        told = sum("read-only" in n for n in shown)
        app.save_project()  # #14 finding 5: the autosaves that follow don't stack the same notice
        app.save_project()
        await pilot.pause()
        assert sum("read-only" in n for n in shown) == told
        header = app.screen.query_one(WorkbenchHeader).status_line().plain
        assert "unsaved" in header and "saved" not in header.replace("unsaved", "")
        await pilot.press("ctrl+q")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        assert "kept in" in app.screen.body  # type: ignore[attr-defined]
        await pilot.click("#yes")
    example.chmod(0o644)
    assert example.read_bytes() == before
    await restore_on_next_start(
        make_app, example, lambda again: again.workspace.project.gap("G-006").impact == 3
    )


async def test_the_read_only_notice_goes_with_the_first_save_that_works(example: Path, make_app) -> None:
    """#13: after the person makes the file writable again and saves, nothing on screen still
    says it is read-only (the "Not saved" notice stayed up for its whole 8 s)."""
    from workbench.ui.widgets.header import WorkbenchHeader

    def on_screen() -> str:
        return app.export_screenshot()

    example.chmod(0o444)
    app = make_app(example)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await raise_g006_impact(pilot)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "read-only" in on_screen())
        example.chmod(0o644)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert load_project(example).gap("G-006").impact == 3
        await pilot.pause()
        assert "read-only" not in on_screen()  # the notice was up for 8 s more
        header = app.screen.query_one(WorkbenchHeader).status_line().plain
        assert "✓ saved" in header and "read-only" not in header


async def test_export_from_the_tui_names_the_file(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        notes = notifications(app)
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.screen.query("#export-go") and notes)
    written = example.parent / "harbour-pine-retail-mlops-discovery-proposal.docx"
    assert written.exists()
    assert any(str(written) in n for n in notes)


async def test_the_export_dialog_names_the_file_it_would_replace(example: Path, make_app) -> None:
    """#13: "Replace the existing file?" named neither the file nor what each button does."""
    written = example.parent / "harbour-pine-retail-mlops-discovery-proposal.docx"
    written.write_bytes(b"before")
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f9")
        assert await until(pilot, lambda: app.screen.query("#export-go"))
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, ConfirmModal)
        assert app.screen.title_text == f"Replace {written.name}?"  # type: ignore[attr-defined]
        assert app.screen.body == (  # type: ignore[attr-defined]
            f"{written} already exists. Replace writes this proposal over it; Keep it leaves it as it is "
            "(rename or move it first to keep both)."
        )
        await pilot.click("#no")
        assert await until(pilot, lambda: not isinstance(app.screen, ConfirmModal))
    assert written.read_bytes() == b"before"


async def test_proposal_text_is_drafted_edited_and_saved_in_the_file(example: Path, make_app) -> None:
    """F8 shows the draft; what the person types is saved in [proposal] and used by the export."""
    from textual.widgets import TextArea

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f8")
        assert await until(pilot, lambda: app.screen.query("#proposal-text"))
        area = app.screen.query_one("#proposal-text", TextArea)
        assert "We recommend" in area.text  # the draft from the data
        area.load_text("Harbour & Pine should fund one pilot quarter.")
        app.screen.query_one("#proposal-firm", Input).value = "Northwind Advisory"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "Northwind Advisory" in example.read_text())
    saved = example.read_text()
    assert 'firm = "Northwind Advisory"' in saved
    assert 'executive_summary = "Harbour & Pine should fund one pilot quarter."' in saved
    assert "language" not in saved.split("[proposal]")[1]  # untouched fields stay out of the file
    assert saved.startswith("# Harbour & Pine Retail: MLOps discovery (fictional example engagement).")


async def test_picker_lists_projects_and_creates_one(tmp_path: Path, example: Path, make_app) -> None:
    app = make_app(None, projects_dir=example.parent)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#new-name", Input).value = "Beta Bank: discovery"
        app.screen.query_one("#new-client", Input).value = "Beta Bank"
        await pilot.click("#create")
        await pilot.pause()
        assert app.workspace is not None
        assert app.workspace.project.project.client == "Beta Bank"
    assert (example.parent / "beta-bank-discovery.toml").exists()


async def test_picker_says_where_a_broken_project_is_broken_and_what_to_do(
    tmp_path: Path, example: Path, make_app
) -> None:
    from textual.widgets import OptionList

    (example.parent / "broken.toml").write_text('schema_version = 1\n[project]\nname = "x\n')
    bad_value = example.read_text().replace("impact = 5", "impact = 9", 1)
    (example.parent / "invalid.toml").write_text(bad_value)
    app = make_app(None, projects_dir=example.parent)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#projects", OptionList)
        shown = {  # each project's lines wrap to the list's width: read them as one text
            str(options.get_option_at_index(i).id): " ".join(str(options.get_option_at_index(i).prompt).split())
            for i in range(options.option_count)
        }
    broken = shown[str(example.parent / "broken.toml")]
    assert (
        "cannot be opened: line 3, column 10: TOML syntax error" in broken and "fix the file there" in broken
    )
    invalid = shown[str(example.parent / "invalid.toml")]
    line = bad_value[: bad_value.index("impact = 9")].count("\n") + 1
    assert f"cannot be opened: line {line}, column 10, gaps[" in invalid and "].impact: " in invalid
    assert "write one from 1 to 5" in invalid


async def test_footer_keys_are_clickable(example: Path, make_app) -> None:
    from workbench.ui.screens.help_screen import HelpScreen
    from workbench.ui.widgets.key_footer import KeyFooter

    app = make_app(example)
    async with app.run_test(size=(160, 36)) as pilot:
        await ready(pilot)
        footer = app.screen.query_one(KeyFooter)
        line = footer.render().plain
        assert "Raise gap" in line and "palette" in line
        await pilot.click(KeyFooter, offset=(line.index("Help") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_mistaken_heard_tick_can_be_undone(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.screen.query_one("CapturePane").jump_to("discovery:model-deployment.pain.1")
        await pilot.pause()
        await pilot.click("#q-unhear")
        # H-004 is evidence of G-001: removing it asks first (x removes; tests/test_x4_removals_ask.py)
        assert await dialog_up(pilot, DeleteModal)
        await pilot.press("x")
        assert await until(pilot, lambda: not isinstance(app.screen, DeleteModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    data = saved(example)
    assert all(h["id"] != "H-004" for h in data["heard"])
    g001 = gap(example, "G-001")
    assert "heard:H-004" not in g001["evidence"]


async def test_new_gap_from_the_gaps_pane_opens_the_dialog_without_crashing(example: Path, make_app) -> None:
    """F3 then n (a documented key) exited with InvalidSelectValueError from the blank area."""
    from tests.helpers import ready, until
    from workbench.ui.modals.gap_modal import GapModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await pilot.pause()
        assert app.is_running


async def test_the_changed_on_disk_dialog_says_that_mine_overwrites_and_fits_80x24(
    example: Path, make_app
) -> None:
    """#14 fresh eyes: "Keep mine" did not say that it writes over the other version."""
    from textual.widgets import Button

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.push_screen(ConflictModal(str(example)))
        assert await dialog_up(pilot, ConflictModal)
        await pilot.pause()
        buttons = list(app.screen.query(Button))
        assert [str(b.label) for b in buttons] == [
            "Reload theirs",
            "Overwrite with mine",
            "Save mine as a copy (ctrl+s)",
            "Keep editing (Esc)",
        ]
        assert all(b.region.right <= 80 and b.region.width >= len(str(b.label)) for b in buttons)
        app.screen.dismiss("")
        await pilot.pause()
        gone = ConflictModal(str(example), gone=True)
        app.push_screen(gone)
        assert await until(pilot, lambda: app.screen is gone and bool(gone.query("#keep")))
        assert str(gone.query_one("#keep", Button).label) == "Write mine again"
