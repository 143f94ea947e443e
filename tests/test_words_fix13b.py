"""fix13b 2: words the app says that read wrong: "file on disk unreadable" for a file that was
deleted, "run the command again" where there is no command, "recovery file" for the journal."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Static

from tests.conftest import ROOT
from tests.helpers import dialog_up, until, workbook_export_over
from tests.test_typing_under_dialogs import WORDS, header, start_typing, type_words
from tests.test_typing_under_dialogs import example as example  # the fixture (merge_base.toml)
from workbench.ui.modals.conflict import ConflictModal


async def test_the_header_says_a_deleted_file_was_deleted_or_moved(example: Path, make_app) -> None:
    app = make_app(example, autosave_delay=0.2)
    async with app.run_test(size=(120, 36)) as pilot:
        await start_typing(pilot)
        example.unlink()
        await type_words(pilot, WORDS[:2])
        assert await until(pilot, lambda: "file deleted or moved" in header(app)), header(app)
        assert "unreadable" not in header(app)
        await pilot.press("ctrl+s")  # the dialog says the same, and offers to write it back
        assert await dialog_up(pilot, ConflictModal)
        body = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "The file is gone from disk" in body
        assert "in the journal" in body and "recovery file" not in body


async def test_a_read_only_workbook_says_what_to_do_in_the_app(example: Path, make_app) -> None:
    from workbench.ui.modals.confirm import ConfirmModal
    from workbench.ui.modals.workbook_export_modal import WorkbookExportModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        target = await workbook_export_over(pilot, b"theirs")
        target.chmod(0o444)
        await pilot.press("ctrl+s")
        assert await dialog_up(pilot, ConfirmModal)
        await pilot.press("r")  # Replace
        assert await until(pilot, lambda: isinstance(app.screen, WorkbookExportModal))
        error = app.screen.query_one("#workbook-error", Static)
        assert await until(pilot, lambda: "read-only" in str(error.render()))
        said = str(error.render())
        assert "run the command again" not in said
        assert "make it writable (chmod u+w) and write the workbook again, or give another file name" in said
    assert target.read_bytes() == b"theirs"


def test_one_word_for_the_journal_everywhere() -> None:
    """The app said "recovery file" where the README and F1 say "journal"."""
    texts = [ROOT / "README.md", *sorted((ROOT / "workbench").rglob("*.py"))]
    said = [str(path) for path in texts if re.search(r"recovery (file|journal)", path.read_text(), re.IGNORECASE)]
    assert said == []
