"""Everything the proposal's sections share: the data, the plan, redaction and how to name things."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workbench.analysis.currency import in_currency, money_named, money_words, project_currency
from workbench.analysis.gaps import QUADRANT_ORDER, Quadrant, gap_quadrant, ranked_gaps
from workbench.analysis.metrics import metric_sentence
from workbench.analysis.plan import (
    DECIDE_BEFORE_START,
    DECIDE_IN,
    PlanCycle,
    Schedule,
    ScheduledItem,
    first_work_week,
    friday_of_last_week,
    item_end_date,
    last_week,
    plan_start,
    remaining,
    schedule,
    start_after_deciding,
)
from workbench.export.client_fit import moved_years, years_to_move
from workbench.export.client_notes import ClientNotes
from workbench.export.investment import Effort, effort
from workbench.export.options import ProposalOptions
from workbench.export.redaction import Redactor, name_words
from workbench.export.wording import count, first_lower, join_and
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import CLOSED_STATUSES, Gap, Metric, PlanItem


@dataclass
class ProposalContext:
    """The project, its analysis done once, and the options of this copy."""

    project: Project
    catalogue: Catalogue
    options: ProposalOptions
    r: Redactor = field(init=False)
    readable: ClientNotes = field(init=False)
    """A note cut down to what the client may read (no names, hearsay or to-dos)."""
    plan: Schedule | None = field(init=False)
    ranked: list[tuple[Gap, float]] = field(init=False)
    """The open gaps, highest priority first (closed and won't-fix gaps are done with)."""
    closed: list[Gap] = field(init=False)
    """Gaps closed, or decided against, since they were raised."""
    quadrants: dict[str, Quadrant] = field(init=False)
    first_week: int = field(init=False)
    """The plan week work starts in (the earliest item's start): the document's week 1."""
    planned_start: dt.date = field(init=False)
    """The Monday that work starts in the plan (`workbench plan`, the Plan pane)."""
    start: dt.date = field(init=False)
    """The Monday work starts in this document: the plan's, unless that leaves no time to decide."""
    currency: str = field(init=False)
    """The currency of the client's own figures (USD, EUR, GBP; empty if unknown): the guides' amounts
    are named in it."""
    names: frozenset[str] = field(init=False)
    """The capitalised words of the names the project holds: kept capitalised inside a sentence."""
    patterns: dict[str, list[str]] = field(init=False, default_factory=dict)
    """The practices whose code patterns the body refers to, in the order it does, with the gaps they
    are recommended for: the appendix of code patterns."""

    def __post_init__(self) -> None:
        self.r = Redactor(self.project, self.options.redact)
        self.names = name_words(self.project)
        self.readable = ClientNotes(self.project)
        try:
            self.plan = schedule(remaining(self.project))  # what is done is reported, not planned
        except PlanCycle:
            self.plan = None
        self.first_week = first_work_week(self.plan) if self.plan is not None else 0
        self.planned_start = plan_start(self.project, self.today) + dt.timedelta(weeks=self.first_week)
        self.start = start_after_deciding(self.planned_start, self.today)
        self.currency = project_currency(self.project)
        ranked = ranked_gaps(self.project)
        self.ranked = [(g, score) for g, score in ranked if g.status not in CLOSED_STATUSES]
        self.closed = [g for g, _ in ranked if g.status in CLOSED_STATUSES]
        self.quadrants = {g.id: gap_quadrant(self.project, g) for g, _ in ranked}

    @property
    def today(self) -> dt.date:
        """The date on the cover."""
        return self.options.today

    @property
    def client(self) -> str:
        """The client's name, or `the client`."""
        client = self.project.project.client
        return client if client and not self.options.redact else "the client"

    @property
    def firm(self) -> str:
        """The firm's name, or empty."""
        return self.project.proposal.firm

    def in_sentence(self, text: str) -> str:
        """A title (redacted first) inside a sentence: its first letter lower-cased, unless it
        starts with a name (the client's, a person's) or an acronym."""
        return first_lower(self.r(text), self.names)

    def named(self, record_id: str, title: str) -> str:
        """A title, with its id in front when ids are shown."""
        title = self.r(title)
        return f"{record_id} {title}" if self.options.ids else title

    def gaps_in(self, quadrant: Quadrant) -> list[Gap]:
        """Gaps of one matrix quadrant, by priority."""
        return [g for g, _ in self.ranked if self.quadrants[g.id] == quadrant]

    def week(self, week: int) -> dt.date:
        """The Monday of a plan week (as `schedule` numbers them: from 0, work may start later)."""
        return self.start + dt.timedelta(weeks=week - self.first_week)

    @property
    def weeks(self) -> int:
        """How many weeks the plan runs, from the week work starts to the week it ends."""
        return last_week(self.plan, self.first_week) if self.plan is not None and self.plan.items else 0

    def decision_date(self) -> dt.date:
        """When the decision is needed: a week before work starts, at the soonest in two days, and
        after the open next steps due before then; always by the Friday before work starts."""
        soonest = self.today + dt.timedelta(days=DECIDE_IN)
        latest = self.start - dt.timedelta(days=DECIDE_BEFORE_START)
        wanted = max(soonest, self.start - dt.timedelta(days=7))
        steps = [
            s.due
            for s in self.project.next_steps
            if not s.done and s.due is not None and self.today <= s.due <= latest
        ]
        return max([wanted, *steps])

    def plan_end(self) -> dt.date | None:
        """The Friday the plan's last week ends (None without a schedule or items), moved as work's
        start is moved to leave time to decide."""
        if self.plan is None or not self.plan.items:
            return None
        return friday_of_last_week(self.start, self.plan, self.first_week)

    def item_end(self, scheduled: ScheduledItem) -> dt.date:
        """The Friday an item's last week ends, moved as work's start is moved (the working day before
        it when offices are shut that Friday)."""
        return item_end_date(self.project, scheduled, self.today, self.start - self.planned_start)

    def after_plan(self, metric: Metric) -> bool:
        """Whether a metric's target date falls after the plan ends: tracked, not a pilot's criterion."""
        end = self.plan_end()
        return metric.due is not None and end is not None and metric.due > end

    def pilots(self) -> list[PlanItem]:
        """The plan's pilots (not deep-dives or milestones), in the order they are described."""
        return [p for p in self.work_items() if p.kind == "pilot"]

    def work_items(self) -> list[PlanItem]:
        """Pilots and deep-dives in the order they start; at the same start, quick wins first."""
        items = [p for p in self.project.pilots if p.kind != "milestone" and not p.done]
        starts = {s.id: s.start for s in self.plan.items} if self.plan is not None else {}
        return sorted(items, key=lambda p: (starts.get(p.id, 0), self.urgency(p)))

    def urgency(self, item: PlanItem) -> int:
        """0 for an item that closes a quick win, then strategic, fill-in, set aside; 4 for none."""
        ranks = [QUADRANT_ORDER.index(self.quadrants[g]) for g in item.gaps if g in self.quadrants]
        return min(ranks, default=len(QUADRANT_ORDER))

    def work_phrase(self, items: list[PlanItem] | None = None) -> str:
        """`6 pilots and 1 deep-dive`: the same count wherever the plan is summed up."""
        items = self.work_items() if items is None else items
        pilots = sum(1 for p in items if p.kind == "pilot")
        dives = len(items) - pilots
        return join_and(
            [count(pilots, "pilot") if pilots else "", count(dives, "deep-dive") if dives else ""]
        )

    def led_by_us(self, item: PlanItem) -> bool:
        """Whether the consultant leads a plan item: its lead is the facilitator, or, with no lead
        named, it is a deep-dive (which the consultant facilitates)."""
        if item.owner:
            return item.owner == self.project.project.facilitator
        return item.kind == "deep-dive"

    def effort(self, item: PlanItem) -> Effort:
        """Team size, people-weeks and skills of a plan item."""
        return effort(item, self.catalogue)

    def guide_text(self, text: str, code: bool = False) -> str:
        """A guide's text or code as this client reads it: amounts in its currency, dates in the plan's
        years; in prose (not `code`), money written as everywhere else ("$60,000")."""
        fitted = moved_years(in_currency(text, self.currency), years_to_move(self.start))
        return fitted if code else money_words(fitted)

    def pattern_number(self, practice_id: str, gap_title: str) -> int:
        """The number of a practice's code pattern in the appendix (the next one, the first time)."""
        gaps = self.patterns.setdefault(practice_id, [])
        if gap_title not in gaps:
            gaps.append(gap_title)
        return list(self.patterns).index(practice_id) + 1

    def metric_text(self, metric: Metric) -> str:
        """A success metric in words, its money in the client's currency ("$19,000 per month"),
        unless the person typed a unit that names its own ("kUSD"): that is kept as typed."""
        sentence = metric_sentence(metric, self.catalogue, self.currency)
        return self.r(sentence if money_named(metric.unit) else in_currency(sentence, self.currency))
