"""Where project records point at each other by id, on plain TOML data: rename an id, find or
drop what points at it. The merge uses it to renumber colliding ids and to notice references to
records the other side deleted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from workbench.store.serialize import record_label

Data = dict[str, Any]
OnDrop = Literal["record", "item", "field"]
"""When the target goes: drop the holding record, the list item, or the field."""


@dataclass(frozen=True)
class Reference:
    """One kind of link: `holder[].field` points at a record of `target`."""

    target: str
    holder: str
    field: str
    form: str = ""
    """How the id is written: exactly (""), after a prefix ("heard:"), after "@" ("@"), or as an
    answer's `question@session` ("answer": evidence that is neither a quote nor a metric)."""
    on_drop: OnDrop = "item"

    def target_id(self, value: Any) -> str | None:
        """The id one written value (a field or a list item) names, if it names one."""
        if not isinstance(value, str):
            return None
        if self.form == "@":
            return value.rsplit("@", 1)[1] if "@" in value else None
        if self.form == "answer":
            return value if "@" in value and not value.startswith(("heard:", "metric:")) else None
        return value.removeprefix(self.form) if value.startswith(self.form) else None

    def points_at(self, value: Any, target_id: str) -> bool:
        """Whether one written value names the id."""
        return self.target_id(value) == target_id

    def renamed(self, value: Any, old: str, new: str) -> Any:
        """The value with the id replaced, or unchanged when it names another record."""
        if not self.points_at(value, old):
            return value
        if self.form == "@":
            return value.rsplit("@", 1)[0] + "@" + new
        if self.form == "answer":
            return new
        return self.form + new


REFERENCES = (
    Reference("sessions", "answers", "session", on_drop="record"),
    Reference("sessions", "heard", "session", on_drop="record"),
    Reference("sessions", "metrics", "session", on_drop="field"),
    Reference("sessions", "gaps", "evidence", "@"),
    Reference("sessions", "gaps", "source", "@", on_drop="field"),
    Reference("sessions", "dismissed", "suggestion", "@", on_drop="record"),
    Reference("answers", "gaps", "evidence", "answer"),
    Reference("heard", "gaps", "evidence", "heard:"),
    Reference("metrics", "gaps", "evidence", "metric:"),
    Reference("metrics", "pilots", "metrics"),
    Reference("gaps", "mappings", "gap", on_drop="record"),
    Reference("gaps", "pilots", "gaps"),
    Reference("pilots", "pilots", "depends_on"),
)
"""Every link between records of a project file. A gap's evidence `question@session` names an
answer, and may name one not given yet (a gap raised from a question, answered later): only a
merge treats it as pointing at a record, when one side deletes the answer the other now cites."""

ID_SECTIONS = ("sessions", "heard", "metrics", "gaps", "pilots", "next_steps")
"""Record lists whose records carry an `id`."""


def _values(record: Data, field: str) -> list[Any]:
    value = record.get(field)
    return value if isinstance(value, list) else [value]


def rename_id(data: Data, section: str, old: str, new: str) -> None:
    """Give a record a new id, and make every reference to it follow (in place)."""
    for record in data.get(section, []):
        if record.get("id") == old:
            record["id"] = new
    for ref in REFERENCES:
        if ref.target != section:
            continue
        for record in data.get(ref.holder, []):
            value = record.get(ref.field)
            if isinstance(value, list):
                record[ref.field] = [ref.renamed(v, old, new) for v in value]
            elif value is not None:
                record[ref.field] = ref.renamed(value, old, new)


def pointing_at(data: Data, section: str, target_id: str) -> Iterator[tuple[Reference, Data]]:
    """Each (link, holding record) that names the record `section`/`target_id`."""
    for ref in REFERENCES:
        if ref.target != section:
            continue
        for record in data.get(ref.holder, []):
            if any(ref.points_at(v, target_id) for v in _values(record, ref.field)):
                yield ref, record


def dangling(data: Data) -> set[str]:
    """Each reference to a record the data does not have, as `holder label field -> id`."""
    ids = {section: {r.get("id") for r in data.get(section, [])} for section in ID_SECTIONS}
    found: set[str] = set()
    for ref in REFERENCES:
        if ref.target not in ids:  # an answer not given yet is a question asked there
            continue
        for record in data.get(ref.holder, []):
            for value in _values(record, ref.field):
                target = ref.target_id(value)
                if target is not None and target not in ids[ref.target]:
                    found.add(f"{ref.holder} {record_label(ref.holder, record)} {ref.field} -> {target}")
    return found


def drop_references(data: Data, section: str, target_id: str) -> None:
    """Remove what points at a deleted record, as the domain's delete operations do (in place)."""
    for ref in REFERENCES:
        if ref.target != section or ref.holder not in data:
            continue
        keep: list[Data] = []
        for record in data[ref.holder]:
            value = record.get(ref.field)
            if isinstance(value, list):
                if any(ref.points_at(v, target_id) for v in value):
                    record[ref.field] = [v for v in value if not ref.points_at(v, target_id)]
            elif ref.points_at(value, target_id):
                if ref.on_drop == "record":
                    continue
                del record[ref.field]
            keep.append(record)
        data[ref.holder] = keep
