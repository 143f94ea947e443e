"""Creating a new project file with a commented header that explains the format."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from workbench.export.cleaning import ascii_name
from workbench.model.project import SCHEMA_VERSION, Project, ProjectInfo
from workbench.store.files import ProjectFile

HEADER = """\
# MLOps discovery project file. Edit it by hand or in the workbench; both are safe.
#
# Comments and formatting you write here survive every save. Records are tables,
# one per item, keyed by a stable id, so two people's edits merge cleanly in git:
#   [[sessions]]    id, template (executive, data-science, ml-engineering,
#                   platform-architecture), date, attendees = [{ name, role }], notes
#   [[answers]]     question = "bank:id", session, status (answered, skipped,
#                   not-applicable + reason, follow-up + follow_up_with and
#                   follow_up_due), notes, confidence (stated, observed,
#                   evidenced), current, target (1-5)
#   [[heard]]       id, indicator = "bank:id", session, quote, speaker_role
#   [[metrics]]     id, template = "bank:id" or text, baseline, target, unit,
#                   measured_by, owner, due
#   [[gaps]]        id, title, area, description, evidence, impact, complexity (1-5),
#                   status (open, accepted, in-progress, closed, wont-fix), owner
#   [[mappings]]    gap, practice, status (accepted, rejected), rationale
#   [[dismissed]]   suggestion (a suggested gap's key), reason
#   [[pilots]]      id, kind (pilot, deep-dive, milestone), title, objective, gaps,
#                   practices, metrics, criteria, owner, weeks, depends_on, start,
#                   done (true once the pilot is finished)
#   [[next_steps]]  id, text, step, done, owner, due
#   [[milestones]]  name, date and a snapshot of where the engagement stood
#                   (`workbench milestone save FILE NAME` writes one; leave them be)
# `workbench check FILE` validates it; `workbench banks --questions` lists the question ids.
schema_version = {version}

"""


def slug(name: str) -> str:
    """A file-name-safe form of a project name."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_name(name).lower()).strip("-")
    return cleaned[:60] or "project"


def create_project(
    folder: str | Path,
    name: str,
    client: str = "",
    facilitator: str = "",
    today: dt.date | None = None,
) -> ProjectFile:
    """Write `folder/<slug>.toml` for a new engagement and return it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    project = Project(
        project=ProjectInfo(
            name=name,
            client=client,
            facilitator=facilitator,
            banks=["discovery", "requirements"],
            created=today or dt.date.today(),
        )
    )
    header = HEADER.replace("{version}", str(SCHEMA_VERSION))
    path = folder / f"{slug(name)}.toml"
    file = ProjectFile.create(path, project, header=header)
    return file
