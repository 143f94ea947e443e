"""#17 fresh-eyes 5 and 6: milestone names are told apart without their case. `Now` in any case
is the current state, so `check` refuses a milestone called that (file, line, field, what to do);
`Baseline` beside `baseline` is refused by `save` and reported by `check`; a name finds its
milestone however it is typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import run_cli


def save(example: Path, name: str, capsys: pytest.CaptureFixture[str], date: str = "2026-11-20") -> tuple[int, str, str]:
    return run_cli(["milestone", "save", str(example), name, "--date", date], capsys)


def rename_first(example: Path, name: str) -> int:
    """Rename the first milestone by hand; the line it is on."""
    text = example.read_text()
    head, milestones = text.split("[[milestones]]", 1)
    example.write_text(head + "[[milestones]]" + re.sub(r'name = "[^"]*"', f'name = "{name}"', milestones, count=1))
    return next(n for n, line in enumerate(example.read_text().splitlines(), 1) if line == f'name = "{name}"')


@pytest.mark.parametrize("name", ["Now", "NOW", "nOw"])
def test_check_refuses_now_in_any_case(example: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert save(example, "baseline", capsys)[0] == 0
    line = rename_first(example, name)
    code, _, err = run_cli(["check", str(example)], capsys)
    assert code == 1
    assert f"{example}, line {line}, column 8, milestones[0].name: '{name}' stands for the current state" in err
    assert "rename the milestone" in err and "Traceback" not in err
    code, _, err = save(example, name, capsys)
    assert code == 2 and "stands for the current state" in err


def test_save_refuses_a_name_that_differs_only_in_case(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert save(example, "Baseline", capsys, "2026-11-01")[0] == 0
    code, _, err = save(example, "baseline", capsys)
    assert code == 1 and "already a milestone called 'Baseline'" in err and "without their case" in err
    assert example.read_text().count("[[milestones]]") == 1


def test_check_reports_two_names_that_differ_only_in_case(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert save(example, "Baseline", capsys, "2026-11-01")[0] == 0
    assert save(example, "after", capsys)[0] == 0
    text = example.read_text()
    example.write_text(text.replace('name = "after"', 'name = "baseline"'))
    code, _, err = run_cli(["check", str(example)], capsys)
    assert code == 1, err
    assert 'milestones[1].name: "baseline" differs from "Baseline" only in case' in err
    assert "give each its own name" in err and "line " in err


def test_a_name_finds_its_milestone_in_any_case(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert save(example, "Baseline", capsys, "2026-11-01")[0] == 0
    code, out, err = run_cli(["milestone", "diff", str(example), "baseLine"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("## Progress since Baseline (01 Nov 2026)")
