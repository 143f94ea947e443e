"""A project file on disk: fast read, lazy round-trip document, guarded atomic save."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workbench.model.project import SCHEMA_VERSION, Project
from workbench.problems import FileProblem, validation_problem
from workbench.store.atomic import (
    ChangedOnDisk,
    SaveFailed,
    atomic_write,
    digest,
    is_read_only,
    real_path,
    refuse_read_only,
    remove_stale_temps,
)
from workbench.store.serialize import project_to_data
from workbench.store.tomltext import decode_toml, located, parse_toml


def _merged_document(text: str, old: dict[str, Any], new: dict[str, Any]) -> Any:
    """`text` as a tomlkit document with `new` merged in key by key (comments kept). tomlkit is
    imported here, for saving only: reading a project (check, portfolio) needs none of it."""
    import tomlkit

    from workbench.store.merge import merge_document

    doc = tomlkit.parse(text)
    merge_document(doc, old, new)
    return doc


class InvalidProject(FileProblem):
    """The file is TOML, but its data is not a valid project; `more` holds every other field that
    is wrong."""


class SaveRefused(FileProblem):
    """The file must not be written (unreadable, newer schema…)."""


def project_from_data(path: str | Path, data: dict[str, Any]) -> Project:
    """Validate parsed TOML as a Project, with a clear sentence for each way it can be wrong."""
    version = data.get("schema_version")
    if version is None:
        raise FileProblem(path, f"has no schema_version; add `schema_version = {SCHEMA_VERSION}` at the top")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileProblem(path, "schema_version must be a whole number", field="schema_version")
    if version > SCHEMA_VERSION:
        raise FileProblem(
            path,
            f"was written by a newer workbench (schema_version {version}; this one reads up to "
            f"{SCHEMA_VERSION}); upgrade the workbench to open it",
            field="schema_version",
        )
    if version < 1:
        raise FileProblem(path, "schema_version must be 1 or more", field="schema_version")
    if "project" not in data:
        raise FileProblem(path, "has no [project] table; add one with at least a name")
    try:
        return Project.model_validate(data, strict=True)  # TOML has exact types: "2" is not 2
    except ValidationError as error:
        first = validation_problem(path, error, model=Project)
        invalid = InvalidProject(path, first.message, field=first.field, at_key=first.at_key)
        invalid.more = first.more
        raise invalid from None


def load_project(path: str | Path) -> Project:
    """Read and validate a project file, for reading only (no round-trip document, no save state)."""
    return _read(Path(path))[1]


def _read(path: Path) -> tuple[bytes, Project]:
    """The file's bytes and the validated project; a FileProblem names the file and the place."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(path, "no such file; check the path or create it with `workbench new`") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a folder; give the path of a project .toml file") from None
    except OSError as error:
        raise FileProblem(path, f"cannot be read ({error.strerror}); check its permissions") from None
    text = decode_toml(path, raw)
    try:
        return raw, project_from_data(path, parse_toml(path, text))
    except FileProblem as problem:
        raise located(problem, text) from None


class ProjectFile:
    """One project file: the model shown, plus what is needed to save it without loss.

    `save` may run in a background thread while the UI keeps editing `project`: it writes a
    snapshot of the data (`project_to_data`, taken by the caller), and one save runs at a time.
    """

    def __init__(self, path: Path, project: Project, raw: bytes) -> None:
        self.path = path
        """The path as given (may be a symlink)."""
        self.project = project
        """The in-memory project the UI edits."""
        self._raw = raw
        self._hash = digest(raw)
        self._saved_data = project_to_data(project)
        self._opened = (raw, self._saved_data)
        """The file as read and its data: a project edited back to that data is written as read."""
        self._base = (self._saved_data, raw)
        """`base`, replaced in one assignment so the UI thread reads it without waiting for a save."""
        self._document: Any = None
        self._saved_text: Any = None
        """The file as last read or written, cut into records (merge_text.Version), built lazily."""
        self._opened_text: Any = None
        """The file as read, cut into records: a record put back by an undo gets its text back."""
        self._lock = threading.Lock()
        self._save_lock = threading.RLock()
        self._backed_up = False
        self._theirs_hash: str | None = None
        """Digest of the other version last met on disk (what "keep mine" may write over)."""

    @classmethod
    def load(cls, path: str | Path) -> ProjectFile:
        """Read with tomllib and validate; a FileProblem names the file and the place."""
        path = Path(path)
        raw, project = _read(path)
        remove_stale_temps(real_path(path))
        return cls(path, project, raw)

    @classmethod
    def create(cls, path: str | Path, project: Project, header: str = "") -> ProjectFile:
        """Write a new project file (refusing to replace one) and return it."""
        path = Path(path)
        if path.exists():
            raise SaveRefused(path, "already exists; choose another name")
        raw = _merged_document(header, {}, project_to_data(project)).as_string().encode("utf-8")
        atomic_write(path, raw, expect="")
        return cls(path, project, raw)

    # --- state -------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """Whether the in-memory project differs from the file as last read or written."""
        return project_to_data(self.project) != self._saved_data

    def changed_on_disk(self) -> bool:
        """Whether someone else changed (or removed) the file since it was read."""
        try:
            return digest(real_path(self.path).read_bytes()) != self._hash
        except OSError:
            return True

    def read_only(self) -> bool:
        """Whether the file's mode says nobody may write it: saving it is refused."""
        try:
            return is_read_only(real_path(self.path).stat().st_mode)
        except OSError:
            return False

    def prepare(self) -> None:
        """Cut the file into records now (call from a background thread after opening), so the
        first save is quick; the whole round-trip document too when the layout can't be cut."""
        if self._version().written.pieces is None:
            self._document_now()

    def _document_now(self) -> Any:
        with self._lock:
            if self._document is None:
                import tomlkit

                self._document = tomlkit.parse(self._raw.decode("utf-8"))
            return self._document

    def _version(self) -> Any:
        """The file as last read or written, as one side of a merge (its blocks built lazily)."""
        from workbench.store.merge_text import Version  # merge_text reads files through this module

        with self._lock:
            if self._saved_text is None:
                self._saved_text = Version(self._saved_data, self._raw.decode("utf-8"))
                if self._raw is self._opened[0]:
                    self._opened_text = self._saved_text
            version = self._saved_text
        version.written  # noqa: B018 - cut it now, outside the lock
        return version

    def _forget_text(self) -> None:
        with self._lock:
            self._document = None
            self._saved_text = None

    # --- saving ------------------------------------------------------------------------

    def save(self, force: bool = False, data: dict[str, Any] | None = None) -> bool:
        """Write changes atomically. Returns False when there was nothing to write.

        `data` is a snapshot of the project (`project_to_data`) taken by a caller that saves
        from another thread; by default it is taken now. Raises ChangedOnDisk if someone else
        changed the file since it was read (their version is first kept as a copy beside it),
        unless `force` (the person chose to keep theirs as a copy and write this one over the
        version they were shown), and SaveFailed if the write fails. The file is compared with
        what was expected again immediately before it is replaced.
        """
        new = project_to_data(self.project) if data is None else data
        with self._save_lock:
            if new == self._saved_data:
                return False
            expect = self._theirs_hash if force and self._theirs_hash is not None else self._hash
            self._refuse_if_changed(expect)
            raw, version = self._text_for(new)
            try:
                refuse_read_only(self.path)  # before the backup: no .bak beside a refused file
                self._backup_once()
                atomic_write(self.path, raw, expect=expect)
            except (SaveFailed, ChangedOnDisk) as problem:
                self._forget_text()
                if isinstance(problem, ChangedOnDisk):
                    self._refuse_if_changed(expect)
                raise
            self._now_holds(raw, new, version)
            return True

    def _text_for(self, new: dict[str, Any]) -> tuple[bytes, Any]:
        """The file's bytes holding `new` (only the changed records' lines differ), and the
        new text cut into records when that is how it was made (merge_text.Version)."""
        from workbench.store.merge_text import edited_version

        opened_raw, opened_data = self._opened
        if new == opened_data:  # undone back to the file as read: write it exactly as it was
            self._forget_text()
            return opened_raw, None
        version = edited_version(self._version(), new, self._opened_text)
        if version is not None and version.text is not None:
            with self._lock:
                self._document = None
            return version.text.encode("utf-8"), version
        from workbench.store.layout import newline_of, with_newline
        from workbench.store.merge import merge_document

        doc = self._document_now()  # a layout the text-level edit can't follow: the whole document
        merge_document(doc, self._saved_data, new)
        text = self._raw.decode("utf-8")
        return with_newline(str(doc.as_string()), newline_of(text)).encode("utf-8"), None

    def _now_holds(self, raw: bytes, data: dict[str, Any], version: Any = None) -> None:
        """The file now holds `raw` (whose data is `data`; `version` is it cut into records)."""
        self._raw, self._hash, self._saved_data = raw, digest(raw), data
        self._base = (data, raw)
        self._theirs_hash = None
        with self._lock:
            self._saved_text = version

    def _refuse_if_changed(self, expect: str) -> None:
        """Raise ChangedOnDisk, keeping their version as a copy, when the file is not `expect`."""
        try:
            theirs: bytes | None = real_path(self.path).read_bytes()
        except FileNotFoundError:
            theirs = None
        except OSError as error:
            raise SaveFailed(
                self.path, f"cannot be read to check it before saving ({error.strerror}); check it"
            ) from None
        now = digest(theirs) if theirs is not None else ""
        if now == expect:
            return
        self._theirs_hash = now
        if theirs is None:
            raise ChangedOnDisk(
                self.path,
                "was deleted or moved by another program since it was opened; keep your version "
                "to write it again, or save yours as a copy",
            )
        copy = self._keep_theirs(theirs, now)
        raise ChangedOnDisk(
            self.path,
            f"was changed by another program since it was opened (their version is kept as "
            f"{copy}); reload it, keep your version, or save yours as a copy",
        )

    def keep_copy_if_changed_from(self, base: bytes) -> None:
        """Keep the file as it is on disk now as a copy beside it when it differs from `base`
        (what recovered work started from): the other version is kept before a merge."""
        try:
            now = real_path(self.path).read_bytes()
        except OSError:
            return
        if now != base:
            self.keep_theirs(now)

    def keep_theirs(self, theirs: bytes) -> str:
        """Keep `theirs`, another version of the file (one a merge is about to write over), as
        a copy beside it (once a version); returns how to name the copy in a sentence."""
        return self._keep_theirs(theirs, digest(theirs))

    def _keep_theirs(self, theirs: bytes, their_hash: str) -> str:
        """Copy the other version beside the file (else into the state directory), named by its
        digest so one version is kept once, and keep the copies there bounded (`merge_copies`);
        returns how to name it in a sentence."""
        from workbench.store.journal import state_dir
        from workbench.store.merge_copies import met_again, prune_theirs_copies, theirs_copy_name

        target = real_path(self.path)
        name = theirs_copy_name(target, their_hash)
        for folder, said in ((target.parent, f"{name} beside it"), (state_dir() / "theirs", "")):
            copy = folder / name
            try:
                if copy.exists() and digest(copy.read_bytes()) == their_hash:
                    met_again(copy)
                else:
                    folder.mkdir(parents=True, exist_ok=True)
                    atomic_write(copy, theirs, expect="")
            except (SaveFailed, ChangedOnDisk, OSError):
                continue
            prune_theirs_copies(folder, target)
            return said or str(copy)
        return "nowhere: no folder could be written"

    def save_copy(self, path: str | Path, project: Project | None = None) -> Path:
        """Write the in-memory project (or `project`, recovered work say) to a new file beside (or
        anywhere), keeping comments."""
        target = Path(path)
        if target.exists():
            raise SaveRefused(target, "already exists; choose another name")
        data = project_to_data(project if project is not None else self.project)
        doc = _merged_document(self._raw.decode("utf-8"), self._saved_data, data)
        atomic_write(target, doc.as_string().encode("utf-8"), expect="")
        return target

    def _backup_once(self) -> None:
        if self._backed_up:
            return
        backup = real_path(self.path).with_name(real_path(self.path).name + ".bak")
        try:
            atomic_write(backup, self._raw)
        except SaveFailed as problem:
            raise SaveFailed(
                self.path,
                f"could not be saved, as its backup copy {backup.name} could not be written first: "
                f"{problem.message.removeprefix('could not be saved: ')}",
            ) from None
        self._backed_up = True

    def reload(self) -> None:
        """Read the file again, dropping in-memory changes."""
        fresh = ProjectFile.load(self.path)
        with self._save_lock:
            self.project = fresh.project
            self._now_holds(fresh._raw, fresh._saved_data)
            self._opened, self._opened_text = fresh._opened, None
            self._forget_text()

    # --- merging with someone else's version (store/sync.py) -----------------------------------

    @property
    def base(self) -> tuple[dict[str, Any], bytes]:
        """The data and bytes of the file as last read or written: what the in-memory work
        started from, the base of a merge with the file as it is now. Never waits for a save
        running in the background."""
        return self._base

    def started_from(self, raw: bytes) -> None:
        """The in-memory work started from `raw` (recovered work's base), not from the file as
        read: the next save merges with the file on disk against it (as any changed-on-disk
        save does), and writes straight over the file only while it is still `raw`. Raises
        FileProblem when `raw` is not a project."""
        project = project_from_data(self.path, parse_toml(self.path, raw.decode("utf-8")))
        with self._save_lock:
            self._now_holds(raw, project_to_data(project))
            self._forget_text()

    def take_merged(self, raw: bytes, seen: bytes) -> None:
        """Write `raw`, a merge of this project with `seen` (the file on disk just before), and
        hold it. Raises ChangedOnDisk when the file changed again since `seen` was read (checked
        immediately before the replace)."""
        project = project_from_data(self.path, parse_toml(self.path, raw.decode("utf-8")))
        with self._save_lock:
            self._backup_once()
            atomic_write(self.path, raw, expect=digest(seen))
            self.project = project
            self._now_holds(raw, project_to_data(project))
            self._opened, self._opened_text = (raw, self._saved_data), None
            self._forget_text()


def mine_copy_path(original: Path, now: dt.datetime) -> Path:
    """Where a copy of the person's version goes, beside the project: `NAME.mine-STAMP.toml`."""
    return _copy_path(original, "mine", now)


def base_copy_path(original: Path, now: dt.datetime) -> Path:
    """Where a copy of the version the person's work started from goes, beside the project
    (`NAME.base-STAMP.toml`): the BASE of a `workbench merge` of their copy."""
    return _copy_path(original, "base", now)


def merged_copy_path(original: Path, now: dt.datetime) -> Path:
    """Where `workbench merge --output` of the person's copy with the project is to go, beside
    the project (`NAME.merged-STAMP.toml`), so the merge never writes into the project file."""
    return _copy_path(original, "merged", now)


def _copy_path(original: Path, mark: str, now: dt.datetime) -> Path:
    return original.with_name(f"{original.stem}.{mark}-{now:%Y%m%d-%H%M%S}{original.suffix}")


COPY_KINDS = ("theirs", "mine", "base", "merged")
"""The marks in the names of the copies the workbench keeps beside a project (`NAME.KIND-….toml`:
their version met on save, your version saved as a copy, the version your work started from, the
result of `workbench merge -o`): copies, never engagements of their own."""

SIDE_COPY_MARKS = tuple(f".{kind}-" for kind in COPY_KINDS)
"""What the names of those copies hold."""

IGNORED_COPIES = (*(f"*.{kind}-*.toml" for kind in COPY_KINDS), "*.toml.bak", ".*.tmp")
"""Patterns for the copies and back-ups the workbench leaves beside projects (for .gitignore)."""


def project_files(folder: Path) -> list[Path]:
    """The project files in a folder, without the side copies the workbench keeps there."""
    return [p for p in sorted(folder.glob("*.toml")) if not any(m in p.name for m in SIDE_COPY_MARKS)]
