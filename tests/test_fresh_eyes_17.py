"""Issue 17 as a new user met it (fresh eyes): keys typed after a palette command, the
Follow-ups view's cursor and keys, marking a pilot done, names completed in Capture."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from tests.helpers import ready, until
from tests.test_keyboard_model import burst
from workbench.ui.screens.main_screen import MainScreen


def saved(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text())


async def test_finding_1_keys_typed_fast_after_a_palette_command_reach_its_dialog(example: Path, make_app) -> None:
    """ctrl+p, `save a mil`, Enter, a name, Enter as one burst: the milestone has the whole name."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f3")
        await burst(pilot, "ctrl+p", "save a mil", "enter", *"kickoff", "enter")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        ok = await until(pilot, lambda: [m.name for m in app.workspace.project.milestones] == ["kickoff"], 3)
        print("MS", [m.name for m in app.workspace.project.milestones], app.screen_stack)
        assert ok
        await burst(pilot, "f2", "ctrl+p", "save a mil", "enter", *"uf3 test", "enter")
        assert await until(pilot, lambda: len(app.workspace.project.milestones) == 2)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert [m["name"] for m in saved(example)["milestones"]] == ["kickoff", "uf3 test"]


async def test_finding_5_the_palette_over_follow_ups_offers_the_workbench_commands(example: Path, make_app) -> None:
    """ctrl+p in the Follow-ups view lists the workbench's commands; one of the panes' goes back
    to the panes and runs there (here: a new gap, saved)."""
    from textual.command import CommandList

    from workbench.ui.modals.gap_modal import GapModal
    from workbench.ui.screens.followups_screen import FollowUpsScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f7")
        assert await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        await burst(pilot, "ctrl+p", "save a mil")
        assert await until(
            pilot, lambda: any("Save a milestone" in str(o.prompt) for o in app.screen.query_one(CommandList).options)
        )
        await burst(pilot, "enter", *"after", "enter")
        assert await until(pilot, lambda: [m.name for m in app.workspace.project.milestones] == ["after"])
        assert isinstance(app.screen, FollowUpsScreen)  # saving a milestone stays in the view
        await burst(pilot, "ctrl+p", "raise a new gap", "enter")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        assert not any(isinstance(s, FollowUpsScreen) for s in app.screen_stack)
        await burst(pilot, *"Nobody owns drift alerts", "ctrl+s")  # refused: no area yet, keyboard to it
        assert await until(pilot, lambda: app.focused is not None and app.focused.id == "gap-area")
        await burst(pilot, "enter", "down", "enter", "ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    data = saved(example)
    assert [m["name"] for m in data["milestones"]] == ["after"]
    assert any(g["title"] == "Nobody owns drift alerts" for g in data["gaps"])


MEI = "answer:discovery:platform-evaluation.evaluation.1@ml-1"
AB_TESTING = "answer:discovery:model-validation.current.business-validation-4@data-1"


def highlighted(app: Any) -> str | None:
    listing = app.screen.query_one("#followup-list")
    return listing.get_option_at_index(listing.highlighted).id if listing.highlighted is not None else None


def highlight(app: Any, key: str) -> None:
    listing = app.screen.query_one("#followup-list")
    listing.highlighted = listing.get_option_index(key)


async def open_follow_ups(pilot: Any) -> None:
    from workbench.ui.screens.followups_screen import FollowUpsScreen

    await burst(pilot, "f7")
    assert await until(pilot, lambda: isinstance(pilot.app.screen, FollowUpsScreen))
    await pilot.pause()


async def test_finding_2_follow_ups_keep_their_place_and_enter_opens_a_next_step(example: Path, make_app) -> None:
    """The view reopens on its item with `d` as left; answering one moves the cursor to the next,
    not the first; Enter on a next step opens it, `c` ticks it."""
    from workbench.ui.modals.followup_modals import CloseFollowUpModal
    from workbench.ui.modals.next_step_modal import NextStepModal

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_follow_ups(pilot)
        highlight(app, MEI)
        await burst(pilot, "j")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await burst(pilot, "escape")
        await open_follow_ups(pilot)
        assert highlighted(app) == MEI
        await burst(pilot, "enter")
        assert await until(pilot, lambda: isinstance(app.screen, CloseFollowUpModal))
        await burst(pilot, "end", " Written list sent.", "ctrl+s")
        assert await until(pilot, lambda: MEI not in app.screen.items)
        assert highlighted(app) == "step:N-1"  # the one after it, not the first
        await burst(pilot, "enter")
        assert await until(pilot, lambda: isinstance(app.screen, NextStepModal))
        await burst(pilot, "escape")
        assert await until(pilot, lambda: highlighted(app) == "step:N-1")
        assert not app.screen.items["step:N-1"].done  # Enter did not tick it
        await burst(pilot, "c")
        assert await until(pilot, lambda: "step:N-1" not in app.screen.items)
        await burst(pilot, "d", "escape")
        await open_follow_ups(pilot)
        assert app.screen.items["step:N-1"].done  # done items still shown
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    data = saved(example)
    (step,) = [s for s in data["next_steps"] if s["id"] == "N-1"]
    assert step["done"] is True
    (mei,) = [a for a in data["answers"] if a["question"] == "discovery:platform-evaluation.evaluation.1" and a["session"] == "ml-1"]
    assert "Written list sent." in mei["notes"] and mei["status"] == "answered"


async def test_finding_8_j_opens_the_question_in_its_own_session(example: Path, make_app) -> None:
    from tests.helpers import notifications

    question = "discovery:model-validation.current.business-validation-4"
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = notifications(app)
        await ready(pilot)
        assert app.workspace.session_id == "ml-1"
        await open_follow_ups(pilot)
        highlight(app, "step:N-2")
        await burst(pilot, "j")
        assert await until(pilot, lambda: any("A next step has no question to go to" in m for m in shown))
        highlight(app, AB_TESTING)
        await burst(pilot, "j")
        assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.workspace.session_id == "data-1"
        assert any("Switched to session data-1" in m for m in shown)
        capture = app.screen.query_one("CapturePane")
        assert await until(pilot, lambda: capture.panel.ref == question)
        await burst(pilot, "enter", "Canary on 5% of traffic", "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    mine = [a for a in saved(example)["answers"] if a["question"] == question]
    assert [a["session"] for a in mine if "Canary" in a.get("notes", "")] == ["data-1"]


async def test_finding_6_f1_lists_the_follow_ups_keys_and_milestones(example: Path, make_app) -> None:
    from rich.console import Console
    from textual.widgets import Static

    from workbench.ui.screens.help_screen import HelpScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await open_follow_ups(pilot)
        await burst(pilot, "f1")
        assert await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        console = Console(width=200, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
        for static in app.screen.query(Static):
            console.print(static.content)
        text = " ".join(console.export_text().split())
    for words in ("Follow-ups (F7)", "ticked", "whom to ask", "in its own session", "show or hide the items",
                  "palette ✱ save a milestone", "Compare with a milestone"):
        assert words in text, words


async def test_finding_3_a_pilot_is_marked_done_in_plan_undoably_and_shown(example: Path, make_app) -> None:
    """`d` on the timeline marks the selected pilot done (✓ and dimmed, said in the detail),
    ctrl+z takes it back; the palette's *Pilot done* does the same."""
    from textual.command import CommandList

    from workbench.ui.widgets.gantt import Gantt

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await burst(pilot, "f5")
        gantt = app.screen.query_one(Gantt)
        assert await until(pilot, lambda: gantt.has_focus and gantt.selected == "D-1")  # first on the plan
        await burst(pilot, "d")
        assert await until(pilot, lambda: app.workspace.project.pilot("D-1").done)
        assert "✓D-1" in str(gantt.render())
        assert "✓ done D-1" in str(app.screen.query_one("#plan-detail").render())
        await burst(pilot, "ctrl+z")
        assert await until(pilot, lambda: not app.workspace.project.pilot("D-1").done)
        assert "✓D-1" not in str(gantt.render())
        await burst(pilot, "down")
        second = gantt.selected
        await burst(pilot, "f2", "ctrl+p", "pilot done")
        assert await until(
            pilot, lambda: any("Mark the pilot selected" in str(o.prompt) for o in app.screen.query_one(CommandList).options)
        )
        await burst(pilot, "enter")
        assert await until(pilot, lambda: app.workspace.project.pilot(second).done)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    done = {p["id"]: p.get("done", False) for p in saved(example)["pilots"]}
    assert [p for p, d in done.items() if d] == [second] and second != "D-1"


async def test_finding_15_ask_whom_in_capture_completes_a_known_person(example: Path, make_app) -> None:
    """`Dan` then Enter in Capture's "ask whom?" records Dana Whitfield (CFO), not a new `Dan`."""
    from tests.test_keyboard_model import FIRST, answers, at_first_question

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first_question(pilot)
        await burst(pilot, "enter")
        status = app.screen.query_one("#q-status")
        for _ in range(4):  # ctrl+o: answered → needs follow-up → …
            if status.value == "follow-up":
                break
            await burst(pilot, "ctrl+o")
        detail = app.screen.query_one("#q-status-detail")
        assert await until(pilot, lambda: status.value == "follow-up" and detail.display)
        detail.focus()
        await pilot.pause()
        await burst(pilot, "ctrl+a", *"Dan")
        assert await until(pilot, lambda: "Whitfield (CFO)" in str(detail.render_line(0).text))
        await burst(pilot, "enter", "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    answer = answers(example)[FIRST]
    assert answer["status"] == "follow-up" and answer["follow_up_with"] == "Dana Whitfield (CFO)"


def test_finding_14_a_moved_gap_says_where_it_went_before_its_title(example: Path) -> None:
    """At 120 columns `moved: G-006 No data-quality… : Fill-in…` hid where the gap went."""
    from tests.conftest import TODAY
    from tests.test_milestones import save_milestone
    from workbench.analysis.milestones import compare, find_milestone, snapshot
    from workbench.banks import load_catalogue
    from workbench.store.files import ProjectFile
    from workbench.ui.widgets.maturity_chart import change_chart

    catalogue = load_catalogue(example)
    project = ProjectFile.load(example).project
    save_milestone(project, catalogue, "baseline", TODAY)
    project.gap("G-006").title = "No data-quality checks at ingestion, " * 4
    project.move_gap("G-006", impact_delta=+2)
    before = find_milestone(project, catalogue, "baseline", TODAY)
    diff = compare(before, snapshot(project, catalogue, "now", TODAY), catalogue)
    (line,) = [x for x in change_chart(diff, 60).plain.splitlines() if "moved:" in x]
    assert "G-006 Fill-in → Quick win: No data-quality" in line


async def test_finding_14_follow_ups_wrap_under_their_words_and_keep_the_whole_note(example: Path, make_app) -> None:
    """At 80x24 a long question wraps under its words, not back at column 0; at 160 columns a
    long note is not cut at 110 characters."""
    luis = "answer:discovery:business-impact.current.strategic-alignment-2@executive-1"
    for size in ((80, 24), (160, 48)):
        app = make_app(example)
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            note = "No formal intake; use cases arrive from whoever shouts loudest. " * 3
            answer = next(a for a in app.workspace.project.answers if a.session == "executive-1" and a.notes.startswith("No formal"))
            answer.notes = note.strip()
            await open_follow_ups(pilot)
            listing = app.screen.query_one("#followup-list")
            lines = str(listing.get_option(luis).prompt).splitlines()
            assert all(len(line) <= listing.size.width - 2 for line in lines), lines  # inside its border
            assert all(line.startswith("      ") for line in lines[1:]), lines
            assert " ".join(" ".join(lines).split()).count("shouts loudest") == 3
