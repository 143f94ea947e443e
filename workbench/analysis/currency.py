"""The client's currency, and money named in it: the banks' units, the guides' amounts, the
metrics' sentences.

A bank writes a money unit with the generic currency sign, `¤` ("¤ per month"), never a
currency of its own: it is shown in the client's currency ("EUR per month"). The client's
currency is the one its own notes, quotes, gaps and metrics name most ("$38k/month", "45 EUR");
else the one the proposal's language suggests (en-GB pounds, en-US dollars, de-DE euros); else
none, and a money unit reads without one ("19,000 per month").
"""

from __future__ import annotations

import re
from collections import Counter

from workbench.model.project import Project
from workbench.model.records import DEFAULT_LANGUAGE

CURRENCY_SIGN = "¤"
"""What a bank writes for the client's currency in a unit: `baseline_unit = "¤ per month"`."""

CURRENCIES = {"USD": "$", "EUR": "€", "GBP": "£"}
"""The currencies a client's figures are recognised in: code and symbol."""

LANGUAGE_CURRENCY = {
    "en-US": "USD",
    "en-GB": "GBP",
    "en-IE": "EUR",
    "de-DE": "EUR",
    "de-AT": "EUR",
    "fr-FR": "EUR",
    "fr-BE": "EUR",
    "nl-NL": "EUR",
    "nl-BE": "EUR",
    "es-ES": "EUR",
    "it-IT": "EUR",
    "pt-PT": "EUR",
    "fi-FI": "EUR",
}
"""The currency to assume from the proposal's language when the client's figures name none."""

CURRENCY_WORDS = {
    "USD": {"dollar", "dollars"},
    "EUR": {"euro", "euros"},
    "GBP": {"pound", "pounds", "sterling"},
}
"""A currency named in words."""

PLACEHOLDER_NAMING_MONEY = r"\{[^{}\n]*?(?<![a-zA-Z])(?i:usd|eur|gbp)(?![a-zA-Z])"
"""A placeholder whose expression names a currency: `{budget.max_usd:.0f}` (not `{object}`)."""


def client_currency(project: Project, language: str) -> str:
    """The currency the client's own figures are in: the one its notes, quotes, gaps and metrics
    name most; else the proposal language's; else none (empty)."""
    own = [a.notes for a in project.answers] + [h.quote for h in project.heard]
    own += [f"{g.title} {g.description}" for g in project.gaps]
    own += [f"{m.text} {m.unit} {m.measured_by}" for m in project.metrics]
    counts = mentions(" ".join(own))
    if counts:
        return counts.most_common(1)[0][0]
    return LANGUAGE_CURRENCY.get(language, "")


def project_currency(project: Project) -> str:
    """The client's currency for this project, its proposal's language (en-GB unless set) aside."""
    return client_currency(project, project.proposal.language or DEFAULT_LANGUAGE)


def mentions(text: str) -> Counter[str]:
    """How often the text names each currency: its symbol before a figure (`$38k`, `€ 60`) or its
    code as a word (`45 EUR`, `usd`). Found with plain string search: a project's notes run to
    hundreds of kilobytes, and the screens ask while a person types."""
    counts: Counter[str] = Counter()
    lower = text.lower()
    for code, symbol in CURRENCIES.items():
        at = text.find(symbol)
        while at != -1:
            after = text[at + 1 : at + 3]
            if after[:1].isdigit() or (after[:1] == " " and after[1:2].isdigit()):
                counts[code] += 1
            at = text.find(symbol, at + 1)
        word = code.lower()
        at = lower.find(word)
        while at != -1:
            before, after = lower[at - 1 : at] if at else "", lower[at + 3 : at + 4]
            if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
                counts[code] += 1
            at = lower.find(word, at + 1)
    return counts


def money_named(unit: str) -> str:
    """The currency a unit names by itself ("USD per month", "$", "euros"), or empty: a bank's
    unit writes CURRENCY_SIGN instead, so that it follows the client."""
    words = set(re.findall(r"[a-z]+", unit.lower()))
    for code, symbol in CURRENCIES.items():
        if symbol in unit or code.lower() in words or words & CURRENCY_WORDS[code]:
            return code
    return ""


def in_currency(text: str, currency: str) -> str:
    """The text with every other currency named as this one: "45 EUR", "€60k", `amount_eur`, and a
    symbol before a placeholder that names a currency (`${budget.max_usd:.0f}`); as it is for no
    currency."""
    if currency not in CURRENCIES:
        return text
    symbol, lower = CURRENCIES[currency], currency.lower()
    for code, other in CURRENCIES.items():
        if code == currency:
            continue
        text = re.sub(rf"(?<![A-Za-z]){code}(?![A-Za-z])", currency, text)  # also `FTE_YEAR_EUR`
        text = re.sub(rf"{re.escape(other)}(?=\s?\d)", symbol, text)
        text = re.sub(rf"{re.escape(other)}(?={PLACEHOLDER_NAMING_MONEY})", symbol, text)
        text = re.sub(rf"(?<![a-z]){code.lower()}(?![a-z])", lower, text)
    return text


def in_unit(unit: str, currency: str) -> str:
    """A bank's unit in the client's currency: "¤ per month" → "EUR per month" (or "per month"
    when the currency is not known)."""
    if CURRENCY_SIGN not in unit:
        return unit
    return " ".join(unit.replace(CURRENCY_SIGN, currency).split())
