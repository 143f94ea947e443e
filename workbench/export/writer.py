"""Write the proposal to a file: safe name, inside the chosen folder, atomic, no silent overwrite."""

from __future__ import annotations

import html
import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from workbench.export.cleaning import inside, safe_file_stem
from workbench.export.docx_writer import DocxFrame, render_docx
from workbench.export.frame import REPLACE_HOW, ExportRefused, FileExists, check_template
from workbench.export.markdown_writer import render_markdown
from workbench.export.proposal import ProposalOptions, build_proposal
from workbench.export.redaction import Redactor, people_in
from workbench.model.catalogue import Catalogue
from workbench.model.project import Project
from workbench.model.records import DEFAULT_LANGUAGE
from workbench.store.atomic import atomic_write


@dataclass
class ExportRequest:
    """Where and how to export."""

    folder: Path
    filename: str = ""
    """A file name inside `folder`; derived from the project's name when empty."""
    format: str = "docx"
    paper: str = ""
    """`a4` or `letter`, forced over the template's; empty for the template's page (else A4)."""
    force: bool = False
    options: ProposalOptions | None = None
    template: Path | None = None
    """The firm's Word template; the clean default when None."""


def template_path(project: Project, project_file: Path, given: str = "") -> Path | None:
    """The template to use: the one given, else the project's, relative to the project file."""
    name = given or project.proposal.template
    if not name:
        return None
    path = Path(name).expanduser()
    return path if path.is_absolute() else (project_file.resolve().parent / path)


def remembered_template(template: str, project_file: Path) -> str:
    """How the project file names a template: relative to the project's folder when the template is
    in it or at most two folders up (so the pair moves together in git), else absolute."""
    stored = Path(template).expanduser().resolve()
    relative = Path(os.path.relpath(stored, project_file.resolve().parent))
    return relative.as_posix() if relative.parts.count("..") <= 2 else str(stored)


def target_path(project: Project, request: ExportRequest) -> Path:
    """The file the export writes; refuses names that escape the folder."""
    suffix = ".md" if request.format == "md" else ".docx"
    redacted = request.options is not None and request.options.redact
    # A redacted proposal is shared beyond the client: its default name must not carry theirs.
    stem = "redacted" if redacted else safe_file_stem(project.project.name)
    name = request.filename or stem + "-proposal" + suffix
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
        raise FileExists(target, f"already exists; {REPLACE_HOW}")
    data = proposal_data(project, catalogue, request)
    request.folder.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)
    return target


def proposal_data(project: Project, catalogue: Catalogue, request: ExportRequest) -> bytes:
    """The proposal's bytes in the request's format (`-o -` writes them to standard output)."""
    if request.template is not None and request.format != "md":
        check_template(request.template)
    options = request.options or ProposalOptions()
    blocks = build_proposal(project, catalogue, options)
    if request.format == "md":
        return render_markdown(blocks).encode("utf-8")
    data = render_docx(blocks, docx_frame(project, request, options))
    if options.redact:
        _refuse_leaks(project, data, request.template)
    return data


def _refuse_leaks(project: Project, data: bytes, template: Path | None) -> None:
    """A redacted copy that still names the client or a person in any part (a template's text box,
    comment or custom property the cleaning does not reach) is refused, naming the part."""
    names = [project.project.client.strip(), *people_in(project)]
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names if n) + r")(?!\w)")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            text = html.unescape(re.sub(r"<[^>]+>", " ", package.read(name).decode("utf-8", "replace")))
            found = pattern.search(text)
            if found:
                where = f"the template {template.name}" if template is not None else "the document"
                raise ExportRefused(
                    template or Path(name),
                    f"{where} names {found.group()!r} in its part {name}, which redaction cannot clean; "
                    "remove it from the template or export without --redact",
                )


def docx_frame(project: Project, request: ExportRequest, options: ProposalOptions) -> DocxFrame:
    """Title, author, company and language for the document's properties (none named when redacted)."""
    redact = options.redact
    title = "MLOps discovery: findings and proposal"
    if not redact and project.project.client:
        title = f"MLOps discovery for {project.project.client}: findings and proposal"
    return DocxFrame(
        title=title,
        author="" if redact else project.project.facilitator,
        company=project.proposal.firm,
        paper=request.paper,
        template=request.template,
        language=project.proposal.language or DEFAULT_LANGUAGE,
        today=options.today,
        clean=Redactor(project, True) if redact else None,
    )
