"""Backlog export: gaps, accepted practices, pilots and next steps as work items for the client's tracker."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE
from tests.helpers import run_cli as run
from workbench.banks import load_catalogue
from workbench.export.backlog import backlog_items, render
from workbench.store.files import load_project

# The columns each tracker's CSV import documents (Jira: External System Import; Azure Boards:
# "Import work items from a CSV file", with Title 1..3 for the tree).
JIRA_HEADERS = {
    "Issue Id",
    "Parent Id",
    "Issue Type",
    "Summary",
    "Epic Name",
    "Description",
    "Priority",
    "Labels",
    "Assignee",
    "Due Date",
}
AZURE_HEADERS = [
    "ID",
    "Work Item Type",
    "Title 1",
    "Title 2",
    "Title 3",
    "Description",
    "Priority",
    "Tags",
    "Assigned To",
]


@pytest.fixture(scope="module")
def items():  # type: ignore[no-untyped-def]
    return backlog_items(load_project(EXAMPLE), load_catalogue(EXAMPLE))


def test_every_gap_pilot_accepted_practice_and_next_step_is_an_item(items) -> None:  # type: ignore[no-untyped-def]
    project = load_project(EXAMPLE)
    keys = {i.key.split(":", 1)[1] for i in items}
    assert {g.id for g in project.gaps} <= keys
    assert {p.id for p in project.pilots} <= keys
    assert {n.id for n in project.next_steps} <= keys
    accepted = sum(len(v) for v in project.accepted_by_gap().values())
    assert sum(1 for i in items if "practice" in i.labels) == accepted
    pilots = [i for i in items if i.key.endswith(":P-1")]
    assert pilots[0].kind == "epic"


def test_items_carry_evidence_labels_priority_and_parents(items) -> None:  # type: ignore[no-untyped-def]
    project = load_project(EXAMPLE)
    by_key = {i.key: i for i in items}
    gap = next(i for i in items if i.key.endswith(":G-003"))
    assert "What we found:" in gap.description and "Heard (" in gap.description
    assert {"quick-win", "model-training"} <= set(gap.labels)
    assert gap.priority == 1
    pilot_with_gap = next(p for p in project.pilots if "G-003" in p.gaps)
    assert by_key[gap.parent].title == pilot_with_gap.title
    practice = next(i for i in items if i.parent == gap.key)
    assert practice.kind == "task" and by_key[practice.parent] is gap
    step = next(i for i in items if i.key.endswith(":N-1"))
    assert step.kind == "task"


def test_keys_are_stable_across_exports(items) -> None:  # type: ignore[no-untyped-def]
    again = backlog_items(load_project(EXAMPLE), load_catalogue(EXAMPLE))
    assert [i.key for i in again] == [i.key for i in items]
    first = render(items, "jira")
    assert render(again, "jira") == first


def test_jira_csv_has_the_documented_columns_and_links_parents(items) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.reader(io.StringIO(render(items, "jira"))))
    assert set(rows[0]) == JIRA_HEADERS
    header = rows[0]
    records = [dict(zip(header, r, strict=False)) for r in rows[1:]]
    ids = {r["Issue Id"] for r in records}
    assert all(r["Parent Id"] in ids for r in records if r["Parent Id"])
    assert {r["Issue Type"] for r in records} == {"Epic", "Story", "Task"}
    assert {r["Priority"] for r in records} <= {"Highest", "High", "Medium", "Low"}
    for row in rows[1:]:
        labels = [v for h, v in zip(header, row, strict=False) if h == "Labels" and v]
        assert all(" " not in label for label in labels)
        assert any(label.startswith("wb-") for label in labels)


def test_azure_csv_has_the_documented_columns_and_a_tree(items) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.reader(io.StringIO(render(items, "azure"))))
    assert rows[0] == AZURE_HEADERS
    kinds = {r[1] for r in rows[1:]}
    assert kinds == {"Epic", "User Story", "Task"}
    assert all(r[0] == "" for r in rows[1:])  # new items: no ID
    for previous, row in itertools.pairwise(rows[1:]):
        depth = next(i for i in range(3) if row[2 + i])
        previous_depth = next(i for i in range(3) if previous[2 + i])
        assert depth <= previous_depth + 1  # a child comes straight after its parent's subtree


def test_github_json_feeds_gh_issue_create(items) -> None:  # type: ignore[no-untyped-def]
    issues = json.loads(render(items, "github"))
    assert len(issues) == len(items)
    for issue in issues:
        assert issue["title"] and isinstance(issue["labels"], list)
        assert f"<!-- workbench:{issue['id']} -->" in issue["body"]


def test_cli_writes_each_format_and_refuses_to_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("jira", "azure", "github", "csv"):
        target = tmp_path / f"backlog.{fmt}"
        code, out, _ = run(["backlog", str(EXAMPLE), "--format", fmt, "-o", str(target)], capsys)
        assert code == 0 and target.exists()
        assert "next:" in out
    code, _, err = run(
        ["backlog", str(EXAMPLE), "--format", "csv", "-o", str(tmp_path / "backlog.csv")], capsys
    )
    assert code == 1
    assert err.strip() == (
        f"workbench: {tmp_path / 'backlog.csv'} already exists; add --force to replace it, or -o to write another file"
    )
