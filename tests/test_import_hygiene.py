"""The domain core never imports textual or rich (checked in a fresh interpreter)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CORE_PACKAGES = [
    "workbench.model",
    "workbench.store",
    "workbench.edits",
    "workbench.analysis",
    "workbench.export",
    "workbench.workbook",
]
"""Every module of these packages is imported (a package's `__init__` alone may import nothing)."""
CORE_MODULES = [
    "workbench.banks",
    "workbench.printable",
    "workbench.problems",
    "workbench.newproject",
    "workbench.cli_merge",
    "workbench.cli",
]

UI_IMPORTS = """
import importlib, pkgutil, sys
for name in sys.argv[1:]:
    module = importlib.import_module(name)
    inside = pkgutil.walk_packages(getattr(module, "__path__", []), name + ".")
    for found in [name, *(m.name for m in inside)]:
        importlib.import_module(found)
        ui = sorted({m.split(".")[0] for m in sys.modules} & {"textual", "rich"})
        if ui:
            print(found, ",".join(ui))
            raise SystemExit
"""
"""Imports each module named and every module inside it, in a fresh interpreter; prints the
first that brought in textual or rich, and what it brought."""


def first_ui_import(names: list[str], path: Path | None = None) -> str:
    """`workbench.model.records rich` for the first module that imports the UI, else ''."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(path or ""), *sys.path]))}
    result = subprocess.run(
        [sys.executable, "-c", UI_IMPORTS, *names], capture_output=True, text=True, check=True, env=env
    )
    return result.stdout.strip()


@pytest.mark.parametrize("name", CORE_PACKAGES + CORE_MODULES)
def test_core_code_does_not_import_the_ui(name: str) -> None:
    assert first_ui_import([name]) == ""


def test_the_check_finds_a_ui_import_deep_inside_a_package(tmp_path: Path) -> None:
    """The check itself can fail: a package whose `__init__` imports nothing, with the UI
    imported two levels down, is caught and the module named."""
    inner = tmp_path / "core_like" / "inner"
    inner.mkdir(parents=True)
    (tmp_path / "core_like" / "__init__.py").write_text('"""Imports nothing."""\n')
    (tmp_path / "core_like" / "clean.py").write_text("import json\n")
    (inner / "__init__.py").write_text("")
    (inner / "chart.py").write_text("from rich.text import Text\n")
    assert first_ui_import(["core_like"], tmp_path) == "core_like.inner.chart rich"


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
    python-docx, and reading projects no tomlkit. (A merge loads the banks: it runs `workbench
    check`'s own checks on its result before writing it, so that it never writes a file check
    refuses; they cost about 35 ms of its 1 s budget.)"""
    ours = tmp_path / "ours.toml"
    shutil.copyfile(example, ours)
    places = {"folder": example.parent, "project": example, "ours": ours}
    args = [part.format(**places) for part in command]
    code = (
        "import sys\n"
        "from workbench.cli import main\n"
        f"status = main({args!r})\n"
        "heavy = {m.split('.')[0] for m in sys.modules} & set(sys.argv[1:])\n"
        "print(f'{status}|' + ','.join(sorted(heavy)), file=sys.stderr)\n"
    )
    wanted = [name for name in HEAVY if name not in allowed]
    result = subprocess.run([sys.executable, "-c", code, *wanted], capture_output=True, text=True, check=True)
    status, heavy = result.stderr.strip().splitlines()[-1].split("|")
    assert (status, heavy) == ("0", ""), result.stderr


FIRST_PAINT = """
import datetime as dt, sys
from textual.screen import Screen
painted = Screen._compositor_refresh
said = []
def first_paint(screen):
    painted(screen)
    if type(screen).__name__ == "MainScreen" and not said:  # the first paint only: quitting waits
        said.append(1)  # for the panes to mount (a50334b), and paints again meanwhile
        print(" ".join(sorted(set(sys.argv[2:]) & set(sys.modules))) or "-")
        screen.app.exit()
Screen._compositor_refresh = first_paint
from workbench.ui.app import make_app
make_app(sys.argv[1], today=dt.date(2026, 11, 24)).run(headless=True, size=(120, 36))
"""
"""Opens a project headless and prints which of the named modules were imported when the main
screen was first painted (`-` for none)."""

NOT_BEFORE_THE_FIRST_PAINT = (
    "workbench.ui.modals.pick_modal",  # Capture's 'attach to which gap?' list
    "workbench.edits.gaps",  # Capture's raise a gap / attach evidence
    "workbench.analysis.evidence_words",  # the sentence saying what is attached
    "workbench.ui.widgets.gaps_pane",  # the panes out of view mount after the first paint
    "workbench.ui.widgets.map_pane",
    "workbench.ui.widgets.plan_pane",
    "workbench.ui.screens.followups_screen",  # the footer asks whether F-keys close an overlay
    "workbench.ui.screens.help_screen",  # over the panes: none can be up before they are imported
)
"""What start-up need not import before the main screen is painted (new process to the
interactive main screen is budgeted at 1 s on the large project)."""


def test_the_first_paint_of_the_main_screen_imports_only_what_it_shows(example: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(example), *NOT_BEFORE_THE_FIRST_PAINT],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert result.stdout.split()[-1] == "-", result.stdout
