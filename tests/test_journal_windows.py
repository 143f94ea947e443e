"""#13: two workbench windows on one project. Each keeps its own journal (KEY.PID.json) and a lock
file (open/KEY.PID.json with its pid and start time): neither overwrites the other's unsaved work,
a live window's work is never offered to another, and the work of a window that stopped is."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests import typing_driver
from tests.helpers import notifications, ready, until
from workbench.store.files import ProjectFile
from workbench.store.journal import (
    LEGACY,
    JournalEntry,
    clear_journal,
    journal_paths,
    offered_journals,
    read_journal,
    write_journal,
)
from workbench.store.presence import announce, lock_path, process_start, project_key, withdraw
from workbench.store.serialize import project_to_data
from workbench.ui.modals.confirm import ConfirmModal

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-2"


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    """A live process standing in for another workbench window."""
    process = subprocess.Popen(["sleep", "120"])
    yield process
    process.kill()
    process.wait()


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def fake_window(path: Path, pid: int, started: str | None = None) -> Path:
    """The lock file a window of process `pid` writes (its start time, unless `started`)."""
    lock = lock_path(path, pid)
    lock.parent.mkdir(parents=True, exist_ok=True)
    kept = {"path": str(path.resolve()), "pid": pid, "opened": "2026-12-02T14:00:00+00:00"}
    kept["process_start"] = process_start(pid) if started is None else started
    lock.write_text(json.dumps(kept))
    return lock


def journal_of(path: Path, pid: int, note: str, gap: int = 0) -> Path:
    """Unsaved work (a gap's title, the first's unless `gap`) kept in process `pid`'s journal
    entry; its entry file."""
    file = ProjectFile.load(path)
    file.project.gaps[gap].title = note
    write_journal(path, project_to_data(file.project), file.base)
    mine, theirs = journal_paths(path), journal_paths(path, pid)
    for source, target in zip(mine, theirs, strict=True):
        os.replace(source, target)
    return theirs[0]


def own(path: Path) -> JournalEntry | None:
    """This process's journal entry for the file."""
    return next((entry for entry in offered_journals(path) if entry.owner == os.getpid()), None)


def has_note(entry: JournalEntry | None, words: str) -> bool:
    """Whether an entry's work has the words in an answer's notes."""
    return entry is not None and any(words in answer.notes for answer in entry.project().answers)


def test_journal_and_lock_names_carry_the_pid(example: Path) -> None:
    key = project_key(example)
    assert journal_paths(example) == (
        journal_paths(example)[0].parent / f"{key}.{os.getpid()}.json",
        journal_paths(example)[0].parent / f"{key}.{os.getpid()}.base.toml",
    )
    assert journal_paths(example, 4242)[0].name == f"{key}.4242.json"
    assert journal_paths(example, LEGACY)[0].name == f"{key}.json", "entries from before: no pid"
    assert lock_path(example).name == f"{key}.{os.getpid()}.json"
    assert lock_path(example).parent.name == "open"
    assert process_start(os.getpid()) and process_start(dead_pid()) == ""


def test_a_live_windows_journal_is_neither_offered_nor_removed(
    example: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    fake_window(example, sleeper.pid)
    theirs = journal_of(example, sleeper.pid, "their unsaved title")
    kept = theirs.read_bytes()
    assert offered_journals(example) == []
    clear_journal(example)
    assert theirs.read_bytes() == kept
    sleeper.kill()
    sleeper.wait()
    offered = offered_journals(example)
    assert [entry.owner for entry in offered] == [sleeper.pid], "offered once the window stopped"
    assert offered[0].project().gaps[0].title == "their unsaved title"


def test_stale_locks_are_ignored_and_removed(example: Path, sleeper: subprocess.Popen[bytes]) -> None:
    dead = fake_window(example, dead_pid())
    reused = fake_window(example, sleeper.pid, started="1")  # the pid now runs another program
    journal_of(example, sleeper.pid, "a stopped window's title")
    assert announce(example) == []
    assert not dead.exists() and not reused.exists()
    assert [entry.project().gaps[0].title for entry in offered_journals(example)] == [
        "a stopped window's title"
    ]
    withdraw(example)
    assert not lock_path(example).exists()


def test_a_live_window_is_named_and_entries_from_before_are_offered(
    example: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    fake_window(example, sleeper.pid)
    others = announce(example)
    assert [window.pid for window in others] == [sleeper.pid]
    journal_of(example, LEGACY, "from an older workbench")
    entry = read_journal(example)
    assert entry is not None and entry.owner == LEGACY
    clear_journal(example, entry.owner)
    assert read_journal(example) is None
    withdraw(example)


async def test_a_live_windows_work_is_not_offered_and_each_keeps_its_own(
    example: Path, make_app, sleeper: subprocess.Popen[bytes]
) -> None:
    """One window with a fake live lock: the second window says so in one sentence, is not
    offered the first's work, and its own typing never replaces the first's journal."""
    fake_window(example, sleeper.pid)
    theirs = journal_of(example, sleeper.pid, "typed in the other window")
    kept = theirs.read_bytes()
    app = make_app(example)
    shown = notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert not isinstance(app.screen, ConfirmModal), "the live window's work was offered here"
        assert (
            f"{example.name} is also open in another workbench window (pid {sleeper.pid}); your saves "
            "will be merged with its saves."
        ) in shown
        app.screen.query_one("#q-notes", TextArea).focus()
        await pilot.press(*" mine")
        app.autosave.journal.run()
        assert await until(pilot, lambda: has_note(own(example), "mine"))
        assert theirs.read_bytes() == kept
    sleeper.kill()
    sleeper.wait()
    offered = {entry.owner: entry for entry in offered_journals(example)}
    assert offered[sleeper.pid].project().gaps[0].title == "typed in the other window"
    assert has_note(offered[os.getpid()], "mine")
    assert not lock_path(example).exists(), "the window's lock goes when it closes"


async def test_two_real_windows_on_one_file_lose_nothing_of_each_other(example: Path, make_app) -> None:
    """A workbench process types into one answer; a second window opens the same file meanwhile
    and types into another. Before, they shared one journal entry: the second was offered the
    first's work (a live window's) and each journal write replaced the other's."""
    driver = typing_driver.start(example, QUESTION)
    assert driver.stdout is not None
    try:
        assert driver.stdout.readline().startswith("started")
        typed: list[str] = []
        theirs = journal_paths(example, driver.pid)[0]
        while not theirs.exists() or len(typed) < 6:
            typed.append(driver.stdout.readline().split()[1])
        app = make_app(example)
        shown = notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await ready(pilot)
            assert not isinstance(app.screen, ConfirmModal), "the other window's work was offered here"
            assert any(f"also open in another workbench window (pid {driver.pid})" in s for s in shown)
            notes = app.screen.query_one("#q-notes", TextArea)
            notes.focus()
            await pilot.press(*" mine1 mine2")
            assert await until(pilot, lambda: "mine1 mine2" in notes.text)
            app.autosave.journal.run()
            assert await until(pilot, lambda: has_note(own(example), "mine1 mine2"))
            for _ in range(8):  # the other window types on meanwhile
                typed.append(driver.stdout.readline().split()[1])
            killed = time.monotonic()
            driver.send_signal(signal.SIGKILL)
            driver.wait()
            assert time.monotonic() - killed < 5
            assert has_note(own(example), "mine1 mine2")
    finally:
        driver.kill()
        driver.wait()
    offered = {entry.owner: entry for entry in offered_journals(example)}
    theirs_kept = offered.get(driver.pid)  # (none when its last save had everything)
    kept = theirs_kept.project().answer(QUESTION, "ml-1") if theirs_kept else None
    on_disk = ProjectFile.load(example).project.answer(QUESTION, "ml-1")
    everything = (kept.notes if kept else "") + (on_disk.notes if on_disk else "")
    lost = [word for word in typed[:-8] if word not in everything]  # all but the last 2 s
    assert lost == []
    assert has_note(offered[os.getpid()], "mine1 mine2")


async def test_the_work_of_two_stopped_windows_is_offered_one_after_the_other(
    example: Path, make_app
) -> None:
    """Both windows stopped before saving: the older's work is offered first, then the other's,
    and both end up in the file."""
    older = journal_of(example, dead_pid(), "the first window's title", gap=0)
    journal_of(example, dead_pid(), "the second window's title", gap=1)
    os.utime(older, (time.time() - 60, time.time() - 60))
    app = make_app(example)

    def title(gap: int) -> str:
        return ProjectFile.load(example).project.gaps[gap].title

    async with app.run_test(size=(120, 36)) as pilot:
        for gap, said in enumerate(("the first window's title", "the second window's title")):
            assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
            await pilot.pause()
            await pilot.click("#yes")
            assert await until(pilot, lambda gap=gap, said=said: title(gap) == said)
        assert await until(pilot, lambda: offered_journals(example) == [])
    assert title(0) == "the first window's title", "the second restore kept the first's"


def test_on_windows_liveness_is_asked_without_signalling_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """`os.kill(pid, 0)` ends the process on Windows: a window asking whether another runs would
    have closed it."""
    from workbench.store import presence

    def never(*_: object) -> None:
        raise AssertionError("os.kill was called")

    asked: list[int] = []
    monkeypatch.setattr(presence.os, "name", "nt")
    monkeypatch.setattr(presence.os, "kill", never)
    monkeypatch.setattr(presence, "_windows_process_runs", lambda pid: asked.append(pid) or True)
    assert presence.is_running(4242, "")
    assert asked == [4242]
