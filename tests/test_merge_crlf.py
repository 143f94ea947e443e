"""#14 finding 1: a CRLF project merges with a hand edit (changed on disk, recovery, git driver)
just as an LF one does: no loop, no crash, CRLF kept."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.helpers import dialog_up, raise_g006_impact, ready, until
from workbench.store.files import ProjectFile, load_project
from workbench.store.journal import journal_paths, write_journal
from workbench.store.merge_text import Version, merge_versions
from workbench.store.serialize import project_to_data
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.merge_modal import MergeModal


@pytest.fixture
def crlf(tmp_path: Path) -> Path:
    target = tmp_path / "c.toml"
    shutil.copyfile(ROOT / "tests" / "merge_base.toml", target)
    target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n"))
    return target


def hand_edit(path: Path, old: str, new: str) -> None:
    raw = path.read_bytes()
    assert old.encode() in raw
    path.write_bytes(raw.replace(old.encode(), new.encode(), 1))


def data(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_bytes().decode())


def gap(path: Path, gap_id: str) -> dict[str, Any]:
    return next(g for g in data(path)["gaps"] if g["id"] == gap_id)


def test_a_crlf_file_is_cut_into_its_records() -> None:
    text = (ROOT / "tests" / "merge_base.toml").read_text().replace("\n", "\r\n")
    written = Version(tomllib.loads(text), text).written
    assert written.pieces is not None
    assert len([p for p in written.pieces if p[1] == "gaps"]) == len(tomllib.loads(text)["gaps"])
    assert "".join(p[0] for p in written.pieces) == text


def test_a_crlf_merge_of_edits_to_different_records_keeps_both_and_crlf() -> None:
    text = (ROOT / "tests" / "merge_base.toml").read_text().replace("\n", "\r\n")
    base = tomllib.loads(text)
    ours_text = text.replace('facilitator = "Sam Okafor"', 'facilitator = "Sam O."', 1)
    theirs_text = text.replace('title = "No data-quality checks at ingestion"', 'title = "Late checks"', 1)
    result = merge_versions(
        Version(base, text),
        Version(tomllib.loads(ours_text), ours_text),
        Version(tomllib.loads(theirs_text), theirs_text),
    )
    assert not result.conflicts
    assert 'facilitator = "Sam O."' in result.text and 'title = "Late checks"' in result.text
    assert "\n" not in result.text.replace("\r\n", "")


async def test_a_crlf_file_changed_on_disk_is_merged_without_a_question(crlf: Path, make_app) -> None:
    app = make_app(crlf)
    async with app.run_test(size=(80, 24)) as pilot:
        await raise_g006_impact(pilot)
        hand_edit(crlf, 'facilitator = "Sam Okafor"', 'facilitator = "Sam O."')
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert not isinstance(app.screen, MergeModal)
    assert gap(crlf, "G-006")["impact"] == 3
    assert b'facilitator = "Sam O."' in crlf.read_bytes()
    assert b"\n" not in crlf.read_bytes().replace(b"\r\n", b"")


async def test_a_crlf_conflict_is_asked_once_and_settled(crlf: Path, make_app) -> None:
    app = make_app(crlf)
    async with app.run_test(size=(80, 24)) as pilot:
        await raise_g006_impact(pilot)
        hand_edit(
            crlf,
            'impact = 2\r\ncomplexity = 2\r\n\r\n[[gaps]]\r\nid = "G-007"',
            'impact = 5\r\ncomplexity = 2\r\n\r\n[[gaps]]\r\nid = "G-007"',
        )
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, MergeModal)
        await pilot.press("m")
        assert await until(pilot, lambda: not app.workspace.unsaved)
        assert not isinstance(app.screen, MergeModal)
    assert gap(crlf, "G-006")["impact"] == 3


async def test_recovered_work_on_a_crlf_file_is_merged(crlf: Path, make_app) -> None:
    started = ProjectFile.load(crlf).base
    work = load_project(crlf)
    work.move_gap("G-006", 2)
    write_journal(crlf, project_to_data(work), started)
    hand_edit(crlf, 'facilitator = "Sam Okafor"', 'facilitator = "Sam O."')
    app = make_app(crlf)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.click("#yes")
        assert await until(pilot, lambda: not journal_paths(crlf)[0].exists())
        assert not app.workspace.unsaved
    assert gap(crlf, "G-006")["impact"] == 4
    assert b'facilitator = "Sam O."' in crlf.read_bytes()
