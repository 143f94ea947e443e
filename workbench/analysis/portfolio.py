"""A portfolio of engagements: each project's progress, and what recurs across clients."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from workbench.analysis.maturity import area_maturity
from workbench.analysis.plan import PlanCycle, end_date, item_end_date, schedule, week_date
from workbench.banks import bank_dirs, load_banks
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import CLOSED_STATUSES
from workbench.problems import FileProblem
from workbench.store.files import load_project, project_files


@dataclass(frozen=True)
class PilotInFlight:
    """A plan item running on the day of the report."""

    id: str
    title: str
    starts: dt.date
    ends: dt.date


@dataclass(frozen=True)
class OpenGap:
    """An open gap, with its area's title."""

    id: str
    title: str
    area: str
    area_title: str


@dataclass
class Progress:
    """Where one engagement stands."""

    path: Path
    name: str
    client: str
    sessions: int
    answers: int
    """Answers recorded, whatever their status (the count `workbench check` shows)."""
    open_gaps: list[OpenGap]
    gaps: int
    """Every gap, closed ones too."""
    plan_end: dt.date | None
    """When the plan ends; None without a plan (or with a dependency loop)."""
    in_flight: list[PilotInFlight] = field(default_factory=list)
    maturity: dict[str, float] = field(default_factory=dict)
    """Current maturity per area id."""
    area_titles: dict[str, str] = field(default_factory=dict)
    """Titles of the scored areas."""
    practices: dict[str, str] = field(default_factory=dict)
    """Accepted practices: id to title."""
    started: dt.date | None = None
    """The first session's date, else the day the project was created."""
    created: dt.date | None = None
    """The day the project was created (`[project] created`)."""

    @property
    def who(self) -> str:
        """The client, or the engagement's name when no client is given."""
        return self.client or self.name


def progress(path: Path, project: Project, catalogue: Catalogue, today: dt.date) -> Progress:
    """One engagement's answers, gaps, plan end, pilots in flight, maturity and practices."""
    in_flight: list[PilotInFlight] = []
    plan_end: dt.date | None = None
    if project.pilots:
        try:
            plan = schedule(project)
        except PlanCycle:
            plan = None
        if plan is not None:
            plan_end = end_date(project, plan, today) if plan.items else None
            for item in plan.items:
                starts, ends = week_date(project, item.start, today), item_end_date(project, item, today)
                if item.item.kind != "milestone" and not item.item.done and starts <= today <= ends:
                    in_flight.append(PilotInFlight(item.id, item.item.title, starts, ends))
    rows = [row for row in area_maturity(project, catalogue) if row.current is not None]
    accepted = dict.fromkeys(p for ps in project.accepted_by_gap().values() for p in ps)
    return Progress(
        path=path,
        name=project.project.name,
        client=project.project.client,
        sessions=len(project.sessions),
        answers=len(project.answers),
        open_gaps=[
            OpenGap(g.id, g.title, g.area, catalogue.area_title(g.area) if g.area else "")
            for g in project.gaps
            if g.status not in CLOSED_STATUSES
        ],
        gaps=len(project.gaps),
        plan_end=plan_end,
        in_flight=in_flight,
        maturity={row.area: row.current for row in rows if row.current is not None},
        area_titles={row.area: row.title for row in rows},
        practices={p: catalogue.practices[p].title if p in catalogue.practices else p for p in accepted},
        started=min((s.date for s in project.sessions if s.date), default=project.project.created),
        created=project.project.created,
    )


class Catalogues:
    """Bank catalogues by folder and bank list, loaded once for many projects."""

    def __init__(self) -> None:
        self._dirs: dict[Path | None, tuple[Path, ...]] = {}
        self._loaded: dict[tuple[Path, ...], Catalogue] = {}
        self._only: dict[tuple[tuple[Path, ...], tuple[str, ...]], Catalogue] = {}

    def _catalogue(self, project_path: Path | None) -> tuple[tuple[Path, ...], Catalogue]:
        folder = project_path.parent if project_path is not None else None
        if folder not in self._dirs:  # every project in a folder sees the same banks
            self._dirs[folder] = tuple(bank_dirs(project_path))
        dirs = self._dirs[folder]
        if dirs not in self._loaded:
            self._loaded[dirs] = load_banks(dirs).catalogue
        return dirs, self._loaded[dirs]

    def bundled(self) -> Catalogue:
        """The bundled banks (and $WORKBENCH_BANKS): the order areas are reported in."""
        return self._catalogue(None)[1]

    def for_project(self, path: Path, project: Project) -> Catalogue:
        """The catalogue a project file sees (bundled, $WORKBENCH_BANKS and its own banks)."""
        dirs, loaded = self._catalogue(path)
        key = (dirs, tuple(project.project.banks))
        if key not in self._only:
            self._only[key] = loaded.only(project.project.banks)
        return self._only[key]


def read_progress(path: Path, catalogues: Catalogues, today: dt.date) -> Progress:
    """Read one project and summarise it; FileProblem when it cannot be read."""
    project = load_project(path)
    return progress(path, project, catalogues.for_project(path, project), today)


@dataclass
class Recurring:
    """Something found at two or more clients."""

    key: str
    title: str
    clients: list[str]
    examples: list[str] = field(default_factory=list)
    """Gap titles, for a recurring area."""


@dataclass
class Portfolio:
    """Every readable engagement in a folder, what could not be read, and what recurs."""

    engagements: list[Progress]
    skipped: list[FileProblem]
    areas: list[tuple[str, str]]
    """Areas scored anywhere in the portfolio (id, title), in bank order."""
    recurring_gaps: list[Recurring]
    recurring_practices: list[Recurring]


def read_portfolio(folder: Path, today: dt.date) -> Portfolio:
    """Read every `*.toml` project in a folder; unreadable ones are listed, not fatal."""
    catalogues = Catalogues()
    engagements: list[Progress] = []
    skipped: list[FileProblem] = []
    for path in project_files(folder):
        try:
            engagements.append(read_progress(path, catalogues, today))
        except FileProblem as problem:
            skipped.append(problem)
    return Portfolio(
        engagements,
        skipped,
        _areas(engagements, catalogues.bundled()),
        _recurring_gaps(engagements),
        _recurring_practices(engagements),
    )


def _areas(engagements: list[Progress], catalogue: Catalogue) -> list[tuple[str, str]]:
    titles = {area: title for e in engagements for area, title in e.area_titles.items()}
    ordered = [a for a in catalogue.areas if a in titles] + sorted(set(titles) - set(catalogue.areas))
    return [(a, titles[a]) for a in ordered]


def _recurring_gaps(engagements: list[Progress]) -> list[Recurring]:
    """Areas with open gaps at two or more clients, most widespread first."""
    clients: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for e in engagements:
        for gap in e.open_gaps:
            area = gap.area or "(no area)"
            names[area] = gap.area_title or area
            if e.who not in clients[area]:
                clients[area].append(e.who)
            if gap.title.casefold() not in (t.casefold() for t in titles[area]):
                titles[area].append(gap.title)
    found = [Recurring(a, names[a], c, titles[a]) for a, c in clients.items() if len(c) >= 2]
    return sorted(found, key=lambda r: (-len(r.clients), r.title))


def _recurring_practices(engagements: list[Progress]) -> list[Recurring]:
    """Practices accepted at two or more clients, most widespread first."""
    clients: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, str] = {}
    for e in engagements:
        for practice, title in e.practices.items():
            titles[practice] = title
            if e.who not in clients[practice]:
                clients[practice].append(e.who)
    found = [Recurring(p, titles[p], who) for p, who in clients.items() if len(who) >= 2]
    return sorted(found, key=lambda r: (-len(r.clients), r.key))
