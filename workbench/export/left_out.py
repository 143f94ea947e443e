"""What an export leaves out of the consultant's own words, said to them in a sentence each, so
nothing they wrote disappears from a proposal without their knowing (README: "What the client reads")."""

from __future__ import annotations

from workbench.export.client_notes import SENTENCES, ClientNotes
from workbench.export.narrative import NARRATIVE_FIELDS
from workbench.export.options import ProposalOptions
from workbench.export.redaction import Redactor
from workbench.export.wording import count
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCES.split(text.strip()) if s.strip()]


def notes_left_out(project: Project, catalogue: Catalogue) -> list[str]:
    """Each sentence of the answer notes that stays out of the proposal, with where it was written
    (`"Ask Marta for the numbers." (session ml-1, question "How do you deploy…?")`), for the person
    to rewrite."""
    readable = ClientNotes(project)
    return [
        f"“{s.strip()}” (session {a.session}, question {catalogue.question_name(a.question)})"
        for a in project.answers
        if a.notes.strip() and a.status == "answered"
        for s in _sentences(a.notes)
        if not readable.readable(s)
    ]


def left_out(project: Project, options: ProposalOptions) -> list[str]:
    """One sentence per kind of text the proposal does not carry as written; none when all of it is."""
    said: list[str] = []
    readable = ClientNotes(project)
    notes = [a.notes for a in project.answers if a.notes.strip() and a.status == "answered"]
    dropped = sum(1 for note in notes for s in _sentences(note) if not readable.readable(s))
    if dropped:
        said.append(
            f"{count(dropped, 'sentence')} of answer notes stay out of the findings and the appendix: "
            "they name a person, report what someone believes or claims, or are to-dos; write them "
            "as statements about the organisation to have them in."
        )
    if options.redact:
        redact = Redactor(project, True)
        for name, title in NARRATIVE_FIELDS.items():
            own = str(getattr(project.proposal, name))
            before, after = len(_sentences(own)), len(_sentences(redact(own)))
            if own.strip() and after == 0:
                said.append(
                    f"Redaction kept none of the {count(before, 'sentence')} of your {title.lower()} "
                    "(they quote or name people): the copy carries the draft from the data in its place."
                )
            elif own.strip() and after < before:
                said.append(
                    f"Redaction kept {after} of the {count(before, 'sentence')} of your "
                    f"{title.lower()} (the others quote or name people); read it before sending the copy."
                )
    return said
