"""All loaded banks as one catalogue, with the look-ups the rest of the program needs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.model.bank import (
    Area,
    Bank,
    FollowupStep,
    Group,
    Guide,
    GuideMapEntry,
    Part,
    Practice,
    Question,
    SessionTemplate,
)


def question_ref(bank_id: str, question_id: str) -> str:
    """The reference answers use for a question: `bank:id`."""
    return f"{bank_id}:{question_id}"


@dataclass
class Catalogue:
    """Banks merged into look-up tables. Later banks never replace earlier records."""

    banks: list[Bank] = field(default_factory=list)
    questions: dict[str, Question] = field(default_factory=dict)
    """Questions by reference (`bank:id`), in bank order."""
    question_bank: dict[str, str] = field(default_factory=dict)
    """Bank id of each question reference."""
    areas: dict[str, Area] = field(default_factory=dict)
    area_bank: dict[str, str] = field(default_factory=dict)
    groups: dict[tuple[str, str], Group] = field(default_factory=dict)
    parts: dict[tuple[str, str], Part] = field(default_factory=dict)
    """Parts by (bank id, part id)."""
    templates: dict[str, SessionTemplate] = field(default_factory=dict)
    template_bank: dict[str, str] = field(default_factory=dict)
    followup: list[FollowupStep] = field(default_factory=list)
    guide_map: list[GuideMapEntry] = field(default_factory=list)
    guides: dict[str, Guide] = field(default_factory=dict)
    practices: dict[str, Practice] = field(default_factory=dict)
    _shares: dict[str, dict[str, float]] = field(default_factory=dict, repr=False, compare=False)
    _area_refs: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    """Question references by area, in bank order: made on first use, anew after `add`."""

    @classmethod
    def from_banks(cls, banks: Iterable[Bank]) -> Catalogue:
        """Index the banks, keeping the first record of any duplicated id."""
        catalogue = cls()
        for bank in banks:
            catalogue.add(bank)
        return catalogue

    def add(self, bank: Bank) -> None:
        """Index one bank."""
        self._shares.clear()
        self._area_refs.clear()
        self.banks.append(bank)
        for area in sorted(bank.areas, key=lambda a: a.order):
            self.areas.setdefault(area.id, area)
            self.area_bank.setdefault(area.id, bank.id)
        for group in bank.groups:
            self.groups.setdefault((group.area, group.id), group)
        for part in bank.parts:
            self.parts.setdefault((bank.id, part.id), part)
        for question in bank.questions:
            ref = question_ref(bank.id, question.id)
            self.questions.setdefault(ref, question)
            self.question_bank.setdefault(ref, bank.id)
        for template in bank.templates:
            self.templates.setdefault(template.id, template)
            self.template_bank.setdefault(template.id, bank.id)
        # A bank found twice (the bundled banks copied beside a project) counts once, the first
        # found winning as for every record above: its follow-up steps listed twice crashed the
        # Next steps list.
        steps = {step.id for step in self.followup}
        self.followup.extend(step for step in bank.followup if step.id not in steps)
        entries = {entry.id for entry in self.guide_map}
        self.guide_map.extend(entry for entry in bank.guide_map if entry.id not in entries)
        for guide in bank.guides:
            self.guides.setdefault(guide.id, guide)
        for practice in bank.practices:
            self.practices.setdefault(practice.id, practice)

    def bank(self, bank_id: str) -> Bank | None:
        """The bank with this id, if loaded."""
        return next((b for b in self.banks if b.id == bank_id), None)

    def only(self, bank_ids: Iterable[str]) -> Catalogue:
        """A catalogue of the named banks plus every bank that carries guides or practices."""
        wanted = set(bank_ids)
        return Catalogue.from_banks(b for b in self.banks if b.id in wanted or b.guides or b.practices)

    def part_of(self, ref: str) -> Part | None:
        """The part record of a question reference."""
        question = self.questions.get(ref)
        if question is None:
            return None
        return self.parts.get((self.question_bank[ref], question.part))

    def practice_name(self, practice_id: str) -> str:
        """A practice as a person reads it: its title with its id in brackets to find it by
        (`Adopt a model registry (tv.model-registry)`); the id alone when no bank has it."""
        practice = self.practices.get(practice_id)
        return f"{practice.title} ({practice_id})" if practice else practice_id

    def question_name(self, ref: str) -> str:
        """A question as a person reads it: its words in quotes; its reference (`bank:id`) when no
        bank has it."""
        question = self.questions.get(ref)
        return f"“{question.text}”" if question else ref

    def area_title(self, area_id: str) -> str:
        """The area's title, or its id when it is not in any bank."""
        area = self.areas.get(area_id)
        return area.title if area else area_id

    def client_area_title(self, area_id: str) -> str:
        """The area's name as a client reads it (the proposal): its `client_title`, else its title
        with the parenthesised part dropped ("Feature Store (Online / Offline)" → "Feature Store");
        its id when it is not in any bank."""
        area = self.areas.get(area_id)
        return client_title(area) if area else area_id

    def levels_for(self, ref: str) -> tuple[str, ...]:
        """The level descriptors (1 to 5) a question is scored against: its own, else its area's."""
        question = self.questions.get(ref)
        if question is None:
            return ()
        if question.levels:
            return question.levels
        area = self.areas.get(question.area)
        return area.levels if area else ()

    def matching_areas(self, area_id: str) -> tuple[str, ...]:
        """The area and the areas it corresponds to in other banks (`maps_to`)."""
        area = self.areas.get(area_id)
        return (area_id, *(area.maps_to if area else ()))

    def refs_in_area(self, area_id: str) -> list[str]:
        """Question references of an area, in bank order (one pass over the questions makes
        every area's list: the tree asked once per area per rebuild)."""
        if not self._area_refs:
            for ref, question in self.questions.items():
                self._area_refs.setdefault(question.area, []).append(ref)
        return list(self._area_refs.get(area_id, ()))

    def metric_templates(self) -> dict[str, Question]:
        """Every success-metric template, by reference."""
        return {r: q for r, q in self.questions.items() if q.kind == "success-metric"}

    def template_refs(self, template_id: str) -> list[str]:
        """Question references a session template covers, in the template's order."""
        template = self.templates.get(template_id)
        if template is None:
            return []
        bank_id = self.template_bank[template_id]
        seen: dict[str, None] = {}
        for section in template.sections:
            for ref in self.section_refs(bank_id, section.areas, section.parts, section.groups):
                seen.setdefault(ref, None)
            for qid in section.questions:
                seen.setdefault(question_ref(bank_id, qid), None)
        return list(seen)

    def section_refs(
        self,
        bank_id: str,
        areas: Iterable[str],
        parts: Iterable[str] = (),
        groups: Iterable[str] = (),
    ) -> list[str]:
        """Question references of the given areas, narrowed to parts and groups if named."""
        part_set, group_set = set(parts), set(groups)
        refs = []
        for area in areas:
            for ref in self.refs_in_area(area):
                question = self.questions[ref]
                if self.question_bank[ref] != bank_id:
                    continue
                if part_set and question.part not in part_set:
                    continue
                if group_set and question.group not in group_set:
                    continue
                refs.append(ref)
        return refs

    def core_refs(self, template_id: str) -> list[str]:
        """The template's core questions, in its order: its `core`, or all of it when none is marked."""
        template = self.templates.get(template_id)
        refs = self.template_refs(template_id)
        if template is None or not template.core:
            return refs
        core = {question_ref(self.template_bank[template_id], qid) for qid in template.core}
        return [ref for ref in refs if ref in core]

    def area_shares(self, template_id: str) -> dict[str, float]:
        """Each template area's share of the time box: its part of the core questions (kept
        until a bank is added: the header asks on every key)."""
        kept = self._shares.get(template_id)
        if kept is None:
            kept = self._shares[template_id] = self._area_shares(template_id)
        return dict(kept)

    def _area_shares(self, template_id: str) -> dict[str, float]:
        core = self.core_refs(template_id)
        shares = dict.fromkeys(self.template_areas(template_id), 0.0)
        for ref in core:
            area = self.questions[ref].area
            shares[area] = shares.get(area, 0.0) + 1 / len(core)
        return shares

    def template_areas(self, template_id: str) -> list[str]:
        """Areas a template's sections name, in order, each once."""
        template = self.templates.get(template_id)
        if template is None:
            return []
        seen: dict[str, None] = {}
        for section in template.sections:
            for area in section.areas:
                seen.setdefault(area, None)
        return list(seen)


PARENTHESISED = re.compile(r"\s*\([^()]*\)")
"""A parenthesised part of an area's title: "(Batch / Real-Time Inference)"."""


def client_title(area: Area) -> str:
    """An area's name for a client: its `client_title`, else its title without parenthesised parts."""
    return area.client_title or " ".join(PARENTHESISED.sub("", area.title).split()) or area.title
