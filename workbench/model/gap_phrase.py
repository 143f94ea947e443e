"""A question's gap in words: the short phrase a client reads in a proposal for what the question
found missing or weak ("No standard deployment path"), never the question again (issue #12)."""

from __future__ import annotations

import re

from workbench.model.bank import Question

GAP_WIDTH = 57
"""At most this many characters in a gap phrase, and in any title proposed from one: the gap
dialog's title field shows 58 at 80x24, one of them the cursor after the selected title."""
QUESTION_WORDS = frozenset(
    {"how", "what", "do", "does", "is", "are", "who", "when", "which", "can", "have", "has", "where"}
    | {"why", "should", "would", "will", "could"}
)
"""Words a question opens with; a gap's title never does."""
_ASIDE = re.compile(r"\s*\([^)]*\)")
"""A question's examples in brackets: '(APIs, batch jobs, embedded)'."""
_TOPICS = (  # how a question opens -> what stands for it in the topic
    (
        re.compile(
            r"(?i)^how (?:do|does|can|should) (?:you|we|your teams?) (?:currently |typically |usually )?"
            r"(?P<verb>[a-z]+)\b"
        ),
        "",
    ),
    (re.compile(r"(?i)^how long does it (?:typically |usually )?take to "), "time to "),
    (re.compile(r"(?i)^what(?:'s|’s| is| are) (?:your|the) "), ""),
    (re.compile(r"(?i)^do you (?:have|use) (?:an? |any )?"), ""),
    (re.compile(r"(?i)^what (?P<noun>[\w /&-]+?) do you (?:\w+ly )?(?:use|have|maintain|track|need)\b"), ""),
)
_DANGLING = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)
"""Words a title cut short never ends on."""


def question_gap(question: Question) -> str:
    """The gap a question finds, in words: the bank's `gap` phrase; without one a pain indicator's
    or success metric's own words (already a statement), or 'Unclear: ' and what the question asks
    about. Cut at a word to `GAP_WIDTH`."""
    if question.gap.strip():
        return at_a_word(question.gap, GAP_WIDTH)
    if question.kind != "question":
        return at_a_word(question.text.replace("?", ""), GAP_WIDTH)
    topic = question_topic(question.text)
    return at_a_word(f"Unclear: {topic[:1].lower()}{topic[1:]}", GAP_WIDTH)


def gap_phrase_problems(phrase: str) -> list[str]:
    """What keeps a phrase from reading as a gap's title: a question mark, a question word first,
    more than `GAP_WIDTH` characters."""
    problems = []
    if "?" in phrase:
        problems.append("has a question mark")
    first = phrase.split(maxsplit=1)[0].lower().strip("\"'“‘") if phrase.strip() else ""
    if first in QUESTION_WORDS:
        problems.append(f"opens with {first!r}, as a question does")
    if len(phrase) > GAP_WIDTH:
        problems.append(f"is {len(phrase)} characters long, more than the {GAP_WIDTH} the gap dialog shows")
    return problems


def question_topic(text: str) -> str:
    """What a question asks about, as a phrase: 'How do you currently deploy models to production?
    (APIs, batch jobs, embedded)' is 'Deploying models to production'; a question of another shape
    keeps its words without the examples and the question mark (its first question only)."""
    words = " ".join(_ASIDE.sub("", text).split()).split("?")[0].rstrip(" ?")
    for pattern, lead in _TOPICS:
        if match := pattern.match(words):
            found = match.groupdict()
            verb = gerund(found["verb"]) if found.get("verb") else ""
            words = lead + verb + found.get("noun", "") + words[match.end() :]
            break
    return words[:1].upper() + words[1:]


def gerund(verb: str) -> str:
    """'handle' is 'handling', 'map' 'mapping', 'track' 'tracking'."""
    verb = verb.lower()
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb):  # one short syllable: map, plan, stop
        return verb + verb[-1] + "ing"
    return verb + "ing"


def at_a_word(text: str, width: int) -> str:
    """The text on one line without a closing full stop, cut at the last whole word that fits in
    `width` (and not on 'and', 'of' or a comma)."""
    text = " ".join(text.split()).rstrip(" .;:,")
    if len(text) <= width:
        return text
    words = text[: width + 1].split(" ")[:-1] or [text[:width]]
    while len(words) > 1 and (words[-1].lower() in _DANGLING or not words[-1].strip("-–—&+,;:")):
        words.pop()
    return " ".join(words).rstrip(" ,;:-–—")


def below_target(group_title: str) -> str:
    """The gap of a group of questions scored well below their target: 'Value Measurement below
    target'."""
    return at_a_word(f"{group_title} below target", GAP_WIDTH)


def no_shared_view(area_title: str) -> str:
    """The gap of an area two sessions score apart: 'No shared view of Model Deployment & Serving'."""
    return at_a_word(f"No shared view of {area_title}", GAP_WIDTH)
