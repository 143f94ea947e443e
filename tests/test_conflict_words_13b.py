"""s13b 2: the changed-on-disk dialog speaks of its two sides in one pair of words, "theirs" (the
version saved on disk while you worked) and "mine", in its rows, its buttons, its footer keys,
F1 help and the README; the Changed on disk dialog without conflicts already says "Reload
theirs" and "Overwrite with mine". The restore's words are in test_merge_dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.helpers import until
from tests.test_merge_dialog import (
    both_edit_the_note_end,
    example,  # noqa: F401 - the fixture: the example as the merge tests know it
    saved_note,
)
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


def test_help_and_readme_say_the_same_keys_and_words() -> None:
    from workbench.ui.screens.help_screen import saving_and_recovery

    help_text = " ".join(saving_and_recovery().plain.split())
    assert "t keeps theirs, m mine" in help_text, help_text
    assert "d keeps the file's" not in help_text
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert "(`t` keeps theirs, `m` mine;" in readme
    assert "`d` keeps the file's" not in readme
