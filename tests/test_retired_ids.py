"""A deleted record's id is retired: the file keeps it in `retired_ids`, and no new record takes
it, after a restart and after a merge too (#12 leftover: delete G-004, create a gap, and it was
G-004 again, while emails and diffs still meant the first one)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.helpers import ask_to_delete_gap, ready, run_cli, until
from tests.test_gap_dialog_keeps_choices import choose_area_by_typing
from tests.test_keyboard_model import burst
from workbench.edits.capture import RemoveMetric, Unhear
from workbench.edits.editor import Editor
from workbench.edits.gaps import DeleteGap, MergeGaps, RaiseGap
from workbench.edits.plan import DeletePlanItem
from workbench.store.files import ProjectFile
from workbench.store.merge3 import merge_data
from workbench.store.merge_text import merge_versions, read_version


def opened(path: Path) -> tuple[ProjectFile, Editor]:
    file = ProjectFile.load(path)
    return file, Editor(lambda: file.project)


def retired_in(path: Path) -> list[str]:
    return list(tomllib.loads(path.read_text()).get("retired_ids", []))


def test_a_deleted_gaps_id_is_not_given_again_after_reopening(example: Path) -> None:
    file, editor = opened(example)
    raised = RaiseGap("Manual rollback")
    editor.apply(raised)
    file.save()
    file, editor = opened(example)
    editor.apply(DeleteGap(raised.gap_id))
    file.save()
    assert retired_in(example) == ["G-011"]
    file, editor = opened(example)
    again = RaiseGap("No model registry")
    editor.apply(again)
    assert (raised.gap_id, again.gap_id) == ("G-011", "G-012")


def test_the_list_goes_at_the_top_and_the_hand_written_text_stays(example: Path) -> None:
    before = example.read_text()
    file, editor = opened(example)
    editor.apply(DeleteGap("G-010"))
    file.save()
    text = example.read_text()
    assert text.startswith(
        before.split("schema_version = 1\n")[0] + 'schema_version = 1\nretired_ids = ["G-010"]\n'
    )
    assert "# --- Gaps ---" in text and "# The churn model's leakage" in text
    editor.undo()
    file.save()
    assert example.read_text() == before, "undoing the delete takes the id off: the file is as it was"


def test_undo_takes_a_retirement_back_and_redo_makes_it_again(example: Path) -> None:
    file, editor = opened(example)
    editor.apply(DeleteGap("G-010"))
    assert file.project.retired_ids == ["G-010"]
    editor.undo()
    assert file.project.retired_ids == []
    editor.redo()
    assert file.project.retired_ids == ["G-010"]


def test_undoing_a_new_record_retires_nothing(example: Path) -> None:
    before = example.read_bytes()
    file, editor = opened(example)
    editor.apply(RaiseGap("Manual rollback"))
    editor.undo()
    file.save()
    assert file.project.retired_ids == []
    assert example.read_bytes() == before


def test_every_kind_of_delete_retires_its_id(example: Path) -> None:
    file, editor = opened(example)
    for edit in (Unhear("H-006"), RemoveMetric("M-005"), DeletePlanItem("P-1"), MergeGaps("G-001", "G-002")):
        assert editor.apply(edit), edit.name
    assert file.project.retired_ids == ["H-006", "M-005", "P-1", "G-002"]
    assert file.project.new_heard("discovery:model-deployment.pain.1", "").id == "H-007"
    assert file.project.new_metric(text="Lead time").id == "M-006"


def test_a_retired_id_written_by_hand_is_not_given(example: Path, capsys) -> None:
    text = example.read_text().replace(
        "schema_version = 1\n", 'schema_version = 1\nretired_ids = ["G-040"]\n'
    )
    example.write_text(text)
    assert run_cli(["check", str(example)], capsys)[0] == 0
    _file, editor = opened(example)
    raised = RaiseGap("Manual rollback")
    editor.apply(raised)
    assert raised.gap_id == "G-041"


def test_check_says_where_the_list_is_wrong(example: Path, capsys) -> None:
    text = example.read_text()
    example.write_text(
        text.replace("schema_version = 1\n", 'schema_version = 1\nretired_ids = ["G-040", 41]\n')
    )
    code, _out, err = run_cli(["check", str(example)], capsys)
    assert code == 1
    assert "line 4, column 25, retired_ids[1]: must be text in quotes (found 41)" in err
    example.write_text(text.replace("schema_version = 1\n", 'schema_version = 1\nretired_ids = "G-040"\n'))
    code, _out, err = run_cli(["check", str(example)], capsys)
    assert code == 1
    assert "line 4, column 15, retired_ids: must be a list in square brackets" in err


def test_a_merge_keeps_both_sides_retirements(example: Path, tmp_path: Path) -> None:
    base = example.read_bytes()
    sides = []
    for gap in ("G-010", "G-009"):
        file, editor = opened(example)
        editor.apply(DeleteGap(gap))
        file.save()
        sides.append(example.read_bytes())
        example.write_bytes(base)
    ours, theirs = (read_version("example.toml", side) for side in sides)
    merged = merge_versions(read_version("example.toml", base), ours, theirs)
    assert merged.conflicts == []
    assert 'schema_version = 1\nretired_ids = ["G-010", "G-009"]\n' in merged.text
    example.write_text(merged.text)
    file, editor = opened(example)
    raised = RaiseGap("Manual rollback")
    editor.apply(raised)
    assert raised.gap_id == "G-011"
    assert file.project.retired_ids == ["G-010", "G-009"]


def test_a_merge_drops_a_retirement_whose_record_came_back() -> None:
    """Theirs undid the delete of G-1 after saving (the gap is back); ours deleted G-2."""
    base = {"retired_ids": ["G-1"], "project": {"name": "x"}, "gaps": [{"id": "G-2", "title": "b"}]}
    ours = {"retired_ids": ["G-1", "G-2"], "project": {"name": "x"}}
    theirs = {"project": {"name": "x"}, "gaps": [{"id": "G-1", "title": "a"}, {"id": "G-2", "title": "b"}]}
    merged = merge_data(base, ours, theirs)
    assert merged.conflicts == []
    assert merged.data["retired_ids"] == ["G-2"]
    assert merged.data["gaps"] == [{"id": "G-1", "title": "a"}]


async def test_deleting_a_gap_in_the_app_retires_its_id_in_the_saved_file(example: Path, make_app) -> None:
    """Raise a gap in Gaps (n), delete it, save, quit; the next run's new gap takes the next id."""

    async def new_gap(pilot) -> str:
        gaps = pilot.app.workspace.project.gaps
        await burst(pilot, "f3")
        await burst(pilot, "n")
        await choose_area_by_typing(pilot)  # a title and an area
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: len(gaps) == 11)
        return str(gaps[-1].id)

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        first = await new_gap(pilot)
        await ask_to_delete_gap(pilot, first)
        await pilot.click("#yes")
        assert await until(pilot, lambda: app.workspace.project.gap(first) is None)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: retired_in(example) == [first])
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        second = await new_gap(pilot)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: len(tomllib.loads(example.read_text())["gaps"]) == 11)
    saved = tomllib.loads(example.read_text())
    assert (first, second) == ("G-m1-01", "G-m1-02")
    assert [g["id"] for g in saved["gaps"]][-1] == "G-m1-02"
    assert saved["retired_ids"] == ["G-m1-01"]
