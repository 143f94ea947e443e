"""#15, last findings 3: a bank heading like "Deploy (Batch / Real-Time Inference)" reached the
proposal's findings as written. The proposal names an area as a client reads it: its
`client_title`, else its title without the parenthesised part."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

from tests.test_proposal import export
from workbench.banks import lint, load_bank, load_catalogue
from workbench.model.catalogue import client_title

SLASH_OR_BRACKETS = re.compile(r"[/()]")


def findings_headings(path: Path) -> list[str]:
    """The theme headings under "Findings by theme"."""
    headings = [
        (p.style.name, p.text) for p in Document(str(path)).paragraphs if p.style.name.startswith("Heading")
    ]
    start = next(i for i, (_, text) in enumerate(headings) if text == "Findings by theme")
    end = next(i for i, (style, _) in enumerate(headings) if i > start and style == "Heading 1")
    return [text for _, text in headings[start + 1 : end]]


def test_the_examples_findings_read_plain_theme_names(example: Path) -> None:
    path = export(example)
    themes = findings_headings(path)
    assert (
        "Model Deployment & Inference" in themes
    )  # the requirements bank's "Deploy (Batch / Real-Time Inference)"
    assert not [t for t in themes if SLASH_OR_BRACKETS.search(t)], themes
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Batch / Real-Time" not in text


def test_every_bank_area_has_a_plain_name_for_the_client() -> None:
    catalogue = load_catalogue()
    assert len(catalogue.areas) >= 16
    for area in catalogue.areas.values():
        name = catalogue.client_area_title(area.id)
        assert name and not SLASH_OR_BRACKETS.search(name), (area.id, name)


def test_without_a_client_title_the_parenthesised_part_is_dropped() -> None:
    from workbench.model.bank import Area

    assert client_title(Area(id="fs", title="Feature Store (Online / Offline)")) == "Feature Store"
    assert client_title(Area(id="d", title="Data")) == "Data"
    assert (
        client_title(Area(id="x", title="Deploy (Batch)", client_title="Model Deployment"))
        == "Model Deployment"
    )


def test_the_lint_asks_for_a_plain_name(tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "banks" / "requirements.toml"
    text = source.read_text(encoding="utf-8").replace('client_title = "Feature Store"\n', "")
    text = text.replace('title = "Feature Store (Online / Offline)"', 'title = "Feature Store / Online"')
    bank = tmp_path / "requirements.toml"
    bank.write_text(text, encoding="utf-8")
    found = [f for f in lint([load_bank(bank)]) if "client_title" in f.message]
    assert [f.record for f in found] == ["area feature-store"], found
