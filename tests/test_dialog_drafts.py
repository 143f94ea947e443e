"""#13, durable10a/d: text typed into a dialog reaches the journal within two seconds as a draft,
is offered back at the next start, and reopens its dialog filled in (its dropdowns too, over the
pane it was opened on); Save or Cancel clears it. Every dialog with text fields is journaled or
excluded here with a reason."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import dialog_up, pick, ready, restore_dialog_draft, saved, until
from workbench.analysis.followups import answer_key
from workbench.store.journal import DialogDraft, journal_paths, read_journal, write_journal
from workbench.store.tomltext import decode_toml, parse_toml
from workbench.ui.modals.confirm import ConfirmModal
from workbench.ui.modals.dialog import DialogScreen
from workbench.ui.modals.followup_modals import AssignFollowUpModal, CloseFollowUpModal
from workbench.ui.modals.gap_modal import STATUSES, GapModal
from workbench.ui.modals.heard_modal import HeardModal
from workbench.ui.modals.metric_modal import MetricModal
from workbench.ui.modals.next_step_modal import NextStepModal
from workbench.ui.modals.plan_item_modal import PlanItemModal
from workbench.ui.modals.proposal_modal import ProposalModal
from workbench.ui.modals.session_edit_modal import SessionEditModal
from workbench.ui.modals.text_modal import TextModal

QUESTION = "discovery:model-deployment.current.deployment-infrastructure-2"
WORDS = " Model deploys need a ticket"


def draft_in_journal(path: Path) -> DialogDraft | None:
    entry = read_journal(path)
    return entry.draft if entry is not None else None


def journal_has(path: Path, field: str, text: str) -> bool:
    draft = draft_in_journal(path)
    return draft is not None and text in draft.fields.get(field, "")


def opener(where: str, call: str, *args: str) -> Callable[[Any], None]:
    """Open a dialog the way the panes do (the method the restore calls too)."""

    def open_it(app: Any) -> None:
        main = app.main_screen()
        if where:
            main.show_pane(where)
        getattr(main.pane(where) if where else main, call)(*args)

    return open_it


def in_followups(call: str, key: str) -> Callable[[Any], None]:
    """Open a dialog of the Follow-ups view (F7) on the item `key`, as the restore does."""

    def open_it(app: Any) -> None:
        app.action_followups()
        getattr(app.screen, call)(key)

    return open_it


MEI = answer_key("discovery:platform-evaluation.evaluation.1", "ml-1")
"""A follow-up of the example: Mei is to say what the platform lacks (its answer's notes)."""
MEI_NOTES = "Wants a written capability list before the next meeting."

DIALOGS = [
    ("gap", opener("gaps", "edit_gap", "G-003"), GapModal, "gap-description"),
    ("new gap", opener("", "raise_gap", "", "model-deployment"), GapModal, "gap-title"),  # area chosen: saved
    ("heard", opener("capture", "open_heard", QUESTION, ""), HeardModal, "heard-quote"),
    ("metric", opener("plan", "edit_metric", "M-001"), MetricModal, "metric-measured_by"),
    ("new metric", opener("plan", "new_metric_from", ""), MetricModal, "metric-text"),
    ("plan item", opener("plan", "edit_item", "P-1"), PlanItemModal, "item-title"),
    ("new next step", opener("plan", "new_step_for", ""), NextStepModal, "step-text"),
    ("session", opener("", "edit_session", "ml-1"), SessionEditModal, "session-notes"),
    ("text", opener("plan", "action_add_item", "milestone"), TextModal, "item-name"),
    ("proposal", opener("", "edit_proposal"), ProposalModal, "proposal-text"),
    ("save milestone", opener("", "save_milestone"), TextModal, "milestone-name"),
    ("rationale", opener("map", "write_rationale", "G-001", "ds.standard-deployment-path"), TextModal, "rationale"),
    ("follow-up answer", in_followups("answer_follow_up", MEI), CloseFollowUpModal, "followup-answer"),
    ("follow-up assign", in_followups("assign_follow_up", "step:N-2"), AssignFollowUpModal, "followup-owner"),
]

NOT_JOURNALED = {
    "EditValueModal": "the merge it belongs to is not kept after a crash: the file is merged again",
    "SessionModal": "starting a session: its name and attendees are written as it starts",
    "WorkbookExportModal": "a file name to write to, nothing of the project's",
    "WorkbookImportModal": "a file name to read from, nothing of the project's",
    "PracticePickModal": "picking a practice; its rationale is written with w, which is journaled",
    "PickModal": "its filter line only narrows the list to pick from: nothing of the project's is typed",
}
"""Dialogs with text fields whose typing is not journaled, and why."""

TEXT_FIELDS = ("Input(", "TextArea(", "PersonInput(")


def dialog_classes() -> list[type]:
    """Every dialog of the workbench (each module under ui/modals and ui/screens imported)."""
    import workbench.ui.modals as modals
    import workbench.ui.screens as screens

    for package in (modals, screens):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)

    def below(kind: type) -> list[type]:
        return [k for sub in kind.__subclasses__() for k in (sub, *below(sub))]

    return [k for k in below(DialogScreen) if k.__module__.startswith("workbench.")]


def test_every_dialog_with_text_fields_is_journaled_or_excluded_with_a_reason() -> None:
    """A new dialog with text fields fails here until it is journaled (a row in DIALOGS, its
    opener calling `reopens`) or excluded in NOT_JOURNALED with the reason."""
    journaled = {kind for _, _, kind, _ in DIALOGS}
    missed = [
        kind.__name__
        for kind in dialog_classes()
        if any(field in inspect.getsource(kind) for field in TEXT_FIELDS)
        and kind not in journaled
        and kind.__name__ not in NOT_JOURNALED
    ]
    assert not missed, f"dialogs with text fields neither journaled nor excluded: {missed}"
    assert all(NOT_JOURNALED.values())


def test_every_opener_of_a_journaled_dialog_says_how_it_reopens() -> None:
    """Each place that builds a journaled dialog class also calls `reopens` (or hands it to a
    function that does): a dialog opened somewhere new is not silently left out."""
    import workbench

    journaled = {kind.__name__ for _, _, kind, _ in DIALOGS}
    root = Path(workbench.__file__).parent
    missed = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text()
        for name in journaled:
            if f"{name}(" in text and f"class {name}(" not in text and "reopens(" not in text:
                missed.append(f"{path.relative_to(root)}: {name}")
    assert not missed, f"opened without reopens(...): {missed}"


async def open_and_type(pilot: Any, open_it: Callable[[Any], None], kind: type, field: str) -> DialogScreen:
    app = pilot.app
    await ready(pilot)
    await until(pilot, lambda: all(app.main_screen().pane(p) for p in ("gaps", "plan", "capture")))
    open_it(app)
    assert await until(pilot, lambda: isinstance(app.screen, kind) and app.screen.query(f"#{field}"))
    dialog = app.screen
    dialog.query_one(f"#{field}").focus()
    await pilot.pause()
    await pilot.press(*WORDS)
    return dialog


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), DIALOGS, ids=[d[0] for d in DIALOGS])
async def test_text_typed_in_a_dialog_reaches_the_journal_and_goes_when_it_closes(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_and_type(pilot, open_it, kind, field)
        assert await until(pilot, lambda: journal_has(example, field, WORDS.strip()))
        draft = draft_in_journal(example)
        assert draft is not None and draft.reopen == dialog.reopen and draft.focus == field
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, kind))
        if isinstance(app.screen, ConfirmModal):  # the proposal asks before dropping typed text
            await pilot.pause()
            await pilot.click("#yes")
        assert await until(pilot, lambda: draft_in_journal(example) is None)
    assert not journal_paths(example)[0].exists(), "a cancelled dialog with nothing else unsaved leaves no entry"


async def leave_a_gap_draft(make_app: Any, example: Path) -> None:
    """A run that ends with text typed into G-003's dialog, as a crash would leave it."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_and_type(pilot, opener("gaps", "edit_gap", "G-003"), GapModal, "gap-description")
        assert await until(pilot, lambda: journal_has(example, "gap-description", WORDS))


THROTTLED = [
    ("gap", opener("gaps", "edit_gap", "G-003"), GapModal, "gap-description"),
    ("follow-up answer", in_followups("answer_follow_up", MEI), CloseFollowUpModal, "followup-answer"),
]


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), THROTTLED, ids=[d[0] for d in THROTTLED])
async def test_a_draft_keeps_coming_while_the_typing_goes_on(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    """A throttle, not a debounce: typing a letter every 0.1 s still reaches the journal (the
    Follow-ups view's answer too, fix13j)."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_and_type(pilot, open_it, kind, field)
        seen: list[str] = []
        for letter in "abcdefghijklmnopqrstuvwxyz" * 2:
            await pilot.press(letter)
            await pilot.pause(0.1)  # (the typist's pace, not a wait for the app)
            draft = draft_in_journal(example)
            if draft is not None:
                seen.append(draft.fields.get(field, ""))
        assert any("abcdefghij" in text for text in seen), "the journal never had the text while typing went on"


async def test_the_draft_is_offered_back_and_reopens_its_dialog(example: Path, make_app) -> None:
    await leave_a_gap_draft(make_app, example)
    # (the run ends with the dialog open, as a crash would leave it)
    before = example.read_bytes()
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, GapModal, "The Edit G-003 dialog you were typing in at ", "ticket'")
        area = dialog.query_one("#gap-description")
        assert await until(pilot, lambda: area.text.endswith(WORDS))
        assert await until(pilot, lambda: again.focused is area), "the keyboard is where it was"
        assert area.cursor_location == area.document.end
        assert example.read_bytes() == before, "nothing is saved until the person saves"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(again.screen, GapModal))
        assert again.workspace.project.gap("G-003").description.endswith(WORDS)
        assert await until(pilot, lambda: draft_in_journal(example) is None)


async def test_discard_drops_the_draft(example: Path, make_app) -> None:
    await leave_a_gap_draft(make_app, example)
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(again.screen, ConfirmModal))
        await pilot.pause()
        await pilot.click("#no")
        assert await until(pilot, lambda: not isinstance(again.screen, ConfirmModal))
        assert await until(pilot, lambda: read_journal(example) is None)
        await pilot.pause()
        assert not isinstance(again.screen, GapModal)


async def test_decide_later_keeps_the_draft_for_the_next_start(example: Path, make_app) -> None:
    await leave_a_gap_draft(make_app, example)
    later = make_app(example)
    async with later.run_test(size=(120, 36)) as pilot:
        assert await dialog_up(pilot, ConfirmModal)  # it takes no key typed as it opens
        await pilot.press("escape")  # Decide later
        assert await until(pilot, lambda: not isinstance(later.screen, ConfirmModal))
        await ready(pilot)
        assert not isinstance(later.screen, GapModal)
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, GapModal, "The Edit G-003 dialog you were typing in")
        area = dialog.query_one("#gap-description")
        assert await until(pilot, lambda: area.text.endswith(WORDS))


def journal_of_the_file_as_it_is(example: Path, draft: DialogDraft | None = None) -> dict[str, Any]:
    """Write an entry with no work (and `draft`); the file's data."""
    raw = example.read_bytes()
    base = parse_toml(example, decode_toml(example, raw))
    write_journal(example, base, (base, raw), "ml-1", draft is None, draft)
    return base


def test_journal_round_trip_with_a_draft(example: Path) -> None:
    fields = {"gap-title": "T", "gap-description": "Model ⏎ [b]x"}
    lists = {"gap-evidence": ["heard:H-001", "discovery:model-training.discovery.2@data-1"]}
    draft = DialogDraft("Edit G-003", ("gaps", "edit_gap", ("G-003",)), fields, "gap-description", lists=lists)
    base = journal_of_the_file_as_it_is(example, draft)
    entry = read_journal(example)
    assert entry is not None and entry.draft == draft
    assert entry.project().gap("G-003").title == base["gaps"][2]["title"]  # the work, unchanged
    assert entry.draft.typed() == "Model ⏎ [b]x"


def test_a_format_1_entry_without_a_draft_still_reads(example: Path) -> None:
    journal_of_the_file_as_it_is(example)
    entry_path = journal_paths(example)[0]
    kept = json.loads(entry_path.read_text())
    assert "draft" not in kept and kept["format"] == 1
    entry = read_journal(example)
    assert entry is not None and entry.draft is None and entry.clock_running


def test_a_draft_that_does_not_read_leaves_the_work(example: Path) -> None:
    journal_of_the_file_as_it_is(example)
    entry_path = journal_paths(example)[0]
    kept = json.loads(entry_path.read_text())
    kept["draft"] = {"dialog": 3, "reopen": "gaps", "fields": []}
    entry_path.write_text(json.dumps(kept))
    entry = read_journal(example)
    assert entry is not None and entry.draft is None and entry.clock_running
    assert entry.written <= dt.datetime.now(dt.UTC)


async def test_dropdowns_chosen_in_a_dialog_come_back_with_its_text(example: Path, make_app) -> None:
    """#13 durable10d 2: an impact and a status chosen in an unsaved gap dialog are journaled
    and chosen again when it reopens (only the text came back)."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_and_type(pilot, opener("gaps", "edit_gap", "G-003"), GapModal, "gap-description")
        impact, status = dialog.query_one("#gap-impact"), dialog.query_one("#gap-status")
        chosen_impact = 1 if impact.value != 1 else 2
        chosen_status = next(v for v in STATUSES if v != status.value)  # what the dropdown offers
        impact.value, status.value = chosen_impact, chosen_status
        assert await until(
            pilot,
            lambda: (d := draft_in_journal(example)) is not None
            and d.choices.get("gap-impact") == str(chosen_impact)
            and d.choices.get("gap-status") == str(chosen_status),
        )
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, GapModal, "Edit G-003")
        assert await until(pilot, lambda: dialog.query_one("#gap-description").text.endswith(WORDS))
        assert dialog.query_one("#gap-impact").value == chosen_impact
        assert dialog.query_one("#gap-status").value == chosen_status
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(again.screen, GapModal))
        gap = again.workspace.project.gap("G-003")
        assert (gap.impact, gap.status) == (chosen_impact, chosen_status)


async def test_a_dropdown_alone_changed_is_journaled(example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await until(pilot, lambda: app.main_screen().pane("gaps"))
        opener("gaps", "edit_gap", "G-003")(app)
        assert await until(pilot, lambda: isinstance(app.screen, GapModal) and app.screen.query("#gap-impact"))
        impact = app.screen.query_one("#gap-impact")
        impact.value = 1 if impact.value != 1 else 2
        assert await until(pilot, lambda: draft_in_journal(example) is not None)


async def test_a_new_gap_reopens_over_the_pane_it_was_raised_on(example: Path, make_app) -> None:
    """#13 durable10d 4: 'Raise a gap' came back over whichever pane the start showed."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await until(pilot, lambda: app.main_screen().pane("gaps"))
        app.main_screen().show_pane("gaps")
        await pilot.pause()
        await open_and_type(pilot, opener("", "raise_gap", "", ""), GapModal, "gap-title")
        assert await until(pilot, lambda: journal_has(example, "gap-title", WORDS.strip()))
        assert draft_in_journal(example).pane == "gaps"
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        started_on = again.main_screen().active_pane if again.main_screen() else ""
        assert started_on != "gaps", "(the test needs a start on another pane)"
        dialog = await restore_dialog_draft(pilot, GapModal, "Raise a gap")
        assert await until(pilot, lambda: dialog.query_one("#gap-title").value.endswith(WORDS.strip()))
        below = again.screen_stack[-2]
        assert below.active_pane == "gaps"


async def test_an_offer_of_only_a_dialogs_text_says_so(example: Path, make_app) -> None:
    """#13 durable10d 3: with nothing else unsaved the offer began 'Work from 2026-… , and the Edit
    G-003 dialog you were typing in: …'; it names the dialog, when, and the words instead."""
    await leave_a_gap_draft(make_app, example)
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        assert await until(pilot, lambda: isinstance(again.screen, ConfirmModal))
        body = again.screen.body
        assert body.startswith("The Edit G-003 dialog you were typing in at ")
        assert "was not saved: title 'Experiments are not reproducible', description 'Model deploys need a ticket'." in body
        assert "Work from" not in body
        await pilot.pause()
        await pilot.click("#yes")
        assert await until(pilot, lambda: isinstance(again.screen, GapModal))


def test_help_says_a_dialogs_typing_is_journaled_before_it_is_saved() -> None:
    """#13 durable10d 5: F1 said dialog text reaches the journal 'once the dialog is saved'."""
    from workbench.ui.screens.help_screen import saving_and_recovery

    said = saving_and_recovery().plain
    assert "once the dialog is saved" not in said
    assert "in a dialog, before you save it" in said


async def test_every_section_of_the_proposal_comes_back(example: Path, make_app) -> None:
    """F8: text typed in two sections (one no longer on show) is journaled, and both come back
    with the section that was on show on show again."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_and_type(pilot, opener("", "edit_proposal"), ProposalModal, "proposal-text")
        first = dialog.shown
        second = next(name for name in dialog.texts if name != first)
        dialog.query_one("#proposal-field").value = second
        assert await until(pilot, lambda: dialog.shown == second)
        dialog.query_one("#proposal-text").focus()
        await pilot.press("end", *" Second words")
        assert await until(pilot, lambda: journal_has(example, f"proposal-text-{second}", "Second words"))
        assert journal_has(example, f"proposal-text-{first}", WORDS.strip())
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, ProposalModal, "Proposal text")
        assert await until(pilot, lambda: "Second words" in dialog.query_one("#proposal-text").text)
        assert dialog.shown == second and dialog.query_one("#proposal-field").value == second
        assert WORDS.strip() in dialog.texts[first]
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(again.screen, ProposalModal))
        proposal = again.workspace.project.proposal
        assert "Second words" in str(getattr(proposal, second))
        assert WORDS.strip() in str(getattr(proposal, first))


async def test_a_next_step_edited_from_the_follow_ups_view_is_journaled(example: Path, make_app) -> None:
    from workbench.ui.screens.followups_screen import FollowUpsScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f7")
        assert await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        await pilot.pause()
        listing = app.screen.query_one("#followup-list")
        listing.highlighted = listing.get_option_index("step:N-2")
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, NextStepModal))
        app.screen.query_one("#step-text").focus()
        await pilot.press("end", *WORDS)
        assert await until(pilot, lambda: journal_has(example, "step-text", WORDS.strip()))
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, NextStepModal, "Edit N-2")
        assert await until(pilot, lambda: dialog.query_one("#step-text").value.endswith(WORDS.strip()))


async def open_followup(pilot: Any, key: str, press: str, field: str) -> DialogScreen:
    """In the Follow-ups view (F7), open item `key`'s dialog with `press`, as a person would."""
    from workbench.ui.screens.followups_screen import FollowUpsScreen

    app = pilot.app
    await ready(pilot)
    await pilot.press("f7")
    assert await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
    await pilot.pause()
    listing = app.screen.query_one("#followup-list")
    listing.highlighted = listing.get_option_index(key)
    await pilot.press(press)
    assert await until(pilot, lambda: isinstance(app.screen, DialogScreen) and app.screen.query(f"#{field}"))
    return app.screen


async def test_an_answer_typed_in_the_follow_ups_view_comes_back_there(example: Path, make_app) -> None:
    """fix13j 1: the answer typed into the Follow-ups view's dialog reached no journal, and no
    restore could open that view; now it comes back over the view, filled, and saves."""
    from workbench.ui.screens.followups_screen import FollowUpsScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_followup(pilot, MEI, "enter", "followup-answer")
        await pilot.press("end", *WORDS)
        assert await until(pilot, lambda: journal_has(example, "followup-answer", WORDS.strip()))
    # (the run ends with the dialog open, as a crash would leave it)
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(
            pilot, CloseFollowUpModal, "The Follow-up answer dialog you were typing in at ", "ticket'"
        )
        area = dialog.query_one("#followup-answer")
        assert await until(pilot, lambda: area.text == MEI_NOTES + WORDS)
        view = again.screen_stack[-2]
        assert isinstance(view, FollowUpsScreen), "the dialog is back over the Follow-ups view"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: again.screen is view and MEI not in view.items)
        await pilot.press("ctrl+s")  # the project saved now
        assert await until(pilot, lambda: not again.workspace.unsaved)
        assert await until(pilot, lambda: draft_in_journal(example) is None)
    (answer,) = [a for a in saved(example)["answers"] if answer_key(a["question"], a["session"]) == MEI]
    assert answer["notes"] == MEI_NOTES + WORDS
    assert answer["status"] == "answered"


async def test_an_assignment_typed_in_the_follow_ups_view_comes_back_there(example: Path, make_app) -> None:
    """fix13j 1: whom to ask and by when, typed in the view's assign dialog (o), come back."""
    from workbench.ui.screens.followups_screen import FollowUpsScreen

    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_followup(pilot, "step:N-2", "o", "followup-owner")
        dialog.query_one("#followup-owner").focus()
        await pilot.press(*" and Ana")
        dialog.query_one("#followup-due").focus()
        await pilot.press("ctrl+a", *"2027-01-15")
        assert await until(pilot, lambda: journal_has(example, "followup-due", "2027-01-15"))
        assert journal_has(example, "followup-owner", "Jonas Varga and Ana")
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(
            pilot, AssignFollowUpModal, "The Assign follow-up dialog", "2027-01-15'"
        )
        assert await until(pilot, lambda: dialog.query_one("#followup-due").value == "2027-01-15")
        assert dialog.query_one("#followup-owner").value == "Jonas Varga and Ana"
        view = again.screen_stack[-2]
        assert isinstance(view, FollowUpsScreen), "the dialog is back over the Follow-ups view"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: again.screen is view)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not again.workspace.unsaved)
    (step,) = [s for s in saved(example)["next_steps"] if s["id"] == "N-2"]
    assert step["owner"] == "Jonas Varga and Ana"
    assert step["due"] == dt.date(2027, 1, 15)


def evidence_shown(dialog: GapModal) -> list[str]:
    listing = dialog.query_one("#gap-evidence")
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_evidence_added_and_detached_in_an_unsaved_gap_dialog_comes_back(example: Path, make_app) -> None:
    """fix13j 2: the gap dialog came back with its text but with the evidence it had before
    Add evidence and Detach; the evidence list is journaled with the draft and restored."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await open_and_type(pilot, opener("gaps", "edit_gap", "G-003"), GapModal, "gap-description")
        assert await until(pilot, lambda: journal_has(example, "gap-description", WORDS.strip()))
        before = evidence_shown(dialog)
        assert before[0].startswith("Heard in session") and len(before) == 2  # heard:H-003 first
        listing = dialog.query_one("#gap-evidence")
        listing.focus()
        listing.highlighted = 0
        await pilot.press("delete")  # detach heard:H-003
        assert await until(pilot, lambda: evidence_shown(dialog) == before[1:])
        await pilot.click("#gap-add-evidence")
        await pick(pilot, "heard:H-001")
        assert await until(pilot, lambda: len(evidence_shown(dialog)) == 2)
        wanted = evidence_shown(dialog)
        entry = journal_paths(example)[0]
        assert await until(
            pilot,
            lambda: "heard:H-001" in json.dumps(json.loads(entry.read_text()).get("draft", {})),
        ), "the evidence added never reached the journal"
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, GapModal, "Edit G-003")
        assert dialog.query_one("#gap-description").text.endswith(WORDS)
        assert evidence_shown(dialog) == wanted
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(again.screen, GapModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not again.workspace.unsaved)
    (gap,) = [g for g in saved(example)["gaps"] if g["id"] == "G-003"]
    assert gap["evidence"] == ["discovery:model-training.discovery.2@data-1", "heard:H-001"]
    assert gap["description"].endswith(WORDS)


@pytest.mark.parametrize(("name", "open_it", "kind", "field"), DIALOGS, ids=[d[0] for d in DIALOGS])
async def test_a_restored_dialog_has_the_keyboard_at_the_end_of_what_was_typed(
    example: Path, make_app, name: str, open_it: Callable[[Any], None], kind: type, field: str
) -> None:
    """fix13q 2: after Restore the keyboard is in the field the person was typing in, with the
    cursor after the restored text, so typing on goes on from there (F8's editor put the cursor
    at the start of the section)."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_and_type(pilot, open_it, kind, field)
        assert await until(pilot, lambda: journal_has(example, field, WORDS.strip()))
    again = make_app(example)
    async with again.run_test(size=(120, 36)) as pilot:
        dialog = await restore_dialog_draft(pilot, kind)
        typed = dialog.query_one(f"#{field}")

        def text() -> str:
            return str(getattr(typed, "text", None) or getattr(typed, "value", ""))

        assert await until(pilot, lambda: text().endswith(WORDS)), repr(text()[:300])
        assert await until(pilot, lambda: again.focused is typed), f"the keyboard is in {again.focused}"
        await pilot.press(*" on")
        assert await until(pilot, lambda: text().endswith(WORDS + " on")), text()[-80:]
