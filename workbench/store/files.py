"""A project file on disk: fast read, lazy round-trip document, guarded atomic save."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import tomlkit
from pydantic import ValidationError

from workbench.model.project import SCHEMA_VERSION, Project
from workbench.problems import FileProblem, validation_problem
from workbench.store.atomic import SaveFailed, atomic_write, real_path
from workbench.store.merge import merge_document
from workbench.store.serialize import project_to_data
from workbench.store.tomltext import decode_toml, parse_toml


class ChangedOnDisk(FileProblem):
    """The file changed on disk since it was read; saving would overwrite someone's work."""


class SaveRefused(FileProblem):
    """The file must not be written (unreadable, newer schema…)."""


def digest(data: bytes) -> str:
    """Content hash used to notice changes made by someone else."""
    return hashlib.sha256(data).hexdigest()


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
        return Project.model_validate(data)
    except ValidationError as error:
        raise validation_problem(path, error) from None


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
    data = parse_toml(path, decode_toml(path, raw))
    return raw, project_from_data(path, data)


class ProjectFile:
    """One project file: the model shown, plus what is needed to save it without loss."""

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
        self._document: Any = None
        self._lock = threading.Lock()
        self._backed_up = False

    @classmethod
    def load(cls, path: str | Path) -> ProjectFile:
        """Read with tomllib and validate; a FileProblem names the file and the place."""
        path = Path(path)
        raw, project = _read(path)
        return cls(path, project, raw)

    @classmethod
    def create(cls, path: str | Path, project: Project, header: str = "") -> ProjectFile:
        """Write a new project file (refusing to replace one) and return it."""
        path = Path(path)
        if path.exists():
            raise SaveRefused(path, "already exists; choose another name")
        doc = tomlkit.parse(header)
        merge_document(doc, {}, project_to_data(project))
        raw = doc.as_string().encode("utf-8")
        atomic_write(path, raw)
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

    def prepare(self) -> None:
        """Build the round-trip document now (call from a background thread after opening)."""
        self._document_now()

    def _document_now(self) -> Any:
        with self._lock:
            if self._document is None:
                self._document = tomlkit.parse(self._raw.decode("utf-8"))
            return self._document

    # --- saving ------------------------------------------------------------------------

    def save(self, force: bool = False) -> bool:
        """Write changes atomically. Returns False when there was nothing to write.

        Raises ChangedOnDisk if someone else changed the file since it was read, unless
        `force` (the person chose to keep their version), and SaveFailed if the write fails.
        """
        new = project_to_data(self.project)
        if new == self._saved_data:
            return False
        if not force and self.changed_on_disk():
            raise ChangedOnDisk(
                self.path,
                "was changed by another program since it was opened; reload it, keep your "
                "version, or save yours as a copy",
            )
        opened_raw, opened_data = self._opened
        if new == opened_data:  # undone back to the file as read: write it exactly as it was
            raw = opened_raw
            with self._lock:
                self._document = None
        else:
            doc = self._document_now()
            merge_document(doc, self._saved_data, new)
            raw = doc.as_string().encode("utf-8")
        try:
            self._backup_once()
            atomic_write(self.path, raw)
        except SaveFailed:
            with self._lock:
                self._document = None
            raise
        self._raw, self._hash, self._saved_data = raw, digest(raw), new
        return True

    def save_copy(self, path: str | Path) -> Path:
        """Write the in-memory project to a new file beside (or anywhere), keeping comments."""
        target = Path(path)
        if target.exists():
            raise SaveRefused(target, "already exists; choose another name")
        doc = tomlkit.parse(self._raw.decode("utf-8"))
        merge_document(doc, self._saved_data, project_to_data(self.project))
        atomic_write(target, doc.as_string().encode("utf-8"))
        return target

    def _backup_once(self) -> None:
        if self._backed_up:
            return
        backup = real_path(self.path).with_name(real_path(self.path).name + ".bak")
        atomic_write(backup, self._raw)
        self._backed_up = True

    def reload(self) -> None:
        """Read the file again, dropping in-memory changes."""
        fresh = ProjectFile.load(self.path)
        self.project, self._raw, self._hash = fresh.project, fresh._raw, fresh._hash
        self._saved_data, self._opened = fresh._saved_data, fresh._opened
        with self._lock:
            self._document = None

    # --- merging with someone else's version (store/sync.py) -----------------------------------

    @property
    def base(self) -> tuple[dict[str, Any], bytes]:
        """The data and bytes of the file as last read or written: what the in-memory work
        started from, the base of a merge with the file as it is now."""
        return self._saved_data, self._raw

    def take_merged(self, raw: bytes, seen: bytes) -> None:
        """Write `raw`, a merge of this project with `seen` (the file on disk just before), and
        hold it. Raises ChangedOnDisk when the file changed again since `seen` was read."""
        project = project_from_data(self.path, parse_toml(self.path, raw.decode("utf-8")))
        if not self._on_disk_is(seen):
            raise ChangedOnDisk(self.path, "changed again while it was being merged; merging again")
        self._backup_once()
        atomic_write(self.path, raw)
        self.project, self._raw, self._hash = project, raw, digest(raw)
        self._saved_data = project_to_data(project)
        self._opened = (raw, self._saved_data)
        with self._lock:
            self._document = None

    def _on_disk_is(self, expected: bytes) -> bool:
        try:
            return real_path(self.path).read_bytes() == expected
        except OSError:
            return False
