"""The bundled example engagement: where it is, and writing a copy of it for a new user."""

from __future__ import annotations

from pathlib import Path

from workbench.problems import FileProblem
from workbench.store.atomic import atomic_write

PACKAGE_DIR = Path(__file__).resolve().parent
EXAMPLE_NAME = "example.toml"


def bundled_example() -> Path:
    """The example project: the checkout's `projects/example.toml`, or the copy inside an installed wheel."""
    checkout = PACKAGE_DIR.parent / "projects" / EXAMPLE_NAME
    if checkout.is_file():
        return checkout
    return PACKAGE_DIR / "_example" / EXAMPLE_NAME


def write_example(folder: str | Path) -> Path:
    """Copy the example into `folder` (created when missing); never replaces an existing file."""
    target = Path(folder) / EXAMPLE_NAME
    if target.exists():
        raise FileProblem(target, "already exists; open it, or pass another folder")
    source = bundled_example()
    try:
        data = source.read_bytes()
    except OSError:
        raise FileProblem(source, "the bundled example is missing; reinstall the workbench") from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = f"cannot be created ({error.strerror}); pass another folder"
        raise FileProblem(target.parent, reason) from None
    atomic_write(target, data)
    return target
