"""#14 findings (fix14b): a second merge after the driver renumbered a session.

Olga and Theo each start an executive session on their branch: both get `executive-2`,
`H-e2-01`, `G-e2-01`. Merging Theo's into main renumbers his (`executive-3`, `H-e2-02`,
`G-e2-02`). Theo keeps working on his branch in HIS `executive-2`, then merges main: his later
edits must follow his session to `executive-3`, and Olga's session stays hers."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests import test_merge_git
from tests.test_merge_git import (
    FILE,
    PAIN,
    Q1,
    Q2,
    answer,
    by_id,
    data,
    git,
    on_branch,
    workbench,
)
from workbench.model.project import Project
from workbench.model.records import Attendee
from workbench.store.files import ProjectFile

template_repo = test_merge_git.template_repo  # the fixtures: a repository with the driver set up
repo = test_merge_git.repo
DAY = dt.date(2026, 12, 1)


def executive_session(name: str, blank: bool) -> Any:
    """A session with its attendees, or one with no day nor attendees, only notes: told apart
    from the other by its notes."""

    def edit(p: Project) -> None:
        if blank:
            session = p.add_session("executive")
            session.notes = f"{name}'s notes"
        else:
            session = p.add_session("executive", DAY, [Attendee(name=name, role="CFO")])
        assert session.id == "executive-2"
        p.set_answer(Q1, session.id, notes=f"{name}'s answer")
        heard = p.hear(PAIN, session.id, f"{name} heard this")
        gap = p.raise_gap(f"{name}'s gap", "model-deployment", [f"heard:{heard.id}"], session=session.id)
        assert (heard.id, gap.id) == ("H-e2-01", "G-e2-01")

    return edit


def theo_keeps_working(p: Project) -> None:
    """More work in HIS executive-2, on his branch, after main renumbered it."""
    p.set_answer(Q2, "executive-2", notes="Theo's second answer")
    heard = p.hear(PAIN, "executive-2", "Theo heard more")
    assert heard.id == "H-e2-02"
    session = p.session("executive-2")
    assert session is not None
    session.elapsed_seconds = 900
    gap = p.gap("G-e2-01")
    assert gap is not None
    gap.title = "Theo's gap, retitled"
    gap.evidence = [*gap.evidence, f"heard:{heard.id}"]


def two_sessions_then_merge_again(repo: Path, blank: bool, who: str) -> Any:
    """Olga's and Theo's sessions merged into main, Theo's renumbered; Theo works on in his,
    then merges main into his branch (`who` "theo") or Olga merges his branch into main."""
    on_branch(repo, "olga", executive_session("Olga", blank))
    on_branch(repo, "theo", executive_session("Theo", blank))
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "olga")
    first = git(repo, "merge", "--no-edit", "theo", check=False)
    assert first.returncode == 0, first.stderr
    assert answer(data(repo), Q1, "executive-3")["notes"] == "Theo's answer"
    git(repo, "checkout", "-q", "theo")
    on_branch_keep(repo, theo_keeps_working)
    if who == "olga":
        git(repo, "checkout", "-q", "main")
    return git(repo, "merge", "--no-edit", "main" if who == "theo" else "theo", check=False)


def on_branch_keep(repo: Path, edit: Any) -> None:
    """Edit the project on the branch checked out and commit."""
    file = ProjectFile.load(repo / FILE)
    edit(file.project)
    file.save()
    git(repo, "commit", "-q", "-am", "more")


@pytest.mark.parametrize("blank", [False, True], ids=["with attendees", "only notes"])
@pytest.mark.parametrize("who", ["theo", "olga"], ids=["Theo merges main", "Olga merges Theo's branch"])
def test_second_merge_after_renumbering_keeps_the_two_sessions_apart(
    repo: Path, blank: bool, who: str
) -> None:
    result = two_sessions_then_merge_again(repo, blank, who)
    assert result.returncode == 0, result.stdout + result.stderr
    side = "ours" if who == "theo" else "theirs"
    assert f"{side}' heard quote H-e2-02 is now H-e2-03" in result.stderr
    check = workbench(repo, "check", FILE)
    assert check.returncode == 0, check.stderr
    d = data(repo)
    olga, theo = by_id(d["sessions"], "executive-2"), by_id(d["sessions"], "executive-3")
    if not blank:
        assert olga["attendees"] == [{"name": "Olga", "role": "CFO"}]
        assert theo["attendees"] == [{"name": "Theo", "role": "CFO"}]
    else:
        assert (olga["notes"], theo["notes"]) == ("Olga's notes", "Theo's notes")
    assert olga.get("elapsed_seconds", 0) == 0
    assert theo["elapsed_seconds"] == 900
    assert answer(d, Q1, "executive-2")["notes"] == "Olga's answer"
    assert answer(d, Q1, "executive-3")["notes"] == "Theo's answer"
    assert answer(d, Q2, "executive-3")["notes"] == "Theo's second answer"
    assert not [a for a in d["answers"] if a["question"] == Q2 and a["session"] == "executive-2"]
    quotes = {
        h["id"]: (h["session"], h["quote"]) for h in d["heard"] if h["session"].startswith("executive-")
    }
    assert quotes["H-e2-01"] == ("executive-2", "Olga heard this")
    assert quotes["H-e2-02"] == ("executive-3", "Theo heard this")
    theo_more = [i for i, (s, q) in quotes.items() if q == "Theo heard more"]
    assert len(theo_more) == 1 and quotes[theo_more[0]][0] == "executive-3"
    gaps = {g["id"]: g for g in d["gaps"] if "-e2-" in g["id"] or "-e3-" in g["id"]}
    assert gaps["G-e2-01"]["title"] == "Olga's gap"
    assert gaps["G-e2-01"]["evidence"] == ["heard:H-e2-01"]
    assert gaps["G-e2-02"]["title"] == "Theo's gap, retitled"
    assert gaps["G-e2-02"]["evidence"] == ["heard:H-e2-02", f"heard:{theo_more[0]}"]
    assert len(gaps) == 2, gaps


def test_records_edited_on_main_after_the_renumbering_still_follow(repo: Path) -> None:
    """After main renumbered Theo's quote and gap (H-e2-02, G-e2-02), Olga corrected his quote
    and moved his gap there; Theo's own later edits must still reach them, not Olga's."""

    def olga_edits_theos(p: Project) -> None:
        heard = next(h for h in p.heard if h.id == "H-e2-02")
        heard.quote = "Theo heard this (checked)"
        gap = p.gap("G-e2-02")
        assert gap is not None
        gap.impact = 4

    on_branch(repo, "olga", executive_session("Olga", False))
    on_branch(repo, "theo", executive_session("Theo", False))
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "olga")
    assert git(repo, "merge", "--no-edit", "theo", check=False).returncode == 0
    on_branch_keep(repo, olga_edits_theos)
    git(repo, "checkout", "-q", "theo")
    on_branch_keep(repo, theo_keeps_working)
    result = git(repo, "merge", "--no-edit", "main", check=False)
    assert result.returncode == 0, result.stderr
    assert workbench(repo, "check", FILE).returncode == 0
    d = data(repo)
    quotes = {h["id"]: (h["session"], h["quote"]) for h in d["heard"] if "-e2-" in h["id"]}
    assert quotes == {
        "H-e2-01": ("executive-2", "Olga heard this"),
        "H-e2-02": ("executive-3", "Theo heard this (checked)"),
        "H-e2-03": ("executive-3", "Theo heard more"),
    }
    olga, theo = by_id(d["gaps"], "G-e2-01"), by_id(d["gaps"], "G-e2-02")
    assert (olga["title"], olga["evidence"]) == ("Olga's gap", ["heard:H-e2-01"])
    assert (theo["title"], theo["impact"]) == ("Theo's gap, retitled", 4)
    assert theo["evidence"] == ["heard:H-e2-02", "heard:H-e2-03"]
    assert by_id(d["sessions"], "executive-3")["elapsed_seconds"] == 900


def test_a_renumbered_session_keeps_the_tag_its_records_carry(repo: Path) -> None:
    """#14 fix14b 2: `executive-3` (Theo's, renumbered from `executive-2`) holds `H-e2-02`,
    `H-e2-03` and `G-e2-02`: its next ids carry `e2` too, not `e3`."""
    result = two_sessions_then_merge_again(repo, False, "theo")
    assert result.returncode == 0, result.stderr
    project = Project.model_validate(data(repo))
    assert project.session_tags()["executive-3"] == "e2"
    assert project.hear(PAIN, "executive-3", "later").id == "H-e2-04"
    assert project.raise_gap("Later", session="executive-3").id == "G-e2-03"
    assert project.session_tags()["executive-2"] == "e2"
    assert project.hear(PAIN, "executive-2", "Olga, later").id == "H-e2-05"


def broken_toml(text: str) -> str:
    return text.replace('name = "Harbour', "name = Harbour", 1)


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (("merge", "--no-edit", "broken"), "the version from the branch being merged in"),
        (("rebase", "broken"), "the version on the branch you are rebasing onto"),
    ],
    ids=["merge", "rebase"],
)
def test_a_bad_side_is_named_by_the_project_path_and_the_right_side(
    repo: Path, command: tuple[str, ...], words: str
) -> None:
    """#14 fix14b 5: the message named git's temporary file (`.merge_file_kaXtvo`, gone by then)
    and, during a rebase, called the branch rebased onto "our version, on the current branch"."""
    on_branch(repo, "broken", broken_toml, text=True)
    on_branch(repo, "fine", lambda p: p.raise_gap("Fine", "model-training"))
    result = git(repo, *command, check=False)
    lines = [line for line in result.stderr.splitlines() if line.startswith("workbench:")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"workbench: {FILE} ({words}), line "), lines[0]
    assert ".merge_file_" not in lines[0] and "nothing was written" in lines[0]


def test_git_setup_in_a_subfolder_sets_the_driver_for_its_projects(tmp_path: Path) -> None:
    """#14 fix14b 4: run in clients/acme/ (projects/ inside it), git-setup wrote
    `projects/*.toml merge=workbench` to the root .gitattributes, said it worked, and git did not
    use the driver there (`git check-attr` said unspecified)."""
    repo = tmp_path / "repo"
    folder = repo / "clients" / "acme"
    (folder / "projects").mkdir(parents=True)
    shutil.copyfile(test_merge_git.EXAMPLE, folder / FILE)
    git(repo, "init", "-q", "-b", "main")
    setup = workbench(folder, "git-setup")
    assert setup.returncode == 0, setup.stderr
    assert "clients/acme/projects/*.toml merge=workbench" in (repo / ".gitattributes").read_text()
    said = git(repo, "check-attr", "merge", "--", "clients/acme/projects/example.toml").stdout
    assert said.strip().endswith("merge: workbench"), said
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    for branch, title in (("theirs", "Theirs"), ("ours", "Ours")):  # both raise G-009
        git(repo, "checkout", "-q", "-B", branch, "main")
        file = ProjectFile.load(folder / FILE)
        file.project.raise_gap(title, "model-training")
        file.save()
        git(repo, "commit", "-q", "-am", branch)
    merged = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert merged.returncode == 0, merged.stderr
    assert "theirs' gap G-009 is now G-010" in merged.stderr
    assert workbench(folder, "check", FILE).returncode == 0


def test_git_setup_says_so_when_git_would_not_use_the_driver(tmp_path: Path) -> None:
    """A .gitattributes in the folder that turns merging off for the projects wins over the
    root's line: git-setup checks with `git check-attr` before saying it worked."""
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    setup = workbench(repo, "git-setup")
    assert setup.returncode == 0, setup.stderr
    (repo / "projects" / ".gitattributes").write_text("*.toml merge=text\n")
    again = workbench(repo, "git-setup")
    assert again.returncode == 1
    # #14 fix14c 5: it named a made-up projects/a.toml, not the file that overrides the driver
    assert again.stderr == (
        "workbench: git does not use the driver for projects/*.toml here (their merge attribute is "
        "text): a line in projects/.gitattributes overrides it; remove that line and run git-setup again\n"
    )
    assert "git will merge" not in again.stdout


def test_git_setup_where_no_projects_are_says_where_they_are(tmp_path: Path) -> None:
    """#14 fix14c 5: run in a subfolder without projects/, git-setup registered
    `sub/projects/*.toml` and said it was done; it now says where, and that no project file is
    there, and where the project files are."""
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    (repo / "sub").mkdir()
    shutil.copyfile(test_merge_git.EXAMPLE, repo / FILE)
    git(repo, "init", "-q", "-b", "main")
    setup = workbench(repo / "sub", "git-setup")
    assert setup.returncode == 0, setup.stderr
    assert "git will merge sub/projects/*.toml with `workbench merge`" in setup.stdout
    assert setup.stderr == (
        "workbench: no project file matches sub/projects/*.toml yet; the project files in this "
        "repository are under the repository's root: run git-setup there\n"
    )
    at_root = workbench(repo, "git-setup")
    assert at_root.returncode == 0 and at_root.stderr == ""
    assert "git will merge projects/*.toml" in at_root.stdout
