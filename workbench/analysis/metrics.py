"""Success metrics as sentences: the bank's X/Y template filled with the project's numbers."""

from __future__ import annotations

import re

from workbench.model.bank import PLACEHOLDER_PATTERN, Question
from workbench.model.catalogue import Catalogue
from workbench.model.records import Metric, Number


def number(value: Number | None) -> str:
    """A number without a needless `.0`."""
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def fill_template(question: Question, baseline: Number | None, target: Number | None) -> str:
    """The template's text with each placeholder replaced by its number (kept when unknown)."""
    text = question.text
    for placeholder in question.placeholders:
        value = baseline if placeholder.field == "baseline" else target
        if value is None:
            continue
        pattern = PLACEHOLDER_PATTERN.format(symbol=re.escape(placeholder.symbol))
        text = re.sub(pattern, number(value), text)
    return text


def metric_unit(metric: Metric, question: Question | None) -> str:
    """The metric's own unit, else the unit its template gives the target."""
    if metric.unit:
        return metric.unit
    if question is not None:
        for placeholder in question.placeholders:
            if placeholder.field == "target" and placeholder.unit:
                return placeholder.unit
    return ""


def metric_sentence(metric: Metric, catalogue: Catalogue) -> str:
    """ "Reduce model deployment time from 3 weeks to 48 hours", plus numbers the text lacks."""
    question = catalogue.questions.get(metric.template) if metric.template else None
    if question is None:
        base = metric.text or metric.template or metric.id
        return base + _numbers_suffix(metric, metric.unit, with_baseline=True, with_target=True)
    text = fill_template(question, metric.baseline, metric.target)
    fields = {p.field for p in question.placeholders}
    return text + _numbers_suffix(
        metric,
        metric_unit(metric, question),
        with_baseline="baseline" not in fields,
        with_target="target" not in fields,
    )


def _numbers_suffix(metric: Metric, unit: str, with_baseline: bool, with_target: bool) -> str:
    parts = []
    spacer = "" if unit in ("%", "ms", "") else " "
    if with_baseline and metric.baseline is not None:
        parts.append(f"baseline {number(metric.baseline)}{spacer}{unit}")
    if with_target and metric.target is not None:
        parts.append(f"target {number(metric.target)}{spacer}{unit}")
    return f" ({', '.join(parts)})" if parts else ""
