"""A large generated project: 10 sessions × every question (~3,000 answers), 300 gaps, 60 pilots."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from workbench.banks import load_catalogue
from workbench.model.project import Project
from workbench.model.records import Answer, Attendee, Gap, Heard, Mapping, PlanItem, Session
from workbench.store.files import ProjectFile

SESSIONS = 10
GAPS = 300
PILOTS = 60


def large_project(seed: int = 7) -> Project:
    """Build the project in memory (deterministic for a seed)."""
    rng = random.Random(seed)
    catalogue = load_catalogue()
    templates = list(catalogue.templates)
    project = Project.model_validate(
        {
            "project": {
                "name": "Large generated engagement",
                "client": "Bench Co",
                "facilitator": "Bench",
                "created": dt.date(2026, 1, 5),
            }
        }
    )
    for n in range(SESSIONS):
        project.sessions.append(
            Session(
                id=f"s-{n + 1}",
                template=templates[n % len(templates)],
                date=dt.date(2026, 1, 5 + n),
                attendees=[Attendee(name=f"Person {n}", role="Engineer")],
            )
        )
    refs = list(catalogue.questions)
    for session in project.sessions:
        for ref in refs:
            current = rng.randint(1, 4)
            project.answers.append(
                Answer(
                    question=ref,
                    session=session.id,
                    notes=f"Notes for {ref} in {session.id}: " + "x" * rng.randint(10, 80),
                    current=current,
                    target=min(5, current + rng.randint(0, 2)),
                )
            )
    indicators = [r for r, q in catalogue.questions.items() if q.kind == "pain-indicator"]
    for n in range(200):
        project.heard.append(
            Heard(
                id=f"H-{n + 1:03d}",
                indicator=rng.choice(indicators),
                session=f"s-{n % SESSIONS + 1}",
                quote="We keep rebuilding the same thing",
                speaker_role="Engineer",
            )
        )
    areas = list(catalogue.areas)
    practices = list(catalogue.practices)
    for n in range(GAPS):
        project.gaps.append(
            Gap(
                id=f"G-{n + 1:03d}",
                title=f"Generated gap {n + 1}",
                area=rng.choice(areas),
                evidence=[
                    f"heard:H-{rng.randint(1, 200):03d}",
                    f"{rng.choice(refs)}@s-{rng.randint(1, SESSIONS)}",
                ],
                impact=rng.randint(1, 5),
                complexity=rng.randint(1, 5),
            )
        )
        project.mappings.append(Mapping(gap=f"G-{n + 1:03d}", practice=rng.choice(practices)))
    for n in range(PILOTS):
        deps = sorted({f"P-{rng.randint(1, n)}" for _ in range(rng.randint(0, 2))}) if n else []
        project.pilots.append(
            PlanItem(
                id=f"P-{n + 1}",
                title=f"Pilot {n + 1}",
                gaps=[f"G-{n + 1:03d}"],
                weeks=rng.randint(1, 8),
                depends_on=deps,
            )
        )
    return project


def write_large_project(path: Path) -> Path:
    """Write the generated project to `path` (replacing it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    ProjectFile.create(path, large_project(), header="# Generated for benchmarks.\nschema_version = 1\n")
    return path


if __name__ == "__main__":
    target = write_large_project(
        Path("bench/out/large.toml") if Path("bench").is_dir() else Path("large.toml")
    )
    print(f"wrote {target}")
