"""Bank records: areas, questions, session templates, follow-up steps and guides."""


import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuestionKind = Literal["question", "pain-indicator", "success-metric"]
Effort = Literal["S", "M", "L"]

PLACEHOLDER_PATTERN = r"(?<![A-Za-z]){symbol}(?![A-Za-z]|$)|(?<![A-Za-z]){symbol}(?=ms\b)"


class Record(BaseModel):
    """Base for bank records: unknown keys are refused so typos surface in the lint."""

    # defer_build: the validator is built at first use, once for the whole tree, not per class at
    # import: start-up of every command (bench_timeline, bench_store).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Area(Record):
    id: str
    """Stable id, unique in its bank."""
    title: str
    """The area's name as the seed writes it."""
    client_title: str = ""
    """The area's name as a client reads it in a proposal's headings ("Model Deployment & Inference"
    for "Deploy (Batch / Real-Time Inference)"): plain words, no slash or parentheses. Empty: the
    title with its parenthesised part dropped (`Catalogue.client_area_title`)."""
    order: int = 0
    """Position in the navigator."""
    levels: tuple[str, ...] = ()
    """The maturity rubric: what levels 1 to 5 look like in this area, observable practice by level."""
    maps_to: tuple[str, ...] = ()
    """Areas of other banks this one corresponds to (a lifecycle stage → discovery areas), so its
    gaps draw on the same guides and practices."""


class Group(Record):
    id: str
    """Stable id of a sub-group of current-state questions, unique within its area."""
    area: str
    """The area the group belongs to."""
    title: str
    """The sub-group's name as the seed writes it."""


class Part(Record):
    id: str
    """Part of an area: current, discovery, pain, vision, metric, business…"""
    title: str
    """Heading shown in the navigator."""
    kind: QuestionKind = "question"
    """What kind of record the part holds."""
    hint: str = ""
    """Advice shown beside each question of the part."""


class Placeholder(Record):
    symbol: str
    """The letter in the metric's text, X or Y."""
    field: Literal["baseline", "target"]
    """Which number of the metric fills the placeholder."""
    unit: str = ""
    """The unit the text puts after the placeholder."""


class Question(Record):
    id: str
    """Stable id, unique in its bank. Answers point at `bank:id`."""
    area: str
    """Area id."""
    part: str
    """Part id."""
    group: str = ""
    """Group id, for current-state sub-groups."""
    kind: QuestionKind = "question"
    """A question to ask, a pain indicator to listen for, or a success metric to fill."""
    text: str
    """The words of the seed, verbatim."""
    gap: str = ""
    """The gap the question finds, as a client reads it in a proposal: a short phrase naming what
    is missing or weak ("No standard deployment path", "Model lineage not tracked"), never the
    question again. The title ctrl+g proposes and the suggested gaps' titles are built from it.
    Empty: made from the text (`model/gap_phrase.question_gap`)."""
    hint: str = ""
    """Optional extra advice for the facilitator."""
    placeholders: tuple[Placeholder, ...] = ()
    """For success metrics: the X/Y fields to fill."""
    keywords: tuple[str, ...] = ()
    """Extra words that help match guide practices."""
    levels: tuple[str, ...] = ()
    """Level descriptors 1 to 5 for this question alone; they override the area's."""
    baseline_unit: str = ""
    """Unit of the baseline when no placeholder in the text gives it (where things stand today)."""
    target_unit: str = ""
    """Unit of the target when no placeholder in the text gives it."""

    def placeholder_symbols_in_text(self) -> list[str]:
        """The X/Y symbols that stand as placeholders in the text, in order."""
        found: list[tuple[int, str]] = []
        for symbol in ("X", "Y"):
            pattern = PLACEHOLDER_PATTERN.format(symbol=symbol)
            found.extend((m.start(), symbol) for m in re.finditer(pattern, self.text))
        return [symbol for _, symbol in sorted(found)]


class TemplateSection(Record):
    text: str
    """The section as the seed words it."""
    areas: tuple[str, ...] = ()
    """Areas the section covers."""
    parts: tuple[str, ...] = ()
    """Only these parts of the areas (all when empty)."""
    groups: tuple[str, ...] = ()
    """Only these groups of the areas (all when empty)."""
    questions: tuple[str, ...] = ()
    """Extra questions, by id, that the section covers."""


class SessionTemplate(Record):
    id: str
    """Stable id."""
    title: str
    """The template's name."""
    minutes_min: int = Field(ge=1)
    """Lower end of the time box."""
    minutes_max: int = Field(ge=1)
    """Upper end of the time box: the session clock's budget."""
    focus: str = ""
    """What the session concentrates on."""
    sections: tuple[TemplateSection, ...] = ()
    """The sections the session covers, in order."""
    core: tuple[str, ...] = ()
    """Question ids to ask in any case, sized to the time box (2–3 minutes each); the rest is optional."""


class FollowupItem(Record):
    id: str
    """Stable id, used by next steps."""
    text: str
    """The item, verbatim."""


class FollowupStep(Record):
    id: str
    """Stable id."""
    step: int
    """Position in the framework, from 1."""
    title: str
    """The step's name."""
    items: tuple[FollowupItem, ...] = ()
    """What the step does."""


class GuideMapEntry(Record):
    id: str
    """Stable id."""
    problem: str
    """The kind of problem, as the guide-mapping table words it."""
    guide: str
    """Id of the guide in a guides bank."""
    guide_title: str
    """The guide's name as the table writes it."""
    link: str = ""
    """The table's link to the guide."""
    areas: tuple[str, ...] = ()
    """Discovery areas whose gaps this row sends to the guide."""


class Guide(Record):
    id: str
    """Stable id."""
    title: str
    """The guide's name."""
    summary: str = ""
    """What the guide covers."""


class Practice(Record):
    id: str
    """Stable id, unique across guides."""
    guide: str
    """Id of the guide that holds it."""
    title: str
    """Short imperative name."""
    summary: str
    """What to do and why, in two to four sentences."""
    areas: tuple[str, ...] = ()
    """Discovery areas the practice addresses."""
    keywords: tuple[str, ...] = ()
    """Words that tie a gap or its evidence to the practice."""
    effort: Effort = "M"
    """Typical effort: S, M or L."""
    prerequisites: tuple[str, ...] = ()
    """Practice ids to have in place first."""
    example: str = ""
    """An implementation example: how a team starts, the concrete steps, named tools."""
    pattern: str = ""
    """A short code or configuration pattern a practitioner would use, shown literally."""
    pattern_language: str = ""
    """The pattern's language (python, yaml, sql…): how it is labelled and checked."""


class UsageNote(Record):
    audience: str
    """Who the advice is for."""
    text: str
    """The advice, verbatim."""


class Bank(Record):
    id: str
    """Bank id: the prefix of every question reference (`discovery:…`)."""
    title: str
    """The bank's name."""
    description: str = ""
    """What the bank holds."""
    path: str = ""
    """The file it was read from."""
    usage: tuple[UsageNote, ...] = ()
    areas: tuple[Area, ...] = ()
    groups: tuple[Group, ...] = ()
    parts: tuple[Part, ...] = ()
    questions: tuple[Question, ...] = ()
    templates: tuple[SessionTemplate, ...] = ()
    followup: tuple[FollowupStep, ...] = ()
    guide_map: tuple[GuideMapEntry, ...] = ()
    guides: tuple[Guide, ...] = ()
    practices: tuple[Practice, ...] = ()
