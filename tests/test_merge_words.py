"""The merge's conflicts in a person's words: fields named as a consultant knows them."""

from __future__ import annotations

from tests.conftest import EXAMPLE
from workbench.cli_merge import describe
from workbench.model.field_names import field_name
from workbench.store.merge_text import merge_versions, read_version
from workbench.store.merge_words import Names

BASE = EXAMPLE.read_text()


def report(ours: str, theirs: str) -> list[str]:
    """The driver's conflict lines for a merge of two edits of the example."""
    versions = [read_version("t.toml", text.encode()) for text in (BASE, ours, theirs)]
    result = merge_versions(*versions)
    names = Names([v.data for v in versions])
    return [describe(conflict, names) for conflict in result.conflicts]


def test_fields_are_named_as_a_consultant_knows_them() -> None:
    """`current` is the current maturity, a metric's `target` its target value, a plan item's
    `weeks` its length in weeks (the report said `current`, `target`, `weeks`)."""
    edits = [
        ("current = 2\ntarget = 4", "current = 3\ntarget = 4", "current = 4\ntarget = 4"),
        ("baseline = 3\ntarget = 48", "baseline = 3\ntarget = 24", "baseline = 3\ntarget = 12"),
        ('follow_up_with = "', 'follow_up_with = "Ours: ', 'follow_up_with = "Theirs: '),
    ]
    ours, theirs = BASE, BASE
    for old, mine, yours in edits:
        assert old in BASE
        ours, theirs = ours.replace(old, mine, 1), theirs.replace(old, yours, 1)
    lines = report(ours, theirs)
    assert any(": current maturity: base 2, ours 3, theirs 4" in line for line in lines), lines
    assert any(line.startswith("Metric ") and ": target value: base 48, ours 24, theirs 12" in line for line in lines)
    assert any(": follow up with: base '" in line for line in lines)
    assert not any("follow_up_with" in line or ": current:" in line for line in lines)


def test_a_deleted_plan_item_edited_on_the_other_side_names_the_field_edited() -> None:
    at = BASE.index('[[pilots]]\nid = "P-1"')
    block_end = BASE.index("\n[[", at + 1)
    block = BASE[at:block_end]
    assert "weeks = " in block
    weeks = next(line for line in block.splitlines() if line.startswith("weeks = "))
    deleted = BASE[:at] + BASE[block_end + 1 :]
    edited = BASE.replace(block, block.replace(weeks, "weeks = 11"), 1)
    lines = report(deleted, edited)
    assert any("length in weeks " in line and "-> 11" in line for line in lines), lines


def test_field_names_depend_on_the_record() -> None:
    assert field_name("answers", "target") == "target maturity"
    assert field_name("metrics", "target") == "target value"
    assert field_name("sessions", "template") == "session template"
    assert field_name("gaps", "some_new_field") == "some new field"
