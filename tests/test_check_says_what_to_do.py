"""u6: every problem `workbench check` finds in a hand-edited project is one sentence with the
file, the line and the column of the value that is wrong (the key, for a field that does not
exist), and what to do; the app, given the same file, says the same sentence and writes nothing.

Each case breaks a copy of projects/example.toml as a person with an editor would (one line
changed, comments kept), runs `workbench check` as a person does (the installed command, in its
own process), then opens the file in the app."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from tests.conftest import EXAMPLE
from tests.helpers import run_cli, until

WORKBENCH = Path(sys.executable).with_name("workbench")
"""The command a person runs (installed beside this Python)."""

# (the text to change, its replacement, the field named, what the column points at, the action)
CASES: dict[str, tuple[str, str, str, str, str]] = {
    "a practice no guide has, in a mapping": (
        'practice = "ds.cicd-for-ml"', 'practice = "ds.no-such"',
        "mappings[1].practice", '"ds.no-such"', "`workbench banks --ids practices` lists, or remove this [[mappings]]",
    ),
    "a gap the file does not have, in a mapping": (
        'gap = "G-001"\npractice = "ds.cicd-for-ml"', 'gap = "G-404"\npractice = "ds.cicd-for-ml"',
        "mappings[1].gap", '"G-404"', "write 'G-004' (the nearest), another id of a [[gaps]] record",
    ),
    "an unknown area": (
        'area = "model-training"', 'area = "model-trainin"',
        "gaps[2].area", '"model-trainin"', "write 'model-training' (the nearest)",
    ),
    "a blank area (x2)": (
        'area = "model-training"', 'area = ""',
        "gaps[2].area", '""', "the gap's area is blank; write the id of the area it belongs to, one that `workbench banks",
    ),
    "an unknown follow-up item": (
        'step = "next-steps.1"', 'step = "next-step-1"',
        "next_steps[0].step", '"next-step-1"', "`workbench banks --ids follow-ups` lists, or remove the line",
    ),
    "an unknown session template": (
        'template = "executive"', 'template = "executiv"',
        "sessions[0].template", '"executiv"', "write 'executive' (the nearest)",
    ),
    "an unknown question id": (
        'question = "requirements:deploy.business.1"', 'question = "requirements:deploy.business.99"',
        "answers[33].question", '"requirements:deploy.business.99"', "`workbench banks --questions` lists",
    ),
    "an unknown pain indicator": (
        'indicator = "discovery:business-impact.pain.1"', 'indicator = "discovery:business-impact.pain.9"',
        "heard[0].indicator", '"discovery:business-impact.pain.9"', "or remove this [[heard]] record",
    ),
    "a question where a pain indicator belongs": (
        'indicator = "discovery:business-impact.pain.1"', 'indicator = "discovery:business-impact.discovery.3"',
        "heard[0].indicator", '"discovery:business-impact.discovery.3"', "is a question, not a pain indicator; write",
    ),
    "an unknown success-metric template": (
        'template = "discovery:model-deployment.metric.1"', 'template = "discovery:model-deploy.metric.1"',
        "metrics[0].template", '"discovery:model-deploy.metric.1"', "say what is measured in `text = …`",
    ),
    "a practice no guide has, second in a plan item's list": (
        'practices = ["tv.model-registry", "ds.standard-deployment-path"',
        'practices = ["tv.model-registry", "ds.standard-deploy-path"',
        "pilots[1].practices[1]", '"ds.standard-deploy-path"', "remove it from the item's practices list",
    ),
    "a plan dependency on nothing": (
        'depends_on = ["P-3"]', 'depends_on = ["P-33"]',
        "pilots[4].depends_on[0]", '"P-33"', "correct the id, or remove it from the item's depends_on list",
    ),
    "a loop in the plan": (
        "weeks = 0\nstart = 5", 'weeks = 0\nstart = 5\ndepends_on = ["P-6"]',
        "pilots[6].depends_on[0]", '"MS-2"', "remove P-6's dependency on MS-2 or another link",
    ),
    "evidence from a session the file does not have": (
        '"discovery:model-training.discovery.2@data-1"]', '"discovery:model-training.discovery.2@data-9"]',
        "gaps[2].evidence[1]", '"discovery:model-training.discovery.2@data-9"', "or remove it from the gap's evidence",
    ),
    "an unknown bank": (
        'banks = ["discovery", "requirements"]', 'banks = ["discovery", "requirement"]',
        "project.banks[1]", '"requirement"', "write 'requirements' (the nearest)",
    ),
    "a proposal language that is not a tag": (
        'firm = "Kestrel Data Consulting"', 'firm = "Kestrel Data Consulting"\nlanguage = "english"',
        "proposal.language", '"english"', "write one such as en-GB or de-DE, or remove the line",
    ),
    "a metric with neither template nor text": (
        'template = "discovery:model-deployment.metric.3"\n', "",
        "metrics[4]", "[[metrics]]", "add a `text = …` line",
    ),
    # The file does not validate: the app refuses to open it.
    "a gap id used twice": (
        'id = "G-002"', 'id = "G-001"', "gaps[1].id", '"G-001"', "give each record its own id",
    ),
    "a question answered twice in a session": (
        'question = "discovery:platform-evaluation.evaluation.3"', 'question = "requirements:deploy.business.1"',
        "answers[33].question", '"requirements:deploy.business.1"', "keep one of the two answers",
    ),
    "a day that does not exist": (
        "date = 2026-11-17", "date = 2026-11-31", "", "2026-11-31", "write it as YYYY-MM-DD",
    ),
    "a date in words": (
        "date = 2026-11-17", 'date = "next tuesday"', "sessions[1].date", '"next tuesday"', "write the day as YYYY-MM-DD",
    ),
    "a due date in quotes": (
        "due = 2026-12-04", 'due = "2026-12-04"', "next_steps[1].due", '"2026-12-04"', "remove the quotes",
    ),
    "an impact above the scale": (
        "impact = 5\ncomplexity = 2", "impact = 9\ncomplexity = 2", "gaps[1].impact", "9", "write one from 1 to 5",
    ),
    "a current maturity of 0": (
        "current = 2\ntarget = 4", "current = 0\ntarget = 4", "answers[0].current", "0", "write one from 1 to 5",
    ),
    "a score in quotes": (
        "impact = 4\ncomplexity = 2", 'impact = "4"\ncomplexity = 2', "gaps[2].impact", '"4"', "remove the quotes",
    ),
    "weeks below zero": (
        'weeks = 3\n\n[[pilots]]', 'weeks = -1\n\n[[pilots]]', "pilots[0].weeks", "-1", "write one from 0 to 520",
    ),
    "a threshold above the scale": (
        "impact_threshold = 3", "impact_threshold = 7", "settings.matrix.impact_threshold", "7", "write one from 1 to 5",
    ),
    "a gap status that does not exist": (
        'status = "accepted"\nowner = "Jonas', 'status = "done"\nowner = "Jonas',
        "gaps[0].status", '"done"', "write one of these",
    ),
    "a plan item kind that does not exist": (
        'kind = "deep-dive"', 'kind = "workshop"', "pilots[5].kind", '"workshop"', "write one of these",
    ),
    "an id with a space": (
        'id = "G-010"', 'id = "G 010"', "gaps[9].id", '"G 010"', "write the id with only those",
    ),
    "a misspelt field": (
        'owner = "Mei Chen"\nweeks = 2', 'ownr = "Mei Chen"\nweeks = 2', "pilots[6].ownr", "ownr", "remove it",
    ),
}

SENTENCE = re.compile(
    r"workbench: (?P<file>\S+), line (?P<line>\d+), column (?P<column>\d+)(?:, (?P<field>[^:\s]+))?: "
    r"(?P<what>[^\n]+); (?P<action>[^\n]+)"
)
ACTION = re.compile(r"\b(write|remove|add|keep|correct|put|rename|give|check)\b")
"""An action starts with one of these verbs (or names one after a comma)."""


def broken_copy(folder: Path, case: str) -> Path:
    """The example with one line changed as in an editor (the rest, comments too, as they were)."""
    old, new, *_ = CASES[case]
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path = folder / "engagement.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def check(path: Path) -> tuple[int, str, str]:
    """`workbench check PATH`, run as a person runs it."""
    done = subprocess.run(
        [str(WORKBENCH), "check", str(path)], capture_output=True, text=True, cwd=path.parent, timeout=120
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("case", CASES)
def test_check_names_the_line_the_column_of_what_is_wrong_and_what_to_do(case: str, tmp_path: Path) -> None:
    _, _, field, wrong, action = CASES[case]
    path = broken_copy(tmp_path, case)
    before = path.read_bytes()
    code, out, err = check(path)
    assert (code, out) == (1, ""), err
    assert "Traceback" not in err and "Error:" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    found = SENTENCE.fullmatch(lines[0])
    assert found is not None, lines[0]
    assert found["file"] == str(path)
    assert (found["field"] or "") == field, lines[0]
    written = path.read_text(encoding="utf-8").splitlines()[int(found["line"]) - 1]
    assert written[int(found["column"]) - 1 :].startswith(wrong), (written, lines[0])
    assert action in lines[0], lines[0]
    assert ACTION.search(found["action"]), lines[0]
    assert path.read_bytes() == before


def said_on_exit(app: Any) -> list[str]:
    """Collect what the app says as it ends (the line printed when it closes)."""
    said: list[str] = []
    close = app.exit

    def recording(*args: Any, **kwargs: Any) -> None:
        message = kwargs.get("message", args[2] if len(args) > 2 else None)
        if message is not None:
            said.append(str(message))
        close(*args, **kwargs)

    app.exit = recording
    return said


@pytest.mark.parametrize("case", CASES)
async def test_the_app_says_the_same_sentence_and_writes_nothing(
    case: str, tmp_path: Path, make_app: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken_copy(tmp_path, case)
    before = path.read_bytes()
    code, _, err = run_cli(["check", str(path)], capsys)  # (in this process: the test above runs it as a person does)
    assert code == 1
    sentence = err.splitlines()[0]
    app = make_app(path)
    said = said_on_exit(app)
    shown = ""
    async with app.run_test(size=(80, 24)) as pilot:
        if await until(pilot, lambda: said or app.screen.query("#file-problems")) and not said:
            shown = str(app.screen.query_one("#file-problems", Static).render())
    if said:  # the file does not validate: the app ends with check's sentence
        assert said[0].splitlines()[0] == sentence
    else:  # it opens, and a banner says what check says (the file named from its folder)
        assert sentence.replace(f"workbench: {path}", f"{path.name}", 1) in shown.replace("\n", " "), shown
        assert "Quit, fix it in the file and open the project again" in shown
    assert "Traceback" not in "".join(said) + shown
    assert path.read_bytes() == before
