"""Text from files is data: markup, escape sequences and control characters never act or crash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers import ready
from workbench.model.project import Project
from workbench.model.records import Attendee
from workbench.store.files import ProjectFile
from workbench.ui.safe import clean, literal

HOSTILE = [
    "[bold]bold?[/bold]",
    "[/]",
    "[@click=app.quit]click me[/]",
    "\x1b[31mred\x1b[0m",
    "nul\x00bell\x07del\x7f",
    "\u202eevil bidi",
    "[link=https://example.com]link[/link]",
    "$accent [red",
    "\x9b2J csi",
]
JOINED = " | ".join(HOSTILE)


def test_clean_makes_controls_visible() -> None:
    assert clean("\x1b[31m") == "␛[31m"
    assert clean("a\x00b\x7fc\x9bd") == "a␀b␡c\ufffdd"
    assert clean("line\nnext", multiline=False) == "line next"
    assert literal("[bold]x[/]").plain == "[bold]x[/]"
    assert literal("[bold]x[/]").spans == []


@pytest.fixture
def hostile_project(tmp_path: Path) -> Path:
    project = Project.model_validate(
        {
            "project": {
                "name": JOINED,
                "client": JOINED,
                "facilitator": JOINED,
                "created": dt.date(2026, 11, 1),
            }
        }
    )
    session = project.add_session(
        "executive", date=dt.date(2026, 11, 24), attendees=[Attendee(name=JOINED, role=JOINED)]
    )
    session.notes = JOINED
    project.set_answer(
        "discovery:business-impact.current.value-measurement-1", session.id, notes=JOINED, current=1, target=4
    )
    project.set_answer(
        "discovery:business-impact.current.value-measurement-2",
        session.id,
        status="follow-up",
        follow_up_with=JOINED,
    )
    project.hear("discovery:business-impact.pain.1", session.id, quote=JOINED, speaker_role=JOINED)
    metric = project.add_metric(text=JOINED, baseline=1, target=2, measured_by=JOINED, owner=JOINED)
    gap = project.raise_gap(
        JOINED,
        "business-impact",
        evidence=["heard:H-001", f"metric:{metric.id}"],
        description=JOINED,
        owner=JOINED,
    )
    project.decide_mapping(gap.id, "ma.business-kpi-monitoring", "accepted", rationale=JOINED)
    project.add_plan_item(
        JOINED, objective=JOINED, gaps=[gap.id], metrics=[metric.id], criteria=[JOINED], owner=JOINED
    )
    project.add_next_step(JOINED, owner=JOINED)
    path = tmp_path / "hostile.toml"
    ProjectFile.create(path, project, header="schema_version = 1\n")
    return path


async def test_every_pane_and_dialog_shows_hostile_text_literally(hostile_project: Path, make_app) -> None:
    app = make_app(hostile_project)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        pages = [app.export_screenshot()]
        app.screen.query_one("CapturePane").jump_to("discovery:business-impact.pain.1")  # type: ignore[attr-defined]
        await pilot.pause()
        pages.append(app.export_screenshot())
        for key in ("f3", "e", "f4", "f5", "f6"):
            await pilot.press(key)
            await pilot.pause()
            pages.append(app.export_screenshot())
        await pilot.press("escape", "f3", "enter")
        await pilot.pause()
        pages.append(app.export_screenshot())
        await pilot.press("escape")
        app.notify(JOINED, markup=False)
        await pilot.click("#panes")
        await pilot.pause()
        assert app.is_running, "a [@click=app.quit] in the data must never act"
        pages.append(app.export_screenshot())
    svg = "\n".join(pages).replace("&#160;", " ")
    assert "[bold]bold?[/bold]" in svg
    assert "[@click=app.quit]click me[/]" in svg
    assert "␛[31mred␛[0m" in svg
    assert "\x1b" not in svg and "\x00" not in svg and "\x9b" not in svg


async def test_file_problems_with_markup_in_the_path_are_shown_literally(tmp_path: Path, make_app) -> None:
    folder = tmp_path / "[bold]projects[red"
    folder.mkdir()
    (folder / "broken [@click=app.quit]x.toml").write_text("schema_version = 1\n[project\n")
    app = make_app(None, projects_dir=folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.is_running
        svg = app.export_screenshot().replace("&#160;", " ")
    assert "cannot be opened" in svg
    assert "broken [@click=app.quit]x.toml" in svg
