"""Command-palette provider: questions by their words, sessions, panes, save, export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbench.ui.safe import one_line

PANE_WORDS = {
    "capture": "Capture: answer questions",
    "gaps": "Gaps: impact × complexity matrix",
    "map": "Map: gaps to guide practices",
    "plan": "Plan: pilot timeline",
}


class WorkbenchCommands(Provider):
    """Every workbench action, plus every question of the project's banks."""

    def _actions(self) -> list[tuple[str, Callable[[], object], str]]:
        from workbench.ui.app import WorkbenchApp
        from workbench.ui.handoffs import export_workbook, import_workbook

        app = self.app
        commands: list[tuple[str, Callable[[], object], str]] = []
        if not isinstance(app, WorkbenchApp) or app.workspace is None:
            return commands
        for pane, words in PANE_WORDS.items():
            commands.append((f"Pane {words}", partial(app.action_pane, pane), f"Show the {pane} pane"))
        commands.append(("Follow-ups by person", app.action_followups, "F7: what to ask whom; close them"))
        commands.append(("Save project", app.action_save, "Write the project file now"))
        commands.append(("Export proposal (.docx)", app.action_export, "Write the Word proposal"))
        commands.append(
            (
                "Export self-assessment workbook (.xlsx)",
                partial(export_workbook, app),
                "An Excel workbook the client team fills in",
            )
        )
        commands.append(
            ("Import workbook (.xlsx)", partial(import_workbook, app), "Read a filled-in workbook back")
        )
        commands.append(("Session: start or switch", app.action_sessions, "Start a discovery session"))
        commands.append(("Session clock: start or pause", app.action_toggle_clock, "ctrl+t"))
        for session in app.workspace.project.sessions:
            commands.append(
                (
                    f"Switch session {one_line(session.id)}",
                    partial(self._switch, session.id),
                    "Capture answers in this session",
                )
            )
        commands.append(("Help: keys", app.action_help, "Every key"))
        return commands

    def _switch(self, session_id: str) -> None:
        from workbench.ui.screens.main_screen import MainScreen

        screen = self.app.screen
        if isinstance(screen, MainScreen):
            screen._session_chosen(session_id)

    def _jump(self, ref: str) -> None:
        from workbench.ui.screens.main_screen import MainScreen

        screen = self.app.screen
        if isinstance(screen, MainScreen):
            screen.jump_to_question(ref)

    async def discover(self) -> Hits:
        for name, callback, help_text in self._actions():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        from workbench.ui.app import WorkbenchApp

        matcher = self.matcher(query)
        for name, callback, help_text in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        app = self.app
        if not isinstance(app, WorkbenchApp) or app.workspace is None or len(query) < 2:
            return
        catalogue = app.workspace.catalogue
        for ref, question in catalogue.questions.items():
            text = one_line(question.text)
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score * 0.9,
                    matcher.highlight(text),
                    partial(self._jump, ref),
                    text=text,
                    help=Text(one_line(catalogue.area_title(question.area))).plain,
                )
