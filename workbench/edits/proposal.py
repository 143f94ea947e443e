"""Proposal edits: the consultant's own prose and the document's frame (firm, version, template)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from workbench.edits.changes import Change
from workbench.edits.history import Edit, EditRefused
from workbench.model.project import Project
from workbench.model.records import ProposalText
from workbench.printable import quoted


@dataclass
class SetProposalFields(Change):
    """Set fields of the project's [proposal] table; fields unset before are unset again on undo."""

    values: dict[str, Any]
    unset: frozenset[str] = frozenset()

    def apply(self, project: Project) -> Change:
        proposal = project.proposal
        fields_set: set[str] = proposal.__pydantic_fields_set__
        before = {name: copy.deepcopy(getattr(proposal, name)) for name in self.values}
        was_unset = frozenset(name for name in self.values if name not in fields_set)
        for name, value in self.values.items():
            setattr(proposal, name, value)
        fields_set.difference_update(self.unset)
        return SetProposalFields(before, was_unset)


@dataclass
class EditProposal(Edit):
    """Write the proposal's texts (an empty text goes back to the draft from the data)."""

    values: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        words = [name.replace("_", " ") for name in self.values]
        return "edit the proposal's " + ", ".join(words)

    def changes(self, project: Project) -> list[Change]:
        unknown = [name for name in self.values if name not in ProposalText.model_fields]
        if unknown:
            raise EditRefused(f"the proposal has no field {quoted(unknown[0])}")
        differing = {n: v for n, v in self.values.items() if getattr(project.proposal, n) != v}
        return [SetProposalFields(differing)] if differing else []
