"""F1's "Getting started": the README's first engagement, with the keys taken from the key registry."""

from __future__ import annotations

from workbench.ui.keys import display, key

STEPS: tuple[tuple[tuple[str, ...], str], ...] = (
    ((), "`workbench new NAME --client C` creates a project; `workbench example` writes one to explore"),
    (("sessions",), "start a session from a template (its clock starts; ctrl+t pauses it)"),
    (("pane-capture", "notes"), "Capture: enter opens the highlighted question's notes; type what you hear"),
    (("next",), "next / previous question"),
    (("maturity-current", "maturity-target"), "current / target maturity, from the question tree"),
    (("maturity-up", "target-up"), "the same from the notes, without leaving them"),
    (("status-next", "confidence-next"), "status (needs follow-up…) and confidence, from the notes too"),
    (("raise-gap",), "raise a gap from the question, with the answer as evidence"),
    (("pane-gaps", "gap-impact-up"), "Gaps: the matrix; shift+arrows move the selected gap"),
    (("pane-map", "map-accept", "map-rationale"), "Map: accept a practice for the gap, write why"),
    (("pane-plan", "plan-propose"), "Plan: propose a pilot from the gap and its practices"),
    (("export",), "export the Word proposal beside the project file"),
    (("undo", "redo"), "undo / redo any change; everything is saved as you go"),
)


def getting_started_rows() -> list[tuple[str, str]]:
    """(keys, what to do) for each step, with each key as the registry binds it now."""
    rows = []
    for key_ids, what in STEPS:
        keys = " ".join(key(k).shown_key or display(key(k).key) for k in key_ids)
        rows.append((keys or "shell", what))
    return rows
