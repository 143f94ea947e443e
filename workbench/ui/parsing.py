"""Numbers and dates typed into inputs: one parser for every numeric field, and the one sentence
that refuses what is not a number (the words stay in the field; nothing reads a number out of
them: "about 12" is not 12)."""

from __future__ import annotations

import datetime as dt
import math
import re

from workbench.printable import one_line

NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+)?(\.\d+)?")
"""12, -3, 12.5, .5, 1,200 (commas only between thousands: 12,5 is not twelve and a half)."""


def parse_number(value: str, whole: bool = False) -> int | float | None:
    """A number typed in a numeric field (a whole one when `whole`); None when empty or when the
    text is anything more than a number."""
    value = value.strip()
    if not value or not NUMBER.fullmatch(value) or not any(c.isdigit() for c in value):
        return None
    value = value.replace(",", "")
    if "." not in value:
        return int(value)
    if whole:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def number_problem(
    value: str, name: str, whole: bool = False, least: int | None = None, example: str = ""
) -> str:
    """The sentence refusing what was typed in a numeric field ('' when it is a number, or
    empty): said under the field, and the field keeps the words. `example` is a value that fits
    the field (90 minutes, not 4)."""
    if not value.strip():
        return ""
    number = parse_number(value, whole)
    such = example or ("4" if whole else "12 or 12.5")
    kind = f"a whole number, such as {such}" if whole else f"a number, such as {such}"
    if number is None:
        return f"The {name} must be {kind}: “{one_line(value.strip(), 30)}” is not one, so it is not saved."
    if least is not None and number < least:
        return f"The {name} must be at least {least}."
    return ""


def not_saved(problem: str, kept: str) -> str:
    """A field's refusal ending in what the file keeps instead ('…so it is not saved: the
    baseline stays 3.')."""
    ending = ", so it is not saved."
    if problem.endswith(ending):
        return f"{problem.removesuffix('.')}: {kept}."
    return f"{problem} It is not saved: {kept}."


def parse_date(value: str) -> dt.date | None:
    """A YYYY-MM-DD date; None when empty or malformed."""
    try:
        return dt.date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


ISO_SHAPED = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_problem(value: str, name: str, example: str = "2026-12-31") -> str:
    """The sentence refusing what was typed in a date field ('' when it is a date, or empty):
    words that are not shaped like one are told the shape; 2027-02-30, which has the shape, is
    told it is not a real day."""
    value = value.strip()
    if not value or parse_date(value) is not None:
        return ""
    if ISO_SHAPED.fullmatch(value):
        return f"The {name} {value} is not a day on the calendar: check the month and the day."
    return f"The {name} must look like {example} (or be empty)."
