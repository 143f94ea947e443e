"""The domain core never imports textual or rich (checked in a fresh interpreter)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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


HEAVY = ("docx", "openpyxl", "networkx", "tomlkit", "textual", "rich")
"""Libraries that cost start-up time and that a command imports only when it uses them."""


@pytest.mark.parametrize(
    ("command", "allowed"),
    [
        (["portfolio", "{folder}", "-o", "{folder}/report.md"], ()),
        (["portfolio", "{folder}"], ()),
        (["check", "{project}"], ()),
        (["followups", "{project}"], ()),
        (["milestone", "list", "{project}"], ()),
        (["merge", "{project}", "{ours}", "{project}"], ("tomlkit",)),  # it writes a merged file
    ],
)
def test_a_command_imports_only_what_it_uses(
    example: Path, tmp_path: Path, command: list[str], allowed: tuple[str, ...]
) -> None:
    """The portfolio's 1 s budget is mostly start-up: a report written as Markdown needs no
    python-docx, reading projects no tomlkit, and a merge of projects no bank models."""
    ours = tmp_path / "ours.toml"
    shutil.copyfile(example, ours)
    places = {"folder": example.parent, "project": example, "ours": ours}
    args = [part.format(**places) for part in command]
    code = (
        "import sys\n"
        "from workbench.cli import main\n"
        f"status = main({args!r})\n"
        "heavy = {m.split('.')[0] for m in sys.modules} & set(sys.argv[1:])\n"
        "bank_models = 'workbench.model.bank' in sys.modules\n"
        "print(status, ','.join(sorted(heavy)), bank_models, file=sys.stderr)\n"
    )
    wanted = [name for name in HEAVY if name not in allowed]
    result = subprocess.run([sys.executable, "-c", code, *wanted], capture_output=True, text=True, check=True)
    status, heavy, bank_models = result.stderr.strip().splitlines()[-1].split(" ")
    assert (status, heavy) == ("0", ""), result.stderr
    if command[0] == "merge":
        assert bank_models == "False"
