"""An edit recomputes only the panes (and parts of panes) that show what it changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.helpers import ready, until
from workbench.edits.answers import SetAnswer
from workbench.edits.changes import Insert, Remove, SetFields
from workbench.edits.editor import Changed
from workbench.edits.proposal import SetProposalFields
from workbench.edits.reads import EVERYTHING, Reads, touched_records
from workbench.model.records import Answer
from workbench.ui.screens import main_screen
from workbench.ui.widgets.gaps_pane import RANKING_READS, GapsPane
from workbench.ui.widgets.matrix import Matrix

CITED = "discovery:model-deployment.discovery.1"
"""Answered in session ml-1 and cited as evidence by G-001."""
NOT_CITED = "discovery:model-deployment.current.deployment-infrastructure-2"
"""No gap cites it."""
KEY = (CITED, "ml-1")


def edit(*touched: object) -> Changed:
    return Changed("edit", "an edit", tuple(touched))  # type: ignore[arg-type]


def test_a_note_does_not_reach_the_ranking_but_a_confidence_does() -> None:
    assert not RANKING_READS.reached(edit(SetFields("answers", KEY, {"notes": "old words"})))
    assert RANKING_READS.reached(edit(SetFields("answers", KEY, {"confidence": "stated"})))
    assert RANKING_READS.reached(
        edit(SetFields("answers", KEY, {"notes": ""}), SetFields("gaps", "G-001", {}))
    )


def test_a_new_or_removed_record_reaches_a_view_that_reads_some_of_its_fields() -> None:
    answer = Answer(question=CITED, session="ml-1")
    assert RANKING_READS.reached(edit(Remove("answers", KEY)))
    assert RANKING_READS.reached(edit(Insert("answers", answer)))


def test_lists_a_view_does_not_read_do_not_reach_it() -> None:
    plan = Reads(frozenset({"pilots", "gaps"}))
    assert not plan.reached(edit(SetFields("heard", "H-001", {"quote": "x"}), Remove("answers", KEY)))
    assert plan.reached(edit(Remove("pilots", "P-1")))


def test_changes_of_unknown_reach_reach_every_view() -> None:
    plan = Reads(frozenset({"pilots"}))
    assert plan.reached(Changed("outside", "the clock"))  # no touched changes: anything may have changed
    assert plan.reached(edit(SetProposalFields({"summary": "x"})))  # names no list
    assert EVERYTHING.reached(edit(SetFields("heard", "H-001", {"quote": "x"})))


def test_touched_records_names_the_records_of_one_list() -> None:
    answer = Answer(question=NOT_CITED, session="ml-1")
    changed = edit(
        SetFields("answers", KEY, {"notes": ""}), Remove("heard", "H-001"), Insert("answers", answer)
    )
    assert touched_records(changed, "answers") == {KEY, (NOT_CITED, "ml-1")}
    assert touched_records(changed, "gaps") == set()
    assert touched_records(Changed("outside", "the clock"), "answers") is None
    assert touched_records(edit(SetProposalFields({})), "answers") is None


@pytest.fixture
def no_catch_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Panes out of view would catch up 1.5 s into a pause: not during these tests."""
    monkeypatch.setattr(main_screen, "CATCH_UP_DELAY", 3600.0)


async def type_note(app, pilot, question: str, words: str) -> None:  # type: ignore[no-untyped-def]
    app.screen.jump_to_question(question)
    await pilot.pause()
    await pilot.press(*words)
    await pilot.pause()


async def test_a_note_leaves_the_matrix_and_ranking_but_refreshes_suggestions_and_evidence(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, no_catch_up: None
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        app.screen.query_one(Matrix).select_gap("G-001")
        await pilot.pause()
        await type_note(app, pilot, CITED, "zanzibar")
        assert not app.screen.is_up_to_date("gaps")
        recomputed: list[str] = []
        for cls, name in ((Matrix, "set_cells"), (GapsPane, "_fill_ranked"), (GapsPane, "_fill_suggestions")):
            original = getattr(cls, name)
            monkeypatch.setattr(
                cls, name, lambda self, *a, _o=original, _n=name: recomputed.append(_n) or _o(self, *a)
            )
        await pilot.press("f3")
        assert await until(pilot, lambda: "_fill_suggestions" in recomputed)
        assert "set_cells" not in recomputed and "_fill_ranked" not in recomputed
        await pilot.press("f3", "f3")  # the Evidence tab shows the note as typed
        evidence = app.screen.query_one("#evidence", OptionList)
        assert await until(
            pilot,
            lambda: any(
                "zanzibar" in str(evidence.get_option_at_index(i).prompt)
                for i in range(evidence.option_count)
            ),
        )


async def test_a_confidence_reranks_the_gaps(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, no_catch_up: None
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3", "f2")
        await pilot.pause()
        ranked: list[str] = []
        original = GapsPane._fill_ranked
        monkeypatch.setattr(GapsPane, "_fill_ranked", lambda self: ranked.append("x") or original(self))
        assert app.screen.capture.apply(SetAnswer(CITED, "ml-1", {"confidence": "stated"}))
        await pilot.press("f3")
        await pilot.pause()
        assert ranked


async def test_a_note_no_gap_cites_leaves_map_and_plan_as_they_are(
    example: Path, make_app, no_catch_up: None
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        screen = app.screen
        for pane in ("f3", "f4", "f5", "f2"):  # each pane shown once: up to date
            await pilot.press(pane)
            await pilot.pause()
        assert all(screen.is_up_to_date(p) for p in ("gaps", "map", "plan"))
        await type_note(app, pilot, NOT_CITED, "kubernetes")
        assert screen.is_up_to_date("map") and screen.is_up_to_date("plan")
        assert not screen.is_up_to_date("gaps")  # its suggestions read every answer
        await type_note(app, pilot, CITED, "terraform")
        assert not screen.is_up_to_date("map")  # the words G-001's practices are matched against
        assert screen.is_up_to_date("plan")


# --- a note reaches the suggestions and the evidence only through what quotes it --------------

QUIET = ("discovery:team-collaboration.current.governance-compliance-2", "executive-1")
"""Scored 2 for a target of 3 (no maturity suggestion quotes it) and cited by no gap."""
QUOTED = ("discovery:model-monitoring.current.alerting-response-1", "ml-1")
"""Scored 1 for a target of 4: its maturity suggestion quotes its notes; cited by no gap."""
OTHER_SESSION = ("discovery:model-monitoring.current.performance-monitoring-1", "executive-1")
"""Cited by no gap, though gaps cite the same question's answers in data-1 and ml-1."""
WORDS = "kubernetes terraform manual deployment model registry monitoring drift always-on gpu endpoints"
"""Words the example's gaps and practices are matched on."""


def test_a_note_changes_the_suggestions_and_evidence_only_where_it_is_quoted(example: Path) -> None:
    """Every answer of the example, given notes in the gaps' words: where `note_reaches_suggestions`
    says no, the suggestions and every gap's evidence are what they were."""
    from workbench.analysis.gaps import evidence_trail, note_reaches_suggestions, suggestions
    from workbench.banks import load_catalogue
    from workbench.edits.editor import Editor
    from workbench.model.evidence import cited_answers
    from workbench.store.files import load_project

    catalogue = load_catalogue()
    project = load_project(example)
    editor = Editor(lambda: project)
    words = WORDS + " " + " ".join(gap.title for gap in project.gaps)
    cited = cited_answers(link for gap in project.gaps for link in gap.evidence)
    reached = []
    for answer in list(project.answers):
        before = (
            suggestions(project, catalogue),
            [evidence_trail(project, catalogue, g) for g in project.gaps],
        )
        editor.apply(SetAnswer(answer.question, answer.session, {"notes": words}))
        after = suggestions(project, catalogue), [evidence_trail(project, catalogue, g) for g in project.gaps]
        editor.undo()
        if not note_reaches_suggestions(project, cited, answer.question, answer.session):
            assert after == before, answer.key
        reached.append(after != before)
    assert any(reached) and not all(reached)  # the test is not vacuous either way


async def test_a_note_nothing_quotes_leaves_gaps_and_map_up_to_date(
    example: Path, make_app, no_catch_up: None
) -> None:
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        screen = app.screen
        for pane in ("f3", "f4", "f2"):
            await pilot.press(pane)
            await pilot.pause()
        for question, session in (QUIET, OTHER_SESSION):
            assert screen.capture.apply(SetAnswer(question, session, {"notes": WORDS}))
            assert screen.is_up_to_date("gaps") and screen.is_up_to_date("map"), question
        assert screen.capture.apply(SetAnswer(*QUOTED, {"notes": "zanzibar"}))
        assert not screen.is_up_to_date("gaps") and screen.is_up_to_date("map")
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f3")  # the Suggested tab: the maturity suggestion quotes the new note
        options = screen.query_one("#suggestions", OptionList)
        assert await until(
            pilot,
            lambda: any(
                "zanzibar" in str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ),
        )
        assert screen.is_up_to_date("gaps")


def test_fields_only_names_records_when_nothing_else_changed() -> None:
    from workbench.edits.reads import fields_only

    notes = frozenset({"notes"})
    assert fields_only(edit(SetFields("answers", KEY, {"notes": "x"})), "answers", notes) == {KEY}
    assert (
        fields_only(edit(SetFields("answers", KEY, {"notes": "x", "current": 2})), "answers", notes) is None
    )
    assert (
        fields_only(edit(SetFields("answers", KEY, {"notes": "x"}), Remove("answers", KEY)), "answers", notes)
        is None
    )
    assert fields_only(edit(SetFields("heard", "H-001", {"notes": "x"})), "answers", notes) is None
    assert fields_only(Changed("outside", "the clock"), "answers", notes) is None
