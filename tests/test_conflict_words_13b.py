"""s13b 2: the changed-on-disk dialog speaks of its two sides in one pair of words, "theirs" (the
version saved on disk while you worked) and "mine", in its rows, its buttons, its footer keys,
F1 help and the README; the Changed on disk dialog without conflicts already says "Reload
theirs" and "Overwrite with mine"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.helpers import dialog_up, ready, until
from tests.test_merge_dialog import (
    FE3,
    NOTE,
    both_edit_the_note_end,
    example,  # noqa: F401 - the fixture: the example as the merge tests know it
    hand_edit,
    saved_note,
)
from workbench.store.files import ProjectFile, load_project
from workbench.store.journal import write_journal
from workbench.store.serialize import project_to_data
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.merge_modal import MergeModal
from workbench.ui.widgets.key_footer import KeyFooter

OTHER_WORDS = ("On disk", "Yours", "yours", "File's", "file's")
"""The words the dialog used beside theirs and mine before: one pair is used, never these."""


def words(modal: Any) -> tuple[list[str], list[str], str]:
    """The dialog's row labels, its shown buttons and its footer line."""
    labels = [str(modal.query_one(f"#merge-{n}-label").render()).strip() for n in ("base", "ours", "theirs")]
    buttons = [str(b.label) for b in modal.query("Button") if b.display]
    return labels, buttons, str(modal.query_one(KeyFooter).render())


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_rows_buttons_and_keys_say_theirs_and_mine(
    example: Path,  # noqa: F811
    make_app,
    size: tuple[int, int],
) -> None:
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        modal = await both_edit_the_note_end(pilot, example)
        labels, buttons, footer = words(modal)
        assert labels == ["Before", "Theirs", "Mine"]
        assert buttons[:2] == ["Keep theirs (t)", "Keep mine (m)"], buttons
        assert "t Theirs" in footer and "m Mine" in footer, footer
        shown = "\n".join([*labels, *buttons, footer, *(str(w.render()) for w in modal.query(".dialog-body"))])
        assert [w for w in OTHER_WORDS if w in shown] == [], shown
        await pilot.press("t")  # keep theirs: the note as saved on disk
        assert await until(pilot, lambda: not isinstance(app.screen, MergeModal))
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert saved_note(example).endswith(", measured in March.")


async def test_the_restore_dialog_names_its_keys_by_its_rows(example: Path, make_app) -> None:  # noqa: F811
    started = ProjectFile.load(example).base
    work = load_project(example)
    work.set_answer(FE3, "data-1", notes="Mine, recovered")
    write_journal(example, project_to_data(work), started)
    hand_edit(example, NOTE, "Theirs, on disk")
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.click("#yes")
        assert await dialog_up(pilot, MergeModal)
        labels, buttons, footer = words(app.screen)
        assert labels == ["Before", "File now", "Recovered"]
        assert buttons[:2] == ["Keep file now (t)", "Keep recovered (m)"], buttons
        assert "t File now" in footer and "m Recovered" in footer, footer


def test_help_and_readme_say_the_same_keys_and_words() -> None:
    from workbench.ui.screens.help_screen import saving_and_recovery

    help_text = " ".join(saving_and_recovery().plain.split())
    assert "t keeps theirs, m mine" in help_text, help_text
    assert "d keeps the file's" not in help_text
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert "(`t` keeps theirs, `m` mine;" in readme
    assert "`d` keeps the file's" not in readme
