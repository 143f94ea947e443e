"""#17 fresh-eyes 13: two engagements of one client are told apart by the dates there are (the
month each started, else the day, else the day its project was created) and listed oldest
first, whatever their files are called; a number only when no date tells them apart."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLE
from tests.test_portfolio import IN_P1
from workbench.analysis.portfolio import read_portfolio
from workbench.export.markdown_writer import render_markdown
from workbench.export.portfolio_report import portfolio_blocks

CLIENT = "Harbour & Pine Retail"


def heat_columns(folder: Path) -> list[str]:
    markdown = render_markdown(portfolio_blocks(read_portfolio(folder, IN_P1), IN_P1))
    heat = next(line for line in markdown.splitlines() if line.startswith("| Area |"))
    return [cell.strip() for cell in heat.strip("|").split("|")][1:]


def test_created_dates_tell_them_apart_oldest_first(tmp_path: Path) -> None:
    text = EXAMPLE.read_text()
    assert "created = 2026-11-09" in text
    (tmp_path / "a-later.toml").write_text(text.replace("created = 2026-11-09", "created = 2026-11-12"))
    (tmp_path / "b-earlier.toml").write_text(text)
    assert heat_columns(tmp_path) == [f"{CLIENT} (created 09 Nov 2026)", f"{CLIENT} (created 12 Nov 2026)"]


def test_session_days_tell_them_apart_within_a_month(tmp_path: Path) -> None:
    text = EXAMPLE.read_text()
    (tmp_path / "a.toml").write_text(text.replace("date = 2026-11-1", "date = 2026-11-2"))
    (tmp_path / "b.toml").write_text(text)
    assert heat_columns(tmp_path) == [f"{CLIENT} (16 Nov 2026)", f"{CLIENT} (26 Nov 2026)"]


def test_a_number_oldest_first_when_no_date_tells_them_apart(tmp_path: Path) -> None:
    text = EXAMPLE.read_text()
    (tmp_path / "a.toml").write_text(text)
    (tmp_path / "b.toml").write_text(text)
    assert heat_columns(tmp_path) == [f"{CLIENT} (1)", f"{CLIENT} (2)"]
