"""The portfolio report as document blocks: a maturity heat table, what recurs, pilots in flight."""

from __future__ import annotations

import datetime as dt
from string import ascii_uppercase

from workbench.analysis.portfolio import Portfolio, Progress
from workbench.export.blocks import Block, Bullets, Heading, Paragraph, Table
from workbench.printable import plural

CLIENTS_PER_TABLE = 8
HEAT = {1: "F8CBAD", 2: "FCE4D6", 3: "FFF2CC", 4: "E2EFDA", 5: "C6EFCE"}
"""Cell fill per rounded maturity: red for 1 through green for 5."""


def client_label(index: int) -> str:
    """Client A, B … Z, AA, AB …: a name that says nothing about the client."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = ascii_uppercase[rest] + letters
    return f"Client {letters}"


def _clients(portfolio: Portfolio, redact: bool) -> dict[str, str]:
    """A name per client: its own, or letters when redacted."""
    labels: dict[str, str] = {}
    for e in portfolio.engagements:
        labels.setdefault(e.who, client_label(len(labels)) if redact else e.who)
    return labels


def _oldest_first(engagements: list[Progress]) -> list[Progress]:
    """The engagements, each client's together where it first appears, oldest first (by the first
    session, else the day the project was created)."""
    first = {who: i for i, who in reversed(list(enumerate(e.who for e in engagements)))}
    return sorted(
        engagements, key=lambda e: (first[e.who], e.started or dt.date.min, e.created or dt.date.min)
    )


def _dates(e: Progress) -> tuple[str, str, str]:
    """Ways to tell a client's engagements apart, coarsest first: the month it started, the day,
    the day its project was created."""
    return (
        f"{e.started:%b %Y}" if e.started else "",
        f"{e.started:%d %b %Y}" if e.started else "",
        f"created {e.created:%d %b %Y}" if e.created else "",
    )


def _names(engagements: list[Progress], clients: dict[str, str]) -> dict[int, str]:
    """A column name per engagement: its client's, and when a client has several engagements (a
    reassessment), the coarsest date that tells them apart, or their number oldest first."""
    names: dict[int, str] = {}
    for who, label in clients.items():
        group = [e for e in engagements if e.who == who]
        if len(group) == 1:
            names[id(group[0])] = label
            continue
        ways = list(zip(*map(_dates, group), strict=True))  # each way: one date per engagement
        tells = next((way for way in ways if all(way) and len(set(way)) == len(group)), None)
        for number, e in enumerate(group, start=1):
            names[id(e)] = f"{label} ({tells[number - 1] if tells else number})"
    return names


def portfolio_blocks(portfolio: Portfolio, today: dt.date, redact: bool = False) -> list[Block]:
    """Every block of the report, in order."""
    alias = _clients(portfolio, redact)
    engagements = _oldest_first(portfolio.engagements)
    names = _names(engagements, alias)
    blocks: list[Block] = [
        Heading("MLOps discovery: portfolio of engagements", 0),
        Paragraph(f"{plural(len(portfolio.engagements), 'engagement')}, as of {today:%d %B %Y}."),
    ]
    blocks += _engagements(engagements, names, redact)
    blocks += _heat(portfolio, engagements, names)
    blocks.append(Heading("Gaps that recur across clients", 1))
    if portfolio.recurring_gaps:
        blocks.append(
            Table(
                ["Area", "Clients", "Gaps"] if not redact else ["Area", "Clients"],
                [
                    [r.title, ", ".join(alias[c] for c in r.clients)]
                    + ([] if redact else ["; ".join(r.examples)])
                    for r in portfolio.recurring_gaps
                ],
                caption="Areas with open gaps at two or more clients, most widespread first.",
            )
        )
    else:
        blocks.append(Paragraph("No area has open gaps at more than one client."))
    blocks.append(Heading("Practices that recur across clients", 1))
    if portfolio.recurring_practices:
        blocks.append(
            Table(
                ["Practice", "Clients"],
                [
                    [f"{r.title} ({r.key})", ", ".join(alias[c] for c in r.clients)]
                    for r in portfolio.recurring_practices
                ],
            )
        )
    else:
        blocks.append(Paragraph("No practice has been accepted at more than one client."))
    blocks += _in_flight(engagements, names, redact)
    return blocks


def _engagements(engagements: list[Progress], names: dict[int, str], redact: bool) -> list[Block]:
    headers = ["Client", "Engagement", "Sessions", "Answers", "Open gaps", "Plan ends"]
    rows = []
    for e in engagements:
        row = [names[id(e)], e.name, str(e.sessions), str(e.answers), f"{len(e.open_gaps)} of {e.gaps}"]
        row.append(f"{e.plan_end:%d %b %Y}" if e.plan_end else "no plan")
        rows.append(row[:1] + row[2:] if redact else row)
    return [Heading("Engagements", 1), Table(headers[:1] + headers[2:] if redact else headers, rows)]


def _heat(portfolio: Portfolio, engagements: list[Progress], names: dict[int, str]) -> list[Block]:
    blocks: list[Block] = [Heading("Maturity per client and area", 1)]
    if not portfolio.areas:
        blocks.append(Paragraph("No engagement has scored maturity yet."))
        return blocks
    for start in range(0, len(engagements), CLIENTS_PER_TABLE):
        chunk = engagements[start : start + CLIENTS_PER_TABLE]
        rows, shading = [], []
        for area, title in portfolio.areas:
            scores = [e.maturity.get(area) for e in chunk]
            rows.append([title] + [f"{s:.1f}" if s is not None else "–" for s in scores])
            shading.append([""] + [HEAT[round(s)] if s is not None else "" for s in scores])
        blocks.append(
            Table(
                ["Area", *(names[id(e)] for e in chunk)],
                rows,
                shading,
                caption=(
                    "Mean current maturity, 1 (red) to 5 (green) on each area's own levels; – not scored."
                ),
            )
        )
    return blocks


def _in_flight(engagements: list[Progress], names: dict[int, str], redact: bool) -> list[Block]:
    items = [
        f"{names[id(e)]}: {p.id}{'' if redact else ' ' + p.title} ({p.starts:%d %b} – {p.ends:%d %b %Y})"
        for e in engagements
        for p in e.in_flight
    ]
    return [
        Heading("Pilots in flight", 1),
        Bullets(items) if items else Paragraph("No pilot is running today."),
    ]
