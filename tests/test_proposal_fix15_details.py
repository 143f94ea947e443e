"""Issue 15, fix15 9: details a consultant found on the large project and a new one."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree

from tests.proposal_text import docx_text, tables
from tests.test_proposal import export, section
from workbench.store.files import ProjectFile


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.generate import write_large_project

    return write_large_project(tmp_path_factory.mktemp("large") / "large.toml")


@pytest.fixture(scope="module")
def large_docx(large: Path) -> Path:
    return export(large)


def test_the_timeline_orders_titles_as_numbers(large_docx: Path) -> None:
    rows = next(t for t in tables(large_docx) if t[0][:2] == ["Item", "Weeks"])[1:]
    for _, same in itertools.groupby(rows, key=lambda row: row[1]):
        numbers = [int(re.search(r"\d+", row[0]).group()) for row in same]  # type: ignore[union-attr]
        assert numbers == sorted(numbers), numbers


def test_investment_names_the_leads_only_where_they_are_named(large_docx: Path) -> None:
    text = docx_text(large_docx)
    investment = section(text, "Investment and team", "Assumptions and risks")
    assert "named under Pilots," not in investment  # Pilots describes 10 of the 60


def test_the_gap_table_says_strategic_initiative(example: Path) -> None:
    rows = next(t for t in tables(export(example)) if t[0][:2] == ["Rank", "Gap"])[1:]
    quadrants = {row[-1] for row in rows}
    assert "Strategic initiative" in quadrants and "Strategic" not in quadrants


def test_the_summary_names_its_first_pilots_as_titles(example: Path) -> None:
    project_file = ProjectFile.load(example)
    first = min((p for p in project_file.project.pilots if p.kind == "pilot"), key=lambda p: p.id)
    first.title = "Value dashboard for the pricing model"
    project_file.save()
    summary = section(docx_text(export(example)), "Executive summary", "Context and approach")
    assert "starting with value dashboard" not in summary
    # Walkthrough w14a: only the pilots that start first are named ("the pilots A and B" when B
    # waited for A); in the example P-1 starts alone, the deep-dive beside it.
    assert "starting with the pilot Value dashboard for the pricing model, for about" in summary


def test_every_gap_in_a_matrix_cell_has_its_rule(large_docx: Path) -> None:
    """Word and LibreOffice merge consecutive paragraphs with the same border into one group: the
    third gap and "And N more" ran together under a single rule."""
    from docx import Document

    table = next(t for t in Document(str(large_docx)).tables if t.rows[0].cells[1].text == "1 (low)")
    crowded = [cell for row in table.rows[1:] for cell in row.cells[1:] if len(cell.paragraphs) >= 3]
    assert crowded
    for cell in crowded:
        borders = [p._p.pPr.find(qn("w:pBdr")) for p in cell.paragraphs]
        assert borders[0] is None and all(b is not None for b in borders[1:])
        xml = [etree.tostring(b) for b in borders[1:]]
        assert all(a != b for a, b in itertools.pairwise(xml))  # no two alike in a row: no merging


def test_a_milestone_is_dated_on_the_day_its_title_names(example: Path) -> None:
    rows = next(t for t in tables(export(example)) if t[0][:2] == ["Item", "Weeks"])[1:]
    freeze = next(row for row in rows if row[0].startswith("Peak-trading change freeze lifts (8 Jan)"))
    assert freeze[2] == "8 Jan 2027", freeze


def test_the_timeline_marks_only_the_critical_path_it_names(example: Path) -> None:
    """Large project: "Pilot number 12" named as the critical path while 8 items said "None
    (critical path)": every item without slack was marked, the sentence named one chain."""
    project_file = ProjectFile.load(example)
    longest = next(p for p in project_file.project.pilots if p.id == "P-7")
    longest.weeks = 7  # ends with the plan: no slack, on a chain of its own
    project_file.save()
    path = export(example)
    rows = next(t for t in tables(path) if t[0][:2] == ["Item", "Weeks"])[1:]
    marked = [row[0] for row in rows if row[3] == "None (critical path)"]
    named = re.search(r"The critical path, which sets the end date: (.+?)\.\n", docx_text(path))
    assert named is not None
    assert marked == [title for title in marked if title in named.group(1)]
    assert len(marked) == len(named.group(1).split(" → "))


def test_how_maturity_is_scored_is_an_appendix_after_the_sign_off_in_client_words(example: Path) -> None:
    text = docx_text(export(example))
    body = text[text.index("Executive summary\n", text.index("Contents") + 20) :]
    assert body.index("Decision and sign-off\n") < body.index("Appendix: how maturity is scored\n")
    context = section(text, "Context and approach", "What is working well")
    assert (
        "How maturity is scored\n" not in context
        and "Feature Engineering & Data Preparation\n1 · " not in context
    )
    scale = text[text.rindex("Appendix: how maturity is scored\n") :]
    assert "Discovery questions" not in scale and "on its own scale" not in scale
    assert not re.search(r"\(\d\)\n", scale)  # no "(2)" to tell two questions apart


def test_the_summary_does_not_say_the_pilot_pilot(example: Path) -> None:
    # Session 13 walkthrough: the default title 'Pilot: <gap>' read "starting with the pilot Pilot: …".
    project_file = ProjectFile.load(example)
    pilots = [p for p in project_file.project.pilots if p.kind == "pilot"]
    for pilot in pilots:
        pilot.title = f"Pilot: {pilot.title}"
    project_file.save()
    summary = section(docx_text(export(example)), "Executive summary", "Context and approach")
    assert "starting with the pilot " in summary
    assert "Pilot:" not in summary
