"""What screens show, found by walkthroughs and snapshot review (#12 fresh-eyes 8 and #17): each test
asserts on what a person sees (footer, dropdown, matrix, table, chart) and failed before its fix."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Select

from tests.helpers import ready, until
from tests.test_dialogs import keys
from tests.test_keyboard_model import SECOND, answers, burst
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.key_footer import KeyFooter
from workbench.ui.widgets.matrix import Matrix


def footer_text(app) -> str:  # type: ignore[no-untyped-def]
    """The footer of the screen on top (a dialog has its own)."""
    return str(app.screen.query_one(KeyFooter).render().plain)


def lines_of(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_the_session_dialog_footer_names_its_action(example: Path, make_app) -> None:
    """F6's primary button acts on the session highlighted as it opens, the one in use ('Stay in
    ml-1'; 'Start session' from the new session's fields): the footer said '^s Save'."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await keys(pilot, "f6")
        assert await until(pilot, lambda: app.screen.query("#start"))
        await pilot.pause()
        shown = footer_text(app)
        assert "^s Stay in ml-1" in shown, shown
        assert " Save " not in shown, shown


async def test_an_empty_matrix_has_no_stray_mark(tmp_path: Path, make_app) -> None:
    """A project with no gaps drew a lone '·' in the top-left cell."""
    path = tmp_path / "empty.toml"
    path.write_text('schema_version = 1\n[project]\nname = "Empty engagement"\n')
    app = make_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await keys(pilot, "f3")
        matrix = app.screen.query_one(Matrix)
        assert await until(pilot, lambda: matrix.size.height > 10)
        grid = lines_of(matrix)
        assert not any("·" in line for line in grid), grid
        assert "quick wins" in grid[1].lower(), grid[1]  # the corner's name shows where the dot was


async def test_an_unanswered_question_says_so(example: Path, make_app) -> None:
    """With the unanswered filter the status dropdown said 'answered' of an unanswered question
    (its default when blank). ctrl+o from it records 'needs follow-up' ('answered' alone records
    nothing), and the dropdown shows what was recorded."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.navigator.question_tree.focus()
        await burst(pilot, "u")
        assert await until(pilot, lambda: capture.panel.ref == SECOND)
        status = app.screen.query_one("#q-status", Select)
        assert await until(pilot, lambda: "not answered yet" in app.export_screenshot().replace("&#160;", " "))
        assert status.is_blank()
        await burst(pilot, "ctrl+o", "ctrl+s")
        assert await until(pilot, lambda: status.value == "follow-up" and not app.workspace.unsaved)
    assert answers(example)[SECOND]["status"] == "follow-up"


async def test_ask_whom_is_not_drawn_under_the_confidence_dropdown(example: Path, make_app) -> None:
    """At 80×24 'ask whom?' sat between the two dropdowns, squeezed to one column, and the
    confidence dropdown was drawn over it."""
    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.navigator.question_tree.focus()
        await burst(pilot, "u", "ctrl+o")  # not answered yet → needs follow-up
        status = app.screen.query_one("#q-status", Select)
        detail = app.screen.query_one("#q-status-detail")
        assert await until(pilot, lambda: status.value == "follow-up" and detail.display)
        await pilot.pause()
        confidence = app.screen.query_one("#q-confidence").region
        assert detail.region.width >= 20, detail.region
        assert not detail.region.overlaps(confidence), (detail.region, confidence)
        assert confidence.right <= capture.panel.region.right, (confidence, capture.panel.region)


async def test_ranked_gap_ids_are_never_cut(example: Path, make_app) -> None:
    """A gap raised in a session is G-m1-01: after the terminal was wider the table kept its old
    widths and cut columns, and at 80 columns the matrix showed `G-m1-` (then `m1-01`; now a cell
    too narrow for the id counts it, `+1`, fix12l)."""
    app = make_app(example)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        capture = app.screen.query_one(CapturePane)
        capture.navigator.question_tree.focus()
        await burst(pilot, "ctrl+g")
        assert await until(pilot, lambda: app.screen.query("#gap-title"))
        await burst(pilot, "Serving platform unknown", "ctrl+s")
        assert await until(pilot, lambda: app.workspace.project.gap("G-m1-01") is not None)
        await keys(pilot, "f3")
        table = app.screen.query_one("#ranked", DataTable)
        for size in [(120, 36), (80, 24), (160, 48), (120, 36)]:
            await pilot.resize_terminal(*size)
            assert await until(pilot, lambda size=size: app.screen.size == size and table.row_count == 11)
            await pilot.pause()
            shown = "\n".join(lines_of(table))
            assert "G-m1-01" in shown, (size, shown)
            assert table.virtual_size.width <= table.scrollable_content_region.width, size
        await pilot.resize_terminal(80, 24)
        matrix = app.screen.query_one(Matrix)
        assert await until(pilot, lambda: any("+1" in line.split() for line in lines_of(matrix)))
        words = [word for line in lines_of(matrix) for word in line.split()]
        assert not any("m1" in word for word in words), words


def test_maturity_bars_use_the_width_of_a_narrow_side(example: Path) -> None:
    """At 80×24 the side is about 40 columns: the bars, then and now or current and target, were 5
    cells wide beside the area names. The names now go above their bars, which take the width."""
    from tests.conftest import TODAY
    from tests.test_milestones import save_milestone
    from workbench.analysis.maturity import area_maturity
    from workbench.analysis.milestones import compare, find_milestone, snapshot
    from workbench.banks import load_catalogue
    from workbench.store.files import ProjectFile
    from workbench.ui.widgets.maturity_chart import change_chart, maturity_chart

    catalogue = load_catalogue(example)
    project = ProjectFile.load(example).project
    save_milestone(project, catalogue, "baseline", TODAY)
    before = find_milestone(project, catalogue, "baseline", TODAY)
    diff = compare(before, snapshot(project, catalogue, "now", TODAY), catalogue)
    for chart in (maturity_chart(area_maturity(project, catalogue), 40), change_chart(diff, 40)):
        lines = chart.plain.splitlines()
        scale = lines[0].strip()
        assert scale.startswith("1") and scale.endswith("5") and len(scale) >= 15, lines[0]
        assert all(len(line) <= 40 for line in lines), lines
        assert "Model Deployment & Serving" in lines, lines  # the name whole, on its own line


async def test_the_picker_wraps_each_project_under_its_name(tmp_path: Path, monkeypatch, make_app) -> None:  # type: ignore[no-untyped-def]
    """At 80×24 a project's facts and a broken file's reason wrapped back to column 0, and a long
    engagement name wrapped under the file name."""
    import shutil

    from textual.widgets import OptionList

    from tests.conftest import EXAMPLE

    folder = tmp_path / "projects"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "example.toml")
    shutil.copyfile(EXAMPLE, folder / "a-rather-long-client-name-engagement-2026-second-phase.toml")
    (folder / "broken.toml").write_text('schema_version = 1\n[project]\nname = "Broken\n')
    monkeypatch.chdir(tmp_path)
    app = make_app(None, projects_dir=Path("projects"))
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.screen.query_one("#projects", OptionList)
        assert await until(pilot, lambda: listing.option_count == 4 and listing.size.width > 0)
        await pilot.pause()
        room = listing.scrollable_content_region.width
        for option in listing.options:
            first, *rest = str(option.prompt).split("\n")
            assert len(first) <= room, first
            for line in rest:
                assert line.startswith("  ") and len(line) <= room, (line, room)


async def test_confirmations_go_on_the_top_line_not_over_the_notes(example: Path, make_app, clock) -> None:  # type: ignore[no-untyped-def]
    """Each score and each undo put a toast at the bottom right, over the notes being typed into,
    and they piled up. A confirmation now shows on the header line, one at a time."""
    from tests.test_keyboard_model import at_first_question
    from workbench.ui.widgets.header import WorkbenchHeader

    app = make_app(example)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        capture = await at_first_question(pilot)
        header = app.screen.query_one(WorkbenchHeader)
        await burst(pilot, "3", "4", "ctrl+shift+up")
        assert await until(pilot, lambda: "Target maturity" in header.status_line().plain)
        await burst(pilot, "ctrl+z")
        assert await until(pilot, lambda: "Undone:" in header.status_line().plain)
        await pilot.pause()
        assert not app.screen.query("Toast")
        assert "Harbour & Pine" not in header.status_line().plain  # the notice stands in for the names
        clock.now += 5  # a few seconds later it is gone
        assert await until(pilot, lambda: "Harbour & Pine" in header.status_line().plain)
        app.notify("The file could not be saved.", severity="warning")  # a warning stays a toast
        assert await until(pilot, lambda: app.screen.query("Toast"))
        await pilot.pause()
        notes = capture.query_one("#q-notes").region
        for toast in app.screen.query("Toast"):
            assert not toast.region.overlaps(notes), (toast.region, notes)


async def test_at_80_columns_the_highlighted_question_is_shown_whole(example: Path, make_app) -> None:
    """The tree cuts questions at about 26 characters at 80×24; the highlighted one is shown whole
    beside it, as the highlight moves (no Enter needed)."""
    from tests.test_keyboard_model import at_first_question

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await at_first_question(pilot)
        await burst(pilot, "down", "down", "down")
        ref = capture.navigator.highlighted()
        question = app.workspace.catalogue.questions[ref].text
        tree_lines = lines_of(capture.navigator.question_tree)
        assert not any(question in line for line in tree_lines)  # cut in the tree
        shown = app.screen.query_one("#q-text")
        assert len(question) > 40
        # Whole while browsing (the tree has the keyboard): cut to two lines only while the notes
        # are typed in and the room is short.
        assert await until(pilot, lambda: shown_whole(shown, question))


def shown_whole(shown, question: str) -> bool:  # type: ignore[no-untyped-def]
    """The widget's last words are the question's, all of them (after a 'Pain indicator:')."""
    return question.split() == " ".join(lines_of(shown)).split()[-len(question.split()) :]


NOTES_ROWS = 5
"""The notes editor's usable rows (its min-height in workbench.tcss)."""


async def test_at_80x24_the_notes_keep_their_rows_while_typing(example: Path, make_app) -> None:
    """Shown whole while browsing, the question goes back to two lines as the notes take the
    keyboard: at 80x24 the notes keep their rows in sight under it while typing, on the session's
    longest question with both maturities' rubric lines shown."""
    from tests.test_keyboard_model import at_first_question

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await at_first_question(pilot)
        catalogue = app.workspace.catalogue
        session = app.workspace.session
        refs = catalogue.template_refs(session.template)
        plain = [r for r in refs if catalogue.questions[r].kind == "question"]
        longest = max(plain, key=lambda r: len(catalogue.questions[r].text))
        capture.jump_to(longest)
        notes = capture.query_one("#q-notes")
        assert await until(pilot, lambda: app.screen.focused is notes)
        await burst(pilot, "ctrl+up", "ctrl+up", "ctrl+shift+up", "ctrl+shift+up", "ctrl+shift+up")
        await burst(pilot, *"we rebuild the images by hand")
        assert await until(pilot, lambda: str(notes.text).endswith("by hand"))
        await pilot.pause()
        panel, head = capture.panel, capture.query_one("#q-head")
        assert len(lines_of(capture.query_one("#q-text"))) <= 2
        top, bottom = head.region.bottom, panel.region.bottom
        in_sight = [y for y in range(notes.region.y, notes.region.bottom) if top <= y < bottom]
        assert len(in_sight) >= NOTES_ROWS, (notes.region, head.region, panel.region)
        await pilot.press("escape")  # back to the tree: the question is whole again
        question = catalogue.questions[longest].text
        shown = capture.query_one("#q-text")
        assert await until(pilot, lambda: shown_whole(shown, question))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    saved = answers(example, session.id)[longest]
    assert saved["notes"].endswith("we rebuild the images by hand"), saved
    assert (saved["current"], saved["target"]) == (2, 3), saved


async def test_at_80x24_the_session_line_in_the_tree_fits(example: Path, make_app) -> None:
    """#12: at 80x24 the tree's session line was cut at the pane's edge, mid-title ('…: ML
    Engineering Team' while browsing, '…: ML' while typing the notes). It says the core count
    in shorter words there, and cuts the title only with an ellipsis."""
    from tests.test_keyboard_model import at_first_question
    from workbench.ui.widgets.navigator import CORE_MARK

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        capture = await at_first_question(pilot)
        catalogue = app.workspace.catalogue
        session = app.workspace.session
        title = catalogue.templates[session.template].title
        core = len(catalogue.core_refs(session.template))
        tree = capture.navigator.question_tree

        def session_line() -> str:
            tree.scroll_home(animate=False, immediate=True)
            return lines_of(tree)[0].rstrip()

        def fits(line: str) -> bool:
            """The count and the whole title, or the title's first words and an ellipsis."""
            lead, _, said = line.partition(f"/{core}")
            said = said.removeprefix(")").removeprefix(":").strip()
            if f"{CORE_MARK} " not in lead or not said:
                return False
            return said == title or (said.endswith("…") and f"{said[:-1]} ".startswith(title[: len(said)]))

        assert await until(pilot, lambda: fits(session_line())), session_line()
        wide = session_line()
        await pilot.press("enter")  # into the notes: the tree narrows
        assert await until(pilot, lambda: app.screen.focused is capture.query_one("#q-notes"))
        assert await until(pilot, lambda: session_line() != wide and fits(session_line())), session_line()
        ref = capture.panel.ref
        await burst(pilot, *"ok", "ctrl+s")
        assert await until(pilot, lambda: not app.workspace.unsaved)
    assert answers(example, session.id)[ref]["notes"].endswith(" ok")
