"""Gap edits: raise, edit, move on the matrix, delete, evidence, merge, dismiss suggestions."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.edits.changes import Change, Insert, Remove, SetFields, set_fields
from workbench.edits.history import Edit, EditRefused, FieldsEdit
from workbench.edits.words import quoted
from workbench.export.redaction import SENTENCE_END
from workbench.model.evidence import answer_link, parse_evidence
from workbench.model.gap_phrase import GAP_WIDTH, at_a_word, gap_phrase_problems, question_gap
from workbench.model.project import Project
from workbench.model.records import Dismissal

if TYPE_CHECKING:
    from workbench.analysis.gaps import Suggestion
    from workbench.model.bank import Question


def question_evidence(project: Project, question: str, session: str, only_session: bool = False) -> list[str]:
    """What a gap raised from a question points at: the answer in this session, the times the
    indicator was heard, the metrics defined from it; the bare question when there is none. With
    `only_session`, the quotes and metrics of this session alone (what ctrl+l attaches: #12
    walkthrough, it attached and named another session's quote)."""
    evidence: list[str] = []
    if session and project.answer(question, session) is not None:
        evidence.append(answer_link(question, session))
    here = [h for h in project.heard if h.indicator == question]
    metrics = [m for m in project.metrics if m.template == question]
    if only_session:
        here = [h for h in here if h.session == session]
        metrics = [m for m in metrics if m.session == session]
    evidence += [f"heard:{h.id}" for h in here] + [f"metric:{m.id}" for m in metrics]
    return evidence or [question]


def gap_title(question: Question, notes: str = "") -> str:
    """The title ctrl+g proposes for a gap raised from a question, written as a gap rather than
    as the question ("How do you deploy models?" is not a gap): the first sentence of the answer's
    notes, what was heard, unless it asks something itself; else the gap the bank names for the
    question (`question_gap`: "No standard deployment path"). Cut at a word to `GAP_WIDTH`, what
    the gap dialog shows at 80x24; the person edits it."""
    heard = next((s for s in SENTENCE_END.split(notes.strip()) if s.strip(" -*•.;:,")), "")
    heard = at_a_word(heard.strip(" -*•"), GAP_WIDTH)
    if heard and not gap_phrase_problems(heard):
        return heard
    return question_gap(question)


def _gap(project: Project, gap_id: str) -> None:
    if project.gap(gap_id) is None:
        raise EditRefused(f"there is no gap {gap_id}; it may have been deleted")


@dataclass
class RaiseGap(Edit):
    """Raise a gap with a fresh id."""

    title: str
    area: str = ""
    evidence: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    verb: str = "raise"
    gap_id: str = ""
    """The new gap's id, once applied."""
    session: str = ""
    """The discovery session it is raised in (its tag goes into the id); empty for none."""

    @classmethod
    def from_suggestion(cls, suggestion: Suggestion, session: str = "") -> RaiseGap:
        """Accept a suggested gap, remembering which suggestion it came from."""
        return cls(
            suggestion.title,
            suggestion.area,
            list(suggestion.evidence),
            {
                "impact": suggestion.impact,
                "complexity": suggestion.complexity,
                "source": suggestion.key,
                "description": suggestion.description,
            },
            verb="accept suggestion",
            session=session,
        )

    @property
    def name(self) -> str:
        return f"{self.verb} {quoted(self.title)}"

    def changes(self, project: Project) -> list[Change]:
        evidence = [in_session(link, self.session) for link in self.evidence]
        values = {"status": "open", **self.values}  # one record, raised by hand or from a suggestion
        gap = project.new_gap(self.title, self.area, evidence, self.session, **values)
        self.gap_id = gap.id
        return [Insert("gaps", gap)]


def in_session(link: str, session: str) -> str:
    """Evidence for a gap raised in `session`: a question (one not answered yet, say) is the
    question as asked there (`question@session`), named like every other answer link, so the
    answer given there later is what the gap shows; other links, and any outside a session, as
    they are."""
    if session and parse_evidence(link).kind == "question":
        return answer_link(link, session)
    return link


@dataclass
class EditGap(FieldsEdit):
    """Change a gap's fields (title, area, description, impact, complexity, status, owner)."""

    gap_id: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.fields_named} of {self.gap_id}"

    def changes(self, project: Project) -> list[Change]:
        _gap(project, self.gap_id)
        return self.set_fields_of(project, "gaps", self.gap_id)


@dataclass
class MoveGap(Edit):
    """Shift a gap on the matrix, clamped to 1–5. Consecutive moves of a gap undo together."""

    gap_id: str
    impact_delta: int = 0
    complexity_delta: int = 0

    @property
    def name(self) -> str:
        return f"move {self.gap_id} on the matrix"

    @property
    def merge_key(self) -> str:  # type: ignore[override]
        return f"move-gap:{self.gap_id}"

    def changes(self, project: Project) -> list[Change]:
        gap = project.gap(self.gap_id)
        if gap is None:
            raise EditRefused(f"there is no gap {self.gap_id}; it may have been deleted")
        impact = min(5, max(1, gap.impact + self.impact_delta))
        complexity = min(5, max(1, gap.complexity + self.complexity_delta))
        return set_fields(project, "gaps", gap.id, impact=impact, complexity=complexity)


def _forget_gap(project: Project, gap_id: str) -> list[Change]:
    """Remove a gap's mappings and its links from plan items."""
    mappings: list[Change] = [Remove("mappings", m.key) for m in project.mappings if m.gap == gap_id]
    plan: list[Change] = [
        SetFields("pilots", item.id, {"gaps": [g for g in item.gaps if g != gap_id]})
        for item in project.pilots
        if gap_id in item.gaps
    ]
    return [*mappings, *plan]


@dataclass
class DeleteGap(Edit):
    """Delete a gap, its mappings and its links from plan items."""

    gap_id: str
    title: str = ""

    @property
    def name(self) -> str:
        return f"delete {self.gap_id}" + (f" {quoted(self.title)}" if self.title else "")

    def changes(self, project: Project) -> list[Change]:
        if project.gap(self.gap_id) is None:
            return []
        return [*_forget_gap(project, self.gap_id), Remove("gaps", self.gap_id)]


PLAN_KIND_WORDS = {
    "pilot": ("Pilot", "Pilots"),
    "deep-dive": ("Deep-dive", "Deep-dives"),
    "milestone": ("Milestone", "Milestones"),
}
"""How a plan item's kind is said at the start of a sentence, one and several."""


def _and(words: list[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def delete_gap_consequences(project: Project, gap_id: str) -> str:
    """What else deleting the gap changes, in the words of `DeleteGap`: the plan items that
    address it stop naming it, and its practice mappings go; empty when nothing else changes."""
    items = [item for item in project.pilots if gap_id in item.gaps]
    mappings = [m for m in project.mappings if m.gap == gap_id]
    sentences: list[str] = []
    if items:
        if len({item.kind for item in items}) == 1:
            one, several = PLAN_KIND_WORDS[items[0].kind]
            who = f"{one if len(items) == 1 else several} {_and([item.id for item in items])}"
        else:  # Pilot P-4 and deep-dive D-1
            named = [f"{PLAN_KIND_WORDS[item.kind][0].lower()} {item.id}" for item in items]
            who = _and(named)
            who = who[0].upper() + who[1:]
        then = "addresses it and" if len(items) == 1 else "address it; they"
        sentences.append(f"{who} {then} will no longer name it.")
        left_bare = [item.id for item in items if item.gaps == [gap_id]]
        if left_bare:
            then = "then addresses" if len(left_bare) == 1 else "then address"
            sentences.append(f"{_and(left_bare)} {then} no gap.")
    if mappings:
        accepted = sum(1 for m in mappings if m.status == "accepted")
        count = "Its practice mapping" if len(mappings) == 1 else f"Its {len(mappings)} practice mappings"
        rejected = len(mappings) - accepted
        taken = f" ({accepted} accepted, {rejected} rejected)" if accepted and rejected else ""
        go = "is removed" if len(mappings) == 1 else "are removed"
        sentences.append(f"{count}{taken} {go} with it.")
    return " ".join(sentences)


@dataclass
class AttachEvidence(Edit):
    """Link a question, answer, quote or metric (one link, or several at once) to a gap."""

    gap_id: str
    link: str | list[str]
    about: str = ""
    """The evidence in words, for the edit's name (the link itself otherwise)."""

    @property
    def links(self) -> list[str]:
        """The links attached."""
        return [self.link] if isinstance(self.link, str) else list(self.link)

    @property
    def name(self) -> str:
        what = self.links[0] if len(self.links) == 1 else f"{len(self.links)} pieces of evidence"
        return f"attach {quoted(self.about) if self.about else what} to {self.gap_id}"

    def changes(self, project: Project) -> list[Change]:
        gap = project.gap(self.gap_id)
        if gap is None:
            raise EditRefused(f"there is no gap {self.gap_id}; it may have been deleted")
        new = [link for link in dict.fromkeys(self.links) if link not in gap.evidence]
        if not new:
            return []
        return [SetFields("gaps", gap.id, {"evidence": [*gap.evidence, *new]})]


@dataclass
class DetachEvidence(Edit):
    """Unlink a piece of evidence from a gap."""

    gap_id: str
    link: str

    @property
    def name(self) -> str:
        return f"detach {self.link} from {self.gap_id}"

    def changes(self, project: Project) -> list[Change]:
        gap = project.gap(self.gap_id)
        if gap is None or self.link not in gap.evidence:
            return []
        return [SetFields("gaps", gap.id, {"evidence": [e for e in gap.evidence if e != self.link]})]


@dataclass
class MergeGaps(Edit):
    """Fold one gap into another: its evidence joins the kept gap's, every record that points
    at it (each reference `store.references` knows: mappings, plan items…) points at the kept
    gap instead, and it is deleted. Where the kept gap already has a mapping for a practice, the
    kept gap's decision stands. The absorbed gap's title and description are kept in words."""

    keep: str
    absorb: str

    @property
    def name(self) -> str:
        return f"merge {self.absorb} into {self.keep}"

    def changes(self, project: Project) -> list[Change]:
        kept, absorbed = project.gap(self.keep), project.gap(self.absorb)
        if kept is None or absorbed is None or kept.id == absorbed.id:
            raise EditRefused("merging needs two different gaps that still exist")
        merged_note = f"Merged from {absorbed.id}: {absorbed.title}"
        if absorbed.description.strip():
            merged_note += f"\n{absorbed.description.strip()}"
        description = "\n\n".join(t for t in (kept.description.rstrip(), merged_note) if t)
        values: dict[str, Any] = {
            "evidence": list(dict.fromkeys([*kept.evidence, *absorbed.evidence])),
            "description": description,
        }
        if not kept.owner and absorbed.owner:
            values["owner"] = absorbed.owner
        changes: list[Change] = set_fields(project, "gaps", kept.id, **values)
        changes += _repoint(project, "gaps", absorbed.id, kept.id)
        changes.append(Remove("gaps", absorbed.id))
        return changes


def _repoint(project: Project, section: str, old: str, new: str) -> list[Change]:
    """Make every record that points at `section`/`old` point at `new`: lists of ids lose the
    duplicate, and a record whose identity changes (a mapping's gap) is replaced, or dropped
    when one with the new identity exists already."""
    from workbench.edits.changes import exists, record_key, records
    from workbench.store.references import REFERENCES

    changes: list[Change] = []
    for ref in REFERENCES:
        if ref.target != section:
            continue
        for record in list(records(project, ref.holder)):
            value = getattr(record, ref.field)
            key: Hashable = record_key(ref.holder, record)
            if isinstance(value, list):
                if any(ref.points_at(v, old) for v in value):
                    renamed = list(dict.fromkeys(ref.renamed(v, old, new) for v in value))
                    changes.append(SetFields(ref.holder, key, {ref.field: renamed}))
                continue
            if not ref.points_at(value, old):
                continue
            moved = record.model_copy(update={ref.field: ref.renamed(value, old, new)})
            new_key = record_key(ref.holder, moved)
            if new_key == key:
                changes.append(SetFields(ref.holder, key, {ref.field: getattr(moved, ref.field)}))
                continue
            changes.append(Remove(ref.holder, key))
            if not exists(project, ref.holder, new_key):
                changes.append(Insert(ref.holder, moved))
    return changes


@dataclass
class Dismiss(Edit):
    """Dismiss a gap suggestion for good (it is remembered in the file)."""

    suggestion: str
    reason: str = ""
    about: str = ""

    @property
    def name(self) -> str:
        return f"dismiss suggestion {quoted(self.about or self.suggestion)}"

    def changes(self, project: Project) -> list[Change]:
        if project.is_dismissed(self.suggestion):
            return []
        fields = {"reason": self.reason} if self.reason else {}
        return [Insert("dismissed", Dismissal(suggestion=self.suggestion, **fields))]


@dataclass
class Undismiss(Edit):
    """Offer a dismissed suggestion again."""

    suggestion: str

    @property
    def name(self) -> str:
        return f"bring back suggestion {quoted(self.suggestion)}"

    def changes(self, project: Project) -> list[Change]:
        if not project.is_dismissed(self.suggestion):
            return []
        return [Remove("dismissed", self.suggestion)]
