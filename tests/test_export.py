"""The Word proposal: structure against a golden summary, robustness, options, and a real render."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.docx_summary import summarise
from workbench.banks import load_catalogue
from workbench.export.cleaning import xml_safe
from workbench.export.proposal import ProposalOptions
from workbench.export.writer import ExportRefused, ExportRequest, export_proposal
from workbench.store.files import load_project

GOLDEN = Path(__file__).parent / "golden" / "example_proposal.json"


def export(example: Path, **kwargs: object) -> Path:
    project = load_project(example)
    options = ProposalOptions(
        today=TODAY,
        **{k: v for k, v in kwargs.items() if k in ("sections", "redact", "ids")},  # type: ignore[arg-type]
    )
    request = ExportRequest(
        example.parent,
        format=str(kwargs.get("format", "docx")),
        paper=str(kwargs.get("paper", "a4")),
        force=True,
        options=options,
    )
    return export_proposal(project, load_catalogue(example), request)


def test_example_proposal_matches_the_golden_structure(example: Path) -> None:
    summary = summarise(export(example))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
    assert summary == json.loads(GOLDEN.read_text())


def test_structure_reflects_the_project(example: Path) -> None:
    project = load_project(example)
    summary = summarise(export(example))
    headings = summary["headings"]
    h1 = [h.removeprefix("Heading 1: ") for h in headings if h.startswith("Heading 1: ")]
    assert h1 == [
        "Executive summary",
        "Context and approach",
        "What is working well",
        "Findings by theme",
        "Prioritised gaps",
        "Recommendations",
        "Pilots",
        "Timeline",
        "Investment and team",
        "Assumptions and risks",
        "Next steps",
        "Decision and sign-off",
        "Appendix: how maturity is scored",
    ]
    tables = summary["tables"]
    gap_table = next(t for t in tables if t["header"][:2] == ["Rank", "Gap"])
    assert gap_table["rows"] == min(10, len(project.gaps)) + 1
    matrix = next(t for t in tables if t["header"][1:2] == ["1 (low)"])
    assert (matrix["rows"], matrix["columns"], matrix["shaded"]) == (6, 6, 25 + 6)
    chart = next(t for t in tables if t["header"][:1] == [""] and t["header"][1:2] == ["Dec"])
    assert chart["rows"] == len(project.pilots) + 2
    assert chart["fills"]["1F3864"] >= 16  # the critical path's weeks, plus the header cells
    assert summary["title"] == "MLOps discovery for Harbour & Pine Retail: findings and proposal"  # one colon
    assert summary["author"] == "Sam Okafor"
    assert summary["page"] == [210, 297]
    assert summary["page_numbers"]


def test_letter_sections_and_redaction(example: Path) -> None:
    summary = summarise(export(example, paper="letter", sections=("gaps", "timeline"), redact=True))
    assert summary["page"] == [216, 279]
    h1 = [h for h in summary["headings"] if h.startswith("Heading 1")]
    assert h1 == ["Heading 1: Prioritised gaps", "Heading 1: Timeline"]
    assert summary["author"] == ""
    from docx import Document

    text = "\n".join(
        p.text
        for p in Document(
            str(example.parent / "redacted-proposal.docx")
        ).paragraphs
    )
    assert "Harbour" not in text and "Sam Okafor" not in text and "Priya" not in text


def test_hostile_characters_never_break_the_export(example: Path) -> None:
    text = example.read_text()
    text = text.replace(
        'title = "Features rebuilt per project"',
        'title = "Features\\u0000 \\u000b rebuilt \\u001b[31m per project"',
    )
    text = text.replace('quote = "We rebuilt', 'quote = "Bell\\u0007 and NUL\\u0000: we rebuilt')
    example.write_text(text)
    path = export(example, ids=True)
    summary = summarise(path)
    assert "Heading 2: P-4 Shared basket features with a catalogue" in summary["headings"]
    from docx import Document

    cells = [c.text for t in Document(str(path)).tables for r in t.rows for c in r.cells]
    assert any("G-004 Features  rebuilt [31m per project" in c for c in cells)
    assert xml_safe("a\x00b\x0bc\x1b") == "abc"


def test_file_name_is_sanitised_and_stays_in_the_folder(example: Path) -> None:
    text = example.read_text().replace(
        'name = "Harbour & Pine Retail: MLOps discovery"', 'name = "../../etc/passwd: x"'
    )
    example.write_text(text)
    path = export(example)
    assert path.parent == example.parent
    assert path.name == "etc-passwd-x-proposal.docx"
    project = load_project(example)
    with pytest.raises(ExportRefused):
        export_proposal(
            project, load_catalogue(example), ExportRequest(example.parent, filename="../evil.docx")
        )


def test_existing_file_is_not_overwritten_without_force(example: Path) -> None:
    path = export(example)
    path.write_bytes(b"keep me")
    project = load_project(example)
    with pytest.raises(ExportRefused):
        export_proposal(project, load_catalogue(example), ExportRequest(example.parent))
    assert path.read_bytes() == b"keep me"


def test_markdown_twin(example: Path) -> None:
    text = export(example, format="md").read_text()
    assert text.startswith("# MLOps discovery: findings and proposal\n")
    assert "## Prioritised gaps" in text
    assert "| 1 | Deployment is manual and takes weeks |" in text
    assert "> “The recommender model was done in four days; getting it live took seven weeks.” (ML engineer)" in text


def test_empty_project_exports(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text('schema_version = 1\n[project]\nname = "Empty"\n')
    summary = summarise(export(path))
    assert "Heading 1: Executive summary" in summary["headings"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_renders_in_libreoffice(example: Path, tmp_path: Path) -> None:
    path = export(example)
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / (path.stem + ".pdf")
    assert pdf.exists(), result.stderr
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    else:
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    # 26 on the example (5 the code patterns, 3 the maturity scales with the 10 questions scored on
    # their own scale, #16 fresh-eyes 16, 4): code, pilot facts and totals kept whole
    assert 8 <= pages <= 28
    warnings = [
        line
        for line in result.stderr.splitlines()
        if ("warn" in line.lower() or "error" in line.lower()) and "javaldx" not in line  # LibreOffice's own Java
    ]
    assert not warnings, result.stderr
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Executive summary" in text
        assert "Deployment is manual and takes weeks" in text
        assert "Page 1 of" not in text  # no footer on the cover
        assert f"Page 2 of {pages}" in text


def test_the_format_follows_the_file_name(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#15 fresh eyes 2: -o x.md wrote a .docx into x.md, and --format md -o y.docx wrote Markdown."""
    import zipfile

    from tests.helpers import run_cli

    markdown = example.parent / "x.md"
    assert run_cli(["export", str(example), "-o", str(markdown)], capsys)[0] == 0
    assert markdown.read_text(encoding="utf-8").startswith("#")
    word = example.parent / "y.docx"
    assert run_cli(["export", str(example), "-o", str(word)], capsys)[0] == 0
    assert zipfile.is_zipfile(word)
    code, _, err = run_cli(["export", str(example), "--format", "md", "-o", str(example.parent / "z.docx")], capsys)
    assert code == 2 and "contradicts" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (example.parent / "z.docx").exists()


def test_the_matrix_arrow_agrees_with_the_screen(example: Path) -> None:
    """Walkthrough w14a: the proposal's matrix said "Impact ↓" while the screen says "Impact ↑";
    both list high impact at the top, so both point up."""
    from docx import Document

    from workbench.ui.widgets.matrix import IMPACT_TITLE

    headers = [table.rows[0].cells[0].text for table in Document(str(export(example))).tables]
    matrix = [h for h in headers if "Complexity →" in h]
    assert matrix == [f"{IMPACT_TITLE} · Complexity →"], headers
