"""One sentence for every date field: the shape when the words are not a date, the calendar when
the shape is right but the day does not exist (2027-02-30), nothing for a date or an empty field."""

from __future__ import annotations

from workbench.ui.parsing import date_problem


def test_a_date_and_an_empty_field_are_fine() -> None:
    assert date_problem("2026-12-31", "due date") == ""
    assert date_problem("  ", "due date") == ""


def test_words_are_told_the_shape() -> None:
    assert date_problem("15/12/2026", "due date") == "The due date must look like 2026-12-31 (or be empty)."
    assert date_problem("soon", "date", example="2026-11-24") == "The date must look like 2026-11-24 (or be empty)."


def test_a_day_that_does_not_exist_is_told_so() -> None:
    problem = date_problem("2027-02-30", "due date")
    assert problem == "The due date 2027-02-30 is not a day on the calendar: check the month and the day."
    assert "must look like" not in date_problem("2026-13-01", "due date")
