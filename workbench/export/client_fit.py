"""The guides' text and code fitted to the client: dates in the plan's years (money in the
client's currency: `analysis/currency`).

The guides' practices and code patterns are examples written as of late 2026, with amounts in
dollars or euros as their authors thought of them. Shown as they are, they would contradict the
proposal around them: euros for a client whose own figures are in dollars, a review "due" before
the plan starts. So every amount is named in the client's currency (its code, its symbol before a
figure, and the code in names such as `cost_usd`), and every year is moved by the whole years that
put the examples' first deadline (FIRST_DEADLINE) on or after the plan's start, which keeps each
date's place in the year and its distance from the others.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

FIRST_DEADLINE = dt.date(2026, 12, 15)
"""The earliest deadline the guides' examples set ("due: 2026-12-15"); their other dates are set
around it ("reviewed: 2026-11-18", "next_review: 2027-03-31")."""

YEAR = re.compile(r"(?<![\d.])(20[0-4]\d)(?!\d)")
"""A year from 2000 to 2049, alone or in a date ("2026-11-20", "2026-Q4", "datetime(2026, 1, 1)")."""
LEAP_DAY = re.compile(r"\b(\d{4})-02-29\b")
WEEKDAY_DATE = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\b")


def years_to_move(plan_start: dt.date) -> int:
    """The fewest whole years (negative for a plan before the examples were written) that put the
    examples' first deadline on or after the plan's start."""
    years = plan_start.year - FIRST_DEADLINE.year
    later_in_the_year = (plan_start.month, plan_start.day) > (FIRST_DEADLINE.month, FIRST_DEADLINE.day)
    return years + 1 if later_in_the_year else years


def moved_years(text: str, years: int) -> str:
    """The text with every year moved by `years`: a 29 February that no longer exists becomes the
    28th, and a weekday beside a date is the new date's."""
    if not years:
        return text
    text = YEAR.sub(lambda found: str(int(found.group(1)) + years), text)
    text = LEAP_DAY.sub(
        lambda f: f.group(0) if calendar.isleap(int(f.group(1))) else f"{f.group(1)}-02-28", text
    )
    return WEEKDAY_DATE.sub(_weekday, text)


def _weekday(found: re.Match[str]) -> str:
    try:
        day = dt.datetime.strptime(" ".join(found.groups()[1:]), "%d %b %Y").date()
    except ValueError:
        return found.group(0)
    return f"{day:%a}, {found.group(2)} {found.group(3)} {found.group(4)}"
