"""The three-way merge of project files: data, text, conflicts, and the driver's bad inputs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import tomli
from hypothesis import given, settings

from tests.conftest import EXAMPLE
from tests.typed_text import typed_text
from workbench.model.project import Project
from workbench.store.files import ProjectFile
from workbench.store.layout import cut
from workbench.store.merge3 import ABSENT, always, merge_data
from workbench.store.merge_text import Version, conflict_text, merge_versions, read_version
from workbench.store.sync import merge_with_disk

BASE = EXAMPLE.read_text()


def version(text: str) -> Version:
    return read_version("t.toml", text.encode())


def merge(ours: str, theirs: str, base: str = BASE) -> tuple[str, list[str]]:
    result = merge_versions(version(base), version(ours), version(theirs))
    return result.text, [c.where for c in result.conflicts]


def test_edits_to_different_records_merge_and_keep_both_sides_comments() -> None:
    ours = BASE.replace('facilitator = "Sam Okafor"', 'facilitator = "Sam O."  # shortened')
    theirs = BASE.replace(
        'id = "G-006"\ntitle = "No data-quality checks at ingestion"',
        '# Priya disagrees with the title\nid = "G-006"\ntitle = "Data quality is checked late"',
    )
    text, conflicts = merge(ours, theirs)
    assert conflicts == []
    assert 'facilitator = "Sam O."  # shortened' in text
    assert '# Priya disagrees with the title\nid = "G-006"\ntitle = "Data quality is checked late"' in text
    assert text.count("\n") == BASE.count("\n") + 1


def test_a_comment_added_by_theirs_to_a_record_ours_left_alone_survives() -> None:
    theirs = BASE.replace('[[gaps]]\nid = "G-002"', '[[gaps]]\nid = "G-002"  # the worst one')
    ours = BASE.replace('title = "No data-quality checks at ingestion"', 'title = "Late data checks"')
    text, conflicts = merge(ours, theirs)
    assert conflicts == []
    assert 'id = "G-002"  # the worst one' in text and 'title = "Late data checks"' in text


def test_both_change_one_record_in_different_fields_and_ours_comment_stays() -> None:
    ours = BASE.replace('id = "G-006"\n', 'id = "G-006"  # ours\n').replace(
        'title = "No data-quality checks at ingestion"', 'title = "Late data checks"'
    )
    record = BASE.index('id = "G-006"\n')
    impact = BASE.index("impact = 2\n", record)
    theirs = BASE[:impact] + "impact = 5\n" + BASE[impact + len("impact = 2\n") :]
    text, conflicts = merge(ours, theirs)
    assert conflicts == []
    gap = next(g for g in tomli.loads(text)["gaps"] if g["id"] == "G-006")
    assert (gap["title"], gap["impact"]) == ("Late data checks", 5)
    assert 'id = "G-006"  # ours' in text


def test_lists_take_both_sides_additions_and_removals() -> None:
    base = {"project": {"name": "x"}, "gaps": [{"id": "G-1", "title": "t", "evidence": ["a", "b", "c"]}]}
    ours = {"project": {"name": "x"}, "gaps": [{"id": "G-1", "title": "t", "evidence": ["a", "c", "d"]}]}
    theirs = {"project": {"name": "x"}, "gaps": [{"id": "G-1", "title": "t", "evidence": ["b", "c", "e"]}]}
    merged = merge_data(base, ours, theirs)
    assert merged.conflicts == []
    assert merged.data["gaps"][0]["evidence"] == ["c", "d", "e"]


def test_a_session_both_sides_created_is_renumbered_and_its_answers_and_links_follow() -> None:
    base = {"project": {"name": "x"}, "sessions": [{"id": "s-1"}]}

    def side(note: str) -> dict[str, object]:
        return {
            "project": {"name": "x"},
            "sessions": [{"id": "s-1"}, {"id": "s-2", "notes": note}],
            "answers": [{"question": "b:q", "session": "s-2", "notes": note}],
            "gaps": [{"id": "G-1", "title": note, "evidence": ["b:q@s-2"], "source": "follow-up:b:q@s-2"}],
            "dismissed": [{"suggestion": "follow-up:b:r@s-2"}],
        }

    merged = merge_data(base, side("ours"), side("theirs"))
    assert merged.conflicts == []
    assert merged.renumbered == [("sessions", "s-2", "s-3"), ("gaps", "G-1", "G-2")]
    assert merged.data["answers"] == [
        {"question": "b:q", "session": "s-2", "notes": "ours"},
        {"question": "b:q", "session": "s-3", "notes": "theirs"},
    ]
    assert merged.data["gaps"][1] == {
        "id": "G-2",
        "title": "theirs",
        "evidence": ["b:q@s-3"],
        "source": "follow-up:b:q@s-3",
    }
    assert merged.data["dismissed"] == [
        {"suggestion": "follow-up:b:r@s-2"},
        {"suggestion": "follow-up:b:r@s-3"},
    ]


def test_the_same_record_added_on_both_sides_is_kept_once() -> None:
    base = {"project": {"name": "x"}}
    side = {"project": {"name": "x"}, "gaps": [{"id": "G-1", "title": "same"}]}
    merged = merge_data(base, side, dict(side))
    assert (merged.data["gaps"], merged.renumbered) == ([{"id": "G-1", "title": "same"}], [])


def test_deleting_a_gap_the_other_side_now_uses_is_a_conflict_settled_either_way() -> None:
    base = {"project": {"name": "x"}, "gaps": [{"id": "G-1", "title": "t"}]}
    ours = {"project": {"name": "x"}}
    theirs = {
        **base,
        "mappings": [{"gap": "G-1", "practice": "p"}],
        "pilots": [{"id": "P-1", "title": "p", "gaps": ["G-1"]}],
    }
    merged = merge_data(base, ours, theirs)
    assert [(c.where, c.deleted_by, c.used_by) for c in merged.conflicts] == [
        ("gaps G-1", "ours", (("mappings", "G-1/p"), ("pilots", "P-1")))
    ]
    deleted = merge_data(base, ours, theirs, always("ours")).data
    assert "gaps" not in deleted and "mappings" not in deleted
    assert deleted["pilots"] == [{"id": "P-1", "title": "p", "gaps": []}]
    assert theirs["pilots"] == [{"id": "P-1", "title": "p", "gaps": ["G-1"]}], "the sides are not changed"
    kept = merge_data(base, ours, theirs, always("theirs")).data
    assert kept["gaps"] == [{"id": "G-1", "title": "t"}]


def test_a_field_deleted_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    base = {"project": {"name": "x", "client": "c"}}
    merged = merge_data(base, {"project": {"name": "x"}}, {"project": {"name": "x", "client": "d"}})
    assert [(c.where, c.base, c.ours, c.theirs) for c in merged.conflicts] == [
        ("project client", "c", ABSENT, "d")
    ]


def test_conflict_text_marks_only_the_record_in_conflict() -> None:
    ours = BASE.replace('title = "No data-quality checks at ingestion"', 'title = "Ours"').replace(
        'facilitator = "Sam Okafor"', 'facilitator = "Sam O."'
    )
    theirs = BASE.replace('title = "No data-quality checks at ingestion"', 'title = "Theirs"')
    text = conflict_text(version(BASE), version(ours), version(theirs))
    assert text is not None
    assert text.count("<<<<<<< ours") == 1
    assert 'facilitator = "Sam O."' in text
    start, end = text.index("<<<<<<< ours"), text.index(">>>>>>> theirs")
    assert 'title = "Ours"' in text[start:end] and 'title = "Theirs"' in text[start:end]
    chosen = text[:start] + text[start:end].split("=======\n")[1] + text[end:].split("\n", 1)[1]
    assert tomli.loads(chosen) == tomli.loads(
        BASE.replace('title = "No data-quality checks at ingestion"', 'title = "Theirs"').replace(
            'facilitator = "Sam Okafor"', 'facilitator = "Sam O."'
        )
    )


def test_conflicts_in_a_layout_that_cannot_be_cut_are_marked_line_by_line() -> None:
    """#14: where ours' layout can't be cut into records (a header written with quotes), the
    driver left ours unchanged; now every clean change is merged and the lines that differ are
    between markers."""
    quoted = BASE.replace("[[gaps]]", '[["gaps"]]', 1)
    ours = quoted.replace('title = "No data-quality checks at ingestion"', 'title = "Ours"')
    ours = ours.replace('facilitator = "Sam Okafor"', 'facilitator = "Sam O."')
    theirs = quoted.replace('title = "No data-quality checks at ingestion"', 'title = "Theirs"')
    theirs += '\n[[next_steps]]\nid = "N-99"\ntext = "Theirs, clean"\n'
    text = conflict_text(version(quoted), version(ours), version(theirs))
    assert text.count("<<<<<<< ours") == 1
    start, end = text.index("<<<<<<< ours"), text.index(">>>>>>> theirs")
    assert 'title = "Ours"' in text[start:end] and 'title = "Theirs"' in text[start:end]
    for side, title in (("ours", "Ours"), ("theirs", "Theirs")):
        inner = text[start:end].split("=======\n")[0 if side == "ours" else 1].removeprefix("<<<<<<< ours\n")
        settled = tomli.loads(text[:start] + inner + text[end:].split("\n", 1)[1])
        assert next(g for g in settled["gaps"] if g["id"] == "G-006")["title"] == title
        assert settled["project"]["facilitator"] == "Sam O." and settled["next_steps"][-1]["id"] == "N-99"


def test_the_project_table_written_after_the_records_still_merges() -> None:
    moved = BASE.replace('[project]\nname = "Harbour & Pine Retail: MLOps discovery"\n', "") + (
        '\n[project]\nname = "Harbour & Pine Retail: MLOps discovery"\n'
    )
    moved = moved.replace(
        'client = "Harbour & Pine Retail"\nfacilitator = "Sam Okafor"\nbanks = ["discovery", '
        '"requirements"]\ncreated = 2026-11-09\nplan_start = 2026-12-07\n',
        "",
    )
    moved += 'client = "Harbour & Pine Retail"\nfacilitator = "Sam Okafor"\nbanks = ["discovery", "requirements"]\n'
    theirs = moved.replace('title = "No data-quality checks at ingestion"', 'title = "Theirs"')
    ours = moved.replace('facilitator = "Sam Okafor"', 'facilitator = "Sam O."')
    text, conflicts = merge(ours, theirs, base=moved)
    assert conflicts == []
    assert 'title = "Theirs"' in text and 'facilitator = "Sam O."' in text


def test_a_multiline_note_that_looks_like_a_header_is_not_cut() -> None:
    text = BASE.replace(
        'notes = "No checks at ingestion; issues found when a model looks odd."',
        'notes = """No checks.\n[[gaps]]\n# not a comment\n"""',
    )
    assert records_cut(text, tomli.loads(text))
    theirs = text.replace('title = "No data-quality checks at ingestion"', 'title = "Theirs"')
    merged, conflicts = merge(text, theirs, base=text)
    assert conflicts == [] and merged == theirs


@pytest.mark.parametrize(
    "value",
    [
        'notes = """first\n[[gaps]]\nid = "G-999"\n"""',
        "notes = '''a ] and a [\n[[pilots]]\n'''",
        'notes = "a [[gaps]] in a string"  # and [ in a comment',
        'attendees = [\n  { name = "A]" },\n[[x]]\n]'.replace("[[x]]", '{ name = "[[gaps]]" },'),
        'criteria = [\n  "one",\n  ["nested"],\n]',
        "tags = { a = 1,\n b = [2] }".replace(",\n", ", "),
    ],
)
def test_values_over_several_lines_are_never_cut_as_records(value: str) -> None:
    """Whatever a value holds over lines (a header, brackets, braces), each record's block starts
    at its own header and reads back as that record."""
    text = BASE.replace('notes = "No checks at ingestion; issues found when a model looks odd."', value, 1)
    assert text != BASE
    assert records_cut(text, tomli.loads(text))


def records_cut(text: str, data: dict[str, object]) -> bool:
    """The text is cut into one chunk per record (each reading as that record) and nothing lost."""
    chunks = cut(text)
    assert chunks is not None and "".join(c.text for c in chunks) == text
    for section in {c.section for c in chunks if c.section}:
        mine = [c.text for c in chunks if c.section == section]
        assert [tomli.loads(t)[section][0] for t in mine] == data[section]
    return True


# --- theirs' new records keep the comments above them (#14) ------------------------------

NEW_RECORDS = {
    "sessions": 'id = "s-new"\ntemplate = "executive"\n',
    "heard": 'id = "H-new"\nindicator = "discovery:model-deployment.pain.1"\nsession = "ml-1"\nquote = "q"\n',
    "metrics": 'id = "M-new"\ntext = "a metric"\n',
    "gaps": 'id = "G-new"\ntitle = "New"\nimpact = 2\ncomplexity = 2\n',
    "mappings": 'gap = "G-001"\npractice = "tv.experiment-tracking"\nstatus = "accepted"\n',
    "pilots": 'id = "P-new"\ntitle = "New pilot"\n',
    "next_steps": 'id = "N-new"\ntext = "new step"\n',
}
MERGE_BASE = (Path(__file__).parent / "merge_base.toml").read_text()


def with_record(text: str, section: str, where: str, who: str, body: str) -> str:
    """A record written by hand with a comment above it: first in its list, after its last
    record, or at the very end of the file."""
    record = f"# {who}: why this {section}\n[[{section}]]\n{body}"
    headers = [at for at in range(len(text)) if text.startswith(f"\n[[{section}]]\n", at)]
    if where == "first":
        at = text.rindex("\n\n", 0, headers[0]) + 2 if text[headers[0] - 1] != "\n" else headers[0] + 1
        return text[:at] + record + "\n" + text[at:]
    heading = text.find("\n# ---", headers[-1])
    if where == "last" and heading >= 0:
        return text[: heading + 1] + record + "\n" + text[heading + 1 :]
    return text + "\n" + record


@pytest.mark.parametrize("where", ["first", "last", "end of the file"])
@pytest.mark.parametrize("ours_edit", ["another record", "a record of its own at the end"])
@pytest.mark.parametrize("section", list(NEW_RECORDS))
def test_the_comment_above_theirs_new_record_stays_above_it(section: str, ours_edit: str, where: str) -> None:
    """A comment written above a record theirs added was dropped when ours' file had a record
    appended by hand at its end (ours' layout then fell back to the whole document)."""
    body = NEW_RECORDS[section]
    theirs = with_record(MERGE_BASE, section, where, "theirs", body)
    if ours_edit == "another record":
        ours = MERGE_BASE.replace('facilitator = "Sam Okafor"', 'facilitator = "Sam O."')
    else:
        mine = body.replace("new", "ours").replace("G-001", "G-002").replace("executive", "data-science")
        ours = with_record(MERGE_BASE, section, "end of the file", "ours", mine)
    text, conflicts = merge(ours, theirs, base=MERGE_BASE)
    assert conflicts == []
    assert f"# theirs: why this {section}\n[[{section}]]\n{body}" in text
    assert text.count(f"# theirs: why this {section}") == 1
    if ours_edit != "another record":  # ours' record by hand stays at the end with its comment
        assert text.index(f"# ours: why this {section}") > text.index("[[next_steps]]")


INLINE_GAPS = (
    "schema_version = 1\n"
    "gaps = [\n"
    '    { id = "G-001", title = "First", impact = 3 },  # a gap\n'
    "]\n\n"
    '[project]\nname = "Inline"\n'
)
THEIRS_INLINE = '    # theirs: why\n    { id = "G-002", title = "Second", impact = 2 },  # theirs\n'


@pytest.mark.parametrize(
    ("ours_edit", "old", "new"),
    [
        ("nothing", "", ""),
        ("the project's name", 'name = "Inline"', 'name = "Ours"'),
        ("the gap before", 'title = "First"', 'title = "First!"'),
        (
            "an inline gap of its own",
            "# a gap\n",
            '# a gap\n    { id = "G-003", title = "Third" },  # ours\n',
        ),
    ],
)
def test_theirs_record_added_to_an_inline_array_keeps_its_comments(
    ours_edit: str, old: str, new: str
) -> None:
    """Theirs' comments in an array written inline were dropped unless ours left the whole
    stretch of the file untouched."""
    theirs = INLINE_GAPS.replace("# a gap\n", "# a gap\n" + THEIRS_INLINE)
    ours = INLINE_GAPS.replace(old, new) if old else INLINE_GAPS
    text, conflicts = merge(ours, theirs, base=INLINE_GAPS)
    assert conflicts == []
    assert THEIRS_INLINE in text
    assert tomli.loads(text) == tomli.loads(theirs.replace(old, new) if old else theirs)


@settings(max_examples=40, deadline=None)
@given(typed_text(), typed_text(), typed_text())
def test_any_text_on_either_side_merges_as_written(ours_note: str, theirs_note: str, title: str) -> None:
    """#13: a note holding U+0085 raised KeyError in a merge. Whatever line breaks (CRLF, a lone
    CR, NEL, U+2028, U+2029) and TOML-looking text each side typed, the merge holds it as typed."""
    import tempfile

    from workbench.store.files import ProjectFile

    def side(edit: Callable[[Project], object]) -> str:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "p.toml"
            path.write_text(MERGE_BASE)
            file = ProjectFile.load(path)
            edit(file.project)
            file.save()
            return path.read_bytes().decode()

    def mine(p: Project) -> None:
        p.answers[0].notes = ours_note
        p.gaps[0].title = title or "t"

    def yours(p: Project) -> None:
        p.answers[1].notes = theirs_note
        p.raise_gap(title or "t", "model-training")

    text, conflicts = merge(side(mine), side(yours), base=MERGE_BASE)
    assert conflicts == []
    merged = tomli.loads(text)
    assert merged["answers"][0]["notes"] == ours_note and merged["answers"][1]["notes"] == theirs_note
    assert merged["gaps"][0]["title"] == merged["gaps"][-1]["title"] == (title or "t")


# --- the driver's bad inputs -------------------------------------------------------------------


def run_driver(
    tmp_path: Path,
    base: str,
    ours: str,
    theirs: str,
    project: str | None = "projects/example.toml",
    extra: tuple[str, ...] = (),
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The driver as git runs it (with the project's path, git's %P), or by hand (`project` None);
    `extra`: more arguments (--output FILE)."""
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.toml"
        path.write_text(text)
        paths.append(str(path))
    result = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "merge", *paths, *([project] if project else []), *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    return result, tmp_path / "ours.toml"


SIDE_WORDS = {
    "base": "the version both branches started from",
    "ours": "the version on your branch",
    "theirs": "the version from the branch being merged in",
}


@pytest.mark.parametrize(
    ("broken", "phrase"),
    [
        ("theirs", "line 6, column 8"),
        ("ours", "line 6, column 8"),
        ("base", "line 6, column 8"),
    ],
)
def test_a_side_that_does_not_parse_gives_one_sentence_and_writes_nothing(
    tmp_path: Path, broken: str, phrase: str
) -> None:
    sides = {"base": BASE, "ours": BASE.replace("Sam Okafor", "Sam O."), "theirs": BASE}
    sides[broken] = sides[broken].replace('name = "Harbour', "name = Harbour", 1)
    result, ours = run_driver(tmp_path, sides["base"], sides["ours"], sides["theirs"])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and phrase in lines[0] and "nothing was written" in lines[0]
    # #14 fresh-eyes 6: the sentence names the file that is bad first, with its line and column
    # #14 fix14b 5: named by the project's path (git's %P), never git's temporary copy
    assert lines[0].startswith(f"workbench: projects/example.toml ({SIDE_WORDS[broken]}), {phrase}:")
    assert str(tmp_path) not in lines[0] and "fix the file there" not in lines[0]
    assert "Traceback" not in result.stderr
    assert ours.read_text() == sides["ours"]


def test_a_newer_schema_gives_one_sentence_and_writes_nothing(tmp_path: Path) -> None:
    ours_text = BASE.replace("Sam Okafor", "Sam O.")
    result, ours = run_driver(
        tmp_path, BASE, ours_text, BASE.replace("schema_version = 1", "schema_version = 9")
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "newer workbench (schema_version 9" in result.stderr
    assert ours.read_text() == ours_text


def test_a_side_with_conflict_markers_is_refused(tmp_path: Path) -> None:
    result, ours = run_driver(tmp_path, BASE, BASE, BASE.replace("[[gaps]]", "<<<<<<< HEAD\n[[gaps]]", 1))
    assert result.returncode == 2
    assert "merge-conflict marker" in result.stderr
    assert ours.read_text() == BASE


def test_the_driver_merges_and_says_what_it_renumbered(tmp_path: Path) -> None:
    highest = max(int(g["id"].split("-")[1]) for g in tomli.loads(BASE)["gaps"])
    new, renumbered = f"G-{highest + 1:03d}", f"G-{highest + 2:03d}"

    def with_gap(title: str) -> str:
        return BASE + f'\n[[gaps]]\nid = "{new}"\ntitle = "{title}"\n'

    result, ours = run_driver(tmp_path, BASE, with_gap("Ours"), with_gap("Theirs"))
    assert result.returncode == 0, result.stderr
    assert f"theirs' gap {new} is now {renumbered}" in result.stderr
    gaps = tomli.loads(ours.read_text())["gaps"]
    assert [(g["id"], g["title"]) for g in gaps[-2:]] == [(new, "Ours"), (renumbered, "Theirs")]


def test_a_save_meeting_the_file_changed_on_disk_never_writes_a_plan_loop(tmp_path: Path) -> None:
    """#14 fix14c 1: the app's changed-on-disk merge runs the checks `workbench check` runs on
    the merge: the file on disk made MS-2 wait for P-1, the open project made P-1 wait for P-3;
    each passes check, the two together loop (P-1 → MS-2 → P-3 → P-1). It is a conflict (the
    app asks), naming both edits, and nothing is written."""
    path = tmp_path / "example.toml"
    path.write_text(BASE)
    opened = ProjectFile.load(path)
    on_disk = ProjectFile.load(path)
    milestone = next(p for p in on_disk.project.pilots if p.id == "MS-2")
    milestone.depends_on = [*milestone.depends_on, "P-1"]
    on_disk.save()
    written = path.read_bytes()
    next(p for p in opened.project.pilots if p.id == "P-1").depends_on = ["P-3"]
    result = merge_with_disk(opened)
    assert [c.path for c in result.conflicts] == [("check",)]
    note = result.conflicts[0].note
    assert "the plan's dependencies form a cycle (P-1 → MS-2 → P-3 → P-1" in note
    assert note.endswith("(ours made MS-2 wait for P-1, theirs made P-1 wait for P-3)"), note
    assert path.read_bytes() == written


ANSWER = "discovery:model-deployment.discovery.1@ml-1"


@pytest.mark.parametrize(
    ("section", "label", "holder", "holder_id", "field", "link"),
    [
        ("answers", ANSWER, "gaps", "G-008", "evidence", ANSWER),
        ("heard", "H-001", "gaps", "G-008", "evidence", "heard:H-001"),
        ("metrics", "M-002", "gaps", "G-008", "evidence", "metric:M-002"),
        ("metrics", "M-002", "pilots", "P-2", "metrics", "M-002"),
        ("gaps", "G-007", "pilots", "P-2", "gaps", "G-007"),
        ("pilots", "P-5", "pilots", "D-1", "depends_on", "P-5"),
    ],
)
def test_a_record_deleted_on_one_side_that_the_other_now_points_at_is_a_conflict(
    section: str, label: str, holder: str, holder_id: str, field: str, link: str
) -> None:
    """#14 fix14c 3: for every kind of link (an answer cited as evidence merged cleanly: theirs'
    G-008 then cited nothing). Ours deletes the record and what pointed at it (as the
    workbench does); theirs makes another record point at it."""
    from workbench.store.references import drop_references
    from workbench.store.serialize import record_label

    base = tomli.loads(BASE)
    ours = tomli.loads(BASE)
    ours[section] = [r for r in ours[section] if record_label(section, r) != label]
    assert len(ours[section]) == len(base[section]) - 1
    drop_references(ours, section, label)
    theirs = tomli.loads(BASE)
    record = next(r for r in theirs[holder] if r.get("id") == holder_id)
    record[field] = [*record.get(field, []), link]
    merged = merge_data(base, ours, theirs)
    assert [(c.where, c.deleted_by, c.used_by) for c in merged.conflicts] == [
        (f"{section} {label}", "ours", ((holder, holder_id),))
    ]
    kept = merge_data(base, ours, theirs, always("theirs")).data
    assert any(record_label(section, r) == label for r in kept[section])
    dropped = merge_data(base, ours, theirs, always("ours")).data
    assert link not in next(r for r in dropped[holder] if r.get("id") == holder_id).get(field, [])


def test_an_answer_deleted_on_one_side_while_base_already_cited_it_is_no_conflict() -> None:
    """#14 fix14c 3: a gap may cite a question asked in a session before it is answered, so an
    answer deleted by hand while a gap still cites it is not a conflict of the merge."""
    base = tomli.loads(BASE)
    ours = tomli.loads(BASE)
    ours["answers"] = [a for a in ours["answers"] if f"{a['question']}@{a['session']}" != ANSWER]
    merged = merge_data(base, ours, tomli.loads(BASE.replace('title = "', 'title = "T: ', 1)))
    assert merged.conflicts == []


@pytest.mark.parametrize(
    ("theirs", "by_hand", "by_git"),
    [
        (
            BASE.replace("schema_version = 1", "schema_version = 9"),
            "nothing was written; upgrade the workbench, then run the merge again",
            "nothing was written; abort (`git merge --abort`), upgrade the workbench, and merge again",
        ),
        (
            "",
            "the file is empty; nothing was written; restore it from git or a .bak copy, then run the "
            "merge again",
            "the file is empty; nothing was written; abort (`git merge --abort`), fix the file on the "
            "branch being merged in, commit, and merge again",
        ),
        (
            BASE.replace('name = "Harbour', "name = Harbour", 1),
            "TOML syntax error: invalid value; nothing was written; fix that file, then run the merge again",
            "TOML syntax error: invalid value; nothing was written; abort (`git merge --abort`), fix the "
            "file on the branch being merged in, commit, and merge again",
        ),
    ],
    ids=["newer schema", "empty", "syntax error"],
)
def test_a_bad_side_gets_one_piece_of_advice_that_fits_how_the_merge_was_run(
    tmp_path: Path, theirs: str, by_hand: str, by_git: str
) -> None:
    """#14 fix14c 4: a newer schema was told to upgrade the workbench and to fix the file; an
    empty file to restore it and to fix it; by hand or by git alike."""
    for name, advice in ((None, by_hand), ("projects/example.toml", by_git)):
        result, ours = run_driver(tmp_path, BASE, BASE, theirs, name)
        assert result.returncode == 2
        line = result.stderr.strip()
        assert len(line.splitlines()) == 1 and line.endswith(advice), line
        assert ours.read_text() == BASE


def test_conflicts_merged_by_hand_are_not_told_to_git_add(tmp_path: Path) -> None:
    """#14 fix14c 4: `workbench merge` run by hand outside git ended with "and git add it"."""
    ours_text = BASE.replace('facilitator = "Sam Okafor"', 'facilitator = "Ours"')
    theirs_text = BASE.replace('facilitator = "Sam Okafor"', 'facilitator = "Theirs"')
    by_hand, _ = run_driver(tmp_path, BASE, ours_text, theirs_text, None)
    assert by_hand.returncode == 1
    assert by_hand.stderr.rstrip().endswith(
        "Keep one side, delete the markers, then `workbench check` the file."
    )
    by_git, _ = run_driver(tmp_path, BASE, ours_text, theirs_text)
    assert by_git.stderr.rstrip().endswith("then `workbench check` the file and `git add` it.")


def test_output_writes_the_merge_to_a_new_file_and_leaves_ours_as_it_is(tmp_path: Path) -> None:
    """fix13a 3: the restore's hint ran `workbench merge BASE PROJECT MINE`, which writes its
    conflict markers into the project file. With --output the result (clean, or with its
    conflicts marked) goes to a new file; OURS is not touched; an existing file is refused."""
    ours_text = BASE.replace('facilitator = "Sam Okafor"', 'facilitator = "Ours"')
    theirs_text = BASE.replace('facilitator = "Sam Okafor"', 'facilitator = "Theirs"')
    out = tmp_path / "merged.toml"
    result, ours = run_driver(tmp_path, BASE, ours_text, theirs_text, None, ("--output", str(out)))
    assert result.returncode == 1 and ours.read_text() == ours_text
    assert '"Ours"' in out.read_text() and '"Theirs"' in out.read_text() and "<<<<<<<" in out.read_text()
    assert f"workbench: {out}: the clean changes are merged" in result.stderr
    again, _ = run_driver(tmp_path, BASE, ours_text, theirs_text, None, ("-o", str(out)))
    assert again.returncode == 2 and "already exists" in again.stderr and "nothing was written" in again.stderr
    clean = tmp_path / "clean.toml"
    result, ours = run_driver(tmp_path, BASE, BASE, theirs_text, None, ("-o", str(clean)))
    assert result.returncode == 0 and ours.read_text() == BASE and '"Theirs"' in clean.read_text()


def test_a_record_deleted_on_one_side_and_kept_from_the_other_stays_where_it_was() -> None:
    """#14 fix14c 6: keeping theirs' edit of a gap ours deleted moved it to the end of the gaps."""
    base = tomli.loads(BASE)
    ours = tomli.loads(BASE)
    ours["gaps"] = [g for g in ours["gaps"] if g["id"] != "G-006"]
    theirs = tomli.loads(BASE)
    next(g for g in theirs["gaps"] if g["id"] == "G-006")["title"] = "Theirs"
    kept = merge_data(base, ours, theirs, always("theirs")).data
    assert [g["id"] for g in kept["gaps"]] == [g["id"] for g in base["gaps"]]


def test_session_clocks_merge_as_time_spent_and_are_never_asked() -> None:
    """fix14d 3 (#14 walkthrough): a session's time per area absent on one side was a conflict,
    shown as Python dicts; and the session clock went 34 -> 21 in a merge. Time spent merges
    without a question: both sides' time added up (ours + theirs - base), never less than
    either side's, per session and per area; a clock one side lacks counts as zero."""

    from workbench.store.merge_words import plain

    def session(**clock: object) -> dict[str, object]:
        return {"sessions": [{"id": "executive-2", "template": "executive", **clock}]}

    base = session(elapsed_seconds=34)
    ours = session(elapsed_seconds=21)  # an older copy of the file put back on disk
    theirs = session(elapsed_seconds=34, area_seconds={"business-impact": 9, "model-training": 25})
    merged = merge_data(base, ours, theirs)
    assert merged.conflicts == []
    (result,) = merged.data["sessions"]
    assert result["elapsed_seconds"] == 34, "a clock never goes backwards"
    assert result["area_seconds"] == {"business-impact": 9, "model-training": 25}
    assert plain({"business-impact": 9, "model-training": 25}) == "business-impact 9, model-training 25"

    base = session(elapsed_seconds=30, area_seconds={"business-impact": 5})
    ours = session(elapsed_seconds=40, area_seconds={"business-impact": 15})
    theirs = session(elapsed_seconds=50, area_seconds={"business-impact": 5, "model-training": 20})
    merged = merge_data(base, ours, theirs)
    assert merged.conflicts == []
    (result,) = merged.data["sessions"]
    assert result["elapsed_seconds"] == 60, "both sides' time adds up"
    assert result["area_seconds"] == {"business-impact": 15, "model-training": 20}

    base = session(elapsed_seconds=30, area_seconds={"business-impact": 9})
    ours = session(elapsed_seconds=30)  # the file on disk lost its time per area
    theirs = session(elapsed_seconds=34, area_seconds={"business-impact": 9, "model-training": 25})
    merged = merge_data(base, ours, theirs)
    assert merged.conflicts == [], "time per area is never asked"
    (result,) = merged.data["sessions"]
    assert result["area_seconds"] == {"business-impact": 9, "model-training": 25}
