"""#13 fresh eyes 8: `workbench backlog … -o -` wrote a file named `-`; `-` is standard output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.cli import main


def test_dash_writes_the_backlog_to_standard_output(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["backlog", str(example), "--format", "csv", "-o", "-"]) == 0
    out = capsys.readouterr().out.encode("utf-8")
    assert not (tmp_path / "-").exists()
    written = tmp_path / "b.csv"
    assert main(["backlog", str(example), "--format", "csv", "-o", str(written)]) == 0
    assert out == written.read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["b.csv", "example.toml"]


@pytest.mark.parametrize("form", ["csv", "jira", "azure"])
def test_standard_output_shows_control_characters_as_placeholders_a_file_keeps_them(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    """fix13a 3: a pilot title holding ESC ] 0 ; … BEL and ESC [ 2 J set the terminal's title and
    cleared it through `-o -`, and NUL gave 'ignored null byte'. Standard output shows them as
    placeholders, as every command prints; a file written with -o FILE keeps the data exactly."""
    old = 'title = "Experiment tracking and pinned environments"'
    text = example.read_text()
    assert old in text
    example.write_text(text.replace(old, 'title = "Tracking\\u001b]0;PWNED\\u0007\\u001b[2J\\u0000 runs"', 1))
    assert main(["backlog", str(example), "--format", form, "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert "Tracking␛]0;PWNED␇␛[2J␀ runs" in out
    assert not any(c in out for c in "\x1b\x07\x00")
    written = tmp_path / "b.csv"
    assert main(["backlog", str(example), "--format", form, "-o", str(written)]) == 0
    data = written.read_bytes().decode("utf-8")
    assert "Tracking\x1b]0;PWNED\x07\x1b[2J\x00 runs" in data
    shown = out.replace("␛", "\x1b").replace("␇", "\x07").replace("␀", "\x00")
    assert shown == data, "only the control characters differ: the CSV's CRLF rows are kept"
