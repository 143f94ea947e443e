"""`python -m bench --help` prints help and runs nothing (#17 fresh-eyes 19: it started every benchmark)."""

from __future__ import annotations

import pytest

from bench.__main__ import main


def test_help_runs_no_benchmark(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "python -m bench" in out and "merge" in out and "==" not in out


def test_an_unknown_name_is_refused_before_anything_runs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["nope"])
    assert stop.value.code == 2
    assert "unknown benchmark nope" in capsys.readouterr().err
