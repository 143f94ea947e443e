"""Write the proposal to a file: safe name, inside the chosen folder, atomic, no silent overwrite."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.export.cleaning import inside, safe_file_stem
from workbench.export.docx_writer import render_docx
from workbench.export.markdown_writer import render_markdown
from workbench.export.proposal import ProposalOptions, build_proposal
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.problems import FileProblem
from workbench.store.atomic import atomic_write


class ExportRefused(FileProblem):
    """The export would overwrite a file or leave the chosen folder."""


@dataclass
class ExportRequest:
    """Where and how to export."""

    folder: Path
    filename: str = ""
    """A file name inside `folder`; derived from the project's name when empty."""
    format: str = "docx"
    paper: str = "a4"
    force: bool = False
    options: ProposalOptions | None = None


def target_path(project: Project, request: ExportRequest) -> Path:
    """The file the export writes; refuses names that escape the folder."""
    suffix = ".md" if request.format == "md" else ".docx"
    name = request.filename or safe_file_stem(project.project.name) + "-proposal" + suffix
    if "/" in name or "\\" in name or name in (".", ".."):
        raise ExportRefused(name, "a file name may not contain folders; use -o with a folder path instead")
    target = request.folder / name
    if not inside(request.folder, target):
        raise ExportRefused(target, "would be written outside the chosen folder")
    return target


def export_proposal(project: Project, catalogue: Catalogue, request: ExportRequest) -> Path:
    """Build and write the proposal; returns the path written."""
    target = target_path(project, request)
    if target.exists() and not request.force:
        raise ExportRefused(target, "already exists; pass --force to replace it, or -o to write another file")
    options = request.options or ProposalOptions()
    blocks = build_proposal(project, catalogue, options)
    if request.format == "md":
        data = render_markdown(blocks).encode("utf-8")
    else:
        title = (
            "MLOps discovery proposal" if options.redact else f"{project.project.name}: next-step proposal"
        )
        author = "" if options.redact else project.project.facilitator
        data = render_docx(blocks, title, author, request.paper, options.today)
    request.folder.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)
    return target
