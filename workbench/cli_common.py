"""Small helpers the subcommand modules share: one-sentence errors and argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import sys


def fail(message: str, code: int) -> int:
    """Print one sentence to stderr and return the exit code."""
    print(f"workbench: {message}", file=sys.stderr)
    return code


def iso_date(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None
