"""Figures in the consultant's own text checked against the data: a text saved from the draft keeps
the weeks, people-weeks, pilot counts, dates and money it had then, so when the plan moves on the
export and the proposal dialog say which section names which old figure (README: "Your own text")."""

from __future__ import annotations

import datetime as dt
import re

from workbench.export.context import ProposalContext
from workbench.export.narrative import NARRATIVE_FIELDS, draft
from workbench.export.wording import join_and

COUNTED = re.compile(r"(?<![\w.,-])(\d[\d,]*)\s+(people-weeks?|weeks?|pilots?|deep-dives?)\b")
"""A counted figure: `12 weeks`, `75 people-weeks`, `7 pilots`, `1 deep-dive`."""
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DATE = re.compile(r"(?<!\d)(\d{1,2}) (" + "|".join(m.capitalize() for m in MONTHS) + r")[a-z]* (\d{4})\b")
"""A date as the proposal writes one (`4 Dec 2026`), or with the month in full."""
MONEY = re.compile(
    r"(?P<symbol>[$£€])\s?(?P<amount>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<scale>[kKmM])(?![a-z]))?"
    r"|(?P<amount2>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<scale2>[kKmM])(?![a-z]))?\s(?P<code>USD|EUR|GBP)\b"
)
"""Money as the notes or the proposal write it: `$38k`, `$38,000`, `€1.2m`, `38,000 USD`."""
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
SCALES = {"k": 1_000, "m": 1_000_000}


def _money(match: re.Match[str]) -> str:
    """An amount as a comparable value, however written: `$38k` and `$38,000` are `USD 38000`."""
    amount = float((match.group("amount") or match.group("amount2")).replace(",", ""))
    scale = (match.group("scale") or match.group("scale2") or "").lower()
    currency = SYMBOLS.get(match.group("symbol") or "", match.group("code") or "")
    return f"{currency} {amount * SCALES.get(scale, 1):.2f}"

PHRASES = {
    "week": "the plan is now",
    "people-week": "the plan now needs",
    "pilot": "the plan now has",
    "deep-dive": "the plan now has",
    "date": "the data now gives",
    "money": "the notes now say",
}
"""How the warning gives the figure the data holds now, by kind."""


def _date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match.group(3)), MONTHS.index(match.group(2).lower()) + 1, int(match.group(1)))
    except ValueError:
        return None


def figures(text: str) -> dict[str, dict[str, str]]:
    """The figures a text names, by kind, each as a comparable value with the words that wrote it."""
    found: dict[str, dict[str, str]] = {}
    for match in COUNTED.finditer(text):
        kind = match.group(2).removesuffix("s")
        found.setdefault(kind, {}).setdefault(match.group(1).replace(",", ""), match.group(0))
    for match in DATE.finditer(text):
        when = _date(match)
        if when is not None:
            found.setdefault("date", {}).setdefault(when.isoformat(), match.group(0))
    for match in MONEY.finditer(text):
        found.setdefault("money", {}).setdefault(_money(match), match.group(0).strip())
    return found


def decided_on(ctx: ProposalContext) -> dt.date | None:
    """The date the consultant's own Decision text asks for, when it names one."""
    match = DATE.search(str(ctx.project.proposal.decision))
    return _date(match) if match else None


def stale_in(title: str, own: str, drafted: str, accepted: tuple[str, ...] = ()) -> list[str]:
    """A sentence for each figure of the person's text that the draft from the data no longer gives:
    "Executive summary says 12 weeks; the plan is now 14 weeks." Kinds the draft doesn't name are
    the person's own and are left alone, and so are the `accepted` dates (the decision date the
    person chose)."""
    now = figures(drafted)
    said = []
    for kind, values in figures(own).items():
        for value, words in values.items():
            if kind in now and value not in now[kind] and value not in accepted:
                current = join_and(list(now[kind].values())).replace(" and ", " or ")
                said.append(f"{title} says {words}; {PHRASES[kind]} {current}.")
    return said


def stale_figures(ctx: ProposalContext) -> list[str]:
    """Every figure of the consultant's own texts that no longer matches the data, in a sentence each."""
    chosen = decided_on(ctx)
    accepted = (chosen.isoformat(),) if chosen else ()
    said: list[str] = []
    for name, title in NARRATIVE_FIELDS.items():
        own = str(getattr(ctx.project.proposal, name)).strip()
        if own:
            said += stale_in(title, own, draft(ctx, name), accepted)
    return said
