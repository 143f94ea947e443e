"""#15, last findings 5: the contents page had no page numbers when LibreOffice converted the .docx
headless. `workbench export --pdf` converts it with the contents updated; without LibreOffice it says
so in one sentence, and the .docx is written all the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.test_proposal_signing import _can_render
from workbench.export import pdf


@pytest.mark.skipif(not _can_render(), reason="LibreOffice with python3-uno, or pdftotext, is not installed")
def test_the_pdf_has_a_numbered_contents_page(
    example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    temporary = example.parent / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))  # where LibreOffice's profile for the run goes
    out = example.parent / "out" / "proposal.docx"
    code, said, errors = run_cli(["export", str(example), "-o", str(out), "--pdf"], capsys)
    assert code == 0, errors
    target = out.with_suffix(".pdf")
    assert f"wrote {target}" in said and out.exists()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    pages = [page.splitlines() for page in text.split("\f")]
    assert pages[1][0] == "Contents"
    listed = dict(
        (m.group(1).strip(), int(m.group(2)))
        for m in (re.match(r"^(.+?)\s*\.{3,}\s*(\d+)$", line) for line in pages[1])
        if m
    )
    assert listed["Executive summary"] == 3
    starts = next(n for n, lines in enumerate(pages, start=1) if n > 2 and "Decision and sign-off" in lines)
    assert listed["Decision and sign-off"] == starts
    assert list(temporary.iterdir()) == []  # the profile is removed: a PDF a week leaves nothing behind


def test_without_libreoffice_one_sentence_and_the_docx(
    example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_office", lambda: None)
    out = example.parent / "out" / "proposal.docx"
    code, _, errors = run_cli(["export", str(example), "-o", str(out), "--pdf"], capsys)
    assert code == 1
    assert out.exists() and not out.with_suffix(".pdf").exists()
    (line,) = errors.strip().splitlines()
    assert "LibreOffice is not installed" in line and line.endswith("the .docx is written.")


def test_without_the_python_bridge_one_sentence(
    example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_office", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(pdf, "find_uno_python", lambda office: None)
    code, _, errors = run_cli(["export", str(example), "-o", str(example.parent / "p.docx"), "--pdf"], capsys)
    assert code == 1
    (line,) = errors.strip().splitlines()
    assert "python3-uno" in line


def test_pdf_is_for_the_word_document(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, errors = run_cli(["export", str(example), "-o", str(example.parent / "p.md"), "--pdf"], capsys)
    assert code == 2 and "--pdf" in errors
    assert not (example.parent / "p.md").exists()


def test_an_existing_pdf_is_replaced_only_with_force(
    example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_office", lambda: None)
    existing = example.parent / "p.pdf"
    existing.write_bytes(b"%PDF-1.4 sent last week")
    code, _, errors = run_cli(["export", str(example), "-o", str(example.parent / "p.docx"), "--pdf"], capsys)
    assert code == 1 and "--force" in errors
    assert existing.read_bytes() == b"%PDF-1.4 sent last week"
    assert not (example.parent / "p.docx").exists()
