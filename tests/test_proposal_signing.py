"""The proposal a client signs, read with fresh eyes (issue 15, fresh eyes 4): one ranking, arithmetic
that adds up, one role per item, each quote once, natural "and N more", fields, sign-off room, code
kept whole and capitalised bullets."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from tests.proposal_text import docx_text, tables
from tests.test_proposal import WITH_CODE, export, section
from workbench.analysis.gaps import evidence_confidence
from workbench.export.investment import EFFORT_PEOPLE
from workbench.store.files import load_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.generate import write_large_project

    return write_large_project(tmp_path_factory.mktemp("large") / "large.toml")


def test_the_ranking_rule_stated_is_the_order_of_the_table(example: Path) -> None:
    """Finding 1: the text said "impact first", the table ranks by a weighted score."""
    text = docx_text(export(example))
    gaps = section(text, "Prioritised gaps", "Impact and complexity matrix")
    shares = {
        name: int(re.search(rf"{name} \((\d+)%\)", gaps).group(1))  # type: ignore[union-attr]
        for name in ("business impact", "how easy the gap is to close", "how strong the evidence is")
    }
    project = load_project(example)
    by_title = {g.title: g for g in project.gaps}
    table = next(t for t in tables(export(example)) if t[0][0] == "Rank")

    def score(title: str) -> float:
        gap = by_title[title]
        return (
            shares["business impact"] * gap.impact
            + shares["how easy the gap is to close"] * (6 - gap.complexity)
            + shares["how strong the evidence is"] * 5 * evidence_confidence(project, gap)
        )

    scores = [score(row[1]) for row in table[1:]]
    assert scores == sorted(scores, reverse=True)
    assert "impact first" not in gaps


def test_the_effort_rule_stated_adds_up_to_the_table(example: Path) -> None:
    """Finding 2: "small: half a person" but a 2-week pilot of one small practice showed 2 people-weeks."""
    path = export(example)
    text = docx_text(path)
    investment = section(text, "Investment and team", "Assumptions and risks")
    assert "rounded up to whole people" in investment
    rows = next(t for t in tables(path) if t[0][:4] == ["Item", "Length", "Team", "Effort"])
    number = re.compile(r"([\d,]+)")
    total = 0
    for title, length, team, effort, _ in rows[1:-1]:
        weeks, people, people_weeks = (int(number.search(c).group(1)) for c in (length, team, effort))  # type: ignore[union-attr]
        assert people * weeks == people_weeks, title
        total += people_weeks
        project = load_project(example)
        item = next(p for p in project.pilots if p.title == title)
        if item.kind == "pilot" and item.practices:
            from workbench.banks import load_catalogue

            sizes = [load_catalogue(example).practices[p].effort for p in item.practices]
            assert people == max(1, math.ceil(sum(EFFORT_PEOPLE[s] for s in sizes))), title
    assert rows[-1][0] == "Total" and rows[-1][3] == f"{total} people-weeks"


def test_each_item_has_one_lead_and_the_text_agrees(example: Path) -> None:
    """Finding 3: the deep-dive is led by the consultant, yet every item was to have a lead from the
    client's side."""
    path = export(example)
    text = docx_text(path)
    investment = section(text, "Investment and team", "Assumptions and risks")
    assert "Kestrel Data Consulting leads the deep-dive" in investment
    theirs = [p for p in load_project(example).pilots if p.kind == "pilot"]
    assert f"The {len(theirs)} pilots are led from your side" in investment
    assert "each pilot also needs a named lead" not in investment
    leads = [t for t in tables(path) if t[0][0] == "Scope"]
    dive = next(t for t in leads if "A written summary" in t[1][1])
    assert ["Lead", "Sam Okafor (Kestrel Data Consulting)"] in dive
    others = [row[1] for t in leads if t is not dive for row in t if row[0] == "Lead"]
    assert others and not any("Kestrel" in lead for lead in others)
    risks = section(text, "Assumptions and risks", "Next steps")
    assert "half their time" not in risks  # the lead gives a day a week, as the investment says


def test_each_quote_appears_once(example: Path) -> None:
    """Finding 4: the CFO's quote was in the summary, in a finding's note and as the quote itself."""
    project = load_project(example)
    text = docx_text(export(example)).lower().replace("’", "'")
    for heard in project.heard:
        fragment = heard.quote.lower().replace("’", "'")[:40]
        assert text.count(fragment) == 1, heard.quote
    summary = section(docx_text(export(example)), "Executive summary", "Context and approach")
    assert "“" not in summary


def test_and_n_more_reads_naturally_on_a_large_project(large: Path) -> None:
    """Finding 5: "And 101 more strategics."; finding 10: Markdown bullets began "- and 287 more"."""
    text = export(large, "md").read_text(encoding="utf-8")
    assert "strategics" not in text
    assert re.search(r"And [\d,]+ more strategic initiatives\.", text)
    assert re.search(r"And [\d,]+ more quick wins\.", text)
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    assert re.findall(r"^- [a-z]", prose, re.M) == []
    # #15 fresh eyes 5, finding 8: the findings left out say where they are
    assert re.search(
        r"^\*[\d,]+ more findings on this theme are in our session notes, available on request\.\*$",
        prose,
        re.M,
    )
    assert not re.search(r"(?i)^- and [\d,]+ more finding", prose, re.M)


def test_word_bullets_start_with_a_capital(large: Path) -> None:
    """Finding 10, the Word side: every bullet of the document starts with a capital."""
    document = Document(str(export(large)))
    bullets = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"]
    assert bullets and [b for b in bullets if b[:1].islower()] == []


def test_word_updates_the_contents_on_opening(example: Path) -> None:
    """Finding 6: the contents had no page numbers until the reader updated fields by hand."""
    with zipfile.ZipFile(export(example)) as package:
        settings = package.read("word/settings.xml").decode("utf-8")
    assert '<w:updateFields w:val="true"/>' in settings
    # in the schema's order: after the zoom and proofing settings, before the compatibility settings
    assert settings.index("<w:zoom") < settings.index("<w:updateFields") < settings.index("<w:compat>")


def test_the_sign_off_rows_leave_room_to_sign(example: Path) -> None:
    """Finding 7: the sign-off rows were one line of 9 pt text high."""
    document = Document(str(export(example)))
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:3] == ["Name", "Role", "Signature"])
    for row in table.rows[1:]:
        height = row._tr.find(f"{W}trPr/{W}trHeight")
        assert height is not None
        assert height.get(f"{W}hRule") == "exact"
        assert int(height.get(f"{W}val")) >= 680  # 1.2 cm in twips


def test_code_patterns_are_kept_whole_and_with_their_practice(example: Path) -> None:
    """Finding 8: a practice's configuration block split across two pages."""
    document = Document(str(export(example, sections=WITH_CODE)))
    code = [p for p in document.paragraphs if any(r.font.name == "Consolas" for r in p.runs)]
    assert len(code) >= 5
    for paragraph in code:
        assert paragraph.paragraph_format.keep_together is True
        previous = paragraph._p.getprevious()
        assert previous.find(f"{W}pPr/{W}keepNext") is not None, paragraph.text[:40]


def test_guides_refer_to_practices_by_title_not_id(example: Path) -> None:
    """Fresh eyes 4: "See also fe.skew-checks" showed the client a guide's internal id."""
    from workbench.banks import load_catalogue

    path = export(example)
    code = {p.text for p in Document(str(path)).paragraphs if any(r.font.name == "Consolas" for r in p.runs)}
    text = "\n".join(line for line in docx_text(path).splitlines() if line not in code)
    practices = load_catalogue(example).practices
    assert [i for i in practices if re.search(rf"(?<![\w.]){re.escape(i)}(?![\w-])", text)] == []
    assert "See also “Check training/serving skew continuously”" in text


def test_a_total_never_sits_alone_and_a_pilots_facts_stay_together(example: Path) -> None:
    """Fresh eyes 4: the investment table's Total row was alone on the next page, and a pilot's facts
    split across two pages."""
    document = Document(str(export(example)))

    def kept(row: object) -> bool:
        return all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)  # type: ignore[attr-defined]

    investment = next(t for t in document.tables if t.rows[0].cells[0].text == "Item" and t.rows[-1].cells[0].text == "Total")
    assert kept(investment.rows[-2]) and not kept(investment.rows[1])
    facts = [t for t in document.tables if t.rows[0].cells[0].text == "Scope"]
    assert facts and all(all(kept(r) for r in t.rows[:-1]) for t in facts)
    for table in document.tables:
        previous = table._tbl.getprevious()
        assert previous.find(f"{W}pPr/{W}keepNext") is not None or previous.tag == f"{W}tbl"


SYSTEM_PYTHON = Path("/usr/bin/python3")
"""The Python that LibreOffice's `uno` module (python3-uno) belongs to."""


def _can_render() -> bool:
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None or not SYSTEM_PYTHON.exists():
        return False
    return subprocess.run([str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True, check=False).returncode == 0


@pytest.mark.skipif(not _can_render(), reason="LibreOffice with python3-uno, or pdftotext, is not installed")
def test_the_contents_page_shows_the_pages_the_sections_start_on(example: Path, tmp_path: Path) -> None:
    """Finding 6, as a reader of the rendered document sees it: once fields are updated (Word does it on
    opening), the contents fit one page and give each section's real page number."""
    pdf = tmp_path / "proposal.pdf"
    from workbench.export.pdf import SCRIPT as script  # the route `workbench export --pdf` takes

    result = subprocess.run(
        [str(SYSTEM_PYTHON), str(script), str(export(example, sections=WITH_CODE)), str(pdf)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0 and pdf.exists(), result.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [page.splitlines() for page in text.split("\f")]
    assert pages[1][0] == "Contents"
    entries = [re.match(r"^(.+?)\s*\.{3,}\s*(\d+)$", line) for line in pages[1]]
    listed = {m.group(1).strip(): int(m.group(2)) for m in entries if m}
    assert "Decision and sign-off" in listed  # the whole contents on the contents page
    titles = ("Executive summary", "Prioritised gaps", "Pilots", "Decision and sign-off", "Appendix: code patterns")
    for title in titles:
        starts = next(number for number, lines in enumerate(pages, start=1) if number > 2 and title in lines)
        assert listed[title] == starts, title
