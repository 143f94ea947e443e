"""Issue #16 fresh-eyes finding 6: `gaps`, `map` and `export` refuse a file that `check` refuses,
with the same sentences (file, line, column) and exit code 1 (README: "a file ... that cannot be
used (... invalid)"), instead of printing results without the answer they could not place."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli as run

FIRST_ANSWER = 'question = "discovery:business-impact.current.value-measurement-1"'


@pytest.fixture
def unknown_question(example: Path) -> Path:
    text = example.read_text(encoding="utf-8")
    assert FIRST_ANSWER in text
    example.write_text(text.replace(FIRST_ANSWER, 'question = "requirements:monitor.1"', 1), encoding="utf-8")
    return example


@pytest.mark.parametrize(
    "command",
    [["gaps"], ["map"], ["map", "--gap", "G-001"], ["export", "--format", "md"]],
    ids=["gaps", "map", "map-gap", "export"],
)
def test_a_command_refuses_what_check_refuses(
    unknown_question: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, checked = run(["check", str(unknown_question)], capsys)
    assert code == 1 and out == ""
    line = (
        unknown_question.read_text(encoding="utf-8").splitlines().index('question = "requirements:monitor.1"')
        + 1
    )
    assert f"{unknown_question}, line {line}, column 1" in checked and "requirements:monitor.1" in checked
    code, out, err = run([command[0], str(unknown_question), *command[1:]], capsys)
    assert (code, out, err) == (1, "", checked)
    assert not list(unknown_question.parent.glob("*.md"))


def test_a_file_check_passes_still_runs(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["gaps", str(example)], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("Ranked gaps")
