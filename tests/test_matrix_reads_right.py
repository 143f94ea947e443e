"""The impact × complexity matrix read as a person reads it: a gap id (or a cell's `+N`) belongs to
the impact band whose bracket it sits in, labelled on the band's first line, and to the
complexity column whose bracket is under it (#12 walkthrough: at 120x36 G-m1-01, impact 4, was
drawn 3 lines under `I5` and 2 over `I4`; at 80x24 every `+N` sat on an unlabelled line between
two labels)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ready, until
from workbench.ui.widgets.matrix import LABEL_WIDTH, Matrix

EXTRA = [("G-m1-01", 4, 1), ("G-m1-02", 4, 1), ("G-m1-03", 3, 5), ("G-m1-04", 1, 3)]
"""Gaps raised in a session (longer ids), so the cells at 80 columns count some of them."""


def band_of(lines: list[str], y: int) -> int:
    """The impact a grid line belongs to, read off the axis: the label of the bracket it is in."""
    marks = [line[LABEL_WIDTH - 1] for line in lines]
    top = y
    while not lines[top][: LABEL_WIDTH - 1].strip():
        assert marks[top] != "└" or top == y, f"line {y} is below the end of a band's bracket"
        top -= 1
        assert top >= 0, f"line {y} is under no label"
    label = lines[top][: LABEL_WIDTH - 1].strip()
    height = next((k - top for k in range(top + 1, len(lines)) if lines[k][: LABEL_WIDTH - 1].strip()), None)
    if height != 1 and top + 1 < len(lines):  # a band of more than one line is bracketed
        assert marks[top] == "┌", f"{label}'s band does not open with a bracket: {marks[top]!r}"
        end = next((k for k in range(y, len(lines)) if marks[k] == "└"), None)
        assert end is not None, f"line {y}: its band's bracket never closes"
        assert not any(lines[k][: LABEL_WIDTH - 1].strip() for k in range(y + 1, end + 1)), (
            f"line {y}: another label comes before its band's bracket closes"
        )
    assert re.fullmatch(r"I[1-5]", label), label
    return int(label[1])


def column_of(brackets: str, labels: str, x0: int, x1: int) -> int:
    """The complexity of the column whose bracket spans x0..x1 (an id's characters)."""
    start = brackets.rfind("└", 0, x0 + 1)
    end = brackets.find("┘", x0)
    assert start >= 0 and end >= x1 - 1, f"no column bracket spans {x0}..{x1}: {brackets!r}"
    assert "┘" not in brackets[start:x0] and "└" not in brackets[x0:end], f"{x0}..{x1} crosses two columns"
    found = re.findall(r"C[1-5]", labels[start : end + 1])
    assert len(found) == 1, f"the column at {x0} is labelled {found}"
    column = labels.index(found[0])
    assert column <= x0, f"{found[0]} is right of the ids it labels (at {x0})"
    return int(found[0][1])


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_each_id_and_count_reads_as_its_own_cell(size: tuple[int, int], example: Path, make_app) -> None:
    text = example.read_text()
    for gap_id, impact, complexity in EXTRA:
        text += f'\n[[gaps]]\nid = "{gap_id}"\ntitle = "Gap {gap_id}"\narea = "model-training"\n'
        text += f"impact = {impact}\ncomplexity = {complexity}\n"
    example.write_text(text)
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        matrix = app.screen.query_one(Matrix)
        assert await until(pilot, lambda: "G-m1-01" in matrix.grid_text().plain or "+" in matrix.grid_text().plain)
        layout = matrix.layout_for(matrix.size.width, matrix.size.height)
        lines = matrix.grid_text().plain.split("\n")
        grid = lines[1 : 1 + 5 * layout.cell_height]
        brackets, labels = lines[1 + 5 * layout.cell_height], lines[2 + 5 * layout.cell_height]
        cells: dict[tuple[int, int], list[str]] = {}
        for gap in app.workspace.project.gaps:
            cells.setdefault((gap.impact, gap.complexity), []).append(gap.id)
        drawn: dict[tuple[int, int], list[str]] = {}
        counts: dict[tuple[int, int], int] = {}
        for y, line in enumerate(grid):
            for found in re.finditer(r"G-[\w-]+|\+(\d+)", line[LABEL_WIDTH:]):
                x0, x1 = found.start() + LABEL_WIDTH, found.end() + LABEL_WIDTH
                cell = (band_of(grid, y), column_of(brackets, labels, x0, x1))
                if found.group(1):
                    counts[cell] = int(found.group(1))
                else:
                    drawn.setdefault(cell, []).append(found.group(0))
        for cell, ids in drawn.items():
            assert set(ids) <= set(cells.get(cell, [])), f"{ids} read as impact {cell[0]}, complexity {cell[1]}"
        for cell, count in counts.items():
            assert len(drawn.get(cell, [])) + count == len(cells[cell]), f"+{count} read as {cell}"
        assert sum(map(len, drawn.values())) + sum(counts.values()) == len(app.workspace.project.gaps)
