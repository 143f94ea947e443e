"""An id is never given out twice in a project (#12, walkthrough w14a): a gap merged away is
still named ("Merged from G-m1-03"), and the next gap goes past it, also after a restart."""

from __future__ import annotations

from pathlib import Path

from workbench.edits.answers import SetAnswer
from workbench.edits.editor import Editor
from workbench.edits.gaps import MergeGaps, RaiseGap
from workbench.model.project import Project, ProjectInfo
from workbench.store.files import ProjectFile


def test_a_gap_merged_away_keeps_its_id_from_the_next_gap(example: Path) -> None:
    project = ProjectFile.load(example).project
    editor = Editor(lambda: project)
    first, second = RaiseGap("Manual deploys", session="ml-1"), RaiseGap("Manual rollback", session="ml-1")
    editor.apply(first)
    editor.apply(second)
    editor.apply(MergeGaps(first.gap_id, second.gap_id))
    assert project.gap(second.gap_id) is None
    third = RaiseGap("No model registry", session="ml-1")
    editor.apply(third)
    assert third.gap_id not in (first.gap_id, second.gap_id)
    assert third.gap_id > second.gap_id


def test_ids_named_in_any_text_are_not_given_again() -> None:
    project = Project(project=ProjectInfo(name="Acme"))
    project.raise_gap("Kept", description="Merged from G-007: an old gap")
    assert project.raise_gap("Next").id == "G-008"
    project.add_plan_item("Pilot the registry", objective="after P-4 was dropped")
    assert project.add_plan_item("Another").id == "P-5"
    project.add_next_step("Ask Tom", owner="N-2 was done in March")
    assert project.add_next_step("Ask Ann").id == "N-3"


def test_text_typed_after_the_first_new_id_still_counts(example: Path) -> None:
    """The ids named are read once, at the first new id, and kept up to date from the edits:
    a note typed afterwards that names G-040 sends the next gap past it."""
    project = ProjectFile.load(example).project
    editor = Editor(lambda: project)
    first = RaiseGap("Manual deploys")
    editor.apply(first)
    assert first.gap_id == "G-011"
    answer = project.answers[0]
    editor.apply(SetAnswer(answer.question, answer.session, {"notes": "Rollback is G-040's job now"}))
    second = RaiseGap("Manual rollback")
    editor.apply(second)
    assert second.gap_id == "G-041"


def test_a_record_made_and_undone_keeps_its_id_for_the_rest_of_the_run(example: Path) -> None:
    """A notice said 'raised G-011': after undo, the next gap is G-012, not a second G-011."""
    project = ProjectFile.load(example).project
    editor = Editor(lambda: project)
    first = RaiseGap("Manual deploys")
    editor.apply(first)
    editor.undo()
    second = RaiseGap("Manual rollback")
    editor.apply(second)
    assert (first.gap_id, second.gap_id) == ("G-011", "G-012")
