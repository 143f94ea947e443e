"""Milestone edits: record where the engagement stands now under a name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.analysis.milestones import MilestoneProblem, new_milestone_name, snapshot
from workbench.edits.changes import Change, Insert
from workbench.edits.history import Edit, EditRefused
from workbench.edits.words import quoted
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project


@dataclass
class SaveMilestone(Edit):
    """Add a milestone of the project's state now (maturity, gaps, mappings, the plan)."""

    milestone: str
    catalogue: Catalogue
    date: dt.date

    @property
    def name(self) -> str:
        return f"save milestone {quoted(self.milestone)}"

    def changes(self, project: Project) -> list[Change]:
        try:
            name = new_milestone_name(project, self.milestone)
        except MilestoneProblem as problem:
            raise EditRefused(str(problem)) from None
        return [Insert("milestones", snapshot(project, self.catalogue, name, self.date))]
