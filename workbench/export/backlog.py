"""The backlog for the client's tracker: gaps, accepted practices, pilots and next steps as work items.

Every item carries a stable key built from the project's record ids (`<project>:G-001`,
`<project>:G-001:ds.cicd-for-ml`, `<project>:P-1`, `<project>:N-1`), so a second export can be
matched to the first: as a label (`wb-…`) in Jira, a tag in Azure DevOps, an `id` in the GitHub
JSON and a column in the plain CSV. Formats follow each tracker's CSV import:
- jira: Issue Id, Parent Id, Issue Type, Summary, Description, Priority, Labels…, Assignee, Due Date
- azure: ID, Work Item Type, Title 1, Title 2, Title 3, Description, Priority, Tags, Assigned To
- github: a JSON array of {id, parent, title, body, labels, owner, due} for `gh issue create`
- csv: key, parent, type, title, description, priority, labels, owner, due
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from workbench.analysis.currency import in_currency, project_currency
from workbench.analysis.gaps import evidence_trail, gap_quadrant
from workbench.export.cleaning import ascii_name, spreadsheet_text
from workbench.model.catalogue import Catalogue
from workbench.model.project import Gap, Project

FORMATS = ("jira", "azure", "github", "csv")

QUADRANT_PRIORITY = {"quick-win": 1, "strategic": 2, "fill-in": 3, "deprioritise": 4}
"""Priority from the matrix: 1 (do first) to 4."""

_JIRA_PRIORITY = {1: "Highest", 2: "High", 3: "Medium", 4: "Low"}
_TYPES = {
    "jira": {"epic": "Epic", "story": "Story", "task": "Task"},
    "azure": {"epic": "Epic", "story": "User Story", "task": "Task"},
}
_DEPTH = {"epic": 0, "story": 1, "task": 2}


@dataclass
class WorkItem:
    """One item for the tracker."""

    key: str
    """Stable across exports: the project's slug and the record ids."""
    kind: str
    """epic (a pilot), story (a gap) or task (an accepted practice or a next step)."""
    title: str
    description: str
    priority: int = 3
    """1 (highest) to 4, from the gap's matrix quadrant."""
    labels: list[str] = field(default_factory=list)
    owner: str = ""
    due: dt.date | None = None
    parent: str = ""
    """Key of the parent item: a pilot for its gaps, a gap for its practices."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_name(text).lower()).strip("-")[:40] or "project"


def _label(text: str) -> str:
    """Labels cannot hold spaces in Jira: lower-case words joined by dashes."""
    return re.sub(r"[^A-Za-z0-9_.:-]+", "-", text).strip("-").lower()


def backlog_items(project: Project, catalogue: Catalogue) -> list[WorkItem]:
    """Pilots, then each gap under its first pilot (or alone), its accepted practices, then next steps."""
    base = _slug(project.project.name)
    epic_of: dict[str, str] = {}
    items: list[WorkItem] = []
    for pilot in project.pilots:
        key = f"{base}:{pilot.id}"
        for gap_id in pilot.gaps:
            epic_of.setdefault(gap_id, key)
        lines = [pilot.objective] if pilot.objective else []
        if pilot.criteria:
            lines += ["", "Success criteria:", *(f"- {c}" for c in pilot.criteria)]
        lines += ["", f"Duration: {pilot.weeks} week{'s' if pilot.weeks != 1 else ''}."]
        gaps = [project.gap(g) for g in pilot.gaps]
        quadrants = [gap_quadrant(project, g) for g in gaps if g]
        priority = min((QUADRANT_PRIORITY[q] for q in quadrants), default=3)
        kind = "epic" if pilot.kind == "pilot" else "task"
        labels = ["workbench", pilot.kind, *sorted(set(quadrants))]
        items.append(
            WorkItem(key, kind, pilot.title, "\n".join(lines).strip(), priority, labels, pilot.owner)
        )
    accepted = project.accepted_by_gap()
    currency = project_currency(project)  # the guides' amounts as the client counts money
    for gap in project.gaps:
        gap_key = f"{base}:{gap.id}"
        items.append(_gap_item(project, catalogue, gap, gap_key, epic_of.get(gap.id, ""), accepted, currency))
        for practice_id in accepted.get(gap.id, []):
            practice = catalogue.practices.get(practice_id)
            if practice is None:
                continue
            guide = catalogue.guides.get(practice.guide)
            example = in_currency(practice.example, currency)
            lines = [in_currency(practice.summary, currency)]
            if example:
                lines += ["", "How to start:", example]
            rationale = next(
                (m.rationale for m in project.mappings if m.gap == gap.id and m.practice == practice_id), ""
            )
            if rationale:
                lines += ["", f"Why here: {rationale}"]
            labels = ["workbench", "practice", _label(practice.guide), *(_label(a) for a in practice.areas)]
            title = practice.title if not guide else f"{practice.title} ({guide.title})"
            items.append(
                WorkItem(
                    f"{gap_key}:{practice_id}",
                    "task",
                    title,
                    "\n".join(lines),
                    QUADRANT_PRIORITY[gap_quadrant(project, gap)],
                    labels,
                    gap.owner,
                    parent=gap_key,
                )
            )
    for step in project.next_steps:
        labels = ["workbench", "next-step", *(["done"] if step.done else [])]
        items.append(
            WorkItem(f"{base}:{step.id}", "task", step.text, step.text, 2, labels, step.owner, step.due)
        )
    return items


def _gap_item(
    project: Project,
    catalogue: Catalogue,
    gap: Gap,
    key: str,
    parent: str,
    accepted: dict[str, list[str]],
    currency: str,
) -> WorkItem:
    quadrant = gap_quadrant(project, gap)
    lines = [gap.description] if gap.description else []
    trail = list(_evidence_lines(project, catalogue, gap, currency))
    if trail:
        lines += ["", "What we found:", *trail]
    matrix = f"Impact {gap.impact} of 5, complexity {gap.complexity} of 5 ({quadrant.replace('-', ' ')})."
    lines += ["", matrix]
    guide_labels = sorted(
        {_label(catalogue.practices[p].guide) for p in accepted.get(gap.id, []) if p in catalogue.practices}
    )
    labels = ["workbench", quadrant, *([_label(gap.area)] if gap.area else []), *guide_labels]
    return WorkItem(
        key,
        "story",
        gap.title,
        "\n".join(lines).strip(),
        QUADRANT_PRIORITY[quadrant],
        labels,
        gap.owner,
        parent=parent,
    )


def _evidence_lines(project: Project, catalogue: Catalogue, gap: Gap, currency: str) -> Iterator[str]:
    for item in evidence_trail(project, catalogue, gap, currency):
        who = f" ({item.who})" if item.who else ""
        if item.kind == "quote":
            yield f"- Heard{who}: \u201c{item.detail}\u201d"
        elif item.kind == "metric":
            yield f"- Success metric: {item.text}" + (f"; measured by {item.detail}" if item.detail else "")
        elif item.kind == "answer":
            session = f" (session {item.session})" if item.session else ""
            yield f"- Asked \u201c{item.text}\u201d{session}: {item.detail}"
        else:
            yield f"- Open question: {item.text}"


def stable_number(key: str) -> int:
    """A positive integer derived from the key, the same in every export (Jira's Issue Id)."""
    return zlib.crc32(key.encode("utf-8")) or 1


def render(items: list[WorkItem], fmt: str) -> str:
    """The items in one tracker's import format."""
    if fmt == "github":
        return _github(items)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if fmt == "jira":
        _jira(items, writer)
    elif fmt == "azure":
        _azure(items, writer)
    elif fmt == "csv":
        _plain(items, writer)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return buffer.getvalue()


def _with_key(item: WorkItem) -> list[str]:
    return [*item.labels, f"wb-{_label(item.key)}"]


def _jira(items: list[WorkItem], writer: Any) -> None:
    width = max((len(_with_key(i)) for i in items), default=1)
    writer.writerow(
        ["Issue Id", "Parent Id", "Issue Type", "Summary", "Epic Name", "Description", "Priority"]
        + ["Labels"] * width
        + ["Assignee", "Due Date"]
    )
    numbers = {item.key: stable_number(item.key) for item in items}
    for item in items:
        labels = _with_key(item)
        writer.writerow(
            [
                numbers[item.key],
                numbers.get(item.parent, ""),
                _TYPES["jira"][item.kind],
                item.title,
                item.title if item.kind == "epic" else "",
                item.description,
                _JIRA_PRIORITY[item.priority],
                *labels,
                *[""] * (width - len(labels)),
                item.owner,
                item.due.isoformat() if item.due else "",
            ]
        )


def _tree(items: list[WorkItem]) -> list[tuple[int, WorkItem]]:
    """Depth-first order with each item's depth, as Azure's Title 1/2/3 columns need."""
    children: dict[str, list[WorkItem]] = {}
    known = {item.key for item in items}
    for item in items:
        children.setdefault(item.parent if item.parent in known else "", []).append(item)
    out: list[tuple[int, WorkItem]] = []

    def walk(parent: str, depth: int) -> None:
        for child in children.get(parent, []):
            out.append((min(depth, 2), child))
            walk(child.key, depth + 1)

    walk("", 0)
    return out


def _azure(items: list[WorkItem], writer: Any) -> None:
    writer.writerow(
        [
            "ID",
            "Work Item Type",
            "Title 1",
            "Title 2",
            "Title 3",
            "Description",
            "Priority",
            "Tags",
            "Assigned To",
        ]
    )
    for depth, item in _tree(items):
        titles = ["", "", ""]
        titles[depth] = item.title
        writer.writerow(
            [
                "",
                _TYPES["azure"][item.kind],
                *titles,
                item.description.replace("\n", "<br>"),
                item.priority,
                "; ".join(_with_key(item)),
                item.owner,
            ]
        )


def _plain(items: list[WorkItem], writer: Any) -> None:
    writer.writerow(["key", "parent", "type", "title", "description", "priority", "labels", "owner", "due"])
    for item in items:
        row = [
            item.key,
            item.parent,
            item.kind,
            item.title,
            item.description,
            item.priority,
            ";".join(item.labels),
            item.owner,
            item.due.isoformat() if item.due else "",
        ]
        writer.writerow([spreadsheet_text(str(cell)) for cell in row])


def _github(items: list[WorkItem]) -> str:
    titles = {item.key: item.title for item in items}
    issues = []
    for item in items:
        body = item.description
        extra = []
        if item.parent:
            extra.append(f"Part of: {titles.get(item.parent, item.parent)}")
        if item.owner:
            extra.append(f"Owner: {item.owner}")
        if item.due:
            extra.append(f"Due: {item.due.isoformat()}")
        extra.append(f"Priority: {item.priority} of 4 (1 is highest)")
        body = "\n\n".join([body, "\n".join(extra), f"<!-- workbench:{item.key} -->"])
        issues.append(
            {
                "id": item.key,
                "parent": item.parent,
                "type": item.kind,
                "title": item.title,
                "body": body,
                "labels": [*item.labels, f"priority-{item.priority}"],
                "owner": item.owner,
                "due": item.due.isoformat() if item.due else None,
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
