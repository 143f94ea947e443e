"""Walkthrough f15a (issue #12): what a new user running a whole session found in Plan and Gaps."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import notifications, ready, saved, until
from workbench.edits.changes import SetFields
from workbench.edits.words import fields_phrase
from workbench.model.project import Project


def pilot_p1(path: Path) -> dict:  # type: ignore[type-arg]
    return next(p for p in saved(path)["pilots"] if p["id"] == "P-1")


async def test_plan_d_says_what_it_did_and_unticking_leaves_no_key(example: Path, make_app) -> None:
    """`d` on a pilot not done wrote done = true but said "not done"; pressing it again said
    "done"; unticking left `done = false` in a file that never had it."""
    from workbench.ui.widgets.plan_pane import PlanPane

    assert "done" not in pilot_p1(example)
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        pane = app.screen.query_one(PlanPane)
        pane.query_one("Gantt").select_item("P-1")  # type: ignore[attr-defined]
        pane.query_one("Gantt").focus()
        shown = notifications(app)
        await pilot.press("d")
        assert await until(pilot, lambda: any(n.startswith("P-1 ") for n in shown)), shown
        notice = next(n for n in shown if n.startswith("P-1 "))
        assert ": done (ctrl+z" in notice, notice
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: pilot_p1(example).get("done") is True)
        await pilot.press("d")
        assert await until(pilot, lambda: any(": not done (ctrl+z" in n for n in shown))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "done" not in pilot_p1(example))


def test_undo_names_a_tick_in_words_not_as_a_python_value() -> None:
    """The undo menu said "set done to True of P-2"."""
    assert fields_phrase({"done": True}) == "mark done"
    assert fields_phrase({"done": False}) == "mark not done"


def test_undoing_an_untick_puts_a_hand_written_false_back(example: Path) -> None:
    """A hand-written `done = false` survives a tick and its undo (undo puts back exactly)."""
    from workbench.store.files import ProjectFile

    text = example.read_text(encoding="utf-8").replace('id = "P-1"\n', 'id = "P-1"\ndone = false\n', 1)
    example.write_text(text, encoding="utf-8")
    file = ProjectFile.load(example)
    project: Project = file.project
    undo = SetFields("pilots", "P-1", {"done": True}).apply(project)
    undo.apply(project)
    file.save()
    assert example.read_text(encoding="utf-8") == text


def test_an_accepted_suggestion_describes_the_gap_in_the_clients_words(example: Path) -> None:
    """Accepting a suggestion wrote the workbench's reasoning into the gap's description, which the
    proposal prints under its quadrant: "Raised from a suggestion: 1 answer puts the target 2 or more
    levels above today (current 1, target 4): “…”; impact 5 allowed: confidence evidenced, not only
    stated." It now holds the client's own words, and nothing for a suggestion nobody's words are behind."""
    from workbench.analysis.gaps import suggestions
    from workbench.banks import load_catalogue
    from workbench.edits.editor import Editor
    from workbench.edits.gaps import RaiseGap
    from workbench.store.files import ProjectFile

    project = ProjectFile.load(example).project
    found = suggestions(project, load_catalogue(example))
    editor = Editor(lambda: project)
    for suggestion in found:
        accept = RaiseGap.from_suggestion(suggestion)
        editor.apply(accept)
        gap = project.gap(accept.gap_id)
        assert gap is not None
        for internal in ("Raised from a suggestion", "impact ", "allowed", "held at", "answer puts", "levels"):
            assert internal not in gap.description, gap.description
    maturity = next(s for s in found if s.key.startswith("maturity:"))
    assert maturity.description.startswith("In discovery: \u201c") and maturity.description.endswith("\u201d")
    assert not next(s for s in found if s.key.startswith("follow-up:")).description


def test_a_template_with_two_units_takes_two_typed_units(example: Path) -> None:
    """"from X hours to Y minutes" has one unit field: typing "hours→minutes" there read "from 250
    hours→minutes to 15 hours→minutes". Two units typed with an arrow are the baseline's and the
    target's; the field suggests the template's own two."""
    from workbench.analysis.metrics import metric_sentence, template_units
    from workbench.banks import load_catalogue
    from workbench.model.records import Metric

    catalogue = load_catalogue(example)
    question = "discovery:model-monitoring.metric.2"
    assert template_units(catalogue.questions[question]) == "hours → minutes"
    for typed in ("hours→minutes", "hours -> minutes", "hours → minutes"):
        metric = Metric(id="M-9", template=question, baseline=250, target=15, unit=typed)
        sentence = metric_sentence(metric, catalogue)
        assert "from 250 hours to 15 minutes" in sentence, sentence
