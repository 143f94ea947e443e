"""The editing layer's share of a keystroke: one typed character as an edit (apply, merge into the
typing step) and one undo, on the 3,010-answer project. Printed against 1 ms, a sixteenth of the
keystroke-to-repaint budget."""

from __future__ import annotations

from bench.common import measure, report
from bench.generate import large_project
from workbench.edits import Editor
from workbench.edits.answers import SetAnswer
from workbench.edits.gaps import MoveGap

BUDGET = 0.001


def main() -> bool:
    project = large_project()
    editor = Editor(lambda: project)
    answer = project.answers[-1]
    typed = [answer.notes]

    def keystroke() -> None:
        typed.append(typed[-1] + "x")
        editor.apply(SetAnswer(answer.question, answer.session, {"notes": typed[-1]}))

    ok = report("large: a typed character through the editing layer", measure(keystroke, 200), BUDGET)
    gap = project.gaps[0].id

    def move_and_undo() -> None:
        editor.apply(MoveGap(gap, impact_delta=1 if project.gaps[0].impact < 5 else -1))
        editor.undo()

    ok &= report("large: move a gap and undo it", measure(move_and_undo, 200), BUDGET)
    return ok


if __name__ == "__main__":
    main()
