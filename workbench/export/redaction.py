"""Redaction for a copy that may travel: no names, no identifying roles, no quotes, no client."""

from __future__ import annotations

import functools
import re

from workbench.model.project import Project

QUOTED = re.compile(r"[\"“”][^\"“”]{3,}[\"“”]|(?<!\w)['‘](?:[^'‘’]|(?<=\w)['’](?=\w)){3,}['’](?!\w)")
"""Quoted speech: double quotes, or single quotes (apostrophes inside words don't end them)."""
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|(?<=[.!?;][\"”’'])\s+(?=[A-Z“\"‘(])|\n+")
"""Where a sentence ends: after its stop, or after the closing quotation mark that follows the stop
('… can't answer." We recommend …' is two sentences: the quote ends at its closing mark)."""


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


def name_words(project: Project) -> frozenset[str]:
    """The capitalised words of every name the project holds (the client, the firm, people): a
    sentence keeps them capitalised wherever they fall."""
    names = [project.project.client, project.proposal.firm, *people_in(project)]
    return frozenset(w for n in names for w in n.split() if w[:1].isupper())


def roles_in(project: Project) -> list[str]:
    """Every role the project gives a person (attendee roles and speakers' roles)."""
    roles = [a.role for s in project.sessions for a in s.attendees]
    roles += [h.speaker_role for h in project.heard]
    roles += re.findall(r"\(([^)]*)\)", " ".join(a.follow_up_with for a in project.answers))
    return sorted({r.strip() for r in roles if r.strip()})


CLIENT_SIDE = "the client team"
OUR_SIDE = "the consultant"


def repeats_quote(sentence: str, quotes: list[str]) -> bool:
    """Whether the sentence repeats one of the (lower-case) quotes, in full or in part."""
    lowered = sentence.lower().replace("’", "'")
    if any(q in lowered or lowered.strip() in q for q in quotes):
        return True
    for found in QUOTED.finditer(sentence):
        inner = found.group()[1:-1].strip().lower().replace("’", "'")
        if len(inner) >= 12 and any(inner in q for q in quotes):
            return True
    return False


def without_quotes(text: str, quotes: list[str]) -> str:
    """The text without the sentences that repeat a quote (shown once, as the quote itself)."""
    lowered = [q.strip().lower().replace("’", "'") for q in quotes if q.strip()]
    return " ".join(s for s in SENTENCE_END.split(text) if s and not repeats_quote(s, lowered))


class Redactor:
    """Cleans text for the chosen copy: a pass-through unless redaction is on.

    Only a person's words go: a sentence quoting what someone was heard saying is left out, and an
    attributed quote loses its speaker and its quote marks. Other quoted text (a metric's name, a
    phrase in scare quotes) stays. Names become the side the person is on, never their role (a role
    can identify someone); sentences stay whole and start with a capital."""

    def __init__(self, project: Project, enabled: bool) -> None:
        self.enabled = enabled
        self.quotes = [h.quote.strip().lower() for h in project.heard if h.quote.strip()]
        client = project.project.client.strip()
        self._client = _pattern([client]) if enabled else None
        # A short name is a proper noun: matched as written, so "Example" spares "for example".
        self._short = _pattern(short_names(client), 0) if enabled else None
        facilitator = project.project.facilitator.strip()
        self._facilitator = facilitator
        self._firm = project.proposal.firm.strip()
        ours = [facilitator, facilitator.split()[0]] if " " in facilitator else [facilitator]
        self._ours = _pattern(ours) if enabled and facilitator else None
        self._people = _pattern([n for n in people_in(project) if n not in ours]) if enabled else None
        self._roles = _pattern(roles_in(project)) if enabled else None

    def __call__(self, text: str) -> str:
        """The text with names, roles, quotes and the client's name taken out, when redacting."""
        if not self.enabled or not text:
            return text
        kept = [self._unquote(s) for s in SENTENCE_END.split(text) if s and not repeats_quote(s, self.quotes)]
        out = " ".join(k for k in kept if k)
        for pattern, side in (
            (self._client, "the client"),
            (self._short, "the client"),
            (self._roles, "a stakeholder"),
            (self._ours, OUR_SIDE),
            (self._people, CLIENT_SIDE),
        ):
            if pattern is not None:
                out = pattern.sub(functools.partial(_at_sentence, replacement=side), out)
        return _merge_repeats(out)

    def _unquote(self, sentence: str) -> str:
        """An attributed quote ("Luis: 'x'.") loses its speaker and quote marks: "We were told: x."."""
        found = QUOTED.search(sentence)
        before = sentence[: found.start()].strip() if found else ""
        speaker = before.removesuffix(":").strip()
        patterns = [p for p in (self._people, self._ours, self._roles) if p is not None]
        if found is None or not before.endswith(":") or not any(p.fullmatch(speaker) for p in patterns):
            return sentence
        return "We were told: " + found.group()[1:-1].strip() + sentence[found.end() :]

    def person(self, name: str, side: str = "Client team") -> str:
        """A person's name, or the side they are on when redacting (the consultant is ours)."""
        if not self.enabled or not name:
            return name
        if name.strip() == self._facilitator:
            return self._firm or "Consultant"
        return side

    def role(self, role: str) -> str:
        """A person's role, or nothing when redacting (a role can identify someone)."""
        return "" if self.enabled else role


SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)$")


def _at_sentence(match: re.Match[str], *, replacement: str) -> str:
    """The replacement, with a capital when it starts a sentence."""
    before = match.string[: match.start()]
    return replacement[:1].upper() + replacement[1:] if SENTENCE_START.search(before) else replacement


def _merge_repeats(text: str) -> str:
    """Merge a side named twice: "the client team and the client team" reads "the client team"."""
    for side in (CLIENT_SIDE, OUR_SIDE, "a stakeholder", "the client"):
        text = re.sub(rf"(?i)\b({re.escape(side)})(?:(?:,\s*|\s+and\s+){re.escape(side)}\b)+", r"\1", text)
    return text
