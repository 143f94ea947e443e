"""Follow-ups: gathered from answers and next steps, grouped by person, closed on the right question."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.helpers import run_cli
from workbench.analysis.followups import UNASSIGNED, answer_key, by_person, follow_ups, known_people
from workbench.banks import load_catalogue
from workbench.edits import Editor, EditRefused
from workbench.edits.followups import AssignFollowUp, CloseFollowUp, ReopenFollowUp
from workbench.model.project import Project
from workbench.store.files import ProjectFile

MEI_QUESTION = "discovery:platform-evaluation.evaluation.1"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(args, capsys)


def edit(project: Project) -> Editor:
    return Editor(lambda: project)


def test_items_come_from_follow_ups_open_questions_and_next_steps(example: Path) -> None:
    project = ProjectFile.load(example).project
    items = follow_ups(project, load_catalogue(example))
    kinds = {(i.kind, i.person, i.done) for i in items}
    assert ("follow-up", "Mei Chen (Platform engineer)", False) in kinds
    assert ("open-question", UNASSIGNED, False) in kinds
    assert ("next-step", "Sam Okafor", True) in kinds
    groups = by_person(items)
    assert groups[-1][0] == UNASSIGNED
    sam = dict(groups)["Sam Okafor"]
    assert [i.done for i in sam] == [False, True]  # open first


def test_one_person_is_one_group_whether_or_not_the_role_is_written(example: Path) -> None:
    project = ProjectFile.load(example).project
    project.next_steps[0].owner = "mei chen"  # a next step for the platform engineer, typed by hand
    groups = dict(by_person(follow_ups(project, load_catalogue(example))))
    assert "mei chen" not in groups
    assert {i.kind for i in groups["Mei Chen (Platform engineer)"]} == {"follow-up", "next-step"}


def test_closing_records_the_answer_on_the_right_question(example: Path) -> None:
    file = ProjectFile.load(example)
    key = answer_key(MEI_QUESTION, "ml-1")
    editor = edit(file.project)
    editor.apply(CloseFollowUp(key, "Missing: a registry and a feature store.", about="capabilities"))
    assert editor.history.undo_name == "close follow-up 'capabilities'"
    file.save()
    data = tomllib.loads(example.read_text())
    (answer,) = [a for a in data["answers"] if a["question"] == MEI_QUESTION and a["session"] == "ml-1"]
    assert answer["status"] == "answered"
    assert answer["notes"] == "Missing: a registry and a feature store."
    assert answer["follow_up_with"] == "Mei Chen (Platform engineer)"  # who it was followed up with stays
    item = next(i for i in follow_ups(file.project, load_catalogue(example)) if i.key == key)
    assert item.done
    editor.apply(ReopenFollowUp(key))
    assert file.project.answer(MEI_QUESTION, "ml-1").status == "follow-up"  # type: ignore[union-attr]


def test_assign_and_close_a_next_step(example: Path) -> None:
    file = ProjectFile.load(example)
    editor = edit(file.project)
    editor.apply(AssignFollowUp("step:N-2", "Dana", dt.date(2026, 12, 10)))
    editor.apply(CloseFollowUp("step:N-2"))
    file.save()
    (step,) = [s for s in tomllib.loads(example.read_text())["next_steps"] if s["id"] == "N-2"]
    assert (step["owner"], step["due"], step["done"]) == ("Dana", dt.date(2026, 12, 10), True)


def test_known_people_are_the_attendees_then_owners_once_each(example: Path) -> None:
    project = ProjectFile.load(example).project
    project.next_steps[0].owner = "Zoe Outsider"
    people = known_people(project)
    assert people[:7] == [
        "Dana Whitfield (CFO)",
        "Luis Ortega (VP Digital)",
        "Priya Raman (Lead data scientist)",
        "Tom Becker (Data scientist)",
        "Aisha Noor (Analytics engineer)",
        "Jonas Varga (ML engineer)",
        "Mei Chen (Platform engineer)",
    ]
    assert people[7:] == ["Sam Okafor", "Zoe Outsider"]  # not attendees: the facilitator, an owner


def test_unknown_key_is_refused(example: Path) -> None:
    project = ProjectFile.load(example).project
    for key, words in (
        ("step:N-99", "there is no next step N-99"),
        ("answer:nope@ml-1", "there is no answer to nope in session ml-1"),
        ("gap:G-001", "is not a follow-up"),
    ):
        with pytest.raises(EditRefused, match=words):
            edit(project).apply(CloseFollowUp(key))


def test_assigning_an_unchanged_owner_writes_nothing(example: Path) -> None:
    file = ProjectFile.load(example)
    editor = edit(file.project)
    assert not editor.apply(AssignFollowUp(answer_key(MEI_QUESTION, "ml-1"), "Mei Chen (Platform engineer)"))
    assert file.save() is False


def test_cli_agenda_markdown_groups_by_person(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["followups", str(example)], capsys)
    assert (code, err) == (0, "")
    assert "## Mei Chen (Platform engineer) (1 open)" in out
    assert (
        "- Follow up: What capabilities are missing from your current platform? "
        "(Platform Evaluation & Migration; session ml-1). Note: Wants a written capability list"
    ) in out
    assert "Schedule the feature-pipeline deep-dive" not in out  # done: not on the agenda
    assert out.index("## Unassigned") > out.index("## Sam Okafor")


def test_cli_agenda_csv_with_done_items(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["followups", str(example), "--format", "csv", "--all"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["state"] for r in rows} == {"open", "done"}
    mei = next(r for r in rows if r["person"].startswith("Mei"))
    assert mei["question"] == "What capabilities are missing from your current platform?"
    assert mei["key"] == answer_key(MEI_QUESTION, "ml-1")


def test_cli_bad_file_and_bad_format(
    tmp_path: Path, example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\n[project]\nname = 3\n")
    code, _, err = run(["followups", str(bad)], capsys)
    assert code == 1 and "project.name" in err
    assert run(["followups", str(example), "--format", "xls"], capsys)[0] == 2


def test_control_characters_do_not_reach_the_terminal(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = ProjectFile.load(example)
    edit(file.project).apply(AssignFollowUp("step:N-1", "Evil\x1b[31m", TODAY))
    file.save()
    for fmt in ("md", "csv"):
        _, out, _ = run(["followups", str(example), "--format", fmt], capsys)
        assert "\x1b" not in out
