"""Run every benchmark and print its figures: `python -m bench`."""

from __future__ import annotations

import sys

from bench import (
    bench_edits,
    bench_export,
    bench_merge,
    bench_panes,
    bench_store,
    bench_timeline,
    bench_typing,
    bench_ui,
    bench_workbook,
)


def main() -> int:
    results = []
    modules = (bench_store, bench_edits, bench_ui, bench_panes, bench_export, bench_workbook, bench_timeline)
    modules += (bench_merge, bench_typing)
    for module in modules:
        print(f"\n== {module.__name__}")
        results.append(module.main())
    print("\nall within budget" if all(results) else "\nsome figures are over budget (see OVER above)")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
