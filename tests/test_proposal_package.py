"""The Word package: macro-enabled templates, the language in every part, the timeline's slack (issue 15,
fresh eyes 5, findings 10-12)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.helpers import run_cli
from tests.proposal_text import xml_parts
from tests.test_proposal import export, firm_template  # noqa: F401  (the fixture)
from workbench.export.docx_tables import SLACK_MARK
from workbench.store.files import ProjectFile, load_project


@pytest.mark.parametrize("suffix", [".docm", ".dotm", ".DOCM"])
def test_a_macro_enabled_name_is_refused_and_not_remembered(
    example: Path,
    firm_template: Path,  # noqa: F811
    suffix: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Finding 11: a macro-free .docx renamed m.docm was accepted and remembered."""
    renamed = firm_template.with_name("m" + suffix)
    shutil.copy(firm_template, renamed)
    out = example.parent / "m.docx"
    code, _, err = run_cli(["export", str(example), "--template", str(renamed), "-o", str(out)], capsys)
    assert code == 1 and "macro-enabled (.docm or .dotm)" in err and "Traceback" not in err
    assert not out.exists()
    assert load_project(example).proposal.template == ""
    assert "m" + suffix not in example.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en-GB", "de-DE"])
def test_the_projects_language_is_in_every_part(example: Path, language: str) -> None:
    """Finding 12: settings.xml (w:themeFontLang) and stylesWithEffects.xml still said en-US."""
    project_file = ProjectFile.load(example)
    project_file.project.proposal.language = language
    project_file.save()
    parts = xml_parts(export(example))
    # Names only: a failed `"en-US" not in xml` on a 40 kB one-line part makes pytest diff it with
    # difflib, which takes hours (this is why the test once seemed to hang).
    assert [name for name, xml in parts.items() if "en-US" in xml] == []
    theme = re.search(r'<w:themeFontLang [^>]*w:val="([^"]+)"', parts["word/settings.xml"])
    assert theme is not None and theme.group(1) == language
    assert set(re.findall(r'<w:lang [^>]*w:val="([^"]+)"', parts["word/styles.xml"])) == {language}


def test_the_timelines_slack_is_dots_not_a_tint(example: Path) -> None:
    """Finding 10: the caption said "dotted" but the cells were pct20 shading, drawn as a solid pale blue."""
    path = export(example)
    document = Document(str(path))
    chart = next(t for t in document.tables if len(t.rows) > 1 and t.rows[1].cells[0].text == "Week")
    slack = [c for row in chart.rows[2:] for c in row.cells if c.text == SLACK_MARK]
    assert slack
    for cell in slack:
        assert cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}") is None  # no tint: white, with dots
    assert 'w:val="pct' not in xml_parts(path)["word/document.xml"]
    caption = document.paragraphs
    text = "\n".join(p.text for p in caption)
    assert f"blue dots ({SLACK_MARK}) after a bar: how far the item can slip" in text
    assert "dotted" not in text
