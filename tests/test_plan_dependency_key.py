"""Removing a plan item's last dependency gives back the file as it was: no `depends_on = []`
where the file had no such key (fix13a 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE
from workbench.edits.editor import Editor
from workbench.edits.plan import AddDependency, DeletePlanItem, RemoveDependency
from workbench.store.files import ProjectFile


@pytest.mark.parametrize("how", ["remove", "delete the other item"])
def test_removing_the_only_dependency_removes_the_key(tmp_path: Path, how: str) -> None:
    path = tmp_path / "p.toml"
    shutil.copyfile(EXAMPLE, path)
    file = ProjectFile.load(path)
    editor = Editor(lambda: file.project)
    item = next(p for p in file.project.pilots if not p.depends_on)
    other = next(p for p in file.project.pilots if p.id != item.id and item.id not in p.depends_on)
    assert editor.apply(AddDependency(item.id, other.id))
    assert file.save()
    if how == "remove":
        expected = EXAMPLE.read_text()
        assert editor.apply(RemoveDependency(item.id, other.id))
    else:
        assert editor.apply(DeletePlanItem(other.id))
        expected = None
    assert file.save()
    after = path.read_text()
    block = after[after.index(f'id = "{item.id}"') :]
    block = block[: block.find("\n\n")]
    assert "depends_on" not in block, block
    if expected is not None:
        assert after == expected
