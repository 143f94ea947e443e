"""Issue #12 walkthrough (v2 item 5): raw ids where a reader expects names. Map ▸ Warnings said
"ds.standard-deployment-path needs tv.model-registry, which is neither mapped nor planned", a
practice's detail "Prerequisites: tv.model-registry" and "a prerequisite of accepted …", and the
"Check before sending" notes "(session ml-1, discovery:model-deployment.current…)". Each now names
the practice by its title (its id after it in brackets, to find it by) and the question by its words."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.helpers import ready, run_cli, until
from tests.test_map_practice_detail import show_practice
from workbench.analysis.mapping import mapping_warnings, suggest_practices
from workbench.banks import load_catalogue
from workbench.export.left_out import notes_left_out
from workbench.store.files import ProjectFile, load_project


def test_a_mapping_warning_names_the_practices() -> None:
    catalogue = load_catalogue()
    project = load_project(Path(__file__).parent.parent / "projects" / "example.toml")
    project.decide_mapping("G-004", "fe.streaming-features", "accepted")
    messages = [w.message for w in mapping_warnings(project, catalogue)]
    streaming = catalogue.practices["fe.streaming-features"].title
    store = catalogue.practices["fe.feature-store"].title
    assert (
        f"{streaming} (fe.streaming-features) needs {store} (fe.feature-store), "
        "which is neither mapped nor planned"
    ) in messages


def test_a_suggestions_reason_names_the_practice_it_is_a_prerequisite_of(example: Path) -> None:
    catalogue = load_catalogue()
    project = load_project(example)
    gap = project.gap("G-004")
    assert gap is not None
    by_id = {s.practice.id: s for s in suggest_practices(project, catalogue, gap)}
    title = catalogue.practices["fe.feature-catalogue"].title
    reasons = by_id["fe.feature-pipelines-as-code"].reasons
    assert f"a prerequisite of accepted {title} (fe.feature-catalogue)" in reasons


def test_the_notes_left_out_name_the_question_by_its_words(example: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    catalogue = load_catalogue()
    project_file = ProjectFile.load(example)
    answer = next(a for a in project_file.project.answers if a.status == "answered" and a.notes)
    answer.notes = "Ask Marta for the numbers."
    project_file.save()
    words = catalogue.questions[answer.question].text
    said = notes_left_out(load_project(example), catalogue)
    assert f"“Ask Marta for the numbers.” (session {answer.session}, question “{words}”)" in said
    assert not any(answer.question in line for line in said)
    code, out, _ = run_cli(["export", str(example), "-o", str(example.parent / "p.md")], capsys)
    assert code == 0
    assert f"question “{words}”" in out and f", {answer.question})" not in out


async def test_the_practice_detail_names_its_prerequisites(example: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    catalogue = load_catalogue()
    practice = catalogue.practices["ds.standard-deployment-path"]
    assert practice.prerequisites
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        detail, _ = await show_practice(app, pilot, practice.id)
        named = "; ".join(f"{catalogue.practices[p].title} ({p})" for p in practice.prerequisites)
        assert f"Prerequisites: {named}" in detail.plain
        await pilot.press("f4")
        warnings = app.screen.query_one("#map-warning-text", Static)
        assert await until(pilot, lambda: "G-010" in str(warnings.render()))
