"""Every bad input gets one clear sentence naming the file and the place, and exit code 1."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from workbench.cli import main

CORPUS = Path(__file__).parent / "bad_inputs"
EXPECTED: dict[str, str] = tomllib.loads((CORPUS / "EXPECTED.toml").read_text(encoding="utf-8"))


def test_the_corpus_is_large_enough() -> None:
    assert len(EXPECTED) >= 15
    on_disk = {p.name for p in CORPUS.glob("*.toml")} - {"EXPECTED.toml"}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_names_file_and_place(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / name
    before = path.read_bytes()
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"workbench: {path}")
    assert EXPECTED[name] in lines[0]
    assert "Traceback" not in err
    assert "datetime." not in err and "instance of" not in err, "no Python in the sentence"
    assert path.read_bytes() == before
