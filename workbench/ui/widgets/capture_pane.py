"""Capture: the navigator beside the question editor; edits go to the domain, then up."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from workbench.edits import Edit
from workbench.edits.answers import SetAnswer
from workbench.edits.capture import AddMetric, EditHeard, EditMetric, Hear, Unhear
from workbench.edits.words import quoted
from workbench.ui.keys import bindings
from workbench.ui.messages import RaiseGapFrom
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.navigator import Navigator
from workbench.ui.widgets.pane import Pane
from workbench.ui.widgets.question_panel import NotesArea, QuestionPanel
from workbench.ui.widgets.text_cursor import cursors_at_end

NARROW_WIDTH = 100
"""Narrower than this (80 columns), the question tree is widened while it has the keyboard: at a
third of the width its questions were cut where many read the same ('How do you handle mo…')."""
NOTES_PAUSE_SECONDS = 2.0
"""A pause in typing the notes this long ends an undo step: ctrl+z takes back what was typed
since, as a text editor does, not everything typed on the question."""


class CapturePane(Horizontal, Pane):
    """Live capture of a discovery session."""

    BINDINGS = bindings("capture")
    _browsing = True
    """Whether the keyboard is in the navigator (it starts in the question tree). It stays while
    another pane is on show, so going back to Capture lays nothing out again."""
    _navigator_width: str | None = None
    """The width set on the navigator (None: the stylesheet's)."""
    _notes_typed_at = float("-inf")

    def compose(self) -> ComposeResult:
        yield Navigator(self.workspace, id="navigator")
        yield QuestionPanel(self.workspace, id="question-panel")

    def on_mount(self) -> None:
        navigator = self.query_one(Navigator)
        first = navigator.current or navigator.step(1)
        if first:
            self.show_question(first)
        self._size_navigator()  # browsing from the first paint
        self.watch(self.screen, "focused", self._focus_moved)
        self.default_focus().focus()

    def _focus_moved(self, focused: Widget | None) -> None:
        """The navigator is wider while the keyboard is in it (workbench.tcss). Only a move inside
        this pane changes that: leaving Capture keeps the width, so coming back (the keyboard
        where it was) neither lays the pane out again nor redraws every row of the question tree
        (it took 108 ms at 160×48; a pane switch has 50 ms)."""
        if focused is not None and self in focused.ancestors:
            self._browsing = self.navigator in focused.ancestors_with_self
            self._size_navigator()

    def on_resize(self) -> None:
        """In a narrow pane the navigator takes most of the width while the keyboard is in it
        (browsing reads the questions), and gives it back to the notes."""
        self._size_navigator()

    def _size_navigator(self) -> None:
        """The navigator's width, set on it alone, not as a class on the pane: a class restyles
        every widget of the pane on each Tab into or out of the tree (on a busy machine the frame,
        footer and all, came 0.2 s later). Browsing 50 % (65 % narrow), else the stylesheet's 40 %."""
        narrow = (self.size.width or self.app.size.width) < NARROW_WIDTH  # before the first layout: the app's
        width = ("65%" if narrow else "50%") if self._browsing else None
        if width != self._navigator_width:
            self._navigator_width = width
            self.navigator.styles.width = width

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
            self.panel.show("")  # a filter hides every question
            return
        ws = self.workspace
        ws.editor.seal()  # typing on another question is an undo step of its own
        if ws.clock.area != question.area:
            ws.clock.flush(ws.session)
            ws.clock.area = question.area
        self.panel.show(ref)

    def jump_to(self, ref: str, notes: bool = True) -> None:
        """Select a question (from the palette or an evidence link) and edit it (with `notes`,
        the keyboard goes into its notes)."""
        navigator = self.navigator
        if not navigator.select_ref(ref, focus=False):
            navigator.clear_filters()
            navigator.select_ref(ref, focus=False)
        navigator.current = ref
        self.show_question(ref)
        if notes:
            self.edit_notes()

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
        self.edit_notes()

    def action_step(self, delta: int) -> None:
        """Next or previous question, with the keyboard in its notes after what was said. Within
        a filter while it shows one; past its last (or before its first) the filter is left for
        the session's next (previous) question, and a notice says so: with one match ctrl+n
        stayed on it, and the next answer went into its notes after the last (walkthrough 13).
        Never back into the notes of the question it started on. From the last question ctrl+n
        goes round to the first (ctrl+b from the first to the last), as a search goes on from the
        start, and a notice says so: it went round without a word."""
        navigator, start = self.navigator, self.panel.ref
        which = "next" if delta > 0 else "previous"
        left = navigator.filters.active() if navigator.at_filter_end(delta, start) else ""
        wrapped = not left and navigator.wraps(delta, start)
        if left:
            navigator.clear_filters()
        ref = navigator.step(delta, start=start)
        if not ref or ref == start:
            self.app.notify(f"There is no {which} question.", timeout=3)
            return
        if left:
            words = one_line(self._question_words(ref), 60)
            notice = f"Left the filter {left}: the {which} question is “{words}”."
            self.app.notify(notice, markup=False, timeout=5)
        elif wrapped:
            words = one_line(self._question_words(ref), 60)
            ends = ("last", "first") if delta > 0 else ("first", "last")
            notice = f"That was the {ends[0]} question: round to the {ends[1]}, “{words}”."
            self.app.notify(notice, markup=False, timeout=5)
        self.show_question(ref)
        self.edit_notes()

    def text_field(self, field_id: str) -> Input | TextArea | None:
        """The question editor's text field with this id (its notes, a metric's owner…), if any."""
        fields: list[Input | TextArea] = [*self.panel.query(Input), *self.panel.query(TextArea)]
        return next((field for field in fields if field.id == field_id), None)

    def type_in(self, field_id: str) -> None:
        """Put the keyboard back in the question's text field `field_id`, the cursor after its
        text (after a restore: typing on goes where it went before the stop). Nothing happens
        when the question on show has no such field to type in."""
        if field_id == "q-notes":
            self.edit_notes(separate=False)  # typing carries on, mid-word too
            return
        field = self.text_field(field_id)
        if field is None or field.disabled or not self._in_sight(field):
            return
        cursors_at_end(field)
        field.focus()

    def _in_sight(self, field: Widget) -> bool:
        """Whether `field` and what holds it in the editor are displayed (a success metric's
        fields are hidden for other questions)."""
        for node in field.ancestors_with_self:
            if node is self.panel:
                return True
            if not getattr(node, "display", True):
                return False
        return False

    def edit_notes(self, separate: bool = True) -> None:
        """Put the keyboard in the notes editor (its cursor is at the end of the notes); with
        `separate`, words typed next start after a space when the notes end in a word."""
        notes = self.query_one("#q-notes", NotesArea)
        if not notes.disabled:
            notes.come_in(separate)
            notes.focus(scroll_visible=False)
            self.panel.keep_notes_in_view()

    def action_edit_highlighted(self) -> None:
        """Enter on a question in the tree: edit its notes (elsewhere Enter does what it did)."""
        tree = self.navigator.question_tree
        node = tree.cursor_node
        if self.screen.focused is not tree or node is None or not node.data:
            raise SkipAction()
        self.navigator.current = node.data
        self.show_question(node.data)
        self.edit_notes()

    def action_search(self) -> None:
        """Focus the search box."""
        self.query_one("#nav-search", Input).focus()

    def action_filter(self, name: str) -> None:
        """Toggle a navigator filter."""
        self.navigator.toggle(name)

    def action_to_navigator(self) -> None:
        """Leave the editor for the tree (an open dropdown closes first, keeping the keyboard)."""
        for select in self.panel.query(Select):
            if select.expanded:
                select.expanded = False
                return
        self.navigator.question_tree.focus()

    def action_maturity_step(self, which: str, delta: int) -> None:
        """Current or target maturity one up or down (below 1 clears it)."""
        if self.acted_on():
            self.panel.step_maturity(which, delta)  # it says what it did

    def action_next_choice(self, field_name: str) -> None:
        """The answer's next status or confidence (the dropdown shows it)."""
        if self.acted_on():
            chosen = self.panel.next_choice(field_name)
            if chosen:
                self.app.notify(f"{field_name.capitalize()}: {chosen}", markup=False, timeout=2)

    def acted_on(self) -> str:
        """The question a key acts on. From the tree: the highlighted one (the editor is brought
        in line with it first); on an area or group line: none, and a notice says so. From the
        editor: the question it shows."""
        tree = self.navigator.question_tree
        if self.screen.focused is not tree:
            return self.panel.ref
        ref = self.navigator.highlighted()
        if ref and not tree.cursor_in_sight():  # README: a key never acts on an item out of sight
            tree.show_cursor()
            self.app.notify("The highlighted question was out of sight: here it is; press the key again.",
                            timeout=3)
            return ""
        if not ref:
            self.app.notify("Highlight a question first: keys act on the highlighted question.", timeout=3)
        elif ref != self.panel.ref:
            self.navigator.current = ref
            self.show_question(ref)
        return ref

    def action_maturity(self, which: str, value: int) -> None:
        """Set current or target maturity (0 clears it)."""
        if self.acted_on():
            self.panel.set_maturity(which, value or None)

    def action_hear(self) -> None:
        """Open the quote entry of the selected pain indicator (its record when it was heard in
        this session already)."""
        question = self.workspace.catalogue.questions.get(self.acted_on())
        if question is not None and question.kind == "pain-indicator":
            self.panel.hear()
        elif question is not None:  # the footer offers the key on every question: it answers
            self.app.notify("Not a pain indicator: ctrl+r and h mark those heard.", timeout=3)

    def action_remove_heard(self) -> None:
        """Remove the heard record under the cursor of the heard list (only from there)."""
        if self.app.focused is self.panel.query_one("#q-heard-list"):
            self.panel.unhear()

    # --- edits -------------------------------------------------------------------------------

    def refresh_pane(self, parts: Collection[str] | None = None) -> None:
        """Show the project as it is now (after an undo, a redo or a reload): all of it."""
        self.navigator.refresh_counts()
        if self.panel.ref:
            self.show_question(self.panel.ref)

    def _question_words(self, ref: str) -> str:
        question = self.workspace.catalogue.questions.get(ref)
        return question.text if question else ref

    def record_typed(self) -> None:
        """Record the reason / ask-whom field now, as it shows (ctrl+s has just completed a name
        there): its own Changed message arrives after the save, and then changes nothing."""
        detail = self.panel.query_one("#q-status-detail")
        if detail.has_focus:
            self._answer_edited(self.panel.status_detail_edit())

    @on(QuestionPanel.AnswerEdited)
    def _answer_edited(self, event: QuestionPanel.AnswerEdited) -> None:
        ws = self.workspace
        if ws.session is None or event.ref not in ws.catalogue.questions:
            return
        before = ws.project.answer(event.ref, ws.session_id)
        status = before.status if before is not None else ""
        if "notes" in event.changes:
            typed_at = ws.clock.now()
            if typed_at - self._notes_typed_at >= NOTES_PAUSE_SECONDS:
                ws.editor.seal()
            self._notes_typed_at = typed_at
        edit = SetAnswer(event.ref, ws.session_id, event.changes, self._question_words(event.ref))
        applied = self.apply(edit)
        after = ws.project.answer(event.ref, ws.session_id)
        now = after.status if after is not None else ""
        if applied and status != now:
            self.navigator.refresh_counts()
        if status != now or "status" in event.changes:  # "answered" alone records nothing
            self.panel.show_status(now)

    @on(QuestionPanel.HeardRequested)
    def _heard_requested(self, event: QuestionPanel.HeardRequested) -> None:
        """The quote entry for a heard record (prefilled) or a new one; saving edits that record
        or adds one, so a quote typed later never makes a second record."""
        self.open_heard(event.ref, event.heard_id)

    def open_heard(self, ref: str, heard_id: str = "") -> None:
        """The quote entry for the question `ref`: the heard record `heard_id`, or a new one."""
        from workbench.ui.modals.heard_modal import HeardDraft, HeardModal

        ws = self.workspace
        if ws.session is None:
            return
        if self.panel.ref != ref:
            self.jump_to(ref)
        record = next((h for h in ws.project.heard if h.id == heard_id), None)
        words = self._question_words(ref)
        if record is None:
            draft, heading = HeardDraft(session=ws.session_id), "Heard: record the quote"
        else:
            draft = HeardDraft(record.quote, record.speaker_role, record.session)
            heading = f"Heard: edit {record.id}"

        def saved(result: HeardDraft | None) -> None:
            if result is None:
                return
            if record is None:
                hear = Hear(ref, result.session, result.quote, result.speaker_role, words)
                if self.apply(hear):
                    self._heard_done(hear.heard_id, f"{hear.heard_id} heard: {quoted(words, 32)}")
                    self.panel.show_others()  # heard in another session shows there at once
                return
            changed = {k: v for k, v in result.changes().items() if getattr(record, k) != v}
            if changed and self.apply(EditHeard(record.id, changed)):
                self._heard_done(record.id, f"{record.id} edited: {quoted(words, 32)}")
                self.panel.show_others()

        modal = HeardModal(heading, words, draft, ws.project)
        self.app.push_screen(modal.reopens("capture", "open_heard", ref, heard_id), saved)

    def _heard_done(self, heard_id: str, notice: str) -> None:
        """Show the heard list with the record on the cursor and the notice on its title line
        (a toast would cover the list, which sits at the bottom of the panel)."""
        self.panel.show_heard(select=heard_id, notice=notice)
        self.navigator.refresh_counts()
        self.panel.scroll_to_widget(self.panel.query_one("#q-indicator"), animate=False)

    @on(QuestionPanel.IndicatorUnheard)
    def _unheard(self, event: QuestionPanel.IndicatorUnheard) -> None:
        """Remove a heard record; when the quote is evidence of gaps, ask first, naming them (as
        Delete on a gap does). The notice says which gaps it is no longer evidence of, and the
        keyboard stays in the list (on the next quote), or goes to the notes when it was the last."""
        from workbench.edits.capture import cited_sentence, citing_gaps
        from workbench.export.wording import join_and
        from workbench.ui.modals.confirm import DeleteModal

        heard_id = event.heard_id
        record = next((h for h in self.workspace.project.heard if h.id == heard_id), None)
        if record is None:
            return
        cited_by = citing_gaps(self.workspace.project, f"heard:{heard_id}")

        def remove(yes: bool | None = True) -> None:
            if not yes or not self.apply(Unhear(heard_id)):
                return
            evidence = f"; it is no longer evidence of {join_and(cited_by)}" if cited_by else ""
            self.panel.show_heard(notice=f"Removed {heard_id}{evidence} (ctrl+z brings it back).")
            self.navigator.refresh_counts()
            listing = self.panel.query_one("#q-heard-list")
            (listing if listing.display else self.panel.query_one("#q-notes")).focus(scroll_visible=False)

        if not cited_by:
            remove()
            return
        body = f"“{one_line(record.quote, 60)}” is removed. {cited_sentence(cited_by)}ctrl+z undoes it."
        self.app.push_screen(DeleteModal(f"Remove {heard_id}?", body, yes="Remove", no="Keep"), remove)

    @on(QuestionPanel.MetricEdited)
    def _metric_edited(self, event: QuestionPanel.MetricEdited) -> None:
        ws = self.workspace
        changes: dict[str, Any] = event.changes
        metric = ws.project.metric_from(event.ref)
        if metric is None and all(value in (None, "") for value in changes.values()):
            return  # a field of a metric not defined yet left empty (or refused): nothing to define
        if metric is not None:
            edit: Edit = EditMetric(metric.id, changes)
        else:
            edit = AddMetric(
                event.ref, values={"session": ws.session_id, **changes}, about=self._question_words(event.ref)
            )
        if self.apply(edit):
            self.panel.show_sentence()
            self.navigator.refresh_counts()

    def action_attach_evidence(self) -> None:
        """Attach what this question gave in this session (its answer, the quote under the cursor
        of the heard list or the quotes heard here, its metric) to a gap chosen from a list that
        marks the gaps holding it already. The heading, the notice and the undo name say exactly
        what is (was) attached: #12 walkthrough, they named another session's quote that the
        gap held already."""
        from workbench.edits.gaps import AttachEvidence, question_evidence  # off the first paint
        from workbench.ui.modals.pick_modal import GAP_WORDS, PickModal

        ws = self.workspace
        ref = self.acted_on()
        if ref not in ws.catalogue.questions:
            return
        in_heard_list = self.app.focused is self.panel.query_one("#q-heard-list")
        heard_id = self.panel.highlighted_heard() if in_heard_list else ""
        if heard_id:
            links = [f"heard:{heard_id}"]
        else:
            links = question_evidence(ws.project, ref, ws.session_id, only_session=True)
        if links == [ref]:
            self.app.notify("Nothing to attach yet: answer the question (or hear it) first.", timeout=4)
            return
        if not ws.project.gaps:
            self.app.notify("No gaps yet: ctrl+g raises one from this question.", timeout=4)
            return
        options = []
        for gap in ws.project.gaps:
            label = Text(f"{gap.id}  ", style="bold")
            label.append_text(literal(one_line(gap.title)))
            if all(link in gap.evidence for link in links):
                label.append("  has it already", style="dim")
            options.append((gap.id, label))

        def chosen(gap_id: str | None) -> None:
            gap = ws.project.gap(gap_id) if gap_id else None
            if gap is None:
                return
            new = [link for link in links if link not in gap.evidence]
            if not new:
                already = f"{gap.id} has it already: {self._evidence_words(links)}"
                self.app.notify(already, markup=False, timeout=4)
                return
            words = self._evidence_words(new)
            if self.apply(AttachEvidence(gap.id, new, about=self._evidence_name(new))):
                self.app.notify(f"Attached to {gap.id}: {one_line(words, 90)}", markup=False, timeout=4)

        heading = f"Attach to which gap?  {one_line(self._evidence_words(links), 150)}"
        self.app.push_screen(PickModal(heading, options, GAP_WORDS), chosen)

    def _evidence_name(self, links: list[str]) -> str:
        """Pieces of evidence in the undo's name, which is cut short: a quote by its id and words
        ('H-m1-01 “Serving costs…”'), anything else as `_evidence_words` says it."""
        first = links[0].removeprefix("heard:")
        heard = next((h for h in self.workspace.project.heard if f"heard:{h.id}" == links[0]), None)
        if heard is None:
            return self._evidence_words(links)
        more = f" and {len(links) - 1} more" if len(links) > 1 else ""
        return f"{first} “{one_line(heard.quote)}”{more}"

    def _evidence_words(self, links: list[str]) -> str:
        """Pieces of evidence in words: the first one's sentence, and how many more."""
        from workbench.analysis.evidence_words import evidence_sentence  # off the first paint

        ws = self.workspace
        sentence = evidence_sentence(ws.project, ws.catalogue, links[0], ws.currency())
        return sentence + (f" and {len(links) - 1} more" if len(links) > 1 else "")

    def action_raise_gap(self) -> None:
        """Raise a gap prefilled from the selected question, its answer, quotes or metric."""
        from workbench.edits.gaps import gap_title, question_evidence  # off the first paint

        ws = self.workspace
        ref = self.acted_on()
        question = ws.catalogue.questions.get(ref)
        if question is None:
            return
        evidence = question_evidence(ws.project, ref, ws.session_id)
        answer = ws.project.answer(ref, ws.session_id) if ws.session_id else None
        notes = answer.notes if answer else ""
        title = gap_title(question, notes)
        self.post_message(RaiseGapFrom(title, question.area, evidence))
