"""Bank loading and lint: a person's own bank file, and every kind of mistake the lint names."""

from __future__ import annotations

from pathlib import Path

from workbench.banks import bank_dirs, bundled_banks_dir, lint, load_bank, load_banks

VALID = """
[bank]
id = "mine"
title = "My bank"

[[areas]]
id = "data"
title = "Data"

[[parts]]
id = "q"
title = "Questions"

[[questions]]
id = "data.q.1"
area = "data"
part = "q"
text = "Where does the data live?"
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_banks_lint_clean() -> None:
    loaded = load_banks([bundled_banks_dir()])
    assert loaded.problems == []
    assert lint(loaded.banks) == []
    guides = loaded.catalogue.guides
    assert len(guides) == 5
    for guide in guides.values():
        count = sum(1 for p in loaded.catalogue.practices.values() if p.guide == guide.id)
        assert 15 <= count <= 24, guide.title  # the issue: each guide has 15 to 24 practices


def test_every_area_without_a_guide_is_served_by_practices() -> None:
    catalogue = load_banks([bundled_banks_dir()]).catalogue
    for area in ("automation-workflows", "team-collaboration", "business-impact", "platform-evaluation"):
        serving = [p for p in catalogue.practices.values() if area in p.areas]
        assert len(serving) >= 3, area
    for practice in catalogue.practices.values():
        sentences = [s for s in practice.summary.split(". ") if s]
        assert 2 <= len(sentences) <= 4, practice.id


def test_a_project_banks_folder_adds_a_bank(tmp_path: Path) -> None:
    (tmp_path / "banks").mkdir()
    write(tmp_path / "banks", "mine.toml", VALID)
    project = tmp_path / "p.toml"
    project.write_text("")
    loaded = load_banks(bank_dirs(project))
    assert "mine:data.q.1" in loaded.catalogue.questions
    assert lint(loaded.banks) == []


def test_lint_names_file_and_record_for_each_mistake(tmp_path: Path) -> None:
    bad = (
        VALID
        + """
[[questions]]
id = "data.q.1"
area = "nowhere"
part = "q"
text = "Duplicate id and an unknown area"

[[questions]]
id = "data.m.1"
area = "data"
part = "q"
kind = "success-metric"
text = "Cut latency to Xms"
placeholders = [{ symbol = "Y", field = "target" }]

[[templates]]
id = "t"
title = "T"
minutes_min = 30
minutes_max = 20
sections = [{ text = "Missing", areas = ["ghost"], questions = ["nope"] }]

[[guides]]
id = "g"
title = "G"

[[practices]]
id = "p1"
guide = "g"
title = "One"
summary = "Do it. Because."
prerequisites = ["p2"]

[[practices]]
id = "p2"
guide = "g"
title = "Two"
summary = "Do it. Because."
prerequisites = ["p1", "p9"]
"""
    )
    path = write(tmp_path, "bad.toml", bad)
    findings = [str(f) for f in lint([load_bank(path)])]
    text = "\n".join(findings)
    assert all(f.startswith(str(path)) for f in findings)
    assert "question data.q.1: id is used twice" in text
    assert "names area 'nowhere'" in text
    assert "placeholder Y does not appear in the text" in text
    assert "the text uses X but no placeholder declares it" in text
    assert "minutes_min is larger than minutes_max" in text
    assert "names area 'ghost'" in text
    assert "names question 'nope'" in text
    assert "prerequisite 'p9' is not a practice" in text
    assert "prerequisites form a cycle" in text


def test_a_broken_bank_file_is_reported_not_fatal(tmp_path: Path) -> None:
    write(tmp_path, "good.toml", VALID)
    write(tmp_path, "broken.toml", "[bank\nid = 1")
    loaded = load_banks([tmp_path])
    assert [b.id for b in loaded.banks] == ["mine"]
    assert len(loaded.problems) == 1
    assert "broken.toml, line 1" in str(loaded.problems[0])
