"""Saving without loss: round trips, comments, minimal diffs, atomic writes, refusals."""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.typed_text import typed_text
from workbench.model.project import Project
from workbench.problems import FileProblem
from workbench.store.atomic import SaveFailed
from workbench.store.files import ChangedOnDisk, ProjectFile, load_project

QUESTION = "discovery:feature-engineering.current.data-sources-integration-4"


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_unchanged_project_saves_byte_identical(example: Path) -> None:
    before = example.read_bytes()
    file = ProjectFile.load(example)
    assert file.save() is False
    assert example.read_bytes() == before
    assert not example.with_name("example.toml.bak").exists()


def test_one_changed_answer_changes_only_its_lines(example: Path) -> None:
    before = example.read_text()
    file = ProjectFile.load(example)
    file.project.set_answer(QUESTION, "data-1", current=2)
    assert file.save()
    diff = changed_lines(before, example.read_text())
    assert diff == ["-current = 1", "+current = 2"]


def test_comments_and_formatting_survive_edits(example: Path) -> None:
    file = ProjectFile.load(example)
    file.project.raise_gap("New gap", "model-training", impact=4)
    file.project.remove_plan_item("D-1")
    file.project.set_answer(QUESTION, "data-1", notes="multi\nline")
    file.save()
    text = example.read_text()
    assert text.startswith("# Harbour & Pine Retail: MLOps discovery (fictional example engagement).")
    assert "# --- Pain indicators heard ---" in text
    assert 'attendees = [\n    { name = "Dana Whitfield", role = "CFO" },' in text
    assert 'notes = """multi\nline"""' in text
    reread = load_project(example)
    assert reread.gap("G-009") is not None
    assert reread.pilot("D-1") is None


def test_new_records_append_to_their_own_table(example: Path) -> None:
    file = ProjectFile.load(example)
    file.project.hear("discovery:model-monitoring.pain.2", "ml-1", quote="Too many alerts")
    file.save()
    text = example.read_text()
    heard_block = text.index('id = "H-m1-01"')
    assert text.index('id = "H-006"') < heard_block < text.index("# --- Success metrics")


def test_save_refuses_when_the_file_changed_on_disk(example: Path) -> None:
    file = ProjectFile.load(example)
    file.project.move_gap("G-006", 1)
    example.write_text(example.read_text() + "\n# someone else's edit\n")
    theirs = example.read_bytes()
    with pytest.raises(ChangedOnDisk):
        file.save()
    assert example.read_bytes() == theirs
    assert file.save(force=True)
    assert load_project(example).gap("G-006").impact == 3  # type: ignore[union-attr]


def test_first_save_keeps_a_backup_of_the_original(example: Path) -> None:
    original = example.read_bytes()
    file = ProjectFile.load(example)
    file.project.move_gap("G-006", 1)
    file.save()
    file.project.move_gap("G-006", 1)
    file.save()
    assert example.with_name("example.toml.bak").read_bytes() == original


def test_save_keeps_the_mode_and_writes_through_a_symlink(example: Path, tmp_path: Path) -> None:
    os.chmod(example, 0o640)
    link = tmp_path / "link.toml"
    link.symlink_to(example)
    file = ProjectFile.load(link)
    file.project.move_gap("G-006", 1)
    file.save()
    assert link.is_symlink()
    assert stat.S_IMODE(example.stat().st_mode) == 0o640
    assert load_project(example).gap("G-006").impact == 3  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("where", "code", "message"),
    [
        ("write", errno.ENOSPC, "the disk is full"),
        ("mkstemp", errno.EACCES, "permission denied"),
        ("replace", errno.EIO, "check the disk"),
    ],
)
def test_failed_save_leaves_the_original_intact(
    example: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int, message: str
) -> None:
    file = ProjectFile.load(example)
    file.project.move_gap("G-006", 1)
    assert file.save()  # the first save writes the backup (tested separately): this one fails later
    original = example.read_bytes()
    file.project.move_gap("G-006", -1)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    import workbench.store.atomic as atomic

    if where == "write":
        real_fdopen = os.fdopen

        class Failing:
            def __init__(self, handle: object) -> None:
                self.handle = handle

            def __enter__(self) -> Failing:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()  # type: ignore[attr-defined]

            def write(self, data: bytes) -> None:
                raise OSError(code, os.strerror(code))

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    elif where == "mkstemp":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", fail)
    else:
        monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(SaveFailed) as raised:
        file.save()
    assert message in str(raised.value)
    assert str(example) in str(raised.value)
    assert example.read_bytes() == original
    assert [p.name for p in example.parent.iterdir() if p.name.endswith(".tmp")] == []
    monkeypatch.undo()
    assert file.save()


def test_read_only_folder_fails_clearly(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing can be created in the project's folder, as on a read-only mount. Injected: the
    test made the folder 0555 and was skipped under root, who writes there all the same."""
    import workbench.store.atomic as atomic

    before = example.read_bytes()
    file = ProjectFile.load(example)
    file.project.move_gap("G-006", 1)
    mkstemp = atomic.tempfile.mkstemp

    def read_only_folder(*args: object, dir: str | Path, **kwargs: object) -> tuple[int, str]:
        if Path(dir).resolve() == example.parent.resolve():
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return mkstemp(*args, dir=dir, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(atomic.tempfile, "mkstemp", read_only_folder)
    with pytest.raises(SaveFailed) as raised:
        file.save()
    said = str(raised.value)
    assert said.startswith(f"{example}: could not be saved"), said
    assert "the folder is read-only; save a copy somewhere writable" in said, said
    assert example.read_bytes() == before
    assert [p.name for p in example.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_unreadable_file_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("schema_version = 1\n[project\n")
    with pytest.raises(FileProblem):
        ProjectFile.load(path)
    assert path.read_text() == "schema_version = 1\n[project\n"


# --- property-based round trips -------------------------------------------------------------------

texts = typed_text()
numbers = st.one_of(
    st.none(), st.integers(-1000, 10**6), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
)


@st.composite
def projects(draw: st.DrawFn) -> Project:
    project = Project.model_validate({"project": {"name": draw(texts.filter(bool)) or "x"}})
    sessions = draw(st.integers(1, 3))
    for _ in range(sessions):
        project.add_session("executive", date=dt.date(2026, 11, 24))
    for index in range(draw(st.integers(0, 5))):
        project.set_answer(
            f"discovery:q{index}",
            project.sessions[index % sessions].id,
            notes=draw(texts),
            current=draw(st.one_of(st.none(), st.integers(1, 5))),
        )
    for _ in range(draw(st.integers(0, 3))):
        project.raise_gap(draw(texts.filter(bool)) or "gap", impact=draw(st.integers(1, 5)))
    for _ in range(draw(st.integers(0, 2))):
        project.add_metric(text="metric " + draw(texts), baseline=draw(numbers), target=draw(numbers))
    return project


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(project=projects(), edit=texts)
def test_load_save_load_round_trips(tmp_path: Path, project: Project, edit: str) -> None:
    path = tmp_path / "p.toml"
    path.unlink(missing_ok=True)
    path.with_name("p.toml.bak").unlink(missing_ok=True)
    ProjectFile.create(path, project, header="# my comment\nschema_version = 1\n")
    loaded = ProjectFile.load(path)
    assert loaded.project == project
    before = path.read_bytes()
    assert loaded.save() is False
    assert path.read_bytes() == before
    if loaded.project.answers:
        loaded.project.answers[0].notes = edit
        loaded.save()
        again = load_project(path)
        assert again.answers[0].notes == edit
        assert again == loaded.project
    assert path.read_text().startswith("# my comment\n")


def test_deleting_a_record_keeps_the_comment_that_trailed_it(example: Path) -> None:
    """An appended record takes over the comment heading the next section; deleting it again
    (undo, say) must hand the comment back, not delete it."""
    file = ProjectFile.load(example)
    heard = file.project.hear("discovery:model-training.pain.1", "data-1", quote="Again")
    file.project.set_answer(QUESTION, "data-1", current=2)
    file.save()
    file.project.unhear(heard.id)
    file.save()
    text = example.read_text()
    assert "# --- Success metrics ---" in text
    assert text.count("# ---") == EXAMPLE_SECTION_COMMENTS
    assert "Again" not in text


def test_a_project_edited_back_to_the_file_as_read_saves_it_byte_identical(example: Path) -> None:
    opened = example.read_bytes()
    file = ProjectFile.load(example)
    gap = file.project.raise_gap("Temporary")
    file.save()
    file.project.remove_gap(gap.id)
    assert file.save()
    assert example.read_bytes() == opened


EXAMPLE_SECTION_COMMENTS = 8
