"""The editing layer's share of a keystroke: one typed character as an edit (apply, merge into the
typing step) and one undo, on the 3,010-answer project. Printed against 1 ms, a sixteenth of the
keystroke-to-repaint budget. Also a new record with a fresh id (a gap, a heard quote), against
2 ms: a fresh id goes past every id the project names anywhere."""

from __future__ import annotations

from bench.common import measure, report
from bench.generate import large_project
from workbench.edits import Editor
from workbench.edits.answers import SetAnswer
from workbench.edits.capture import Hear
from workbench.edits.gaps import MoveGap, RaiseGap

BUDGET = 0.001
NEW_RECORD_BUDGET = 0.002


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
    session = project.sessions[0].id
    indicator = project.heard[0].indicator
    editor.apply(RaiseGap("Read the ids once", session=session))  # the first new id reads them all
    ok &= report(
        "large: raise a gap (a fresh id)",
        measure(lambda: editor.apply(RaiseGap("Manual deploys", session=session)), 50, setup=editor.undo),
        NEW_RECORD_BUDGET,
    )
    ok &= report(
        "large: hear a pain indicator (a fresh id)",
        measure(lambda: editor.apply(Hear(indicator, session, "We deploy by hand")), 50, setup=editor.undo),
        NEW_RECORD_BUDGET,
    )
    return ok


if __name__ == "__main__":
    main()
