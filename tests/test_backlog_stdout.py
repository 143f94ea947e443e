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
