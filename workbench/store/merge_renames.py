"""Records whose id one side of a merge changed (a session renamed by hand: its id and every
reference to it). The merge treats such a rename as an edit of the one record: the rename is
undone on that side before records are matched, and the new id is given back afterwards, so
both sides' edits to the record and to what points at it meet field by field. Two different new
ids for one record are one conflict, on its id."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workbench.store.references import ID_SECTIONS, REFERENCES, pointing_at, rename_id

Data = dict[str, Any]
Renames = dict[tuple[str, str], str]
"""(section, id in base) → the id one side gave the record."""


def found_renames(base: Data, side: Data) -> Renames:
    """The records `side` gave a new id: gone under base's id, there under a new one, and either
    the same apart from the id (and title) or with what pointed at them moved to the new id."""
    renames: Renames = {}
    for section in ID_SECTIONS:
        base_ids = {r.get("id") for r in base.get(section, [])}
        side_ids = {r.get("id") for r in side.get(section, [])}
        new = [r for r in side.get(section, []) if r.get("id") not in base_ids]
        for old in (r for r in base.get(section, []) if r.get("id") not in side_ids):
            match = next((r for r in new if _same_record(section, old, r, base, side)), None)
            if match is not None:
                new.remove(match)
                renames[(section, str(old.get("id")))] = str(match.get("id"))
    return renames


def _same_record(section: str, old: Data, new: Data, base: Data, side: Data) -> bool:
    def rest(record: Data) -> Data:
        return {k: v for k, v in record.items() if k not in ("id", "title")}

    if rest(old) == rest(new):
        return True
    if old.get("template") != new.get("template"):
        return False
    old_id, new_id = str(old.get("id")), str(new.get("id"))
    return (
        any(pointing_at(base, section, old_id))
        and any(pointing_at(side, section, new_id))
        and not any(pointing_at(side, section, old_id))
    )


def kept_renames(renames: Renames, other: Data, other_renames: Renames) -> Renames:
    """The renames of records the other side still has (under base's id or one of its own):
    a record the other side deleted stays a new record under its new id."""
    ids = {section: {r.get("id") for r in other.get(section, [])} for section in ID_SECTIONS}
    return {key: new for key, new in renames.items() if key[1] in ids[key[0]] or key in other_renames}


def with_ids(data: Data, renames: Iterable[tuple[str, str, str]]) -> Data:
    """`data` with records given other ids ((section, from, to) each), and every reference
    following; the record lists touched are copies, so `data` itself is never changed."""
    changes = [(s, a, b) for s, a, b in renames if a != b]
    if not changes:
        return data
    sections = {s for s, _, _ in changes}
    touched = sections | {r.holder for r in REFERENCES if r.target in sections}
    out = {k: [dict(r) for r in v] if k in touched and isinstance(v, list) else v for k, v in data.items()}
    for section, old, new in changes:
        rename_id(out, section, old, new)
    return out
