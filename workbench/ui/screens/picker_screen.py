"""Choose a project in projects/, or create a new one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from workbench.newproject import create_project
from workbench.printable import plural
from workbench.problems import FileProblem
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.key_footer import KeyFooter
from workbench.ui.widgets.staying_list import StayingOptionList
from workbench.ui.wrapping import hanging, packed

if TYPE_CHECKING:
    from workbench.analysis.portfolio import Progress

NEW = "__new__"
EXAMPLE = "__example__"
INDENT = "  "
"""Where a project's second and later lines start, under its file name."""
LIST_MARGIN = 9
"""Columns of the screen the picker's padding and the list's border, padding and scroll bar take."""


class PickerScreen(Screen[Path | None]):
    """Dismisses with the chosen project's path, or None to quit."""

    BINDINGS = [
        Binding("escape", "back", "Back / quit"),
        Binding("n", "new", "New project"),
    ]

    def __init__(self, folder: Path, today: dt.date) -> None:
        super().__init__()
        self.folder = folder
        self.today = today
        self._read: list[tuple[Path, Progress | FileProblem]] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Text("MLOps Discovery Workbench", style="bold"), classes="dialog-title")
            yield Static(literal(self._folder_line()), classes="dim", id="picker-folder")
            yield StayingOptionList(*self._options(), id="projects")
            with Vertical(id="new-project"):
                yield Static(Text("New project", style="bold"))
                yield Input(id="new-name", placeholder="engagement name, e.g. Acme: MLOps discovery")
                yield Input(id="new-client", placeholder="client")
                yield Input(id="new-facilitator", placeholder="facilitator (you)")
                yield Static(id="new-error", classes="dialog-error")
                with Horizontal(classes="dialog-buttons"):
                    yield Button("Create", id="create", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#new-project").display = False
        self.query_one("#projects", OptionList).focus()

    def on_resize(self) -> None:
        """Each project's lines are wrapped to the list's width: wrap again when it changes."""
        listing = self.query_one("#projects", OptionList)
        highlighted = listing.highlighted
        listing.set_options(self._options())
        listing.highlighted = highlighted

    def _projects(self) -> list[tuple[Path, Progress | FileProblem]]:
        """Each project file in the folder, with its progress or why it cannot be read (read
        once; a resize only wraps the lines again)."""
        from workbench.analysis.portfolio import Catalogues, read_progress
        from workbench.store.files import project_files

        if self._read is None:
            self._read = []
            catalogues = Catalogues()
            for path in project_files(self.folder) if self.folder.is_dir() else []:
                try:
                    self._read.append((path, read_progress(path, catalogues, self.today)))
                except FileProblem as problem:
                    self._read.append((path, problem))
        return self._read

    def _options(self) -> list[Option]:
        width = max(30, (self.size.width or self.app.size.width) - LIST_MARGIN)
        options = []
        for path, progress in self._projects():
            label = Text(one_line(path.name, 40), style="bold")
            if isinstance(progress, FileProblem):
                where = f"{progress.place}: " if progress.place else ""
                line = literal(f"{INDENT}cannot be opened: {where}{progress.message}", "red")
                label.append_text(Text("\n") + hanging(line, width, INDENT, self.app.console))
                options.append(Option(label, id=str(path), disabled=True))
                continue
            label.append_text(literal(f"  {one_line(progress.name, max(10, width - label.cell_len - 2))}"))
            facts = [
                plural(progress.sessions, "session"),
                plural(progress.answers, "answer"),
                f"{len(progress.open_gaps)} of {plural(progress.gaps, 'gap')} open",
                f"plan ends {progress.plan_end:%d %b %Y}" if progress.plan_end else "no plan yet",
            ]
            if progress.client:
                facts.insert(0, one_line(progress.client, 40))
            if waiting := self._unsaved_waiting(path):
                facts.append(waiting)
            for fitted in packed(facts, width - len(INDENT)):
                label.append_text(literal(f"\n{INDENT}{fitted}", "dim"))
            options.append(Option(label, id=str(path)))
        options.append(Option(Text("+ New project…", style="bold green"), id=NEW))
        if not any(option.id not in (NEW, None) for option in options):
            label = Text("+ Open the example engagement", style="bold cyan")
            where = f"{self.folder}/example.toml"
            line = literal(f"{INDENT}writes a copy to {where}, a complete discovery to explore", "dim")
            label.append_text(Text("\n") + hanging(line, width, INDENT, self.app.console))
            options.append(Option(label, id=EXAMPLE))
        return options

    def _unsaved_waiting(self, path: Path) -> str:
        """'unsaved work from 14:32 waiting' when the journal keeps work for the project that
        opening it offers back (its date too when not from today); '' otherwise."""
        from workbench.store.journal import read_journal

        try:
            entry = read_journal(path)
        except OSError:
            return ""
        if entry is None:
            return ""
        when = entry.written.astimezone()
        at = f"{when:%H:%M}" if when.date() == self.today else f"{when:%d %b %H:%M}"
        return f"unsaved work from {at} waiting"

    def _folder_line(self) -> str:
        if not self.folder.is_dir():
            return (
                f"No {self.folder}/ folder here yet: a new project or the example creates it. "
                "`workbench PATH` opens a file elsewhere."
            )
        return f"Projects in {self.folder}/"

    @on(OptionList.OptionSelected, "#projects")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option: str | None) -> None:
        if option == NEW:
            self.action_new()
        elif option == EXAMPLE:
            self._open_example()
        elif option:
            self.dismiss(Path(option))

    def commands(self) -> list[tuple[str, Callable[[], object], str]]:
        """The command palette's entries here: open each project listed, a new project, the example."""
        listing = self.query_one("#projects", OptionList)
        commands: list[tuple[str, Callable[[], object], str]] = []
        for option in listing.options:
            if option.disabled or option.id is None:
                continue
            if option.id == NEW:
                title, about = "New project", "create a project in this folder"
            elif option.id == EXAMPLE:
                title, about = "Open the example engagement", "a copy to explore"
            else:
                title, about = f"Open {one_line(Path(option.id).name, 60)}", str(option.prompt).split("\n")[0]
            commands.append((title, partial(self._choose, option.id), about))
        return commands

    def action_back(self) -> None:
        """Esc: close the new-project form when it is open, else leave the picker."""
        form = self.query_one("#new-project")
        if form.display:
            form.display = False
            self.query_one("#new-error", Static).update("")
            self.query_one("#projects", OptionList).focus()
        else:
            self.dismiss(None)

    def _open_example(self) -> None:
        from workbench.example import write_example

        try:
            path = write_example(self.folder)
        except FileProblem as problem:
            self.notify(one_line(problem), severity="error", markup=False)
            return
        self.dismiss(path)

    def action_new(self) -> None:
        """Show the new-project form."""
        self.query_one("#new-project").display = True
        self.query_one("#new-name", Input).focus()

    @on(Button.Pressed, "#create")
    @on(Input.Submitted, "#new-facilitator")
    def _create(self) -> None:
        name = self.query_one("#new-name", Input).value.strip()
        if not name:
            self.query_one("#new-error", Static).update(literal("Give the engagement a name."))
            return
        try:
            file = create_project(
                self.folder,
                name,
                self.query_one("#new-client", Input).value.strip(),
                self.query_one("#new-facilitator", Input).value.strip(),
                today=self.today,
            )
        except FileProblem as problem:
            self.query_one("#new-error", Static).update(literal(str(problem)))
            return
        self.dismiss(file.path)
