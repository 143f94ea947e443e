"""Milestones: saved inside the project file without disturbing it, listed, compared."""

from __future__ import annotations

import datetime as dt
import re
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TODAY
from tests.helpers import run_cli
from workbench.analysis.milestones import MilestoneProblem, compare, find_milestone, snapshot
from workbench.banks import load_catalogue
from workbench.edits import Editor, EditRefused
from workbench.edits.milestones import SaveMilestone
from workbench.export.markdown_writer import render_markdown
from workbench.export.progress_section import progress_blocks, progress_section
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.store.files import ProjectFile


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(args, capsys)


def save_milestone(project: Project, catalogue: Catalogue, name: str, today: dt.date) -> None:
    Editor(lambda: project).apply(SaveMilestone(name, catalogue, today))


def test_save_appends_a_compact_table_and_keeps_the_file(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = example.read_text()
    code, out, err = run(["milestone", "save", str(example), "baseline", "--date", "2026-11-20"], capsys)
    assert (code, err) == (0, "")
    assert "saved milestone 'baseline' (2026-11-20)" in out
    after = example.read_text()
    assert after.startswith(before)  # every line a person wrote is where it was
    data = tomllib.loads(after)
    (milestone,) = data["milestones"]
    assert milestone["name"] == "baseline" and milestone["date"] == dt.date(2026, 11, 20)
    assert {g["id"]: g["quadrant"] for g in milestone["gaps"]}["G-001"] == "strategic"
    assert "G-001 ds.cicd-for-ml" in milestone["mappings"]
    assert len(after) - len(before) < 5000  # what is needed to compare, not a copy
    file = ProjectFile.load(example)
    assert file.save() is False  # unchanged: nothing to write
    file.project.project.name = file.project.project.name  # a no-op edit
    file.save(force=True)
    assert example.read_text() == after  # round-trips byte-identical


def test_an_unchanged_project_with_milestones_saves_byte_identical(example: Path) -> None:
    catalogue = load_catalogue(example)
    file = ProjectFile.load(example)
    save_milestone(file.project, catalogue, "one", TODAY)
    save_milestone(file.project, catalogue, "two", TODAY)
    file.save()
    written = example.read_bytes()
    again = ProjectFile.load(example)
    again.project.gaps[0].impact = again.project.gaps[0].impact
    again.save(force=True)
    assert example.read_bytes() == written
    assert [m.name for m in again.project.milestones] == ["one", "two"]


def test_a_used_or_empty_name_is_refused(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A name already used is a refused overwrite, a finding (exit 1, the README's table); an
    empty name or `now` is a command line that is wrong (exit 2)."""
    assert run(["milestone", "save", str(example), "baseline"], capsys)[0] == 0
    saved = example.read_bytes()
    code, _, err = run(["milestone", "save", str(example), "baseline"], capsys)
    assert code == 1
    assert "already a milestone called 'baseline'; choose another name" in err
    assert run(["milestone", "save", str(example), "  "], capsys)[0] == 2
    assert run(["milestone", "save", str(example), "now"], capsys)[0] == 2
    assert example.read_bytes() == saved


def test_unknown_milestone_is_a_usage_error_naming_the_known_ones(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["milestone", "diff", str(example)], capsys)
    assert code == 1 and "has no milestones to compare" in err  # the command line is right
    run(["milestone", "save", str(example), "baseline"], capsys)
    code, out, err = run(["milestone", "diff", str(example), "basline"], capsys)
    assert code == 2
    assert (
        err.strip() == f"workbench: {example}: there is no milestone 'basline'; the milestones, oldest first, are: baseline"
    )
    assert "Traceback" not in out + err


def test_unreadable_file_exits_1_and_is_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\n[project\n")
    code, _, err = run(["milestone", "save", str(broken), "baseline"], capsys)
    assert code == 1 and "line 2" in err
    assert broken.read_text() == "schema_version = 1\n[project\n"
    assert run(["milestone", "list", str(tmp_path / "missing.toml")], capsys)[0] == 1


@pytest.mark.parametrize(
    ("command", "code", "says"),
    [
        (["milestone", "list", "{missing}"], 1, "no such file"),
        (["milestone", "save", "{folder}", "baseline"], 1, "is a folder"),
        (["milestone", "diff", "{broken}"], 1, "line 2, column 9"),
        (["milestone", "list", "{newer}"], 1, "newer workbench"),
        (["milestone", "diff", "{example}", "baseline"], 2, "there is no milestone 'baseline'"),
        (["followups", "{missing}"], 1, "no such file"),
        (["followups", "{folder}"], 1, "is a folder"),
        (["followups", "{broken}"], 1, "line 2, column 9"),
        (["followups", "{newer}"], 1, "newer workbench"),
        (["followups", "{example}", "--format", "xlsx"], 2, "invalid choice"),
        (["portfolio", "{missing}"], 1, "no such folder"),
        (["portfolio", "{example}"], 1, "is a file, not a folder"),
        (["portfolio", "{folder}"], 1, "skipped"),
        (["portfolio", "{folder}", "-o", "{folder}/r.txt"], 2, ".docx or .md"),
    ],
)
def test_every_error_path_has_the_readme_exit_code(
    example: Path, tmp_path: Path, command: list[str], code: int, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's table: 1 for a file or folder that cannot be used (missing, broken, newer
    schema, a folder given for a file or the other way round, a project skipped); 2 for a
    command line that is wrong (an unknown milestone name, a format or output type not written)."""
    folder = tmp_path / "projects"
    folder.mkdir()
    (folder / "broken.toml").write_text("schema_version = 1\n[project\n")
    (folder / "newer.toml").write_text('schema_version = 9\n[project]\nname = "Later"\n')
    places = {
        "missing": tmp_path / "missing.toml",
        "folder": folder,
        "broken": folder / "broken.toml",
        "newer": folder / "newer.toml",
        "example": example,
    }
    args = [part.format(**places) for part in command]
    got, out, err = run(args, capsys)
    assert (got, says in err) == (code, True), err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("pattern", "replacement", "says"),
    [
        (r"current = [\d.]+", "current = 7.0", "milestones[0].maturity[0].current: must be a number from 1 to 5"),
        (r'quadrant = "[a-z-]+"', 'quadrant = "quick win"', "milestones[0].gaps[0].quadrant: must be"),
        (r'status = "[a-z-]+"', 'status = "done"', "milestones[0].gaps[0].status: must be"),
        (r"answers = \d+", "answers = -3", "milestones[0].answers: must be 0 or more"),
        (r'"G-001 ds.cicd-for-ml"', '"G-001"', "milestones[0].mappings: 'G-001' should be a gap id and a practice id"),
        (r'"G-001 ds.cicd-for-ml"', '"G-001 ds.no-such"', "milestones[0].mappings[1]: unknown practice 'ds.no-such'"),
        (r'area = "feature-engineering"', 'area = "no-such"', "milestones[0].maturity[0].area: unknown area 'no-such'"),
        (r'name = "baseline"', 'name = "now"', "milestones[0].name: 'now' stands for the current state"),
        (r'name = "baseline"', 'name = " "', "milestones[0].name: a milestone needs a name"),
    ],
)
def test_check_validates_hand_edited_milestone_values(
    example: Path, pattern: str, replacement: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["milestone", "save", str(example), "baseline"], capsys)[0] == 0
    head, milestones = example.read_text().split("[[milestones]]", 1)
    example.write_text(head + "[[milestones]]" + re.sub(pattern, replacement, milestones, count=1))
    code, _, err = run(["check", str(example)], capsys)
    assert code == 1, err
    assert says in err and "Traceback" not in err


def test_check_reports_every_milestone_problem_each_at_its_line(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two values out of range and two names that do not exist, in one milestone edited by hand:
    one run of `check` names all four, each with its field path and the line it is on."""
    assert run(["milestone", "save", str(example), "baseline"], capsys)[0] == 0
    head, milestone = example.read_text().split("[[milestones]]", 1)
    milestone = re.sub(r"current = [\d.]+", "current = 7.0", milestone, count=1)
    milestone = re.sub(r'quadrant = "[a-z-]+"', 'quadrant = "big"', milestone, count=1)
    milestone = milestone.replace('{area = "model-training"', '{area = "no-such-area"', 1)
    milestone = milestone.replace('"G-001 ds.cicd-for-ml"', '"G-001 ds.no-such"', 1)
    example.write_text(head + "[[milestones]]" + milestone)
    lines = example.read_text().splitlines()

    def line_of(text: str) -> int:
        return next(n for n, line in enumerate(lines, start=1) if text in line)

    QUOTE = '"'

    def column_of(text: str) -> int:  # u6: the column of the value that is wrong
        return lines[line_of(text) - 1].index(text) + 1

    quadrant_line = line_of('quadrant = "big"')
    code, _, err = run(["check", str(example)], capsys)
    assert code == 1
    assert err.splitlines() == [
        f"workbench: {example}, line {line_of('current = 7.0')}, column {column_of('7.0')}, "
        "milestones[0].maturity[0].current: must be a number from 1 to 5 (found 7.0); write one from 1 to 5",
        f"workbench: {example}, line {line_of('no-such-area')}, column {column_of(QUOTE + 'no-such-area')}, "
        "milestones[0].maturity[1].area: unknown area 'no-such-area': no bank has this id; write an id "
        "that `workbench banks --ids areas` lists, or remove this area's line",
        f"workbench: {example}, line {quadrant_line}, column {column_of(QUOTE + 'big')}, milestones[0].gaps[0].quadrant: "
        "must be '', 'quick-win', 'strategic', 'fill-in' or 'deprioritise' (found \"big\"); write one of these",
        f"workbench: {example}, line {line_of('ds.no-such')}, column {column_of(QUOTE + 'G-001 ds.no-such')}, milestones[0].mappings[1]: "
        "unknown practice 'ds.no-such': no guide has this id; write an id that `workbench banks --ids "
        "practices` lists, or remove this pair",
    ]


def test_diff_reports_maturity_gaps_opened_closed_moved_and_pilots_done(example: Path) -> None:
    catalogue = load_catalogue(example)
    project = ProjectFile.load(example).project
    save_milestone(project, catalogue, "baseline", TODAY)
    project.gap("G-003").status = "closed"  # type: ignore[union-attr]
    project.move_gap("G-006", impact_delta=+2)  # fill-in → quick win
    project.raise_gap("Nobody owns the feature store", area="feature-engineering", impact=5, complexity=1)
    project.pilots[0].done = True
    answer = next(a for a in project.answers if a.current == 1)
    answer.current = 3
    diff = compare(
        find_milestone(project, catalogue, "baseline", TODAY),
        snapshot(project, catalogue, "now", TODAY),
        catalogue,
    )
    assert [(c.id, c.before, c.after) for c in diff.closed] == [("G-003", "quick-win", "")]
    assert [(c.id, c.before, c.after) for c in diff.moved] == [("G-006", "fill-in", "quick-win")]
    assert [(c.id, c.after) for c in diff.opened] == [("G-011", "quick-win")]
    assert [p.id for p in diff.pilots_done] == ["P-1"]
    area = catalogue.questions[answer.question].area
    change = next(a for a in diff.areas if a.area == area)
    assert change.delta is not None and change.delta > 0
    text = render_markdown(progress_blocks(diff))
    assert "## Progress since baseline (24 Nov 2026)" in text
    assert "- G-006 No data-quality checks at ingestion: Fill-in → Quick win" in text
    assert "### Pilots done" in text


def test_diff_between_two_named_milestones_from_the_command_line(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["milestone", "save", str(example), "first"], capsys)
    file = ProjectFile.load(example)
    file.project.remove_gap("G-002")
    file.save()
    run(["milestone", "save", str(example), "second"], capsys)
    code, out, _ = run(["milestone", "diff", str(example), "first", "second"], capsys)
    assert code == 0
    assert "### Gaps closed\n\n- G-002 No model performance or drift monitoring (was Quick win)" in out
    code, out, _ = run(["milestone", "list", str(example)], capsys)
    assert [line.split()[1] for line in out.splitlines()] == ["first:", "second:"]


def test_proposal_progress_section_is_empty_without_milestones(example: Path) -> None:
    catalogue = load_catalogue(example)
    project = ProjectFile.load(example).project
    assert progress_section(project, catalogue, TODAY) == []
    save_milestone(project, catalogue, "baseline", TODAY)
    assert "Nothing changed" in render_markdown(progress_section(project, catalogue, TODAY))


def test_duplicate_milestone_names_in_a_file_are_a_clear_error(example: Path) -> None:
    text = example.read_text() + '\n[[milestones]]\nname = "a"\ndate = 2026-11-01\n' * 2
    example.write_text(text)
    with pytest.raises(Exception, match=r'milestones\[1\]\.name: "a" is used twice'):
        ProjectFile.load(example)


def test_one_hundred_milestones_stay_fast(example: Path) -> None:
    catalogue = load_catalogue(example)
    file = ProjectFile.load(example)
    for n in range(100):
        save_milestone(file.project, catalogue, f"m{n}", TODAY)
    file.save()
    started = time.perf_counter()
    again = ProjectFile.load(example)
    diff = compare(
        find_milestone(again.project, catalogue, "m0", TODAY),
        find_milestone(again.project, catalogue, "now", TODAY),
        catalogue,
    )
    assert diff.unchanged and len(again.project.milestones) == 100
    assert time.perf_counter() - started < 5  # generous: the figure itself is in bench/


def test_find_milestone_without_any(example: Path) -> None:
    project = ProjectFile.load(example).project
    with pytest.raises(MilestoneProblem, match="none has been saved yet"):
        find_milestone(project, load_catalogue(example), "x", TODAY)


def test_exported_proposal_has_a_progress_section(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["milestone", "save", str(example), "baseline"], capsys)
    file = ProjectFile.load(example)
    file.project.gap("G-003").status = "closed"  # type: ignore[union-attr]
    file.save()
    out = example.parent / "p.md"
    assert run(["export", str(example), "--format", "md", "-o", str(out)], capsys)[0] == 0
    text = out.read_text()
    assert "## Progress since baseline (" in text
    assert "- Experiments are not reproducible (was Quick win)" in text  # no ids without --ids
    assert text.index("## Progress") < text.index("## Context and approach")


def test_save_milestone_is_an_undoable_edit_and_refuses_a_used_name(example: Path) -> None:
    catalogue = load_catalogue(example)
    file = ProjectFile.load(example)
    editor = Editor(lambda: file.project)
    assert editor.apply(SaveMilestone("baseline", catalogue, TODAY))
    assert editor.history.undo_name == "save milestone 'baseline'" and editor.unsaved
    with pytest.raises(EditRefused, match="already a milestone called 'baseline'"):
        editor.apply(SaveMilestone(" baseline ", catalogue, TODAY))
    assert editor.undo() == "save milestone 'baseline'"
    assert file.project.milestones == []
    assert file.save() is False  # undone: the file stays as it was


def test_milestones_are_listed_and_compared_by_date_not_save_order(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["milestone", "save", str(example), "mid", "--date", "2026-11-15"], capsys)[0] == 0
    assert run_cli(["milestone", "save", str(example), "old", "--date", "2026-09-01"], capsys)[0] == 0
    code, out, _ = run_cli(["milestone", "list", str(example)], capsys)
    assert code == 0
    assert out.index("old") < out.index("mid")
    code, out, _ = run_cli(["milestone", "diff", str(example)], capsys)
    assert code == 0 and "mid" in out and "old" not in out


async def test_a_milestone_is_saved_from_the_palette_and_a_used_name_refused(example: Path, make_app) -> None:
    """A name already used keeps the dialog open with the name as typed and one sentence saying
    why; changing the name then saves it."""
    from textual.command import CommandList
    from textual.widgets import Static

    from tests.helpers import ready, until
    from workbench.ui.modals.text_modal import TextModal
    from workbench.ui.widgets.real_text import RealInput

    async def open_dialog(pilot: Any) -> TextModal:
        await pilot.press("ctrl+p")
        await pilot.press(*"save a milestone")
        assert await until(
            pilot,
            lambda: any(
                "Save a milestone" in str(o.prompt) for o in pilot.app.screen.query_one(CommandList).options
            ),
        )
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(pilot.app.screen, TextModal))
        return pilot.app.screen  # type: ignore[no-any-return]

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_dialog(pilot)
        await pilot.press(*"after pilots", "enter")
        assert await until(pilot, lambda: not isinstance(pilot.app.screen, TextModal))
        assert await until(pilot, lambda: [m.name for m in app.workspace.project.milestones] == ["after pilots"])
        dialog = await open_dialog(pilot)
        await pilot.press(*"after pilots", "enter")
        refused = dialog.query_one("#text-refused", Static)
        assert await until(pilot, lambda: refused.display)
        assert str(refused.render()) == "There is already a milestone called 'after pilots'; choose another name."
        assert app.screen is dialog  # still open
        assert dialog.query_one("#milestone-name", RealInput).value == "after pilots"  # as typed
        await pilot.press(*" 2", "enter")
        assert await until(pilot, lambda: not isinstance(pilot.app.screen, TextModal))
        names = [m.name for m in app.workspace.project.milestones]
        assert await until(pilot, lambda: len(app.workspace.project.milestones) == 2), names
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert [m["name"] for m in tomllib.loads(example.read_text())["milestones"]] == ["after pilots", "after pilots 2"]
    assert all(m["date"] == TODAY for m in tomllib.loads(example.read_text())["milestones"])


async def test_the_compare_heading_is_drawn_once(example: Path, make_app) -> None:
    """Gaps → Maturity, compared with a milestone: the choice names it with its date, and the
    chart under it does not say it again."""
    from textual.widgets import Select, Static

    from tests.helpers import ready, until

    file = ProjectFile.load(example)
    save_milestone(file.project, load_catalogue(example), "baseline", dt.date(2026, 11, 10))
    file.save()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#gaps-side").active = "gaps-maturity"
        choice = app.screen.query_one("#maturity-since", Select)
        assert await until(pilot, lambda: choice.display)
        choice.value = "baseline"
        chart = app.screen.query_one("#maturity-chart", Static)
        assert await until(pilot, lambda: " then" in str(chart.render()))
        shown = app.screen.query_one("#maturity-since SelectCurrent Static#label", Static)
        assert str(shown.render()) == "Since baseline (10 Nov 2026)"
        assert "baseline" not in str(chart.render())


def _with_milestones(example: Path) -> None:
    """`early` on 10 Nov; then P-1 done, a practice accepted, `today` saved on the export's day."""
    catalogue = load_catalogue(example)
    file = ProjectFile.load(example)
    save_milestone(file.project, catalogue, "early", dt.date(2026, 11, 10))
    file.project.pilot("P-1").done = True  # type: ignore[union-attr]
    file.project.decide_mapping("G-003", "tv.model-registry", "accepted")
    save_milestone(file.project, catalogue, "same day", TODAY)
    file.save()


def test_the_proposals_progress_names_things_for_the_client(example: Path) -> None:
    """#17 fresh-eyes 4: titles, not ids; practices by their title; since the latest milestone
    saved before the day of the export (one saved just before exporting would leave it empty), or
    the one asked for; and a done pilot is reported, no longer proposed."""
    from tests.test_proposal import export

    _with_milestones(example)
    text = export(example, fmt="md").read_text()
    progress = text[text.index("## Progress") : text.index("## Context and approach")]
    assert progress.startswith("## Progress since early (10 Nov 2026)")
    assert "- Experiment tracking and pinned environments" in progress  # pilot done, by title
    assert "→ Use a model registry with aliases and approval tags" in progress
    assert "tv.model-registry" not in progress and "P-1" not in progress and "G-003" not in progress
    summary = text[text.index("## Executive summary") : text.index("## Progress")]
    assert "Experiment tracking and pinned environments" not in summary
    assert re.search(r"\b6 pilots\b", summary), summary
    with_ids = export(example, fmt="md", ids=True, since="same day").read_text()
    assert "## Progress since same day (" in with_ids


def test_milestone_names_dates_and_order_are_checked(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#17 fresh-eyes 10."""
    code, _, err = run(["milestone", "save", str(example), "future", "--date", "2999-01-01"], capsys)
    assert code == 2 and "is after today" in err
    assert run(["milestone", "save", str(example), "NOW"], capsys)[0] == 2
    assert run(["milestone", "save", str(example), "Baseline", "--date", "2026-11-01"], capsys)[0] == 0
    assert run(["milestone", "save", str(example), "jan"], capsys)[0] == 0
    code, out, _ = run(["milestone", "diff", str(example), "baseline"], capsys)
    assert code == 0 and out.startswith("## Progress since Baseline (")  # names without their case
    code, _, err = run(["milestone", "diff", str(example), "nope"], capsys)
    assert "oldest first, are: Baseline, jan" in err
    code, out, _ = run(["milestone", "diff", str(example), "now", "Baseline"], capsys)
    assert code == 0 and out.startswith("## Progress since Baseline (01 Nov 2026)")
    code, out, _ = run(["milestone", "diff", str(example), "jan", "Baseline"], capsys)
    assert out.startswith("## Progress: Baseline (01 Nov 2026) → jan (")
    assert "| Area | Baseline | jan | Change | Target (Baseline) | Target (jan) |" in out
