"""Every field's name as a person reads it (its label), by widget id: the footer says where typing
lands with these (`✎ baseline`, `▸ status`), never an internal id or a placeholder. Add a field's
name here when you add the field (tests/test_field_names.py walks every dialog and pane)."""

from __future__ import annotations

FIELD_NAMES: dict[str, str] = {
    # --- capture ---
    "nav-search": "search",
    "nav-tree": "tree",
    "q-status": "status",
    "q-confidence": "confidence",
    "q-status-detail": "ask whom / why not",
    "q-notes": "notes",
    "q-heard-list": "heard quotes",
    "q-baseline": "baseline",
    "q-target": "target",
    "q-unit": "unit",
    "q-measured_by": "measured by",
    "q-owner": "owner",
    "q-due": "due date",
    # --- gaps ---
    "matrix": "matrix",
    "ranked": "ranked gaps",
    "suggestions": "suggested gaps",
    "evidence": "evidence",
    "maturity-since": "compare with",
    "maturity-scroll": "maturity",
    # --- map ---
    "map-gaps": "gaps",
    "map-suggestions": "practices",
    "map-detail-scroll": "practice detail",
    "map-warning-scroll": "warnings",
    "map-coverage-scroll": "coverage",
    # --- plan ---
    "gantt": "timeline",
    "metric-list": "metrics",
    "step-list": "next steps",
    # --- the gap dialog ---
    "gap-title": "title",
    "gap-area": "area",
    "gap-description": "description",
    "gap-impact": "impact",
    "gap-complexity": "complexity",
    "gap-status": "status",
    "gap-owner": "owner",
    "gap-evidence": "evidence",
    # --- heard ---
    "heard-quote": "quote",
    "heard-role": "said by",
    "heard-session": "session",
    # --- the pilot (plan item) dialog ---
    "item-title": "title",
    "item-objective": "objective",
    "item-weeks": "weeks",
    "item-owner": "owner",
    "item-metrics": "success metrics",
    "item-criteria": "evaluation criteria",
    # --- the metric dialog ---
    "metric-text": "metric",
    "metric-baseline": "baseline",
    "metric-target": "target",
    "metric-unit": "unit",
    "metric-measured_by": "measured by",
    "metric-owner": "owner",
    "metric-due": "due date",
    # --- next steps ---
    "step-text": "what",
    "step-owner": "owner",
    "step-due": "due date",
    "step-serves": "serves",
    # --- sessions ---
    "session-list": "sessions",
    "new-template": "template",
    "new-date": "date",
    "new-minutes": "time box",
    "new-attendees": "attendees",
    "session-title": "title",
    "session-date": "date",
    "session-minutes": "time box",
    "session-attendees": "attendees",
    "session-notes": "session notes",
    # --- follow-ups ---
    "followup-list": "follow-ups",
    "followup-answer": "answer",
    "followup-owner": "whom to ask",
    "followup-people": "people",
    "followup-due": "due date",
    # --- picking a practice, a gap, a text ---
    "pick-search": "search practices",
    "pick-practices": "practices",
    "pick-rationale": "why it fits",
    "pick-list": "choices",
    "pick-filter": "filter",
    "milestone-name": "milestone name",
    "rationale": "rationale",
    "item-name": "title",
    # --- proposal and exports ---
    "proposal-field": "section",
    "proposal-text": "proposal text",
    "proposal-firm": "firm",
    "proposal-version": "version",
    "proposal-language": "language",
    "proposal-template": "Word template",
    "export-format": "format",
    "export-paper": "paper size",
    "export-sections": "sections",
    "notice-body": "notes to read",
    "export-target": "file",
    "workbook-questions": "questions",
    "workbook-file": "file",
    "import-file": "workbook file",
    "import-session": "session",
    "import-problems-box": "problems",
    # --- the project picker ---
    "projects": "projects",
    "new-name": "engagement name",
    "new-client": "client",
    "new-facilitator": "facilitator",
    # --- merge dialog ---
    "merge-edit-text": "new text",
}


def field_name(field_id: str) -> str:
    """A field's name as people read it (`FIELD_NAMES`), else its id's last word ('gap-description'
    is the description): the footer, the restore offer and the discard question name fields alike."""
    return FIELD_NAMES.get(field_id) or field_id.rsplit("-", 1)[-1].replace("_", " ")
