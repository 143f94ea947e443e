"""fix13b 1: the restore offer says briefly what the recovered work holds (work_delta.work_summary)."""

from __future__ import annotations

import copy
from typing import Any

from workbench.store.work_delta import work_summary


def file_data() -> dict[str, Any]:
    return {
        "project": {"name": "Acme"},
        "sessions": [{"id": "ml-1", "elapsed_seconds": 60}],
        "answers": [
            {"question": f"b:q{n}", "session": "ml-1", "notes": "", "current": 2} for n in range(5)
        ],
        "gaps": [{"id": "G-011", "title": "Old"}],
        "heard": [],
    }


def test_notes_a_raised_gap_and_a_heard_quote_are_said_in_a_few_words() -> None:
    file = file_data()
    work = copy.deepcopy(file)
    for answer in work["answers"][:3]:
        answer["notes"] = "typed"
    work["gaps"].append({"id": "G-012", "title": "New"})
    work["heard"].append({"id": "H-001", "quote": "We deploy by hand"})
    work["sessions"][0]["elapsed_seconds"] = 300  # the clock is said elsewhere
    assert work_summary(file, work) == "notes on 3 questions in session ml-1, gap G-012 raised, 1 heard quote"


def test_other_changes_are_named() -> None:
    file = file_data()
    work = copy.deepcopy(file)
    work["answers"][0]["current"] = 5
    work["gaps"] = []
    work["project"] = {"name": "Acme Ltd"}
    assert work_summary(file, work) == (
        "answers to 1 question in session ml-1, gap G-011 deleted, project details edited"
    )


def test_the_same_work_says_nothing() -> None:
    assert work_summary(file_data(), file_data()) == ""
