"""`workbench banks [--check] [--questions [BANK[:AREA]]] [--ids KIND] [--project PATH]`: list, look up and
lint banks."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workbench.printable import one_line, plural, quoted


def add_banks_parser(sub: Any) -> None:
    """Register the `banks` command."""
    banks = sub.add_parser(
        "banks", help="list the question banks, their question ids (--questions), or lint them (--check)"
    )
    banks.add_argument("--check", action="store_true", help="lint every bank; exit 1 on findings")
    banks.add_argument(
        "--questions",
        nargs="?",
        const="",
        metavar="BANK[:AREA]",
        help="list question ids with their kind, part, text and gap (all banks, one bank, or one area)",
    )
    banks.add_argument(
        "--ids",
        choices=sorted(ID_KINDS),
        help="list the ids of the areas, session templates, follow-up items or guide practices, with titles",
    )
    banks.add_argument("--project", help="also load this project's own banks folder")


ID_KINDS = {
    "areas": lambda catalogue: [(a.id, a.title) for a in catalogue.areas.values()],
    "templates": lambda catalogue: [(t.id, t.title) for t in catalogue.templates.values()],
    "follow-ups": lambda catalogue: [(i.id, i.text) for s in catalogue.followup for i in s.items],
    "practices": lambda catalogue: [(p.id, p.title) for p in catalogue.practices.values()],
}
"""What `workbench banks --ids KIND` lists: the ids a project names, each with its title."""


def run_banks(args: argparse.Namespace) -> int:
    """List, look up or lint the banks; 1 on findings or an unknown bank/area, 0 otherwise."""
    from workbench.banks import bank_dirs, check_banks, load_banks

    loaded = load_banks(bank_dirs(args.project))
    if args.check:
        problems = check_banks(loaded)
        for problem in problems:
            _error(str(problem))
        if problems:
            return 1
        print(f"ok: {plural(len(loaded.banks), 'bank')}, no findings")
        return 0
    for problem in loaded.problems:
        _error(str(problem))
    if args.ids:
        for id_, title in ID_KINDS[args.ids](loaded.catalogue):
            print(f"{one_line(id_)}\t{one_line(title)}")
        return 1 if loaded.problems else 0
    if args.questions is not None:
        return _questions(loaded.catalogue, args.questions) or (1 if loaded.problems else 0)
    _summary(loaded)
    return 1 if loaded.problems else 0


def _error(message: str) -> None:
    print(f"workbench: {one_line(message)}", file=sys.stderr)


def _summary(loaded: Any) -> None:
    from workbench.banks import summary_rows

    catalogue = loaded.catalogue
    for bank in loaded.banks:
        if bank.questions:
            print(f"{one_line(bank.id)}: {one_line(bank.title)} ({plural(len(bank.questions), 'item')}) "
                  f"[{one_line(bank.path)}]")
            for bank_id, area, counts in summary_rows(catalogue):
                if bank_id == bank.id:
                    detail = ", ".join(plural(n, kind) for kind, n in sorted(counts.items()))
                    print(f"  {one_line(area)}: {detail}")
        if bank.templates:
            print(
                f"  {plural(len(bank.templates), 'session template')}; "
                f"{plural(len(bank.followup), 'follow-up step')}"
            )
    for guide in catalogue.guides.values():
        count = sum(1 for p in catalogue.practices.values() if p.guide == guide.id)
        print(f"guide: {one_line(guide.title)}: {plural(count, 'practice')}")
    print("Question ids: `workbench banks --questions [BANK[:AREA]]`.")


def _questions(catalogue: Any, selector: str) -> int:
    """Print `bank:id<TAB>kind<TAB>part<TAB>text<TAB>gap`, one question a line, for grep and cut: the
    gap is the title a gap raised from it is proposed (`question_gap`)."""
    from workbench.model.gap_phrase import question_gap

    bank_id, _, area_id = selector.partition(":")
    banks = [b for b in catalogue.banks if b.questions and (not bank_id or b.id == bank_id)]
    if bank_id and not banks:
        known = ", ".join(b.id for b in catalogue.banks if b.questions)
        _error(f"no question bank {quoted(bank_id)}; choose one of: {known}")
        return 2
    if area_id and not any(a.id == area_id for b in banks for a in b.areas):
        known = ", ".join(a.id for b in banks for a in b.areas)
        _error(f"bank {quoted(bank_id)} has no area {quoted(area_id)}; choose one of: {known}")
        return 2
    for bank in banks:
        for question in bank.questions:
            if area_id and question.area != area_id:
                continue
            print(
                "\t".join(
                    (
                        f"{bank.id}:{question.id}",
                        question.kind,
                        question.part,
                        one_line(question.text),
                        one_line(question_gap(question)),
                    )
                )
            )
    return 0
