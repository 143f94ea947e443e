"""The follow-up agenda per person, as document blocks (Markdown) or CSV rows."""

from __future__ import annotations

import csv
import datetime as dt
import io

from workbench.analysis.followups import KIND_LABELS, FollowUp, by_person
from workbench.export.blocks import Block, Bullets, Heading, Paragraph
from workbench.export.cleaning import spreadsheet_text, xml_safe

CSV_HEADERS = ["person", "kind", "state", "due", "question", "note", "area", "session", "key"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _line(item: FollowUp, today: dt.date) -> str:
    where = [x for x in (item.area, f"session {item.session}" if item.session else "") if x]
    if item.due:
        where.append(f"due {item.due}" + (", overdue" if item.overdue(today) else ""))
    text = f"{KIND_LABELS[item.kind]}: {_flat(item.subject)}"
    if where:
        text += f" ({'; '.join(where)})"
    if item.note:
        text += f". Note: {_flat(item.note)}"
    return ("[done] " if item.done else "") + text


def agenda_blocks(title: str, items: list[FollowUp], today: dt.date) -> list[Block]:
    """A heading per person and what to ask or do, open items first."""
    blocks: list[Block] = [Heading(f"Follow-ups: {title}", 0)]
    if not items:
        blocks.append(Paragraph("Nothing to follow up."))
        return blocks
    for person, group in by_person(items):
        still_open = sum(1 for i in group if not i.done)
        blocks.append(Heading(f"{person} ({still_open} open)", 1))
        blocks.append(Bullets([_line(i, today) for i in group]))
    return blocks


def agenda_csv(items: list[FollowUp]) -> str:
    """One row per item, grouped by person, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADERS)
    for person, group in by_person(items):
        for i in group:
            row = [
                person,
                i.kind,
                "done" if i.done else "open",
                str(i.due or ""),
                i.subject,
                i.note,
                i.area,
                i.session,
                i.key,
            ]
            writer.writerow([spreadsheet_text(xml_safe(cell)) for cell in row])
    return out.getvalue()
