"""Registers the commands about the engagement over time: milestone, followups, portfolio."""

from __future__ import annotations

from typing import Any


def add_timeline_parsers(sub: Any) -> None:
    """Add the three commands; each parser names the function that runs it (`args.run`)."""
    from workbench.cli_followups import add_followups_parser
    from workbench.cli_milestone import add_milestone_parser
    from workbench.cli_portfolio import add_portfolio_parser

    add_milestone_parser(sub)
    add_followups_parser(sub)
    add_portfolio_parser(sub)
