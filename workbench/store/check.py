"""Cross-checks a project against the banks: every reference must resolve."""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from workbench.banks import check_command, ids_command
from workbench.model.catalogue import Catalogue
from workbench.model.evidence import parse_evidence
from workbench.model.project import Project
from workbench.printable import plural, quoted
from workbench.problems import FileProblem
from workbench.store.tomltext import located, read_toml


def reference_problems(
    path: str | Path, project: Project, catalogue: Catalogue, broken: Sequence[FileProblem] = ()
) -> list[FileProblem]:
    """One problem per reference that points at nothing, at its line when it can be found.
    `broken`: the bank files that did not load, so that a bank named by the project and written
    in one of them is said to be broken there, not missing."""
    return _at_lines(path, project_findings(path, project, catalogue, broken))


def project_findings(
    path: str | Path, project: Project, catalogue: Catalogue, broken: Sequence[FileProblem] = ()
) -> list[tuple[str, str]]:
    """Every (field, message) `workbench check` finds in a project that validated: what it points
    at that is not there, loops in the plan, the proposal's frame. The merge runs these on its
    result before writing it, so a merge never writes what `check` refuses."""
    return [*_walk(path, project, catalogue, broken), *_frame_problems(path, project)]


def _missing_bank(
    path: str | Path, bank: str, broken: Sequence[FileProblem], loaded: Iterable[str] = ()
) -> str:
    """Why a bank the project (at `path`) names is not loaded: its file does not load (which
    one, and the command that lists its problems), or no file has it."""
    written = re.compile(rf"(?m)^[ \t]*id[ \t]*=[ \t]*[\"']{re.escape(bank)}[\"']")
    for problem in broken:
        try:
            text = Path(problem.path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if written.search(text):
            return (
                f"bank {quoted(bank)} is in {problem.path}, which does not load "
                f"({problem.place or 'see its problem'}); fix that file "
                f"(`{check_command(path)}` lists its problems)"
            )
    if broken:
        return (
            f"bank {quoted(bank)} is not among the banks that loaded, and {len(broken)} bank "
            f"file{'s' if len(broken) > 1 else ''} did not load; fix {'them' if len(broken) > 1 else 'it'} "
            f"(`{check_command(path)}` lists the problems), or add the bank's file to banks/"
        )
    return (
        f"bank {quoted(bank)} is not installed; write {_nearest(bank, loaded)}the id of a bank that is, or "
        "add the bank's file to banks/"
    )


def _frame_problems(path: str | Path, project: Project) -> Iterator[tuple[str, str]]:
    """The proposal's language must be a tag (en-GB, de-DE: it tags the text for spell-check) and its
    Word template must exist and be a Word document, as F8 checks them before saving."""
    from workbench.export.frame import frame_problem

    language = project.proposal.language
    if frame_problem("language", language, Path(path)):
        yield (
            "proposal.language",
            f"is not a language tag (found {quoted(language)}); write one such as en-GB or de-DE, or "
            "remove the line for en-GB",
        )
    problem = frame_problem("template", project.proposal.template, Path(path))
    if problem:  # (its path, then what is wrong with the file and what to do)
        yield "proposal.template", problem.removeprefix("Word template: ").rstrip(".")


def invalid_project_problems(
    invalid: FileProblem, catalogue: Catalogue, broken: Sequence[FileProblem] = ()
) -> list[FileProblem]:
    """Every problem of a file that parsed but did not validate: each field that is wrong, what
    its milestones name that does not exist (read from the data as written, so that a milestone
    edited by hand is reported whole, not one problem per run of `check`), and what else points
    at nothing, found in the project read without the wrong fields (when it reads so)."""
    found = [invalid, *invalid.more]
    try:
        data, _ = read_toml(invalid.path)
    except FileProblem:  # changed since: what was found is all there is
        return found
    fields = {problem.field for problem in found}
    milestones = _milestone_problems(data.get("milestones"), catalogue, UnknownIds(invalid.path))
    more = [(f, m) for f, m in milestones if f not in fields]
    rest = _without_fields(invalid.path, data, fields)
    if rest is not None:
        seen = {f for f, _ in more}
        wrong = tuple(f"{field}{after}" for field in fields for after in ("", ".", "["))
        more += [
            (f, m)
            for f, m in project_findings(invalid.path, rest, catalogue, broken)
            if f not in seen and not f.startswith(wrong)
        ]
    return sorted(found + _at_lines(invalid.path, more), key=lambda p: (p.line is not None, p.line or 0))


def _without_fields(path: str | Path, data: dict[str, Any], fields: Iterable[str | None]) -> Project | None:
    """The project the data holds with the wrong fields left out (each takes its default), or
    None when it does not read so (a required field is wrong, a whole record is)."""
    from workbench.store.files import project_from_data
    from workbench.store.tomltext import FIELD_PART

    rest = copy.deepcopy(data)
    for field in fields:
        if not field:
            return None
        holder: Any = rest
        parts = [FIELD_PART.fullmatch(part) for part in field.split(".")]
        for number, found in enumerate(parts):
            if found is None or not isinstance(holder, dict) or found.group(1) not in holder:
                return None
            if number == len(parts) - 1 and found.group(2) is None:
                del holder[found.group(1)]
                break
            holder = holder[found.group(1)]
            if found.group(2) is not None:
                index = int(found.group(2))
                if not isinstance(holder, list) or index >= len(holder) or number == len(parts) - 1:
                    return None
                holder = holder[index]
    try:
        return project_from_data(path, rest)
    except FileProblem:
        return None


def _at_lines(path: str | Path, problems: Iterable[tuple[str, str]]) -> list[FileProblem]:
    """Problems about fields, each at the line and column of its field when it can be found."""
    found = [FileProblem(path, message, field=field) for field, message in problems]
    if not found:
        return found
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return found
    return [located(problem, text) for problem in found]


def _walk(
    path: str | Path, project: Project, catalogue: Catalogue, broken: Sequence[FileProblem] = ()
) -> Iterator[tuple[str, str]]:
    ids = UnknownIds(path)
    loaded = {b.id for b in catalogue.banks}
    sessions = {s.id for s in project.sessions}
    heard = {h.id for h in project.heard}
    metrics = {m.id for m in project.metrics}
    gaps = {g.id for g in project.gaps}
    items = {p.id for p in project.pilots}
    followup_items = {i.id for step in catalogue.followup for i in step.items}
    for i, bank in enumerate(project.project.banks):
        if bank not in loaded:
            yield f"project.banks[{i}]", _missing_bank(path, bank, broken, loaded)
    for i, session in enumerate(project.sessions):
        if session.template and session.template not in catalogue.templates:
            yield f"sessions[{i}].template", ids.unknown(
                "session template", session.template, catalogue.templates, "templates",
                "remove the line for a blank session",
            )
    for i, answer in enumerate(project.answers):
        if answer.question not in catalogue.questions:
            yield f"answers[{i}].question", ids.unknown(
                "question id", answer.question, catalogue.questions, "questions", "remove this answer"
            )
        if answer.session not in sessions:
            yield f"answers[{i}].session", _unknown_session(answer.session, sessions)
    for i, record in enumerate(project.heard):
        question = catalogue.questions.get(record.indicator)
        if question is None or question.kind != "pain-indicator":
            yield f"heard[{i}].indicator", ids.unknown(
                "pain indicator", record.indicator, _of_kind(catalogue, "pain-indicator"), "questions",
                "remove this [[heard]] record", question.kind if question else "",
            )
        if record.session not in sessions:
            yield f"heard[{i}].session", _unknown_session(record.session, sessions)
    for i, metric in enumerate(project.metrics):
        template = catalogue.questions.get(metric.template) if metric.template else None
        if metric.template and (template is None or template.kind != "success-metric"):
            yield f"metrics[{i}].template", ids.unknown(
                "success metric", metric.template, _of_kind(catalogue, "success-metric"), "questions",
                "remove the line and say what is measured in `text = …`", template.kind if template else "",
            )
        if not metric.template and not metric.text:
            yield (
                f"metrics[{i}]",
                "has neither a template nor text; add a `text = …` line saying what is measured, or a "
                "`template = …` line naming a success metric of the banks",
            )
        if metric.session and metric.session not in sessions:
            yield f"metrics[{i}].session", _unknown_session(metric.session, sessions)
    for i, gap in enumerate(project.gaps):
        if "area" in gap.model_fields_set and not gap.area.strip():
            yield f"gaps[{i}].area", (
                f"the gap's area is blank; write the id of the area it belongs to, one that "
                f"`{ids_command('areas', path)}` lists"
            )
        elif gap.area and gap.area not in catalogue.areas:
            yield f"gaps[{i}].area", ids.unknown(
                "area", gap.area, catalogue.areas, "areas", "remove the line"
            )
        for j, link in enumerate(gap.evidence):
            problem = _evidence_problem(link, catalogue, sessions, heard, metrics)
            if problem:
                yield f"gaps[{i}].evidence[{j}]", problem
    for i, mapping in enumerate(project.mappings):
        if mapping.gap not in gaps:
            yield f"mappings[{i}].gap", ids.unknown(
                "gap", mapping.gap, gaps, "", "remove this [[mappings]] record"
            )
        if mapping.practice not in catalogue.practices:
            yield f"mappings[{i}].practice", ids.unknown(
                "practice", mapping.practice, catalogue.practices, "practices",
                "remove this [[mappings]] record",
            )
    for i, item in enumerate(project.pilots):
        if item.kind == "milestone" and item.weeks > 0:
            yield (
                f"pilots[{i}].weeks",
                f"a milestone is a point in time, not {plural(item.weeks, 'week')}; set `weeks = 0`, or "
                "make it a pilot (`kind = \"pilot\"`) if it is work that takes time",
            )
        for name, known in (("gaps", gaps), ("metrics", metrics), ("depends_on", items)):
            for j, ref in enumerate(getattr(item, name)):
                if ref not in known:
                    yield f"pilots[{i}].{name}[{j}]", _unknown_reference(name, ref)
        for j, practice in enumerate(item.practices):
            if practice not in catalogue.practices:
                yield f"pilots[{i}].practices[{j}]", ids.unknown(
                    "practice", practice, catalogue.practices, "practices",
                    "remove it from the item's practices list",
                )
    yield from _plan_cycles(project)
    for i, step in enumerate(project.next_steps):
        if step.step and step.step not in followup_items:
            yield f"next_steps[{i}].step", ids.unknown(
                "follow-up item", step.step, followup_items, "follow-ups", "remove the line"
            )
    yield from _milestone_problems([m.model_dump() for m in project.milestones], catalogue, ids)


def _tables(value: object) -> list[dict[str, Any]]:
    """The tables in a list as written (anything else in it is a validation error already)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _milestone_problems(
    milestones: object, catalogue: Catalogue, ids: UnknownIds | None = None
) -> Iterator[tuple[str, str]]:
    """What a milestone names must exist: its areas and accepted practices (its gaps and plan
    items may since have been deleted); `now` stands for the current state. Reads milestones as
    data (tables), so it runs on a file whose other fields are wrong too."""
    ids = ids or UnknownIds()
    for i, milestone in enumerate(_tables(milestones)):
        name = milestone.get("name")
        if isinstance(name, str) and name.strip().casefold() == "now":
            yield (
                f"milestones[{i}].name",
                f"{quoted(name)} stands for the current state (in any case), so this milestone could "
                "never be compared; rename the milestone",
            )
        for j, score in enumerate(_tables(milestone.get("maturity"))):
            area = score.get("area")
            if isinstance(area, str) and area not in catalogue.areas:
                yield f"milestones[{i}].maturity[{j}].area", ids.unknown(
                    "area", area, catalogue.areas, "areas", "remove this area's line"
                )
        pairs = milestone.get("mappings")
        for j, pair in enumerate(pairs if isinstance(pairs, list) else []):
            parts = pair.split() if isinstance(pair, str) else []
            if len(parts) == 2 and parts[1] not in catalogue.practices:
                yield f"milestones[{i}].mappings[{j}]", ids.unknown(
                    "practice", parts[1], catalogue.practices, "practices", "remove this pair"
                )


def plan_cycle_problems(path: str | Path, project: Project) -> list[FileProblem]:
    """One problem per loop in the plan's dependencies, at its line in the file, in `check`'s
    words (export and `workbench plan` refuse them with the same sentence)."""
    return _at_lines(path, _plan_cycles(project))


def _plan_cycles(project: Project) -> Iterator[tuple[str, str]]:
    """Each loop in the plan's dependencies, at the dependency that closes it."""
    from workbench.analysis.plan import schedule_around_cycles

    if not any(item.depends_on for item in project.pilots):
        return
    _, cycles = schedule_around_cycles(project)
    index = {item.id: i for i, item in enumerate(project.pilots)}
    for cycle in cycles:
        item, dependency = cycle.closing
        i = index[item]
        j = project.pilots[i].depends_on.index(dependency)
        yield f"pilots[{i}].depends_on[{j}]", cycle.sentence()


def _unknown_reference(name: str, ref: str) -> str:
    """A plan item's link to a record the project does not have, with what to do."""
    kind = {"gaps": "gap", "metrics": "success metric"}.get(name, "plan item or milestone")
    return (
        f"unknown {kind} {quoted(ref)}: no {kind} has this id; correct the id, or remove it from "
        f"the item's {name} list"
    )


def _unknown_session(session: str, sessions: set[str]) -> str:
    known = ", ".join(sorted(sessions)) or "none yet"
    return (
        f"unknown session {quoted(session)}; use one of the [[sessions]] ids ({known}) "
        "or add a [[sessions]] record with this id"
    )


def _evidence_problem(
    link: str, catalogue: Catalogue, sessions: set[str], heard: set[str], metrics: set[str]
) -> str:
    """What is wrong with a gap's evidence link and what to do, or '' when nothing is."""
    evidence = parse_evidence(link)
    if evidence.kind == "heard" and evidence.target not in heard:
        wrong = f"points at heard indicator {quoted(evidence.target)}, which the project does not have"
    elif evidence.kind == "metric" and evidence.target not in metrics:
        wrong = f"points at metric {quoted(evidence.target)}, which the project does not have"
    elif evidence.kind in ("question", "answer") and evidence.target not in catalogue.questions:
        wrong = f"points at unknown question {quoted(evidence.target)}"
    elif evidence.kind == "answer" and evidence.session not in sessions:
        wrong = f"points at unknown session {quoted(evidence.session)}"
    else:
        return ""
    return f"{wrong}; {EVIDENCE_ADVICE}"


EVIDENCE_ADVICE = (
    "correct the link (bank:question, bank:question@session, heard:H-001 or metric:M-001) or "
    "remove it from the gap's evidence"
)
"""What to do about a gap's evidence link that points at nothing."""


class UnknownIds:
    """What to say of an id that names nothing: what it names, the nearest id there is, where to
    find the others (the `workbench banks --ids` listing of the project's banks) and what else
    to do."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = path

    def unknown(
        self, what: str, value: str, known: Iterable[str], listing: str, remove: str, other: str = ""
    ) -> str:
        """`unknown practice 'ds.x': no guide has this id; write 'ds.y' (the nearest), another
        id that `workbench banks --ids practices` lists, or remove this mapping`. `listing` is
        the kind `workbench banks --ids` lists ("questions": `--questions`), or empty for the
        project's own records (gaps). `other`: the kind of bank item `value` is, when it names
        one of another kind (a question where a pain indicator is wanted)."""
        owner = {"practice": "no guide", "gap": "no gap in this file", "follow-up item": "no follow-up step"}
        if listing:
            where = f"that `{ids_command('' if listing == 'questions' else listing, self.path)}` lists"
        else:
            where = f"of a [[{what}s]] record in this file"
        nearest = _nearest(value, known)
        wrong = f"unknown {what} {quoted(value)}: {owner.get(what, 'no bank')} has this id"
        if other:
            wrong = f"{quoted(value)} is a {other.replace('-', ' ')}, not a {what}"
        return f"{wrong}; write {nearest}{'another' if nearest else 'an'} id {where}, or {remove}"


def _nearest(value: str, known: Iterable[str]) -> str:
    """`'model-training' (the nearest), ` when an id close to `value` is known, else ''."""
    near = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f"{quoted(near[0])} (the nearest), " if near else ""


def _of_kind(catalogue: Catalogue, kind: str) -> list[str]:
    """The references of the banks' questions of one kind (`pain-indicator`, `success-metric`)."""
    return [ref for ref, question in catalogue.questions.items() if question.kind == kind]
