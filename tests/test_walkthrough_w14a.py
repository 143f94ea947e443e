"""Walkthrough w14a (issue #12): the proposal and the words a client reads, from a new project."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.proposal_text import docx_text
from tests.test_proposal import export
from workbench.newproject import create_project
from workbench.store.files import ProjectFile


def fresh(tmp_path: Path) -> Path:
    """A project as `workbench new "Acme: MLOps discovery"` writes it."""
    return create_project(tmp_path, "Acme: MLOps discovery", today=dt.date(2026, 11, 24)).path


def test_a_next_step_not_tied_to_the_framework_reaches_the_proposal(tmp_path: Path) -> None:
    """1. A step left at "Not tied to the framework" (and one about the proposal) was in the Plan and
    F7 but in neither the docx nor the markdown proposal: every step a person wrote reaches its table."""
    path = fresh(tmp_path)
    file = ProjectFile.load(path)
    file.project.add_next_step("Send pilot proposal to Priya for sign-off", owner="Ana", due=dt.date(2026, 12, 11))
    file.save()
    markdown = export(path, "md").read_text(encoding="utf-8")
    assert "| Send pilot proposal to Priya for sign-off | Ana | 11 Dec 2026 |" in markdown
    text = docx_text(export(path, "docx"))
    assert "Send pilot proposal to Priya for sign-off" in text
