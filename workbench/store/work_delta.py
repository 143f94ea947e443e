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


_NAMES = {  # section: (one, many) as a person says them
    "gaps": ("gap", "gaps"),
    "heard": ("heard quote", "heard quotes"),
    "metrics": ("metric", "metrics"),
    "pilots": ("plan item", "plan items"),
    "next_steps": ("next step", "next steps"),
    "milestones": ("milestone", "milestones"),
    "mappings": ("gap-practice link", "gap-practice links"),
    "dismissed": ("dismissed suggestion", "dismissed suggestions"),
    "sessions": ("session", "sessions"),
}
_HEAD_NAMES = {"project": "project details", "settings": "settings", "proposal": "proposal"}
_CLOCK_KEYS = {"elapsed_seconds", "area_seconds"}


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _some(ids: list[str], one: str, many: str, done: str) -> str:
    """'gap G-012 raised', 'gaps G-1 and G-2 raised', '4 gaps raised'."""
    if len(ids) == 1 and ids[0]:
        return f"{one} {ids[0]} {done}"
    if len(ids) == 2 and all(ids):
        return f"{many} {ids[0]} and {ids[1]} {done}"
    return f"{_counted(len(ids), one, many)} {done}"


def work_summary(file: Data, work: Data) -> str:
    """What the unsaved `work` holds that the `file` (both as `project_to_data` gives them)
    does not, in a few words for the restore offer: 'notes on 3 questions in session ml-1, gap
    G-012 raised, 1 heard quote'; '' when they hold the same. Session clocks are left out (the
    offer says the clock)."""
    said: list[str] = []
    old_answers = {record_label("answers", a): a for a in file.get("answers") or []}
    by_session: dict[str, list[bool]] = {}  # session: for each changed answer, notes only?
    for answer in work.get("answers") or []:
        old = old_answers.get(record_label("answers", answer))
        if old == answer:
            continue
        changed = {k for k in set(answer) | set(old or {}) if (old or {}).get(k) != answer.get(k)}
        by_session.setdefault(str(answer.get("session", "")), []).append(changed <= {"notes"})
    for session, notes_only in by_session.items():
        what = "notes on" if all(notes_only) else "answers to"
        said.append(f"{what} {_counted(len(notes_only), 'question', 'questions')} in session {session}")
    for section, (one, many) in _NAMES.items():
        old_records = {record_label(section, r): r for r in file.get(section) or []}
        new_records = {record_label(section, r): r for r in work.get(section) or []}
        added = [label for label in new_records if label not in old_records]
        edited = []
        for label, record in new_records.items():
            old = old_records.get(label)
            if old is None or old == record:
                continue
            changed = {k for k in set(record) | set(old) if old.get(k) != record.get(k)}
            if section != "sessions" or not changed <= _CLOCK_KEYS:
                edited.append(label)
        removed = [label for label in old_records if label not in new_records]
        if section == "heard" and added:
            said.append(_counted(len(added), one, many))
        elif added:
            done = {"gaps": "raised", "sessions": "started"}.get(section, "added")
            said.append(_some(added, one, many, done))
        if edited:
            said.append(_some(edited, one, many, "edited"))
        if removed:
            said.append(_some(removed, one, many, "deleted"))
    for key, name in _HEAD_NAMES.items():
        if file.get(key) != work.get(key):
            said.append(f"{name} edited")
    return ", ".join(said)
