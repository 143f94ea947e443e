"""The main screen: header, the four panes in tabs, footer. It routes; the panes work."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static, Tab, Tabs

if TYPE_CHECKING:
    from workbench.problems import FileProblem
    from workbench.ui.modals.session_modal import EditSessionDetails, NewSession

from workbench.banks import check_command
from workbench.edits import Changed
from workbench.ui.key_order import keys_gate
from workbench.ui.keys import tab_title
from workbench.ui.messages import ProjectChanged, RaiseGapFrom, ShowQuestion, SwitchSession
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.capture_pane import CapturePane
from workbench.ui.widgets.header import WorkbenchHeader
from workbench.ui.widgets.key_footer import KeyFooter
from workbench.ui.widgets.pane import Pane
from workbench.ui.widgets.pane_slot import PaneSlot
from workbench.ui.widgets.pane_strip import PANES, PaneStrip
from workbench.ui.workspace import Workspace

CATCH_UP_DELAY = 1.5
"""Seconds after the last change (or the opening) before panes out of view are refreshed."""
CATCH_UP_STEP = 0.05


SHOWN_BANK_PROBLEMS = 3


def bank_banner(problems: list[FileProblem], project: Path | None = None) -> Text:
    """Which bank files did not load (their questions are missing), where (file, line and column;
    the path from the `project` file's folder, when the file is in it), and what to do: the
    command that lists every problem of the banks that project loads."""
    command = check_command(project) if project is not None else "workbench banks --check"
    return problems_banner(
        problems,
        project,
        ("A bank file could not be loaded; its questions are not shown until it is fixed:",
         "{count} bank files could not be loaded; their questions are not shown until fixed:"),
        (f"Fix it there and open the project again; `{command}` lists its problems.",
         f"Fix them there and open the project again; `{command}` lists every problem."),
    )


def file_banner(problems: list[FileProblem], project: Path) -> Text:
    """What `workbench check` reports of the project file itself (a practice no guide has, a loop
    in the plan…), each in check's own sentence, and what to do."""
    command = f"workbench check {shlex.quote(str(project))}"
    return problems_banner(
        problems,
        project,
        ("This project file has a problem; the workbench keeps it as written:",
         "This project file has {count} problems; the workbench keeps them as written:"),
        (f"Quit, fix it in the file and open the project again; `{command}` says it too.",
         f"Quit, fix them in the file and open the project again; `{command}` lists every one."),
    )


def problems_banner(
    problems: list[FileProblem], project: Path | None, heads: tuple[str, str], ends: tuple[str, str]
) -> Text:
    """A banner of problems in files: what it is about (`heads`: for one problem, for `{count}`),
    the first few problems in their own sentences (each file named from the `project` file's
    folder when it is in it), and what to do (`ends`: for one problem, for more)."""
    many = len(problems) > 1
    near = project.parent if project is not None else None
    text = Text()
    text.append(heads[many].format(count=len(problems)), style="bold")
    for problem in problems[:SHOWN_BANK_PROBLEMS]:
        text.append("\n")
        text.append_text(literal(_from(problem, near), multiline=False))
    if len(problems) > SHOWN_BANK_PROBLEMS:
        text.append(f"\n… and {len(problems) - SHOWN_BANK_PROBLEMS} more.")
    text.append(f"\n{ends[many]}")
    return text


def _from(problem: FileProblem, near: Path | None) -> str:
    """The problem's sentence, its file named from `near` when it is in that folder."""
    said = str(problem)
    if near is None:
        return said
    try:
        shorter = str(Path(problem.path).resolve().relative_to(near.resolve()))
    except (ValueError, OSError):
        return said
    return shorter + said[len(problem.path) :] if said.startswith(problem.path) else said


class PaneTabs(Tabs):
    """The pane tabs (F2–F5): the underline moves to the pane at once. Sliding, it repainted
    the tab bar every frame for 0.3 s after each switch, while the pane was being drawn."""

    def _highlight_active(self, animate: bool = True) -> None:
        super()._highlight_active(animate=False)


class MainScreen(Screen[None]):
    """Where the facilitator works."""

    AUTO_FOCUS = "#nav-tree"
    """The keyboard starts in the question tree (Capture's own choice), from the first paint: the
    footer never says `✎ search` while the panes are coming up."""

    EDITS_THE_PROJECT = True
    """The app's keys that change the project can run here (see `WorkbenchApp.check_action`)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Textual's, without repainting the whole screen when the keyboard moves: the widgets
    that gain and lose focus repaint themselves. (With it, every pane switch and every move of
    the keyboard drew the whole screen twice in one frame.)"""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self._last_focus: dict[str, Widget] = {}
        self._gap_given_to_map = ""
        """The Gaps selection Map last opened on (Map follows Gaps only when it has moved)."""
        self.capture = CapturePane(workspace, id="capture-pane")
        """Capture is mounted with the screen; the other panes after the first frame."""

    def compose(self) -> ComposeResult:
        yield WorkbenchHeader(self.workspace)
        tabs = PaneTabs(*[Tab(tab_title(pane), id=pane) for pane in PANES], id="pane-tabs")
        tabs.can_focus = False  # clicked or switched with F2–F5, never a Tab stop
        yield tabs
        if self.workspace.bank_problems:
            banner = bank_banner(self.workspace.bank_problems, self.workspace.file.path)
            yield Static(banner, id="bank-problems")
        with PaneStrip(id="panes"):
            yield self.capture
            for pane in PANES[1:]:
                yield PaneSlot(pane, self.workspace)
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        """Back on top: a dialog's text restored from the journal opens again now (after the
        restore offer, and any question the merge asked)."""
        reopen = getattr(self.app, "reopen_waiting_draft", None)
        if reopen is not None:
            reopen()

    def on_mount(self) -> None:
        if self.workspace.session is None:
            self.app.notify("No discovery session yet: press F6 to start one.", timeout=6)
        self._catch_up_timer = self.set_timer(CATCH_UP_DELAY, self.catch_up)
        self.workspace.editor.listeners.append(self._editor_changed)
        # After the first paint: the check's imports and walk hold the GIL beside start-up.
        self.call_after_refresh(self._check_file)

    @work(thread=True, exclusive=True, group="check-file")
    def _check_file(self) -> None:
        """Work out beside the UI what `workbench check` says of the file as it opened; a
        banner under the pane tabs says it, in check's sentences (the bank banner's place)."""
        problems = self.workspace.file_problems()
        if problems:
            self.app.call_from_thread(self._show_file_problems, problems)

    def _show_file_problems(self, problems: list[FileProblem]) -> None:
        if self.query("#file-problems"):
            return
        banner = Static(file_banner(problems, self.workspace.file.path), id="file-problems")
        self.mount(banner, before=self.get_child_by_type(PaneStrip))

    def on_unmount(self) -> None:
        self.workspace.editor.listeners.remove(self._editor_changed)

    def _editor_changed(self, changed: Changed) -> None:
        """Every change of the project, told once: to the panes it may reach (each notes what
        it must recompute), then as a message, handled here, then by the app."""
        for pane in PANES[1:]:
            if (widget := self.pane(pane)) is not None:
                widget.hear(changed)
        self.post_message(ProjectChanged(changed.kind, changed.name))

    @on(ProjectChanged)
    def _project_changed(self, message: ProjectChanged) -> None:
        """After an undo or redo, show the pane on view as the project now is; bring the panes
        out of view up to date once the facilitator pauses (the message goes on to the app,
        which saves)."""
        if message.kind in ("undo", "redo"):
            self.refresh_pane(self.active_pane, force=True)
            self.query_one(WorkbenchHeader).refresh_state()
        self._catch_up_timer.stop()
        self._catch_up_timer = self.set_timer(CATCH_UP_DELAY, self.catch_up)

    def catch_up(self) -> None:
        """Refresh one stale pane out of view, then the next a moment later, so a switch after
        a pause is only a repaint and no single refresh holds up a keystroke for long. The pause
        starts once the pane on show has filled its tabs."""
        if (shown := self.pane(self.active_pane)) is not None and shown.filling:
            self._catch_up_timer = self.set_timer(CATCH_UP_DELAY, self.catch_up)
            return
        stale = [pane for pane in PANES[1:] if pane != self.active_pane and not self.is_up_to_date(pane)]
        mounted = [pane for pane in stale if self.pane(pane) is not None]
        if mounted:
            self.refresh_pane(mounted[0])
            stale.remove(mounted[0])
        if stale:  # the rest, or panes still being mounted (typing puts the next one off too)
            self._catch_up_timer = self.set_timer(CATCH_UP_STEP if mounted else CATCH_UP_DELAY, self.catch_up)

    @property
    def strip(self) -> PaneStrip:
        """The panes (looked up among the screen's children, not the whole DOM)."""
        return self.get_child_by_type(PaneStrip)

    @property
    def active_pane(self) -> str:
        """Id of the pane on show."""
        return self.strip.active

    def show_pane(self, pane: str, take_focus: bool = True) -> None:
        """Switch to a pane, refresh it from the project and put the keyboard back where it was
        (or leave it where it is, on the tab bar say, without `take_focus`)."""
        leaving = self.active_pane
        if pane != leaving and self.focused is not None and take_focus:
            self._last_focus[leaving] = self.focused
        self.strip.show(pane)
        tabs = self.get_child_by_type(PaneTabs)
        with tabs.prevent(Tabs.TabActivated):
            tabs.active = pane
        self.refresh_pane(pane)
        if pane == "map":
            self._map_follows_gaps()
        if take_focus:
            self._focus_pane(pane)
        if (shown := self.pane(pane)) is not None:
            shown.shown()
        elif take_focus and (gate := keys_gate(self.app)) is not None:
            gate.hold()  # keys typed now go to the pane once it is mounted (`_pane_mounted`)

    def _map_follows_gaps(self) -> None:
        """Map opens on the gap the person last selected in Gaps (the matrix or the Ranked
        cursor); a gap picked in Map since stays while Gaps' selection has not moved."""
        gaps, map_pane = self.pane("gaps"), self.pane("map")
        chosen = getattr(gaps, "selected", "")
        if map_pane is not None and chosen and chosen != self._gap_given_to_map:
            self._gap_given_to_map = chosen
            map_pane.select(chosen)

    def panes_mounted(self) -> bool:
        """Whether every pane is mounted (Gaps, Map and Plan mount after the first frame)."""
        return all(self.pane(pane) is not None for pane in PANES)

    def panes_filled(self) -> bool:
        """Whether every pane is mounted and none is still filling its inner tabs: what is on
        screen is what the project says (for screenshots and tests, which wait for it)."""
        shown = [self.pane(pane) for pane in PANES]
        return all(pane is not None and not pane.filling for pane in shown)

    def pane(self, name: str) -> Pane | None:
        """The pane called `name`, or None while it is still being mounted lazily (until its
        own widgets are there: a refresh in between found no timeline in the Plan pane)."""
        for child in self.strip.children:
            if isinstance(child, Pane) and child.name_of_pane == name and child.is_mounted:
                return child
        return None

    @on(Pane.Mounted)
    def _pane_mounted(self, message: Pane.Mounted) -> None:
        """A pane mounted lazily while on show is refreshed and takes the keyboard."""
        if message.pane.name_of_pane == self.active_pane:
            self.show_pane(self.active_pane)
            if (gate := keys_gate(self.app)) is not None:
                self.app.call_later(gate.release)  # after the focus move show_pane queued there

    def _focus_pane(self, pane: str) -> None:
        """Focus what had the keyboard when the pane was left, else the pane's own choice.

        Both are in view already: no scrolling to them (that would make Textual arrange every
        widget of every pane again).
        """
        widget = self.pane(pane)
        last = self._last_focus.pop(pane, None)
        if widget is not None and last is not None and last.focusable and widget in last.ancestors:
            last.focus(scroll_visible=False)
        elif widget is not None:
            widget.default_focus().focus(scroll_visible=False)

    @on(Tabs.TabActivated, "#pane-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        pane = str(event.tab.id)
        if pane != self.active_pane:  # arrows on the focused tab bar keep the keyboard there
            self.show_pane(pane, take_focus=self.focused is not event.tabs)

    def refresh_pane(self, pane: str, force: bool = False) -> None:
        """Bring a pane up to date: the parts of it that changes reached since it was last
        refreshed, or all of it when `force`d (Capture shows its edits as they are typed: it is
        refreshed only when `force`d)."""
        if pane == "capture" and not force:
            return
        widget = self.pane(pane)
        if widget is not None and (force or widget.stale_parts):
            widget.refresh_pane(None if force else set(widget.stale_parts))

    def is_up_to_date(self, pane: str) -> bool:
        """Whether a pane shows the project as it is now (a pane not mounted yet is not)."""
        widget = self.pane(pane)
        return widget is not None and not widget.stale_parts

    def refresh_all(self) -> None:
        """Rebuild every pane (after a reload or a recovery)."""
        self.capture.rebuild()
        for pane in ("gaps", "map", "plan"):
            self.refresh_pane(pane, force=True)
        self.query_one(WorkbenchHeader).refresh_state()

    # --- sessions ------------------------------------------------------------------------------

    def choose_session(self) -> None:
        """Open the session switcher."""
        from workbench.ui.modals.session_modal import SessionModal

        ws = self.workspace
        self.app.push_screen(
            SessionModal(ws.project, ws.catalogue, ws.today, ws.session_id), self._session_chosen
        )

    def edit_session(self, session_id: str) -> None:
        """Edit a session's details; saving is one undoable edit."""
        from workbench.edits.sessions import EditSession
        from workbench.ui.modals.session_edit_modal import SessionEditModal

        ws = self.workspace
        session = ws.project.session(session_id)
        if session is None:
            return
        template = ws.catalogue.templates.get(session.template)

        def saved(values: dict[str, object] | None) -> None:
            if values and self.capture.apply(EditSession(session_id, dict(values))):
                self.query_one(WorkbenchHeader).refresh_state()
                self.app.notify(f"Session {session_id} updated.", markup=False, timeout=3)

        modal = SessionEditModal(session, template.title if template else "blank session")
        self.app.push_screen(modal.reopens("", "edit_session", session_id), saved)

    @on(SwitchSession)
    def _switch_session(self, message: SwitchSession) -> None:
        self.switch_session(message.session_id)

    def switch_session(self, session_id: str) -> None:
        """Make another session current and show its answers."""
        self._session_chosen(session_id)

    def _session_chosen(self, result: NewSession | EditSessionDetails | str | None) -> None:
        from workbench.edits.sessions import StartSession
        from workbench.ui.modals.session_modal import EditSessionDetails, NewSession

        ws = self.workspace
        if result is None:
            return
        if isinstance(result, EditSessionDetails):
            self.edit_session(result.session_id)
            return
        if isinstance(result, NewSession):
            start = StartSession(result.template, result.date, list(result.attendees), minutes=result.minutes)
            ws.clock.flush(ws.session)
            ws.apply(start)
            ws.switch_session(start.session_id)
            ws.clock.start()
            self.app.notify(f"Started {start.session_id}; the clock is running (ctrl+t pauses).", timeout=4)
        else:
            ws.switch_session(result)  # switching changes nothing in the project
        self.capture.rebuild(from_top=isinstance(result, NewSession))
        self.query_one(WorkbenchHeader).refresh_state()

    # --- requests from the panes and the palette ------------------------------------------------

    @on(ShowQuestion)
    def _show_question(self, message: ShowQuestion) -> None:
        self.jump_to_question(message.ref, message.session)

    def jump_to_question(self, ref: str, session: str = "") -> None:
        """Show a question in Capture, ready for notes; with `session` (evidence), in that session,
        so what is typed next goes into the evidence's own answer, never another session's."""
        ws = self.workspace
        if session and session != ws.session_id and ws.project.session(session) is not None:
            self.switch_session(session)
            self.app.notify(f"Now in {session}, the evidence's session.", markup=False, timeout=4)
        self.show_pane("capture")
        self.capture.jump_to(ref)

    @on(RaiseGapFrom)
    def _raise_gap(self, message: RaiseGapFrom) -> None:
        self.raise_gap(message.title, message.area, *message.evidence)

    def raise_gap(self, title: str, area: str, *evidence: str) -> None:
        """Open the gap editor prefilled; on save, raise the gap and select it in Gaps."""
        from workbench.edits.gaps import RaiseGap
        from workbench.ui.modals.gap_modal import GapDraft, GapModal

        draft = GapDraft(title=title, area=area, evidence=list(evidence))

        def saved(result: GapDraft | None) -> None:
            if result is None:
                return
            fields = {k: v for k, v in result.changes().items() if k not in ("title", "area")}
            raise_gap = RaiseGap(
                result.title, result.area, result.evidence, fields, session=self.workspace.session_id
            )
            if not self.capture.apply(raise_gap):
                return
            title = one_line(result.title, 50)
            self.app.notify(f"Raised {raise_gap.gap_id}: {title}", markup=False, timeout=3)
            for name in ("gaps", "map"):  # both show the gap just raised
                pane = self.pane(name)
                if pane is not None:
                    pane.select(raise_gap.gap_id)

        ws = self.workspace
        modal = GapModal(draft, ws.catalogue, "Raise a gap", ws.project, title_proposed=bool(title))
        self.app.push_screen(modal.reopens("", "raise_gap", title, area, *evidence), saved)

    def edit_proposal(self) -> None:
        """Edit the proposal's prose and frame (see the proposal modal)."""
        from workbench.ui.modals.proposal_modal import start_proposal_edit

        start_proposal_edit(self)

    def save_milestone(self) -> None:
        """Ask for a milestone's name and save it (the palette's; reopened after a crash)."""
        from workbench.ui.milestones import save_milestone

        save_milestone(self.app)  # type: ignore[arg-type]

    def record_typed(self) -> None:
        """Before a save: what a field shows is recorded now (`CapturePane.record_typed`)."""
        self.capture.record_typed()

    def new_gap(self) -> None:
        """Show Gaps and open the editor for a new gap (the palette's "raise a new gap")."""
        self.show_pane("gaps")
        self.post_message(RaiseGapFrom())

    def export_proposal(self) -> None:
        """Export the Word proposal (see the export modal)."""
        from workbench.ui.modals.export_modal import start_export

        start_export(self)
