"""A read-only project on the command line (fix13a 4): exporting never needs to write it, and the
words give command-line advice, never the app's "save a copy"."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.helpers import run_cli


@pytest.fixture
def read_only(example: Path) -> Path:
    path = example.with_name("ro.toml")
    example.rename(path)
    path.chmod(0o444)
    return path


def test_export_with_a_template_writes_and_says_the_template_is_not_remembered(
    read_only: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It wrote out.docx but exited 1 with only 'ro.toml: is read-only … save a copy'."""
    template = tmp_path / "t.docx"
    Document().save(str(template))
    before = read_only.read_bytes()
    out = tmp_path / "out.docx"
    code, stdout, stderr = run_cli(["export", str(read_only), "--template", str(template), "-o", str(out)], capsys)
    assert code == 0, stderr
    assert out.exists()
    assert f"wrote {out}" in stdout
    assert "is read-only, so the template is not remembered in it" in stdout
    assert "save a copy" not in stdout + stderr
    assert read_only.read_bytes() == before


def test_milestone_save_on_a_read_only_file_gives_command_line_advice(
    read_only: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = read_only.read_bytes()
    code, _, stderr = run_cli(["milestone", "save", str(read_only), "kick-off"], capsys)
    assert code == 1
    assert "is read-only (mode 0444)" in stderr
    assert "chmod u+w" in stderr and "run the command again" in stderr
    assert "save a copy" not in stderr
    assert read_only.read_bytes() == before
