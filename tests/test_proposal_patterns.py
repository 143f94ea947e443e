"""Code patterns sit in an appendix the recommendations refer to, and no guide text contradicts the
client: amounts in the client's currency, deadlines after the plan starts (issue 15, item 4)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx import Document

from tests.proposal_text import docx_text
from tests.test_proposal import WITH_CODE, export
from workbench.analysis.currency import client_currency, in_currency
from workbench.banks import load_catalogue
from workbench.export.client_fit import moved_years, years_to_move
from workbench.store.files import ProjectFile, load_project

CODE_FONT = "Consolas"
APPENDIX = "Appendix: code patterns"
DEADLINE = re.compile(
    r"(?<![\w-])(?:due|next_review|revalidation_due|review|by|internal_audit|management_review|ends before the)"
    r"[\"']?[:=]?\s*[\"']?(20\d\d)-(\d\d)(?:-(\d\d))?"
)
"""A date the guides set as a deadline ("due: 2026-12-15", "by: 2027-06"); not "last_review" (done)."""
OTHER_CURRENCY = {
    "USD": re.compile(r"\bEUR\b|\bGBP\b|[€£]\s?\d|(?<![a-z])(?:eur|gbp)(?![a-z])"),
    "EUR": re.compile(r"\bUSD\b|\bGBP\b|[$£]\s?\d|(?<![a-z])(?:usd|gbp)(?![a-z])"),
}
EURO_START = dt.date(2029, 3, 5)


def euro_client(example: Path) -> Path:
    """The example for a client whose figures are in euros, with a plan that starts in March 2029."""
    text = example.read_text(encoding="utf-8").replace("$38k", "€38k").replace("$19k", "€19k")
    example.write_text(text.replace("plan_start = 2026-12-07", f"plan_start = {EURO_START}"), encoding="utf-8")
    return example


def deadlines(text: str) -> list[dt.date]:
    return [dt.date(int(y), int(m), int(d or 1)) for y, m, d in DEADLINE.findall(text)]


def test_code_is_in_an_appendix_the_body_refers_to(example: Path) -> None:
    """Eighteen code blocks, up to a page each, broke the recommendations' argument for the client."""
    path = export(example, sections=WITH_CODE)
    paragraphs = Document(str(path)).paragraphs
    start = max(i for i, p in enumerate(paragraphs) if p.text == APPENDIX)
    code = [i for i, p in enumerate(paragraphs) if any(r.font.name == CODE_FONT for r in p.runs)]
    assert code and min(code) > start
    titles = [p.text for p in paragraphs[start:] if re.match(r"Pattern \d+\. ", p.text)]
    assert len(titles) == len(code)
    body = "\n".join(p.text for p in paragraphs[:start])
    referred = [int(n) for n in re.findall(r"Code to start from: pattern (\d+) in the appendix\.", body)]
    assert sorted(set(referred)) == list(range(1, len(titles) + 1))
    assert [int(t.split(".")[0].split()[1]) for t in titles] == list(range(1, len(titles) + 1))
    markdown = export(example, "md", sections=WITH_CODE).read_text(encoding="utf-8")
    assert "```" not in markdown[: markdown.index(f"# {APPENDIX}")]
    assert markdown.count("```") == 2 * len(titles)


def test_without_recommendations_there_is_no_appendix_of_code(example: Path) -> None:
    assert APPENDIX not in docx_text(export(example, sections=("summary", "gaps", "pilots")))


@pytest.mark.parametrize("client", ["example", "euro client"])
def test_no_guide_text_contradicts_the_client(client: str, example: Path) -> None:
    """The example, a dollar client, read "€60k", "45 EUR", `amount_eur`; the bake-off's pattern had
    it end "before the 2026-11-20 change freeze" in a plan that starts on 7 Dec 2026."""
    path = euro_client(example) if client == "euro client" else example
    start = EURO_START if client == "euro client" else dt.date(2026, 12, 7)
    currency = "EUR" if client == "euro client" else "USD"
    text = docx_text(export(path, today=start - dt.timedelta(days=30), sections=WITH_CODE))
    assert f"week 1 starts on {start.day} {start:%b %Y}" in text
    assert APPENDIX in text
    assert OTHER_CURRENCY[currency].findall(text) == []
    assert f"{'€' if currency == 'EUR' else '$'}19,000 per month" in text  # the metric's unit follows the client
    late = [d for d in deadlines(text) if d < start]
    assert late == []


@pytest.mark.parametrize(
    "start", [dt.date(2025, 6, 2), dt.date(2026, 12, 7), dt.date(2026, 12, 21), dt.date(2029, 3, 5)]
)
def test_every_deadline_in_the_guides_falls_after_the_plans_start(start: dt.date, example: Path) -> None:
    catalogue = load_catalogue(example)
    found = []
    for practice in catalogue.practices.values():
        for text in (practice.pattern, practice.example, practice.summary):
            moved = moved_years(text, years_to_move(start))
            found += [(practice.id, d) for d in deadlines(moved) if d < start]
            assert len(deadlines(moved)) == len(deadlines(text))
    assert found == []


def test_dates_move_by_whole_years() -> None:
    moved = moved_years('due: 2026-12-15 "2026-Q4" datetime(2026, 1, 1) Tue, 31 Mar 2027 2028-02-29', 1)
    assert moved == 'due: 2027-12-15 "2027-Q4" datetime(2027, 1, 1) Fri, 31 Mar 2028 2029-02-28'
    assert moved_years("RFC 9745, 1840223 rows, v2.0", 3) == "RFC 9745, 1840223 rows, v2.0"


def test_amounts_are_named_in_the_clients_currency() -> None:
    code = "{{ $labels.feature }} ${{ github.sha }} ${object} $5 €60k 45 EUR cost_usd usd_per_hour AS usd"
    assert in_currency(code, "EUR") == (
        "{{ $labels.feature }} ${{ github.sha }} ${object} €5 €60k 45 EUR cost_eur eur_per_hour AS eur"
    )
    assert in_currency(code, "GBP").endswith("£5 £60k 45 GBP cost_gbp gbp_per_hour AS gbp")
    assert in_currency("neural europe amount_eur", "USD") == "neural europe amount_usd"
    assert in_currency("€60k", "") == "€60k"


def test_the_clients_currency_comes_from_its_own_figures(example: Path) -> None:
    assert client_currency(load_project(example), "en-GB") == "USD"  # "$38k/month"
    project_file = ProjectFile.load(euro_client(example))
    assert client_currency(project_file.project, "en-GB") == "EUR"
    project = project_file.project.model_copy(update={"answers": [], "heard": [], "gaps": [], "metrics": []})
    assert client_currency(project, "en-GB") == "GBP"
    assert client_currency(project, "pt-BR") == ""
