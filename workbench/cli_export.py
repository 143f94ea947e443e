"""`workbench export PATH [-o FILE] [--format md] [--redact] [--ids] [--appendix] [--template DOCX]
[--sections …] [--letter] [--pdf] [--force]`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any


def add_export_parser(sub: Any) -> None:
    """Register the `export` command."""
    from workbench.export.proposal import SECTIONS

    export = sub.add_parser("export", help="write the next-step proposal (.docx, or Markdown)")
    export.add_argument("path", metavar="PATH")
    export.add_argument(
        "-o",
        "--output",
        help="file or folder to write (default: beside the project); - writes to standard output",
    )
    export.add_argument(
        "--format", choices=("docx", "md"), help="docx or md (default: from -o's extension, else docx)"
    )
    export.add_argument(
        "--redact", action="store_true", help="replace client and people's names, drop quotes"
    )
    export.add_argument("--ids", action="store_true", help="show record ids (G-001, P-1) beside titles")
    export.add_argument(
        "--since",
        metavar="MILESTONE",
        help="the milestone Progress compares with (default: the latest before today)",
    )
    export.add_argument("--appendix", action="store_true", help="add the appendix of answers captured")
    export.add_argument(
        "--code-patterns",
        action="store_true",
        help="add the appendix of code patterns for the engineers (section code-patterns)",
    )
    export.add_argument(
        "--template", metavar="DOCX", help="the firm's Word template (remembered in the project file)"
    )
    export.add_argument("--sections", help=f"comma-separated sections to include: {','.join(SECTIONS)}")
    export.add_argument("--skip", help="comma-separated sections to leave out")
    export.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="paper size, also over the template's (default: the template's, else A4)",
    )
    export.add_argument("--letter", action="store_true", help="the same as --paper letter")
    export.add_argument(
        "--pdf",
        action="store_true",
        help="also write a PDF beside the .docx, contents page numbered (needs LibreOffice)",
    )
    export.add_argument("--force", action="store_true", help="replace an existing file")


def _sections(args: argparse.Namespace) -> tuple[str, ...]:
    from workbench.export.proposal import DEFAULT_SECTIONS, SECTIONS

    chosen = [s.strip() for s in args.sections.split(",")] if args.sections else list(DEFAULT_SECTIONS)
    if args.appendix:
        chosen.append("appendix")
    if args.code_patterns:
        chosen.append("code-patterns")
    skipped = {s.strip() for s in args.skip.split(",")} if args.skip else set()
    unknown = [s for s in [*chosen, *skipped] if s and s not in SECTIONS]
    if unknown:
        noun = "unknown section" if len(unknown) == 1 else "unknown sections"
        raise ValueError(f"{noun} {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    return tuple(s for s in SECTIONS if s in chosen and s not in skipped)


FORMAT_OF_SUFFIX = {".docx": "docx", ".md": "md", ".markdown": "md"}


def _format(given: str | None, filename: str) -> str:
    """The format asked for, else the one -o's extension names; a contradiction is refused."""
    implied = FORMAT_OF_SUFFIX.get(Path(filename).suffix.lower()) if filename else None
    if given and implied and given != implied:
        raise ValueError(
            f"--format {given} contradicts the file name {filename}; "
            f"name the file .{given} or leave out --format"
        )
    return given or implied or "docx"


def run_export(args: argparse.Namespace) -> int:
    """Export; 0 on success, 1 when refused or the project cannot be read, 2 on bad options."""
    from workbench.cli_common import STANDARD_OUTPUT, checked_project, fail
    from workbench.export.proposal import ProposalOptions
    from workbench.export.writer import ExportRequest, export_proposal, template_path
    from workbench.problems import FileProblem

    try:
        sections = _sections(args)
    except ValueError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return 2
    checked = checked_project(args.path)
    if checked is None:
        return 1
    project, catalogue = checked
    try:
        _refuse_plan_cycles(args.path, project)
    except FileProblem as problem:
        print(f"workbench: {problem}", file=sys.stderr)
        return 1
    folder, filename = Path(args.path).resolve().parent, ""
    to_stdout = args.output == STANDARD_OUTPUT
    if args.output and not to_stdout:
        output = Path(args.output)
        if output.is_dir() or args.output.endswith(("/", "\\")):
            folder = output
        else:
            folder, filename = output.parent if str(output.parent) else Path("."), output.name
    try:
        args.format = _format(args.format, filename)
    except ValueError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return 2
    if args.pdf and args.format != "docx":
        print(
            "workbench: --pdf converts the Word document; leave out --format md or the .md name",
            file=sys.stderr,
        )
        return 2
    if args.pdf and to_stdout:
        return fail("--pdf writes a PDF beside the .docx; give -o FILE.docx instead of -o -", 2)
    options = ProposalOptions(
        sections=sections, redact=args.redact, today=dt.date.today(), ids=args.ids, since=args.since or ""
    )
    if options.since:
        from workbench.analysis.milestones import MilestoneProblem, find_milestone

        try:
            find_milestone(project, catalogue, options.since, options.today)
        except MilestoneProblem as problem:
            print(f"workbench: {args.path}: {problem}", file=sys.stderr)
            return 2
    given = str(Path(args.template).expanduser().resolve()) if args.template else ""
    template = template_path(project, Path(args.path), given)
    request = ExportRequest(
        folder,
        filename,
        args.format,
        "letter" if args.letter else args.paper or "",
        args.force,
        options,
        template,
    )
    if to_stdout:
        return _export_to_stdout(args, project, catalogue, request)
    if not request.force and _confirm_replace(project, request):
        request.force = True
    if args.pdf and not request.force and _pdf_exists(project, request):
        return 1
    try:
        written = export_proposal(project, catalogue, request)
    except FileProblem as problem:
        print(f"workbench: {problem}", file=sys.stderr)
        return 1
    print(f"wrote {written}")
    if args.template and args.template != project.proposal.template:
        _remember_template(Path(args.path), args.template)
    _print_notes(project, catalogue, options, sys.stdout)
    if args.pdf:
        return _write_pdf(written)
    opener = "open it in Word or LibreOffice" if args.format == "docx" else "open it in any Markdown viewer"
    print(f"next: {opener}; edit the project and run the same command with --force to refresh it.")
    return 0


def _export_to_stdout(args: argparse.Namespace, project: Any, catalogue: Any, request: Any) -> int:
    """`-o -`: the proposal's bytes on standard output (a .docx only into a pipe or a file), and
    the notes on standard error, so they stay out of it."""
    from workbench.cli_common import write_standard_output
    from workbench.export.writer import proposal_data
    from workbench.problems import FileProblem

    try:
        data = proposal_data(project, catalogue, request)
    except FileProblem as problem:
        print(f"workbench: {problem}", file=sys.stderr)
        return 1
    code = write_standard_output(data, "" if request.format == "md" else ".docx")
    if code:
        return code
    if args.template and args.template != project.proposal.template:
        _remember_template(Path(args.path), args.template)
    _print_notes(project, catalogue, request.options, sys.stderr)
    return 0


def _print_notes(project: Any, catalogue: Any, options: Any, stream: Any) -> None:
    """What the proposal leaves out, and figures in its edited text the project no longer agrees with."""
    from workbench.export.context import ProposalContext
    from workbench.export.figures import stale_figures
    from workbench.export.left_out import left_out, notes_left_out

    for note in left_out(project, options):
        print(f"note: {note}", file=stream)
        if "of answer notes stay out" in note:
            for sentence in notes_left_out(project, catalogue):
                print(f"  {sentence}", file=stream)
    for stale in stale_figures(ProposalContext(project, catalogue, options)):
        print(
            f"warning: {stale} Edit it in the proposal text (F8), or empty it to go back to the draft.",
            file=stream,
        )


def _pdf_exists(project: Any, request: Any) -> bool:
    """Whether the PDF beside the .docx is there already (said on stderr): --force replaces it."""
    from workbench.export.writer import target_path
    from workbench.problems import FileProblem

    try:
        pdf = target_path(project, request).with_suffix(".pdf")
    except FileProblem:
        return False
    if pdf.exists():
        print(f"workbench: {pdf} already exists; add --force to replace it", file=sys.stderr)
    return pdf.exists()


def _write_pdf(docx: Path) -> int:
    """The PDF beside the .docx, through LibreOffice with the contents updated; 1, in one sentence,
    when LibreOffice (or its Python bridge) is not on this machine or fails."""
    from workbench.export.pdf import PdfProblem, convert_to_pdf

    try:
        pdf = convert_to_pdf(docx, docx.with_suffix(".pdf"))
    except PdfProblem as problem:
        print(f"workbench: {problem}; the .docx is written.", file=sys.stderr)
        return 1
    print(f"wrote {pdf}")
    print("next: send the PDF; edit the project and run the same command with --force to refresh both.")
    return 0


def _refuse_plan_cycles(path: str, project: Any) -> None:
    """A plan whose dependencies loop cannot be scheduled: the proposal would leave it out."""
    from workbench.problems import FileProblem
    from workbench.store.check import plan_cycle_problems

    problems = plan_cycle_problems(path, project)
    if problems:
        raise FileProblem(path, problems[0].message + "; then export again", field=problems[0].field)


def _confirm_replace(project: Any, request: Any) -> bool:
    """In a terminal, ask before replacing an existing file; elsewhere leave it to --force."""
    from workbench.export.writer import target_path
    from workbench.problems import FileProblem

    try:
        target = target_path(project, request)
    except FileProblem:
        return False
    if not target.exists() or not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{target} already exists. Replace it? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _remember_template(path: Path, template: str) -> None:
    """Keep the template in the project's [proposal] table, so the next export uses it."""
    from workbench.export.writer import remembered_template
    from workbench.problems import FileProblem
    from workbench.store.atomic import ReadOnlyFile
    from workbench.store.files import ProjectFile

    template = remembered_template(template, path)
    try:
        project_file = ProjectFile.load(path)
        project_file.project.proposal.template = template
        project_file.save()
    except ReadOnlyFile:
        print(
            f"note: {path} is read-only, so the template is not remembered in it; "
            "give --template again next time, or make the file writable (chmod u+w)"
        )
        return
    except FileProblem as problem:  # the export is written: only the remembering failed
        print(f"note: the template is not remembered in the project: {problem}")
        return
    print(f"remembered the template in {path}")
