"""Milestones: take one from the project's state, find one by name, and compare two."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workbench.analysis.gaps import QUADRANT_LABELS, gap_quadrant
from workbench.analysis.maturity import area_maturity
from workbench.analysis.plan import PlanCycle, end_date, schedule
from workbench.model.catalogue import Catalogue
from workbench.model.milestones import AreaScore, GapState, Milestone, PilotState
from workbench.model.project import Project
from workbench.model.records import CLOSED_STATUSES

NOW = "now"
"""The name the project's current state goes by in a comparison."""


def quadrant_label(name: str) -> str:
    """A stored quadrant id as people say it (`quick-win` → Quick win)."""
    labels: dict[str, str] = {str(k): v for k, v in QUADRANT_LABELS.items()}
    return labels.get(name, name)


class MilestoneProblem(ValueError):
    """A milestone name that cannot be used: unknown, `now` or empty. The message says what to do."""

    finding = False
    """True when the name is fine but the project refuses it (a name already taken, no milestone
    to compare with): a finding about the file, not a command line that is wrong."""


class MilestoneRefused(MilestoneProblem):
    """The project refuses the request: the name is taken, or there is no milestone yet."""

    finding = True


def snapshot(project: Project, catalogue: Catalogue, name: str, today: dt.date) -> Milestone:
    """The project's state now, as a milestone called `name` (not added to the project)."""
    try:
        plan_end: dt.date | None = (
            end_date(project, schedule(project), today) if project.pilots else None
        )
    except PlanCycle:
        plan_end = None
    accepted = project.accepted_by_gap()
    return Milestone(
        name=name,
        date=today,
        answers=len(project.answers),
        maturity=[
            AreaScore(area=row.area, current=row.current, target=row.target)
            for row in area_maturity(project, catalogue)
        ],
        gaps=[
            GapState(id=g.id, title=g.title, area=g.area, quadrant=gap_quadrant(project, g), status=g.status)
            for g in project.gaps
        ],
        mappings=[f"{gap} {practice}" for gap, practices in accepted.items() for practice in practices],
        pilots=[
            PilotState(id=p.id, title=p.title, **({"done": True} if p.done else {})) for p in project.pilots
        ],
        plan_end=plan_end,
    )


def in_date_order(project: Project) -> list[Milestone]:
    """The project's milestones oldest first, by their date (saved order breaks ties), whatever
    order they were saved or written in: a baseline backfilled with --date comes first."""
    return sorted(project.milestones, key=lambda m: m.date)


def latest(project: Project) -> Milestone | None:
    """The most recent milestone by date, or None."""
    ordered = in_date_order(project)
    return ordered[-1] if ordered else None


def same_name(one: str, other: str) -> bool:
    """Whether two milestone names are the same, told apart without their case (`Baseline` is
    `baseline`; `NOW` is the current state): one name per milestone, however it is typed."""
    return one.casefold() == other.casefold()


def new_milestone_name(project: Project, name: str) -> str:
    """The name, trimmed, if a new milestone may take it; MilestoneProblem says why not."""
    name = name.strip()
    if not name:
        raise MilestoneProblem("a milestone needs a name, e.g. `baseline`")
    if same_name(name, NOW):
        raise MilestoneProblem(f"`{name}` stands for the current state; choose another name")
    taken = next((m.name for m in project.milestones if same_name(m.name, name)), None)
    if taken == name:
        raise MilestoneRefused(f"there is already a milestone called {name!r}; choose another name")
    if taken is not None:
        raise MilestoneRefused(
            f"there is already a milestone called {taken!r}, and names are told apart without their "
            "case; choose another name"
        )
    return name


def find_milestone(project: Project, catalogue: Catalogue, name: str, today: dt.date) -> Milestone:
    """The milestone called `name`, or the current state for `now`."""
    if same_name(name, NOW):
        return snapshot(project, catalogue, NOW, today)
    for milestone in project.milestones:
        if same_name(milestone.name, name):
            return milestone
    if not project.milestones:
        raise MilestoneProblem(f"there is no milestone {name!r}: none has been saved yet")
    known = ", ".join(m.name for m in in_date_order(project))
    raise MilestoneProblem(f"there is no milestone {name!r}; the milestones, oldest first, are: {known}")


def in_time_order(first: Milestone, second: Milestone) -> tuple[Milestone, Milestone]:
    """The two points of a comparison, earlier first (now is after every milestone of its day)."""
    def when(m: Milestone) -> tuple[dt.date, bool]:
        return m.date, m.name == NOW

    return (second, first) if when(second) < when(first) else (first, second)


@dataclass(frozen=True)
class AreaChange:
    """An area's maturity at two points."""

    area: str
    title: str
    before: float | None
    after: float | None
    target_before: float | None
    target_after: float | None

    @property
    def delta(self) -> float | None:
        """Change in current maturity, when both points were scored."""
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


@dataclass(frozen=True)
class GapChange:
    """A gap that was opened, closed or moved to another quadrant between two points."""

    id: str
    title: str
    before: str
    """Quadrant before (empty when opened)."""
    after: str
    """Quadrant after (empty when closed)."""


@dataclass
class MilestoneDiff:
    """What changed between two milestones."""

    before: Milestone
    after: Milestone
    areas: list[AreaChange] = field(default_factory=list)
    opened: list[GapChange] = field(default_factory=list)
    closed: list[GapChange] = field(default_factory=list)
    moved: list[GapChange] = field(default_factory=list)
    pilots_done: list[PilotState] = field(default_factory=list)
    mappings_accepted: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        """Whether nothing that a diff reports changed."""
        return not (
            any(a.before != a.after or a.target_before != a.target_after for a in self.areas)
            or self.opened
            or self.closed
            or self.moved
            or self.pilots_done
            or self.mappings_accepted
        )


def compare(before: Milestone, after: Milestone, catalogue: Catalogue) -> MilestoneDiff:
    """Maturity per area, gaps opened, closed and moved, pilots done and mappings accepted."""
    diff = MilestoneDiff(before, after)
    old_scores = {s.area: s for s in before.maturity}
    new_scores = {s.area: s for s in after.maturity}
    order = list(catalogue.areas)
    areas = sorted(
        set(old_scores) | set(new_scores), key=lambda a: (order.index(a) if a in order else len(order), a)
    )
    for area in areas:
        old, new = old_scores.get(area), new_scores.get(area)
        diff.areas.append(
            AreaChange(
                area,
                catalogue.area_title(area),
                old.current if old else None,
                new.current if new else None,
                old.target if old else None,
                new.target if new else None,
            )
        )
    old_gaps = {g.id: g for g in before.gaps if g.status not in CLOSED_STATUSES}
    new_gaps = {g.id: g for g in after.gaps if g.status not in CLOSED_STATUSES}
    closed_after = {g.id: g for g in after.gaps if g.status in CLOSED_STATUSES}
    for gap in after.gaps:
        if gap.id in new_gaps and gap.id not in old_gaps:
            diff.opened.append(GapChange(gap.id, gap.title, "", gap.quadrant))
        elif gap.id in new_gaps and old_gaps[gap.id].quadrant != gap.quadrant:
            diff.moved.append(GapChange(gap.id, gap.title, old_gaps[gap.id].quadrant, gap.quadrant))
    for gap in before.gaps:
        if gap.id in old_gaps and gap.id not in new_gaps:
            title = closed_after[gap.id].title if gap.id in closed_after else gap.title
            diff.closed.append(GapChange(gap.id, title, gap.quadrant, ""))
    done_before = {p.id for p in before.pilots if p.done}
    diff.pilots_done = [p for p in after.pilots if p.done and p.id not in done_before]
    old_mappings = set(before.mappings)
    diff.mappings_accepted = [m for m in after.mappings if m not in old_mappings]
    return diff
