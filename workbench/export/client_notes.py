"""Which of the consultant's notes a client may read, sentence by sentence.

Findings and the appendix are drafted from the notes as statements about the organisation. A note's
sentence stays out of the document when it
- names a person ("Luis: 'every model has…'", "a Slack message to Jonas", "Priya estimates 70%…"):
  findings are about how the organisation works, not about who said or does what;
- reports what someone believes, wants or claims, or that we could not confirm it ("Believes the vendor
  dashboards cover…", "Not seen: said to live in Confluence pages"): the consultant's reading of a
  person, which can contradict them in front of their colleagues;
- is a to-do ("ask Marta for it", "follow up with IT", "TODO"): the consultant's work, not a finding.
The rest of the note is kept; with redaction on, the redactor still runs over what is kept.
"""

from __future__ import annotations

import re

from workbench.analysis.currency import money_words
from workbench.export.redaction import SENTENCE_END, people_in
from workbench.model.project import Project

SENTENCES = SENTENCE_END
TO_DO = re.compile(
    r"(?i)(?<!\w)(?:ask|chase|follow[- ]?up|check with|confirm with|find out|get hold of|to-?do|tbc|tbd)"
    r"(?!\w)"
)
"""A to-do of the consultant's."""
ABOUT_A_PERSON = re.compile(
    r"(?i)^(?:he |she |they )?(?:believes?|wants?|thinks?|feels?|says?|said|estimates?|prefers?|"
    r"claims?|insists?|asked|asks|mentioned|promised)\b"
    r"|(?<!\w)(?:not seen|not confirmed|unconfirmed|said to|according to|apparently|allegedly)(?!\w)"
)
"""What someone believes, wants or claims, or a claim we could not confirm."""


class ClientNotes:
    """Filters notes down to what a client may read (see the module's rule)."""

    def __init__(self, project: Project) -> None:
        names = sorted(set(people_in(project)), key=len, reverse=True)
        self._people = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)") if names else None
        )

    def readable(self, sentence: str) -> bool:
        """Whether one sentence of a note may reach the client."""
        if TO_DO.search(sentence) or ABOUT_A_PERSON.search(sentence.strip()):
            return False
        return self._people is None or self._people.search(sentence) is None

    def __call__(self, notes: str) -> str:
        """The note's sentences a client may read, in order; a clause cut short ends in a full stop;
        money written as everywhere else ("about $38k/month" reads "about $38,000 per month")."""
        kept = [s.strip() for s in SENTENCES.split(notes.strip()) if s.strip() and self.readable(s)]
        if kept and kept[-1].endswith((";", ",", ":")):
            kept[-1] = kept[-1][:-1] + "."
        return money_words(" ".join(kept))
