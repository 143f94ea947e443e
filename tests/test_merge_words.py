"""The merge's conflicts in a person's words: fields named as a consultant knows them."""

from __future__ import annotations

from tests.conftest import EXAMPLE
from workbench.cli_merge import describe
from workbench.model.field_names import field_name
from workbench.store.merge_text import merge_versions, read_version
from workbench.store.merge_words import APP, Names

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


def renamed(text: str, new: str, template: str) -> str:
    """Session `data-1` given the id `new` by hand (and every reference), and another template."""
    text = text.replace('"data-1"', f'"{new}"').replace('@data-1"', f'@{new}"')
    return text.replace('template = "data-science"', f'template = "{template}"', 1)


def test_a_session_renamed_two_ways_past_telling_is_one_question_that_settles_it() -> None:
    """#14 merge10e 2: both sides gave session data-1 another id and another template, so neither
    rename shows in the session itself: it was a conflict on every quote and metric in it, and
    its answers were kept twice. Now it is one conflict, on its id, naming both new ids and the
    template both changed; the side chosen (as the app's dialog answers it: by that one path)
    gives its id and its template, with each answer once."""
    ours, theirs = renamed(BASE, "ds-a", "ml-engineering"), renamed(BASE, "ds-b", "executive")
    versions = [read_version("t.toml", text.encode()) for text in (BASE, ours, theirs)]
    result = merge_versions(*versions)
    assert [c.path for c in result.conflicts] == [("sessions", "data-1", "id")]
    (conflict,) = result.conflicts
    assert (conflict.ours, conflict.theirs) == ("ds-a", "ds-b")
    sentence = Names([v.data for v in versions]).sentence(conflict, APP)
    assert "both renamed it, differently, and both changed its session template" in sentence
    answers = len(versions[0].data["answers"])
    for side, template in (("ours", "ml-engineering"), ("theirs", "executive")):
        settled = merge_versions(*versions, choose={conflict.path: side}.get)
        assert settled.conflicts == []
        session = "ds-a" if side == "ours" else "ds-b"
        assert next(s for s in settled.data["sessions"] if s["id"] == session)["template"] == template
        assert len(settled.data["answers"]) == answers
        assert {h["session"] for h in settled.data["heard"]} & {"ds-a", "ds-b"} == {session}


def test_a_quote_moved_to_another_pain_indicator_reads_as_the_questions() -> None:
    """A heard quote both sides moved to another pain indicator: the report (and the app's dialog)
    showed the raw references (`discovery:feature-engineering.pain.2`), not the questions."""
    from workbench.banks import load_catalogue

    old = 'indicator = "discovery:business-impact.pain.1"'
    mine = 'indicator = "discovery:feature-engineering.pain.2"'
    yours = 'indicator = "discovery:model-training.pain.1"'
    assert old in BASE
    versions = [
        read_version("t.toml", text.encode())
        for text in (BASE, BASE.replace(old, mine, 1), BASE.replace(old, yours, 1))
    ]
    result = merge_versions(*versions)
    catalogue = load_catalogue(EXAMPLE)
    questions = {ref: q.text for ref, q in catalogue.questions.items()}
    for keys in (True, False):  # the driver's report keeps the reference; the app's dialog doesn't
        names = Names([v.data for v in versions], questions, answer_keys=keys)
        conflict = next(c for c in result.conflicts if c.path[-1] == "indicator")
        shown = [names.value(conflict, v) for v in (conflict.base, conflict.ours, conflict.theirs)]
        texts = [questions[ref.split('"')[1]] for ref in (old, mine, yours)]
        for value, text, ref in zip(shown, texts, (old, mine, yours), strict=True):
            assert value.startswith(f"'{text}'")
            assert (ref.split('"')[1] in value) is keys
    line = describe(conflict, Names([v.data for v in versions], questions))
    assert "''" not in line and questions[mine.split('"')[1]][:20] in line
