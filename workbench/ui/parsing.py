"""Numbers and dates typed into inputs."""

from __future__ import annotations

import datetime as dt


def parse_number(value: str) -> int | float | None:
    """A number typed in a metric field; None when empty or not a number."""
    value = value.strip().replace(",", "")
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return None


def parse_date(value: str) -> dt.date | None:
    """A YYYY-MM-DD date; None when empty or malformed."""
    try:
        return dt.date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None
