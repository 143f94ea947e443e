"""Saving a milestone from the workbench (the palette): where the engagement stands now, by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.analysis.milestones import MilestoneProblem, new_milestone_name
from workbench.edits import EditRefused
from workbench.edits.milestones import SaveMilestone
from workbench.ui.safe import one_line

if TYPE_CHECKING:
    from workbench.ui.app import WorkbenchApp


def save_milestone(app: WorkbenchApp) -> None:
    """Ask for a name and save the milestone as one undoable edit; a used name is refused."""
    from workbench.ui.modals.text_modal import TextModal

    workspace = app.workspace
    if workspace is None:
        return
    taken = ", ".join(m.name for m in workspace.project.milestones)
    context = (
        "Records maturity per area, the gaps and their quadrants, accepted practices and the plan, "
        "to compare with later (Gaps → Maturity, the proposal's Progress section, "
        "`workbench milestone diff`)." + (f" Saved already: {taken}." if taken else "")
    )

    def refusal(name: str) -> str:
        try:
            new_milestone_name(workspace.project, name)
        except MilestoneProblem as problem:
            return sentence(str(problem))
        return ""

    def named(name: str | None) -> None:
        if not name:
            return
        try:
            workspace.apply(SaveMilestone(name, workspace.catalogue, app.today))
        except EditRefused as refused:  # the project changed while the dialog was open
            app.notify(str(refused), title="Milestone not saved", severity="error", markup=False, timeout=8)
            return
        app.notify(f"Saved milestone {one_line(name, 40)!r}", markup=False, timeout=3)

    dialog = TextModal(
        "Save a milestone",
        placeholder="e.g. baseline",
        context=context,
        refusal=refusal,
        field_id="milestone-name",
    )
    app.push_screen(dialog.reopens("", "save_milestone"), named)


def sentence(words: str) -> str:
    """`there is already…; choose another name` as a sentence: a capital first, a full stop last."""
    words = words.strip()
    return words[:1].upper() + words[1:] + ("" if words.endswith((".", "!", "?")) else ".")
