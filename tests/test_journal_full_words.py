"""#13 fresh eyes 8: when the journal cannot be written, the warning does not end "The file on
disk is unchanged" (which read as the project file while it meant the journal)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import fail_writes_under, notifications, raise_g006_impact, until


async def test_a_full_journal_folder_says_what_is_unchanged_and_where_the_work_is(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        fail_writes_under(state_dir / "journal", monkeypatch)
        shown = notifications(app)
        await raise_g006_impact(pilot)
        assert await until(pilot, lambda: any("journal" in n and "could not be written" in n for n in shown))
        said = next(n for n in shown if "could not be written" in n)
        assert "The file on disk is unchanged" not in said
        assert "The project file is unchanged" in said and "only in this window" in said
        # fix13a 6: one clear sentence about the project, naming the journal; not
        # "…/KEY.base.toml: (the journal) could not be written"
        assert said.startswith(f"{example}: the journal (") and "(the journal)" not in said
        assert said.endswith("until a save works."), said
