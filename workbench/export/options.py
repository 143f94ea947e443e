"""What goes into the proposal: sections in order, redaction, ids, the day it is dated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SECTIONS = (
    "contents",
    "summary",
    "progress",
    "context",
    "strengths",
    "findings",
    "gaps",
    "recommendations",
    "pilots",
    "timeline",
    "investment",
    "risks",
    "next-steps",
    "decision",
    "scoring",
    "appendix",
    "code-patterns",
)
"""Sections a proposal can include, in order (the cover is always there)."""

OPT_IN = ("appendix", "code-patterns")
"""Sections left out unless asked for: the notes, and the code for the engineers (a client's
proposal argues for a decision; code patterns are for the team who takes the work on)."""

DEFAULT_SECTIONS = tuple(s for s in SECTIONS if s not in OPT_IN)



@dataclass
class ProposalOptions:
    """What goes into the proposal."""

    sections: tuple[str, ...] = DEFAULT_SECTIONS
    redact: bool = False
    """Leave out names, identifying roles, quotes and the client's name."""
    today: dt.date = field(default_factory=dt.date.today)
    """The date on the cover."""
    ids: bool = False
    """Show record ids (G-001, P-1) beside titles, for the consultant's own copy."""
    since: str = ""
    """The milestone the Progress section compares with (default: the latest saved before today)."""
