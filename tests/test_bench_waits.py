"""The benchmarks never hang: they wait for conditions with a time limit and say which one was
never met. `python -m bench keys` hung in the set-up of its second run at load 4: both runs typed
into the same file with the same journal, and when the first ended before its typing was saved
the second opened under 'Unsaved work was found' and waited for the notes for ever."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import bench_keys, common
from workbench.store.files import ProjectFile, load_project
from workbench.store.journal import write_journal
from workbench.store.serialize import project_to_data


@pytest.mark.timeout(120)
def test_a_run_that_left_unsaved_work_does_not_stop_the_next(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench_keys, "RUNS", 1)
    monkeypatch.setattr(bench_keys, "TEXT", "abc de")
    monkeypatch.setattr(common, "WAIT_SECONDS", 120.0)
    real = bench_keys.burst_rates

    async def leaves_unsaved_work(path: Path, through_gate: bool) -> list[float]:
        rates = await real(path, through_gate)
        work = load_project(path)  # as a run that ended before its typing was saved leaves it
        work.move_gap("G-006", 2)
        write_journal(path, project_to_data(work), ProjectFile.load(path).base)
        return rates

    monkeypatch.setattr(bench_keys, "burst_rates", leaves_unsaved_work)
    assert bench_keys.main()
    out = capsys.readouterr().out
    assert "through the KeyGate" in out and "straight to Textual" in out and "gate cost a key" in out


@pytest.mark.timeout(120)
def test_a_condition_never_met_ends_the_benchmark_with_a_line_saying_which(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(common, "WAIT_SECONDS", 2.0)
    never: Any = lambda app: False  # noqa: E731
    monkeypatch.setattr(bench_keys, "main_screen_up", never)
    assert bench_keys.main() is False
    out = capsys.readouterr().out
    assert "keys through the KeyGate: no figure, waited for the main screen" in out
    assert "not within 2 s" in out
