"""Capture: the navigator beside the question editor; edits go to the domain, then up."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, TextArea

from workbench.ui.messages import ProjectChanged
from workbench.ui.widgets.navigator import Navigator
from workbench.ui.widgets.question_panel import QuestionPanel
from workbench.ui.workspace import Workspace

TARGET_KEYS = ("exclamation_mark", "at", "number_sign", "dollar_sign", "percent_sign")


class CapturePane(Horizontal):
    """Live capture of a discovery session."""

    BINDINGS = [
        Binding("ctrl+n", "step(1)", "Next", id="next", tooltip="Next question"),
        Binding("ctrl+b", "step(-1)", "Prev", id="previous", tooltip="Previous question"),
        Binding("slash", "search", "Search", id="search", tooltip="Search questions"),
        Binding("u", "filter('unanswered')", "Unanswered", show=False),
        Binding("f", "filter('follow_up')", "Follow-up", show=False),
        Binding("t", "filter('template_only')", "Template", show=False),
        Binding("h", "hear", "Heard", show=False),
        Binding("ctrl+g", "raise_gap", "Raise gap", id="raise-gap", tooltip="Raise a gap from this question"),
        Binding("escape", "to_navigator", "Navigator", show=False),
        *[Binding(str(n), f"maturity('current', {n})", show=False) for n in range(1, 6)],
        *[Binding(key, f"maturity('target', {n})", show=False) for n, key in enumerate(TARGET_KEYS, 1)],
        Binding("0", "maturity('current', 0)", show=False),
        Binding("right_parenthesis", "maturity('target', 0)", show=False),
    ]

    def __init__(self, workspace: Workspace, id: str | None = None) -> None:
        super().__init__(id=id)
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        yield Navigator(self.workspace, id="navigator")
        yield QuestionPanel(self.workspace, id="question-panel")

    def on_mount(self) -> None:
        navigator = self.query_one(Navigator)
        first = navigator.step(1)
        if first:
            self.show_question(first)
        self.default_focus().focus()

    def default_focus(self) -> Widget:
        """Where the keyboard goes on arrival: the question tree."""
        return self.navigator.question_tree

    @property
    def panel(self) -> QuestionPanel:
        """The editor."""
        return self.query_one(QuestionPanel)

    @property
    def navigator(self) -> Navigator:
        """The question tree."""
        return self.query_one(Navigator)

    def show_question(self, ref: str) -> None:
        """Show a question in the editor and count time against its area."""
        question = self.workspace.catalogue.questions.get(ref)
        if question is None:
            return
        ws = self.workspace
        if ws.clock.area != question.area:
            ws.clock.flush(ws.session)
            ws.clock.area = question.area
        self.panel.show(ref)

    def jump_to(self, ref: str) -> None:
        """Select a question (from the palette or an evidence link) and edit it."""
        navigator = self.navigator
        if not navigator.select_ref(ref, focus=False):
            navigator.clear_filters()
            navigator.select_ref(ref, focus=False)
        navigator.current = ref
        self.show_question(ref)
        self.query_one("#q-notes", TextArea).focus()

    def rebuild(self, from_top: bool = False) -> None:
        """Rebuild after a session switch or reload; `from_top` starts at the first question."""
        self.navigator.rebuild()
        if from_top and (first := self.navigator.first()):
            self.show_question(first)
        elif self.navigator.current:
            self.show_question(self.navigator.current)
        else:
            first = self.navigator.step(1)
            if first:
                self.show_question(first)

    # --- navigation --------------------------------------------------------------------------

    @on(Navigator.Selected)
    def _selected(self, event: Navigator.Selected) -> None:
        self.show_question(event.ref)

    @on(Navigator.Chosen)
    def _chosen(self, event: Navigator.Chosen) -> None:
        self.show_question(event.ref)
        self.query_one("#q-notes", TextArea).focus()

    def action_step(self, delta: int) -> None:
        """Next or previous question, keeping focus where it is."""
        ref = self.navigator.step(delta)
        if ref:
            self.show_question(ref)

    def action_search(self) -> None:
        """Focus the search box."""
        self.query_one("#nav-search", Input).focus()

    def action_filter(self, name: str) -> None:
        """Toggle a navigator filter."""
        self.navigator.toggle(name)

    def action_to_navigator(self) -> None:
        """Leave the editor for the tree."""
        self.navigator.question_tree.focus()

    def action_maturity(self, which: str, value: int) -> None:
        """Set current or target maturity (0 clears it)."""
        self.panel.set_maturity(which, value or None)

    def action_hear(self) -> None:
        """Tick the selected pain indicator as heard."""
        question = self.workspace.catalogue.questions.get(self.panel.ref)
        if question is not None and question.kind == "pain-indicator":
            self.panel.hear()

    # --- edits -------------------------------------------------------------------------------

    def _changed(self, what: str, recount: bool = True) -> None:
        """Tell the app; relabel the tree only when a question's state may have changed."""
        self.workspace.changed()
        if recount:
            self.navigator.refresh_counts()
        self.post_message(ProjectChanged(what))

    @on(QuestionPanel.AnswerEdited)
    def _answer_edited(self, event: QuestionPanel.AnswerEdited) -> None:
        ws = self.workspace
        if ws.session is None or event.ref not in ws.catalogue.questions:
            return
        answer = ws.project.answer(event.ref, ws.session_id)
        if answer is None and all(v in ("", None, "answered", "stated") for v in event.changes.values()):
            return
        if answer is not None and all(getattr(answer, k) == v for k, v in event.changes.items()):
            return
        before = answer.status if answer is not None else ""
        ws.project.set_answer(event.ref, ws.session_id, **event.changes)
        self._changed("answer", recount=before != ws.project.answer(event.ref, ws.session_id).status)  # type: ignore[union-attr]

    @on(QuestionPanel.IndicatorHeard)
    def _heard(self, event: QuestionPanel.IndicatorHeard) -> None:
        ws = self.workspace
        if ws.session is None:
            return
        ws.project.hear(event.ref, ws.session_id, quote=event.quote, speaker_role=event.role)
        self.panel.show_heard()
        self._changed("heard")
        self.app.notify("Marked as heard.", timeout=2)

    @on(QuestionPanel.IndicatorUnheard)
    def _unheard(self, event: QuestionPanel.IndicatorUnheard) -> None:
        ws = self.workspace
        heard = ws.project.heard_in(event.ref, ws.session_id)
        if not heard:
            return
        ws.project.unhear(heard[-1].id)
        self.panel.show_heard()
        self._changed("unheard")
        self.app.notify(f"Removed {heard[-1].id}.", markup=False, timeout=2)

    @on(QuestionPanel.MetricEdited)
    def _metric_edited(self, event: QuestionPanel.MetricEdited) -> None:
        ws = self.workspace
        changes: dict[str, Any] = event.changes
        metric = ws.project.metric(event.metric_id) if event.metric_id else None
        if metric is None:
            ws.project.add_metric(template=event.ref, session=ws.session_id, **changes)
        else:
            for name, value in changes.items():
                setattr(metric, name, value)
        self.panel.show_sentence()
        self._changed("metric")

    def action_raise_gap(self) -> None:
        """Raise a gap prefilled from the selected question, its answer, quotes or metric."""
        from workbench.model.evidence import answer_link
        from workbench.ui.modals.gap_modal import GapDraft
        from workbench.ui.widgets.gaps_pane import raise_gap_dialog

        ws = self.workspace
        ref = self.panel.ref
        question = ws.catalogue.questions.get(ref)
        if question is None:
            return
        evidence: list[str] = []
        if ws.project.answer(ref, ws.session_id) is not None:
            evidence.append(answer_link(ref, ws.session_id))
        evidence += [f"heard:{h.id}" for h in ws.project.heard if h.indicator == ref]
        evidence += [f"metric:{m.id}" for m in ws.project.metrics if m.template == ref]
        if not evidence:
            evidence.append(ref)
        title = question.text.rstrip("?")
        raise_gap_dialog(self, GapDraft(title=title[:90], area=question.area, evidence=evidence))
