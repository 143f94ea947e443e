"""#13 fresh eyes 6: the broken-bank banner agrees in number with how many files it names."""

from __future__ import annotations

from workbench.problems import FileProblem
from workbench.ui.screens.main_screen import bank_banner


def test_one_broken_bank_file_is_its_not_their() -> None:
    text = bank_banner([FileProblem("banks/mine.toml", "is not valid TOML", line=3, column=1)]).plain
    assert text.startswith("A bank file could not be loaded; its questions are not shown until it is fixed:")
    assert "their" not in text


def test_two_broken_bank_files_are_their() -> None:
    problems = [FileProblem(f"banks/{name}.toml", "is not valid TOML", line=3) for name in ("a", "b")]
    assert bank_banner(problems).plain.startswith("2 bank files could not be loaded; their questions")
