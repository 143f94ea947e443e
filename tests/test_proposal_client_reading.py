"""#15 fresh-eyes (session 7): what a client's CFO reads first. A name at the start of a gap
title keeps its capital inside a sentence, and on a large project "What is working well" stays a
short section instead of one line per high score told but not seen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_proposal import export
from workbench.export.wording import first_lower
from workbench.store.files import ProjectFile


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        ("Deployment is manual", (), "deployment is manual"),
        ("MLflow is not used", (), "MLflow is not used"),
        ("Brauhaus Nord cannot show the value", (), "Brauhaus Nord cannot show the value"),
        ("Harbour & Pine has no registry", (), "Harbour & Pine has no registry"),
        ("Katrin cannot show the board the return", ("Katrin",), "Katrin cannot show the board the return"),
        ("Katrin's team waits for data", ("Katrin",), "Katrin's team waits for data"),
        ("No ML platform", (), "no ML platform"),
        ("", (), ""),
    ],
)
def test_a_title_inside_a_sentence_keeps_names_and_acronyms(title: str, names: tuple[str, ...], expected: str) -> None:
    assert first_lower(title, names) == expected


def test_a_gap_named_after_the_client_keeps_its_capital_in_the_summary(example: Path) -> None:
    project_file = ProjectFile.load(example)
    project = project_file.project
    project.project.client = "Brauhaus Nord GmbH"
    project.gap("G-001").title = "Brauhaus Nord cannot ship a model in under a month"  # type: ignore[union-attr]
    project_file.save()
    text = export(example, "md").read_text(encoding="utf-8")
    summary = text[text.index("## Executive summary") : text.index("## Context and approach")]
    assert "Brauhaus Nord cannot ship a model in under a month" in summary
    assert "brauhaus" not in summary


def test_what_is_working_well_stays_short_on_a_large_project(tmp_path: Path) -> None:
    from bench.generate import write_large_project

    large = write_large_project(tmp_path / "large.toml")
    text = export(large, "md").read_text(encoding="utf-8")
    well = text[text.index("## What is working well") : text.index("## Findings by theme")]
    bullets = [line for line in well.splitlines() if line.startswith("- ")]
    assert 1 <= len(bullets) <= 6, bullets
    told = [b for b in bullets if "were described at level 4 or 5" in b]
    assert len(told) == 1, told
    assert len(well) < 2000


def test_who_we_spoke_to_shows_a_booked_length_and_no_empty_column(example: Path) -> None:
    """#15 fresh-eyes (session 7) 8: a session never clocked printed an empty Length cell."""
    project_file = ProjectFile.load(example)
    for session in project_file.project.sessions:
        session.elapsed_seconds, session.minutes = 0, None
    project_file.save()
    text = export(example, "md").read_text(encoding="utf-8")
    spoke = text[text.index("### Who we spoke to") : text.index("## What is working well")]
    assert "Length" not in spoke and "| |" not in spoke.replace(" ", "").replace("||", "| |")
    project_file = ProjectFile.load(example)
    project_file.project.sessions[0].minutes = 40
    project_file.save()
    text = export(example, "md").read_text(encoding="utf-8")
    spoke = text[text.index("### Who we spoke to") : text.index("## What is working well")]
    assert "| Length |" in spoke and "40 minutes booked" in spoke


def test_the_document_title_has_one_colon(example: Path) -> None:
    from docx import Document

    assert Document(str(export(example))).core_properties.title == (
        "MLOps discovery for Harbour & Pine Retail: findings and proposal"
    )


def test_and_n_more_starts_a_line_with_a_capital(tmp_path: Path) -> None:
    """#15 fresh-eyes (session 7) 10: a matrix cell's last bullet read "and 14 more gaps"."""
    from bench.generate import write_large_project

    text = export(write_large_project(tmp_path / "large.toml"), "md").read_text(encoding="utf-8")
    assert "And " in text and "more gaps" in text
    lines = [line.strip(" -|•") for line in text.splitlines()]
    assert not [line for line in lines if line.startswith("and ") and " more " in line]
    cells = [cell.strip() for line in text.splitlines() if line.startswith("|") for cell in line.split("|")]
    assert not [c for c in cells if c.startswith("and ") and " more " in c]


def test_the_timeline_chart_stays_on_one_page_with_its_key(example: Path) -> None:
    """#15 fresh-eyes (session 7) 6: the Gantt split across two pages, its key on the second."""
    from docx import Document

    document = Document(str(export(example)))
    chart = next(t for t in document.tables if len(t.rows) > 1 and t.rows[1].cells[0].text == "Week")
    assert all(p.paragraph_format.keep_with_next for row in chart.rows for p in row.cells[0].paragraphs)


def test_a_template_that_is_not_word_inside_is_refused_in_one_sentence(tmp_path: Path) -> None:
    """#15 fresh-eyes (session 7) 10: a text file named bad.docx was told 'save the template as .docx'."""
    from workbench.export.writer import ExportRefused, check_template

    fake = tmp_path / "bad.docx"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ExportRefused) as refused:
        check_template(fake)
    assert "cannot be read as a Word document, whatever its name says" in str(refused.value)
    assert "save the template as .docx" not in str(refused.value)


def test_the_export_says_what_it_leaves_out_of_the_consultants_words(example: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """#15 fresh-eyes (session 7) 3: notes naming a person, and sentences of the consultant's own
    summary that redaction removes, vanished without a word."""
    from tests.helpers import run_cli

    project_file = ProjectFile.load(example)
    project = project_file.project
    quote = project.heard[0].quote
    project.proposal.executive_summary = f"We were told: {quote} We propose seven pilots."
    answer = next(a for a in project.answers if a.status == "answered" and a.notes)
    answer.notes = "Katrin Vogel cannot show the board the return."
    project.sessions[0].attendees[0].name = "Katrin Vogel"
    project_file.save()
    code, out, _ = run_cli(["export", str(example), "-o", str(example.parent / "p.md"), "--redact"], capsys)
    assert code == 0
    notes = [line for line in out.splitlines() if line.startswith("note: ")]
    assert any("of answer notes stay out of the findings" in n for n in notes), out
    assert any("Redaction kept 1 of the 2 sentences of your executive summary" in n for n in notes), out
