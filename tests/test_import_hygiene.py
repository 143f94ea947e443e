"""The domain core never imports textual or rich (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "workbench.model",
    "workbench.banks",
    "workbench.store",
    "workbench.store.files",
    "workbench.store.journal",
    "workbench.store.merge_text",
    "workbench.store.sync",
    "workbench.cli_merge",
    "workbench.edits",
    "workbench.edits.answers",
    "workbench.edits.capture",
    "workbench.edits.gaps",
    "workbench.edits.mappings",
    "workbench.edits.plan",
    "workbench.edits.sessions",
    "workbench.analysis.gaps",
    "workbench.analysis.mapping",
    "workbench.analysis.plan",
    "workbench.analysis.progress",
    "workbench.export.writer",
    "workbench.export.mermaid",
    "workbench.export.backlog",
    "workbench.workbook.write",
    "workbench.workbook.read",
    "workbench.cli",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_the_ui(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} pulled in {result.stdout.strip()}"
