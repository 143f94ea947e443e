"""A merge's conflicts in a person's words, for the driver's report and the app's dialog: records
named by what they hold (`gap G-003 'No model registry'`, `answer to 'How do you deploy…' in
session Data science [q@data-1]`), the sides named as the reader knows them (git's `ours` and
`theirs`, or the app's `the file on disk` and `your copy`), and long values shown from where
they start to differ."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.model.field_names import field_name
from workbench.printable import clean
from workbench.store.merge3 import ABSENT, Conflict, Data, is_id_conflict
from workbench.store.serialize import RECORD_KEYS, record_label


@dataclass(frozen=True)
class Sides:
    """What the reader calls the two sides of a merge."""

    ours: str
    theirs: str

    def of(self, side: str) -> str:
        return self.ours if side == "ours" else self.theirs

    def whose(self, side: str) -> str:
        """`theirs'`, `your copy's`: the side's name as an owner."""
        name = self.of(side)
        return f"{name}'" if name.endswith("s") else f"{name}'s"


def in_words_of(note: str, sides: Sides) -> str:
    """A conflict's note (the driver's words: 'ours made P-1 wait for D-1, theirs made …') with
    each side called as this reader calls it."""
    both = f"{sides.ours} and {sides.theirs}"
    said = note.replace("ours and theirs made ", f"{both} made ")
    for side in ("ours", "theirs"):
        said = said.replace(f"({side} made ", f"({sides.of(side)} made ")
        said = said.replace(f", {side} made ", f", {sides.of(side)} made ")
    return said


GIT = Sides("ours", "theirs")
"""The driver's report: git's words, as its markers say."""
APP = Sides("the file on disk", "your copy")
"""The app's dialog: the file on disk is ours, the person's work is theirs."""
RECOVERED = Sides("the file now", "your recovered work")
"""The app's dialog while restoring unsaved work from the journal."""

KINDS = {
    "project": "project details",
    "settings": "settings",
    "sessions": "session",
    "answers": "answer",
    "heard": "heard quote",
    "metrics": "metric",
    "gaps": "gap",
    "mappings": "mapping",
    "dismissed": "dismissed suggestion",
    "pilots": "plan item",
    "next_steps": "next step",
    "milestones": "milestone",
}
"""What a person calls a record of each section."""

WORD_FIELDS = ("title", "quote", "text", "suggestion")
"""The fields a record is named by, first found first."""
NAME_CHARS = 40
"""A record's words in its name are cut to this many characters."""


def shorten(text: str, width: int) -> str:
    """Text on one line, hidden characters shown as the dialog's rows show them (`clean`: ␛ ␇ ␀),
    runs of spaces one, cut to `width` with `…`."""
    flat = re.sub(" +", " ", clean(text, multiline=False)).strip()
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def field_path(section: str, parts: Sequence[str]) -> str:
    """Where in a record (or table) a conflict is, in words: `current maturity`, `gap matrix ›
    impact threshold`, `time on the clock per area › model-training` (a key of the person's own
    stays as written)."""
    words: list[str] = []
    for part in parts:
        words.append(field_name(section, part))
        section = part
    return " › ".join(words)


QUESTION_FIELDS = {("heard", "indicator"), ("metrics", "template")}
"""(section, field) of the fields that hold a question's reference (`bank:id`)."""


def names_a_question(conflict: Conflict) -> bool:
    """Whether a conflict is on a field that holds a question's reference."""
    return (conflict.path[0], conflict.path[-1]) in QUESTION_FIELDS


@dataclass
class Names:
    """Names records by what they hold, looking them up in the merge's versions."""

    versions: Sequence[Data]
    """Where to find a record: the merged data first, then the sides and base."""
    questions: Mapping[str, str] = field(default_factory=dict)
    """Question text by reference (`bank:id`), when the banks are at hand."""
    templates: Mapping[str, str] = field(default_factory=dict)
    """Session-template title by id."""
    answer_keys: bool = True
    """Whether an answer's name ends with its key, `[question@session]` (the driver's report, read
    beside the file; the app's dialog names the question and the session only)."""

    def find(self, section: str, label: str) -> Data:
        for data in self.versions:
            for record in data.get(section, []) if isinstance(data.get(section), list) else []:
                if isinstance(record, dict) and record_label(section, record) == label:
                    return record
        return {}

    def session(self, session_id: str) -> str:
        """`Data science`: a session's title, its template's, else its id."""
        record = self.find("sessions", session_id)
        return str(record.get("title") or self.templates.get(str(record.get("template")), "") or session_id)

    def record(self, section: str, label: str) -> str:
        """A record as a person names it, its id or key kept in brackets."""
        kind = KINDS.get(section, section)
        record = self.find(section, label)
        if section == "answers":
            question, _, session = label.rpartition("@")
            text = shorten(self.questions.get(question, question), NAME_CHARS)
            named = f"answer to '{text}' in session {shorten(self.session(session), NAME_CHARS)}"
            return f"{named} [{label}]" if self.answer_keys else named
        if section == "sessions":
            return f"session {shorten(self.session(label), NAME_CHARS)} [{label}]"
        if section == "mappings":
            gap, _, practice = label.partition("/")
            return f"mapping of {self.record('gaps', gap)} to practice {practice}"
        if section == "metrics" and not record.get("text"):
            words = self.questions.get(str(record.get("template")), "")
        else:
            words = next((str(record[k]) for k in WORD_FIELDS if record.get(k)), "")
        if section == "gaps":
            return f"gap {label} '{shorten(words, NAME_CHARS)}'" if words else f"gap {label}"
        if section in ("milestones", "dismissed"):
            return f"{kind} '{shorten(label, NAME_CHARS)}'"
        return f"{kind} '{shorten(words, NAME_CHARS)}' [{label}]" if words else f"{kind} {label}"

    def value(self, conflict: Conflict, value: Any) -> str:
        """A conflict's value as a person reads it, in full (`plain`); a field that points at a
        question (a heard quote's pain indicator, a metric's question) by the question's words, its
        reference kept in brackets where answers keep their keys (the driver's report)."""
        if names_a_question(conflict) and isinstance(value, str):
            words = self.questions.get(value)
            if words:
                return f"'{words}' [{value}]" if self.answer_keys else f"'{words}'"
        return plain(value, len(conflict.path) == 2)

    def what(self, conflict: Conflict) -> str:
        """What is in conflict: `gap G-003 'No model registry': title`, `project details:
        facilitator`, `gap G-003 'No model registry'` (the whole record)."""
        section = conflict.path[0]
        if section not in RECORD_KEYS:
            rest = field_path(section, conflict.path[1:])
            return f"{KINDS.get(section, section)}: {rest}" if rest else KINDS.get(section, section)
        name = self.record(section, conflict.path[1])
        if len(conflict.path) == 2:
            return name
        return f"{name}: {field_path(section, conflict.path[2:])}"

    def field(self, conflict: Conflict) -> str:
        """The field a conflict is on, within its record: `session template`."""
        return field_path(
            conflict.path[0], conflict.path[2:] if conflict.path[0] in RECORD_KEYS else conflict.path[1:]
        )

    def why(self, conflict: Conflict, sides: Sides) -> str:
        """Why it is a conflict when the values alone do not say, in the reader's words."""
        if conflict.deleted_by is None and is_id_conflict(conflict.path):
            fields = [field_path(conflict.path[0], c.path[2:]) for c in conflict.settles]
            if not fields:
                return "both renamed it, differently"
            return (
                f"both renamed it, differently, and both changed its {' and '.join(fields)}; "
                "the side kept gives its id and its values"
            )
        if conflict.deleted_by is None:
            return conflict.note
        other = "theirs" if conflict.deleted_by == "ours" else "ours"
        deleted = f"deleted in {sides.of(conflict.deleted_by)}"
        if conflict.used_by:
            users = ", ".join(self.record(s, label) for s, label in conflict.used_by)
            return f"{deleted}, still used by {users}"
        return f"{deleted}, edited in {sides.of(other)}"

    def heading(self, conflict: Conflict) -> str:
        """What is in conflict, starting a heading or a line: `Answer to 'How do you…' …: notes`."""
        return capital(self.what(conflict))

    def sentence(self, conflict: Conflict, sides: Sides) -> str:
        """What, and why when the values don't say: one line of the report or the dialog."""
        why = self.why(conflict, sides)
        return f"{self.heading(conflict)} ({why})" if why else self.heading(conflict)


def renumbering(
    renumbered: Sequence[tuple[str, str, str]], made_room: Sequence[tuple[str, str, str, str]], sides: Sides
) -> list[str]:
    """Each record a merge gave a new id, in the reader's words (the driver's report and the
    app's notice): `theirs' gap G-009 is now G-010 (both sides created G-009)`."""
    said = [
        f"{sides.whose('theirs')} {KINDS.get(section, section)} {old} is now {new} (both sides created {old})"
        for section, old, new in renumbered
    ]
    for side, section, old, new in made_room:
        kind = KINDS.get(section, section)
        other = "theirs" if side == "ours" else "ours"
        said.append(
            f"{sides.whose(side)} {kind} {old} is now {new} "
            f"(to make room for {sides.whose(other)} {kind} renumbered to {old})"
        )
    return said


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def record_words(value: Any) -> str:
    """A whole record by its words: its title, text, quote or notes."""
    words = value.get("title") or value.get("text") or value.get("quote") or value.get("notes")
    return str(words) if words else "(no title)"


def plain(value: Any, record: bool = False) -> str:
    """A value as a person reads it, in full: text as written, a record by its words, a field
    that is not there as `not set` (a record: `deleted`)."""
    if value is ABSENT:
        return "deleted" if record else "not set"
    if record and isinstance(value, dict):
        return record_words(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):  # a table of values (never Python's {'key': 1})
        return ", ".join(f"{key} {plain(v)}" for key, v in value.items()) or "(empty)"
    return str(value)


def both_kept(ours: str, theirs: str, sides: Sides) -> str:
    """Two texts kept together, the second marked as the other side's: `A / [your copy] B` for
    short ones, else `A`, a blank line, `[your copy] B`."""
    if "\n" not in ours + theirs and len(ours) + len(theirs) <= SHORT_BOTH:
        return f"{ours} / [{sides.theirs}] {theirs}"
    return f"{ours}\n\n[{sides.theirs}] {theirs}"


SHORT_BOTH = 60
"""Two texts this long together are kept on one line."""


def differing(values: Sequence[str], width: int, between: slice = slice(None)) -> list[str]:
    """Each value on one line of at most `width` characters, cut at the same place: from a little
    before where the values `between` (all, or the two sides) start to differ, so two long texts
    that differ at the end look different (`…for a new model, measured in March.` / `…for a new
    model, by their estimate.`). A value too short to reach that place is shown from its start."""
    flat = [clean(v, multiline=False) for v in values]
    if all(len(v) <= width for v in flat):
        return flat
    skip = max(0, _first_difference(flat[between]) - width // 3)
    out: list[str] = []
    for value in flat:
        at = min(skip, max(0, len(value) - width + 1))
        part = "…" + value[at + 1 :] if at else value
        out.append(part if len(part) <= width else part[: width - 1] + "…")
    return out


def _first_difference(values: Sequence[str]) -> int:
    shortest = min((len(v) for v in values), default=0)
    for at in range(shortest):
        if len({v[at] for v in values}) > 1:
            return at
    return shortest


def from_base(values: Sequence[str], width: int) -> list[str]:
    """Base, ours and theirs each on one line of at most `width` characters, each side from a
    little before where it differs from the base, so what each side changed shows even when
    the other changed something earlier (ours appended a sentence at the end, theirs edited
    the middle); the base from the earlier of the two places."""
    flat = [clean(v, multiline=False) for v in values]
    if all(len(v) <= width for v in flat):
        return flat
    base, sides = flat[0], flat[1:]
    starts = [_first_difference([base, side]) for side in sides]
    return [_cut(v, width, at) for v, at in zip(flat, [min(starts), *starts], strict=True)]


def _cut(value: str, width: int, difference: int) -> str:
    at = min(max(0, difference - width // 3), max(0, len(value) - width + 1))
    part = "…" + value[at + 1 :] if at else value
    return part if len(part) <= width else part[: width - 1] + "…"


def edits(before: Mapping[str, Any], after: Mapping[str, Any], width: int = 30, section: str = "") -> str:
    """The fields one side edited in a record of `section`, `impact 1 -> 2, title 'A' -> 'B'`;
    `unchanged` when there are none."""
    changed = [k for k in [*before, *(k for k in after if k not in before)] if before.get(k) != after.get(k)]

    def shown(value: Any) -> str:
        text = shorten(plain(value if value is not None else ABSENT), width)
        return f"'{text}'" if isinstance(value, str) else text

    words = [f"{field_name(section, k)} {shown(before.get(k))} -> {shown(after.get(k))}" for k in changed]
    return ", ".join(words) or "unchanged"
