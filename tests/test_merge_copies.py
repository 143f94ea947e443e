"""The copies of other people's versions kept beside a project stay bounded (#14 merge10e 1):
the newest 5 are always kept, and any from the last day, up to 20; the person's own copies
(`.mine-`, `.base-`) are never removed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from workbench.store.atomic import ChangedOnDisk
from workbench.store.files import ProjectFile
from workbench.store.merge_copies import KEPT, MOST

HOUR = 60 * 60
DAY = 24 * HOUR


def theirs_copies(project: Path) -> set[str]:
    return {p.name for p in project.parent.glob(f"{project.stem}.theirs-*{project.suffix}")}


def copy_aged(project: Path, mark: str, number: int, age: float) -> Path:
    """A copy beside `project` written `age` seconds ago."""
    copy = project.with_name(f"{project.stem}.{mark}{number:08x}{project.suffix}")
    copy.write_text(f"# an older version {number}\n")
    when = time.time() - age
    os.utime(copy, (when, when))
    return copy


def save_meeting_someone_elses_version(project: Path, who: str = "Someone Else") -> Path:
    """A save that meets a version someone else wrote meanwhile: it keeps theirs as a copy."""
    file = ProjectFile.load(project)
    file.project.move_gap("G-006", 1)
    theirs = project.read_text().replace("Sam Okafor", who)
    project.write_text(theirs)
    with pytest.raises(ChangedOnDisk) as raised:
        file.save()
    kept = next(p for p in project.parent.glob(f"{project.stem}.theirs-*") if p.read_text() == theirs)
    assert kept.name in str(raised.value)
    return kept


def test_old_copies_beyond_the_newest_five_are_removed(example: Path) -> None:
    """Eight copies from last week: after a ninth version is met, the newest five are left (the
    new one and the four newest before it); before, every copy stayed for ever."""
    old = [copy_aged(example, "theirs-", n, 7 * DAY - n * HOUR) for n in range(8)]  # 7 newest
    new = save_meeting_someone_elses_version(example)
    newest = {new.name, *(c.name for c in old[-(KEPT - 1) :])}
    assert theirs_copies(example) == newest


def test_copies_from_the_last_day_are_kept_however_many(example: Path) -> None:
    """Copies less than a day old are what a person may still be looking for: kept, up to 20."""
    young = [copy_aged(example, "theirs-", n, n * HOUR) for n in range(1, 8)]
    old = [copy_aged(example, "theirs-", 100 + n, 2 * DAY) for n in range(3)]
    new = save_meeting_someone_elses_version(example)
    assert theirs_copies(example) == {new.name, *(c.name for c in young)}
    assert not any(c.exists() for c in old)


def test_never_more_than_twenty_even_in_one_day(example: Path) -> None:
    """A shared folder with two people saving all day: the copies stop at 20, newest kept."""
    young = [copy_aged(example, "theirs-", n, n * 60) for n in range(1, 30)]
    new = save_meeting_someone_elses_version(example)
    assert theirs_copies(example) == {new.name, *(c.name for c in young[: MOST - 1])}


def test_a_version_met_again_counts_as_new(example: Path) -> None:
    """The copy of a version met again is the one the person was just told about: it is kept
    even when it was the oldest."""
    first = save_meeting_someone_elses_version(example, "Someone Else")
    then = time.time() - 30 * DAY
    os.utime(first, (then, then))
    for n in range(KEPT + 2):
        copy_aged(example, "theirs-", n, 10 * DAY)
    example.write_text(example.read_text().replace("Someone Else", "Sam Okafor"))
    again = save_meeting_someone_elses_version(example, "Someone Else")
    assert again == first and first.exists()
    assert len(theirs_copies(example)) == KEPT


def test_own_copies_and_other_projects_copies_are_never_removed(example: Path) -> None:
    """`.mine-` and `.base-` copies hold the person's own work; another project's copies (even
    one whose name starts alike) are that project's."""
    others = [copy_aged(example, "theirs-", n, 30 * DAY) for n in range(KEPT + 3)]
    lookalike = example.with_name(f"{example.stem}-b.theirs-0000abcd.toml")
    lookalike.write_text("# another project's\n")
    os.utime(lookalike, (time.time() - 30 * DAY,) * 2)
    mine = example.with_name(f"{example.stem}.mine-20261101-100000.toml")
    base = example.with_name(f"{example.stem}.base-20261101-100000.toml")
    for own in (mine, base):
        own.write_text("# mine\n")
        os.utime(own, (time.time() - 30 * DAY,) * 2)
    save_meeting_someone_elses_version(example)
    assert lookalike.exists() and mine.exists() and base.exists()
    assert sum(c.exists() for c in others) == KEPT - 1
