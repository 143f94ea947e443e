"""The portfolio: every project in a folder, what recurs, pilots in flight; bad files skipped."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import EXAMPLE
from tests.helpers import run_cli
from workbench.analysis.portfolio import read_portfolio
from workbench.export.markdown_writer import render_markdown
from workbench.export.portfolio_report import client_label, portfolio_blocks

IN_P1 = dt.date(2026, 12, 9)  # week 0 of the example's plan: P-1 and D-1 are running


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(args, capsys)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two clients' engagements (copies of the example), a broken file and a newer-schema file."""
    text = EXAMPLE.read_text()
    (tmp_path / "a-harbour.toml").write_text(text)
    other = text.replace('client = "Harbour & Pine Retail"', 'client = "Northwind Bank"')
    other = other.replace("current = 1\n", "current = 3\n")
    (tmp_path / "b-northwind.toml").write_text(other)
    (tmp_path / "c-broken.toml").write_text("schema_version = 1\n[project\nname = 'x'\n")
    (tmp_path / "d-newer.toml").write_text('schema_version = 7\n[project]\nname = "From the future"\n')
    (tmp_path / "notes.txt").write_text("not a project")
    return tmp_path


def test_reads_good_projects_and_lists_the_rest(folder: Path) -> None:
    portfolio = read_portfolio(folder, IN_P1)
    assert [e.client for e in portfolio.engagements] == ["Harbour & Pine Retail", "Northwind Bank"]
    assert [Path(p.path).name for p in portfolio.skipped] == ["c-broken.toml", "d-newer.toml"]
    assert "line 2" in str(portfolio.skipped[0])
    assert "newer workbench" in str(portfolio.skipped[1])
    harbour, northwind = portfolio.engagements
    assert northwind.maturity["model-deployment"] > harbour.maturity["model-deployment"]
    assert harbour.plan_end == dt.date(2027, 2, 26)  # the Friday the proposal gives, not the Monday after
    assert {p.id for p in harbour.in_flight} == {"P-1", "D-1"}
    areas = {r.key: r.clients for r in portfolio.recurring_gaps}
    assert areas["model-deployment"] == ["Harbour & Pine Retail", "Northwind Bank"]
    assert "ds.cicd-for-ml" in {r.key for r in portfolio.recurring_practices}


def test_the_copies_kept_beside_a_project_are_not_engagements(folder: Path) -> None:
    """A save that met someone else's version keeps theirs as NAME.theirs-DIGEST.toml; your
    version saved as a copy is NAME.mine-STAMP.toml. Neither is another engagement."""
    one = sorted(folder.glob("*.toml"))[0]
    shutil.copyfile(one, folder / f"{one.stem}.theirs-2e6b26ca.toml")
    shutil.copyfile(one, folder / f"{one.stem}.mine-20261201-101500.toml")
    assert len(read_portfolio(folder, IN_P1).engagements) == 2


def test_report_heat_table_and_redaction(folder: Path) -> None:
    portfolio = read_portfolio(folder, IN_P1)
    text = render_markdown(portfolio_blocks(portfolio, IN_P1))
    assert "| Area | Harbour & Pine Retail | Northwind Bank |" in text
    assert "| Model Deployment & Serving | 1.8 | " in text  # 1, 2, 2, 2 (#16 fresh-eyes 16, 1)
    assert "P-1 Experiment tracking and pinned environments" in text
    redacted = render_markdown(portfolio_blocks(portfolio, IN_P1, redact=True))
    assert "| Area | Client A | Client B |" in redacted
    for secret in ("Harbour", "Northwind", "Experiment tracking and pinned", "Deployment is manual"):
        assert secret not in redacted
    assert "Continuous integration" in redacted or "ds.cicd-for-ml" in redacted  # practices are shareable


def test_client_labels() -> None:
    assert [client_label(i) for i in (0, 25, 26, 27)] == ["Client A", "Client Z", "Client AA", "Client AB"]


def test_cli_skips_bad_files_with_one_line_each_and_exits_1(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["portfolio", str(folder)], capsys)
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"workbench: skipped {folder / 'c-broken.toml'}, line 2")
    newer = folder / "d-newer.toml"
    assert lines[1].startswith(f"workbench: skipped {newer}, line 1, column 18, schema_version:")
    assert "# MLOps discovery: portfolio of engagements" in out
    assert "Traceback" not in err


def test_cli_writes_docx_and_md(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    projects = tmp_path / "projects"
    projects.mkdir()
    shutil.copyfile(EXAMPLE, projects / "example.toml")
    code, out, _ = run(["portfolio", str(projects), "-o", str(tmp_path / "report.docx"), "--redact"], capsys)
    assert code == 0 and "(1 engagement, 0 skipped)" in out
    document = Document(str(tmp_path / "report.docx"))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("1 engagement, as of ") for t in texts)
    assert "MLOps discovery: portfolio of engagements" in texts
    assert document.tables and document.tables[1].cell(0, 1).text == "Client A"
    assert run(["portfolio", str(projects), "-o", str(tmp_path / "report.docx")], capsys)[0] == 1  # exists
    assert run(["portfolio", str(projects), "-o", str(tmp_path / "r.md")], capsys)[0] == 0
    assert (tmp_path / "r.md").read_text().startswith("# MLOps discovery: portfolio")


def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["portfolio", str(tmp_path / "nope")], capsys)
    assert code == 1 and "no such folder" in err  # like a missing file
    code, _, err = run(["portfolio", str(tmp_path), "-o", str(tmp_path / "r.pdf")], capsys)
    assert code == 2 and ".docx or .md" in err
    code, _, err = run(["portfolio", str(tmp_path)], capsys)
    assert code == 1 and "holds no project files" in err


def test_two_engagements_of_one_client_are_told_apart(tmp_path: Path) -> None:
    """A reassessment of the same client (#17 fresh-eyes 11): its own column, named by the month it
    started, redacted or not; the client still counts once in what recurs."""
    text = EXAMPLE.read_text()
    (tmp_path / "first.toml").write_text(text)
    (tmp_path / "again.toml").write_text(text.replace("date = 2026-11-1", "date = 2027-03-1"))
    for redact, client in ((False, "Harbour & Pine Retail"), (True, "Client A")):
        markdown = render_markdown(portfolio_blocks(read_portfolio(tmp_path, IN_P1), IN_P1, redact))
        heat = next(line for line in markdown.splitlines() if line.startswith("| Area |"))
        assert f"| {client} (Nov 2026) |" in heat and f"| {client} (Mar 2027) |" in heat
        recurring = markdown[markdown.index("# Gaps that recur") : markdown.index("# Pilots in flight")]
        assert f"{client} (" not in recurring


def test_cli_report_into_a_folder_and_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o DIR/` writes portfolio.docx there, as `export -o DIR/` does; a missing folder is named as
    such (#17 fresh-eyes 12), and the .docx says it is a portfolio."""
    projects = tmp_path / "projects"
    projects.mkdir()
    shutil.copyfile(EXAMPLE, projects / "example.toml")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, err = run(["portfolio", str(projects), "-o", f"{out_dir}/"], capsys)
    assert code == 0, err
    properties = Document(str(out_dir / "portfolio.docx")).core_properties
    assert "portfolio" in properties.subject and "proposal" not in properties.keywords
    code, _, err = run(["portfolio", str(projects), "-o", str(out_dir / "nosuchdir" / "r.md")], capsys)
    assert code == 1 and "nosuchdir: no such folder" in err and "disk" not in err


def test_markdown_on_stdout_ends_with_a_newline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "example.toml")
    code, out, _ = run(["portfolio", str(tmp_path)], capsys)
    assert code == 0 and out.endswith("\n")
