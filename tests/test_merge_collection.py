"""A three-way merge reads the three files and builds the merged data and text with Python's
garbage collector held off (workbench/collection_pause.py): its passes were 10-20% of a merge
of two large projects, and freed almost nothing. The collector runs again afterwards."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.store.files import ProjectFile
from workbench.store.merge_text import merge_versions, read_version


def merging() -> str:
    """The merge function running now (reading a side or merging), '' when none is or when it
    is handing its result back (the collector on again, a pass over what it built)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.endswith("contextlib.py"):
            return ""
        if frame.f_code.co_filename.endswith("merge_text.py"):
            return frame.f_code.co_name
        frame = frame.f_back
    return ""


@pytest.fixture
def passes() -> Iterator[list[str]]:
    """The merge function inside which each collector pass was made (a pass made when the merge
    has returned, over what it built, is not counted)."""
    made: list[str] = []

    def counted(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and merging():
            made.append(merging())

    gc.callbacks.append(counted)
    yield made
    gc.callbacks.remove(counted)


def test_a_merge_makes_no_collector_pass(example: Path, tmp_path: Path, passes: list[str]) -> None:
    sides = []
    for side in ("ours", "theirs"):
        path = tmp_path / f"{side}.toml"
        path.write_bytes(example.read_bytes())
        file = ProjectFile.load(path)
        file.project.answers[0 if side == "ours" else 1].notes = f"{side} rewrote this answer"
        file.save()
        sides.append(path)
    paths = [example, *sides]
    gc.collect()
    passes.clear()
    versions = [read_version(p, p.read_bytes()) for p in paths]
    result = merge_versions(*versions)
    assert not result.conflicts
    assert "ours rewrote this answer" in result.text and "theirs rewrote this answer" in result.text
    assert passes == []
    assert gc.isenabled()


def test_the_collector_stays_off_when_it_was_off(example: Path) -> None:
    gc.disable()
    try:
        version = read_version(example, example.read_bytes())
        merge_versions(version, version, version)
        assert not gc.isenabled()
    finally:
        gc.enable()
