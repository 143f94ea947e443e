"""An inline answer keeps its spacing when it is edited, and a new inline record takes the
file's spacing (#13 walkthrough, fe13b 4): `current = 1, target = 4}` lost the space before the
brace, and a new record was written `{question = …}` in a file of `{ question = … }`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.test_layouts import saved_with
from workbench.model.project import Project
from workbench.model.records import Answer

TAIL = '\n[project]\nname = "Inline"\n\n[[sessions]]\nid = "exec-1"\ntemplate = "executive"\n'


def answers(pad: str, one_line: bool = False) -> str:
    rows = [
        f'{{{pad}question = "discovery:a.q-1", session = "exec-1", current = 2, target = 4{pad}}}',
        f'{{{pad}question = "discovery:a.q-2", session = "exec-1", notes = "two", current = 3{pad}}}',
    ]
    if one_line:
        return f"schema_version = 1\nanswers = [{', '.join(rows)}]\n" + TAIL
    return "schema_version = 1\nanswers = [\n" + "".join(f"    {row},  # c\n" for row in rows) + "]\n" + TAIL


def current_1(project: Project) -> None:
    project.answers[0].current = 1


def target_3(project: Project) -> None:
    project.answers[0].target = 3


def no_target(project: Project) -> None:
    project.answers[0].target = None


def noted(project: Project) -> None:
    project.answers[0].notes = "said so"


def new_after(project: Project) -> None:
    project.answers.append(Answer(question="discovery:a.q-9", session="exec-1", current=1))


def new_first(project: Project) -> None:
    project.answers.insert(0, Answer(question="discovery:a.q-0", session="exec-1", current=1))


@pytest.mark.parametrize("pad", [" ", ""])
@pytest.mark.parametrize("one_line", [False, True])
@pytest.mark.parametrize("change", [current_1, target_3, no_target, noted, new_after, new_first])
def test_every_inline_answer_keeps_the_files_spacing(
    pad: str, one_line: bool, change: Callable[[Project], None]
) -> None:
    after = saved_with(answers(pad, one_line), change)
    tables = [
        line for line in after.split("[project]")[0].replace("}, {", "}\n{").splitlines() if "{" in line
    ]
    assert len(tables) in (2, 3)
    for table in tables:
        inside = table[table.index("{") + 1 : table.rindex("}")]
        assert inside.startswith(f"{pad}question") and inside.endswith(pad) and not inside.endswith(f"{pad} ")
    if one_line:
        assert "},{" not in after and f"}}, {{{pad}question" in after
