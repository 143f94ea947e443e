"""Unsaved work as what differs from the file it started from, so the journal written every
second while someone types holds the one record being typed, not 3,000 answers.

A delta is `{"head": {...}, "records": {section: [item, ...]}}`: the head is every top-level
key that is not a record list (small: the project table, settings, proposal), and each record
list is a list of items, in order: a record (a table) or `[start, stop]`, the base's records
`start` to `stop - 1` unchanged.
"""

from __future__ import annotations

from typing import Any

from workbench.store.serialize import RECORD_KEYS, record_label

Data = dict[str, Any]


def work_delta(base: Data, data: Data) -> Data:
    """`data` as a delta from `base` (both as `project_to_data` gives them)."""
    head = {key: value for key, value in data.items() if key not in RECORD_KEYS}
    records: dict[str, list[Any]] = {}
    for section in RECORD_KEYS:
        new, old = data.get(section) or [], base.get(section) or []
        if not new:
            continue
        if new == old:
            records[section] = [[0, len(old)]]
            continue
        index: dict[str, int] | None = None
        items: list[Any] = []
        for position, record in enumerate(new):
            same = position < len(old) and (old[position] is record or old[position] == record)
            found: int | None = position if same else None
            if found is None:
                if index is None:
                    index = {record_label(section, r): n for n, r in enumerate(old)}
                at = index.get(record_label(section, record))
                found = at if at is not None and old[at] == record else None
            if found is None:
                items.append(record)
            elif items and isinstance(items[-1], list) and items[-1][1] == found:
                items[-1][1] = found + 1
            else:
                items.append([found, found + 1])
        records[section] = items
    return {"head": head, "records": records}


def apply_delta(base: Data | None, delta: Data) -> Data | None:
    """The work again from its delta and the base's data; None when the delta is not one, or
    it needs a base that is missing."""
    head, records = delta.get("head"), delta.get("records")
    if not isinstance(head, dict) or not isinstance(records, dict):
        return None
    data = dict(head)
    for section, items in records.items():
        old = (base or {}).get(section) or []
        out: list[Any] = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                out.append(item)
            elif isinstance(item, list) and len(item) == 2 and base is not None:
                out.extend(old[item[0] : item[1]])
            else:
                return None
        data[section] = out
    return data
