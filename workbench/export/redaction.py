"""Redaction for a copy that may travel: no names, no identifying roles, no quotes, no client."""

from __future__ import annotations

import re

from workbench.model.project import Project

QUOTED = re.compile(r"[\"“”][^\"“”]{3,}[\"“”]|(?<!\w)['‘](?:[^'‘’]|(?<=\w)['’](?=\w)){3,}['’](?!\w)")
"""Quoted speech: double quotes, or single quotes (apostrophes inside words don't end them)."""
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


CONNECTORS = frozenset({"&", "and", "of", "the", "for", "de", "und", "+"})
"""Words a client's short name never ends on ("Harbour &" is not a name)."""


def _pattern(words: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    words = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", flags)


def short_names(client: str) -> list[str]:
    """What a consultant calls the client for short: its leading words ("Acme" for "Acme Corp",
    "Harbour & Pine" for "Harbour & Pine Retail"), never a connector or a word under three letters."""
    words = client.split()
    shorts = []
    for end in range(1, len(words)):
        last = words[end - 1]
        if last.lower() in CONNECTORS or (end == 1 and len(last) < 3):
            continue
        shorts.append(" ".join(words[:end]))
    return shorts


def people_in(project: Project) -> list[str]:
    """Every person the project names: attendees, facilitator, owners and follow-up contacts."""
    names = [project.project.facilitator]
    names += [a.name for s in project.sessions for a in s.attendees]
    names += [g.owner for g in project.gaps] + [p.owner for p in project.pilots]
    names += [m.owner for m in project.metrics] + [n.owner for n in project.next_steps]
    names += [re.sub(r"\s*\(.*\)", "", a.follow_up_with) for a in project.answers]
    full = [n.strip() for n in names if n.strip()]
    firsts = [n.split()[0] for n in full if " " in n and len(n.split()[0]) >= 3]
    return sorted(set(full + firsts))


def roles_in(project: Project) -> list[str]:
    """Every role the project gives a person (attendee roles and speakers' roles)."""
    roles = [a.role for s in project.sessions for a in s.attendees]
    roles += [h.speaker_role for h in project.heard]
    roles += re.findall(r"\(([^)]*)\)", " ".join(a.follow_up_with for a in project.answers))
    return sorted({r.strip() for r in roles if r.strip()})


class Redactor:
    """Cleans text for the chosen copy: a pass-through unless redaction is on."""

    def __init__(self, project: Project, enabled: bool) -> None:
        self.enabled = enabled
        self.quotes = [h.quote.strip().lower() for h in project.heard if h.quote.strip()]
        client = project.project.client.strip()
        self._client = _pattern([client]) if enabled else None
        # A short name is a proper noun: matched as written, so "Example" spares "for example".
        self._short = _pattern(short_names(client), 0) if enabled else None
        self._people = _pattern(people_in(project)) if enabled else None
        self._roles = _pattern(roles_in(project)) if enabled else None
        self._people_set = set(people_in(project))

    def __call__(self, text: str) -> str:
        """The text with names, roles, quotes and the client's name taken out, when redacting."""
        if not self.enabled or not text:
            return text
        kept = [s for s in SENTENCE_END.split(text) if s and not self._quotes(s)]
        out = " ".join(kept)
        for client in (self._client, self._short):
            if client is not None:
                out = client.sub("the client", out)
        if self._people is not None:
            out = self._people.sub("a colleague", out)
        if self._roles is not None:
            out = self._roles.sub("a stakeholder", out)
        return out

    def _quotes(self, sentence: str) -> bool:
        lowered = sentence.lower()
        return bool(QUOTED.search(sentence)) or any(q in lowered or lowered.strip() in q for q in self.quotes)

    def person(self, name: str, side: str = "Client team") -> str:
        """A person's name, or who they stand for when redacting."""
        if not self.enabled or not name:
            return name
        return side

    def role(self, role: str) -> str:
        """A person's role, or nothing when redacting (a role can identify someone)."""
        return "" if self.enabled else role
