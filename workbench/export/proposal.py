"""The proposal as blocks: the cover, then each chosen section in the order a client reads it.

A new section is a function `(ProposalContext) -> list[Block]` in its own module, registered with
one line in `SECTION_BUILDERS` (and its id in `options.SECTIONS`, in reading order).
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.export import sections_close, sections_front, sections_plan
from workbench.export.blocks import Block
from workbench.export.context import ProposalContext
from workbench.export.options import DEFAULT_SECTIONS, OPT_IN, SECTIONS, ProposalOptions
from workbench.export.progress_section import progress_section
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project

__all__ = ["DEFAULT_SECTIONS", "OPT_IN", "SECTIONS", "SECTION_TITLES", "ProposalOptions", "build_proposal"]

Builder = Callable[[ProposalContext], list[Block]]

SECTION_BUILDERS: dict[str, Builder] = {
    "contents": sections_front.contents,
    "summary": sections_front.summary,
    "progress": lambda ctx: progress_section(
        ctx.project, ctx.catalogue, ctx.today, ctx.r, ctx.options.ids, ctx.options.since
    ),
    "context": sections_front.context,
    "strengths": sections_front.strengths,
    "findings": sections_front.findings,
    "gaps": sections_plan.gaps,
    "recommendations": sections_plan.recommendations,
    "pilots": sections_plan.pilots,
    "timeline": sections_plan.timeline,
    "investment": sections_close.investment,
    "risks": sections_close.risks,
    "next-steps": sections_close.next_steps,
    "decision": sections_close.decision,
    "scoring": sections_front.maturity_scale,
    "appendix": sections_close.appendix,
    "code-patterns": sections_close.code_patterns,
}
"""Each section's builder, by id."""

SECTION_TITLES = {
    "contents": "Contents",
    "summary": "Executive summary",
    "progress": "Progress since the last milestone",
    "context": "Context and approach",
    "strengths": "What is working well",
    "findings": "Findings by theme",
    "gaps": "Prioritised gaps and matrix",
    "recommendations": "Recommendations",
    "pilots": "Pilots",
    "timeline": "Timeline",
    "investment": "Investment and team",
    "risks": "Assumptions and risks",
    "next-steps": "Next steps",
    "decision": "Decision and sign-off",
    "scoring": "Appendix: how maturity is scored",
    "appendix": "Appendix: what we heard",
    "code-patterns": "Appendix: code patterns",
}
"""How each section is named in the export dialog."""


def build_proposal(project: Project, catalogue: Catalogue, options: ProposalOptions) -> list[Block]:
    """Every block of the proposal, in order."""
    ctx = ProposalContext(project, catalogue, options)
    blocks = sections_front.cover(ctx)
    for section in SECTIONS:
        if section in options.sections and section in SECTION_BUILDERS:
            blocks.extend(SECTION_BUILDERS[section](ctx))
    return blocks
