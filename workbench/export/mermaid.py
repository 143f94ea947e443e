"""The schedule as a Mermaid `gantt` chart, to paste into docs."""

from __future__ import annotations

import datetime as dt
import re

from workbench.analysis.plan import Schedule, week_date
from workbench.model.project import Project

SECTIONS = {"pilot": "Pilots", "deep-dive": "Deep-dive sessions", "milestone": "Milestones"}


def _safe(text: str) -> str:
    """Mermaid task names may not hold `:`, `#` or `;`, nor line breaks."""
    return re.sub(r"[:#;\r\n\t]+", " ", text).strip() or "untitled"


def mermaid_gantt(project: Project, plan: Schedule, today: dt.date) -> str:
    """Mermaid source with computed dates, critical items tagged `crit`."""
    lines = [
        "gantt",
        f"    title {_safe(project.project.name)}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %d %b",
    ]
    for kind, section in SECTIONS.items():
        members = [s for s in plan.items if s.item.kind == kind]
        if not members:
            continue
        lines.append(f"    section {section}")
        for scheduled in members:
            tags = []
            if kind == "milestone":
                tags.append("milestone")
            if scheduled.critical:
                tags.append("crit")
            tag_text = ", ".join([*tags, scheduled.id.replace(".", "_")])
            start = week_date(project, scheduled.start, today).isoformat()
            length = f"{scheduled.item.weeks * 7}d" if scheduled.item.weeks else "0d"
            lines.append(f"    {_safe(scheduled.item.title)} :{tag_text}, {start}, {length}")
    return "\n".join(lines) + "\n"
