"""#13 fresh eyes 7: the full-screen app, given a file with several problems, ends with the first
and says how many more `workbench check` lists (it printed the first alone)."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.cli import main
from workbench.problems import FileProblem
from workbench.store.files import ProjectFile
from workbench.ui.app import cannot_open


def break_impacts(example: Path, count: int) -> None:
    text = example.read_text()
    text, done = re.subn(r"(?m)^impact = \d+(\.\d+)?$", 'impact = "high"', text, count=count)
    assert done == count
    example.write_text(text)


def test_the_app_says_how_many_more_problems_check_lists(example: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    break_impacts(example, 3)
    assert main(["check", str(example)]) == 1
    listed = [line for line in capsys.readouterr().err.splitlines() if line.startswith("workbench:")]
    assert len(listed) == 3
    try:
        ProjectFile.load(example)
    except FileProblem as problem:
        said = cannot_open(example, problem)
    else:
        raise AssertionError("opened a file check refuses")
    first, more = said.splitlines()
    assert first == listed[0]
    assert more == f"workbench: and 2 more problems: run `workbench check {example}` to see them all"


def test_one_problem_is_said_alone(example: Path) -> None:
    break_impacts(example, 1)
    try:
        ProjectFile.load(example)
    except FileProblem as problem:
        assert "more problem" not in cannot_open(example, problem)
