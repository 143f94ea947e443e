"""fix13b 2: messages that leaked Python (a tuple repr, `'bad\\x1b[2J'` escapes) or said too
little (`check` named one problem of two)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_banks import VALID
from workbench.cli import main

BANK = VALID.replace('id = "mine"', 'id = "odd"', 1).replace(
    'area = "data"', 'area = "bad\\u001b[2J\\u0007area"', 1
) + '[[questions]]\nid = "data.q.2"\narea = "data"\npart = "nope\\u200f"\ntext = "How much?"\n'
"""A bank of the project's own whose questions name an area and a part with hidden characters."""


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", str(path)]) == 1
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("workbench:")]


def test_records_added_to_a_list_written_inline_are_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """"cannot mutate immutable namespace ('answers',)" reached the person."""
    path = tmp_path / "p.toml"
    path.write_text(
        'schema_version = 1\nanswers = [\n    { question = "discovery:a.q-1", session = "exec-1" },\n]\n\n'
        '[project]\nname = "X"\n\n[[sessions]]\nid = "exec-1"\n\n'
        '[[answers]]\nquestion = "discovery:a.q-2"\nsession = "exec-1"\n'
    )
    [said] = check(path, capsys)
    assert said == (
        f"workbench: {path}, line 12, column 10: answers is written inline on line 2 (answers = [ … ]), "
        "so [[answers]] cannot add to it; move this record into that list, or write every one of them "
        "as [[answers]]"
    )


def test_check_shows_hidden_characters_by_name_and_says_what_to_do(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` printed 'bad\\x1b[2J\\x07area' with no advice."""
    (example.parent / "banks").mkdir()
    (example.parent / "banks" / "odd.toml").write_text(BANK)
    said = check(example, capsys)
    area = next(line for line in said if "data.q.1" in line)
    part = next(line for line in said if "data.q.2" in line)
    assert "names area 'bad␛[2J␇area', which this bank does not define; correct the name, or define the area" in area
    assert "names part 'nope⟨RLM⟩', which this bank does not define; correct the name, or define the part" in part
    assert not any("\\x" in line or "\\u" in line for line in said)


def test_check_reports_a_wrong_type_and_a_reference_to_nothing_in_one_file(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong type hid the unknown session: `check` named only the first of the two."""
    text = example.read_text()
    text = re.sub(r"(?m)^impact = 5$", 'impact = "5"', text, count=1)
    text = re.sub(r'(?m)^session = "executive-1"$', 'session = "nowhere"', text, count=1)
    example.write_text(text)
    said = check(example, capsys)
    assert len(said) == 2
    assert any("answers[0].session: unknown session 'nowhere'" in line for line in said)
    assert any("gaps[0].impact: must be a whole number" in line for line in said)
    assert all(re.match(rf"workbench: {re.escape(str(example))}, line \d+, column \d+, ", line) for line in said)


def test_check_reports_every_syntax_error_in_one_file(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two syntax errors: `check` named the first alone."""
    lines = example.read_text().splitlines(keepends=True)
    date = next(i for i, line in enumerate(lines) if line == "date = 2026-11-16\n")
    impact = next(i for i, line in enumerate(lines) if line == "impact = 5\n")
    lines[date] = "date = 2026-13-16\n"
    lines[impact] = "impact = 5 5\n"
    example.write_text("".join(lines))
    said = check(example, capsys)
    assert said == [
        f"workbench: {example}, line {date + 1}, column 8: 2026-13-16 is not a valid date; write it as "
        "YYYY-MM-DD, a real day (2026-11-16)",
        f"workbench: {example}, line {impact + 1}, column 12: TOML syntax error: expected newline or end of "
        "document after a statement; fix the file there",
    ]


def test_every_command_quotes_a_name_with_hidden_characters_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    """One function quotes names from files and command lines (`printable.quoted`): `banks`
    printed 'nope\\u200f' as Python writes it."""
    from workbench.edits.words import quoted

    assert main(["banks", "--questions", "nope\u200f"]) != 0
    said = capsys.readouterr().err
    assert "no question bank 'nope⟨RLM⟩'" in said and "\\u200f" not in said
    assert quoted("a\x1b[2Jb") == "'a␛[2Jb'"  # the undo menu's names too
