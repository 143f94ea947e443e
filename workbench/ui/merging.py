"""Merging the open project with its file on disk, in the app: silently when the two sides'
edits don't overlap, one dialog question per conflict when they do (store/sync merges)."""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.model.project import Project
from workbench.problems import FileProblem
from workbench.store.atomic import atomic_write
from workbench.store.files import base_copy_path, merged_copy_path, mine_copy_path
from workbench.store.journal import clear_journal
from workbench.store.merge3 import Choice, Path, ask_nobody
from workbench.store.merge_text import MergeResult
from workbench.store.merge_words import RECOVERED, Names, capital, in_words_of, renumbering
from workbench.store.sync import merge_with_disk
from workbench.ui.modals.merge_modal import CHANGED_ON_DISK, MergeModal, MergeWording
from workbench.ui.safe import one_line

if TYPE_CHECKING:
    from workbench.ui.app import WorkbenchApp


RESTORING = MergeWording(
    "Restoring unsaved work",
    "Changed both in your recovered work and in the file now; the rest is merged. Keep which?",
    RECOVERED,
    "File now",
    "Recovered",
)
"""Unsaved work from the journal meets the file as it is now."""


@dataclass
class DiskMerge:
    """One merge of the open project (or recovered work) with the file as it is on disk."""

    app: WorkbenchApp
    work: Project | None = None
    """Recovered work to merge; the open project when None."""
    base: tuple[dict[str, Any], bytes] | None = None
    """What the work started from; the file as last read or written when None."""
    wording: MergeWording = CHANGED_ON_DISK
    """How the dialog speaks of this merge."""
    done: str = "Merged with the changes saved to the file meanwhile."
    """Said when the merge is written."""
    ask: bool = True
    """Open the dialog for conflicts; False for a background save, which says so once and leaves
    them to the next ctrl+s (the dialog opening under the typing took letters as its keys)."""
    on_fail: Callable[[FileProblem | None], None] | None = None
    """Called when the merge can't be written: with the problem (the file on disk no longer
    reads, the write failed), or None when the merge would not pass check (`refused` says why)."""
    refused: str = ""
    """Why the merge would not pass check, in the reader's words ('' when it would)."""

    def run(self, choices: dict[Path, Choice] | None = None) -> bool:
        """Merge; write it when nothing is in conflict (True), otherwise ask and merge again."""
        workspace = self.app.workspace
        if workspace is None:
            return False
        workspace.clock.flush(workspace.session)
        chosen = dict(choices or {})
        try:
            choose = chosen.get if chosen else ask_nobody
            result = merge_with_disk(workspace.file, choose, self.work, self.base)
        except FileProblem as problem:
            self._failed(problem)
            return False
        refused = next((c.note for c in result.conflicts if c.path == ("check",)), None)
        if refused is not None:
            self.refused = in_words_of(refused, self.wording.sides)
            self._failed(None)
            return False
        if result.conflicts and not self.ask:
            self._wait(len(result.conflicts))
            return False
        if result.conflicts:
            if self.work is None and workspace.unsettled != "changed on disk":  # (after Stop too)
                workspace.unsettled = "changed on disk"
                self.app.refresh_status()
            self.app.conflict_open = True
            workspace.merging = True
            self.app.refresh_status()
            names, evidence = self._names(result), self._evidence(result)
            modal = MergeModal(str(workspace.file.path), result.conflicts, self.wording, names, evidence)
            # the dialog says what the "Not saved yet" notice said: the notice goes, not drawn
            # over the dialog's box (#13 walkthrough: over its notes column at 120x36)
            self.app.withdraw_unsettled()
            self.app.push_screen(modal, lambda more: self._chosen(chosen, more))
            return False
        self._merged(result)
        return True

    def _wait(self, count: int) -> None:
        """Conflicts met by a background save: said once; they wait for the next ctrl+s."""
        fields = f"{count} field{'s' if count != 1 else ''}"
        self.app.unsettle(
            "changed on disk",
            f"The file was changed on disk too: {fields} changed both here and there. Your work is "
            "kept here and in the journal; save (ctrl+s) to choose what to keep.",
        )

    def _evidence(self, result: MergeResult) -> Callable[[str], str] | None:
        """Evidence links in words, looked up in the merge (records either side added are in it),
        else in the open project."""
        workspace = self.app.workspace
        if workspace is None:
            return None
        from pydantic import ValidationError

        from workbench.analysis.evidence_words import evidence_sentence

        try:
            project = Project.model_validate(result.data)
        except ValidationError:
            project = workspace.project
        return lambda link: evidence_sentence(project, workspace.catalogue, link, workspace.currency())

    def _names(self, result: MergeResult) -> Names:
        """Names for the dialog: records found in the merge (a deleted one in its conflict),
        questions and session templates from the open project's banks."""
        workspace = self.app.workspace
        deleted = [
            {c.path[0]: [v for v in (c.base, c.ours, c.theirs) if isinstance(v, dict)]}
            for c in result.conflicts
            if len(c.path) == 2
        ]
        catalogue = workspace.catalogue if workspace is not None else None
        return Names(
            [result.data, *deleted],
            {ref: q.text for ref, q in catalogue.questions.items()} if catalogue else {},
            {tid: t.title for tid, t in catalogue.templates.items()} if catalogue else {},
            answer_keys=False,  # a person knows an answer by its question and session
        )

    def _chosen(self, chosen: dict[Path, Choice], more: dict[Path, Choice] | None) -> None:
        self.app.conflict_open = False
        if self.app.workspace is not None:
            self.app.workspace.merging = False
            self.app.refresh_status()
        if more is None and self.work is not None:
            self._keep_recovered_copy(self.work)
            return
        if more is None:
            self.app.unsettle("changed on disk", toast=False)  # autosave waits for the next ctrl+s
            self.app.notify(
                "Not saved yet: your work is kept here and in the journal. Save (ctrl+s) to "
                "settle the conflicts.",
                timeout=8,
            )
            return
        self.run({**chosen, **more})

    def _keep_recovered_copy(self, work: Project) -> None:
        """Restoring stopped at a conflict: the recovered work is written beside the project as
        `NAME.mine-STAMP.toml`, so nothing typed is lost while the project shows the file as it
        is now. The journal then holds nothing the copy lacks: it is cleared, so the next start
        does not offer the same work again (and write another copy)."""
        workspace = self.app.workspace
        if workspace is None:
            return
        path, now = workspace.file.path, dt.datetime.now()
        target, started = mine_copy_path(path, now), base_copy_path(path, now)
        try:
            workspace.file.save_copy(target, work)
            atomic_write(started, (self.base or workspace.file.base)[1], expect="")
        except FileProblem as problem:
            self.app.notify(
                f"Not restored, and the copy could not be written ({problem}); your work stays in "
                "the journal and is offered again at the next start.",
                severity="error",
                markup=False,
                timeout=12,
            )
            return
        clear_journal(path)
        merged = merged_copy_path(path, now)
        self.app.notify(
            f"Not restored: your recovered work is kept as {target.name} beside the project, and "
            f"the version it started from as {started.name}. To merge it with the file as it is "
            f"now, run there: workbench merge {shlex.quote(started.name)} {shlex.quote(path.name)} "
            f"{shlex.quote(target.name)} -o {shlex.quote(merged.name)} (the result, conflicts "
            f"marked, goes to that new file; {path.name} is not changed). The project shows the "
            "file as it is now.",
            markup=False,
            timeout=12,
        )

    def _failed(self, problem: FileProblem | None) -> None:
        if self.on_fail is not None:
            self.on_fail(problem)

    def _merged(self, result: MergeResult) -> None:
        app, workspace = self.app, self.app.workspace
        if workspace is None:
            return
        clear_journal(workspace.file.path)
        app.recovered_unsaved = False
        app.settled()
        workspace.editor.replaced(
            "merged with the file on disk",
            saved=True,
            ends=f"Undo history ends at the merge with the version on disk at {dt.datetime.now():%H:%M}.",
        )
        app.refresh_status()
        app.refresh_panes()
        message = self.done
        if result.kept:
            message += f" The file's version before the merge is kept as {one_line(result.kept)}."
        renumbered = renumbering(result.renumbered, result.made_room, self.wording.sides)
        if renumbered:
            message += " " + capital("; ".join(renumbered)) + "."
        app.notify(message, markup=False, timeout=8)
