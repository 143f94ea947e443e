"""The autosave's snapshot reuses unchanged records' dumps, and always equals project_to_data."""

from __future__ import annotations

from pathlib import Path

from workbench.edits import Editor
from workbench.edits.answers import SetAnswer
from workbench.edits.gaps import AttachEvidence, DeleteGap, MoveGap
from workbench.edits.sessions import EditSession
from workbench.edits.snapshot import ProjectData
from workbench.model.records import Attendee
from workbench.store.files import load_project
from workbench.store.serialize import project_to_data

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-2"


def test_every_kind_of_change_is_in_the_next_snapshot(example: Path) -> None:
    project = load_project(example)
    editor = Editor(lambda: project)
    snapshot = ProjectData()
    editor.listeners.append(lambda changed: snapshot.forget(project, changed.touched))
    assert snapshot(project) == project_to_data(project)
    steps = [
        lambda: editor.apply(SetAnswer(QUESTION, "ml-1", {"notes": "typed"})),
        lambda: editor.apply(SetAnswer(QUESTION, "ml-1", {"notes": "typed more"})),
        lambda: editor.apply(MoveGap("G-006", impact_delta=1)),
        lambda: editor.apply(AttachEvidence("G-006", QUESTION)),
        lambda: editor.apply(EditSession("ml-1", {"attendees": [Attendee(name="Ana", role="ML lead")]})),
        lambda: editor.apply(DeleteGap("G-001")),
        editor.undo,
        editor.undo,
        editor.redo,
        lambda: setattr(project.sessions[0], "elapsed_seconds", project.sessions[0].elapsed_seconds + 5),
        lambda: editor.apply(SetAnswer(QUESTION, "ml-1", {"notes": "typed more and more"})),
        lambda: editor.apply(SetAnswer(QUESTION, "ml-1", {"notes": ""})),
    ]
    for step in steps:
        step()
        assert snapshot(project) == project_to_data(project)


def test_an_unchanged_record_is_not_dumped_again(example: Path) -> None:
    project = load_project(example)
    snapshot = ProjectData()
    first = snapshot(project)
    editor = Editor(lambda: project)
    editor.listeners.append(lambda changed: snapshot.forget(project, changed.touched))
    assert editor.apply(MoveGap(project.gaps[0].id, impact_delta=1 if project.gaps[0].impact < 5 else -1))
    second = snapshot(project)
    assert second["answers"][0] is first["answers"][0]
    assert second["gaps"][0] is not first["gaps"][0] and second["gaps"][0] == project_to_data(project)["gaps"][0]


def test_a_list_no_edit_touched_is_not_walked_again(example: Path) -> None:
    """#13 typing budget: the snapshot before each journal write dumped every answer's place in
    its list again; a list no edit touched is now the same list."""
    project = load_project(example)
    snapshot = ProjectData()
    editor = Editor(lambda: project)
    editor.listeners.append(lambda changed: snapshot.forget(project, changed.touched))
    first = snapshot(project)
    assert editor.apply(MoveGap(project.gaps[0].id, impact_delta=1 if project.gaps[0].impact < 5 else -1))
    second = snapshot(project)
    assert second["answers"] is first["answers"] and second["gaps"] is not first["gaps"]
    assert second == project_to_data(project)
