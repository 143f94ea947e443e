"""What a person calls each field of a project file (`current` → `current maturity`): one mapping
for every message that names a field, the merge driver's report and the app's merge dialog."""

from __future__ import annotations

FIELD_NAMES: dict[str, str] = {
    "id": "id",
    "template": "template",
    "date": "date",
    "attendees": "attendees",
    "minutes": "planned minutes",
    "elapsed_seconds": "time on the session clock",
    "area_seconds": "time on the clock per area",
    "question": "question",
    "session": "session",
    "current": "current maturity",
    "target": "target maturity",
    "follow_up_with": "follow up with",
    "follow_up_due": "follow-up due",
    "indicator": "pain indicator",
    "speaker_role": "speaker's role",
    "baseline": "baseline",
    "measured_by": "how it is measured",
    "due": "due date",
    "evidence": "evidence",
    "source": "raised from",
    "practice": "practice",
    "rationale": "rationale",
    "suggestion": "suggestion",
    "kind": "kind",
    "criteria": "evaluation criteria",
    "weeks": "length in weeks",
    "depends_on": "depends on",
    "start": "start week",
    "step": "follow-up step",
    "banks": "question banks",
    "plan_start": "plan start date",
    "created": "created on",
    "matrix": "gap matrix",
    "impact_threshold": "impact threshold",
    "complexity_threshold": "complexity threshold",
    "priority": "priority weights",
    "executive_summary": "executive summary",
    "working_well": "what is working well",
}
"""Field → words, wherever the field is; a field not listed reads as its name with spaces."""

SECTION_FIELD_NAMES: dict[tuple[str, str], str] = {
    ("sessions", "template"): "session template",
    ("metrics", "template"): "metric from the bank",
    ("metrics", "target"): "target value",
    ("pilots", "metrics"): "success metrics",
    ("pilots", "gaps"): "gaps addressed",
    ("pilots", "practices"): "practices applied",
    ("mappings", "status"): "decision",
    ("project", "name"): "project name",
    ("proposal", "template"): "Word template",
}
"""(section, field) → words, where a field means something else in that section."""


def field_name(section: str, name: str) -> str:
    """A field as a person names it: `field_name("answers", "current")` → `current maturity`,
    `field_name("metrics", "target")` → `target value`, `follow_up_with` → `follow up with`."""
    return SECTION_FIELD_NAMES.get((section, name)) or FIELD_NAMES.get(name) or name.replace("_", " ")
