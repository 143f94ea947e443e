"""Issue 12 walkthrough (v5 item 1): `workbench check` passed a milestone with weeks > 0 (a
milestone is a point in time; the Plan pane drew it as a diamond and the end date counted it)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import hand_edit, run_cli

FREEZE = 'title = "Peak-trading change freeze lifts (8 Jan)"\nweeks = 0'


def test_check_names_a_milestone_that_takes_weeks(example: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    hand_edit(example, FREEZE, FREEZE.replace("weeks = 0", "weeks = 2"))
    line = example.read_text().splitlines().index("weeks = 2", 700) + 1
    code, _, err = run_cli(["check", str(example)], capsys)
    assert code == 1
    assert f"line {line}, column 9" in err, err
    assert "a milestone is a point in time, not 2 weeks; set `weeks = 0`" in err, err
    assert "Traceback" not in err


def test_check_passes_milestones_without_weeks(example: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run_cli(["check", str(example)], capsys)
    assert code == 0, err
