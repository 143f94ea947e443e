"""Fields use the width they are given, and a hint fits its field (#12 walkthrough: at 160x48
Capture's 'measured by' showed ~21 characters of its words, the rest of the line empty; at
120x36 the heard dialog's said-by hint was cut: 'role: Head of ML Platform, Senior ML Engineer,
Data')."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.helpers import at_question, hand_edit, until
from tests.test_dialogs import keys

METRIC = "discovery:model-deployment.metric.2"
PAIN = "discovery:model-deployment.pain.1"
ROLES = ["Head of ML Platform", "Senior ML Engineer", "Data Scientist", "Platform engineer"]


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_measured_by_reaches_the_panels_edge(size: tuple[int, int], example: Path, make_app) -> None:
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        capture = await at_question(pilot, METRIC)
        measured = capture.query_one("#q-measured_by", Input)
        assert await until(pilot, lambda: measured.region.width > 0)
        await pilot.pause()
        fields = capture.query_one("#q-metric-fields")
        assert measured.region.right >= fields.content_region.right - 1, (measured.region, fields.content_region)
        assert measured.region.width >= fields.content_region.width * 2 // 3, (measured.region, fields.content_region)


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)])
async def test_the_said_by_hint_fits_and_names_roles_whole(size: tuple[int, int], example: Path, make_app) -> None:
    attendees = ", ".join(f'{{ name = "Person {n}", role = "{role}" }}' for n, role in enumerate(ROLES))
    hand_edit(
        example,
        '    { name = "Jonas Varga", role = "ML engineer" },\n    { name = "Mei Chen", role = "Platform engineer" },',
        f"    {attendees},",
    )
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        await at_question(pilot, PAIN)
        await keys(pilot, "ctrl+r")
        assert await until(pilot, lambda: bool(app.screen.query("#heard-role")))
        role = app.screen.query_one("#heard-role", Input)

        def fits() -> bool:
            return 0 < len(role.placeholder) < role.content_size.width

        assert await until(pilot, fits), (role.placeholder, role.content_size)
        hint = role.placeholder
        assert hint.startswith("role: Head of ML Platform"), hint
        named = hint.removeprefix("role: ").split(", ")
        if named[-1].endswith(" more"):
            count = int(named.pop().split()[0])
            assert len(named) + count == len(ROLES), hint
        assert named == ROLES[: len(named)], hint
