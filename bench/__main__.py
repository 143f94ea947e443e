"""Run the benchmarks and print their figures: `python -m bench [NAME ...]` (all when no name)."""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from bench import (
    bench_dialogs,
    bench_edits,
    bench_export,
    bench_keys,
    bench_merge,
    bench_panes,
    bench_search,
    bench_store,
    bench_timeline,
    bench_typing,
    bench_ui,
    bench_workbook,
)
from bench.common import NeverMet, private_state

MODULES: tuple[ModuleType, ...] = (
    bench_store,
    bench_edits,
    bench_ui,
    bench_panes,
    bench_dialogs,
    bench_export,
    bench_workbook,
    bench_timeline,
    bench_merge,
    bench_typing,
    bench_keys,
    bench_search,
)


def short_name(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[-1].removeprefix("bench_")


def main(argv: list[str] | None = None) -> int:
    names = [short_name(m) for m in MODULES]
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run the benchmarks and print each figure against its budget "
        "(exit 1 when one is over). Takes several minutes; run it on a quiet machine.",
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"only these: {', '.join(names)}")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in names]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(names)}")
    results = []
    for module in MODULES:
        if args.names and short_name(module) not in args.names:
            continue
        print(f"\n== {module.__name__}")
        with private_state():  # never the person's journal, never one run's work in the next
            try:
                results.append(module.main())
            except NeverMet as never:
                print(f"{short_name(module)}: no figures, waited for {never}")
                results.append(False)
    print("\nall within budget" if all(results) else "\nsome figures are over budget (see OVER above)")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
