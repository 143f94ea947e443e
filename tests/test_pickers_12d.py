"""Issue 12, fresh eyes (fix12d): pickers that filter, footers that tell the truth.

Every dialog has one key footer (the practice picker called DialogScreen's on_mount itself, which
Textual calls too: two footers); a picker's footer says what its keys do there (Enter chooses,
not ctrl+s saves); the pickers whose lists can be long narrow as a person types and Enter takes
the first match; the proposal's "Discard your changes?" answers no key typed before it could be
read. Driven key by key through Pilot; what changes is asserted on the saved TOML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text

from tests.helpers import ready, until
from tests.test_dialog_drafts import DIALOGS as JOURNALED
from tests.test_dialog_drafts import dialog_classes
from workbench.ui.widgets.key_footer import KeyFooter

Open = Callable[[Any], object]


def pushed(build: Callable[[Any], object]) -> Open:
    """Open a dialog built from the app's workspace by pushing it."""

    def open_it(app: Any) -> None:
        app.push_screen(build(app.workspace))

    return open_it


def plain(cls_name: str, *args: object) -> Open:
    def build(_workspace: Any) -> object:
        return dialog_class(cls_name)(*args)

    return pushed(build)


def dialog_class(name: str) -> Any:
    return next(kind for kind in dialog_classes() if kind.__name__ == name)


def merge_modal(_workspace: Any) -> object:
    from workbench.store.merge3 import Conflict

    conflict = Conflict(("gaps", "G-001", "title"), "Old title", "My title", "Their title")
    return dialog_class("MergeModal")("projects/example.toml", [conflict])


OPENERS: dict[str, Open] = {
    "ConfirmModal": plain("ConfirmModal", "Delete P-1?", "Pilot one"),
    "RestoreOfferModal": plain("RestoreOfferModal", "Unsaved work was found", "Restore it?"),
    "QuitModal": plain("QuitModal", "Quit with unsaved changes?", "They are kept in the journal."),
    "DiscardModal": plain("DiscardModal", "Discard your changes?", "You changed: context."),
    "DeleteModal": plain("DeleteModal", "Delete G-001?", "A gap"),
    "ReplaceModal": plain("ReplaceModal", "Replace proposal.docx?", "proposal.docx already exists."),
    "NoticeModal": plain("NoticeModal", "Check before sending", "Two things to read."),
    "ConflictModal": plain("ConflictModal", "projects/example.toml"),
    "TextModal": plain("TextModal", "New milestone"),
    "PickModal": plain("PickModal", "Which one?", [("a", Text("A")), ("b", Text("B"))], "words"),
    "EditValueModal": plain("EditValueModal", "the title", "My title", {}, Path("gaps/G-001/title")),
    "MergeModal": pushed(merge_modal),
    "ExportModal": pushed(lambda ws: dialog_class("ExportModal")(ws)),
    "WorkbookExportModal": pushed(lambda ws: dialog_class("WorkbookExportModal")(ws)),
    "WorkbookImportModal": pushed(lambda ws: dialog_class("WorkbookImportModal")(ws)),
    "ProposalModal": pushed(lambda ws: dialog_class("ProposalModal")(ws.project, ws.catalogue, ws.file.path)),
    "SessionModal": pushed(
        lambda ws: dialog_class("SessionModal")(ws.project, ws.catalogue, ws.today, ws.session_id)
    ),
    "PracticePickModal": pushed(
        lambda ws: dialog_class("PracticePickModal")("G-001", "A gap", ws.catalogue, {})
    ),
    **{kind.__name__: open_it for _, open_it, kind, _ in reversed(JOURNALED)},
}
"""How to open each dialog of the workbench (the journaled edit dialogs as their panes do)."""

BASES = {"FormModal": "the edit dialogs' base: no dialog of its own"}


def test_every_dialog_has_a_way_to_open_it_here() -> None:
    """A new dialog fails here until OPENERS opens it, so its footer is counted below."""
    missed = {kind.__name__ for kind in dialog_classes()} - set(OPENERS) - set(BASES)
    assert not missed, f"dialogs this file cannot open: {sorted(missed)}"


@pytest.mark.parametrize("name", sorted(OPENERS))
async def test_every_dialog_has_exactly_one_key_footer(example: Path, make_app, name: str) -> None:
    """The practice picker (Map, p) and the notice after an export mounted two footers."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await until(pilot, lambda: all(app.main_screen().pane(p) for p in ("gaps", "plan", "capture")))
        OPENERS[name](app)
        kind = dialog_class(name)
        assert await until(pilot, lambda: isinstance(app.screen, kind) and app.screen.query(KeyFooter))
        await pilot.pause()
        footers = app.screen.query(KeyFooter)
        assert len(footers) == 1, f"{name} has {len(footers)} key footers"


async def test_keys_typed_on_into_discard_your_changes_do_not_answer_it(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F8, words typed into the proposal, then Esc with the typing going on at paste speed: the
    Enter and space after it pressed Discard (the button with the keyboard) before the question
    could be read, and the words were gone. Now it takes no key typed in its first moments (as
    the quit dialog); Esc then goes back to the text, and ctrl+s saves it, all of it."""
    import workbench.ui.modals.dialog as dialog
    from tests.helpers import dialog_up, saved, type_into_proposal
    from tests.test_keyboard_model import burst
    from workbench.ui.modals.confirm import ConfirmModal
    from workbench.ui.modals.proposal_modal import ProposalModal

    monkeypatch.setattr(dialog, "TYPING_GUARD_SECONDS", 2.0)  # "too soon" holds on a busy machine
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        proposal = await type_into_proposal(pilot, *"Budget agreed. ")
        await burst(pilot, "escape", *"Then", "enter", "space", "ctrl+s", "enter")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        asked = app.screen
        await pilot.pause()
        assert app.screen is asked and proposal in app.screen_stack, "typing on answered the question"
        assert await dialog_up(pilot, ConfirmModal)
        await burst(pilot, "escape")  # keep editing
        assert await until(pilot, lambda: app.screen is proposal)
        await burst(pilot, "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, ProposalModal))
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert saved(example)["proposal"]["executive_summary"].startswith("Budget agreed. ")


# --- the pickers ----------------------------------------------------------------------------------

ATTACHED_FROM = "discovery:model-deployment.pain.1"
"""A question of the example with an answer and quotes in its session: ctrl+l has something to attach."""


async def panes_up(pilot: Any) -> None:
    app = pilot.app
    await ready(pilot)
    assert await until(pilot, lambda: all(app.main_screen().pane(p) for p in ("gaps", "plan", "capture", "map")))


async def open_attach(pilot: Any) -> None:
    """ctrl+l from a question's notes: attach its answer to which gap?"""
    from tests.test_keyboard_model import burst
    from workbench.ui.widgets.capture_pane import CapturePane

    capture = pilot.app.screen.query_one(CapturePane)
    capture.jump_to(ATTACHED_FROM)
    assert await until(pilot, lambda: capture.panel.ref == ATTACHED_FROM)
    await burst(pilot, "ctrl+l")


async def open_merge(pilot: Any) -> None:
    """Gaps, G-001 selected, m: which gap goes into it?"""
    from tests.test_keyboard_model import burst
    from workbench.ui.widgets.matrix import Matrix

    await burst(pilot, "f3")
    matrix = pilot.app.screen.query_one(Matrix)
    matrix.select_gap("G-001")
    matrix.focus()
    await burst(pilot, "m")


def on_the_timeline(item: str, key: str) -> Callable[[Any], Any]:
    """Plan, the timeline with `item` selected, then `key`."""

    async def open_it(pilot: Any) -> None:
        from tests.test_keyboard_model import burst
        from workbench.ui.widgets.gantt import Gantt

        await burst(pilot, "f5")
        gantt = pilot.app.screen.query_one(Gantt)
        assert await until(pilot, lambda: bool(gantt.selected))
        gantt.focus()
        gantt.select_item(item)
        await pilot.pause()
        await burst(pilot, key)

    return open_it


open_dependency = on_the_timeline("P-1", "plus")
"""P-1 waits for…"""
open_propose = on_the_timeline("P-1", "p")
"""Propose a pilot for which gap?"""
async def open_metric(pilot: Any) -> None:
    """A success metric from the bank, or free-form: Plan's Metrics tab (F5 again), then n (the
    timeline no longer offers n)."""
    from tests.test_keyboard_model import burst
    from workbench.ui.widgets.gantt import Gantt

    await burst(pilot, "f5")
    assert await until(pilot, lambda: bool(pilot.app.screen.query_one(Gantt).selected))
    await burst(pilot, "f5")
    await pilot.pause()
    await burst(pilot, "n")
open_no_longer_waits = on_the_timeline("P-2", "minus")
"""P-2 no longer waits for… (its two dependencies: a short list)."""


async def open_add_evidence(pilot: Any) -> None:
    """The gap dialog's Add evidence…"""
    from tests.test_evidence_picker import open_picker_on_g001

    await open_picker_on_g001(pilot)


PICKERS: dict[str, tuple[Callable[[Any], Any], bool]] = {
    "attach to a gap (ctrl+l)": (open_attach, True),
    "merge gaps (m)": (open_merge, True),
    "plan dependency (+)": (open_dependency, True),
    "propose a pilot (p)": (open_propose, True),
    "metric from the bank (n)": (open_metric, True),
    "add evidence (gap dialog)": (open_add_evidence, True),
    "remove a dependency (-)": (open_no_longer_waits, False),
}
"""Each picker: how it opens, and whether its list can be long (it then filters as you type)."""


def footer_line(app: Any) -> str:
    return str(app.screen.query_one(KeyFooter).render().plain)


@pytest.mark.parametrize("name", list(PICKERS))
async def test_a_picker_footer_says_enter_chooses_not_ctrl_s_saves(example: Path, make_app, name: str) -> None:
    """Finding 1: the pickers' footers offered '^s Save' where nothing is saved: a choice is made.
    They offer Enter Choose, Esc Cancel and F1 Help, in the registry's words. A list that can be
    long has the filter line, with the keyboard in it."""
    from workbench.ui.keys import key
    from workbench.ui.modals.pick_modal import PickModal

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await panes_up(pilot)
        opener, long = PICKERS[name]
        await opener(pilot)
        assert await until(pilot, lambda: isinstance(app.screen, PickModal))
        await pilot.pause()
        line = footer_line(app)
        choose = f"⏎ {key('pick-choose').description}"
        assert "Save" not in line and "^s" not in line, line
        assert line.index(choose) < line.index("esc Cancel") < line.index("f1 Help"), line
        assert bool(app.screen.query("#pick-filter")) == long
        if long:
            assert app.focused is app.screen.query_one("#pick-filter")


def gaps_saved(path: Path) -> dict[str, dict[str, Any]]:
    from tests.helpers import saved

    return {g["id"]: g for g in saved(path)["gaps"]}


def items_saved(path: Path) -> dict[str, dict[str, Any]]:
    from tests.helpers import saved

    return {p["id"]: p for p in saved(path)["pilots"]}


async def typed_in_picker(pilot: Any, opener: Callable[[Any], Any], words: str, left: int = 1) -> list[str]:
    """Open a picker, type `words` key by key; the ids of the items it then lists (`left` of them)."""
    from textual.widgets import OptionList

    from workbench.ui.modals.pick_modal import PickModal

    app = pilot.app
    await opener(pilot)
    assert await until(pilot, lambda: isinstance(app.screen, PickModal))
    await pilot.press(*words)
    listing = app.screen.query_one("#pick-list", OptionList)
    assert await until(pilot, lambda: listing.option_count == left), [
        listing.get_option_at_index(i).id for i in range(listing.option_count)
    ]
    assert listing.highlighted == 0  # the first match, where Enter acts
    return [str(listing.get_option_at_index(i).id) for i in range(listing.option_count)]


async def save_project(pilot: Any) -> None:
    from tests.test_keyboard_model import burst
    from workbench.ui.screens.main_screen import MainScreen

    app = pilot.app
    assert await until(pilot, lambda: isinstance(app.screen, MainScreen))
    await burst(pilot, "ctrl+s")
    assert await until(pilot, lambda: not app.workspace.unsaved)


async def test_ctrl_l_then_words_of_a_gap_title_and_enter_attaches_to_that_gap(example: Path, make_app) -> None:
    """ctrl+l listed every gap with the keyboard in the list: letters typed went nowhere and
    Enter attached the answer to the first gap, G-001. Typing 'GPU endpoints' leaves G-007."""
    before = gaps_saved(example)
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await panes_up(pilot)
        assert await typed_in_picker(pilot, open_attach, "GPU endpoints") == ["G-007"]
        await pilot.press("enter")
        await save_project(pilot)
    after = gaps_saved(example)
    changed = [g for g in after if after[g]["evidence"] != before[g]["evidence"]]
    assert changed == ["G-007"]
    assert len(after["G-007"]["evidence"]) > len(before["G-007"]["evidence"])


async def test_m_then_words_of_a_gap_title_merges_that_gap(example: Path, make_app) -> None:
    """Merge into G-001: 'churn leakage' leaves G-009; Enter, then Merge: G-009 goes, its
    evidence is G-001's."""
    from tests.test_keyboard_model import burst
    from workbench.ui.modals.confirm import ConfirmModal

    before = gaps_saved(example)
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await panes_up(pilot)
        assert await typed_in_picker(pilot, open_merge, "churn leakage") == ["G-009"]
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        assert "G-009 into G-001" in str(app.screen.title_text)  # type: ignore[attr-defined]
        await burst(pilot, "ctrl+s")
        await save_project(pilot)
    after = gaps_saved(example)
    assert set(before) - set(after) == {"G-009"}
    assert set(before["G-009"]["evidence"]) <= set(after["G-001"]["evidence"])


async def test_plus_then_words_of_an_item_makes_it_wait_for_that_item(example: Path, make_app) -> None:
    """P-1, +: 'feature pipelines' leaves D-1 (the technical deep-dive); Enter: P-1 waits for it."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await panes_up(pilot)
        assert await typed_in_picker(pilot, open_dependency, "feature pipelines") == ["D-1"]
        await pilot.press("enter")
        await save_project(pilot)
    assert items_saved(example)["P-1"]["depends_on"] == ["D-1"]


async def test_p_then_words_of_a_gap_title_proposes_a_pilot_for_that_gap(example: Path, make_app) -> None:
    """Plan, p: the gaps with practices mapped; the words of the last one's title leave it, and
    Enter proposes the pilot for it (saved with the dialog's ctrl+s)."""
    from textual.widgets import OptionList

    from tests.test_keyboard_model import burst
    from workbench.ui.modals.pick_modal import PickModal
    from workbench.ui.modals.plan_item_modal import PlanItemModal

    before = items_saved(example)
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await panes_up(pilot)
        await open_propose(pilot)
        assert await until(pilot, lambda: isinstance(app.screen, PickModal))
        listing = app.screen.query_one("#pick-list", OptionList)
        last = str(listing.get_option_at_index(listing.option_count - 1).id)
        assert listing.option_count > 1 and last != "G-001"
        title = app.workspace.project.gap(last).title
        app.pop_screen()
        await pilot.pause()
        assert await typed_in_picker(pilot, open_propose, f"{title.split()[-1]} {last}") == [last]
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, PlanItemModal))
        await burst(pilot, "ctrl+s")
        await save_project(pilot)
    after = items_saved(example)
    (new,) = set(after) - set(before)
    assert after[new]["gaps"] == [last]


async def test_n_then_words_of_a_bank_metric_opens_that_metric(example: Path, make_app) -> None:
    """Plan, n: the bank's metric questions; the words of one leave it, Enter opens the new
    metric from it, and its saved record names that question as its template."""
    from tests.test_keyboard_model import burst
    from workbench.ui.modals.metric_modal import MetricModal

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await panes_up(pilot)
        templates = app.workspace.catalogue.metric_templates()
        used = {m.template for m in app.workspace.project.metrics}
        ref, question = next((r, q) for r, q in reversed(templates.items()) if r not in used)
        assert await typed_in_picker(pilot, open_metric, question.text) == [ref]
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, MetricModal))
        assert app.focused is app.screen.query_one("#metric-baseline")
        await pilot.press(*"12")
        await burst(pilot, "ctrl+s")
        await save_project(pilot)
    from tests.helpers import saved

    assert any(m.get("template") == ref for m in saved(example)["metrics"])


async def test_map_by_hand_words_then_enter_chooses_the_first_match_and_down_the_next(
    example: Path, make_app
) -> None:
    """Map, p: Enter in the search put the keyboard in the list, so the rationale typed next
    went nowhere. Now Enter chooses the highlighted practice (the first match) and the keyboard
    is in the rationale; Down from the search moves to the next match first."""
    from textual.widgets import OptionList

    from tests.helpers import saved
    from tests.test_keyboard_model import burst
    from workbench.ui.modals.practice_pick_modal import PracticePickModal
    from workbench.ui.widgets.map_pane import MapPane

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await panes_up(pilot)
        await burst(pilot, "f4")
        pane = app.screen.query_one(MapPane)
        pane.show_gap("G-006")
        gaps = pane.query_one("#map-gaps", OptionList)
        gaps.highlighted = gaps.get_option_index("G-006")
        gaps.focus()
        await burst(pilot, "p")
        assert await until(pilot, lambda: isinstance(app.screen, PracticePickModal))
        assert "⏎ Choose" in footer_line(app)
        await pilot.press(*"runbook")
        listing = app.screen.query_one("#pick-practices", OptionList)
        assert await until(pilot, lambda: listing.option_count > 1)
        second = str(listing.get_option_at_index(1).id)
        await pilot.press("down", "enter", *"Someone on call for the checks", "enter")
        assert await until(pilot, lambda: not isinstance(app.screen, PracticePickModal))
        await save_project(pilot)
    mine = [m for m in saved(example)["mappings"] if m["gap"] == "G-006" and m["practice"] == second]
    assert mine == [{"gap": "G-006", "practice": second, "rationale": "Someone on call for the checks"}]


async def test_bring_back_words_of_a_dismissed_suggestion_brings_back_that_one(example: Path, make_app) -> None:
    """Three suggestions dismissed: 'orchestration' leaves the one about pipeline tools; Enter
    brings it back, the other two stay dismissed."""
    from tests.helpers import saved

    keys = [
        "maturity:feature-engineering.data-sources-integration",
        "maturity:model-validation.validation-frameworks",
        "maturity:automation-workflows.pipeline-automation",
    ]
    with example.open("a", encoding="utf-8") as file:
        file.writelines(f'\n[[dismissed]]\nsuggestion = "{key}"\nreason = "later"\n' for key in keys)

    async def open_undismiss(pilot: Any) -> None:
        await pilot.app.run_action("undismiss")

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await panes_up(pilot)
        assert await typed_in_picker(pilot, open_undismiss, "orchestration") == [keys[2]]
        await pilot.press("enter")
        await save_project(pilot)
    assert [d["suggestion"] for d in saved(example)["dismissed"]] == keys[:2]


async def test_a_crowded_cell_narrows_to_the_gap_typed_and_enter_edits_it(example: Path, make_app) -> None:
    """Fourteen gaps in one cell (impact 4, complexity 2): Enter on it lists them; 'g-112' leaves
    one, Enter opens its dialog, and the title typed there is saved on that gap."""
    from tests.test_keyboard_model import burst
    from workbench.ui.modals.gap_modal import GapModal
    from workbench.ui.widgets.matrix import Matrix

    with example.open("a", encoding="utf-8") as file:
        file.writelines(
            f'\n[[gaps]]\nid = "G-1{n:02d}"\ntitle = "Extra gap {n}"\narea = "model-deployment"\nimpact = 4\ncomplexity = 2\n'
            for n in range(14)
        )

    async def open_cell(pilot: Any) -> None:
        await burst(pilot, "f3")
        matrix = pilot.app.screen.query_one(Matrix)
        matrix.select_gap("G-100")
        matrix.focus()
        await burst(pilot, "enter")

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await panes_up(pilot)
        assert await typed_in_picker(pilot, open_cell, "g-112") == ["G-112"]
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, GapModal))
        await burst(pilot, "ctrl+a", *"Twelfth extra gap", "ctrl+s")
        await save_project(pilot)
    assert gaps_saved(example)["G-112"]["title"] == "Twelfth extra gap"
