"""Success metrics as sentences: the bank's X/Y template filled with the project's numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.analysis.currency import amount_in_unit, in_unit, is_money, money_words
from workbench.model.bank import PLACEHOLDER_PATTERN, Question
from workbench.model.catalogue import Catalogue
from workbench.model.records import Metric, Number


def number(value: Number | None) -> str:
    """A number without a needless `.0`, with thousands separators (`19,000`)."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def fill_template(question: Question, baseline: Number | None, target: Number | None, unit: str = "") -> str:
    """The template's text with each placeholder replaced by its number (kept when unknown). A
    `unit` the person typed replaces the template's own after each number ("from 504 hours to 8
    hours", never "504 weeks"), except a per cent change ("by X%"), which stays a change."""
    text = question.text
    for placeholder in question.placeholders:
        value = baseline if placeholder.field == "baseline" else target
        if value is None:
            continue
        symbol = re.escape(placeholder.symbol)
        if placeholder.unit and not placeholder.unit.startswith("%"):
            own = re.escape(placeholder.unit)
            with_own = rf"(?<![A-Za-z]){symbol} ?{own}(?![A-Za-z])"
            if re.search(with_own, text):
                # the unit typed, else the template's, said for this number ("1 day", "15 days");
                # a unit typed by a person is text, never a pattern: its backslashes escaped
                shown = with_unit(value, typed_unit(unit, placeholder.field) or placeholder.unit)
                text = re.sub(with_own, shown.replace("\\", "\\\\"), text)
                continue
        pattern = PLACEHOLDER_PATTERN.format(symbol=symbol)
        text = re.sub(pattern, number(value), text)
    return text


def field_unit(metric: Metric, question: Question | None, field: str) -> str:
    """The unit of a metric's baseline or target: the one the person typed, else the template's for
    that field."""
    return typed_unit(metric.unit, field) or template_unit(question, field)


def typed_unit(unit: str, field: str) -> str:
    """The unit a person typed for the baseline or the target: both share one, and two typed
    with an arrow ("hours → minutes", "hours -> minutes") are the baseline's, then the target's."""
    typed = unit.strip().replace("->", UNIT_PAIR)
    if UNIT_PAIR in typed:
        before, _, after = typed.partition(UNIT_PAIR)
        return (before if field == "baseline" else after).strip()
    return typed


UNIT_PAIR = "→"
"""Between two typed units, a baseline's and a target's ("hours → minutes")."""


def template_units(question: Question | None) -> str:
    """What the unit field suggests: "hours → minutes" when the template's two differ."""
    before, after = template_unit(question, "baseline"), template_unit(question, "target")
    return f"{before} {UNIT_PAIR} {after}" if before and after and before != after else before or after


def template_unit(question: Question | None, field: str) -> str:
    """The unit a metric template gives its baseline or target ("hours" for "from X hours")."""
    if question is not None:
        for placeholder in question.placeholders:
            if placeholder.field == field and placeholder.unit:
                return placeholder.unit
        own = question.baseline_unit if field == "baseline" else question.target_unit
        if own:
            return own
    return ""


def metric_sentence(metric: Metric, catalogue: Catalogue, currency: str = "") -> str:
    """ "Reduce model deployment time from 3 weeks to 48 hours", plus numbers the text lacks.

    A "by X%" metric keeps the baseline beside it with its own unit, money in the client's
    `currency` (see `analysis/currency`), written as all money is: "Reduce model serving costs by 35%
    (baseline €19,000 per month)".
    """
    question = catalogue.questions.get(metric.template) if metric.template else None
    if question is None:
        base = metric.text or metric.template or metric.id
        return money_words(base + _numbers_suffix(metric, None, ("baseline", "target"), currency))
    text = fill_template(question, metric.baseline, metric.target, metric.unit)
    in_text = {p.field for p in question.placeholders}
    share = _share_after_change(metric, question)
    if share:
        return money_words(f"{text} ({share})")
    fields = [f for f in ("baseline", "target") if f not in in_text]
    return money_words(text + _numbers_suffix(metric, question, fields, currency))


FALLING = re.compile(r"^(Reduce|Decrease|Cut|Lower)\b", re.I)


def target_change(question: Question | None) -> str:
    """For a "by X%" template, what its target is: "% reduction" or "% increase" (the change in
    per cent, said beside the field, never read silently as a % when 90 alerts a week was meant);
    "" when the target is a value in its own unit."""
    if question is None or not any(p.field == "target" and p.unit == "%" for p in question.placeholders):
        return ""
    return "% reduction" if FALLING.match(question.text) else "% increase"


def _share_after_change(metric: Metric, question: Question) -> str:
    """For "by X%" on a baseline that is itself a share: the share before and after the change,
    "from 8% to 20% of features used by two or more projects" (150% more of 8% is 20%, not 158%)."""
    unit = field_unit(metric, question, "baseline")
    relative = any(p.field == "target" and p.unit == "%" for p in question.placeholders)
    if metric.baseline is None or metric.target is None or not relative or not unit.startswith("%"):
        return ""
    sign = -1 if FALLING.match(question.text) else 1
    after = max(0.0, float(metric.baseline) * (1 + sign * float(metric.target) / 100))
    rounded = round(after, 1)
    return f"from {with_unit(metric.baseline, '%')} to {with_unit(rounded, unit)}"


def with_unit(value: Number, unit: str) -> str:
    """A number and its unit: `12%`, `250ms`, `3 weeks`."""
    spacer = "" if not unit or unit.startswith("%") or unit == "ms" else " "
    return f"{number(value)}{spacer}{unit_for(value, unit)}"


def unit_for(value: Number, unit: str) -> str:
    """The unit said for this number: its first word singular for exactly one ("1 day", "1 hour per
    model", "1 entry"), as typed otherwise."""
    word, rest = re.match(r"([A-Za-z]*)(.*)", unit, re.S).groups()  # type: ignore[union-attr]
    if value != 1 or len(word) < 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return unit
    return (word[:-3] + "y" if word.endswith("ies") else word[:-1]) + rest


def _numbers_suffix(metric: Metric, question: Question | None, fields: Iterable[str], currency: str) -> str:
    parts = []
    for name in fields:
        value = metric.baseline if name == "baseline" else metric.target
        if value is not None:
            unit = field_unit(metric, question, name)
            if is_money(unit):
                parts.append(f"{name} {amount_in_unit(number(value), unit, currency)}")
            else:
                parts.append(f"{name} {with_unit(value, in_unit(unit, currency))}")
    return f" ({', '.join(parts)})" if parts else ""
