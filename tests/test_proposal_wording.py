"""Generated sentences read right for none, one and many (issue 15, fresh eyes 5, findings 4 and 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.proposal_text import tables
from tests.test_proposal import export
from workbench.banks import load_catalogue
from workbench.export.context import ProposalContext
from workbench.export.narrative import draft
from workbench.export.options import SECTIONS, ProposalOptions
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import Answer, Attendee, Gap, PlanItem, Session

CATALOGUE = load_catalogue()
# impact, complexity of a gap of each quadrant (thresholds 3 and 3 by default)
QUADRANTS = {"quick-win": (5, 1), "strategic": (5, 5), "fill-in": (1, 1), "deprioritise": (1, 5)}


def project(
    *,
    sessions: int = 1,
    gaps: dict[str, int] | None = None,
    pilots: int = 0,
    dives: int = 0,
    scores: list[int] | None = None,
) -> Project:
    """A project with the given counts of sessions, gaps by quadrant, plan items and area scores."""
    made = Project.model_validate({"project": {"name": "p", "client": "Acme Corp", "created": TODAY}})
    for n in range(sessions):
        made.sessions.append(
            Session(id=f"s-{n}", template="executive", attendees=[Attendee(name=f"Person {n}", role="CTO")])
        )
    number = 0
    for kind, amount in (gaps or {}).items():
        impact, complexity = QUADRANTS[kind]
        for _ in range(amount):
            number += 1
            made.gaps.append(
                Gap(id=f"G-{number:03}", title=f"{kind} gap {number}", impact=impact, complexity=complexity)
            )
    made.pilots += [PlanItem(id=f"P-{n}", title=f"Pilot {n}", weeks=2) for n in range(pilots)]
    made.pilots += [PlanItem(id=f"D-{n}", kind="deep-dive", title=f"Dive {n}", weeks=1) for n in range(dives)]
    areas = list(dict.fromkeys(q.area for q in CATALOGUE.questions.values()))
    for area, score in zip(areas, scores or [], strict=False):
        question = next(key for key, q in CATALOGUE.questions.items() if q.area == area)
        made.answers.append(Answer(question=question, session="s-0", current=score, target=4))
    return made


def text(made: Project, name: str, catalogue: Catalogue = CATALOGUE) -> str:
    return draft(ProposalContext(made, catalogue, ProposalOptions(today=TODAY)), name)


@pytest.mark.parametrize("amount", [0, 1, 4])
def test_recommendations_for_none_one_and_many_quick_wins(amount: int) -> None:
    written = text(project(gaps={"quick-win": amount, "strategic": 1}), "recommendations")
    assert "the 0" not in written and "the 1 " not in written
    if amount == 0:
        assert written.startswith("Start with the strategic initiative, which needs more time")
    elif amount == 1:
        assert written.startswith("Start with the quick win: high impact and low complexity, closed within")
        assert "Then the strategic initiative, which needs more time" in written
    else:
        assert written.startswith("Start with the 4 quick wins: high impact and low complexity, each closed")


@pytest.mark.parametrize("amount", [0, 1, 3])
def test_recommendations_for_none_one_and_many_strategic_initiatives(amount: int) -> None:
    written = text(project(gaps={"quick-win": 1, "strategic": amount, "fill-in": 1}), "recommendations")
    if amount == 0:
        assert "strategic" not in written
    elif amount == 1:
        assert "Then the strategic initiative, which needs more time" in written
    else:
        assert "Then the 3 strategic initiatives, which need more time" in written
    assert "fill-ins" in written and "deprioritised" not in written  # only the quadrants that have gaps


def test_recommendations_without_gaps_or_high_impact_ones() -> None:
    assert "quick win" not in text(project(), "recommendations")
    low = text(project(gaps={"fill-in": 2}), "recommendations")
    assert "Start with" not in low and "None of the gaps is of high business impact" in low


@pytest.mark.parametrize(
    ("pilots", "dives", "approve"),
    [
        (1, 0, "approve the pilot over"),
        (0, 1, "approve the deep-dive over"),
        (1, 1, "approve the pilot and the deep-dive over"),
        (6, 1, "approve the 6 pilots and the deep-dive over"),
        (2, 3, "approve the 2 pilots and the 3 deep-dives over"),
    ],
)
def test_the_decision_names_the_work_for_one_and_many(pilots: int, dives: int, approve: str) -> None:
    assert approve in text(project(pilots=pilots, dives=dives), "decision")


@pytest.mark.parametrize(
    ("scores", "expected", "absent"),
    [
        ([], "To be written after the sessions.", "most developed"),
        ([1], "the one area we scored, is at 1.0 of 5", "base to build on"),
        ([1, 1, 1], "every area we scored is at an early stage (1.0 of 5 at most)", "base to build on"),
        ([2, 1], "Furthest along today:", "early stage"),
        ([4, 3, 1], "Established practice today:", "early stage"),
    ],
)
def test_what_is_working_well_never_calls_the_lowest_score_a_strength(
    scores: list[int], expected: str, absent: str
) -> None:
    written = text(project(sessions=1, scores=scores), "working_well")
    assert expected in written and absent not in written


@pytest.mark.parametrize("sessions", [0, 1, 3])
@pytest.mark.parametrize("gaps", [0, 1, 5])
def test_the_summary_for_none_one_and_many_sessions_and_gaps(sessions: int, gaps: int) -> None:
    written = text(project(sessions=sessions, gaps={"quick-win": gaps}), "executive_summary")
    assert "0 " not in written.replace("100", "")
    if sessions == 0:
        assert written.startswith("No discovery session with Acme Corp has been held yet")
    else:
        people = "1 person" if sessions == 1 else f"{sessions} people"
        session_word = "session" if sessions == 1 else "sessions"
        assert written.startswith(f"Over {sessions} discovery {session_word} with {people} from Acme Corp")
    if gaps == 0:
        assert "recorded no gap" in written
    elif gaps == 1:
        assert "found 1 gap between" in written and "the most pressing is quick-win gap 1." in written
    else:
        assert (
            f"found {gaps} gaps" in written
            and "the most pressing: quick-win gap 1; quick-win gap 2;" in written
        )


def test_the_summary_never_calls_a_fill_in_pressing() -> None:
    """Fresh eyes 5: the summary listed a fill-in among "the most pressing" gaps."""
    written = text(project(gaps={"quick-win": 1, "fill-in": 3, "deprioritise": 1}), "executive_summary")
    assert "the most pressing is quick-win gap 1." in written
    assert "fill-in gap" not in written and "deprioritise gap" not in written
    only_low = text(project(gaps={"fill-in": 2}), "executive_summary")
    assert "found 2 gaps" in only_low and "pressing" not in only_low


def test_a_redacted_lead_of_ours_is_named_once(example: Path) -> None:
    """Fresh eyes 5, finding 4: "Lead  Kestrel Data Consulting (Kestrel Data Consulting)"."""
    path = export(example, sections=SECTIONS, redact=True)
    leads = [row[1] for t in tables(path) if t[0][0] == "Scope" for row in t if row[0] == "Lead"]
    assert "Kestrel Data Consulting" in leads
    assert all(lead.count("Kestrel") <= 1 for lead in leads), leads
    plain = export(example, sections=SECTIONS)
    leads = [row[1] for t in tables(plain) if t[0][0] == "Scope" for row in t if row[0] == "Lead"]
    assert "Sam Okafor (Kestrel Data Consulting)" in leads
