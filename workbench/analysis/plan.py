"""Pilot plan scheduling: earliest/latest start, slack and the critical path (CPM).

Weeks count from 0, the plan's first week. An item with a fixed `start` starts then, even if a
dependency is not finished; that is reported as a conflict. Milestones last 0 weeks.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import deque
from dataclasses import dataclass, field
from itertools import pairwise

from workbench.model.project import Project
from workbench.model.records import PlanItem


class PlanCycle(ValueError):
    """The dependencies loop; the message names the loop (`P-2 → P-4 → P-2`)."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = cycle
        super().__init__("dependency cycle: " + " → ".join([*cycle, cycle[0]]))

    @property
    def closing(self) -> tuple[str, str]:
        """One link of the loop as (item, the dependency it waits for): removing it breaks the loop."""
        return self.cycle[0], self.cycle[-1]

    def waits(self) -> str:
        """Who waits for whom around the loop, from the item whose link closes it:
        `P-1 waits for MS-1, MS-1 waits for P-2 and P-2 waits for P-1`."""
        if len(self.cycle) == 1:
            return f"{self.cycle[0]} waits for itself"
        order = [self.cycle[0], *reversed(self.cycle[1:]), self.cycle[0]]
        links = [f"{item} waits for {dependency}" for item, dependency in pairwise(order)]
        return ", ".join(links[:-1]) + " and " + links[-1]

    def sentence(self) -> str:
        """What is wrong and what to do, in words."""
        item, dependency = self.closing
        loop = " → ".join([*self.cycle, self.cycle[0]])
        return (
            f"the plan's dependencies form a cycle ({loop}; each waits for the one before it), which "
            f"no schedule can meet; remove {item}'s dependency on {dependency} or another link"
        )


def natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that reads numbers as numbers: "Pilot 6" before "Pilot 50", "P-2" before "P-10"."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.lower()) for part in re.split(r"(\d+)", text) if part
    )


@dataclass(frozen=True)
class ScheduledItem:
    """One plan item placed in time."""

    item: PlanItem
    start: int
    """Week it starts (earliest start, or its fixed start)."""
    end: int
    """Week it ends (exclusive): start + weeks."""
    latest_start: int
    slack: int
    critical: bool
    conflict: str = ""
    """Why a fixed start breaks a dependency, if it does."""

    @property
    def id(self) -> str:
        """The item's id."""
        return self.item.id


@dataclass
class Schedule:
    """The whole plan in time."""

    items: list[ScheduledItem] = field(default_factory=list)
    end_week: int = 0
    critical_path: list[str] = field(default_factory=list)
    unknown_dependencies: list[tuple[str, str]] = field(default_factory=list)

    def get(self, item_id: str) -> ScheduledItem | None:
        """The scheduled item with this id."""
        return next((s for s in self.items if s.id == item_id), None)


@dataclass
class DependencyGraph:
    """Plan items and their dependencies; edges run from a dependency to the item that waits for it.

    A few dozen lines of our own instead of networkx: importing networkx took longer than the
    whole export of a proposal.
    """

    successors_of: dict[str, list[str]] = field(default_factory=dict)
    predecessors_of: dict[str, list[str]] = field(default_factory=dict)

    def successors(self, node: str) -> list[str]:
        """Items that wait for this one."""
        return self.successors_of[node]

    def predecessors(self, node: str) -> list[str]:
        """Items this one waits for."""
        return self.predecessors_of[node]


def dependency_graph(items: list[PlanItem]) -> DependencyGraph:
    """The graph of the items' dependencies (unknown ids left out)."""
    graph = DependencyGraph({item.id: [] for item in items}, {item.id: [] for item in items})
    for item in items:
        for dependency in dict.fromkeys(item.depends_on):
            if dependency in graph.successors_of and item.id not in graph.successors_of[dependency]:
                graph.successors_of[dependency].append(item.id)
                graph.predecessors_of[item.id].append(dependency)
    return graph


def find_cycle(items: list[PlanItem]) -> list[str] | None:
    """The ids of a dependency loop, in order (each a dependency of the next), or None."""
    graph = dependency_graph(items)
    done: set[str] = set()
    for root in graph.successors_of:
        if root in done:
            continue
        path, on_path = [root], {root}
        pending = [iter(graph.successors(root))]
        while pending:
            node = next(pending[-1], None)
            if node is None:
                finished = path.pop()
                done.add(finished)
                on_path.discard(finished)
                pending.pop()
                continue
            if node in on_path:
                return path[path.index(node) :]
            if node not in done:
                path.append(node)
                on_path.add(node)
                pending.append(iter(graph.successors(node)))
    return None


def would_cycle(items: list[PlanItem], item_id: str, dependency: str) -> list[str] | None:
    """The loop that adding `item_id` depends on `dependency` would close, or None."""
    if item_id == dependency:
        return [item_id]
    graph = dependency_graph(items)
    if item_id not in graph.successors_of or dependency not in graph.successors_of:
        return None
    came_from: dict[str, str] = {item_id: item_id}
    queue = deque([item_id])
    while queue:
        node = queue.popleft()
        if node == dependency:
            path = [node]
            while path[-1] != item_id:
                path.append(came_from[path[-1]])
            return path[::-1]
        for following in graph.successors(node):
            if following not in came_from:
                came_from[following] = node
                queue.append(following)
    return None


def topological_order(graph: DependencyGraph) -> list[str]:
    """Every item after its dependencies; among those ready at once, by id."""
    waiting = {node: len(preds) for node, preds in graph.predecessors_of.items()}
    ready = [node for node, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        node = heapq.heappop(ready)
        order.append(node)
        for following in graph.successors(node):
            waiting[following] -= 1
            if waiting[following] == 0:
                heapq.heappush(ready, following)
    return order


def remaining(project: Project) -> Project:
    """The project with its finished plan items taken out and the dependencies on them met: the
    work still to do, which is what a proposal plans. The project itself is not changed."""
    done = {p.id for p in project.pilots if p.done}
    if not done:
        return project
    pilots = [
        p.model_copy(update={"depends_on": [d for d in p.depends_on if d not in done]})
        for p in project.pilots
        if not p.done
    ]
    return project.model_copy(update={"pilots": pilots})


def schedule(project: Project) -> Schedule:
    """CPM over the project's plan items. Raises PlanCycle when the dependencies loop."""
    items = list(project.pilots)
    cycle = find_cycle(items)
    if cycle:
        raise PlanCycle(cycle)
    by_id = {item.id: item for item in items}
    graph = dependency_graph(items)
    unknown = [(i.id, d) for i in items for d in i.depends_on if d not in by_id]
    order = topological_order(graph)
    start: dict[str, int] = {}
    end: dict[str, int] = {}
    late_for: dict[str, tuple[int, list[str], int]] = {}
    """Items whose fixed start is before a dependency finishes: the start, those dependencies, and
    the week they finish by (schedule weeks)."""
    for node in order:
        item = by_id[node]
        earliest = max((end[p] for p in graph.predecessors(node)), default=0)
        if item.start is not None:
            start[node] = item.start
            late = [p for p in graph.predecessors(node) if end[p] > item.start]
            if late:
                late_for[node] = (item.start, sorted(late), earliest)
        else:
            start[node] = earliest
        end[node] = start[node] + item.weeks
    end_week = max(end.values(), default=0)
    conflicts = {node: _too_early(*found) for node, found in late_for.items()}
    latest_finish: dict[str, int] = {}
    for node in reversed(order):
        successors = list(graph.successors(node))
        latest_finish[node] = min((latest_finish[s] - by_id[s].weeks for s in successors), default=end_week)
    scheduled = []
    for node in order:
        latest_start = latest_finish[node] - by_id[node].weeks
        slack = latest_start - start[node]
        scheduled.append(
            ScheduledItem(
                by_id[node], start[node], end[node], latest_start, slack, slack == 0, conflicts.get(node, "")
            )
        )
    scheduled.sort(key=lambda s: (s.start, s.end, natural(s.id)))
    return Schedule(scheduled, end_week, _critical_path(scheduled, graph), unknown)


def _too_early(start: int, late: list[str], finish: int) -> str:
    """Why a fixed start conflicts, in the weeks people count, with the values as written in the
    file: `fixed start in week 2 (start = 1), but D-1 runs to the end of week 2: the earliest it
    can start is week 3 (start = 2)`."""
    names = " and ".join([", ".join(late[:-1]), late[-1]] if len(late) > 1 else late)
    runs = "runs" if len(late) == 1 else "run"
    return (
        f"fixed start in week {week_number(start)} (start = {start}), but {names} {runs} to the "
        f"end of week {week_number(finish) - 1}: the earliest it can start is week "
        f"{week_number(finish)} (start = {finish})"
    )


def schedule_around_cycles(project: Project) -> tuple[Schedule, list[PlanCycle]]:
    """The schedule with the loops' closing links left out, and the loops: the plan can still be
    shown, and a person can select an item of a loop and remove the dependency."""
    cycles: list[PlanCycle] = []
    working = project
    while True:
        try:
            return schedule(working), cycles
        except PlanCycle as cycle:
            cycles.append(cycle)
            item, dependency = cycle.closing
            if working is project:
                working = project.model_copy(update={"pilots": list(project.pilots)})
            working.pilots = [
                p.model_copy(update={"depends_on": [d for d in p.depends_on if d != dependency]})
                if p.id == item
                else p
                for p in working.pilots
            ]


def _critical_path(items: list[ScheduledItem], graph: DependencyGraph) -> list[str]:
    """The longest chain of zero-slack items, each starting when the previous ends."""
    critical = {s.id: s for s in items if s.critical}
    best: list[str] = []
    memo: dict[str, list[str]] = {}

    def chain(node: str) -> list[str]:
        if node not in memo:
            nexts = [
                chain(n)
                for n in sorted(graph.successors(node))
                if n in critical and critical[n].start == critical[node].end
            ]
            memo[node] = [node, *max(nexts, key=len, default=[])]
        return memo[node]

    for node in sorted(critical, key=lambda n: (critical[n].start, n)):
        if critical[node].start == 0 or not any(p in critical for p in graph.predecessors(node)):
            path = chain(node)
            if len(path) > len(best) or (
                len(path) == len(best) and critical[path[-1]].end > critical[best[-1]].end
            ):
                best = path
    return best


def plan_start(project: Project, today: dt.date) -> dt.date:
    """Monday of week 0: the project's plan start, else the week of its creation, else today."""
    base = project.project.plan_start or project.project.created or today
    return base - dt.timedelta(days=base.weekday())


def week_date(project: Project, week: int, today: dt.date) -> dt.date:
    """The Monday of a plan week."""
    return plan_start(project, today) + dt.timedelta(weeks=week)


DECIDE_IN = 2
"""Days the client has, at the least, to decide."""
DECIDE_BEFORE_START = 3
"""The decision falls by the Friday before the Monday work starts."""


def start_after_deciding(planned: dt.date, today: dt.date) -> dt.date:
    """The Monday work starts in a proposal sent today: the planned Monday, or the first one after
    it that leaves the client DECIDE_IN days to decide by the Friday before."""
    start = planned
    while start - dt.timedelta(days=DECIDE_BEFORE_START) < today + dt.timedelta(days=DECIDE_IN):
        start += dt.timedelta(weeks=1)
    return start


def proposal_start(project: Project, today: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday the plan's work starts (the proposal's week 1) and the Monday a proposal sent today
    starts it: the proposal plans what is not done yet, and moves work's start when it leaves no
    time to decide."""
    try:
        plan = schedule(remaining(project))
    except PlanCycle:
        plan = Schedule()
    planned = plan_start(project, today) + dt.timedelta(weeks=first_work_week(plan))
    return planned, start_after_deciding(planned, today)


def current_week(project: Project, today: dt.date) -> int:
    """Which plan week today falls in (negative before the plan starts)."""
    return (today - plan_start(project, today)).days // 7


def pilots_without_metrics(project: Project) -> list[PlanItem]:
    """Pilots that name no success metric."""
    return [item for item in project.pilots if item.kind == "pilot" and not item.metrics]


# --- weeks as people count them -----------------------------------------------------------------
# The schedule and a file's `start` count weeks from 0 (the Monday of `plan_start`); people count
# them from 1, with inclusive ends: "weeks 1–3", "ends week 12". The Plan pane and `workbench plan`
# count from the plan's first week, so moving the first item a week later moves its bar on a fixed
# scale and its numbers by one (`start = 1` is week 2); counting from the earliest item renumbered
# the scale and left the item in "week 1". A proposal counts from the week its work starts
# (`week_one`): it plans only what is left, from the Monday the client can start.


def first_work_week(plan: Schedule) -> int:
    """The schedule week work starts in: the earliest item's start (a proposal's week 1)."""
    return min((s.start for s in plan.items), default=0)


def week_number(week: int, week_one: int = 0) -> int:
    """A schedule week (a file's `start`) as people number it: `week_one` is week 1."""
    return week - week_one + 1


def week_range(scheduled: ScheduledItem, week_one: int = 0) -> str:
    """`4–9`, or `10` for an item (or milestone) within one week: first and last week, inclusive."""
    first = week_number(scheduled.start, week_one)
    last = max(first, week_number(scheduled.end, week_one) - 1)
    return f"{first}" if first == last else f"{first}–{last}"


def week_span(scheduled: ScheduledItem, week_one: int = 0) -> str:
    """`weeks 4–9`, or `week 10`."""
    weeks = week_range(scheduled, week_one)
    return f"{'weeks' if '–' in weeks else 'week'} {weeks}"


def shown_end_week(plan: Schedule) -> int:
    """The schedule week the plan ends (exclusive), its milestones included: a milestone takes no
    weeks but falls in one, so one after the last piece of work ends the plan a week later."""
    return max([plan.end_week, *(max(s.end, s.start + 1) for s in plan.items)])


def last_week(plan: Schedule, week_one: int = 0) -> int:
    """The number of the plan's last week (people's numbering, from `week_one`), the week of its
    last milestone if that is later than its last work."""
    return max(1, week_number(shown_end_week(plan), week_one) - 1)


def end_date(project: Project, plan: Schedule, today: dt.date) -> dt.date:
    """The Friday the plan's last week ends: the date the proposal, the Plan pane, `workbench plan`
    and the portfolio give."""
    return friday_of_last_week(plan_start(project, today), plan)


def friday_of_last_week(monday: dt.date, plan: Schedule, week_one: int = 0) -> dt.date:
    """The Friday the plan's last week ends, counted from `monday`, the Monday of schedule week
    `week_one` (the proposal moves it later when the decision needs the time); the working day
    before it when offices are shut that Friday (`working_end`)."""
    return working_end(monday + dt.timedelta(weeks=last_week(plan, week_one) - 1, days=4))


def item_end_date(
    project: Project, scheduled: ScheduledItem, today: dt.date, moved: dt.timedelta = dt.timedelta(0)
) -> dt.date:
    """The Friday an item's last week ends (a milestone, of no weeks: the Friday of its week), its
    weeks `moved` as the proposal moves work's start; the working day before it when offices are
    shut that Friday (`working_end`)."""
    friday = week_date(project, max(scheduled.end, scheduled.start + 1), today) - dt.timedelta(days=3)
    return working_end(friday + moved)


OFFICES_SHUT = ((12, 25), (12, 26), (1, 1))
"""(month, day) of the days offices are shut: Christmas Day, Boxing Day and New Year's Day."""


def working_end(day: dt.date) -> dt.date:
    """The day itself, or the last working day before it when it falls on a weekend or a day offices
    are shut: a plan or an item never ends on 25 or 26 December or 1 January (Fri 25 Dec 2026 →
    Thu 24 Dec; Fri 26 Dec 2025 → Wed 24 Dec). The one rule every view's end dates go through."""
    while day.weekday() >= 5 or (day.month, day.day) in OFFICES_SHUT:
        day -= dt.timedelta(days=1)
    return day
