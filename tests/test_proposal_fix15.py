"""Issue 15, a consultant sending the proposal to a CFO (fix15): the person's own text keeps the
figures it had when they wrote it, so the export and F8 say which no longer match the data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from textual.widgets import Static

from tests.conftest import TODAY
from tests.helpers import opened_by, ready, run_cli, until
from tests.proposal_text import docx_text, tables
from tests.test_proposal import export, section
from workbench.banks import load_catalogue
from workbench.export.context import ProposalContext
from workbench.export.narrative import draft
from workbench.export.options import ProposalOptions
from workbench.export.wording import day
from workbench.store.files import ProjectFile, load_project


def _own_summary_then_plan_moves(example: Path) -> None:
    """One sentence added to the drafted summary (the whole draft is saved), then a pilot lengthened."""
    project = load_project(example)
    context = ProposalContext(project, load_catalogue(example), ProposalOptions(today=dt.date.today()))
    project_file = ProjectFile.load(example)
    project_file.project.proposal.executive_summary = draft(context, "executive_summary") + " One more."
    longest = max(project_file.project.pilots, key=lambda p: p.weeks)
    longest.weeks += 6
    project_file.save()


def test_the_export_warns_of_figures_the_plan_no_longer_has(example: Path, capsys: Any) -> None:
    _own_summary_then_plan_moves(example)
    code, out, _ = run_cli(["export", str(example), "-o", str(example.parent / "p.docx")], capsys)
    assert code == 0
    warnings = [line for line in out.splitlines() if line.startswith("warning: ")]
    assert any("Executive summary says 12 weeks; the plan is now " in w for w in warnings), out
    assert any("Executive summary says 75 people-weeks; the plan now needs " in w for w in warnings), out


def test_the_example_as_it_is_warns_of_nothing(example: Path, capsys: Any) -> None:
    code, out, _ = run_cli(["export", str(example), "-o", str(example.parent / "p.docx")], capsys)
    assert code == 0 and "warning:" not in out


def test_next_steps_end_on_the_date_the_persons_decision_names(example: Path) -> None:
    project_file = ProjectFile.load(example)
    asked = TODAY + dt.timedelta(days=17)
    project_file.project.proposal.decision = f"We ask for a decision by {day(asked)}."
    project_file.save()
    steps = next(t for t in tables(export(example)) if t[0] == ["Action", "Owner", "Date"])
    decision = next(row for row in steps if row[0].startswith("Decision"))
    assert decision[2] == day(asked)


async def test_f8_names_the_old_figures_of_the_persons_text(example: Path, make_app) -> None:
    from workbench.ui.modals.proposal_modal import ProposalModal

    _own_summary_then_plan_moves(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened_by(pilot, "f8", ProposalModal)
        source = app.screen.query_one("#proposal-source", Static)
        assert await until(
            pilot, lambda: "Executive summary says 12 weeks; the plan is now" in str(source.render())
        )


# 3. Redaction ends a quote at its closing mark, never empties a section, and counts right -------


def test_redaction_keeps_the_sentence_after_a_closing_quote(example: Path, capsys: Any) -> None:
    project_file = ProjectFile.load(example)
    quote = project_file.project.heard[0].quote.strip()
    project_file.project.proposal.executive_summary = (
        f"The CFO put it plainly: “{quote}” We recommend seven pilots. "
        f'Dana Whitfield said: "{quote}" They start in December, after the freeze.'
    )
    project_file.save()
    out_file = example.parent / "r.docx"
    code, out, _ = run_cli(["export", str(example), "--redact", "-o", str(out_file)], capsys)
    assert code == 0
    text = docx_text(out_file)
    summary = section(text, "Executive summary", "Context and approach")
    assert "We recommend seven pilots." in summary and "They start in December, after the freeze." in summary
    assert quote[:20] not in summary
    assert "Redaction kept 2 of the 4 sentences of your executive summary" in out


def test_redaction_never_leaves_a_section_empty(example: Path, capsys: Any) -> None:
    project_file = ProjectFile.load(example)
    quote = project_file.project.heard[0].quote.strip()
    other = project_file.project.heard[1].quote.strip()
    project_file.project.proposal.executive_summary = f"Dana Whitfield said: “{quote}” We heard “{other}”"
    project_file.save()
    out_file = example.parent / "r.docx"
    code, out, _ = run_cli(["export", str(example), "--redact", "-o", str(out_file)], capsys)
    assert code == 0
    document = Document(str(out_file))
    heading = next(
        i
        for i, p in enumerate(document.paragraphs)
        if p.text == "Executive summary" and p.style.name.startswith("Heading")
    )
    assert document.paragraphs[heading + 1].text.strip() and not document.paragraphs[
        heading + 1
    ].style.name.startswith("Heading")
    assert "Redaction kept none of the 2 sentences of your executive summary" in out


# 4. The code patterns are a section of their own: opt-in, skippable, listed in F9 ----------------


def test_code_patterns_are_an_opt_in_section(example: Path, capsys: Any) -> None:
    default = example.parent / "default.docx"
    assert run_cli(["export", str(example), "-o", str(default)], capsys)[0] == 0
    text = docx_text(default)
    assert "Appendix: code patterns" not in text and "Code to start from" not in text
    asked = example.parent / "asked.docx"
    assert run_cli(["export", str(example), "--code-patterns", "-o", str(asked)], capsys)[0] == 0
    text = docx_text(asked)
    assert "Appendix: code patterns" in text and "Code to start from: pattern 1 in the appendix." in text
    skipped = example.parent / "skipped.docx"
    code, _, err = run_cli(
        ["export", str(example), "--code-patterns", "--skip", "code-patterns", "-o", str(skipped)], capsys
    )
    assert code == 0, err
    assert "Appendix: code patterns" not in docx_text(skipped)
    help_text = run_cli(["export", str(example), "--sections", "nope"], capsys)[2]
    assert "unknown section nope;" in help_text and "code-patterns" in help_text


async def test_f9_lists_the_code_patterns_unticked(example: Path, make_app) -> None:
    from textual.widgets import SelectionList

    from workbench.ui.modals.export_modal import ExportModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened_by(pilot, "f9", ExportModal)
        sections = app.screen.query_one("#export-sections", SelectionList)
        prompts = [str(sections.get_option_at_index(i).prompt) for i in range(sections.option_count)]
        assert "Appendix: code patterns" in prompts
        assert "code-patterns" not in sections.selected


# 8. `workbench check` checks the proposal's language and template, at their line and column -------


def test_check_reports_a_bad_language_and_a_missing_template(example: Path, capsys: Any) -> None:
    text = example.read_text(encoding="utf-8")
    text = text.replace(
        "[proposal]\n", '[proposal]\nlanguage = "english"\ntemplate = "nowhere/firm.dotx"\n', 1
    )
    example.write_text(text, encoding="utf-8")
    code, _, err = run_cli(["check", str(example)], capsys)
    assert code != 0
    lines = err.splitlines()
    language = next(line for line in lines if "proposal.language" in line)
    template = next(line for line in lines if "proposal.template" in line)
    assert f"{example}, line 14, column 1" in language and "'english'" in language
    assert f"{example}, line 15, column 1" in template and "does not exist" in template


# 11. Small words: "1 item", transliterated file names --------------------------------------------


async def test_the_plan_status_counts_one_item_in_the_singular(example: Path, make_app) -> None:
    project_file = ProjectFile.load(example)
    project_file.project.pilots = project_file.project.pilots[:1]
    project_file.project.pilots[0].depends_on = []
    project_file.save()
    app = make_app(example, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        detail = app.screen.query_one("#plan-detail", Static)
        assert await until(pilot, lambda: "1 item · week 1 is" in str(detail.render())), str(detail.render())


def test_a_new_projects_file_name_spells_out_accented_letters(tmp_path: Path, capsys: Any) -> None:
    code, out, err = run_cli(["new", "Müller & Søn: MLOps discovery", "--dir", str(tmp_path)], capsys)
    assert code == 0, err
    assert (tmp_path / "mueller-soen-mlops-discovery.toml").exists(), out


# 10. Which sentences stay out -----------------------------------------------------------------------


def test_the_export_lists_the_sentences_it_leaves_out(example: Path, capsys: Any) -> None:
    code, out, _ = run_cli(["export", str(example), "-o", str(example.parent / "p.docx")], capsys)
    assert code == 0
    lines = out.splitlines()
    note = next(i for i, line in enumerate(lines) if "sentences of answer notes stay out" in line)
    count = int(lines[note].split("note: ")[1].split()[0])
    listed = lines[note + 1 : note + 1 + count]
    assert all(line.startswith("  “") and "(session " in line for line in listed), listed
    assert any("Priya estimates 70% on data preparation." in line for line in listed)


# 7. The paper size is the template's, by name; A4 or US Letter can be forced over it -------------


def _letter_template(folder: Path) -> Path:
    from docx.shared import Inches

    document = Document()
    for part in document.sections:
        part.page_width, part.page_height = Inches(8.5), Inches(11)
    path = folder / "letter.docx"
    document.save(str(path))
    return path


def test_the_paper_is_the_templates_unless_forced(example: Path, capsys: Any) -> None:
    template = _letter_template(example.parent)
    kept, forced = example.parent / "kept.docx", example.parent / "forced.docx"
    base = ["export", str(example), "--template", str(template)]
    assert run_cli([*base, "-o", str(kept)], capsys)[0] == 0
    assert run_cli([*base, "--paper", "a4", "-o", str(forced)], capsys)[0] == 0
    assert round(Document(str(kept)).sections[-1].page_width.mm) == 216  # type: ignore[union-attr]
    assert round(Document(str(forced)).sections[-1].page_width.mm) == 210  # type: ignore[union-attr]
    assert round(Document(str(forced)).sections[-1].page_height.mm) == 297  # type: ignore[union-attr]


async def test_f9_names_the_templates_paper(example: Path, make_app) -> None:
    from textual.widgets import Select

    from workbench.ui.modals.export_modal import ExportModal

    template = _letter_template(example.parent)
    project_file = ProjectFile.load(example)
    project_file.project.proposal.template = template.name
    project_file.save()
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened_by(pilot, "f9", ExportModal)
        paper = app.screen.query_one("#export-paper", Select)
        shown = paper.query_one("SelectCurrent").query_one(Static)
        assert paper.value == "" and str(shown.render()) == "US Letter (template)"


# 6. The firm's logo on the cover ------------------------------------------------------------------


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b1b1c50000000049454e44ae426082"
)


def _logo_template(folder: Path, first_page: str = "") -> Path:
    document = Document()
    logo = folder / "logo.png"
    logo.write_bytes(PNG)
    section = document.sections[0]
    section.header.paragraphs[0].add_run().add_picture(str(logo))
    if first_page:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = first_page
    path = folder / "logo.docx"
    document.save(str(path))
    return path


def test_the_cover_shows_the_templates_logo(example: Path) -> None:
    path = export(example, template=_logo_template(example.parent))
    cover = Document(str(path)).sections[0]
    assert cover.different_first_page_header_footer
    pictures = cover.first_page_header._element.xpath(".//w:drawing")
    assert pictures, "no logo in the cover's header"
    embedded = pictures[0].xpath(".//a:blip/@r:embed")[0]
    assert cover.first_page_header.part.related_parts[embedded].content_type == "image/png"
    assert not any(p.text.strip() for p in cover.first_page_footer.paragraphs)  # no page number on the cover
    assert "PAGE" in cover.footer._element.xml  # the other pages keep theirs


def test_the_templates_own_first_page_header_is_kept(example: Path) -> None:
    path = export(example, template=_logo_template(example.parent, first_page="Kestrel: proposal"))
    cover = Document(str(path)).sections[0]
    assert [p.text for p in cover.first_page_header.paragraphs] == ["Kestrel: proposal"]


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_f8_shows_the_whole_firm_and_grows_its_text_box(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    from textual.widgets import Input, TextArea

    from workbench.ui.modals.proposal_modal import ProposalModal

    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await opened_by(pilot, "f8", ProposalModal)
        await pilot.pause()
        firm = app.screen.query_one("#proposal-firm", Input)
        assert firm.value == "Kestrel Data Consulting"
        assert firm.content_region.width > len(firm.value), firm.content_region
        text = app.screen.query_one("#proposal-text", TextArea)
        if size[1] >= 48:
            assert text.region.height >= 20, text.region


def test_money_written_another_way_is_the_same_figure() -> None:
    from workbench.export.figures import stale_in

    assert stale_in("Executive summary", "About $38k/month.", "About $38,000 per month.") == []
    assert stale_in("Executive summary", "About 38,000 USD a month.", "About $38,000 per month.") == []
    assert stale_in("Executive summary", "About $40k/month.", "About $38,000 per month.") == [
        "Executive summary says $40k; the notes now say $38,000."
    ]
