"""The typing journal: unsaved work kept in the user's state directory until the file has it.

Where: `$WORKBENCH_STATE_DIR`, else `$XDG_STATE_HOME/mlops-workbench`, else
`~/.local/state/mlops-workbench`; journals go in its `journal/` folder. Not beside the project,
so it works when the project's folder is read-only, full or gone.

Format (version 1). For each project file and each workbench process (window) that has it open,
KEY is the first 16 hex digits of the SHA-256 of the file's real path (symlinks followed), PID
the process's id, and two files are written atomically:

- `KEY.PID.json`, the entry::

      {
        "format": 1,
        "path": "/home/sam/projects/acme.toml",   # the project file the work belongs to
        "written": "2026-12-01T17:04:07+00:00",   # when, UTC
        "base_sha256": "9f2c…",                   # digest of the file bytes the work started from
        "session": "exec-1",                      # the session that was current
        "clock_running": true,                    # whether its clock was running
        "question": "discovery:dep-1",            # the question on show in Capture (optional)
        "focus": "q-notes",                       # the widget the keyboard was in (optional)
        "work": { … },                            # the work, as what differs from the base
        "draft": { … }                            # a dialog's unsaved text (optional, below)
      }

  `work` is a delta (store/work_delta.py): the top-level tables whole, and each record list as
  the base's unchanged records by position (`[start, stop]`) and the other records whole, so
  typing into one answer of 3,000 writes one answer. Records hold only the keys the file had
  or the person set (`project_to_data`), so restoring adds no defaults; dates and times are
  ISO strings. Session clocks are in it (`sessions[].elapsed_seconds`, `area_seconds`).
- `draft`, present only while a dialog (a gap, a quote, a metric…) has text typed into it that
  is not saved yet (an entry may hold a draft and no work)::

      "draft": {
        "dialog": "Edit G-003",                   # the dialog's heading, for the restore offer
        "reopen": ["gaps", "edit_gap", ["G-003"]],  # how it opens again: where (a pane, ""
                                                  # for the main screen, or "followups" for the
                                                  # Follow-ups view), which method, its args
        "fields": {"gap-title": "…", "gap-description": "…"},  # its text fields by id, as typed,
                                                  # in the dialog's order (the first names it)
        "focus": "gap-description",               # the field the keyboard was in
        "choices": {"gap-impact": "4"},           # its dropdowns (Select) by id, the value as
                                                  # text ("" for none); optional
        "pane": "capture",                        # the pane on show under it; optional
        "lists": {"gap-evidence": ["heard:H-001"]}  # lists it holds that are no field (the
                                                  # gap's evidence), by name; optional
      }

  `question` and `focus` came in later too: a restore shows that question in Capture, with the
  keyboard in its notes when `focus` is "q-notes"; an entry without them restores as before.
  The draft came in after format 1 was first written and needs no new number: an entry without it
  reads as before, and a draft that does not read is left out (the work still comes back).
- `KEY.PID.clock.json`: while the session clock runs, its time, written every second or so
  without the rest of the work (cheap: the entry is written when the work changes)::

      {"session": "exec-1", "elapsed_seconds": 3314, "area_seconds": {"deployment": 610}}

  Read with the entry: when it holds more time for the entry's session than the entry does, that
  time is the session's and the clock was running. Moved and removed with the entry.
- `KEY.PID.base.toml`: the exact bytes of the project file the work started from (its digest is
  `base_sha256`), written only when it changes. A three-way merge takes this as the base, the
  work as mine and the file as it is now as theirs.

An entry exists only while there is unsaved work: it is removed after the file is saved with
everything in it, or when the person discards it. An entry the person decides about later is
renamed, untouched, to `KEY.later-N.json` (and `KEY.later-N.base.toml`, or
`KEY.later-N.recovery.json` for a workbench before the journal), so the run that opened it
journals and saves without touching it; the next start with no entry of its own brings the
oldest back (as its own) and offers it again.

Two windows on one project (store/presence.py): each writes its own entry, so neither overwrites
the other's work. A window only ever writes and removes its own entry. At start it is offered the
entries of processes that are no longer running (their lock file in `open/` is gone or stale:
the pid is dead or now another program's), one after another, oldest first: each is merged with
the file as it is then. Restoring one makes it this window's entry (renamed to this PID) until
the file has it; when a restored entry can't be saved yet (or one is put off), the others wait
for the next start. The entry of a window that is still running is never offered to another
window, nor removed by it. `KEY.json` and `KEY.base.toml` (no PID), written before entries were
per process, are offered as a stopped process's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workbench.model.project import Project
from workbench.problems import FileProblem
from workbench.store.atomic import UNCHANGED, SaveFailed, atomic_write, digest, real_path
from workbench.store.files import project_from_data
from workbench.store.presence import live_pids, project_key
from workbench.store.presence import state_dir as state_dir
from workbench.store.tomltext import decode_toml, parse_toml
from workbench.store.work_delta import apply_delta, work_delta

FORMAT = 1


LEGACY = 0
"""The owner of an entry written before entries were per process (`KEY.json`): no process."""


def journal_paths(path: str | Path, owner: int | None = None) -> tuple[Path, Path]:
    """The entry and the base file this process keeps for a project file (or process `owner`'s;
    LEGACY: the entry from before entries were per process)."""
    key = project_key(path)
    folder = state_dir() / "journal"
    stem = key if owner == LEGACY else f"{key}.{os.getpid() if owner is None else owner}"
    return folder / f"{stem}.json", folder / f"{stem}.base.toml"


def clock_path(path: str | Path, owner: int | None = None) -> Path:
    """Where this process (or process `owner`) keeps its running session clock (see the format)."""
    entry_path = journal_paths(path, owner)[0]
    return entry_path.with_name(entry_path.name.removesuffix(".json") + ".clock.json")


def write_clock(path: str | Path, session: str, elapsed_seconds: int, area_seconds: dict[str, int]) -> None:
    """Keep the running clock's time of `session` (a small write; see `KEY.PID.clock.json`)."""
    kept = {"session": session, "elapsed_seconds": elapsed_seconds, "area_seconds": area_seconds}
    target = clock_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, json.dumps(kept, ensure_ascii=False).encode("utf-8"))


def _with_clock(path: str | Path, owner: int, session: str, work: dict[str, Any]) -> dt.datetime | None:
    """Put the time the clock file of process `owner` holds for `session` into the work's session
    when it is more than the work has; when it did, the time the clock file was written (the
    clock was running then), else None."""
    clock, entry = clock_path(path, owner), journal_paths(path, owner)[0]
    try:  # (one older than the entry is of an earlier run: the entry has the time)
        written = clock.stat().st_mtime_ns
        if written < entry.stat().st_mtime_ns:
            return None
        kept = json.loads(clock.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or not session or kept.get("session") != session:
        return None
    elapsed, areas = kept.get("elapsed_seconds"), kept.get("area_seconds", {})
    if not isinstance(elapsed, int) or not isinstance(areas, dict):
        return None
    for record in work.get("sessions", []):
        if isinstance(record, dict) and record.get("id") == session:
            if elapsed <= record.get("elapsed_seconds", 0):
                return None
            record["elapsed_seconds"] = elapsed
            if areas:
                record["area_seconds"] = areas
            return dt.datetime.fromtimestamp(written / 1e9, dt.UTC).replace(microsecond=0)
    return None


@dataclass(frozen=True)
class DialogDraft:
    """Text typed into a dialog and not saved yet (see `draft` in the format above)."""

    dialog: str
    """The dialog's heading ("Edit G-003")."""
    reopen: tuple[str, str, tuple[str, ...]]
    """Where the method that opens it again is (a pane's name, "" for the main screen, or
    "followups" for the Follow-ups view), its name and its arguments."""
    fields: dict[str, str]
    """The dialog's text fields, by id, as typed."""
    focus: str = ""
    """The field the keyboard was in."""
    choices: dict[str, str] = field(default_factory=dict)
    """The dialog's dropdowns (Select), by id: the chosen value as text, "" for none."""
    pane: str = ""
    """The pane on show under the dialog when it was open (where it opens again)."""
    lists: dict[str, list[str]] = field(default_factory=dict)
    """Lists the dialog holds that are no field (the gap dialog's evidence), by name."""

    def to_json(self) -> dict[str, Any]:
        """As kept in the journal entry."""
        where, call, args = self.reopen
        reopen = [where, call, list(args)]
        kept: dict[str, Any] = {"dialog": self.dialog, "reopen": reopen, "fields": self.fields}
        kept["focus"] = self.focus
        if self.choices:
            kept["choices"] = self.choices
        if self.pane:
            kept["pane"] = self.pane
        if self.lists:
            kept["lists"] = self.lists
        return kept

    @classmethod
    def from_json(cls, kept: object) -> DialogDraft | None:
        """Read back from the journal entry; None when it is not a draft this version can use."""
        if not isinstance(kept, dict):
            return None
        reopen, fields = kept.get("reopen"), kept.get("fields")
        if not (isinstance(reopen, list) and len(reopen) == 3 and isinstance(fields, dict)):
            return None
        where, call, args = reopen
        choices, pane = kept.get("choices", {}), kept.get("pane", "")
        if not isinstance(choices, dict):
            return None
        texts = [kept.get("dialog", ""), kept.get("focus", ""), where, call, pane, *fields, *fields.values()]
        texts += [*choices, *choices.values()]
        lists = kept.get("lists", {})
        if not isinstance(lists, dict) or not all(isinstance(items, list) for items in lists.values()):
            return None
        texts += [*lists, *(item for items in lists.values() for item in items)]
        if not isinstance(args, list) or not all(isinstance(t, str) for t in [*texts, *args]):
            return None
        dialog, focus = kept.get("dialog", ""), kept.get("focus", "")
        kept_lists = {name: list(items) for name, items in lists.items()}
        return cls(dialog, (where, call, tuple(args)), dict(fields), focus, dict(choices), pane, kept_lists)

    def typed(self) -> str:
        """The text typed in the field the keyboard was in (else the longest field), for people."""
        return self.fields.get(self.focus) or max(self.fields.values(), key=len, default="")

    def name_and_typed(self) -> tuple[str, str, str]:
        """For people: the dialog's first field, the one it is known by (a gap's title, a
        metric's words), the text in it, and the field being typed in when that is another ("" when
        not): field ids, as in `fields`."""
        name_field = next((field for field, text in self.fields.items() if text.strip()), "")
        typed = self.typed()
        being_typed = self.focus if self.fields.get(self.focus) else ""
        if not being_typed:
            being_typed = next((f for f, text in self.fields.items() if text == typed), "")
        return name_field, self.fields.get(name_field, ""), being_typed if being_typed != name_field else ""


@dataclass(frozen=True)
class JournalEntry:
    """Unsaved work found for a project file."""

    path: str
    written: dt.datetime
    base_sha256: str
    base: bytes | None
    """The file as the work started from it (None if its copy is missing)."""
    session: str
    clock_running: bool
    data: dict[str, Any]
    """The project as TOML-ready data (dates as ISO strings)."""
    draft: DialogDraft | None = None
    """The dialog that had unsaved text in it, if any."""
    owner: int = LEGACY
    """The pid of the process that wrote it (LEGACY: from before entries were per process)."""
    question: str = ""
    """The question on show in Capture ('' in entries from before it was kept)."""
    focus: str = ""
    """The id of the widget the keyboard was in on the panes ('q-notes': the notes)."""

    def project(self) -> Project:
        """The work as a Project; only the keys in the data count as set."""
        return Project.model_validate(self.data)

    def started(self) -> Project | None:
        """The file as the work started from it, as a Project: what the person typed is what
        differs from it. None when its copy is missing or does not read."""
        if self.base is None:
            return None
        try:
            return project_from_data("journal", parse_toml("journal", decode_toml("journal", self.base)))
        except FileProblem:
            return None


def write_journal(
    path: str | Path,
    data: dict[str, Any],
    base: tuple[dict[str, Any], bytes],
    session: str = "",
    clock_running: bool = False,
    draft: DialogDraft | None = None,
    question: str = "",
    focus: str = "",
) -> None:
    """Keep the work (`project_to_data` of the project) durable, as edited from `base` (the
    file's data and bytes it started from), with the `draft` of a dialog being typed into;
    SaveFailed (or OSError) if it cannot be."""
    entry_path, base_path = journal_paths(path)
    base_data, raw = base
    base_hash = digest(raw)
    entry_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _write_journal(
            path,
            entry_path,
            base_path,
            raw,
            base_hash,
            base_data,
            data,
            session,
            clock_running,
            draft,
            {"question": question, "focus": focus},
        )
    except SaveFailed as failed:  # its "the file on disk is unchanged" would mean the journal
        advice = failed.message.removesuffix(f" {UNCHANGED}").removeprefix("could not be saved: ")
        raise SaveFailed(
            path,
            f"the journal ({failed.path}) could not be written: {advice} The project file "
            "is unchanged; your latest changes are only in this window until a save works.",
        ) from failed


def _write_journal(
    path: str | Path,
    entry_path: Path,
    base_path: Path,
    raw: bytes,
    base_hash: str,
    base_data: dict[str, Any],
    data: dict[str, Any],
    session: str,
    clock_running: bool,
    draft: DialogDraft | None,
    where: dict[str, str],
) -> None:
    if _file_digest(base_path) != base_hash:
        atomic_write(base_path, raw)
    entry: dict[str, Any] = {
        "format": FORMAT,
        "path": str(real_path(path)),
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "base_sha256": base_hash,
        "session": session,
        "clock_running": clock_running,
        "work": work_delta(base_data, data),
    }
    entry.update({key: value for key, value in where.items() if value})  # (only when known)
    if draft is not None:
        entry["draft"] = draft.to_json()
    atomic_write(entry_path, json.dumps(entry, default=_iso, ensure_ascii=False).encode("utf-8"))


def kept_work_note(path: str | Path) -> str:
    """For a project file that is missing or cannot be read: a sentence saying that unsaved work
    for it is kept (its journal entry, and work set aside with Decide later), where, and how to
    get it back; '' when there is none."""
    entry = read_journal(path)
    later = [_later_pairs(path, number)[:2] for number in _put_off_numbers(path)]
    if entry is None and not later:
        return ""
    gone = not Path(path).exists()
    if entry is None:
        (_, entry_path), (_, base_path) = later[0]
        when = dt.datetime.fromtimestamp(_mtime(entry_path)).strftime("%Y-%m-%d %H:%M")
        said = "Unsaved work for this file set aside with Decide later "
        said += f"(from {when}) is kept in the journal, {entry_path}"
        said += f", with {len(later) - 1} more set aside after it. " if len(later) > 1 else ". "
        has_base = base_path.exists()
    else:
        entry_path, base_path = journal_paths(path, entry.owner)
        when = entry.written.astimezone().strftime("%Y-%m-%d %H:%M")
        said = f"Unsaved work for this file (from {when}) is kept in the journal, {entry_path}. "
        has_base = entry.base is not None
    if has_base and gone:
        said += (
            f"To get it back, copy the file it started from, {base_path}, to {path} and open that: "
            "the workbench offers the work back."
        )
    else:
        said += "Fix the file (or put it back) and open it again: the workbench offers the work back."
    if entry is not None and later:
        more = f" and {len(later) - 1} more beside it" if len(later) > 1 else ""
        said += (
            f" Work set aside with Decide later is kept too, in {later[0][0][1]}{more}: "
            "it is offered again at a later start."
        )
    return said


def _mtime(file: Path) -> float:
    try:
        return file.stat().st_mtime
    except OSError:
        return 0.0


def read_journal(path: str | Path) -> JournalEntry | None:
    """The unsaved work to offer first for a project file (the oldest of `offered_journals`), or
    None when there is none usable."""
    return next(iter(offered_journals(path)), None)


def offered_journals(path: str | Path) -> list[JournalEntry]:
    """The entries this window may offer back for a project file, oldest first: its own and those
    of processes no longer running; never those of another window still running."""
    key = project_key(path)
    running = live_pids(path)
    owners: list[tuple[float, int]] = []
    with contextlib.suppress(OSError):
        for file in (state_dir() / "journal").glob(f"{key}*.json"):
            middle = file.name[len(key) : -len(".json")]
            if middle and not (middle[:1] == "." and middle[1:].isdigit()):
                continue
            owner = int(middle[1:]) if middle else LEGACY
            if owner != os.getpid() and owner in running:
                continue
            with contextlib.suppress(OSError):
                owners.append((file.stat().st_mtime, owner))
    found = [_read_entry(path, owner) for _, owner in sorted(owners)]
    entries = [entry for entry in found if entry is not None]
    if not any(entry.owner == LEGACY for entry in entries) and (old := _read_old_recovery(path)):
        entries.append(old)
    return entries


def _read_entry(path: str | Path, owner: int) -> JournalEntry | None:
    """The entry process `owner` kept for the project file, or None when it is not usable."""
    entry_path, base_path = journal_paths(path, owner)
    try:
        entry = json.loads(entry_path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT:
        return None
    if not isinstance(entry.get("work"), dict):
        return None
    try:
        base: bytes | None = base_path.read_bytes()
    except OSError:
        base = None
    if base is not None and digest(base) != entry.get("base_sha256"):
        base = None
    try:
        base_data = parse_toml(base_path, decode_toml(base_path, base)) if base is not None else None
    except FileProblem:
        base, base_data = None, None
    work = apply_delta(base_data, entry["work"])
    if work is None:
        return None
    session = str(entry.get("session", ""))
    try:
        written = dt.datetime.fromisoformat(str(entry.get("written")))
    except ValueError:
        written = dt.datetime.fromtimestamp(entry_path.stat().st_mtime, dt.UTC)
    clock_written = _with_clock(path, owner, session, work)
    running = clock_written is not None or bool(entry.get("clock_running", False))
    if clock_written is not None and written.tzinfo is not None:
        written = max(written, clock_written)
    found = JournalEntry(
        path=str(entry.get("path", "")),
        written=written,
        base_sha256=str(entry.get("base_sha256", "")),
        base=base,
        session=session,
        clock_running=running,
        data=work,
        draft=DialogDraft.from_json(entry.get("draft")),
        owner=owner,
        question=str(entry.get("question") or ""),
        focus=str(entry.get("focus") or ""),
    )
    try:
        found.project()
    except ValidationError:
        return None
    return found


def old_recovery_path(path: str | Path) -> Path:
    """Where workbenches before the journal kept unsaved work: `.NAME.recovery.json` beside the
    file, as `{"base": <the file's text>, "work": <the project data>}` (or the bare data)."""
    target = real_path(path)
    return target.with_name(f".{target.name}.recovery.json")


def _read_old_recovery(path: str | Path) -> JournalEntry | None:
    old = old_recovery_path(path)
    try:
        kept = json.loads(old.read_bytes())
        written = dt.datetime.fromtimestamp(old.stat().st_mtime, dt.UTC)
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict):
        return None
    work, base = (kept.get("work"), kept.get("base")) if "work" in kept else (kept, None)
    if not isinstance(work, dict):
        return None
    raw = base.encode("utf-8") if isinstance(base, str) else None
    found = JournalEntry(str(real_path(path)), written, digest(raw) if raw else "", raw, "", False, work)
    try:
        found.project()
    except ValidationError:
        return None
    return found


def _later_pairs(path: str | Path, number: int, owner: int | None = None) -> list[tuple[Path, Path]]:
    """Each file of this process's entry (or process `owner`'s) beside the name it has while put
    off as the `number`th."""
    entry_path, base_path = journal_paths(path, owner)
    later = f"{project_key(path)}.later-{number}"
    pairs = [
        (entry_path, entry_path.with_name(f"{later}.json")),
        (base_path, entry_path.with_name(f"{later}.base.toml")),
        (clock_path(path, owner), entry_path.with_name(f"{later}.clock.json")),
    ]
    if owner in (None, os.getpid(), LEGACY):  # a workbench before the journal had one entry
        pairs.append((old_recovery_path(path), entry_path.with_name(f"{later}.recovery.json")))
    return pairs


def _put_off_numbers(path: str | Path) -> list[int]:
    entry_path = journal_paths(path)[0]
    prefix = f"{project_key(path)}.later-"
    numbers = set()
    with contextlib.suppress(OSError):
        for found in entry_path.parent.iterdir():
            number = found.name.removeprefix(prefix).split(".")[0]
            if found.name.startswith(prefix) and number.isdigit():
                numbers.add(int(number))
    return sorted(numbers)


def put_off_journal(path: str | Path, owner: int | None = None) -> None:
    """Keep the entry offered (this process's, or stopped process `owner`'s), unchanged, to be
    offered again at a later start (the person will decide later); this run's journal then
    starts afresh. OSError if it cannot be moved."""
    number = max(_put_off_numbers(path), default=0) + 1
    for now, later in _later_pairs(path, number, owner):
        if now.exists():
            os.replace(now, later)


def bring_back_put_off(path: str | Path) -> None:
    """With no entry of its own, the oldest entry put off is the entry again (to be offered)."""
    numbers = _put_off_numbers(path)
    if not numbers or any(now.exists() for now, _ in _later_pairs(path, numbers[0])):
        return
    for now, later in _later_pairs(path, numbers[0]):
        if later.exists():
            os.replace(later, now)


def clear_journal(path: str | Path, owner: int | None = None) -> None:
    """Remove this process's entry (the file has the work, or the person discarded it), or process
    `owner`'s (one that is no longer running). Entries from before entries were per process go
    too: this window offered them and took their work, or they were discarded."""
    files = [*journal_paths(path, owner), clock_path(path, owner), *journal_paths(path, LEGACY)]
    files.append(old_recovery_path(path))
    if owner not in (None, os.getpid(), LEGACY):
        files = files[:3]
    for file in files:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(file)


def adopt_journal(path: str | Path, entry: JournalEntry) -> bool:
    """Make a stopped process's entry this window's (its work is being restored here), so it is
    kept until this window saves it; False (nothing moved) when this window has an entry of its
    own already, which it would replace."""
    mine = journal_paths(path)
    if entry.owner == os.getpid():
        return True
    if mine[0].exists():
        return False
    theirs = journal_paths(path, entry.owner)
    moves = ((theirs[1], mine[1]), (clock_path(path, entry.owner), clock_path(path)), (theirs[0], mine[0]))
    for source, target in moves:  # the entry last
        with contextlib.suppress(FileNotFoundError):
            os.replace(source, target)
    return True


def journal_folder_for_people() -> str:
    """The journal folder, with the home folder shortened to ~, for messages."""
    folder = str(state_dir() / "journal")
    home = str(Path.home())
    return "~" + folder[len(home) :] if folder.startswith(home + os.sep) else folder


def _file_digest(path: Path) -> str:
    try:
        return digest(path.read_bytes())
    except OSError:
        return ""


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"cannot keep {type(value).__name__} in the journal")
