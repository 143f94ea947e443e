"""The Project's own operations, directly: look-ups, builders and the changes scripts use."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from workbench.model.project import Project, ProjectInfo, given, next_id, session_tag
from workbench.model.records import Attendee


@pytest.fixture
def project() -> Project:
    project = Project(project=ProjectInfo(name="Test"))
    project.add_session("executive", dt.date(2026, 11, 24), [Attendee(name="Dana", role="CFO")])
    return project


def test_next_id_is_one_past_the_highest_in_use() -> None:
    assert next_id("G-", []) == "G-001"
    assert next_id("G-", ["G-001", "G-007", "X-100"]) == "G-008"
    assert next_id("P-", ["P-2"], width=1) == "P-3"


def test_given_drops_empty_values_only() -> None:
    assert given(a="", b=None, c=[], d=(), e=0, f=False, g="x") == {"e": 0, "f": False, "g": "x"}


def test_sessions_get_ids_from_their_template(project: Project) -> None:
    assert project.sessions[0].id == "executive-1"
    assert project.add_session("executive").id == "executive-2"
    assert project.add_session().id == "session-1"
    assert project.session("executive-2") is not None and project.session("nope") is None


def test_builders_do_not_add(project: Project) -> None:
    gap = project.new_gap("A gap", evidence=["x", "x", "y"])
    assert gap.id == "G-001" and gap.evidence == ["x", "y"] and project.gaps == []
    assert project.new_session("executive").id == "executive-2" and len(project.sessions) == 1
    assert project.new_plan_item("Go-live", "milestone").id == "MS-1" and project.pilots == []
    assert project.new_heard("b:q", "executive-1").id == "H-e1-01" and project.heard == []
    assert project.new_metric(text="Faster").id == "M-001" and project.metrics == []
    assert project.new_next_step("Call").id == "N-1" and project.next_steps == []


def test_session_tags_are_initials_and_number() -> None:
    assert [session_tag(s) for s in ("executive-1", "data-science-12", "ml-1", "session-3", "42")] == [
        "e1",
        "ds12",
        "m1",
        "s3",
        "",
    ]


def test_records_captured_in_a_session_carry_its_tag_so_two_sessions_never_pick_one_id(
    project: Project,
) -> None:
    project.add_session("data-science")
    ours, theirs = project.model_copy(deep=True), project.model_copy(deep=True)
    for side, session in ((ours, "executive-1"), (theirs, "data-1")):
        heard = side.hear("b:q", session, "quote")
        metric = side.add_metric(text="Faster", session=session)
        side.raise_gap("Gap", evidence=[f"heard:{heard.id}", f"metric:{metric.id}"], session=session)
    ids = [(p.heard[0].id, p.metrics[0].id, p.gaps[0].id) for p in (ours, theirs)]
    assert ids == [
        ("H-e1-01", "M-e1-01", "G-e1-01"),
        ("H-d1-01", "M-d1-01", "G-d1-01"),
    ]
    assert project.model_copy(deep=True).raise_gap("Again", session="data-1").id == "G-d1-01"
    assert theirs.raise_gap("Again", session="data-1").id == "G-d1-02"


def test_records_without_a_session_and_existing_ids_keep_plain_numbers(project: Project) -> None:
    project.gaps.append(project.new_gap("Hand-written", evidence=[]).model_copy(update={"id": "G-007"}))
    assert project.raise_gap("No session").id == "G-008"
    assert project.raise_gap("Unknown session", session="nope-1").id == "G-009"
    assert project.raise_gap("Tagged", session="executive-1").id == "G-e1-01"
    assert project.raise_gap("Plain again").id == "G-010"
    assert project.add_metric(text="Free").id == "M-001"


def test_set_answer_creates_then_updates(project: Project) -> None:
    project.set_answer("b:q", "executive-1", notes="first")
    project.set_answer("b:q", "executive-1", current=3)
    answer = project.answer("b:q", "executive-1")
    assert answer is not None and (answer.notes, answer.current) == ("first", 3)
    assert project.answers_to("b:q") == [answer]
    with pytest.raises(KeyError):
        project.set_answer("b:q", "nope", notes="x")
    with pytest.raises(ValidationError):
        project.set_answer("b:q", "executive-1", current=9)


def test_unhear_drops_the_quote_from_evidence(project: Project) -> None:
    heard = project.hear("b:pain", "executive-1", quote="It hurts")
    gap = project.raise_gap("Pain", evidence=[f"heard:{heard.id}", "b:q"])
    assert project.heard_in("b:pain", "executive-1") == [heard]
    project.unhear(heard.id)
    assert project.heard == [] and gap.evidence == ["b:q"]


def test_moving_a_gap_clamps_to_the_matrix(project: Project) -> None:
    gap = project.raise_gap("Gap", impact=4, complexity=2)
    project.move_gap(gap.id, impact_delta=3, complexity_delta=-5)
    assert (gap.impact, gap.complexity) == (5, 1)
    with pytest.raises(KeyError):
        project.move_gap("G-999", 1)


def test_removing_a_gap_removes_its_mappings_and_plan_links(project: Project) -> None:
    gap = project.raise_gap("Gap")
    other = project.raise_gap("Other")
    project.decide_mapping(gap.id, "p.one", "accepted")
    project.decide_mapping(other.id, "p.one", "accepted")
    item = project.add_plan_item("Pilot", gaps=[gap.id, other.id])
    project.remove_gap(gap.id)
    assert [g.id for g in project.gaps] == [other.id]
    assert [m.gap for m in project.mappings] == [other.id]
    assert item.gaps == [other.id]


def test_mapping_decisions_keep_the_rationale_unless_replaced(project: Project) -> None:
    project.decide_mapping("G-001", "p.one", "accepted", rationale="Because")
    project.decide_mapping("G-001", "p.one", "rejected")
    mapping = project.mapping("G-001", "p.one")
    assert mapping is not None and (mapping.status, mapping.rationale) == ("rejected", "Because")
    project.decide_mapping("G-001", "p.two", "accepted")
    project.decide_mapping("G-002", "p.one", "accepted")
    assert project.accepted_by_gap() == {"G-001": ["p.two"], "G-002": ["p.one"]}
    assert project.accepted_practices("G-001") == ["p.two"]
    project.undo_mapping("G-001", "p.one")
    assert project.mapping("G-001", "p.one") is None


def test_dismissing_twice_is_remembered_once(project: Project) -> None:
    project.dismiss("gap-area:x", reason="Not now")
    project.dismiss("gap-area:x")
    assert project.is_dismissed("gap-area:x") and len(project.dismissed) == 1


def test_plan_items_by_kind_and_removal_drops_dependencies(project: Project) -> None:
    pilot = project.add_plan_item("Pilot")
    dive = project.add_plan_item("Dive", kind="deep-dive")
    milestone = project.add_plan_item("Live", kind="milestone", weeks=0, depends_on=[pilot.id, dive.id])
    assert (pilot.id, dive.id, milestone.id) == ("P-1", "D-1", "MS-1")
    assert "kind" not in pilot.model_fields_set, "the default kind is not written to the file"
    project.remove_plan_item(pilot.id)
    assert milestone.depends_on == [dive.id]
    assert project.pilot(pilot.id) is None


def test_next_steps_and_metrics(project: Project) -> None:
    step = project.add_next_step("Send the proposal", step="next-steps.1", owner="Sam")
    assert project.next_step(step.id) is step and step.owner == "Sam"
    metric = project.add_metric(text="Deploy in hours", baseline=3, target=48)
    assert project.metric(metric.id) is metric and metric.target == 48


def test_ids_must_be_unique_and_answers_single() -> None:
    with pytest.raises(ValidationError, match="used twice"):
        Project.model_validate(
            {"project": {"name": "x"}, "gaps": [{"id": "G-1", "title": "a"}, {"id": "G-1", "title": "b"}]}
        )
    with pytest.raises(ValidationError, match="a second time"):
        Project.model_validate(
            {
                "project": {"name": "x"},
                "answers": [{"question": "q", "session": "s"}, {"question": "q", "session": "s"}],
            }
        )


def test_answer_look_up_follows_the_list_as_it_changes(project: Project) -> None:
    from workbench.model.records import Answer

    for number in range(5):
        project.answers.append(Answer(question=f"q.{number}", session="executive-1"))
    assert project.answer("q.3", "executive-1") is project.answers[3]
    project.answers.pop(0)  # positions remembered a moment ago are now one off
    assert project.answer("q.3", "executive-1") is project.answers[2]
    assert project.answer("q.0", "executive-1") is None
    replacement = Answer(question="q.9", session="executive-1")
    project.answers[2] = replacement  # q.3 is gone, q.9 took its place
    assert project.answer("q.3", "executive-1") is None
    assert project.answer("q.9", "executive-1") is replacement
    project.answers.insert(0, Answer(question="q.0", session="executive-1"))
    assert [project.answer(f"q.{n}", "executive-1") for n in (0, 1, 2, 4, 9)] == [
        project.answers[i] for i in (0, 1, 2, 4, 3)
    ]
    assert project.answer("q.1", "other") is None


def test_session_tags_are_unique_in_a_project_and_stable_once_used(project: Project) -> None:
    """#14 fresh-eyes 7: `data-1` and `delivery-1` both had tag `d1`, so their new ids collided."""
    project.sessions = [project.new_session("data-science")]  # data-1? named by its template
    project.sessions[0].id = "data-1"
    data_quote = project.hear("b:q", "data-1", "quote")
    later = project.new_session("")
    later.id = "delivery-1"
    project.sessions.append(later)
    delivery_quote = project.hear("b:q", "delivery-1", "quote")
    assert (data_quote.id, delivery_quote.id) == ("H-d1-01", "H-de1-01")
    assert project.raise_gap("Data's", session="data-1").id == "G-d1-01"
    assert project.raise_gap("Delivery's", session="delivery-1").id == "G-de1-01"
    assert project.session_tags() == {"data-1": "d1", "delivery-1": "de1"}
    # stable once used: delivery-1 keeps de1 even listed first, and data-1 keeps d1
    project.sessions.reverse()
    assert project.session_tags() == {"delivery-1": "de1", "data-1": "d1"}
    # a tag in use by records of a session that is gone stays taken
    project.sessions = [s for s in project.sessions if s.id != "data-1"]
    dev = project.new_session("")
    dev.id = "dev-1"
    project.sessions.append(dev)
    assert project.session_tags()["dev-1"] not in ("d1", "de1")
    assert project.hear("b:q", "dev-1", "q").id == "H-dev1-01"


def test_sessions_whose_records_share_a_tag_both_keep_it(project: Project) -> None:
    """A file written before tags were unique, or a session the merge driver renumbered: both
    sessions' quotes say d1; each keeps the tag its records carry (#14 fix14b 2), and the
    numbers stay unique."""
    for session_id in ("data-1", "delivery-1"):
        session = project.new_session("")
        session.id = session_id
        project.sessions.append(session)
    project.heard = [
        project.new_heard("b:q", "data-1").model_copy(update={"id": "H-d1-01"}),
        project.new_heard("b:q", "delivery-1").model_copy(update={"id": "H-d1-02"}),
    ]
    tags = project.session_tags()
    assert (tags["data-1"], tags["delivery-1"]) == ("d1", "d1")
    assert project.hear("b:q", "delivery-1", "q").id == "H-d1-03"
    assert project.hear("b:q", "data-1", "q").id == "H-d1-04"
