"""fix13b 3: `workbench export --format md -o -` wrote a file named `-`. For every command that
takes -o, `-` is standard output (backlog already did: one helper, `write_standard_output`)."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

from workbench.cli import main


def test_export_markdown_to_standard_output(
    example: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(example), "--format", "md", "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert not (tmp_path / "-").exists()
    written = tmp_path / "p.md"
    assert main(["export", str(example), "-o", str(written)]) == 0
    assert out == written.read_bytes(), "the proposal alone: notes go to standard error"
    assert sorted(os.listdir(tmp_path)) == ["example.toml", "p.md"]


def test_export_word_goes_into_a_pipe_not_onto_a_terminal(
    example: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(example), "-o", "-"]) == 0
    captured = capsysbinary.readouterr()
    with zipfile.ZipFile(io.BytesIO(captured.out)) as package:
        assert "word/document.xml" in package.namelist()
    assert not (tmp_path / "-").exists()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["export", str(example), "-o", "-"]) == 1
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert b"> FILE.docx" in captured.err and b"Traceback" not in captured.err
    assert main(["export", str(example), "-o", "-", "--pdf"]) == 2
    assert b"-o FILE.docx" in capsysbinary.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["example.toml"]


def test_questionnaire_to_standard_output(
    example: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["questionnaire", str(example), "-o", "-"]) == 0
    with zipfile.ZipFile(io.BytesIO(capsysbinary.readouterr().out)) as package:
        assert "xl/workbook.xml" in package.namelist()
    assert sorted(os.listdir(tmp_path)) == ["example.toml"]


def test_portfolio_to_standard_output(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["portfolio", str(tmp_path)]) == 0
    default = capsys.readouterr().out
    assert main(["portfolio", str(tmp_path), "-o", "-"]) == 0
    assert capsys.readouterr().out == default
    assert sorted(os.listdir(tmp_path)) == ["example.toml"]
