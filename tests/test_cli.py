"""The `workbench` command: exit codes 0 / 1 / 2, clear errors, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.helpers import run_cli as run
from workbench.banks import load_catalogue


def test_version_is_instant_and_does_not_import_textual() -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from workbench.cli import main; main(['--version']); "
            "print('textual' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["workbench", "0.1.0", "False"]
    assert time.perf_counter() - started < 5


def test_new_creates_a_commented_project_that_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["new", "Acme Corp: MLOps discovery", "--client", "Acme", "--dir", str(tmp_path)], capsys
    )
    assert code == 0
    path = tmp_path / "acme-corp-mlops-discovery.toml"
    assert str(path) in out
    text = path.read_text()
    assert text.startswith("# MLOps discovery project file.")
    data = tomllib.loads(text)
    assert data["project"]["client"] == "Acme"
    assert run(["check", str(path)], capsys)[0] == 0
    assert run(["new", "Acme Corp: MLOps discovery", "--dir", str(tmp_path)], capsys)[0] == 1


def test_check_example_and_bad_file(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", str(example)], capsys)
    assert code == 0
    assert "3 sessions; 34 answers: 30 answered, 2 for follow-up, 1 not applicable, 1 skipped; 10 gaps; 10 plan items" in out
    missing = tmp_path / "missing.toml"
    code, _, err = run(["check", str(missing)], capsys)
    assert code == 1
    assert "no such file" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check"], capsys)[0] == 2
    assert run(["export", "x.toml", "--format", "pdf"], capsys)[0] == 2


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{missing}.toml"],
        ["open", "{missing}.toml"],
        ["{missing}.toml"],
        ["export", "{missing}.toml"],
        ["plan", "{missing}.toml"],
        ["milestone", "list", "{missing}.toml"],
        ["followups", "{missing}.toml"],
        ["portfolio", "{missing}"],
    ],
)
def test_a_path_that_does_not_exist_exits_1_whatever_the_command(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: 1 for a file or folder that cannot be used, missing ones included; 2 for usage."""
    code, _, err = run([part.format(missing=tmp_path / "nope") for part in command], capsys)
    assert code == 1
    assert f"{tmp_path / 'nope'}" in err and "no such" in err


def test_banks_lists_counts_and_guides(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["banks"], capsys)
    assert code == 0
    assert "discovery: MLOps Discovery Guide (249 items)" in out
    assert "  Feature Engineering & Data Preparation: 4 pain-indicators, 21 questions, 4 success-metrics" in out
    assert "requirements: MLOps Requirements Gathering (52 items)" in out
    practices = load_catalogue().practices.values()
    count = sum(1 for p in practices if p.guide == "feature-engineering")
    assert f"guide: Feature Engineering Best Practices: {count} practices" in out
    assert run(["banks", "--check"], capsys)[0] == 0


def test_banks_check_fails_on_a_bad_user_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "mine.toml").write_text(
        '[bank]\nid = "mine"\ntitle = "Mine"\n[[questions]]\nid = "q"\narea = "ghost"\npart = "p"\ntext = "?"\n'
    )
    code, _, err = run(["banks", "--check", "--project", str(tmp_path / "p.toml")], capsys)
    assert code == 1
    assert "mine.toml, line 5, column 1: question q: names area 'ghost'" in err


def test_plan_prints_schedule_and_critical_path(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["plan", str(example)], capsys)
    assert code == 0
    assert "critical path: MS-2 → P-3 → P-5" in out
    assert "end week: 12" in out
    assert "MS-1 Steering review" in out


def test_plan_mermaid(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["plan", "--mermaid", str(example)], capsys)
    assert code == 0
    assert out.startswith("gantt\n")
    assert "    Experiment tracking and pinned environments :P-1, 2026-12-07, 21d" in out
    assert ":milestone, MS-1, 2027-02-22, 0d" in out


def test_plan_cycle_exits_1_naming_the_cycle(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = example.read_text().replace('id = "P-1"\n', 'id = "P-1"\ndepends_on = ["P-2"]\n', 1)
    example.write_text(text)
    code, _, err = run(["plan", str(example)], capsys)
    assert code == 1
    assert "(P-1 → P-2 → P-1;" in err
    _, _, checked = run(["check", str(example)], capsys)
    said = next(line for line in checked.splitlines() if "cycle" in line)
    assert said in err.splitlines(), "plan and check say a cycle in one wording, with file and line"
    assert f"{example}, line " in said


def test_export_docx_md_force_and_redact(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = example.parent / "out"
    code, out, _ = run(["export", str(example), "-o", f"{out_dir}/"], capsys)
    assert code == 0
    assert out.startswith("wrote ")
    written = out_dir / "harbour-pine-retail-mlops-discovery-proposal.docx"
    assert written.exists()
    code, _, err = run(["export", str(example), "-o", f"{out_dir}/"], capsys)
    assert code == 1
    assert err.strip() == (
        f"workbench: {written} already exists; add --force to replace it, or -o to write another file"
    )
    assert run(["export", str(example), "-o", f"{out_dir}/", "--force"], capsys)[0] == 0
    md = out_dir / "redacted.md"
    assert run(["export", str(example), "-o", str(md), "--format", "md", "--redact"], capsys)[0] == 0
    text = md.read_text()
    for name in ("Harbour", "Dana", "Whitfield", "Sam Okafor", "Priya"):
        assert name not in text
    assert "Every quarter I'm asked" not in text
    assert "## Executive summary" in text
    assert "the client" in text
    code, _, err = run(["export", str(example), "--sections", "gaps,bogus"], capsys)
    assert code == 2
    assert "unknown section bogus" in err
