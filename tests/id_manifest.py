"""Every id the shipped banks hold, one a line: answers and mappings point at them, so none may change.

`python -m tests.id_manifest` appends ids that are new since the manifest was written; it never
removes one.
"""

from __future__ import annotations

from pathlib import Path

from workbench.banks import bundled_banks_dir, load_banks
from workbench.model.bank import Bank

MANIFEST = Path(__file__).with_name("bank_ids.txt")


def bank_ids(bank: Bank) -> list[str]:
    """`bank kind id` for every record of a bank that something may point at."""
    kinds: list[tuple[str, list[str]]] = [
        ("bank", [bank.id]),
        ("area", [a.id for a in bank.areas]),
        ("group", [f"{g.area}.{g.id}" for g in bank.groups]),
        ("part", [p.id for p in bank.parts]),
        ("question", [q.id for q in bank.questions]),
        ("template", [t.id for t in bank.templates]),
        ("followup", [f.id for f in bank.followup] + [i.id for f in bank.followup for i in f.items]),
        ("guide-map", [g.id for g in bank.guide_map]),
        ("guide", [g.id for g in bank.guides]),
        ("practice", [p.id for p in bank.practices]),
    ]
    return [f"{bank.id} {kind} {record}" for kind, ids in kinds for record in ids]


def shipped_ids() -> list[str]:
    """The ids of every shipped bank, in bank and file order."""
    return [line for bank in load_banks([bundled_banks_dir()]).banks for line in bank_ids(bank)]


def pinned_ids() -> list[str]:
    """The manifest's ids."""
    return [line for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def main() -> None:
    pinned = set(pinned_ids()) if MANIFEST.exists() else set()
    new = [line for line in shipped_ids() if line not in pinned]
    with MANIFEST.open("a", encoding="utf-8") as manifest:
        if not pinned:
            manifest.write("# Shipped bank ids: never remove or change a line (tests/id_manifest.py).\n")
        manifest.writelines(line + "\n" for line in new)
    print(f"{len(new)} new id(s) pinned in {MANIFEST}")


if __name__ == "__main__":
    main()
