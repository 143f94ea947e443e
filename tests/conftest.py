"""Shared fixtures. Textual's environment is cleared before Textual is imported."""

from __future__ import annotations

import os

SNAPSHOT_DIR = "TEXTUAL_SNAPSHOT_TEMPDIR"
"""pytest-textual-snapshot's own folder for results, handed to pytest-xdist's workers: kept."""

for _name in list(os.environ):
    if _name == "NO_COLOR" or (_name.startswith("TEXTUAL_") and _name != SNAPSHOT_DIR):
        del os.environ[_name]
os.environ["TEXTUAL_ANIMATIONS"] = "none"

import datetime as dt  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-machine")
"""Property tests judge what they find, never how long an example took: on a busy 2-core machine
an example's time says nothing (test_real_text failed its 'too slow' health check under load)."""

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "projects" / "example.toml"
SEEDS = ROOT.parent / "shared" / "seeds"
TODAY = dt.date(2026, 11, 24)


class FixedClock:
    """A monotonic clock the tests move by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def state_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private state directory (the journal's home), never the real one. Set without the
    `monkeypatch` fixture, so a test's `monkeypatch.undo()` does not point it home again."""
    folder = tmp_path_factory.mktemp("state")
    before = os.environ.get("WORKBENCH_STATE_DIR")
    os.environ["WORKBENCH_STATE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("WORKBENCH_STATE_DIR", None)
    else:
        os.environ["WORKBENCH_STATE_DIR"] = before


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of the example project."""
    target = tmp_path / "example.toml"
    shutil.copyfile(EXAMPLE, target)
    return target


@pytest.fixture
def clock() -> FixedClock:
    """A fixed clock."""
    return FixedClock()


@pytest.fixture
def make_app(clock: FixedClock):  # type: ignore[no-untyped-def]
    """Build the app the way the CLI does, with a fixed date and clock."""
    from tests.helpers import panes_up_at_the_end
    from workbench.ui.app import make_app as factory

    def build(path: Path | None = None, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("today", TODAY)
        kwargs.setdefault("now", clock)
        kwargs.setdefault("autosave_delay", 30.0)
        app = factory(path, **kwargs)
        app.run_test = panes_up_at_the_end(app.run_test)  # type: ignore[method-assign]
        return app

    return build
