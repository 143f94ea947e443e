"""CPM scheduling checked against hand-computed examples."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.analysis.plan import PlanCycle, current_week, schedule, week_date, would_cycle
from workbench.model.project import PlanItem, Project


def plan(*items: tuple[str, int, list[str]], fixed: dict[str, int] | None = None) -> Project:
    project = Project.model_validate({"project": {"name": "p", "plan_start": dt.date(2026, 12, 9)}})
    for item_id, weeks, deps in items:
        kind = "milestone" if weeks == 0 else "pilot"
        project.pilots.append(PlanItem(id=item_id, title=item_id, kind=kind, weeks=weeks, depends_on=deps))
    for item_id, start in (fixed or {}).items():
        project.pilot(item_id).start = start  # type: ignore[union-attr]
    return project


def test_parallel_paths_give_slack_to_the_short_one() -> None:
    #   A(3) ─┬─ B(2) ─┬─ D(1)
    #         └─ C(5) ─┘
    s = schedule(plan(("A", 3, []), ("B", 2, ["A"]), ("C", 5, ["A"]), ("D", 1, ["B", "C"])))
    got = {i.id: (i.start, i.end, i.latest_start, i.slack, i.critical) for i in s.items}
    assert got == {
        "A": (0, 3, 0, 0, True),
        "B": (3, 5, 6, 3, False),
        "C": (3, 8, 3, 0, True),
        "D": (8, 9, 8, 0, True),
    }
    assert s.end_week == 9
    assert s.critical_path == ["A", "C", "D"]


def test_zero_length_milestones() -> None:
    # A(2) → M(0) → B(3);  C(1) → M
    s = schedule(plan(("A", 2, []), ("C", 1, []), ("M", 0, ["A", "C"]), ("B", 3, ["M"])))
    got = {i.id: (i.start, i.end, i.slack) for i in s.items}
    assert got == {"A": (0, 2, 0), "C": (0, 1, 1), "M": (2, 2, 0), "B": (2, 5, 0)}
    assert s.critical_path == ["A", "M", "B"]
    assert s.end_week == 5


def test_independent_chains_and_end_week() -> None:
    s = schedule(plan(("A", 4, []), ("B", 1, []), ("C", 2, ["B"])))
    assert {i.id: i.slack for i in s.items} == {"A": 0, "B": 1, "C": 1}
    assert s.critical_path == ["A"]


def test_fixed_start_that_breaks_a_dependency_is_flagged() -> None:
    s = schedule(plan(("A", 4, []), ("B", 2, ["A"]), fixed={"B": 1}))
    b = s.get("B")
    assert b is not None and b.start == 1
    assert "but A runs to the end of week 4: the earliest it can start is week 5 (start = 4)" in b.conflict
    later = schedule(plan(("A", 4, []), ("B", 2, ["A"]), fixed={"B": 6}))
    assert later.get("B").conflict == ""  # type: ignore[union-attr]
    assert later.end_week == 8


def test_cycle_is_refused_naming_it() -> None:
    project = plan(("P-2", 1, ["P-4"]), ("P-4", 1, ["P-2"]))
    with pytest.raises(PlanCycle) as raised:
        schedule(project)
    assert str(raised.value) == "dependency cycle: P-2 → P-4 → P-2"


def test_would_cycle_before_adding_a_dependency() -> None:
    project = plan(("A", 1, []), ("B", 1, ["A"]), ("C", 1, ["B"]))
    assert would_cycle(project.pilots, "A", "C") == ["A", "B", "C"]
    assert would_cycle(project.pilots, "C", "A") is None
    assert would_cycle(project.pilots, "A", "A") == ["A"]


def test_weeks_map_to_mondays() -> None:
    project = plan(("A", 1, []))
    assert week_date(project, 0, dt.date(2026, 11, 24)) == dt.date(2026, 12, 7)
    assert week_date(project, 2, dt.date(2026, 11, 24)) == dt.date(2026, 12, 21)
    assert current_week(project, dt.date(2026, 12, 23)) == 2


@pytest.mark.parametrize("seed", range(40))
def test_the_plan_graph_agrees_with_networkx(seed: int) -> None:
    """Order, loops and the loop a new dependency would close, as networkx finds them."""
    import itertools
    import random

    import networkx as nx

    from workbench.analysis.plan import dependency_graph, find_cycle, topological_order

    rng = random.Random(seed)
    ids = [f"P-{n}" for n in rng.sample(range(1, 30), rng.randint(1, 12))]
    items = []
    for n, i in enumerate(ids):
        pool = ids if seed % 2 else ids[:n]  # odd seeds may loop, even ones never do
        depends_on = rng.sample(pool, rng.randint(0, min(3, len(pool))))
        items.append(PlanItem(id=i, title=i, weeks=rng.randint(0, 6), depends_on=[*depends_on, "X-9"][: 4]))
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from((d, i.id) for i in items for d in i.depends_on if d in ids)
    cycle = find_cycle(items)
    if not nx.is_directed_acyclic_graph(graph):
        assert cycle is not None
        assert all(graph.has_edge(u, v) for u, v in zip(cycle, [*cycle[1:], cycle[0]], strict=True))
        return
    assert cycle is None
    assert topological_order(dependency_graph(items)) == list(nx.lexicographical_topological_sort(graph))
    for a, b in itertools.product(ids, ids):
        found = would_cycle(items, a, b)
        if a == b:
            assert found == [a]
        elif nx.has_path(graph, a, b):
            assert found is not None and len(found) == nx.shortest_path_length(graph, a, b) + 1
            assert found[0] == a and found[-1] == b
            assert all(graph.has_edge(u, v) for u, v in itertools.pairwise(found))
        else:
            assert found is None


def test_a_loop_says_who_waits_for_whom() -> None:
    """The Plan pane's banner names each link of the loop from the one to remove (#13)."""
    from workbench.analysis.plan import PlanCycle

    assert PlanCycle(["P-1", "P-2", "MS-1"]).waits() == "P-1 waits for MS-1, MS-1 waits for P-2 and P-2 waits for P-1"
    assert PlanCycle(["P-1", "P-2"]).waits() == "P-1 waits for P-2 and P-2 waits for P-1"
    assert PlanCycle(["P-3"]).waits() == "P-3 waits for itself"
