"""Tab into and out of Capture's question tree under load (z5, #12): the footer changed in the
same frame as the focus, but that frame came 0.2-0.45 s late on a busy 2-core machine, the
previous place's keys in sight meanwhile. The navigator widened by a class on the Capture pane,
so every Tab into or out of the tree restyled each of the pane's widgets; now its width is set
on the navigator alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import tree_at, until
from workbench.ui.widgets.key_footer import KeyFooter

FIRST = "discovery:model-deployment.current.deployment-infrastructure-2"


def _restyled_widgets(app, monkeypatch: pytest.MonkeyPatch) -> list[int]:  # type: ignore[no-untyped-def]
    """From now on, how many widgets each styling the app does reaches."""
    counts: list[int] = []
    styled = app.update_styles

    def counting(node, animate: bool = True) -> None:  # type: ignore[no-untyped-def]
        counts.append(1 + sum(1 for _ in node.walk_children()))
        styled(node, animate)

    monkeypatch.setattr(app, "update_styles", counting)
    return counts


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_tab_out_of_the_tree_restyles_only_what_it_touches(
    example: Path, make_app, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = make_app(example)
    async with app.run_test(size=size) as pilot:
        capture = await tree_at(pilot, FIRST)
        tree = capture.navigator.question_tree
        wide = capture.navigator.size.width
        footer = app.screen.query_one(KeyFooter)
        counts = _restyled_widgets(app, monkeypatch)
        await pilot.press("tab")
        assert await until(pilot, lambda: app.focused is not tree and capture.navigator.size.width < wide)
        assert "tree" not in str(footer.render())
        out = sum(counts)
        counts.clear()
        await pilot.press("shift+tab")
        assert await until(pilot, lambda: app.focused is tree and capture.navigator.size.width == wide)
        assert "tree" in str(footer.render())
        back = sum(counts)
    assert out < 20 and back < 20, (out, back)
