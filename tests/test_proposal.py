"""The proposal a client signs: one test per finding of issue 15 (and the consultant's own text)."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from tests.conftest import TODAY
from tests.proposal_text import docx_text, tables, xml_parts
from workbench.analysis.currency import money_words
from workbench.analysis.gaps import gap_quadrant
from workbench.banks import load_catalogue
from workbench.export.blocks import Table
from workbench.export.docx_tables import CELL_PADDING, CHAR_WIDTH, column_widths
from workbench.export.options import DEFAULT_SECTIONS, SECTIONS, ProposalOptions
from workbench.export.redaction import people_in, roles_in
from workbench.export.sections_plan import TABLE_QUADRANTS
from workbench.export.writer import ExportRequest, export_proposal
from workbench.model.project import Project
from workbench.store.files import ProjectFile, load_project

WITH_CODE = (*DEFAULT_SECTIONS, "code-patterns")
"""The default sections and the opt-in appendix of code patterns (fix15 4)."""


def export(path: Path, fmt: str = "docx", **options: object) -> Path:
    project = load_project(path)
    template = options.pop("template", None)
    request = ExportRequest(
        path.parent / "out",
        format=fmt,
        force=True,
        options=ProposalOptions(**{"today": TODAY, **options}),  # type: ignore[arg-type]
        template=template,  # type: ignore[arg-type]
    )
    return export_proposal(project, load_catalogue(path), request)


def section(text: str, title: str, following: str) -> str:
    """The text between two headings (the last time the first appears: the contents list it too)."""
    start = text.rindex(f"\n{title}\n")
    return text[start : text.index(f"\n{following}\n", start)]


# 1. Investment, effort, team, risks and the decision ------------------------------------------


def test_investment_effort_team_risks_and_decision(example: Path) -> None:
    text = docx_text(export(example))
    investment = section(text, "Investment and team", "Assumptions and risks")
    assert "people-weeks" in investment and "Total" in investment
    assert re.search(r"\d+ people-weeks", investment)
    assert "ML engineering" in investment
    assert "(S)" in text and "(M)" in text  # practice sizes in recommendations and pilots
    assert "Assumption:" in section(text, "Assumptions and risks", "Next steps")
    assert "approve" in section(text, "Decision and sign-off", "Signature")


# 2. The executive summary is prose, 3–5 sentences, with the facts; the consultant's text wins ---


def test_executive_summary_is_a_short_argument_from_the_notes(example: Path) -> None:
    text = docx_text(export(example))
    summary = section(text, "Executive summary", "Context and approach").strip()
    sentences = re.findall(r"[^.!?”]+[.!?](?:”)?(?=\s|$)", summary.split("\n", 1)[1])
    assert 3 <= len(sentences) <= 7
    assert "(s)" not in summary
    money = re.search(r"\$\d+k/month", load_project(example).model_dump_json())
    assert money is not None and money_words(money.group(0)) in summary  # "$38,000 per month"
    assert "We recommend" in summary and "We ask" in summary


def test_the_consultants_own_text_is_used_and_saved_in_place(example: Path) -> None:
    project_file = ProjectFile.load(example)
    own = "Harbour & Pine can halve time to production this quarter.\n\n- First point\n- Second point"
    project_file.project.proposal.executive_summary = own
    project_file.save()
    saved = example.read_text()
    assert saved.startswith("# Harbour & Pine Retail: MLOps discovery (fictional example engagement).")
    assert 'executive_summary = """Harbour & Pine can halve' in saved.split("[proposal]")[1].split("\n[")[0]
    text = docx_text(export(example))
    summary = section(text, "Executive summary", "Context and approach")
    assert "Harbour & Pine can halve time to production this quarter." in summary
    assert "We recommend" not in summary
    summary_doc = Document(str(export(example)))
    bullets = [p.text for p in summary_doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets[:2] == ["First point", "Second point"]


# 3. One quadrant per gap, everywhere ----------------------------------------------------------


def test_quadrants_are_the_same_in_the_table_the_matrix_and_the_recommendations(example: Path) -> None:
    project = load_project(example)
    text = docx_text(export(example))
    gap_rows = next(t for t in tables(export(example)) if t[0][:2] == ["Rank", "Gap"])[1:]
    by_title = {row[1]: row[5] for row in gap_rows}
    quick = section(text, "Quick wins", "Strategic initiatives")
    strategic = section(text, "Strategic initiatives", "Fill-ins")
    for gap in project.gaps:
        label = TABLE_QUADRANTS[gap_quadrant(project, gap)]
        assert by_title[gap.title] == label
        assert (gap.title in quick) == (label == "Quick win"), gap.title
        assert (gap.title in strategic) == (label == "Strategic initiative"), gap.title


# 4. Client language: no ids, no tool vocabulary -------------------------------------------------


TOOL_WORDS = (
    "priority 9",
    "Why here",
    "No practice mapped",
    "(s)",
    "[done]",
    "Evaluation criterion",
    "slack 0",
)


def test_ids_and_tool_vocabulary_are_hidden_by_default(example: Path) -> None:
    project = load_project(example)
    text = docx_text(export(example))
    ids = [g.id for g in project.gaps] + [p.id for p in project.pilots] + [m.id for m in project.metrics]
    for record_id in ids:
        assert not re.search(rf"(?<![\w-]){re.escape(record_id)}(?![\w-])", text), record_id
    for word in TOOL_WORDS:
        assert word not in text, word
    shown = docx_text(export(example, ids=True))
    assert "G-001 Deployment is manual and takes weeks" in shown and "P-2 " in shown


# 5. The appendix is opt-in and holds no skipped, not-applicable or follow-up notes ----------------


def test_appendix_is_opt_in_and_clean(example: Path) -> None:
    project = load_project(example)
    assert "Appendix: what we heard" not in docx_text(export(example))
    text = docx_text(export(example, sections=SECTIONS))
    appendix = text[text.rindex("Appendix: what we heard") :]
    assert ("Skipped" in appendix, "Not applicable" in appendix, "Needs follow-up" in appendix) == (
        False,
        False,
        False,
    )
    for answer in project.answers:
        if answer.status != "answered" and answer.notes:
            assert (answer.notes.split("\n")[0] in appendix) is False, answer.notes
        if answer.follow_up_with:
            assert (answer.follow_up_with in appendix) is False, answer.follow_up_with


# 6. Units on every number ------------------------------------------------------------------------


def test_metrics_carry_units_and_read_the_right_way(example: Path) -> None:
    text = docx_text(export(example))
    assert "from 3 weeks to 48 hours" in text
    assert not re.search(r"\d\s*→\s*\d", text)
    assert "– →" not in text and "to baseline" not in text
    assert not re.search(r"\b1 (weeks|people|pilots|gaps|minutes)\b", text)


# 7. The timeline: weeks from 1, inclusive ends, months and dates, slack not like banding ----------


def test_timeline_weeks_from_one_with_months_and_distinct_slack(example: Path) -> None:
    path = export(example)
    chart = next(t for t in tables(path) if t[1][:2] == ["Week", "1"])
    assert chart[0][1] == "Dec"
    weeks = chart[1][1:]
    assert weeks == [str(w) for w in range(1, len(weeks) + 1)]
    schedule = next(t for t in tables(path) if t[0][:2] == ["Item", "Weeks"])
    last = max(int(re.findall(r"\d+", row[1])[-1]) for row in schedule[1:])
    assert last == len(weeks)  # the last item ends in the chart's last week, counted inclusively
    assert all(re.fullmatch(r"\d{1,2} \w{3} \d{4}( – \d{1,2} \w{3} \d{4})?", row[2]) for row in schedule[1:])
    document = Document(str(path))
    fills = {
        (shd.get(qn("w:val")), shd.get(qn("w:fill")))
        for table in document.tables
        for shd in table._tbl.iter(qn("w:shd"))
    }
    assert not any(val.startswith("pct") for val, _ in fills)  # slack is dots (a tint looks like a bar)
    styles = {t.style.name for t in document.tables if t.style is not None}
    assert styles == {"Table Grid"}  # no banded styles


# 8. Columns wide enough for their longest word; rows never split ---------------------------------


def test_columns_never_break_words_and_rows_never_split(example: Path) -> None:
    block = Table(
        ["Session", "Focus", "Date", "Attendees (roles)", "Duration", "Impact", "Complexity"],
        [
            [
                "Executive Stakeholder Session",
                "Business value " * 6,
                "16 Nov 2026",
                "CFO, VP Digital",
                "43 minutes",
                "5",
                "3",
            ]
        ],
    )
    usable = 6_120_000  # 170 mm
    widths = column_widths(block, usable)
    assert sum(widths) <= usable
    for column, width in enumerate(widths):
        words = " ".join([block.headers[column], block.rows[0][column]]).split()
        longest = max(len(w) for w in words)
        assert width >= 12700 * 9 * CHAR_WIDTH * longest + CELL_PADDING - 1, block.headers[column]
    document = Document(str(export(example)))
    rows = [row for table in document.tables for row in table.rows]
    assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)


# 9. The matrix names the gaps and labels its axes ------------------------------------------------


def test_matrix_shows_titles_and_axis_labels(example: Path) -> None:
    project = load_project(example)
    matrix = next(t for t in tables(export(example)) if t[0][1:2] == ["1 (low)"])
    assert "Impact" in matrix[0][0] and "Complexity" in matrix[0][0]
    assert matrix[1][0] == "5 (high)" and matrix[-1][0] == "1 (low)"
    cells = "\n".join(c for row in matrix[1:] for c in row[1:])
    for gap in project.gaps:
        assert gap.title in cells


# 10. Pilots commit to scope, deliverables, criteria and effort; next steps end in a decision -------


def test_pilots_commit_and_next_steps_end_in_a_decision(example: Path) -> None:
    project = load_project(example)
    path = export(example)
    facts = [t for t in tables(path) if t[0][0] == "Scope"]
    assert len(facts) == len([p for p in project.pilots if p.kind != "milestone"])
    for table in facts:
        labels = {row[0]: row[1] for row in table}
        for label in ("Scope", "Deliverables", "Success criteria", "Effort", "Timing"):
            assert labels.get(label, "").strip(), label
    steps = next(t for t in tables(path) if t[0] == ["Action", "Owner", "Date"])
    assert steps[-1][0].startswith("Decision")
    done = [s.text for s in project.next_steps if s.done]
    assert all(d not in row[0] for d in done for row in steps)
    assert all(row[1] and row[2] for row in steps[1:])


# 11. Cover, contents, one date format, heading levels ------------------------------------------


def test_cover_contents_dates_and_headings(example: Path) -> None:
    project_file = ProjectFile.load(example)
    project_file.project.proposal.firm = "Northwind Advisory"
    project_file.project.proposal.version = "1.2"
    project_file.save()
    path = export(example)
    text = docx_text(path)
    cover = text[: text.index("Contents")]
    assert cover.count("Harbour & Pine Retail") == 1
    assert "Northwind Advisory" in cover and "Version 1.2" in cover and "Confidential" in cover
    document = Document(str(path))
    assert document.sections[0].different_first_page_header_footer
    assert not "".join(p.text for p in document.sections[0].first_page_footer.paragraphs).strip()
    assert ('TOC \\o "1-2"' in xml_parts(path)["word/document.xml"]) is True
    catalogue = load_catalogue(example)
    patterns = " ".join(p.pattern for p in catalogue.practices.values())  # code is shown as written
    dates = re.findall(r"\d{4}-\d{2}-\d{2}|\b0\d [A-Z][a-z]+ \d{4}", text)
    assert [d for d in dates if d not in patterns] == []
    levels = [0] + [int(p.style.name[-1]) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    headings = {p.text for p in document.paragraphs if p.style.name.startswith("Heading")}
    for heard in load_project(example).heard:
        assert catalogue.questions[heard.indicator].text not in headings


# 12. Redaction holds in every XML part --------------------------------------------------------------


def _identifying(project: Project, bank_text: str = "") -> list[str]:
    """Names, roles, the client and quotes; a generic role the banks themselves use (the rubric's
    'a data scientist's own hold-out score') identifies nobody and is not counted."""
    roles = [r for r in roles_in(project) if r.lower() not in bank_text]
    words = people_in(project) + roles + [project.project.client]
    return [w for w in words if w] + [h.quote for h in project.heard if h.quote]


def _bank_text(path: Path) -> str:
    catalogue = load_catalogue(path)
    levels = [level for area in catalogue.areas.values() for level in area.levels]
    texts = [q.text for q in catalogue.questions.values()] + levels
    return " ".join(texts).lower()


@pytest.fixture
def named_template(tmp_path: Path) -> Path:
    """A firm's template that names the client and a person in its header, first-page header,
    footer, a text box and its properties (fix15 2: word/header1.xml kept them on every page)."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Prepared for Harbour & Pine Retail (Dana Whitfield)"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].add_run("Harbour & Pine ").bold = True
    section.first_page_header.paragraphs[0].add_run("Retail, for Dana Whitfield")
    section.footer.paragraphs[0].text = "Confidential to Harbour & Pine Retail"
    box = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<w:pict><w:txbxContent><w:p><w:r><w:t>Attention Dana Whitfield</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r>"
    )
    section.header.paragraphs[0]._p.append(box)
    document.core_properties.author = "Dana Whitfield"
    document.core_properties.last_modified_by = "Dana Whitfield"
    path = tmp_path / "named.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("with_template", [False, True])
def test_redaction_scan_of_every_xml_part(example: Path, named_template: Path, with_template: bool) -> None:
    project = load_project(example)
    template = named_template if with_template else None
    path = export(example, sections=SECTIONS, redact=True, template=template)
    assert path.name == "redacted-proposal.docx"  # the default name would carry the client's
    parts = xml_parts(path)
    identifying = _identifying(project, _bank_text(example))
    assert "word/document.xml" in parts and "docProps/core.xml" in parts and "docProps/app.xml" in parts
    for name, xml in parts.items():
        plain = html.unescape(re.sub(r"<[^>]+>", " ", xml)).lower()
        for word in identifying:
            found = re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", plain)
            assert found is None, (
                f"{word!r} in {name}: …{plain[max(0, found.start() - 60) : found.end() + 60]}…"
            )
    # the fragments of quotes inside notes go too
    text = docx_text(path).lower()
    assert ("every quarter i'm asked" in text, "the client: mlops discovery" in text) == (False, False)


# 13. Word 2013+ settings, honest properties, the project's language, a modern default ------------


def test_no_compatibility_mode_honest_properties_and_language(example: Path) -> None:
    parts = xml_parts(export(example))
    assert 'w:name="compatibilityMode"' in parts["word/settings.xml"]
    assert re.search(r'compatibilityMode"[^>]*w:val="15"', parts["word/settings.xml"])
    assert (
        "Microsoft" not in parts["docProps/app.xml"]
        and "MLOps Discovery Workbench" in parts["docProps/app.xml"]
    )
    assert ("python-docx" in parts["docProps/core.xml"]) is False
    styles = parts["word/styles.xml"]
    assert sorted(set(re.findall(r'w:lang w:val="([^"]+)"', styles))) == ["en-GB"]
    assert ("Calibri" in styles) is True
    project_file = ProjectFile.load(example)
    project_file.project.proposal.language = "de-DE"
    project_file.save()
    styles = xml_parts(export(example))["word/styles.xml"]
    assert sorted(set(re.findall(r'w:lang w:val="([^"]+)"', styles))) == ["de-DE"]


# 14. Large projects: lists stop at ten, thousands separators, rows kept whole ---------------------


def test_large_project_lists_stop_at_ten(tmp_path: Path) -> None:
    from bench.generate import write_large_project

    path = write_large_project(tmp_path / "large.toml")
    text = re.sub(r"```.*?```", "", export(path, "md").read_text(), flags=re.S)  # code is shown as written
    assert re.search(r"And [\d,]+ more gaps, ranked lower", text)
    assert re.search(r"And [\d,]+ more pilots", text)
    counts = re.sub(r"\d{1,2} \w{3} \d{4}|ISO/IEC \d+", "", text)  # dates and standards' numbers aside
    assert re.search(r"(?<![\d,.])\d{4,}(?![\d,])", counts) is None
    summary = text[text.index("## Executive summary") : text.index("## Context and approach")]
    assert len(summary) < 2500


# 15. Markdown: no ■, captions without colours, no skipped levels ----------------------------------


def test_markdown_has_no_squares_colours_or_skipped_levels(example: Path) -> None:
    text = export(example, "md", sections=SECTIONS).read_text()
    assert "■" not in text
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # a comment in a code pattern is not a heading
    captions = [line for line in text.splitlines() if line.startswith("*") and line.endswith("*")]
    for caption in captions:
        assert not re.search(
            r"\b(green|blue|red|grey|orange|dark|light|hatched|dotted|shaded)\b", caption, re.I
        )
    levels = [0] + [len(m) for m in re.findall(r"^(#+) ", text, re.M)]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert "**Contents**" in text and "- Executive summary" in text


# The firm's template -------------------------------------------------------------------------------


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b1b1c50000000049454e44ae426082"
)


@pytest.fixture
def firm_template(tmp_path: Path) -> Path:
    """A firm's template: Heading 1 in Courier New and a logo in the header."""
    document = Document()
    document.styles["Heading 1"].font.name = "Courier New"
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    document.sections[0].header.paragraphs[0].add_run().add_picture(str(logo))
    document.add_paragraph("Sample text that must not reach the proposal.")
    path = tmp_path / "firm.docx"
    document.save(str(path))
    return path


def test_the_firms_template_is_honoured(example: Path, firm_template: Path) -> None:
    path = export(example, template=firm_template)
    parts = xml_parts(path)
    heading = Document(str(path)).styles["Heading 1"]
    assert heading.font.name == "Courier New"
    headers = [name for name in parts if name.startswith("word/header")]
    assert any("r:embed" in parts[name] for name in headers)
    with __import__("zipfile").ZipFile(path) as package:
        assert any(n.startswith("word/media/") for n in package.namelist())
    assert "Sample text that must not reach" not in docx_text(path)
    assert "Executive summary" in docx_text(path)


def test_template_from_the_command_line_is_remembered(example: Path, firm_template: Path) -> None:
    from workbench.cli import main

    assert (
        main(["export", str(example), "--template", str(firm_template), "-o", str(example.parent / "a.docx")])
        == 0
    )
    assert load_project(example).proposal.template == "firm.docx"
    assert main(["export", str(example), "-o", str(example.parent / "b.docx")]) == 0
    assert Document(str(example.parent / "b.docx")).styles["Heading 1"].font.name == "Courier New"


def test_a_missing_template_is_one_sentence(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    assert (
        main(
            [
                "export",
                str(example),
                "--template",
                str(tmp_path / "nope.docx"),
                "-o",
                str(tmp_path / "x.docx"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err


def test_a_dotx_template_is_used_like_a_docx(
    example: Path, firm_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """#15 fresh eyes 1: a .dotx template crashed with python-docx's content-type ValueError."""
    import zipfile

    from tests.helpers import run_cli
    from workbench.export.docx_writer import DOCUMENT_TYPE, TEMPLATE_TYPE

    dotx = firm_template.with_suffix(".dotx")
    with zipfile.ZipFile(firm_template) as source, zipfile.ZipFile(dotx, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(DOCUMENT_TYPE.encode(), TEMPLATE_TYPE.encode())
            target.writestr(item, data)
    out = example.parent / "from-dotx.docx"
    code, _, err = run_cli(["export", str(example), "--template", str(dotx), "-o", str(out)], capsys)
    assert code == 0, err
    assert Document(str(out)).styles["Heading 1"].font.name == "Courier New"
    assert "Executive summary" in docx_text(out)
    with zipfile.ZipFile(out) as package:
        assert TEMPLATE_TYPE not in package.read("[Content_Types].xml").decode()


def test_redaction_keeps_sentences_whole(example: Path) -> None:
    """#15 fresh eyes 3: redaction dropped a risk naming a metric in quotes, left "Not seen: …"
    without its subject, wrote "a colleague and a colleague", lower-case sentence starts, and made
    the consultant the client's lead."""
    project_file = ProjectFile.load(example)
    project_file.project.next_steps[1].text = "Agree the baseline with Dana and Luis"
    unmeasured = project_file.project.metric("M-004")
    assert unmeasured is not None
    unmeasured.baseline = None  # the example measured it; a metric without one is a risk
    project_file.project.proposal.risks = ""  # the drafted risks, not the example's own text
    project_file.save()
    text = export(example, "md", sections=SECTIONS, redact=True).read_text(encoding="utf-8")
    assert "Risk: “Achieve 100% experiment reproducibility” has no baseline yet; we measure it" in text
    # #15 fresh eyes 5, finding 3: a note naming and contradicting an executive is kept out altogether
    assert "every model has a full audit trail" not in text and "Not seen" not in text
    assert "Agree the baseline with the client team |" in text
    assert "The client team signs off the KPI definition" in text
    assert "a colleague" not in text
    assert not re.search(
        r"(?m)(?:^(?:- |> )?|<br>|\| |\. )(?:the client team|a stakeholder|the consultant)", text
    )
    leads = re.findall(r"\| \*\*Lead\*\* \| ([^|]+) \|", text)
    assert "Client team" in " ".join(leads) and any(lead.strip() != "Client team" for lead in leads)


def test_the_example_names_its_firm_and_lists_every_open_next_step(example: Path) -> None:
    """#15 fresh eyes 5: the cover had no firm. A step about sending the proposal was then kept out,
    but #12 (walkthrough w14a): every next step a person wrote reaches the proposal's table."""
    text = export(example, "md").read_text(encoding="utf-8")
    assert "Prepared by Kestrel Data Consulting" in text
    assert "| Send the proposal to Dana and Luis | Sam Okafor |" in text
    assert "Baseline deployment lead time from the last six releases" in text


def test_a_template_near_the_project_is_remembered_relative(
    tmp_path: Path, firm_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """#15 fresh eyes 7: a template one folder up was remembered as an absolute /tmp/… path."""
    from tests.conftest import EXAMPLE
    from tests.helpers import run_cli

    folder = tmp_path / "client"
    folder.mkdir()
    project = folder / "example.toml"
    project.write_bytes(EXAMPLE.read_bytes())
    code, _, err = run_cli(
        ["export", str(project), "--template", str(firm_template), "-o", str(folder / "p.docx")], capsys
    )
    assert code == 0, err
    assert 'template = "../firm.docx"' in project.read_text(encoding="utf-8")
    assert run_cli(["export", str(project), "-o", str(folder / "q.docx")], capsys)[0] == 0
    assert Document(str(folder / "q.docx")).styles["Heading 1"].font.name == "Courier New"


async def test_f8_refuses_a_language_name_and_a_missing_template(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    """#15 fresh eyes 7: F8 saved Language "English" and a template path that does not exist."""
    from textual.widgets import Input

    from tests.helpers import notifications, ready, until

    before = example.read_bytes()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await pilot.press("f8")
        assert await until(pilot, lambda: app.screen.query("#proposal-language"))
        app.screen.query_one("#proposal-language", Input).value = "English"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any("language tag such as en-GB" in n for n in shown))
        app.screen.query_one("#proposal-language", Input).value = "en-GB"
        app.screen.query_one("#proposal-template", Input).value = "templates/nope.dotx"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: any("does not exist" in n for n in shown))
        assert app.screen.query("#proposal-language")  # the dialog stays open to correct it
    assert example.read_bytes() == before
