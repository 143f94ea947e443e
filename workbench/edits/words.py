"""How edits are named in the undo menu: short, one line, quoted."""

from __future__ import annotations

from typing import Any

from workbench import printable
from workbench.model.field_names import SECTION_FIELD_NAMES

NAME_WIDTH = 40


def quoted(text: str, width: int = NAME_WIDTH) -> str:
    """Text on one line in single quotes, cut to `width` with an ellipsis, hidden characters
    by name (`printable.quoted`)."""
    line = " ".join(text.split())
    if len(line) > width:
        line = line[: width - 1].rstrip() + "…"
    return printable.quoted(line)


FIELD_WORDS = {
    "notes": "notes",
    "status": "status",
    "reason": "reason",
    "follow_up_with": "follow-up",
    "confidence": "confidence",
    "current": "current maturity",
    "target": "target maturity",
    "baseline": "baseline",
    "measured_by": "how measured",
    "quote": "quote",
    "speaker_role": "speaker's role",
    "session": "session",
}
STATUS_WORDS = {
    "answered": "answered",
    "skipped": "skipped",
    "not-applicable": "not applicable",
    "follow-up": "needs follow-up",
}
"""An answer's status as the screen says it (the status dropdown and the undo names)."""
TEXT_FIELDS = frozenset(
    {"notes", "reason", "follow_up_with", "quote", "speaker_role", "measured_by", "owner", "unit", "text"}
)
"""Text typed a key at a time: consecutive edits of one of them are undone together."""
TYPED_FIELDS = TEXT_FIELDS | {"baseline", "target", "due"}
"""Every field typed a key at a time (a metric's numbers and date too): undone together."""
PROSE_FIELDS = frozenset({"title", "description", "objective", "criteria", "attendees", "name"})
"""Fields edited in a form whose new value is too long to repeat in the edit's name."""


def field_word(name: str, section: str = "") -> str:
    """A field as the undo menu names it; `section` where the field means something else there
    (a metric's `target` is its target value, not a target maturity)."""
    return SECTION_FIELD_NAMES.get((section, name)) or FIELD_WORDS.get(name) or name.replace("_", " ")


def fields_phrase(values: dict[str, Any], section: str = "") -> str:
    """"notes", "status skipped", "current maturity 3", or a list of field names."""
    if len(values) == 1:
        (name, value), = values.items()
        word = field_word(name, section)
        if name in TEXT_FIELDS:
            return f"type {word}"
        if name in PROSE_FIELDS:
            return f"edit {word}"
        if isinstance(value, bool):
            return f"mark {word}" if value else f"mark not {word}"
        return f"set {word} to {value_words(name, value)}"
    return "edit " + ", ".join(field_word(n, section) for n in values)


def value_words(name: str, value: Any) -> str:
    """A value as the screen says it: a status in words, a list as its items ("none" if empty)."""
    if value is None:
        return "none"
    if name == "status":
        return STATUS_WORDS.get(str(value), str(value))
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value) or "none"
    return str(value)


def typing_key(kind: str, record: str, values: dict[str, Any]) -> str:
    """A merge key when every field is typed text, else no merging."""
    return f"{kind}:{record}:{','.join(sorted(values))}" if values and values.keys() <= TYPED_FIELDS else ""
