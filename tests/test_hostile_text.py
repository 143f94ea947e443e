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
    assert clean("a\x00b\x7fc\x9bd") == "a␀b␡c⟨U+009B⟩d"
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


HOSTILE_BANK = """
[bank]
id = "odd"
title = "Odd \\u001b]0;PWNED\\u0007 bank \\u001b[2J"

[[areas]]
id = "data"
title = "Data [/] \\u001b[31marea"

[[parts]]
id = "q"
title = "Questions"

[[questions]]
id = "data.q.1"
area = "data"
part = "q"
text = "[@click=app.quit]CLICKME[/] \\u001b[2J where? \\u009b2J"

[[questions]]
id = "data.q.2"
area = "data"
part = "q"
text = "costs [/] per month"
"""


@pytest.fixture
def hostile_folder(hostile_project: Path) -> Path:
    """The hostile project with a hostile bank of its own (banks/odd.toml beside it)."""
    (hostile_project.parent / "banks").mkdir()
    (hostile_project.parent / "banks" / "odd.toml").write_text(HOSTILE_BANK)
    text = hostile_project.read_text()
    hostile_project.write_text(text.replace("[project]\n", '[project]\nbanks = ["discovery", "odd"]\n', 1))
    return hostile_project


def _cli_cases(project: Path, tmp: Path) -> dict[str, list[list[str]]]:
    odd = "\x1b]0;PWNED\x07\x1b[2J"
    copy = tmp / "copy.toml"
    copy.write_bytes(project.read_bytes())
    return {
        "new": [["new", JOINED, "--client", JOINED, "--dir", str(tmp / "new")]],
        "check": [["check", str(project)], ["check", str(tmp / f"{odd}.toml")]],
        "banks": [
            ["banks", "--project", str(project)],
            ["banks", "--check", "--project", str(project)],
            ["banks", "--questions", "odd", "--project", str(project)],
        ],
        "plan": [["plan", str(project)], ["plan", "--mermaid", str(project)]],
        "example": [["example", str(tmp / odd)]],
        "backlog": [["backlog", "--format", "csv", "-o", str(tmp / "b.csv"), str(project)]],
        "questionnaire": [["questionnaire", "-o", str(tmp / "q.xlsx"), str(project)]],
        "import": [["import", str(project), str(tmp / f"{odd}.xlsx")]],
        "export": [["export", str(project), "--format", "md", "-o", str(tmp / "p.md")]],
        "milestone": [["milestone", "save", str(copy), JOINED], ["milestone", "list", str(copy)]],
        "followups": [["followups", str(project)], ["followups", "--format", "csv", str(project)]],
        "portfolio": [["portfolio", str(project.parent), "-o", str(tmp / "portfolio.docx")]],
        "merge": [["merge", str(project), str(copy), str(tmp / f"{odd}.toml"), odd]],
        "git-setup": [["git-setup"]],
        "gaps": [["gaps", str(project)]],
        "map": [["map", str(project)]],
    }


def test_every_cli_command_prints_file_text_without_escapes(
    hostile_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Titles, notes, bank text and paths with ESC sequences never reach the terminal raw."""
    from tests.helpers import run_cli
    from workbench.cli import COMMANDS

    work = tmp_path / "out"
    work.mkdir()
    monkeypatch.chdir(work)
    cases = _cli_cases(hostile_folder, work)
    assert set(cases) == set(COMMANDS) - {"open"}, "every command is tried"
    printed = ""
    for runs in cases.values():
        for args in runs:
            _, out, err = run_cli(args, capsys)
            for raw in ("\x1b", "\x07", "\x00", "\x9b", "\x7f", "\u202e"):
                assert raw not in out + err, f"`workbench {' '.join(args)}` printed {raw!r}"
            printed += out + err
    assert "␛" in printed and "[@click=app.quit]CLICKME[/]" in printed


async def test_the_palette_shows_question_text_literally_and_finds_it(hostile_folder: Path, make_app) -> None:
    """A bank question `[@click=app.quit]CLICKME[/]` is listed as written and can be found, and so
    can a text holding `[/]` (Matcher.highlight parsed them as markup)."""
    from textual.command import CommandList, CommandPalette

    from tests.helpers import until

    app = make_app(hostile_folder)

    def listed() -> list[str]:
        options = app.screen.query_one(CommandList).options
        return [str(getattr(option.prompt, "plain", option.prompt)) for option in options]

    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        cases = (("CLICKME", "[@click=app.quit]CLICKME[/]"), ("costs [/]", "costs [/] per month"))
        for query, expected in cases:
            app.action_command_palette()
            assert await until(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*query)
            assert await until(pilot, lambda e=expected: any(e in shown for shown in listed())), listed()
            hit = next(shown for shown in listed() if expected in shown)
            assert "Data [/] ␛[31marea" in hit, "the area is shown literally beneath"
            assert "\x1b" not in hit
            await pilot.click(CommandList, offset=(4, 0))
            await pilot.pause()
            assert app.is_running, "clicking a hit never runs an action written in the data"
            if isinstance(app.screen, CommandPalette):
                await pilot.press("escape")
            assert await until(pilot, lambda: not isinstance(app.screen, CommandPalette))
