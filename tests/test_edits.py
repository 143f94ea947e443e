"""The editing layer without a terminal: every edit, its undo and its redo, and the history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from workbench.analysis.evidence_words import evidence_sentence
from workbench.banks import load_catalogue
from workbench.edits import Edit, Editor, EditRefused
from workbench.edits.answers import SetAnswer
from workbench.edits.capture import AddMetric, EditHeard, EditMetric, Hear, RemoveMetric, Unhear
from workbench.edits.gaps import (
    AttachEvidence,
    DeleteGap,
    DetachEvidence,
    Dismiss,
    EditGap,
    MergeGaps,
    MoveGap,
    RaiseGap,
    Undismiss,
    question_evidence,
)
from workbench.edits.mappings import DecideMapping, Undecide, WriteRationale
from workbench.edits.plan import (
    AddDependency,
    AddNextStep,
    AddPlanItem,
    DeletePlanItem,
    EditNextStep,
    EditPlanItem,
    MovePlanItem,
    ProposePilot,
    RemoveDependency,
    ResizePlanItem,
    TickNextStep,
)
from workbench.edits.sessions import EditSession, StartSession
from workbench.model.records import Attendee
from workbench.store.check import reference_problems
from workbench.store.files import ProjectFile
from workbench.store.serialize import project_to_data

QUESTION = "discovery:feature-engineering.current.data-sources-integration-4"
UNANSWERED = "discovery:feature-engineering.current.data-sources-integration-2"
INDICATOR = "discovery:model-deployment.pain.1"


@pytest.fixture
def file(example: Path) -> ProjectFile:
    return ProjectFile.load(example)


@pytest.fixture
def editor(file: ProjectFile) -> Editor:
    return Editor(lambda: file.project)


def round_trip(editor: Editor, edit: Edit) -> dict[str, Any]:
    """Apply, undo, redo: undo restores the file data exactly, redo the edited data. Returns
    the data after the edit; the project is left edited."""
    before = project_to_data(editor.project)
    assert editor.apply(edit), f"{edit.name} changed nothing"
    after = project_to_data(editor.project)
    assert after != before
    assert editor.undo() == edit.name
    assert project_to_data(editor.project) == before
    assert editor.redo() == edit.name
    assert project_to_data(editor.project) == after
    return after


# --- answers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [
        {"notes": "Kafka too"},
        {"status": "skipped"},
        {"status": "not-applicable", "reason": "no streaming"},
        {"status": "follow-up", "follow_up_with": "Priya"},
        {"current": 3},
        {"target": 5},
        {"confidence": "evidenced"},
    ],
)
def test_answer_fields_undo_exactly(editor: Editor, values: dict[str, Any]) -> None:
    round_trip(editor, SetAnswer(QUESTION, "data-1", values))
    answer = editor.project.answer(QUESTION, "data-1")
    assert answer is not None
    assert all(getattr(answer, k) == v for k, v in values.items())


def test_first_answer_is_created_and_undo_removes_it(editor: Editor) -> None:
    count = len(editor.project.answers)
    round_trip(editor, SetAnswer(UNANSWERED, "data-1", {"notes": "S3"}))
    assert len(editor.project.answers) == count + 1
    editor.undo()
    assert editor.project.answer(UNANSWERED, "data-1") is None


def test_defaults_alone_create_no_answer(editor: Editor) -> None:
    assert not editor.apply(SetAnswer(UNANSWERED, "data-1", {"notes": "", "status": "answered"}))
    assert editor.history.undo_name is None


def test_answer_in_a_missing_session_is_refused(editor: Editor) -> None:
    with pytest.raises(EditRefused, match="no session"):
        editor.apply(SetAnswer(QUESTION, "nope", {"notes": "x"}))


def test_typing_merges_into_one_step_and_typing_back_leaves_none(editor: Editor) -> None:
    original = editor.project.answer(QUESTION, "data-1").notes  # type: ignore[union-attr]
    for text in ("a", "ab", "abc"):
        editor.apply(SetAnswer(QUESTION, "data-1", {"notes": text}, about="Where do sources live?"))
    assert editor.history.undo_name == "type notes for 'Where do sources live?'"
    editor.undo()
    assert editor.project.answer(QUESTION, "data-1").notes == original  # type: ignore[union-attr]
    assert editor.history.undo_name is None
    editor.apply(SetAnswer(QUESTION, "data-1", {"notes": original + "x"}))
    editor.apply(SetAnswer(QUESTION, "data-1", {"notes": original}))
    assert editor.history.undo_name is None, "typing back to the original leaves nothing to undo"
    assert not editor.unsaved


def test_typing_a_first_answer_back_to_nothing_leaves_no_answer_and_no_step(editor: Editor) -> None:
    """Typing notes on an unanswered question, then deleting them (or the notes editor's own
    undo taking them back), leaves no empty answer behind and nothing for ctrl+z to undo."""
    count = len(editor.project.answers)
    for text in ("S", "S3", "S", ""):
        editor.apply(SetAnswer(UNANSWERED, "data-1", {"notes": text}))
    assert editor.project.answer(UNANSWERED, "data-1") is None
    assert len(editor.project.answers) == count
    assert editor.history.undo_name is None
    assert not editor.unsaved


def test_sealing_starts_a_new_step(editor: Editor) -> None:
    editor.apply(SetAnswer(QUESTION, "data-1", {"notes": "one"}))
    editor.seal()
    editor.apply(SetAnswer(QUESTION, "data-1", {"notes": "one two"}))
    editor.undo()
    assert editor.project.answer(QUESTION, "data-1").notes == "one"  # type: ignore[union-attr]


def test_unset_fields_stay_unset_after_undo(editor: Editor) -> None:
    answer = editor.project.answer(QUESTION, "data-1")
    assert answer is not None and "reason" not in answer.model_fields_set
    editor.apply(SetAnswer(QUESTION, "data-1", {"status": "not-applicable", "reason": "n/a"}))
    editor.undo()
    assert "reason" not in answer.model_fields_set


# --- heard and metrics --------------------------------------------------------------------------------


def test_hear_edit_and_unhear(editor: Editor) -> None:
    hear = Hear(INDICATOR, "ml-1", quote="Weeks to ship", speaker_role="MLE", about="Deploys are slow")
    round_trip(editor, hear)
    assert hear.heard_id == "H-m1-01"  # tagged with its session
    assert editor.history.undo_name == "heard 'Deploys are slow'"
    round_trip(editor, EditHeard("H-m1-01", {"quote": "Months to ship"}))
    editor.apply(AttachEvidence("G-001", "heard:H-m1-01"))
    after = round_trip(editor, Unhear("H-m1-01"))
    assert all("heard:H-m1-01" not in gap["evidence"] for gap in after["gaps"] if "evidence" in gap)
    editor.undo()
    assert "heard:H-m1-01" in editor.project.gap("G-001").evidence  # type: ignore[union-attr]


def test_metrics_add_edit_remove(editor: Editor) -> None:
    add = AddMetric(template="discovery:model-training.metric.1", values={"baseline": 5}, about="Cut X")
    round_trip(editor, add)
    assert add.metric_id == "M-006"
    round_trip(editor, EditMetric("M-006", {"target": 2, "owner": "Jo"}))
    after = round_trip(editor, RemoveMetric("M-001"))
    assert "M-001" not in str(after["gaps"]) and "M-001" not in str(after["pilots"])



def test_a_metrics_target_is_named_as_its_target_value(editor: Editor) -> None:
    """Session 13 walkthrough: undoing a metric's target said "set target maturity to 99.95"."""
    metric = editor.project.metrics[0]
    editor.apply(EditMetric(metric.id, {"target": 99.95}))
    assert editor.history.undo_name == f"set target value to 99.95 of {metric.id}"
    answer = next(a for a in editor.project.answers if a.target != 4)
    editor.apply(SetAnswer(answer.question, answer.session, {"target": 4}))
    assert "set target maturity to 4" in (editor.history.undo_name or "")

# --- gaps ---------------------------------------------------------------------------------------------


def test_a_free_form_metric_from_the_form_is_defined(editor: Editor) -> None:
    """The metric dialog gives a free-form metric's words among its fields (it used to crash)."""
    add = AddMetric(values={"text": "Cut onboarding time", "session": "data-1", "baseline": 10})
    round_trip(editor, add)
    assert editor.project.metric(add.metric_id).text == "Cut onboarding time"  # type: ignore[union-attr]


def test_a_form_edit_is_named_for_the_fields_that_changed(editor: Editor) -> None:
    """A dialog hands over every field; undo names only those that changed."""
    gap = editor.project.gaps[0]
    form = {"title": "Renamed", "area": gap.area, "impact": gap.impact, "status": gap.status}
    editor.apply(EditGap(gap.id, form))
    assert editor.history.undo_name == f"edit title of {gap.id}"
    item = editor.project.pilots[0]
    weeks = item.weeks + 1
    editor.apply(EditPlanItem(item.id, {"title": item.title, "weeks": weeks, "owner": item.owner}))
    assert editor.history.undo_name == f"set weeks to {weeks} of {item.id}"


def test_raise_edit_move_and_delete_gaps(editor: Editor) -> None:
    raise_gap = RaiseGap("No feature store", "feature-engineering", ["metric:M-003"], {"impact": 4})
    round_trip(editor, raise_gap)
    assert raise_gap.gap_id == "G-011"
    round_trip(editor, EditGap("G-011", {"title": "No shared features", "owner": "Priya"}))
    round_trip(editor, MoveGap("G-011", impact_delta=1, complexity_delta=-1))
    assert (editor.project.gap("G-011").impact, editor.project.gap("G-011").complexity) == (5, 2)  # type: ignore[union-attr]
    after = round_trip(editor, DeleteGap("G-001", "Deployment"))
    assert all(m["gap"] != "G-001" for m in after["mappings"])
    assert all("G-001" not in p.get("gaps", []) for p in after["pilots"])


def test_moves_clamp_and_merge(editor: Editor) -> None:
    for _ in range(6):
        editor.apply(MoveGap("G-001", impact_delta=1))
    assert editor.project.gap("G-001").impact == 5  # type: ignore[union-attr]
    editor.undo()
    assert editor.history.undo_name is None, "consecutive moves of one gap undo together"


def test_evidence_attach_detach_and_merge(editor: Editor) -> None:
    round_trip(editor, AttachEvidence("G-006", "metric:M-003"))
    round_trip(editor, DetachEvidence("G-006", "metric:M-003"))
    after = round_trip(editor, MergeGaps("G-004", "G-006"))
    kept = next(g for g in after["gaps"] if g["id"] == "G-004")
    assert "discovery:feature-engineering.current.data-sources-integration-4@data-1" in kept["evidence"]
    assert all(g["id"] != "G-006" for g in after["gaps"])
    with pytest.raises(EditRefused):
        editor.apply(MergeGaps("G-004", "G-004"))


def test_merge_moves_mappings_and_plan_links(editor: Editor) -> None:
    after = round_trip(editor, MergeGaps("G-002", "G-001"))
    practices = {m["practice"] for m in after["mappings"] if m["gap"] == "G-002"}
    assert "ds.cicd-for-ml" in practices
    assert any(p.get("gaps") == ["G-002"] and p["id"] == "P-2" for p in after["pilots"])


def test_dismiss_and_undismiss(editor: Editor) -> None:
    round_trip(editor, Dismiss("gap-area:model-training", about="Training gap"))
    round_trip(editor, Undismiss("gap-area:model-training"))


def test_question_evidence_collects_answer_quotes_and_metrics(editor: Editor) -> None:
    project = editor.project
    assert question_evidence(project, QUESTION, "data-1") == [f"{QUESTION}@data-1"]
    assert question_evidence(project, INDICATOR, "ml-1") == ["heard:H-004"]
    assert question_evidence(project, "discovery:model-deployment.metric.1", "ml-1") == ["metric:M-001"]
    assert question_evidence(project, UNANSWERED, "data-1") == [UNANSWERED]  # nothing given yet


def test_a_gap_raised_from_an_unanswered_question_names_the_session(editor: Editor, example: Path) -> None:
    """ctrl+g on a question not answered yet: the gap's evidence names the session like every
    other answer link, and the answer given there later is what the evidence shows."""
    evidence = question_evidence(editor.project, UNANSWERED, "data-1")
    raise_gap = RaiseGap("Sources not catalogued", "feature-engineering", evidence, session="data-1")
    after = round_trip(editor, raise_gap)
    (gap,) = [g for g in after["gaps"] if g["id"] == raise_gap.gap_id]
    assert gap["evidence"] == [f"{UNANSWERED}@data-1"]
    catalogue = load_catalogue(example)
    saved = editor.project.gap(raise_gap.gap_id)
    assert saved is not None
    assert "session data-1): not answered yet" in evidence_sentence(editor.project, catalogue, saved.evidence[0])
    assert not reference_problems(example, editor.project, catalogue)
    editor.apply(SetAnswer(UNANSWERED, "data-1", {"notes": "Spreadsheets of S3 paths"}))
    assert evidence_sentence(editor.project, catalogue, saved.evidence[0]).endswith("“Spreadsheets of S3 paths”")
    outside = RaiseGap("Raised outside a session", evidence=[UNANSWERED, "heard:H-001"])
    editor.apply(outside)
    assert editor.project.gap(outside.gap_id).evidence == [UNANSWERED, "heard:H-001"]  # type: ignore[union-attr]


# --- mappings -----------------------------------------------------------------------------------------


def test_mapping_decisions(editor: Editor) -> None:
    accept = DecideMapping("G-003", "ds.cicd-for-ml", "accepted", title="CI/CD for ML")
    round_trip(editor, accept)
    assert editor.history.undo_name == "accept 'CI/CD for ML' for G-003"
    round_trip(editor, DecideMapping("G-003", "ds.cicd-for-ml", "rejected"))
    round_trip(editor, WriteRationale("G-003", "ds.cicd-for-ml", "One pipeline"))
    assert editor.project.mapping("G-003", "ds.cicd-for-ml").status == "rejected"  # type: ignore[union-attr]
    round_trip(editor, WriteRationale("G-006", "fe.feature-store", "Shared features"))
    assert editor.project.mapping("G-006", "fe.feature-store").status == "accepted"  # type: ignore[union-attr]
    round_trip(editor, Undecide("G-003", "ds.cicd-for-ml"))


# --- plan ---------------------------------------------------------------------------------------------


def test_plan_items(editor: Editor) -> None:
    milestone = AddPlanItem("Go-live", kind="milestone")
    round_trip(editor, milestone)
    assert editor.project.pilot(milestone.item_id).weeks == 0  # type: ignore[union-attr]
    round_trip(editor, EditPlanItem("P-1", {"title": "Tracking", "weeks": 5}))
    round_trip(editor, MovePlanItem("P-1", 0))
    assert editor.project.pilot("P-1").start == 0  # type: ignore[union-attr]
    with pytest.raises(EditRefused, match="already starts in week 1, the plan's first week"):
        editor.apply(MovePlanItem("P-1", -1))
    round_trip(editor, MovePlanItem("P-1", None))
    round_trip(editor, ResizePlanItem("P-1", 1))
    after = round_trip(editor, DeletePlanItem("P-1"))
    assert all("P-1" not in p.get("depends_on", []) for p in after["pilots"])


def test_a_run_of_moves_is_named_for_where_it_ended(editor: Editor) -> None:
    for week in (1, 2, 3):
        editor.apply(MovePlanItem("P-1", week))
    assert editor.history.undo_name == "move P-1 to week 4 (start = 3)"  # weeks as people count
    editor.undo()
    assert editor.history.redo_name == "move P-1 to week 4 (start = 3)"


def test_resizing_keeps_a_week_and_a_milestone_has_no_length(editor: Editor) -> None:
    for _ in range(editor.project.pilot("P-1").weeks - 1):  # type: ignore[union-attr]
        editor.apply(ResizePlanItem("P-1", -1))
    assert editor.history.undo_name == "shorten P-1 to 1 week"
    with pytest.raises(EditRefused, match="P-1 is one week long, the shortest a plan item can be"):
        editor.apply(ResizePlanItem("P-1", -1))
    assert editor.project.pilot("P-1").weeks == 1  # type: ignore[union-attr]
    milestone = AddPlanItem("Review", kind="milestone")
    editor.apply(milestone)
    for delta in (-1, 1):  # session 13 walkthrough: `]` gave a milestone two weeks
        with pytest.raises(EditRefused, match="milestone: it marks a day and has no length"):
            editor.apply(ResizePlanItem(milestone.item_id, delta))
    assert editor.project.pilot(milestone.item_id).weeks == 0  # type: ignore[union-attr]


def test_dependencies_and_loops(editor: Editor) -> None:
    round_trip(editor, AddDependency("P-4", "P-2"))
    round_trip(editor, RemoveDependency("P-4", "P-2"))
    with pytest.raises(EditRefused, match="cycle"):
        editor.apply(AddDependency("P-1", "P-2"))


@pytest.mark.parametrize(("gap", "weeks"), [("G-006", 4), ("G-002", 4), ("G-001", 8), ("G-010", 8)])
def test_proposed_pilot_is_sized_by_complexity(editor: Editor, gap: str, weeks: int) -> None:
    """A fill-in or quick win (low complexity) gets a short pilot; strategic or deprioritised, a long one."""
    project = editor.project
    propose = ProposePilot(gap)
    round_trip(editor, propose)
    item = project.pilot(propose.item_id)
    assert item is not None and item.weeks == weeks and item.gaps == [gap]
    assert item.practices == project.accepted_practices(gap)


def test_next_steps(editor: Editor) -> None:
    add = AddNextStep("Send the proposal", step="next-steps.1")
    round_trip(editor, add)
    round_trip(editor, EditNextStep(add.step_id, {"owner": "Sam", "due": dt.date(2026, 12, 1)}))
    round_trip(editor, TickNextStep(add.step_id))
    assert editor.project.next_step(add.step_id).done  # type: ignore[union-attr]


# --- sessions -----------------------------------------------------------------------------------------


def test_start_and_edit_session(editor: Editor) -> None:
    start = StartSession("executive", dt.date(2026, 11, 30), [Attendee(name="Dana", role="CFO")])
    round_trip(editor, start)
    assert start.session_id == "executive-2"
    assert editor.history.undo_name == "start session executive-2"
    round_trip(editor, EditSession("executive-2", {"notes": "Short one", "minutes": 30}))


# --- history and the unsaved state ----------------------------------------------------------------------


def test_unsaved_follows_the_state_not_the_count(editor: Editor) -> None:
    assert not editor.unsaved
    editor.apply(MoveGap("G-001", impact_delta=-1))
    assert editor.unsaved
    editor.undo()
    assert not editor.unsaved, "undoing back to the saved state is saved"
    editor.redo()
    editor.mark_saved(editor.state)
    assert not editor.unsaved
    editor.undo()
    assert editor.unsaved, "undoing past a save needs a save"


def test_redo_is_forgotten_after_a_new_edit(editor: Editor) -> None:
    editor.apply(TickNextStep("N-1"))
    editor.undo()
    assert editor.history.redo_name == "tick N-1"
    editor.apply(MoveGap("G-002", impact_delta=-1))
    assert editor.redo() is None


def test_listeners_hear_each_change_once(editor: Editor) -> None:
    heard: list[tuple[str, str]] = []
    editor.listeners.append(lambda changed: heard.append((changed.kind, changed.name)))
    revision = editor.revision
    editor.apply(TickNextStep("N-1"))
    editor.apply(MoveGap("G-001", complexity_delta=1))
    editor.undo()
    editor.redo()
    assert not editor.apply(SetAnswer(UNANSWERED, "data-1", {"notes": ""}))
    assert [kind for kind, _ in heard] == ["edit", "edit", "undo", "redo"]
    assert editor.revision == revision + 4


def test_a_refused_edit_leaves_no_trace(editor: Editor) -> None:
    before = project_to_data(editor.project)
    with pytest.raises(EditRefused):
        editor.apply(EditGap("G-999", {"title": "x"}))
    assert project_to_data(editor.project) == before
    assert editor.history.undo_name is None and not editor.unsaved


def test_changes_outside_the_history_are_unsaved_until_saved(editor: Editor) -> None:
    editor.changed_outside("clock")
    assert editor.unsaved
    editor.mark_saved(editor.state)
    assert not editor.unsaved
    editor.replaced("reloaded", saved=True)
    assert not editor.unsaved and editor.history.undo_name is None


def test_history_forgets_the_oldest_beyond_its_limit(file: ProjectFile) -> None:
    editor = Editor(lambda: file.project)
    editor.history.limit = 3
    for step in ("N-1", "N-2", "N-3", "N-1"):
        editor.apply(TickNextStep(step))
    while editor.undo():
        pass
    assert editor.unsaved, "the oldest tick was forgotten, so this is not the opened state"


def test_undo_back_to_the_opened_state_saves_byte_identical(example: Path) -> None:
    opened = example.read_bytes()
    file = ProjectFile.load(example)
    editor = Editor(lambda: file.project)
    edits: list[Edit] = [
        SetAnswer(QUESTION, "data-1", {"notes": "multi\nline", "current": 4}),
        SetAnswer(UNANSWERED, "data-1", {"notes": "new"}),
        RaiseGap("Late gap"),
        DeleteGap("G-003"),
        AddPlanItem("Go-live", kind="milestone"),
        AddNextStep("Call Dana"),
        Dismiss("gap-area:model-training"),
    ]
    for edit in edits:
        editor.apply(edit)
        assert file.save()
    while editor.undo():
        file.save()
    assert example.read_bytes() == opened


def test_proposal_text_is_a_named_edit_that_undoes_to_the_draft(tmp_path: Path) -> None:
    from workbench.edits.editor import Editor
    from workbench.edits.proposal import EditProposal
    from workbench.store.files import ProjectFile

    path = tmp_path / "p.toml"
    path.write_text('schema_version = 1\n# kept\n[project]\nname = "P"\n')
    project_file = ProjectFile.load(path)
    editor = Editor(lambda: project_file.project)
    assert editor.apply(EditProposal({"executive_summary": "Ours.", "firm": "Northwind"}))
    assert not editor.apply(EditProposal({"firm": "Northwind"}))
    project_file.save()
    assert '[proposal]\nfirm = "Northwind"\nexecutive_summary = "Ours."' in path.read_text()
    assert editor.undo() == "edit the proposal's executive summary, firm"
    project_file.save()
    assert path.read_text() == 'schema_version = 1\n# kept\n[project]\nname = "P"\n'


def test_merge_repoints_every_reference_to_the_absorbed_gap(editor: Editor) -> None:
    """Whatever `store.references` lists as pointing at a gap follows the merge; the kept gap's
    own decision on a practice both had stands; the absorbed gap's title stays in words."""
    from workbench.store.references import REFERENCES, dangling, pointing_at

    project = editor.project
    editor.apply(DecideMapping("G-002", "ds.cicd-for-ml", "rejected"))  # G-001 accepted it
    holders = {ref.holder for ref in REFERENCES if ref.target == "gaps"}
    before = project_to_data(project)
    assert holders <= {ref.holder for ref, _ in pointing_at(before, "gaps", "G-001")}, "the example covers all"
    after = round_trip(editor, MergeGaps("G-002", "G-001"))
    assert list(pointing_at(after, "gaps", "G-001")) == []
    assert dangling(after) == set()
    assert project.mapping("G-002", "ds.cicd-for-ml").status == "rejected"  # type: ignore[union-attr]
    kept = project.gap("G-002")
    assert kept is not None and "Merged from G-001: Deployment is manual and takes weeks" in kept.description


def test_evidence_reads_as_sentences(editor: Editor) -> None:
    from workbench.analysis.evidence_words import evidence_choices, evidence_sentence
    from workbench.banks import load_catalogue

    catalogue = load_catalogue()
    project = editor.project
    assert evidence_sentence(project, catalogue, "discovery:model-deployment.discovery.1@ml-1") == (
        "Answer to 'How long does it take to deploy a model from development to…' "
        "(Model Deployment & Serving, session ml-1): maturity 2 → 4"
    )
    assert evidence_sentence(project, catalogue, "metric:M-001") == (
        "Metric M-001: Reduce model deployment time from 3 weeks to 48 hours"
    )
    assert evidence_sentence(project, catalogue, "heard:H-004").startswith(
        "Heard in session ml-1 from ML engineer: “The recommender model was done in four days"
    )
    assert evidence_sentence(project, catalogue, "heard:H-999") == "Quote H-999: no longer in the project"
    editor.apply(SetAnswer("discovery:model-deployment.discovery.1", "ml-1", {"current": 2}))
    assert evidence_sentence(project, catalogue, "discovery:model-deployment.discovery.1@ml-1").endswith(
        "maturity 2 → 4"
    )
    links = {c.link for c in evidence_choices(project, catalogue, {"metric:M-001"})}
    assert "heard:H-004" in links and "metric:M-002" in links and "metric:M-001" not in links
    assert "discovery:model-deployment.discovery.1@ml-1" in links


def test_undoing_a_delete_puts_the_record_back_in_its_place_with_its_comment(example: Path) -> None:
    """#11: an undone delete put the gap back without the comment written above it (and its
    mapping and plan link with it) once another edit had been saved in between."""
    opened = example.read_text()
    file = ProjectFile.load(example)
    editor = Editor(lambda: file.project)
    editor.apply(EditGap("G-001", {"title": "Deployment is manual"}))
    editor.apply(DeleteGap("G-009"))
    assert file.save()
    assert "# The churn model's leakage" not in example.read_text(), "the comment went with its gap"
    editor.undo()
    ids = [g.id for g in file.project.gaps]
    assert ids.index("G-009") == ids.index("G-008") + 1
    assert file.save()
    assert example.read_text() == opened.replace(
        'title = "Deployment is manual and takes weeks"', 'title = "Deployment is manual"'
    )


def test_undoing_deletes_back_to_the_opened_state_saves_byte_identical(example: Path) -> None:
    opened = example.read_bytes()
    file = ProjectFile.load(example)
    editor = Editor(lambda: file.project)
    for gap in ("G-009", "G-001", "G-005"):
        editor.apply(DeleteGap(gap))
        assert file.save()
    while editor.undo():
        pass
    assert file.save()
    assert example.read_bytes() == opened
