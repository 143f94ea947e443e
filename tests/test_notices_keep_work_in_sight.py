"""#12 live capture: notices sat on the top lines over the header and the tabs. Two at once, or
one long one, spilled down over the pane (the notes being typed, the lists, a dialog), and while
one showed (up to 12 s) it hid the header's saved state and session clock, which a facilitator
glances at all the time. A notice now takes a line of its own above the footer: the pane gives
it room, the header stays whole, a newer notice takes the place of an older one, and a long one
reads whole. Asserted on the text on screen, as the person sees it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ready, screen_lines, until

LONG = (
    "The project file was changed on disk by another program, in the same places as your edits: "
    "save (ctrl+s) to settle it; your work stays here and in the journal until then, nothing is lost."
)
TYPED = "Deploys by hand on Fridays"
CLOCK = re.compile(r"\d+:\d\d/\d+:\d\d")


def reads_whole(lines: list[str], notice: str) -> bool:
    """Every word of the notice on screen, in order, on consecutive rows (wrapped, not cut)."""
    text = " ".join(" ".join(line.split()) for line in lines)
    return " ".join(notice.split()) in " ".join(word.strip("▌▐▎▍") for word in text.split())


def header_whole(row: str) -> bool:
    return bool(CLOCK.search(row)) and ("saved" in row or "unsaved" in row)


async def raise_notices(pilot) -> None:  # type: ignore[no-untyped-def]
    """Two notices at once, then a long one, all far from expiring."""
    app = pilot.app
    app.notify(
        "Workbook written to projects/example-self-assessment.xlsx", title="Self-assessment", timeout=60
    )
    app.notify(
        "Not saved: the disk is full. Free some space, then press ctrl+s.", severity="error", timeout=60
    )
    app.notify(LONG, severity="warning", timeout=60)
    assert await until(pilot, lambda: reads_whole(screen_lines(app), LONG)), "\n".join(screen_lines(app))


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_notices_leave_the_notes_being_typed_and_the_header_in_sight(
    example: Path, make_app, size: tuple[int, int]
) -> None:
    app = make_app(example)
    async with app.run_test(size=size, notifications=True) as pilot:
        await ready(pilot)
        app.screen.query_one("#q-notes").focus()
        await pilot.press("ctrl+end", "enter", *TYPED)
        assert await until(pilot, lambda: TYPED in "".join(screen_lines(app)))
        assert header_whole(screen_lines(app)[0]), screen_lines(app)[0]
        await raise_notices(pilot)
        await pilot.press(*" and Mondays")
        assert await until(pilot, lambda: "Mondays" in "\n".join(screen_lines(app))), "\n".join(
            screen_lines(app)
        )
        lines = screen_lines(app)
        assert header_whole(lines[0]), lines[0]
        assert "Capture" in lines[1], lines[1]  # the pane tabs
        assert TYPED in "\n".join(lines)  # (at 80x24 "and Mondays" wraps to the next row)
        assert "Workbook written" not in "\n".join(lines)  # the newest notice shows, one at a time
        assert reads_whole(lines, LONG), "\n".join(lines)


@pytest.mark.parametrize(("pane", "words"), [("f3", "Ranked"), ("f4", "Gaps"), ("f5", "Timeline")])
async def test_notices_leave_every_pane_and_the_header_in_sight(
    example: Path, make_app, pane: str, words: str
) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press(pane)
        await pilot.pause()
        before = screen_lines(app)
        work = [line for line in before[3:6] if line.strip()]  # the pane's first rows
        assert any(words in line for line in before), "\n".join(before)
        await raise_notices(pilot)
        lines = screen_lines(app)
        assert header_whole(lines[0]), lines[0]
        assert lines[1:3] == before[1:3]  # the tabs
        assert all(line in lines for line in work), "\n".join(lines)


async def test_over_a_dialog_notices_leave_its_box_and_the_header_in_sight(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("f6")
        assert await until(pilot, lambda: "Cancel" in "\n".join(screen_lines(app)))
        await pilot.pause()
        await raise_notices(pilot)
        lines = screen_lines(app)
        assert header_whole(lines[0]), lines[0]
        shown = "\n".join(lines)
        for words in (
            "Discovery sessions",
            "▸ ml-1  ML Engineering Team Session",
            "Stay in ml-1 (ctrl+s)",
            "Cancel (Esc)",
        ):
            assert words in shown, shown


async def test_a_newer_notice_replaces_a_confirmation_and_an_error_waits_under_it(
    example: Path, make_app
) -> None:
    app = make_app(example)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)

        def shows(words: str) -> bool:
            return words in "\n".join(screen_lines(app))

        app.notify("Workbook written to projects/example.xlsx", title="Self-assessment", timeout=60)
        assert await until(pilot, lambda: shows("Workbook written"))
        app.notify(
            "Not saved: the disk is full. Free some space, then press ctrl+s.",
            title="Not saved",
            severity="error",
        )
        assert await until(pilot, lambda: shows("the disk is full") and not shows("Workbook written"))
        app.notify("Proposal written to projects/example.docx", title="Exported", timeout=60)
        assert await until(pilot, lambda: shows("Proposal written") and not shows("the disk is full"))
        app.withdraw("Exported")
        assert await until(pilot, lambda: shows("the disk is full"))  # back for the rest of its time
        assert not shows("Workbook written")  # replaced: it would say something out of date
