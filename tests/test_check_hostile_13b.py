"""s13b 3: `workbench check` on hostile inputs says one sentence each: the file, the line and
column (u6: of the value that is wrong), the field, what is wrong and what to do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE
from tests.helpers import run_cli

HOSTILE = {
    "a plan item that depends on itself": (
        'depends_on = ["P-1", "MS-2"]',
        'depends_on = ["P-1", "MS-2", "P-2"]',
        "the plan's dependencies form a cycle (P-2 → P-2;",
        '"P-2"',
    ),
    "a gap that depends on itself": ('id = "G-001"\n', 'id = "G-001"\ndepends_on = ["G-001"]\n', "is not a known field", "depends_on"),
    "a plan item with an unknown dependency": (
        'depends_on = ["MS-2"]',
        'depends_on = ["P-99"]',
        "unknown plan item or milestone 'P-99'",
        '"P-99"',
    ),
    "a date as a string": ("date = 2026-11-16", 'date = "2026-11-16"', "must be a date, not text", '"2026'),
    "a float score": ("impact = 5\ncomplexity = 3", "impact = 4.0\ncomplexity = 3", "must be a whole number", "4.0"),
    "a priority weight as a string": ("impact = 3.0\n", 'impact = "3"\n', "must be a number, not text", '"3"'),
    "evidence pointing at nothing": (
        'evidence = ["heard:H-004"',
        'evidence = ["gap:G-001", "heard:H-004"',
        "points at unknown question 'gap:G-001'; correct the link",
        '"gap:G-001"',
    ),
}
SENTENCE = re.compile(
    r"workbench: (?P<file>\S+), line (?P<line>\d+), column (?P<column>\d+), (?P<field>\S+): [^\n]+; [^\n]+"
)


@pytest.mark.parametrize("case", HOSTILE)
def test_one_sentence_with_file_line_column_and_what_to_do(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new, said, wrong = HOSTILE[case]
    text = EXAMPLE.read_text()
    assert old in text
    path = tmp_path / "hostile.toml"
    path.write_text(text.replace(old, new, 1))
    code, out, err = run_cli(["check", str(path)], capsys)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    found = SENTENCE.fullmatch(lines[0])
    assert found is not None, lines[0]
    assert found["file"] == str(path) and said in lines[0], lines[0]
    line = path.read_text().splitlines()[int(found["line"]) - 1]
    # u6: the column is that of what is wrong: the value (the element, in a list), or the key of
    # a field that does not exist
    assert line[int(found["column"]) - 1 :].startswith(wrong), (line, lines[0])
