"""Command-palette provider: the registry's actions, undo and redo by name, sessions, questions."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from workbench.ui.keys import can_run, in_scope, palette_key
from workbench.ui.messages import ShowQuestion, SwitchSession
from workbench.ui.safe import one_line

if TYPE_CHECKING:
    from textual.message import Message

    from workbench.ui.workspace import Workspace


STAY_IN_FOLLOW_UPS = frozenset({"help", "undo", "redo", "save", "toggle_clock", "save_milestone", "quit"})
"""Actions the palette runs over the Follow-ups view; any other first goes back to the panes."""


def highlighted(matcher: Matcher, text: str) -> Content:
    """The text with the letters that match the query highlighted, never parsed as markup
    (Matcher.highlight parses it: `[/]` in a question would fail, `[@click=…]` would act)."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class WorkbenchCommands(Provider):
    """Every workbench action that can run now (from the key registry), undo and redo with the
    edit named, the sessions, and every question of the project's banks."""

    def _workspace(self) -> Workspace | None:
        from workbench.ui.screens.followups_screen import FollowUpsScreen
        from workbench.ui.screens.main_screen import MainScreen

        screen = self.screen  # the screen the palette was opened from
        return screen.workspace if isinstance(screen, MainScreen | FollowUpsScreen) else None

    def _in_follow_ups(self) -> bool:
        from workbench.ui.screens.followups_screen import FollowUpsScreen

        return isinstance(self.screen, FollowUpsScreen)

    async def _run(self, action: str) -> None:
        """Run an app action; over the Follow-ups view one of the panes' goes back to them first."""
        if self._in_follow_ups() and action.split("(")[0] not in STAY_IN_FOLLOW_UPS:
            self.screen.dismiss(None)
        await self.app.run_action(action)

    def _to_panes(self, message: Message) -> None:
        """Tell the main screen (leaving the Follow-ups view first)."""
        from workbench.ui.screens.main_screen import MainScreen

        if self._in_follow_ups():
            self.screen.dismiss(None)
        main = next((s for s in self.app.screen_stack if isinstance(s, MainScreen)), None)
        if main is not None:
            main.post_message(message)

    def _actions(self) -> list[tuple[str, Callable[[], object], str]]:
        from workbench.ui.screens.picker_screen import PickerScreen

        if isinstance(self.screen, PickerScreen):  # no project yet: the picker's own commands
            return self.screen.commands()
        workspace = self._workspace()
        commands: list[tuple[str, Callable[[], object], str]] = []
        if workspace is None:
            return commands
        history = workspace.editor.history
        for entry in in_scope("app"):
            if not entry.palette or not can_run(entry, workspace, editing=True):
                continue
            if entry.id == "followups" and self._in_follow_ups():
                continue
            title = entry.help[:1].upper() + entry.help[1:]
            if entry.id == "undo":
                title = f"Undo: {history.undo_name or 'nothing to undo'}"
            elif entry.id == "redo":
                title = f"Redo: {history.redo_name or 'nothing to redo'}"
            commands.append((one_line(title), partial(self._run, entry.action), palette_key(entry)))
        for session in workspace.project.sessions:
            commands.append(
                (
                    f"Switch session {one_line(session.id)}",
                    partial(self._to_panes, SwitchSession(session.id)),
                    "Capture answers in this session",
                )
            )
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._actions():
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlighted(matcher, name), callback, text=name, help=escape(help_text))
        workspace = self._workspace()
        if workspace is None or len(query) < 2:
            return
        catalogue = workspace.catalogue
        for ref, question in catalogue.questions.items():
            text = one_line(question.text)
            score = matcher.match(text)
            if score > 0:
                where = f"{catalogue.area_title(question.area)} · {ref.partition(':')[0]} bank"
                yield Hit(
                    score * 0.9,
                    highlighted(matcher, text),
                    partial(self._to_panes, ShowQuestion(ref)),
                    text=text,
                    help=escape(one_line(where)),  # two banks may ask the same question
                )

