"""The editing layer: every change a person makes to a Project is one named, undoable edit.

No textual here; the UI calls `Editor.apply(edit)` and listens for `Changed`.

How it fits together:
- `changes.py`: three primitives, `SetFields`, `Insert`, `Remove`. Applying one returns its
  inverse, so undo and redo are exact (fields that were unset stay unset, records go back where
  they were).
- `history.py`: `Edit` (the base of every named edit) and `History` (undo and redo stacks,
  merging of consecutive typing, a state number per project state).
- `editor.py`: `Editor`, the one path: applies edits, bumps `revision`, knows `unsaved`, and
  tells its listeners once per change.
- One module per part of the project: `answers`, `capture` (heard, metrics), `gaps`,
  `mappings`, `plan` (plan items, next steps), `sessions`.

Adding an edit (one small class):

    @dataclass
    class TickNextStep(Edit):
        step_id: str

        @property
        def name(self) -> str:            # shown as "Undo: tick N-2"
            return f"tick {self.step_id}"

        def changes(self, project: Project) -> list[Change]:
            step = project.next_step(self.step_id)
            if step is None:
                raise EditRefused(f"there is no next step {self.step_id}")
            return [SetFields("next_steps", step.id, {"done": not step.done})]

`changes` only describes; it never writes to the project. Return `[]` when nothing would change
(no step is recorded). Use `set_fields(...)` to skip values that are already set. Raise
`EditRefused` with one sentence when the edit cannot be made. Give a `merge_key` property when
consecutive edits should undo together (typing: see `words.typing_key`). Business rules (pilot
sizing, which evidence a question gives a gap) live in the edit, not in a widget. Add a unit test
of the edit and its undo in `tests/test_edits.py`.
"""

from workbench.edits.changes import Change, Insert, Remove, SetFields, set_fields
from workbench.edits.editor import Changed, Editor
from workbench.edits.history import Edit, EditRefused, History

__all__ = [
    "Change",
    "Changed",
    "Edit",
    "EditRefused",
    "Editor",
    "History",
    "Insert",
    "Remove",
    "SetFields",
    "set_fields",
]
