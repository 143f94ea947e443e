"""Pilot plan scheduling: earliest/latest start, slack and the critical path (CPM, networkx).

Weeks count from 0, the plan's first week. An item with a fixed `start` starts then, even if a
dependency is not finished; that is reported as a conflict. Milestones last 0 weeks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from workbench.model.project import Project
from workbench.model.records import PlanItem


class PlanCycle(ValueError):
    """The dependencies loop; the message names the loop (`P-2 → P-4 → P-2`)."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = cycle
        super().__init__("dependency cycle: " + " → ".join([*cycle, cycle[0]]))


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


def dependency_graph(items: list[PlanItem]) -> Any:
    """A networkx DiGraph; edges run from a dependency to the item that waits for it."""
    import networkx as nx  # imported on first use: it costs ~0.1 s at start-up

    graph = nx.DiGraph()
    known = {item.id for item in items}
    for item in items:
        graph.add_node(item.id)
        for dependency in item.depends_on:
            if dependency in known:
                graph.add_edge(dependency, item.id)
    return graph


def find_cycle(items: list[PlanItem]) -> list[str] | None:
    """The ids of a dependency loop, in order, or None."""
    import networkx as nx

    try:
        edges = nx.find_cycle(dependency_graph(items))
    except nx.NetworkXNoCycle:
        return None
    return [u for u, _ in edges]


def would_cycle(items: list[PlanItem], item_id: str, dependency: str) -> list[str] | None:
    """The loop that adding `item_id` depends on `dependency` would close, or None."""
    if item_id == dependency:
        return [item_id]
    import networkx as nx

    graph = dependency_graph(items)
    if graph.has_node(item_id) and graph.has_node(dependency) and nx.has_path(graph, item_id, dependency):
        path = nx.shortest_path(graph, item_id, dependency)
        return [str(node) for node in path]
    return None


def schedule(project: Project) -> Schedule:
    """CPM over the project's plan items. Raises PlanCycle when the dependencies loop."""
    items = list(project.pilots)
    cycle = find_cycle(items)
    if cycle:
        raise PlanCycle(cycle)
    import networkx as nx

    by_id = {item.id: item for item in items}
    graph = dependency_graph(items)
    unknown = [(i.id, d) for i in items for d in i.depends_on if d not in by_id]
    order = list(nx.lexicographical_topological_sort(graph))
    start: dict[str, int] = {}
    end: dict[str, int] = {}
    conflicts: dict[str, str] = {}
    for node in order:
        item = by_id[node]
        earliest = max((end[p] for p in graph.predecessors(node)), default=0)
        if item.start is not None:
            start[node] = item.start
            late = [p for p in graph.predecessors(node) if end[p] > item.start]
            if late:
                conflicts[node] = (
                    f"fixed start week {item.start} is before {', '.join(sorted(late))} "
                    f"finish{'es' if len(late) == 1 else ''} (week {earliest})"
                )
        else:
            start[node] = earliest
        end[node] = start[node] + item.weeks
    end_week = max(end.values(), default=0)
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
    scheduled.sort(key=lambda s: (s.start, s.end, s.id))
    return Schedule(scheduled, end_week, _critical_path(scheduled, graph), unknown)


def _critical_path(items: list[ScheduledItem], graph: Any) -> list[str]:
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


def current_week(project: Project, today: dt.date) -> int:
    """Which plan week today falls in (negative before the plan starts)."""
    return (today - plan_start(project, today)).days // 7


def pilots_without_metrics(project: Project) -> list[PlanItem]:
    """Pilots that name no success metric."""
    return [item for item in project.pilots if item.kind == "pilot" and not item.metrics]
