"""The example's proposal read as the client's CFO reads it (issue 15 leftover 7): consultant's
prose, with no data-export leftovers: raw ids, "None", empty headings, doubled spaces or
punctuation, American spellings, numbers without units."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

from tests.proposal_text import docx_text, tables
from tests.test_proposal import export, section

AMERICAN = re.compile(
    r"\b(?!\w*(?:size|seize|prize))\w+(?:ize|izes|ized|izing|ization|yze|yzed|yzing)\b", re.IGNORECASE
)
"""-ize and -yze spellings (British English: prioritise, analyse), "size", "resizes" and the like aside."""
LEFTOVERS = {
    "record id": re.compile(r"\b(?:G|P|D|M|MS|H|N)-\d+\b"),
    "practice id": re.compile(r"\b(?:fe|tv|ds|ma|am)\.[a-z][a-z-]+\b"),
    "None": re.compile(r"\bNone\b(?! \(critical path\)|:)"),  # a rubric's "1 · None: …" is prose
    "plural in brackets": re.compile(r"\w\(s\)"),
    "doubled space": re.compile(r"\S {2,}\S"),
    "space before a mark": re.compile(r"\s[,.;:](?!\d)"),
    "doubled mark": re.compile(r"[.?!][.?!,;:]|[,;:][,;:.]"),
    "bracket space": re.compile(r"\( | \)"),
    "empty brackets": re.compile(r"\(\s*\)"),
    "American spelling": AMERICAN,
}


def body(path: Path) -> str:
    text = docx_text(path)
    return text[text.index("Executive summary\n", text.index("Contents")) :]


def test_the_body_has_no_data_export_leftovers(example: Path) -> None:
    text = body(export(example))
    found = {name: pattern.findall(text) for name, pattern in LEFTOVERS.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def outline(path: Path) -> list[tuple[int, str]]:
    """The body as (heading level, text) for headings and (0, text) for content, tables included."""
    blocks = []
    for element in Document(str(path)).element.body:
        text = "".join(t.text or "" for t in element.iter(f"{W}t"))
        style = element.find(f".//{W}pStyle") if element.tag == f"{W}p" else None
        name = style.get(f"{W}val", "") if style is not None else ""
        level = int(name[-1]) if name.lower().startswith("heading") and name[-1:].isdigit() else 0
        if element.tag == f"{W}tbl" or text.strip():
            blocks.append((level, text))
    return blocks


def test_every_heading_has_something_under_it(example: Path) -> None:
    blocks = outline(export(example))
    assert sum(1 for level, _ in blocks if level) > 20
    following = [*blocks[1:], (1, "the end")]
    empty = [
        text
        for (level, text), (after, _) in zip(blocks, following, strict=True)
        if level and 0 < after <= level
    ]
    assert empty == []


def test_numbers_carry_their_units(example: Path) -> None:
    """The CFO reads "target 4.0" as four of what; "Can slip by: critical" as no answer at all."""
    text = body(export(example))
    findings = section(text, "Findings by theme", "Prioritised gaps")
    targets = re.findall(r"Maturity today \d\.\d of 5[^;\n]*; target \d\.\d( of 5)?\.", findings)
    assert targets and all(targets)
    timeline = next(t for t in tables(export(example)) if t[0][:2] == ["Item", "Weeks"])
    slips = {row[-1] for row in timeline[1:]}
    assert slips and all(re.fullmatch(r"\d+ weeks?|None \(critical path\)|None", s) for s in slips), slips
    assert "None (critical path)" in slips


def test_the_context_and_strengths_read_as_prose(example: Path) -> None:
    text = body(export(example))
    context = section(text, "Context and approach", "Who we spoke to")
    # the session notes hold a change freeze, which is a constraint, not an objective
    assert "Objectives and constraints we heard:" in context and "change freeze" in context
    well = section(text, "What is working well", "Findings by theme")
    assert "No area is established yet (level 3 of 5 or above:" in well
    # fix15 5: what is furthest along comes first, and what works there
    assert well.index("Furthest along today: ") < well.index("No area is established yet")
    assert "every area we scored is at an early stage" not in well
