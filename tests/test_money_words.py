"""#15, last findings 2: money written two ways. A note said "$38k/month" and a metric "19,000 USD
per month" in the same proposal; the Gaps pane's evidence read "19,000 per month" with no currency.
Money has one style everywhere (`analysis/currency.money`): the symbol before the figure, thousands
separated, the period in words: "$38,000 per month", "$19,000 per month"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, TabbedContent

from tests.helpers import ready, until
from tests.proposal_text import docx_text
from tests.test_proposal import export
from workbench.analysis.currency import money, money_words
from workbench.analysis.evidence_words import evidence_sentence
from workbench.banks import load_catalogue
from workbench.store.files import load_project


@pytest.mark.parametrize(
    ("said", "reads"),
    [
        ("About $38k/month cloud spend", "About $38,000 per month cloud spend"),
        ("baseline 19,000 USD per month", "baseline $19,000 per month"),
        ("USD 45 a run", "$45 a run"),
        ("€1.2m a year", "€1.2 million per year"),
        ("£ 60k / yr", "£60,000 per year"),
        ("19000.50 EUR a month", "€19,000.50 per month"),
        ("Spend in USD, last 90 days", "Spend in USD, last 90 days"),  # no amount
        ("release v1.2 USD build", "release v1.2 USD build"),
    ],
)
def test_every_way_of_writing_an_amount_reads_one_way(said: str, reads: str) -> None:
    assert money_words(said) == reads


def test_money_without_a_known_currency_is_the_figure_alone() -> None:
    assert money("19,000", "", "month") == "19,000 per month"


def test_the_proposal_writes_money_one_way(example: Path) -> None:
    text = docx_text(export(example))
    assert "about $38,000 per month cloud spend" in text  # the summary's figure from a note
    assert "baseline $19,000 per month" in text  # the serving-cost metric
    body = text[: text.index("Appendix: code patterns")] if "Appendix: code patterns" in text else text
    assert not re.search(r"\d[kK]\b|/month|\d USD|USD \d", body)


def test_a_gaps_description_in_the_recommendations_writes_money_one_way(example: Path) -> None:
    """A gap with no practice mapped is recommended by its description: G-007's "$19k/month"."""
    from workbench.store.files import ProjectFile

    project_file = ProjectFile.load(example)
    project_file.project.mappings = [m for m in project_file.project.mappings if m.gap != "G-007"]
    project_file.save()
    text = docx_text(export(example))
    assert "About $19,000 per month of always-on GPU endpoints" in text
    assert "$19k" not in text


def test_the_evidence_sentences_name_the_currency(example: Path) -> None:
    project, catalogue = load_project(example), load_catalogue(example)
    said = evidence_sentence(project, catalogue, "metric:M-005", "USD")
    assert said.endswith("(baseline $19,000 per month)")


async def test_the_gaps_panes_evidence_names_the_currency(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        ranked = app.screen.query_one("#ranked", DataTable)
        assert await until(pilot, lambda: ranked.row_count > 0)
        ranked.move_cursor(row=ranked.get_row_index("G-007"))  # evidence: the serving-cost metric, M-005
        app.screen.query_one("#gaps-side", TabbedContent).active = "gaps-evidence"
        evidence = app.screen.query_one("#evidence", OptionList)

        def lines() -> list[str]:
            return [str(evidence.get_option_at_index(i).prompt) for i in range(evidence.option_count)]

        assert await until(pilot, lambda: any("$19,000 per month" in line for line in lines())), lines()
        assert not any("19,000 per month" in line and "$19,000" not in line for line in lines())
