"""#17 fresh-eyes 8 and 10: `milestone diff` of a point with itself says so in one line (a usage
error, exit 2) instead of a table of meaningless columns; accepted practices are named by their
title, as the proposal names them, with the id in brackets only with --ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli


@pytest.mark.parametrize(
    ("names", "says"),
    [
        (["now"], "both sides are the current state"),
        (["NOW", "now"], "both sides are the current state"),
        (["baseline", "baseline"], "both sides are milestone 'baseline'"),
        (["baseline", "BaseLine"], "both sides are milestone 'baseline'"),
    ],
)
def test_a_point_compared_with_itself_is_one_line(
    example: Path, names: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["milestone", "save", str(example), "baseline", "--date", "2026-11-20"], capsys)[0] == 0
    code, out, err = run_cli(["milestone", "diff", str(example), *names], capsys)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and says in err and "nothing to compare" in err


def test_accepted_practices_are_named_by_title(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["milestone", "save", str(example), "baseline", "--date", "2026-11-20"], capsys)[0] == 0
    head, milestone = example.read_text().split("[[milestones]]", 1)
    assert '"G-001 ds.cicd-for-ml",' in milestone
    example.write_text(head + "[[milestones]]" + milestone.replace('"G-001 ds.cicd-for-ml",', "", 1))
    code, out, _ = run_cli(["milestone", "diff", str(example), "baseline"], capsys)
    assert code == 0
    accepted = out[out.index("### Practices accepted") :]
    assert "→ Run CI/CD for ML code and models\n" in accepted
    assert "ds.cicd-for-ml" not in out
    code, out, _ = run_cli(["milestone", "diff", str(example), "baseline", "--ids"], capsys)
    assert "→ Run CI/CD for ML code and models (ds.cicd-for-ml)\n" in out
