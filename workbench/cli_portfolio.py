"""`workbench portfolio DIR [-o report.docx|.md] [--redact] [--force]`: every engagement in a folder."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from workbench.cli_common import STANDARD_OUTPUT, fail


def add_portfolio_parser(sub: Any) -> None:
    """Register the `portfolio` command."""
    portfolio = sub.add_parser("portfolio", help="a report across every project in a folder")
    portfolio.add_argument("folder", metavar="DIR")
    portfolio.add_argument(
        "-o",
        "--output",
        help="write the report to a .docx or .md file, or portfolio.docx in a folder given as DIR/ "
        "(default, or -: Markdown on standard output)",
    )
    portfolio.add_argument(
        "--redact", action="store_true", help="clients as Client A, B…; no names or titles"
    )
    portfolio.add_argument("--force", action="store_true", help="replace an existing report file")
    portfolio.set_defaults(run=run_portfolio)


def run_portfolio(args: argparse.Namespace) -> int:
    """0 when every project was read; 1 when the folder is missing, some projects were skipped or the
    report refused; 2 for an output that is neither .docx nor .md."""
    from workbench.analysis.portfolio import read_portfolio
    from workbench.export.markdown_writer import render_markdown
    from workbench.export.portfolio_report import portfolio_blocks
    from workbench.store.atomic import SaveFailed, atomic_write

    folder = Path(args.folder)
    if folder.is_file():
        return fail(f"{folder}: is a file, not a folder; give the folder that holds the project files", 1)
    if not folder.is_dir():
        return fail(f"{folder}: no such folder; give the folder that holds the project files", 1)
    output = _output(args.output)
    if output is not None and not output.parent.is_dir():
        return fail(f"{output.parent}: no such folder; create it first or write the report elsewhere", 1)
    if output is not None and output.suffix.lower() not in (".docx", ".md"):
        return fail(f"{output}: the report is written as .docx or .md; end the file name with one of them", 2)
    if output is not None and output.exists() and not args.force:
        return fail(f"{output} already exists; add --force to replace it", 1)
    today = dt.date.today()
    portfolio = read_portfolio(folder, today)
    for problem in portfolio.skipped:
        print(f"workbench: skipped {problem}", file=sys.stderr)
    if not portfolio.engagements and not portfolio.skipped:
        return fail(f"{folder}: holds no project files (*.toml)", 1)
    blocks = portfolio_blocks(portfolio, today, args.redact)
    if output is None:
        text = render_markdown(blocks)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    else:
        try:
            atomic_write(output, _render(blocks, output, args.redact, today))
        except SaveFailed as problem:
            return fail(str(problem), 1)
        from workbench.printable import plural

        read = plural(len(portfolio.engagements), "engagement")
        print(f"wrote {output} ({read}, {len(portfolio.skipped)} skipped)")
    return 1 if portfolio.skipped else 0


def _output(given: str | None) -> Path | None:
    """Where the report goes: a file, or `portfolio.docx` in a folder given as `DIR/` or an existing
    folder (as `export -o DIR/` does)."""
    if not given or given == STANDARD_OUTPUT:
        return None
    output = Path(given)
    if output.is_dir() or given.endswith(("/", "\\")):
        return output / "portfolio.docx"
    return output


def _render(blocks: list[Any], output: Path, redact: bool, today: dt.date) -> bytes:
    """The report as the output's type asks; python-docx is imported only for a .docx."""
    from workbench.export.markdown_writer import render_markdown

    if output.suffix.lower() == ".md":
        return render_markdown(blocks).encode("utf-8")
    from workbench.export.docx_writer import DocxFrame, render_docx

    frame = DocxFrame(
        "MLOps discovery portfolio",
        "",
        today=today,
        subject="MLOps discovery portfolio: maturity, recurring gaps and pilots across engagements",
        keywords="MLOps, discovery, portfolio",
    )
    return render_docx(blocks, frame)
