"""The selected question: its text and hint, other sessions' answers, and the answer editor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Edit, EditResult, Location

from workbench.analysis.followups import known_people
from workbench.analysis.metrics import metric_sentence, target_change, template_units
from workbench.edits.words import STATUS_WORDS
from workbench.model.records import STATUS_DETAIL, Metric
from workbench.printable import times, unit_before
from workbench.ui.parsing import date_problem, not_saved, number_problem, parse_date, parse_number
from workbench.ui.safe import clean, literal, one_line
from workbench.ui.widgets.choice_select import ChoiceSelect
from workbench.ui.widgets.maturity import MaturityBar
from workbench.ui.widgets.people import PeopleSuggester, PersonInput
from workbench.ui.widgets.real_text import RealInput, RealTextArea
from workbench.ui.widgets.staying_list import StayingOptionList
from workbench.ui.widgets.text_cursor import cursors_at_end
from workbench.ui.workspace import Workspace

STATUS_OPTIONS = [(Text(words), value) for value, words in STATUS_WORDS.items()]
NOT_ANSWERED = "not answered yet"
"""What the status dropdown shows while the question has no answer in this session."""
BLANK_STATUS_WORDS = {"heard": "heard (no answer)", "defined": "metric defined"}
"""What it shows instead when the question is dealt with without an answer (the tree's ●, ♪)."""
STATUS_CYCLE = [STATUS_OPTIONS[0], STATUS_OPTIONS[3], STATUS_OPTIONS[2], STATUS_OPTIONS[1]]
"""ctrl+o's order: the commonest change from answered first."""
CONFIDENCE_OPTIONS = [
    (Text("stated"), "stated"),
    (Text("observed"), "observed"),
    (Text("evidenced"), "evidenced"),
]
METRIC_FIELDS = ("baseline", "target", "unit", "measured_by", "owner", "due")
METRIC_WIDE = 84
"""The panel width from which the four short metric fields go on one line (each input 12 wide or
more); 'measured by' and owner have a line each at every width (as a third of a line, 'measured
by' showed 20 characters of its words at 160x48 with the rest of the panel empty)."""
CHECKED_FIELDS = ("baseline", "target", "due")
"""The metric fields saved only while they hold a number (the due date: a date)."""
STATUS_ROW_WIDE = 37
"""The panel width the status and confidence dropdowns need side by side (21 + 14 and their
margins); narrower (beside the widened tree at 80 columns) confidence goes under status."""


class NotesArea(RealTextArea):
    """The notes editor. Its typing is saved as it happens, as steps of the workbench's one undo
    history, so ctrl+z and ctrl+y go straight to that history: the editor's own, kept beside it,
    took back typing the file still held and put back words already undone (issue 12). Enter
    before anything is written adds no blank line (ctrl+n then Enter, as Enter once opened the
    notes)."""

    async def _on_key(self, event: events.Key) -> None:
        before = self.get_text_range((0, 0), self.cursor_location)
        if event.key == "enter" and not before.strip():
            event.prevent_default()
            event.stop()

    _separate = False
    """Whether what is typed next at the end of the notes starts after a space (they end in a word)."""
    _separated_at: Location | None = None
    """Just after the space put before the words typed on, while nothing before it was edited."""

    def come_in(self, separate: bool = True) -> None:
        """The keyboard comes into the notes (loaded, Enter, ctrl+n, ctrl+b, a jump): the cursor
        goes after what was said, and words typed next do not run into notes that end in a word
        ('…by hand.Conda envs'): they start after a space, saved only with them. Without
        `separate` (a restore: the person was typing there when the workbench stopped, maybe
        mid-word) what is typed next carries straight on."""
        self.move_cursor(self.document.end)
        real = self.real  # the text as saved: a note ending in a hidden line break needs no space
        self._separate = separate and bool(real) and not real[-1].isspace()
        self._separated_at = None
        self._came_in = True

    _came_in = False
    """Whether the keyboard's way in has been prepared (`come_in`) since it last left the notes."""

    def keyboard_moved(self, before: Widget | None, after: Widget | None) -> None:
        """The keyboard moved from `before` to `after`: coming in from another field of the
        answer (Tab, shift+Tab, a status chosen) is coming in as ctrl+n and Enter come in, unless
        that way in was prepared already ('ask whom', Tab, 'and Kafka' saved '…fraud API.and
        Kafka')."""
        if before is self:
            self._came_in = False
        elif after is self and not self._came_in:
            self.come_in()

    def edit(self, edit: Edit) -> EditResult:
        if self._separated_at is not None and edit.top < self._separated_at:
            self._separated_at = None  # the space is no longer the one put there
        return super().edit(edit)

    def action_delete_left(self) -> None:
        """Backspace over the last of the words typed on takes the space put before them too: the
        notes are as they were, and words typed next start after a space again."""
        row, column = after = self.cursor_location
        start = self._separated_at
        if (
            start is not None
            and not self.read_only
            and self.selection.is_empty
            and after == self.document.end
            and row == start[0]
            and column > start[1] == unit_before(self.document.get_line(row), column)
        ):
            self.delete((row, start[1] - 1), after)
            self._separate = True
            return
        super().action_delete_left()

    def load_real(self, text: str) -> None:
        super().load_real(text)
        self.come_in()

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        """Every typed or pasted insertion (Textual's one path for both) comes here."""
        at_end = start == end == self.document.end
        separated = self._separate and at_end and insert[:1] not in ("", " ", "\n", "\t")
        if separated:
            insert = " " + insert
        self._separate = False
        result = super()._replace_via_keyboard(insert, start, end)
        if separated and result is not None:
            self._separated_at = (start[0], start[1] + 1)
        return result

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("undo", "redo"):
            return False  # the key goes on to the workbench's undo and redo
        return super().check_action(action, parameters)


@dataclass
class PanelMessage(Message):
    """A request from the question panel about the question `ref`; the panel is its control."""

    panel: QuestionPanel
    ref: str

    @property
    def control(self) -> QuestionPanel:
        return self.panel


ROOMY_HEIGHT = 30
"""Below this many rows the rubric of the maturity set takes one line a level."""


class QuestionPanel(VerticalScroll, can_focus=False):
    """Shows and edits the answer to one question in the current session. The panel itself is no
    Tab stop: its fields scroll into view as they take focus."""

    @dataclass
    class AnswerEdited(PanelMessage):
        """Fields of the answer changed."""

        changes: dict[str, Any] = field(default_factory=dict)

    @dataclass
    class HeardRequested(PanelMessage):
        """Open the quote entry: for a heard record (`heard_id`), or for a new one when empty."""

        heard_id: str = ""

    @dataclass
    class IndicatorUnheard(PanelMessage):
        """Remove one heard record of the indicator."""

        heard_id: str

    @dataclass
    class MetricEdited(PanelMessage):
        """A field of the metric defined from this template changed. Which metric that is (or that
        one is created) is decided when the message is handled: in a burst of keys several of these
        are posted before the first is handled."""

        changes: dict[str, Any] = field(default_factory=dict)

    def __init__(self, workspace: Workspace, id: str | None = None) -> None:
        super().__init__(id=id)
        self.workspace = workspace
        self.ref = ""
        self._metric_problems: dict[str, str] = {}
        """The sentence refusing what is typed in the baseline or target, by field."""
        self._metric_kept: dict[str, Any] = {}
        """The baseline, target and due date as saved when the keyboard came into their fields:
        what the file holds again while a field holds something that is not a number (a date)."""

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._keyboard_moved, init=False)

    def _keyboard_moved(self, before: Widget | None, after: Widget | None) -> None:
        """Moves into the notes from the answer's other fields, and out of them, told to the notes
        (as they happen: before the click or key that moved the keyboard is handled there)."""
        notes = self.query_one("#q-notes", NotesArea)
        inside = before is not None and self in before.ancestors
        if before is notes or (after is notes and inside):
            notes.keyboard_moved(before, after)

    def on_resize(self) -> None:
        """Two metric fields to a line when three would not fit; the dropdowns one above the
        other when two would not."""
        self.query_one("#q-metric-fields").set_class(self.size.width < METRIC_WIDE, "narrow")
        self.query_one("#q-status-row").set_class(self.size.width < STATUS_ROW_WIDE, "stacked")
        self._show_question_text()

    def compose(self) -> ComposeResult:
        with Vertical(id="q-head"):  # docked: what is being answered never scrolls away
            yield Static(id="q-crumb", classes="crumb")
            yield Static(id="q-text", classes="question")
        yield Static(id="q-hint", classes="hint")
        yield Static(id="q-others", classes="others")
        with Horizontal(id="q-status-row", classes="row"):
            # Blank (showing NOT_ANSWERED) until the question has an answer: a default of
            # "answered" said so of every unanswered question.
            yield ChoiceSelect(STATUS_OPTIONS, id="q-status", prompt=NOT_ANSWERED, compact=True)
            yield ChoiceSelect(
                CONFIDENCE_OPTIONS, id="q-confidence", allow_blank=False, value="stated", compact=True
            )
        # Its own line under the dropdowns: between them it squeezed to nothing at 80 columns and
        # the confidence dropdown was drawn over it.
        yield PersonInput(
            id="q-status-detail",
            saved_as_typed=True,
            placeholder="reason / ask whom",
            compact=True,
            suggester=PeopleSuggester(self._whom_to_ask),
        )
        yield MaturityBar(id="q-maturity")
        yield Static(id="q-levels", classes="levels")
        yield NotesArea(
            id="q-notes",
            soft_wrap=True,
            show_line_numbers=False,
            compact=True,
            placeholder="notes: what was said",
        )
        with Vertical(id="q-indicator"):
            yield Static(id="q-heard-title")
            yield StayingOptionList(id="q-heard-list", compact=True)
            with Horizontal(classes="row", id="q-heard-buttons"):
                yield Button("Heard… (h)", id="q-hear", variant="primary", compact=True)
                yield Button("Add another", id="q-hear-another", compact=True)
                yield Button("Remove", id="q-unhear", compact=True)
        with Vertical(id="q-metric"):
            yield Static(id="q-sentence", classes="sentence")
            # Each field with its label: the four short ones on a line (two in a narrow panel), then
            # 'measured by' and owner a line each: in two fixed rows 'unit' was not drawn and
            # 'measured by' was one character wide.
            with Grid(id="q-metric-fields"):
                yield Label("baseline")
                yield Input(id="q-baseline", compact=True)
                yield Label("target", id="q-target-label")
                yield Input(id="q-target", compact=True)
                yield Label("unit")
                yield RealInput(id="q-unit", saved_as_typed=True, compact=True)
                yield Label("due")
                yield Input(id="q-due", placeholder="YYYY-MM-DD", compact=True)
                yield Label("measured by")
                yield RealInput(
                    id="q-measured_by", saved_as_typed=True, placeholder="how it is measured", compact=True
                )
                yield Label("owner")
                yield RealInput(id="q-owner", saved_as_typed=True, placeholder="name", compact=True)
            # What was typed in a number field and is not a number: said, and not saved
            problem = Static(id="q-metric-problem", classes="dialog-error")
            problem.display = False
            yield problem

    # --- showing ---------------------------------------------------------------------------

    def show(self, ref: str) -> None:
        """Load a question and its answer into the editor."""
        same_question, self.ref = ref == self.ref, ref
        ws = self.workspace
        catalogue = ws.catalogue
        question = catalogue.questions.get(ref)
        if question is None:
            self._show_none()
            return
        part = catalogue.part_of(ref)
        group = catalogue.groups.get((question.area, question.group))
        crumbs = [catalogue.area_title(question.area), part.title if part else question.part]
        if group:
            crumbs.append(group.title)
        crumb = " › ".join(crumbs)
        if self.size.width >= 100:
            crumb += f"   [{ref}]"
        self.query_one("#q-crumb", Static).update(literal(crumb, "dim"))
        self._show_question_text()
        hint = question.hint or (part.hint if part else "")
        self.query_one("#q-hint", Static).update(literal(hint, "italic dim"))
        self._show_others(ref)
        session = ws.session
        editable = session is not None
        answer = ws.project.answer(ref, session.id) if session else None
        with self.prevent(Select.Changed, Input.Changed, TextArea.Changed):
            self._show_blank_status(ref)
            self.query_one("#q-status", Select).value = answer.status if answer else Select.NULL
            self.query_one("#q-confidence", Select).value = answer.confidence if answer else "stated"
            self._load_status_detail(answer.detail() if answer else "", again=True)
            notes = self.query_one("#q-notes", NotesArea)
            text = answer.notes if answer else ""
            if not (same_question and notes.real == text):  # a repaint keeps the cursor where it is
                notes.load_real(text)  # new words go after what was said
            notes.disabled = not editable
            self.query_one(MaturityBar).set_scores(
                answer.current if answer else None, answer.target if answer else None
            )
            self.show_levels(answer.current if answer else None, answer.target if answer else None)
        self._status_detail_visibility(answer.status if answer else "")
        for widget_id in ("#q-status", "#q-confidence", "#q-status-detail"):
            self.query_one(widget_id).disabled = not editable
        self.query_one("#q-indicator").display = question.kind == "pain-indicator"
        self.query_one("#q-metric").display = question.kind == "success-metric"
        # a success metric holds a baseline and a target number, not a maturity level
        self.query_one(MaturityBar).display = question.kind != "success-metric"
        if question.kind == "pain-indicator":
            self.show_heard()
        if question.kind == "success-metric":
            # a "by X%" target is the change in per cent, said where it is typed
            change = target_change(question)
            words = f"{change.removeprefix('% ')} %" if change else "target"
            self.query_one("#q-target-label", Label).update(words)
            self._load_metric()
        if not editable:
            self.query_one("#q-hint", Static).update(
                literal("Start a discovery session (F6) to capture answers.", "bold yellow")
            )
        self.scroll_home(animate=False)
        self.keep_notes_in_view()  # unless the notes have the keyboard: they stay in sight

    def _show_question_text(self) -> None:
        """The question's text, docked above the fields so it never scrolls away. Whole while
        browsing (a facilitator reads it beside the tree); while the notes are typed in below
        ROOMY_HEIGHT rows it takes at most two lines, ending in an ellipsis when cut, so the
        notes keep their room."""
        question = self.workspace.catalogue.questions.get(self.ref)
        if question is None:
            return
        kind = {"pain-indicator": "Pain indicator: listen for", "success-metric": "Success metric"}
        short = self.app.size.height < ROOMY_HEIGHT
        self.set_class(short, "-short")  # the crumb and the rubric one line each (the CSS)
        typing = short and self.screen.focused is self.query_one("#q-notes", NotesArea)
        heading = Text()
        if question.kind in kind:
            heading.append(kind[question.kind] + (": " if short else "\n"), style="italic")
        heading.append_text(literal(question.text, "bold"))
        # The width only when it is needed: asked while the pane is out of view (the notes losing
        # the keyboard to a pane switch), Textual lays out every pane to answer.
        width = self.scrollable_content_region.width if typing else 0
        if typing and width > 1:
            lines = heading.wrap(self.app.console, width)
            if len(lines) > 2:  # the rest of the next line makes the second one overflow
                lines[1].rstrip()
                second = lines[1] + Text(" ") + lines[2]
                second.truncate(width, overflow="ellipsis")
                heading = Text("\n").join([lines[0], second])
        shown = self.query_one("#q-text", Static)
        if shown.content != heading:  # the same words again: no new layout of the pane
            shown.update(heading)

    def _show_none(self) -> None:
        """No question to show (the filters hide them all): nothing to edit."""
        self.ref = ""
        shown = (
            ("#q-crumb", ""),
            ("#q-text", "No question matches the filters."),
            ("#q-hint", "Press u, f or t in the tree to change them, or clear the search."),
        )
        for widget_id, words in shown:
            self.query_one(widget_id, Static).update(literal(words, "italic" if words else ""))
        for widget_id in ("#q-others", "#q-levels", "#q-indicator", "#q-metric", "#q-status-detail"):
            self.query_one(widget_id).display = False
        with self.prevent(TextArea.Changed):
            self.query_one("#q-notes", NotesArea).load_real("")
        for widget_id in ("#q-status", "#q-confidence", "#q-notes"):
            self.query_one(widget_id).disabled = True
        self.query_one(MaturityBar).set_scores(None, None)

    def show_others(self) -> None:
        """Show again what the other sessions said of the question (a quote saved for one)."""
        if self.ref:
            self._show_others(self.ref)

    def _show_others(self, ref: str) -> None:
        ws = self.workspace
        lines = Text()
        for answer in ws.project.answers_to(ref):
            if answer.session == ws.session_id:
                continue
            session = ws.project.session(answer.session)
            roles = ", ".join(a.role for a in session.attendees if a.role) if session else ""
            lines.append(f"{answer.session}", style="bold")
            if roles:
                lines.append(f" · {one_line(roles, 40)}", style="dim")
            lines.append(f" · {answer.status}")
            if answer.current or answer.target:
                lines.append(f" · maturity {answer.current or '–'} → {answer.target or '–'}")
            lines.append("\n")
            if answer.notes:
                lines.append_text(literal("  " + clean(answer.notes).replace("\n", "\n  ") + "\n", "italic"))
        for heard in ws.project.heard:
            if heard.indicator == ref and heard.session != ws.session_id:
                lines.append(f"{heard.session} · heard", style="bold")
                if heard.speaker_role:
                    lines.append_text(literal(f" · {heard.speaker_role}", "dim"))
                lines.append("\n")
                if heard.quote:
                    lines.append_text(literal(f"  “{heard.quote}”\n", "italic"))
        if lines.plain:
            header = Text("Other sessions (read-only)\n", style="underline")
            header.append_text(lines)
            lines = header
        widget = self.query_one("#q-others", Static)
        widget.update(lines)
        widget.display = bool(lines.plain)

    def show_heard(self, select: str = "", notice: str = "") -> None:
        """List the times the indicator was heard in this session, each with its quote and
        role; the cursor on `select` (a record just added or edited), else where it was. A
        `notice` of what was just done shows on the list's title line, where it covers nothing."""
        ws = self.workspace
        heard = ws.project.heard_in(self.ref, ws.session_id)
        count = f"Heard {times(len(heard))} in this session" if heard else "Not heard yet in this session"
        hint = "  enter edits · delete removes" if heard else "  h records it, with the quote"
        title = Text(count, style="bold")
        if notice:
            title.append_text(literal(f"  ✓ {notice}", "bold green", multiline=False))
        else:
            title.append(hint, style="dim")
        self.query_one("#q-heard-title", Static).update(title)
        listing = self.query_one("#q-heard-list", OptionList)
        keep = select or self.highlighted_heard()
        options = []
        for record in heard:
            label = Text(f"{record.id} ", style="dim")
            if record.speaker_role:
                label.append_text(literal(f"{one_line(record.speaker_role, 40)}: ", "dim"))
            quote = clean(record.quote, multiline=False)
            label.append_text(literal(f"“{quote}”" if quote else "(no quote yet)", "italic"))
            options.append(Option(label, id=record.id))
        listing.set_options(options)
        listing.display = bool(heard)
        ids = [record.id for record in heard]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else len(ids) - 1
        self.query_one("#q-hear", Button).disabled = ws.session is None
        self.query_one("#q-hear-another", Button).display = bool(heard)
        self.query_one("#q-unhear", Button).display = bool(heard)

    def highlighted_heard(self) -> str:
        """The heard record the cursor is on in the list ('' when there is none)."""
        listing = self.query_one("#q-heard-list", OptionList)
        if listing.highlighted is None or listing.highlighted >= listing.option_count:
            return ""
        return listing.get_option_at_index(listing.highlighted).id or ""

    def _metric(self) -> Metric | None:
        return self.workspace.project.metric_from(self.ref)

    def _load_metric(self) -> None:
        metric = self._metric()
        with self.prevent(Input.Changed):
            for name in METRIC_FIELDS:
                value = getattr(metric, name) if metric else None
                text = (
                    "" if value is None else (value.isoformat() if isinstance(value, dt.date) else str(value))
                )
                editor = self.query_one(f"#q-{name}", Input)
                if isinstance(editor, RealInput):
                    editor.load_real(text)
                else:
                    editor.value = clean(text, multiline=False)
        template = self.workspace.catalogue.questions.get(self.ref)
        self.query_one("#q-unit", Input).placeholder = template_units(template)
        cursors_at_end(self.query_one("#q-metric"))
        self._metric_kept = {name: getattr(metric, name) if metric else None for name in CHECKED_FIELDS}
        self._metric_problems.clear()
        self._say_metric_problems()
        self.show_sentence()

    def _say_metric_problems(self) -> None:
        problem = self.query_one("#q-metric-problem", Static)
        problem.update(literal(" ".join(self._metric_problems.values())))
        problem.display = bool(self._metric_problems)
        if problem.display:  # under the fields, scrolled into view (at 80x24 it is below the fold)
            self.call_after_refresh(problem.scroll_visible, animate=False)

    def show_sentence(self) -> None:
        """The metric as a sentence, with the numbers typed so far."""
        metric = self._metric() or Metric(id="new", template=self.ref)
        sentence = metric_sentence(metric, self.workspace.catalogue, self.workspace.currency())
        self.query_one("#q-sentence", Static).update(literal(f"→ {sentence}", "bold"))

    def show_levels(self, current: int | None, target: int | None) -> None:
        """What the levels set mean for this question (its own rubric, else its area's)."""
        levels = self.workspace.catalogue.levels_for(self.ref)
        text = Text()
        for label, value in (("Now", current), ("Target", target)):
            if value is None or not 1 <= value <= len(levels):
                continue
            if text.plain:
                text.append("\n")
            text.append(f"{label} {value}: ", style="bold")
            text.append_text(literal(levels[value - 1], "italic", multiline=False))
        if self.app.size.height < ROOMY_HEIGHT:  # one line a level, so the notes keep their room
            text.no_wrap, text.overflow = True, "ellipsis"
        widget = self.query_one("#q-levels", Static)
        widget.update(text)
        widget.display = bool(text.plain)
        self.keep_notes_in_view()

    def keep_notes_in_view(self) -> None:
        """While the notes have the keyboard they stay on screen, also when what is above them
        grows (the rubric of a maturity just set) or a question is shown from its top."""
        self.call_after_refresh(self._notes_into_view, self.query_one("#q-notes", NotesArea))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The notes come into sight as they take the keyboard (also when it comes back to them
        with the pane: the footer said '✎ notes' over a notes box below the bottom edge), the
        question above them cut short in a short window."""
        if isinstance(event.widget, NotesArea):
            self._show_question_text()
            self.keep_notes_in_view()
        name = (event.widget.id or "").removeprefix("q-")
        if name in CHECKED_FIELDS:  # what the file keeps while the field holds no number
            metric = self._metric()
            self._metric_kept[name] = getattr(metric, name) if metric else None

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """The notes give up the keyboard: the question is shown whole again."""
        if isinstance(event.widget, NotesArea):
            self._show_question_text()

    @on(TextArea.SelectionChanged, "#q-notes")
    def _notes_cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        """Typing, or moving the cursor, in notes out of sight brings them into sight."""
        event.stop()
        self.keep_notes_in_view()

    def _notes_into_view(self, notes: NotesArea) -> None:
        if self.screen.focused is notes and not self.can_view_entire(notes):
            self.scroll_to_widget(notes, animate=False, immediate=True)

    def _whom_to_ask(self) -> list[str]:
        """The people to complete "ask whom?" with (none for a reason it does not apply)."""
        if self.query_one("#q-status", Select).value != "follow-up":
            return []
        return known_people(self.workspace.project)

    @on(Input.Submitted, "#q-status-detail")
    def _accept_person(self, event: Input.Submitted) -> None:
        """Enter at the end of a name takes the person offered (as → does)."""
        event.stop()
        event.input.action_cursor_right()

    def show_status(self, status: str) -> None:
        """Show the answer's status ('': not answered yet) as the last edit left it; nothing is
        edited."""
        select = self.query_one("#q-status", Select)
        self._show_blank_status(self.ref)
        with self.prevent(Select.Changed):
            select.value = status or Select.NULL
        self._status_detail_visibility(status or "")
        answer = self.workspace.project.answer(self.ref, self.workspace.session_id)
        self._load_status_detail(answer.detail() if answer else "")

    def _load_status_detail(self, words: str, again: bool = False) -> None:
        """Show `words` in the reason / ask-whom field, as saved: not an edit. Unless loaded
        `again` (another question), the same words leave the cursor where it was."""
        detail = self.query_one("#q-status-detail", RealInput)
        if detail.real == words and not again:
            return
        with self.prevent(Input.Changed):
            detail.load_real(words)
        cursors_at_end(detail)

    def _show_blank_status(self, ref: str) -> None:
        """What the status dropdown says while the question has no answer: not answered yet, or
        heard or its metric defined (the tree marks those done)."""
        state = self.workspace.progress().state(ref)
        self.query_one("#q-status", Select).prompt = BLANK_STATUS_WORDS.get(state, NOT_ANSWERED)

    def _status_detail_visibility(self, status: str) -> None:
        detail = self.query_one("#q-status-detail", PersonInput)
        detail.display = status in ("not-applicable", "follow-up")
        detail.placeholder = "why it does not apply" if status == "not-applicable" else "ask whom?"
        # The footer names the field by what it asks now (its one name was too long at 80 columns).
        detail.field_name = "why not" if status == "not-applicable" else "ask whom"

    def set_maturity(self, which: str, value: int | None, stepped: int = 0) -> None:
        """Set current or target maturity from a key press; `stepped` is the direction of a step
        (ctrl+up and the like), 0 for a level typed or clicked."""
        if self.workspace.session is None or not self.ref:
            return
        question = self.workspace.catalogue.questions.get(self.ref)
        if question is not None and question.kind == "success-metric":
            self.app.notify(
                "A success metric has no maturity: type its baseline and target in its fields.", timeout=3
            )
            return
        bar = self.query_one(MaturityBar)
        if which == "current":
            bar.set_scores(value, bar.target)
        else:
            bar.set_scores(bar.current, value)
        self.show_levels(bar.current, bar.target)
        self.post_message(self.AnswerEdited(self, self.ref, {which: value}))
        # Each key says what it did, in place of the last notice ("Current maturity: 5" stayed
        # up while 2 and 3 were pressed).
        name = which.capitalize()
        self.app.notify(f"{name} maturity: {value}" if value else f"{name} maturity cleared", timeout=2)
        # A step on its way somewhere (target 1, 2, 3 up to 4 over a current 2) is not warned
        # about: only a level chosen outright, or a step taking the two further apart.
        further_apart = stepped == (-1 if which == "target" else 1)
        if (
            bar.current is not None
            and bar.target is not None
            and bar.target < bar.current
            and (not stepped or further_apart)
        ):
            self.app.notify(
                f"Target {bar.target} is below today's {bar.current}: kept as typed; "
                "press the right key if that is not what was meant.",
                severity="warning",
                timeout=4,
            )

    def step_maturity(self, which: str, delta: int) -> int | None:
        """Current or target maturity one up or down from what the bar shows (below 1 clears)."""
        bar = self.query_one(MaturityBar)
        now = bar.current if which == "current" else bar.target
        value = min(5, max(0, (now or 0) + delta)) or None
        self.set_maturity(which, value, stepped=1 if delta > 0 else -1)
        return value

    def next_choice(self, field_name: str) -> str:
        """Set the answer's next status or confidence, as its dropdown would; returns its words."""
        select = self.query_one(f"#q-{field_name}", Select)
        if self.workspace.session is None or not self.ref or select.disabled:
            return ""
        options = STATUS_CYCLE if field_name == "status" else CONFIDENCE_OPTIONS
        values = [value for _, value in options]
        now = str(select.value)
        # Not answered yet counts as "answered", which alone records nothing: the first step
        # is needs follow-up.
        value = values[(values.index(now) + 1 if now in values else 1) % len(values)]
        select.value = value  # posts Select.Changed: the edit goes the dropdown's way
        if field_name == "status":
            self._status_detail_visibility(value)
            self._keyboard_after_status(value)
        return next(str(words) for words, v in options if v == value)

    # --- edits become messages ---------------------------------------------------------------

    @on(TextArea.Changed, "#q-notes")
    def _notes(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.AnswerEdited(self, self.ref, {"notes": self.query_one(NotesArea).real}))

    @on(Select.Changed, "#q-status")
    def _status(self, event: Select.Changed) -> None:
        event.stop()
        if event.value == Select.NULL:  # "not answered yet" chosen: an answer is not taken back
            answer = self.workspace.project.answer(self.ref, self.workspace.session_id)
            if answer is not None:
                self.show_status(answer.status)
            return
        status = str(event.value)
        self._status_detail_visibility(status)
        # The status alone changes: the field it shows holds that status's own words, as saved
        # (whom to ask became the reason when the field's words went with the new status).
        answer = self.workspace.project.answer(self.ref, self.workspace.session_id)
        self._load_status_detail(answer.detail(status) if answer else "")
        self.post_message(self.AnswerEdited(self, self.ref, {"status": status}))

    @on(Input.Changed, "#q-status-detail")
    def _status_detail(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.status_detail_edit())

    def status_detail_edit(self) -> QuestionPanel.AnswerEdited:
        """The edit the reason / ask-whom field makes as it stands."""
        status = self.query_one("#q-status", Select).value
        name = STATUS_DETAIL.get(str(status), "follow_up_with")
        detail = self.query_one("#q-status-detail", RealInput).real
        return self.AnswerEdited(self, self.ref, {name: detail})

    @on(ChoiceSelect.Chosen)
    def _back_to_notes(self, event: ChoiceSelect.Chosen) -> None:
        """After a status or confidence is chosen from its list, the keyboard goes back to the
        notes, the cursor at their end, so what is typed next goes on into them; after "not
        applicable" or "needs follow-up" it goes to the field that status shows ("why it does
        not apply", "ask whom"): the reason typed next was saved as notes (walkthrough 13)."""
        event.stop()
        if event.select.id == "q-status":
            status = str(event.select.value)
            self._status_detail_visibility(status)
            self._keyboard_after_status(status, chosen=True)
            return
        self._to_notes()

    def _keyboard_after_status(self, status: str, chosen: bool = False) -> None:
        """Where the keyboard goes once `status` is set from the dropdown (`chosen`): to the reason
        / ask-whom field when the status shows it, else to the notes. ctrl+o leaves it where it
        is (a facilitator typing notes goes on typing them: ' - ask Priya' typed after ctrl+o
        went into 'ask whom'), unless the field it was in has just been hidden ("skipped")."""
        detail = self.query_one("#q-status-detail", PersonInput)
        if chosen and detail.display and not detail.disabled:
            cursors_at_end(detail)
            detail.focus()
        elif chosen or (detail.has_focus and not detail.display):
            self._to_notes()  # ctrl+o from the notes keeps the keyboard there: typing goes on

    def _to_notes(self) -> None:
        notes = self.query_one("#q-notes", NotesArea)
        if notes.disabled or not notes.display:
            return
        notes.come_in()
        notes.focus()

    @on(Select.Changed, "#q-confidence")
    def _confidence(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.AnswerEdited(self, self.ref, {"confidence": str(event.value)}))

    @on(MaturityBar.Changed)
    def _maturity(self, event: MaturityBar.Changed) -> None:
        event.stop()
        self.set_maturity(event.which, event.value)

    @on(Button.Pressed, "#q-hear")
    def _hear(self, event: Button.Pressed) -> None:
        event.stop()
        self.hear()

    @on(Button.Pressed, "#q-hear-another")
    def _hear_another(self, event: Button.Pressed) -> None:
        event.stop()
        if self.workspace.session is not None and self.ref:
            self.post_message(self.HeardRequested(self, self.ref))

    @on(OptionList.OptionSelected, "#q-heard-list")
    def _heard_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.HeardRequested(self, self.ref, event.option.id or ""))

    @on(Button.Pressed, "#q-unhear")
    def _unhear(self, event: Button.Pressed) -> None:
        event.stop()
        self.unhear()

    def unhear(self) -> None:
        """Remove the heard record the cursor is on."""
        heard_id = self.highlighted_heard()
        if heard_id:
            self.post_message(self.IndicatorUnheard(self, self.ref, heard_id))

    def hear(self) -> None:
        """Open the quote entry: the record the cursor is on (or the latest) when the indicator
        was heard in this session already, so nothing is recorded twice; else a new one."""
        if self.workspace.session is None or not self.ref:
            return
        self.post_message(self.HeardRequested(self, self.ref, self.highlighted_heard()))

    @on(Input.Changed, "#q-baseline, #q-target, #q-unit, #q-measured_by, #q-owner, #q-due")
    def _metric_field(self, event: Input.Changed) -> None:
        event.stop()
        name = (event.input.id or "").removeprefix("q-")
        value: Any = event.input.real if isinstance(event.input, RealInput) else event.value
        if name in CHECKED_FIELDS:
            # Words are never read as a number ("about 12" is not 12), nor a prefix of them: while
            # the field holds something that is not a number (a date), the file holds what it
            # did when the keyboard came into the field (38, saved on the way to "38k", is taken
            # back), and the sentence under the fields says so. The due date's is said once the
            # date is typed out (not at "2026-1" on the way).
            if name == "due":
                problem = date_problem(event.value, "due date")
                shown = len(event.value.strip()) >= len("2026-12-31")
            else:
                problem, shown = number_problem(event.value, name), True
            self._metric_problems.pop(name, None)
            if problem and shown:
                self._metric_problems[name] = not_saved(problem, self._kept_words(name))
            self._say_metric_problems()
            if problem:
                value = self._metric_kept.get(name)
            else:
                value = parse_date(event.value) if name == "due" else parse_number(event.value)
        self.post_message(self.MetricEdited(self, self.ref, {name: value}))

    def _kept_words(self, name: str) -> str:
        """What the file keeps of the field while it holds no number: 'the baseline stays 3'."""
        label = "due date" if name == "due" else name
        kept = self._metric_kept.get(name)
        if kept is None:
            return f"the metric has no {label} until one is typed"
        return f"the {label} stays {kept.isoformat() if isinstance(kept, dt.date) else kept}"
