"""The shape of the UI package: no import cycles, no widget importing a screen or the app."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "workbench" / "ui"


def module_name(path: Path) -> str:
    parts = path.relative_to(UI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(path: Path) -> set[str]:
    """Modules of workbench.ui a file imports when it runs (anywhere, functions included);
    imports only for type checking don't count."""
    tree = ast.parse(path.read_text())
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only.update(id(inner) for inner in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("workbench.ui"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("workbench.ui"))
    return found


GRAPH = {module_name(p): runtime_imports(p) for p in UI.rglob("*.py")}


def test_no_import_cycles_in_the_ui() -> None:
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        for target in sorted(GRAPH.get(module, ())):
            if target in path:
                cycles.append([*path[path.index(target) :], target])
            elif len(path) < 12:
                visit(target, [*path, target])

    for module in GRAPH:
        visit(module, [module])
    assert cycles == []


def test_no_widget_imports_a_screen_or_the_app() -> None:
    offenders = {
        module: sorted(t for t in targets if t.startswith(("workbench.ui.screens", "workbench.ui.app")))
        for module, targets in GRAPH.items()
        if module.startswith(("workbench.ui.widgets", "workbench.ui.modals"))
    }
    assert {m: t for m, t in offenders.items() if t} == {}
