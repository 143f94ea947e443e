"""`workbench gaps` and `workbench map`: the Gaps and Map panes' rankings on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli import run


def test_map_prints_a_gaps_practices_with_their_reasons(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["map", str(example), "--gap", "G-006"], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "G-006 No data-quality checks at ingestion (Fill-in, impact 2, complexity 2)"
    assert lines[1].split()[1:3] == ["fe.validate-at-ingestion", "[accepted]:"]
    assert lines[2].strip() == "matches: found late, data-quality, nulls, ingestion"
    assert "G-001" not in out


def test_map_without_a_gap_covers_every_gap_in_priority_order(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["map", str(example)], capsys)
    assert code == 0
    headings = [line.split()[0] for line in out.splitlines() if line.startswith("G-")]
    code, gaps_out, _ = run(["gaps", str(example)], capsys)
    ranked = [line.split()[0] for line in gaps_out.splitlines() if line.startswith("  G-")]
    assert headings == ranked and len(ranked) >= 8


def test_map_names_an_unknown_gap(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["map", str(example), "--gap", "G-099"], capsys)
    assert code == 1 and out == ""
    assert err.strip() == f"workbench: {example} has no gap G-099; `workbench gaps {example}` lists them"


def test_gaps_prints_ranked_and_suggested_gaps_with_why(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["gaps", str(example)], capsys)
    assert code == 0
    ranked, suggested = out.split("\n\n")
    assert ranked.splitlines()[1].split()[:4] == ["G-001", "90.0", "5×3", "Strategic"]
    assert suggested.startswith("Suggested gaps (")
    whys = [line.strip() for line in suggested.splitlines() if line.strip().startswith("why:")]
    keys = [line.strip() for line in suggested.splitlines() if line.strip().startswith("key:")]
    assert whys and len(whys) == len(keys)


def test_gaps_on_a_broken_file_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\n[project\n", encoding="utf-8")
    code, out, err = run(["gaps", str(broken)], capsys)
    assert code == 1 and out == ""
    assert err.startswith(f"workbench: {broken}") and "line 2" in err and "Traceback" not in err


def test_suggestions_say_why_in_words_without_tool_plurals(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # With the business-value gap closed, its two value-measurement answers are suggested again.
    example.write_text(example.read_text().replace('id = "G-005"\n', 'id = "G-005"\nstatus = "closed"\n', 1))
    code, out, _ = run(["gaps", str(example)], capsys)
    assert code == 0
    assert "(s)" not in out and "≥" not in out
    assert "why: 2 answers put the target 2 or more levels above today" in out
    assert "why: 1 answer puts the target 2 or more levels above today" in out


def test_map_accepts_a_gap_id_in_any_case(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """#16 fresh-eyes 16, finding 8: `workbench map --gap g-009` was refused."""
    code, out, err = run(["map", str(example), "--gap", "g-009"], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("G-009 Temporal leakage")


def test_gaps_columns_line_up_for_longer_session_ids(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A gap raised in a session gets an id like G-m1-03: the columns after it shifted
    ('G-m1-03  77.0 …' against 'G-001   90.0 …'). They are now sized to the longest id."""
    example.write_text(example.read_text(encoding="utf-8").replace('"G-003"', '"G-m1-03"'), encoding="utf-8")
    code, out, err = run(["gaps", str(example)], capsys)
    assert (code, err) == (0, "")
    rows = [line for line in out.splitlines() if line.startswith("  G-")]
    assert any(row.startswith("  G-m1-03 ") for row in rows)
    starts = {row.index(row.split()[1]) for row in rows}  # where the priority column begins
    assert len(starts) == 1, rows
    quadrants = {row.index(row.split()[3]) for row in rows}
    assert len(quadrants) == 1, rows
