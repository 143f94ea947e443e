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
    # A unit typed with its scale ("kEUR", "USD m") names its currency too: `mentions` reads
    # "kEUR" as a word of its own.
    counts.update(named for m in project.metrics if (named := money_named(m.unit)) and not mentions(m.unit))
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


UNIT_SCALES = {
    "k": "k",
    "thousand": "k",
    "thousands": "k",
    "m": "m",
    "mn": "m",
    "million": "m",
    "millions": "m",
    "bn": "bn",
    "billion": "bn",
    "billions": "bn",
}
"""A scale a person types beside the currency of a unit ("kUSD", "k USD", "EUR m", "million
euros") and the multiplier it stands for in MULTIPLIERS."""
_UNIT_SCALE = "|".join(sorted(UNIT_SCALES, key=len, reverse=True))


def _named_in_unit(code: str) -> re.Pattern[str]:
    """A currency as a unit names it, with the scale typed before or after it: "kUSD", "$k",
    "k USD", "USD thousands", "million euros"."""
    words = sorted(CURRENCY_WORDS[code], key=len, reverse=True)
    names = "|".join([re.escape(CURRENCIES[code]), code, *words])
    return re.compile(
        rf"(?<![A-Za-z])(?:(?P<before>{_UNIT_SCALE})\s?)?(?P<name>{names})"
        rf"(?:\s?(?P<after>{_UNIT_SCALE})(?![A-Za-z]))?(?![A-Za-z])",
        re.I,
    )


NAMED_IN_UNIT = {code: _named_in_unit(code) for code in CURRENCIES}


def money_named(unit: str) -> str:
    """The currency a unit names by itself ("USD per month", "$", "euros", "kUSD"), or empty: a
    bank's unit writes CURRENCY_SIGN instead, so that it follows the client."""
    for code, symbol in CURRENCIES.items():
        if symbol in unit or NAMED_IN_UNIT[code].search(unit):
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


PERIODS = {
    "month": "month",
    "mo": "month",
    "year": "year",
    "yr": "year",
    "week": "week",
    "wk": "week",
    "day": "day",
}
"""A period after an amount ("/month", "/yr", "per month") and how it reads: "per month"."""
MULTIPLIERS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
"""A figure's short multiplier ("$38k", "€1.2m")."""
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SYMBOL = "|".join(re.escape(s) for s in CURRENCIES.values())
_CODE = "|".join(CURRENCIES)
_SCALE = r"(?:k|K|m|M|mn|bn)(?![A-Za-z])"
_PERIOD = (
    r"(?:\s?/\s?(?P<slash>month|mo|year|yr|week|wk|day)(?![A-Za-z])"
    r"|\s+(?:per|a)\s+(?P<per>month|year|week|day)(?![A-Za-z]))?"
)
AMOUNT = re.compile(
    rf"(?:(?P<symbol>{_SYMBOL})\s?(?P<n1>{_NUMBER})(?P<k1>{_SCALE})?"
    rf"|(?<![\w.,])(?P<code1>{_CODE})\s?(?P<n2>{_NUMBER})(?P<k2>{_SCALE})?"
    rf"|(?<![\w.,])(?P<n3>{_NUMBER})(?P<k3>{_SCALE})?\s?(?P<code2>{_CODE})(?![A-Za-z]))" + _PERIOD
)
"""An amount of money in a note or a metric, in any of the ways people write it: "$38k/month",
"19,000 USD per month", "USD 45", "€ 60k a year"."""


def money(figure: str, currency: str, period: str = "") -> str:
    """An amount in the one style the workbench writes money in: the currency's symbol before the
    figure, thousands separated, the period in words: "$19,000 per month", "£45", "€1.2 million a
    year" reads "€1.2 million per year". Without a known currency, the figure alone ("19,000 per
    month")."""
    symbol = CURRENCIES.get(currency, "")
    return f"{symbol}{figure}" + (f" per {period}" if period else "")


def _figure(number: str, scale: str) -> str:
    """ "38" with "k" → "38,000"; "1.2" with "m" → "1.2 million"; "19000.50" → "19,000.50"."""
    scale = scale.lower()
    if scale == "k":
        value = float(number.replace(",", "")) * MULTIPLIERS["k"]
        return f"{int(value):,}" if value.is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    whole, dot, fraction = number.replace(",", "").partition(".")
    figure = f"{int(whole):,}{dot}{fraction}"
    return figure + {"m": " million", "mn": " million", "bn": " billion"}.get(scale, "")


def money_words(text: str) -> str:
    """Every amount in the text in the one style of `money`, in the currency it names: "about
    $38k/month" → "about $38,000 per month", "19,000 USD per month" → "$19,000 per month"."""

    def restyled(found: re.Match[str]) -> str:
        symbol, code = found["symbol"], found["code1"] or found["code2"]
        currency = code or next(c for c, s in CURRENCIES.items() if s == symbol)
        number = found["n1"] or found["n2"] or found["n3"]
        scale = found["k1"] or found["k2"] or found["k3"] or ""
        said = (found["slash"] or found["per"] or "").lower()
        period = PERIODS[said] if said else ""
        return money(_figure(number, scale), currency, period)

    return AMOUNT.sub(restyled, text)


def is_money(unit: str) -> bool:
    """Whether a unit is money: a bank's `¤`, or a currency named ("USD per month", "euros")."""
    return CURRENCY_SIGN in unit or bool(money_named(unit))


def amount_in_unit(figure: str, unit: str, currency: str) -> str:
    """An amount with its money unit in the one style: ("19,000", "¤ per month", "USD") → "$19,000
    per month"; a unit that names a currency ("EUR per month") keeps it, and its scale with it:
    ("250", "k USD per year") → "$250,000 per year"."""
    named = (CURRENCY_SIGN in unit and currency) or money_named(unit)
    rest = unit.replace(CURRENCY_SIGN, " ")
    if named:
        found = NAMED_IN_UNIT[named].search(rest)
        if found:
            typed = found["before"] or found["after"]
            figure = _figure(figure, UNIT_SCALES[typed.lower()]) if typed else figure
            rest = rest[: found.start()] + " " + rest[found.end() :]
        rest = rest.replace(CURRENCIES[named], " ")
    rest = " ".join(rest.split())
    return money(figure, named, "") + (f" {rest}" if rest else "")
