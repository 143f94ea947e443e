"""Find, load and lint question banks (`banks/*.toml`, and a project's own `banks/` folder)."""

from __future__ import annotations

import ast
import contextlib
import json
import math
import os
import re
import shlex
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from workbench.analysis.currency import CURRENCY_SIGN, money_named
from workbench.model.bank import Bank, SessionTemplate
from workbench.model.catalogue import Catalogue, client_title, question_ref
from workbench.model.gap_phrase import gap_phrase_problems
from workbench.printable import plural, quoted
from workbench.problems import FileProblem, validation_problem
from workbench.store.tomltext import located, read_toml

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_banks_dir() -> Path:
    """The shipped banks: the checkout's `banks/`, or the copy inside an installed wheel."""
    checkout = PACKAGE_DIR.parent / "banks"
    if checkout.is_dir():
        return checkout
    return PACKAGE_DIR / "_banks"


def bank_dirs(project_path: str | Path | None = None) -> list[Path]:
    """Folders searched for banks: bundled, `$WORKBENCH_BANKS`, then the project's own."""
    dirs = [bundled_banks_dir()]
    extra = os.environ.get("WORKBENCH_BANKS", "")
    dirs.extend(Path(p) for p in extra.split(os.pathsep) if p)
    if project_path is not None:
        own = Path(project_path).resolve().parent / "banks"
        dirs.append(own)
    unique: dict[Path, None] = {}
    for folder in dirs:
        if folder.is_dir():
            unique.setdefault(folder.resolve(), None)
    return list(unique)


def load_bank(path: str | Path) -> Bank:
    """Read one bank file; a FileProblem names the file and the place when it is wrong."""
    data, raw = read_toml(path)
    header = data.pop("bank", None)
    if not isinstance(header, dict):
        raise FileProblem(path, "has no [bank] table with an id and a title; add one at the top")
    try:
        return Bank.model_validate({**header, **data, "path": str(path)})
    except ValidationError as error:
        problem = validation_problem(path, error, model=Bank)
        if problem.field in header or problem.field.split(".")[0] in header:
            problem.field = f"bank.{problem.field}"
        raise located(problem, raw.decode("utf-8")) from None


@dataclass
class LoadedBanks:
    """The banks that loaded, and one problem per file that did not."""

    banks: list[Bank]
    problems: list[FileProblem]

    @property
    def catalogue(self) -> Catalogue:
        """All loaded banks as one catalogue."""
        return Catalogue.from_banks(self.banks)


def load_banks(dirs: Iterable[Path]) -> LoadedBanks:
    """Load every `*.toml` in the folders, in name order, folder by folder."""
    banks: list[Bank] = []
    problems: list[FileProblem] = []
    for folder in dirs:
        for path in sorted(Path(folder).glob("*.toml")):
            try:
                banks.append(load_bank(path))
            except FileProblem as problem:
                problems.append(problem)
    return LoadedBanks(banks, problems)


def load_catalogue(project_path: str | Path | None = None) -> Catalogue:
    """The catalogue for a project (or the bundled banks), skipping banks that fail to load."""
    return load_banks(bank_dirs(project_path)).catalogue


# --- lint ---------------------------------------------------------------------------

BANK_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
"""The characters a bank's ids may use: projects refer to questions as `bank:id@session`."""
BANK_ID_RULE = (
    "ids use only ASCII letters, digits, '-', '_' and '.', starting with a letter or digit "
    "(projects write `bank:question@session`, so ':', '@', spaces and '/' would break them); rename it"
)


@dataclass(frozen=True)
class Finding:
    """One lint finding: which file, which record, what is wrong."""

    path: str
    record: str
    message: str
    written: str = ""
    """The record's id as the file holds it, when `record` shows it otherwise (quoted, its hidden
    characters by name): where to find the record."""

    def __str__(self) -> str:
        return f"{self.path}: {self.record}: {self.message}"

    def problem(self, text: str | None) -> FileProblem:
        """The finding as a problem at the line and column of its record's id in the bank file's
        `text` (the file as read), or at the file alone when the id can't be found there."""
        place = _record_place(text, self.record, self.written) if text is not None else None
        line, column = place or (None, None)
        return FileProblem(self.path, f"{self.record}: {self.message}", line=line, column=column)


def _record_place(text: str, record: str, written: str = "") -> tuple[int, int] | None:
    """Where a lint finding's record is written: the `id = …` line of the record it names
    (`question 'q@1'`, `template exec, section …`, `group data.q`); the first such line."""
    named = RECORD.match(record)
    if named is None:
        return None
    record_id = written or named.group(1)
    if not written and record_id[:1] in "'\"":
        with contextlib.suppress(ValueError, SyntaxError):
            record_id = str(ast.literal_eval(record_id))
    for candidate in dict.fromkeys((record_id, record_id.rsplit(".", 1)[-1])):
        either = "|".join(re.escape(q + candidate + q) for q in ('"', "'"))
        found = re.search(rf"(?m)^([ \t]*)id[ \t]*=[ \t]*(?:{either})[ \t]*(?:#.*)?$", text)
        if found:
            return text.count("\n", 0, found.start()) + 1, len(found.group(1)) + 1
    return None


RECORD = re.compile(
    r"^(?:bank|area|part|group|question|follow-up step|follow-up item|guide-map row|guide|practice"
    r"|template) ('.*?'(?=,|$)|\".*?\"(?=,|$)|[^,]+)"
)
"""A lint finding's record: its kind, then its id (quoted when it holds odd characters)."""


def _unknown(kind: str, name: str, which: str) -> str:
    """A reference to nothing, with what to do: `names area 'x', which this bank does not define;
    correct the name, or define the area`."""
    return f"names {kind} {quoted(name)}, which {which}; correct the name, or define the {kind}"


def _duplicates(ids: Iterable[str]) -> list[str]:
    return [i for i, n in Counter(ids).items() if n > 1]


def lint(banks: list[Bank]) -> list[Finding]:
    """Everything wrong with a set of banks: duplicate ids, broken references, bad placeholders."""
    findings: list[Finding] = []
    for bank_id in _duplicates(b.id for b in banks):
        for bank in banks:
            if bank.id == bank_id:
                findings.append(Finding(bank.path, f"bank {bank_id}", "bank id used by another file"))
    all_practices = {p.id for b in banks for p in b.practices}
    all_guides = {g.id for b in banks for g in b.guides}
    all_areas = {a.id for b in banks for a in b.areas}
    for bank in banks:
        findings.extend(_lint_bank(bank, all_guides, all_areas))
    findings.extend(_lint_practices(banks, all_practices, all_guides, all_areas))
    return findings


def plain_title_changes(title: str) -> tuple[str, list[str]]:
    """A heading without a slash or parentheses, made from the area's own title (the lint's
    suggestion): `Data (ingestion/validation)` → `Data`, `Training/Serving` → `Training & Serving`;
    and what it changed in words ('the / between words made " & "'): the rest
    of the person's text stays to the letter (`[/]` loses its slash, never becomes `[ & ]`)."""
    changes: list[str] = []
    plain = re.sub(r"\s*\([^()]*\)", "", title)
    if plain != title:
        changes.append("the part in parentheses left out")
    between = re.sub(r"(?<=\w)\s*/\s*(?=\w)", " & ", plain)
    if between != plain:
        changes.append('the / between words made " & "')
    rest = between.replace("/", "")
    if rest != between:
        changes.append("the / dropped")
    bare = rest.replace("(", "").replace(")", "")
    if bare != rest:
        changes.append("the ( ) dropped")
    plain = re.sub(r"\s+", " ", bare).strip()
    if not plain:
        return title.replace("/", " & ").strip("() "), ['the / made " & "']
    return plain, changes


def _lint_bank(bank: Bank, all_guides: set[str], all_areas: set[str]) -> list[Finding]:
    out: list[Finding] = []

    def add(record: str, message: str, written: str = "") -> None:
        out.append(Finding(bank.path, record, message, written))

    for kind, ids in (
        ("area", [a.id for a in bank.areas]),
        ("part", [p.id for p in bank.parts]),
        ("question", [q.id for q in bank.questions]),
        ("template", [t.id for t in bank.templates]),
        ("follow-up step", [f.id for f in bank.followup]),
        ("follow-up item", [i.id for f in bank.followup for i in f.items]),
        ("guide-map row", [g.id for g in bank.guide_map]),
        ("group", [f"{g.area}.{g.id}" for g in bank.groups]),
    ):
        for dup in _duplicates(ids):
            add(f"{kind} {dup}", "id is used twice in this bank; give each record its own id")
    for kind, ids in (
        ("bank", [bank.id]),
        ("area", [a.id for a in bank.areas]),
        ("part", [p.id for p in bank.parts]),
        ("group", [g.id for g in bank.groups]),
        ("question", [q.id for q in bank.questions]),
        ("template", [t.id for t in bank.templates]),
        ("follow-up step", [f.id for f in bank.followup]),
        ("follow-up item", [i.id for f in bank.followup for i in f.items]),
        ("guide", [g.id for g in bank.guides]),
        ("practice", [p.id for p in bank.practices]),
    ):
        for bad in (i for i in ids if not BANK_ID.match(i)):
            add(f"{kind} {quoted(bad)}", BANK_ID_RULE, bad)
    for area_record in bank.areas:
        record = f"area {area_record.id}"
        out.extend(Finding(bank.path, record, m) for m in _levels_problems(area_record.levels))
        for other in area_record.maps_to:
            if other not in all_areas:
                add(record, "maps_to " + _unknown("area", other, "no bank defines"))
        plain = client_title(area_record)
        if re.search(r"[/()]", plain):
            suggested, changes = plain_title_changes(plain)
            add(
                record,
                f"the client reads {quoted(plain)} in a proposal's headings; give the area a plain "
                "client_title (no slash or parentheses: client_title = "
                f"{json.dumps(suggested, ensure_ascii=False)}: {', '.join(changes)})",
            )
    areas = {a.id for a in bank.areas}
    parts = {p.id for p in bank.parts}
    groups = {(g.area, g.id) for g in bank.groups}
    for group in bank.groups:
        if group.area not in areas:
            add(f"group {group.id}", _unknown("area", group.area, "this bank does not define"))
    questions = {q.id for q in bank.questions}
    for q in bank.questions:
        record = f"question {q.id}"
        if q.area not in areas:
            add(record, _unknown("area", q.area, "this bank does not define"))
        if q.part not in parts:
            add(record, _unknown("part", q.part, "this bank does not define"))
        if q.group and (q.area, q.group) not in groups:
            add(record, _unknown("group", q.group, f"area {quoted(q.area)} does not define"))
        out.extend(Finding(bank.path, record, m) for m in _placeholder_problems(q))
        if problems := gap_phrase_problems(q.gap) if q.gap.strip() else []:
            add(
                record,
                f"gap {quoted(q.gap)} {' and '.join(problems)}; write what is missing or weak as a "
                'client reads it in a proposal (gap = "No standard deployment path")',
            )
        out.extend(Finding(bank.path, record, m) for m in _levels_problems(q.levels))
    for template in bank.templates:
        record = f"template {template.id}"
        if template.minutes_min > template.minutes_max:
            add(record, "minutes_min is larger than minutes_max")
        if not template.sections:
            add(record, "has no sections; list the sections it covers")
        for section in template.sections:
            where = f"{record}, section {quoted(section.text)}"
            if not section.areas and not section.questions:
                add(where, "names no area and no question")
            for area in section.areas:
                if area not in areas:
                    add(where, _unknown("area", area, "this bank does not define"))
            for part in section.parts:
                if part not in parts:
                    add(where, _unknown("part", part, "this bank does not define"))
            for group_id in section.groups:
                if not any((a, group_id) in groups for a in section.areas):
                    add(where, _unknown("group", group_id, "none of its areas define"))
            for qid in section.questions:
                if qid not in questions:
                    add(where, _unknown("question", qid, "this bank does not define"))
        out.extend(Finding(bank.path, record, m) for m in _core_problems(bank, template))
    for row in bank.guide_map:
        record = f"guide-map row {row.id}"
        if all_guides and row.guide not in all_guides:
            add(record, _unknown("guide", row.guide, "no guides bank defines"))
        for area in row.areas:
            if area not in all_areas:
                add(record, _unknown("area", area, "no bank defines"))
    return out


def _levels_problems(levels: tuple[str, ...]) -> list[str]:
    """Level descriptors are optional; when given, one non-empty sentence for each level 1 to 5."""
    if not levels:
        return []
    if len(levels) != 5:
        return [f"levels holds {len(levels)} descriptors; give exactly five, for levels 1 to 5"]
    empty = [n for n, text in enumerate(levels, 1) if not text.strip()]
    return [f"level {n} is empty; describe what level {n} looks like" for n in empty]


def _core_problems(bank: Bank, template: SessionTemplate) -> list[str]:
    """The core set must be questions the template covers, sized to 2–3 minutes a question."""
    if not template.core:
        return []
    covered = {ref.split(":", 1)[1] for ref in Catalogue.from_banks([bank]).template_refs(template.id)}
    problems = [
        f"core question {quoted(qid)} is not one the template covers; put it in a section or out of core"
        for qid in template.core
        if qid not in covered
    ]
    problems += [
        f"core question {quoted(qid)} is listed twice; list it once" for qid in _duplicates(template.core)
    ]
    low, high = core_size_range(template)
    if not low <= len(template.core) <= high:
        problems.append(
            f"core holds {plural(len(template.core), 'question')}; at 2–3 minutes each a "
            f"{template.minutes_min}–{template.minutes_max} minute session takes {low} to {high}"
        )
    return problems


def core_size_range(template: SessionTemplate) -> tuple[int, int]:
    """How many core questions fit the time box at 2–3 minutes each: (fewest, most)."""
    return math.ceil(template.minutes_min / 3), template.minutes_max // 2


def _placeholder_problems(question: object) -> list[str]:
    from workbench.model.bank import Question

    assert isinstance(question, Question)  # noqa: S101 - narrowing for mypy
    in_text = question.placeholder_symbols_in_text()
    declared = [p.symbol for p in question.placeholders]
    problems: list[str] = []
    if question.kind != "success-metric":
        if declared:
            problems.append("only success metrics take placeholders")
        return problems
    for symbol in _duplicates(declared):
        problems.append(f"placeholder {symbol} is declared twice")
    for symbol in declared:
        if symbol not in in_text:
            problems.append(f"placeholder {symbol} does not appear in the text")
    for symbol in in_text:
        if symbol not in declared:
            problems.append(f"the text uses {symbol} but no placeholder declares it")
    fields = [p.field for p in question.placeholders]
    if len(fields) != len(set(fields)):
        problems.append("two placeholders fill the same field; use one baseline and one target")
    units: dict[str, str] = {p.field: p.unit for p in question.placeholders}
    for name, own in (("baseline", question.baseline_unit), ("target", question.target_unit)):
        if not (units.get(name) or own):
            problems.append(f"the {name} has no unit; give it a placeholder unit or {name}_unit")
        named = money_named(units.get(name) or own)
        if named:
            problems.append(
                f"the {name} unit names a currency ({named}); write {CURRENCY_SIGN} for the client's "
                f'currency ("{CURRENCY_SIGN} per month"), shown as EUR, GBP or USD'
            )
    return problems


def _lint_practices(
    banks: list[Bank], all_practices: set[str], all_guides: set[str], all_areas: set[str]
) -> list[Finding]:
    from workbench.practice_lint import practice_problems

    out: list[Finding] = []
    edges: dict[str, list[str]] = {}
    where: dict[str, str] = {}
    for bank in banks:
        for dup in _duplicates(g.id for g in bank.guides):
            out.append(Finding(bank.path, f"guide {dup}", "id is used twice in this bank"))
        for practice in bank.practices:
            record = f"practice {practice.id}"
            if practice.id in where:
                out.append(Finding(bank.path, record, f"id is also used in {where[practice.id]}"))
            where.setdefault(practice.id, bank.path)
            if practice.guide not in all_guides:
                out.append(Finding(bank.path, record, _unknown("guide", practice.guide, "no bank defines")))
            for area in practice.areas:
                if area not in all_areas:
                    out.append(Finding(bank.path, record, _unknown("area", area, "no bank defines")))
            out.extend(Finding(bank.path, record, message) for message in practice_problems(practice))
            edges.setdefault(practice.id, [])
            for prerequisite in practice.prerequisites:
                if prerequisite not in all_practices:
                    said = f"prerequisite {quoted(prerequisite)} is not a practice; correct it, or define it"
                    out.append(Finding(bank.path, record, said))
                else:
                    edges.setdefault(prerequisite, []).append(practice.id)
    if not _has_cycle(edges):  # networkx (slow to import, and `check` lints) only to name loops
        return out
    import networkx as nx

    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(edges)
    graph.add_edges_from((a, b) for a, targets in edges.items() for b in targets)
    for cycle in nx.simple_cycles(graph):
        loop = " → ".join([*cycle, cycle[0]])
        out.append(
            Finding(where.get(cycle[0], "?"), f"practice {cycle[0]}", f"prerequisites form a cycle: {loop}")
        )
    return out


def _has_cycle(edges: dict[str, list[str]]) -> bool:
    """Whether the graph (node → the nodes it points at) has a loop: depth first, without recursion."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in edges:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(edges.get(start, ())))]
        while stack:
            node, following = stack[-1]
            step = next(following, None)
            if step is None:
                state[node] = 2
                stack.pop()
            elif state.get(step) == 1:
                return True
            elif step not in state:
                state[step] = 1
                stack.append((step, iter(edges.get(step, ()))))
    return False


def check_banks(loaded: LoadedBanks) -> list[FileProblem]:
    """Every problem of a set of banks, as `banks --check` and `check` both report it: each file
    that did not load, then each lint finding at its bank file, line and column."""
    texts: dict[str, str | None] = {}
    problems = list(loaded.problems)
    for finding in lint(loaded.banks):
        if finding.path not in texts:
            try:
                texts[finding.path] = Path(finding.path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                texts[finding.path] = None
        problems.append(finding.problem(texts[finding.path]))
    return problems


def check_command(project_path: str | Path) -> str:
    """The command that lists every problem of the banks a project loads (its own folder's too),
    as a person types it: `workbench banks --check --project PATH`."""
    return f"workbench banks --check --project {shlex.quote(str(project_path))}"


def ids_command(kind: str, project_path: str | Path | None = None) -> str:
    """The command that lists the ids of one kind of the banks a project loads, as a person
    types it (`workbench banks --ids practices`; `--questions` for an empty kind), with
    `--project PATH` when the project has a banks folder of its own."""
    command = f"workbench banks --ids {kind}" if kind else "workbench banks --questions"
    if project_path is not None and (Path(project_path).resolve().parent / "banks").is_dir():
        command += f" --project {shlex.quote(str(project_path))}"
    return command


def summary_rows(catalogue: Catalogue) -> list[tuple[str, str, dict[str, int]]]:
    """(bank, area title, count per kind) for every area, for `workbench banks`."""
    rows = []
    for bank in catalogue.banks:
        for area in sorted(bank.areas, key=lambda a: a.order):
            counts: Counter[str] = Counter(q.kind for q in bank.questions if q.area == area.id)
            rows.append((bank.id, area.title, dict(counts)))
    return rows


__all__ = [
    "Finding",
    "LoadedBanks",
    "bank_dirs",
    "bundled_banks_dir",
    "check_banks",
    "check_command",
    "core_size_range",
    "ids_command",
    "lint",
    "load_bank",
    "load_banks",
    "load_catalogue",
    "question_ref",
    "summary_rows",
]
