"""#17 fresh-eyes 7: a gap closed since it was raised is not planned work any more. Map lists it
after the open gaps under its own heading (not under Quick wins); the proposal's pilot says it
is closed (not "Closes:"); the summary says so in words of its own."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import OptionList

from tests.conftest import TODAY
from tests.helpers import ready, until
from workbench.banks import load_catalogue
from workbench.edits.gaps import EditGap
from workbench.export.markdown_writer import render_markdown
from workbench.export.options import ProposalOptions
from workbench.export.proposal import build_proposal
from workbench.store.files import load_project

DEPLOYMENT = "Deployment is manual and takes weeks"  # G-001, which pilot P-2 addresses


def close_g001(example: Path) -> None:
    text = example.read_text()
    head, rest = text.split('id = "G-001"', 1)
    example.write_text(head + 'id = "G-001"' + re.sub(r'status = "[a-z-]+"', 'status = "closed"', rest, count=1))
    assert load_project(example).gap("G-001").status == "closed"  # type: ignore[union-attr]


def proposal(example: Path) -> str:
    project = load_project(example)
    return render_markdown(build_proposal(project, load_catalogue(example), ProposalOptions(today=TODAY)))


def test_the_proposal_says_a_pilots_gap_is_closed_and_the_summary_counts_it_in_words(example: Path) -> None:
    before = proposal(example)
    assert f"Closes: {DEPLOYMENT}" in before
    close_g001(example)
    text = proposal(example)
    assert f"Closes: {DEPLOYMENT}" not in text
    assert f"Closed: {DEPLOYMENT}" in text
    assert "of them since closed" not in text
    assert re.search(r"found 10 gaps between .*?\. 1 of the 10 has since been closed\.", text), text[:3000]


async def test_map_lists_a_closed_gap_after_the_open_ones(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f4")
        listing = app.screen.query_one("#map-gaps", OptionList)

        def lines() -> list[str]:
            return [str(listing.get_option_at_index(i).prompt).split("  ")[0] for i in range(listing.option_count)]

        assert await until(pilot, lambda: any(line.startswith("G-001") for line in lines()))
        shown = lines()
        at = next(i for i, line in enumerate(shown) if line.startswith("G-001"))
        heading = next(line for line in reversed(shown[:at]) if not line.startswith("G-"))
        group, count = re.fullmatch(r"(.+) \((\d+)\)", heading).groups()  # type: ignore[union-attr]
        assert app.workspace.apply(EditGap("G-001", {"status": "closed"}))
        app.refresh_panes()
        assert await until(pilot, lambda: lines()[-2:] == ["Closed or won't fix (1)", f"G-001 {DEPLOYMENT}"])
        assert f"{group} ({int(count) - 1})" in lines()
        assert [line for line in lines() if line.startswith("G-001")] == [f"G-001 {DEPLOYMENT}"]
