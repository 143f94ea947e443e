"""Money in the client's currency everywhere (issue 15 leftovers 2 and 3): a guide's pattern wrote
`$` before a placeholder (`${hours * budget.usd_per_hour:.0f}`), so a client in euros or pounds
read a dollar figure; the bank's "USD per month" unit showed in Capture and the Plan pane for
every client."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from tests.helpers import ready, until
from tests.proposal_text import docx_text
from tests.test_proposal import export
from workbench.analysis.currency import (
    CURRENCIES,
    CURRENCY_SIGN,
    client_currency,
    in_currency,
    in_unit,
    mentions,
    money_named,
)
from workbench.banks import lint, load_bank, load_catalogue

SYMBOL = {"EUR": "€", "GBP": "£"}


def other_currency(currency: str) -> re.Pattern[str]:
    """Any currency but this one: its code as a word or in a name (`USD`, `cost_usd`), its symbol
    before a figure or a placeholder (`$5`, `${x}`), or its name in words (`dollars`)."""
    others = [code for code in CURRENCIES if code != currency]
    codes = "|".join(others)
    symbols = "".join(re.escape(CURRENCIES[c]) for c in others)
    words = {"USD": "dollars?", "EUR": "euros?", "GBP": "pounds?|sterling"}
    named = "|".join(words[c] for c in others)
    return re.compile(
        rf"(?<![A-Za-z])(?:{codes})(?![A-Za-z])|(?<![a-z])(?:{codes.lower()})(?![a-z])"
        rf"|[{symbols}]\s?\d|[{symbols}]\{{[^{{}}\n]*(?i:usd|eur|gbp)|\b(?:{named})\b",
    )


def client_in(example: Path, currency: str) -> Path:
    """The example for a client whose own figures are in euros or pounds."""
    symbol = SYMBOL[currency]
    text = example.read_text(encoding="utf-8").replace("$38k", f"{symbol}38k").replace("$19k", f"{symbol}19k")
    example.write_text(text, encoding="utf-8")
    return example


@pytest.mark.parametrize("currency", ["EUR", "GBP"])
def test_no_guide_text_names_another_currency(currency: str) -> None:
    catalogue = load_catalogue()
    found = []
    for practice in catalogue.practices.values():
        for text in (practice.title, practice.summary, practice.example, practice.pattern):
            found += [(practice.id, hit) for hit in other_currency(currency).findall(in_currency(text, currency))]
    assert found == []
    search = in_currency(catalogue.practices["am.search-budgets"].pattern, currency)
    assert f"budget.{currency.lower()}_per_hour:.0f}} {currency}" in search  # the figure, then its code


def test_a_symbol_before_a_placeholder_that_names_money_follows_the_client() -> None:
    code = 'f"up to ${hours * budget.usd_per_hour:.0f}" ${object} ${{ github.sha }} {{ $value }} FTE_USD'
    assert in_currency(code, "EUR") == (
        'f"up to €{hours * budget.eur_per_hour:.0f}" ${object} ${{ github.sha }} {{ $value }} FTE_EUR'
    )
    assert in_currency(code, "GBP").startswith('f"up to £{hours * budget.gbp_per_hour:.0f}"')
    assert in_currency("€{amount_eur}", "USD") == "${amount_usd}"


def test_no_bank_unit_names_a_currency_of_its_own() -> None:
    catalogue = load_catalogue()
    units = [
        unit
        for q in catalogue.questions.values()
        for unit in (q.baseline_unit, q.target_unit, *(p.unit for p in q.placeholders))
    ]
    assert [u for u in units if money_named(u)] == []
    assert f"{CURRENCY_SIGN} per month" in units  # serving costs: in the client's currency


def test_the_lint_refuses_a_unit_in_a_currency(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[bank]\nid = "mine"\ntitle = "Mine"\n\n[[areas]]\nid = "data"\ntitle = "Data"\n'
        'levels = ["a", "b", "c", "d", "e"]\n\n[[parts]]\nid = "q"\ntitle = "Q"\n\n'
        '[[questions]]\nid = "data.q.1"\narea = "data"\npart = "q"\nkind = "success-metric"\n'
        'text = "Cut cloud spend by X%"\nplaceholders = [{ symbol = "X", field = "target", unit = "%" }]\n'
        'baseline_unit = "dollars per month"\n',
        encoding="utf-8",
    )
    findings = [f.message for f in lint([load_bank(path)])]
    assert findings == [
        'the baseline unit names a currency (USD); write ¤ for the client\'s currency ("¤ per month"), '
        "shown as EUR, GBP or USD"
    ]
    assert [money_named(u) for u in ("USD per month", "€", "pounds sterling", "% uptime", "hours")] == [
        "USD", "EUR", "GBP", "", ""
    ]


def test_a_money_unit_reads_in_the_clients_currency_or_none() -> None:
    assert in_unit("¤ per month", "EUR") == "EUR per month"
    assert in_unit("¤ per month", "") == "per month"
    assert in_unit("hours per dataset", "EUR") == "hours per dataset"


def test_currencies_are_counted_as_named() -> None:
    said = "About $38k/month; $ 5 a run; 45 EUR; cost_usd; USDA; €60k; £; eurozone; gbp."
    assert mentions(said) == {"USD": 2, "EUR": 2, "GBP": 1}  # a name (cost_usd) is not a figure


@pytest.mark.parametrize("currency", ["EUR", "GBP"])
def test_the_proposal_names_no_other_currency(currency: str, example: Path) -> None:
    text = docx_text(export(client_in(example, currency)))
    assert f"{SYMBOL[currency]}19,000 per month" in text
    assert other_currency(currency).findall(text) == []


@pytest.mark.parametrize("currency", ["EUR", "GBP"])
async def test_capture_and_the_plan_show_the_clients_currency(currency: str, example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    """Capture's metric sentence and the Plan pane's Metrics tab read "€19,000 per month"."""
    from workbench.ui.widgets.question_panel import QuestionPanel

    path = client_in(example, currency)
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert client_currency(app.workspace.project, "en-GB") == currency
        app.screen.query_one(QuestionPanel).show("discovery:model-deployment.metric.3")
        sentence = app.screen.query_one("#q-sentence", Static)
        said = f"{SYMBOL[currency]}19,000 per month"
        assert await until(pilot, lambda: said in str(sentence.render())), str(sentence.render())
        await pilot.press("f5")
        await pilot.press("f5")  # Plan › Metrics
        metrics = app.screen.query_one("#metric-list", OptionList)
        assert await until(pilot, lambda: metrics.option_count > 0 and metrics.region.height > 0)
        labels = [str(metrics.get_option_at_index(i).prompt) for i in range(metrics.option_count)]
        assert any(said in label for label in labels)
        assert not any("USD" in label or "$" in label for label in labels)


@pytest.mark.parametrize("currency", ["USD", "EUR", "GBP"])
def test_the_backlog_names_the_guides_amounts_in_the_clients_currency(currency: str, example: Path) -> None:
    """The backlog's practice tasks told a dollar client "worth €60k"."""
    from workbench.export.backlog import backlog_items
    from workbench.store.files import load_project

    path = example if currency == "USD" else client_in(example, currency)
    items = backlog_items(load_project(path), load_catalogue(path))
    tasks = [i.description for i in items if i.key.endswith(":tv.business-metric-mapping")]
    assert tasks and all(f"worth {CURRENCIES[currency]}60k" in t for t in tasks)
    assert all(other_currency(currency).findall(t) == [] for t in tasks)


@pytest.mark.parametrize("currency", ["USD", "GBP"])
async def test_the_map_shows_the_guides_amounts_in_the_clients_currency(
    currency: str, example: Path, make_app
) -> None:  # type: ignore[no-untyped-def]
    """The Map pane's "How to start" told a dollar client the effect was "worth €60k"."""
    from workbench.ui.widgets.map_pane import MapPane

    path = example if currency == "USD" else client_in(example, currency)
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        gaps = app.screen.query_one("#map-gaps", OptionList)
        assert await until(pilot, lambda: gaps.option_count > 0)
        gaps.highlighted = gaps.get_option_index("G-005")
        suggestions = app.screen.query_one("#map-suggestions", OptionList)
        practice = load_catalogue(path).practices["tv.business-metric-mapping"]

        def listed() -> bool:
            ids = [suggestions.get_option_at_index(i).id for i in range(suggestions.option_count)]
            return practice.id in ids

        assert await until(pilot, listed)
        suggestions.focus()
        suggestions.highlighted = suggestions.get_option_index(practice.id)
        detail = app.screen.query_one(MapPane).query_one("#map-detail", Static)
        assert await until(pilot, lambda: str(detail.render()).startswith(practice.title))
        shown = str(detail.render())
        assert f"worth {CURRENCIES[currency]}60k" in shown
        assert other_currency(currency).findall(shown) == []
