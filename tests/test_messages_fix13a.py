"""Messages a new user met (fix13a 6): each says what is wrong, where, and what to do, in one
sentence that ends as a sentence."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.test_banks import VALID, write
from workbench.banks import lint, load_bank
from workbench.store import atomic
from workbench.store.atomic import SaveFailed, atomic_write


def test_an_unknown_dependency_says_what_to_do(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example.read_text().replace('id = "P-1"\n', 'id = "P-1"\ndepends_on = ["P-99"]\n', 1)
    example.write_text(text)
    code, _, err = run_cli(["check", str(example)], capsys)
    assert code == 1
    said = next(line for line in err.splitlines() if "P-99" in line)
    assert "unknown id" not in said
    assert "pilots[0].depends_on[0]" in said and "correct the id, or remove it" in said, said


def test_an_impossible_date_is_said_to_be_one(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`created = 2026-13-09` was reported as a TOML syntax error ("expected newline")."""
    text = example.read_text()
    example.write_text(text.replace("date = 2026-11-17", "date = 2026-13-09", 1))
    line = 1 + example.read_text()[: example.read_text().index("2026-13-09")].count("\n")
    code, _, err = run_cli(["check", str(example)], capsys)
    assert code == 1
    assert f"{example}, line {line}, column 8: 2026-13-09 is not a valid date; write it as YYYY-MM-DD" in err
    assert "expected newline" not in err.lower() and "syntax" not in err


def test_a_full_disk_says_so_in_a_sentence_that_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(source: str, target: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "replace", full)
    with pytest.raises(SaveFailed) as raised:
        atomic_write(tmp_path / "p.toml", b"x = 1\n")
    assert str(raised.value).endswith("the disk is full; free some space and save again. The file on disk is unchanged.")


def test_the_lint_suggests_a_client_title_made_from_the_area(tmp_path: Path) -> None:
    """It suggested 'Model Deployment & Inference' for any area, a 'Data' one too."""
    bank = VALID.replace('title = "Data"', 'title = "Data"\nclient_title = "Data / Features"', 1)
    findings = [str(f) for f in lint([load_bank(write(tmp_path, "mine.toml", bank))])]
    said = next(f for f in findings if "client_title" in f)
    assert 'client_title = "Data & Features"' in said
    assert "Model Deployment" not in said


def test_the_lint_suggestion_keeps_the_text_but_what_it_must_change(tmp_path: Path) -> None:
    """fe13c 8: 'Data [red]zone[/]' was suggested as 'Data [red]zone[ & ]': a slash between words
    becomes ' & ', any other is dropped, the rest stays to the letter, and it says what changed."""
    bank = VALID.replace('title = "Data"', 'title = "Data"\nclient_title = "Data [red]zone[/]"', 1)
    findings = [str(f) for f in lint([load_bank(write(tmp_path, "mine.toml", bank))])]
    said = next(f for f in findings if "client_title" in f)
    assert 'client_title = "Data [red]zone[]"' in said and "[ & ]" not in said, said
    assert "the / dropped" in said, said
