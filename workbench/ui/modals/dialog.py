"""What every dialog shares: the frame it draws in, and its keys (ctrl+s confirms, Esc cancels)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Self, TypeVar

from rich.console import RenderableType
from rich.text import Text
from textual import events, on
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Region
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Select, TextArea

from workbench.collection_pause import hold_collection, release_collection
from workbench.ui.field_names import field_name
from workbench.ui.keys import bindings, display, key
from workbench.ui.nothing_to import say_nothing_to
from workbench.ui.safe import literal
from workbench.ui.textual_private import (
    DimmedScreen,
    drawing_put_off,
    highlighted_row,
    monotonic_time,
    result_requester,
)
from workbench.ui.widgets.key_footer import KeyFooter
from workbench.ui.widgets.text_cursor import cursors_at_end

if TYPE_CHECKING:
    from workbench.store.journal import DialogDraft

ResultType = TypeVar("ResultType")

SHORT_HEIGHT = 30
"""Below this many rows (80×24) a dialog has the class -short, so its CSS can draw it tighter and
keep every field and its buttons in sight at once."""

TALL_HEIGHT = 44
"""From this many rows on (160×48) a dialog has the class -tall, so its CSS can give a list more
of the height (the gap dialog's evidence)."""

TYPING_GUARD_SECONDS = 0.4
"""A dialog that can open under someone typing (the file's conflict dialogs) answers no key
typed before it was on screen this long with no key typed: nobody reads a dialog and answers it
faster, so such a key was meant for the text being typed (it is dropped with a bell, never taken
as an answer). Each key typed meanwhile starts the count again."""


class Dialog(VerticalScroll, can_focus=False):
    """A dialog's box. Its fields scroll into view as Tab reaches them; the `.dialog-buttons` row
    is docked at the bottom, so Save and Cancel show at 80×24 too. The box itself is no Tab stop.
    """

    def shown_region(self) -> Region:
        """Where the dialog's fields can be seen: its content area above the docked button row
        (Textual counts a field under that row as in view, so it never scrolled to it)."""
        shown = self.scrollable_content_region
        for row in self.query_children(DialogButtons):
            if row.display and row.region.height:
                shown = Region(shown.x, shown.y, shown.width, max(0, row.region.y - shown.y))
        return shown

    def shows(self, widget: Widget) -> bool:
        """Whether all of `widget` is in sight: inside the button row, or above it in the box."""
        if any(isinstance(a, DialogButtons) for a in widget.ancestors):
            return self.region.contains_region(widget.region)
        return bool(widget.region.area) and self.shown_region().contains_region(widget.region)

    def bring_into_view(self, widget: Widget) -> None:
        """Scroll so that all of `widget` shows (its top, when it is taller than the box)."""
        if not self.shows(widget):
            self.bring_region_into_view(widget.region)

    _held: tuple[Widget, ...] = ()

    def hold_in_sight(self, *widgets: Widget) -> None:
        """Bring `widgets` into sight, the last one winning, and again each time the box's
        content changes height until they are released (`hold_in_sight()`): a refusal's error
        wraps to more lines a layout later, and on a busy machine that layout came after the
        scroll, leaving its last line under the button row (CI, the pilot dialog at 80×24)."""
        self._held = widgets
        self._bring_held()

    def _bring_held(self) -> None:
        for widget in self._held:
            if widget.is_attached:
                self.bring_into_view(widget)

    def watch_virtual_size(self) -> None:
        if self._held:
            self.call_after_refresh(self._bring_held)

    def bring_region_into_view(self, region: Region) -> None:
        """Scroll so that all of the screen `region` shows (its top, when it is taller than the
        box): a field, or a list's highlighted row."""
        shown = self.shown_region()
        if shown.contains_region(region):
            return
        top = region.y - shown.y + round(self.scroll_y)
        if region.y < shown.y or region.height > shown.height:
            target = top
        else:
            target = top + region.height - shown.height
        self.scroll_to(y=max(0, target), animate=False, immediate=True)


class DialogButtons(Horizontal):
    """A dialog's button row (Save, Cancel…), docked at the bottom of its `Dialog`. It is last in
    the Tab order even while fields scrolled below the fold sit lower in the dialog's content."""

    def __init__(self, classes: str = "") -> None:
        super().__init__(classes=f"dialog-buttons {classes}".strip())

    @property
    def _focus_sort_key(self) -> tuple[int, int]:
        return (2**31, 0)


def confirm_label(words: str) -> str:
    """A primary button's label with its key: 'Save (ctrl+s)'."""
    return f"{words} {_confirm_key()}"


def _confirm_key() -> str:
    return f"({display(key('dialog-confirm').key)})"


def safe_label(words: str) -> str:
    """The safe answer of a confirm whose other answer throws something away: both ctrl+s and Esc
    press it ('Keep editing (ctrl+s, Esc)')."""
    return f"{words} ({display(key('dialog-confirm').key)}, {key('dialog-cancel').shown_key})"


def cancel_label(words: str = "Cancel") -> str:
    """A cancel button's label with its key: 'Cancel (Esc)'."""
    return f"{words} ({key('dialog-cancel').shown_key})"


class DialogScreen(ModalScreen[ResultType]):
    """A dialog: ctrl+s presses its primary button (Save, Export, Start, Replace), Esc closes it
    with `CANCELLED`, whichever field has the keyboard."""

    BINDINGS = bindings("dialog")
    CANCELLED: ClassVar[object] = None
    GUARDS_TYPING: ClassVar[bool] = False
    """Whether keys typed before the dialog was on screen `TYPING_GUARD_SECONDS` are refused."""
    _painted_at: float | None = None
    reopen: tuple[str, str, tuple[str, ...]] | None = None
    """How this dialog opens again after a crash (`DialogDraft.reopen`), set by its opener with
    `reopens`: only such a dialog's unsaved text is kept in the journal."""
    restoring: DialogDraft | None = None
    """Text kept in the journal from the last run, filled in as the dialog opens."""
    _opened_with: tuple[dict[str, str], dict[str, str], dict[str, list[str]]] | None = None
    _pane: str = ""

    def reopens(self, where: str, call: str, *args: str) -> Self:
        """Say how the dialog opens again (the method `call` of the pane `where`, of the main
        screen for "", or of the Follow-ups view for "followups", with `args`), so what is typed
        in it is journaled and comes back."""
        self.reopen = (where, call, tuple(args))
        return self

    _resumed: bool = False

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        """Made as its key is pressed: the garbage collector is held off until the dialog is
        painted (`collection_pause`)."""
        hold_collection()
        super().__init__(name, id, classes)

    def on_unmount(self) -> None:
        release_collection()  # (closed before it was painted)

    def render(self) -> RenderableType:
        """As Textual's: the screen under the dialog, dimmed; each style's tint worked out once."""
        rendered = super().render()
        if isinstance(rendered, BackgroundScreen):
            return DimmedScreen(rendered.screen, rendered.color)
        return rendered

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time the dialog is on top its widgets were styled as they mounted, just
        before: Textual styles them all again (about a third of opening a dialog), which only a
        screen coming back to the top needs."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    _resized: bool = False

    def on_resize(self, event: events.Resize) -> None:
        """Textual's screen lays itself out and paints as it comes to the top, then hears of that
        first layout as a resize and does it all again, with every screen under it (a fifth of
        opening a dialog): that first resize is passed over when it is the terminal's size, the
        size just laid out. A terminal resized later goes on to Textual's layout as before."""
        self._fit_height_classes()
        first, self._resized = not self._resized, True
        if first and event.size == self.app.size:
            event.prevent_default()

    def _fit_height_classes(self) -> None:
        """-short below SHORT_HEIGHT rows, -tall from TALL_HEIGHT on: the CSS draws the dialog
        tighter on a short terminal and lets its lists take more rows on a tall one."""
        height = self.app.size.height
        self.set_class(height < SHORT_HEIGHT, "-short")
        self.set_class(height >= TALL_HEIGHT, "-tall")

    def on_mount(self) -> None:
        """The dialog's own footer over the screen's: where typing lands in it, and its keys.
        Its text fields take the keyboard with the cursor after their text; a draft restored
        from the journal is filled in first."""
        self._fit_height_classes()
        self.mount(KeyFooter())
        self._opened_with = (self.text_fields(), self.dropdown_values(), self.kept_lists())
        self._pane = self._pane_under()
        if self.restoring is not None:
            self.fill_draft(self.restoring)
        cursors_at_end(self)
        self.fields_placed()
        self.screen_layout_refresh_signal.subscribe(self, self._laid_out, immediate=True)
        self.call_after_refresh(self._painted)

    def fields_placed(self) -> None:
        """The fields hold their text and their cursors are at the end, before any key can reach
        them: a dialog that selects a proposed text does it here (the gap title)."""

    def text_fields(self) -> dict[str, str]:
        """The dialog's text fields by id, as shown in them now (what the journal keeps)."""
        fields: dict[str, str] = {}
        for field in self.query("Input, TextArea"):  # in the dialog's order: the first names it
            if isinstance(field, Input) and field.id:
                fields[field.id] = field.value
            elif isinstance(field, TextArea) and field.id:
                fields[field.id] = field.text
        return fields

    def dropdown_values(self) -> dict[str, str]:
        """The dialog's dropdowns by id, each value as text ("" for none chosen)."""
        return {
            select.id: "" if select.value is Select.BLANK else str(select.value)
            for select in self.query(Select)
            if select.id
        }

    def kept_lists(self) -> dict[str, list[str]]:
        """Lists the dialog holds that are no field (the gap dialog's evidence), by name, for the
        journal: a dialog with one returns it here, takes it back in `fill_draft` and calls
        `draft_changed` when it changes. None by default."""
        return {}

    def _pane_under(self) -> str:
        """The pane on show under the dialog ("" when it is not over the main screen). Asked of the
        screen below as an attribute: a dialog imports no screen (tests/test_ui_structure.py)."""
        stack = self.app.screen_stack
        below = stack[stack.index(self) - 1] if self in stack and stack.index(self) > 0 else None
        pane = getattr(below, "active_pane", "")
        return pane if isinstance(pane, str) else ""

    def journal_draft(self) -> DialogDraft | None:
        """What the journal keeps of this dialog: its text fields and dropdowns once something
        was typed or chosen in them, if it can open again (`reopens`); None otherwise."""
        from workbench.store.journal import DialogDraft

        if self.reopen is None or self._opened_with is None or not self.is_attached:
            return None
        fields, choices, lists = self.text_fields(), self.dropdown_values(), self.kept_lists()
        if (fields, choices, lists) == self._opened_with:
            return None
        focused = self.focused
        focus = focused.id if isinstance(focused, Input | TextArea) and focused.id in fields else ""
        heading = self.draft_heading()
        return DialogDraft(heading, self.reopen, fields, focus or "", choices, self._pane, lists)

    def changed_fields(self) -> list[str]:
        """What was changed since the dialog opened, named as the footer and the restore offer
        name fields (`FIELD_NAMES`: 'title', 'area', 'evidence'), in the dialog's order; none for
        a dialog whose typing is not kept (`reopens`: a picker's filter line, a file name), which
        Esc closes at once."""
        if self.reopen is None or self._opened_with is None or not self.is_attached:
            return []
        fields, choices, lists = self._opened_with
        before: dict[str, object] = {**fields, **choices, **lists}
        now: dict[str, object] = {**self.text_fields(), **self.dropdown_values(), **self.kept_lists()}
        names: list[str] = []
        for field_id, value in now.items():
            name = field_name(field_id)
            if value != before.get(field_id) and name not in names:
                names.append(name)
        return names

    def draft_heading(self) -> str:
        """The dialog's name in the restore offer ("The Edit G-003 dialog you were typing in…"):
        its title, unless a dialog whose title is no name says otherwise."""
        for title in self.query(".dialog-title"):
            return str(getattr(title, "content", "")).strip()
        return ""

    def fill_draft(self, draft: DialogDraft) -> None:
        """Put the kept text back in its fields (the text they were read with stays the one
        saved where the person had not changed it) and the dropdowns as they were chosen, the
        keyboard in the field it was in. A dialog holding text out of sight (the proposal's
        sections) adds it to `text_fields` and takes it back here first."""
        for field in self.query(Input):
            if field.id in draft.fields:
                field.value = draft.fields[field.id]
        for area in self.query(TextArea):
            if area.id in draft.fields:
                area.load_text(draft.fields[area.id])
        for select in self.query(Select):
            if select.id in draft.choices:
                self._choose_kept(select, draft.choices[select.id])
        if draft.focus:  # (after the screen's own first focus)
            for widget in self.query(f"#{draft.focus}"):
                self.call_after_refresh(widget.focus)

    @staticmethod
    def _choose_kept(select: Select[object], kept: str) -> None:
        """Choose the option whose value reads as `kept` (none, when no option does any more)."""
        if kept == "" and select._allow_blank:
            select.clear()
            return
        for _, value in select._options:
            if value is not Select.BLANK and str(value) == kept:
                select.value = value
                return

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _draft_typed(self) -> None:
        """Text typed into a field that can come back: the journal keeps it within two seconds.
        An error about a field goes once the field is valid."""
        self.draft_changed()
        self._refusal_still_holds()

    def draft_changed(self) -> None:
        """Something the journal keeps of the dialog changed (a field, or a list of
        `kept_lists`): if it can come back, the journal has it within two seconds."""
        if self.reopen is not None and self._opened_with is not None:
            autosave = getattr(self.app, "autosave", None)
            if autosave is not None:
                autosave.draft_changed()

    _then: tuple[Callable[[], object], ...] = ()

    def when_closed(self, then: Callable[[], object]) -> None:
        """Run `then` once the dialog is closed and its result taken (what Save typed is in the
        project then): quitting after the quit dialog's "Save it"."""
        self._then = (*self._then, then)

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        """Close; a draft kept in the journal goes (Save keeps the text in the project instead,
        Cancel drops it)."""
        kept, self._opened_with = self._opened_with, None  # no draft from here on
        requester = result_requester(self) or self.app
        awaited = super().dismiss(result)
        for then in self._then:  # (queued after the result callback, where that runs)
            requester.call_next(then)
        self._then = ()
        if self.reopen is not None and kept is not None:
            autosave = getattr(self.app, "autosave", None)
            if autosave is not None:
                autosave.draft_closed()
        return awaited

    def _painted(self) -> None:
        """The dialog is on screen (if its layout did not say so first): the guard counts from now."""
        if self._painted_at is None:
            self._painted_at = monotonic_time()
        release_collection()

    def _laid_out(self, screen: object) -> None:
        """Textual laid the dialog out and drew it on the terminal: the guard counts from now. The
        callback `_painted` queued after the first refresh runs after every callback queued before
        it, by any widget: with the panes mounting under the restore offer on a busy machine that
        was seconds after the offer showed, and a key pressed 1-3 s after it was refused as typed
        too soon (the first ctrl+s, Enter or Esc did nothing; #12, #13 walkthroughs). In a batch of
        updates Textual draws it a moment later: the guard counts from then."""
        if self._painted_at is None and self.is_current:
            if drawing_put_off(self.app):
                self.call_later(self._laid_out, screen)  # (queued after Textual's drawing)
                return
            self._painted_at = monotonic_time()

    def guard_again(self) -> None:
        """The dialog now asks something new (the next conflict): keys typed before that was on
        screen `TYPING_GUARD_SECONDS` are refused, as when the dialog opened (a double-tap
        answered the next question unseen)."""
        self._painted_at = None
        self.call_after_refresh(self._painted)

    def _read_by(self, time: float) -> bool:
        """Whether the dialog had been on screen `TYPING_GUARD_SECONDS` with no key typed by
        `time`: the guard counts from when it was shown, and again from each key typed meanwhile
        (someone typing on as it opened has not read it, however long they type)."""
        from workbench.ui.key_order import keys_gate, quiet_for

        shown = self._painted_at
        if shown is None:
            return False
        gate = keys_gate(self.app)
        typed = gate.typed_between(shown, time) if gate is not None else []
        return quiet_for(TYPING_GUARD_SECONDS, shown, typed, time)

    @property
    def keys_ready(self) -> bool:
        """Whether keys typed now are answers (see `TYPING_GUARD_SECONDS`)."""
        from workbench.ui.key_order import keys_gate

        if not self.GUARDS_TYPING:
            return True
        gate = keys_gate(self.app)
        stray = gate.on_their_way() if gate is not None else []  # (refused as answers: see below)
        return self._read_by(monotonic_time()) and all(self._read_by(key.time) for key in stray)

    def typed_too_soon(self) -> bool:
        """Whether the key being handled was typed before the dialog was up long enough to be
        read (a click, or any key in a dialog that does not guard, is never too soon). A key
        the key gate stopped waiting for (the screens under the dialog busy as it opened) is
        still the one being handled until its handling ends: it never passes for a click."""
        from workbench.ui.key_order import keys_gate

        if not self.GUARDS_TYPING:
            return False
        gate = keys_gate(self.app)
        keys = gate.on_their_way() if gate is not None else []
        if all(self._read_by(key.time) for key in keys):
            return False
        self.app.bell()
        return True

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        """As Textual's, except for the field that takes the keyboard as the dialog opens: the
        dialog stays at its top, title in view (Textual centres a field it cannot show whole,
        a long list or one not laid out yet, which scrolled the title off at 80×24). Only a
        field out of sight at the top is scrolled to."""
        opening = self.focused is None and widget is not None
        super().set_focus(widget, scroll_visible and not opening, from_app_focus)
        if opening and scroll_visible and widget is not None:
            self.call_after_refresh(self._opened_on, widget)
        elif scroll_visible and widget is not None:
            self.call_after_refresh(self._in_sight, widget)

    def _in_sight(self, widget: Widget) -> None:
        """A field Tab reached under the docked button row scrolls up into sight (#12: Tab to
        'Add evidence…' and 'Detach' in the gap dialog at 80×24 left them hidden)."""
        if self.focused is not widget:
            return
        dialog = next((a for a in widget.ancestors if isinstance(a, Dialog)), None)
        if dialog is not None:
            dialog.bring_into_view(widget)

    def _opened_on(self, widget: Widget) -> None:
        if self.focused is widget and not self.can_view_partial(widget):
            widget.scroll_visible(top=True, animate=False)

    @on(OptionList.OptionHighlighted)
    def _highlight_in_sight(self, event: OptionList.OptionHighlighted) -> None:
        """A list's highlighted row is always drawn: the box scrolls to it (#12: at 80×24 End in
        a picker put the cursor on a gap below the box's edge, not drawn, and Enter chose it).
        Not a dropdown's list, which floats over the box."""
        options = event.option_list
        if not any(isinstance(a, Select) for a in options.ancestors):
            self.call_after_refresh(self._row_in_sight, options)

    def _row_in_sight(self, options: OptionList) -> None:
        dialog = next((a for a in options.ancestors if isinstance(a, Dialog)), None)
        row = highlighted_row(options)
        if dialog is not None and row is not None and options.region.area:
            dialog.bring_region_into_view(row)

    _refused: tuple[Widget, Widget] | None = None
    """The error shown by `refuse` and the field it is about, until that field is valid."""

    def problem(self) -> tuple[str, Widget] | None:
        """Why the dialog cannot save as its fields stand, and the field to fix (the first such);
        None when it can. A dialog that checks its fields says so here and starts `action_save`
        with `cannot_save`, so its error also goes as soon as the field is put right."""
        return None

    def cannot_save(self) -> bool:
        """Whether the dialog cannot save now; if so its `problem` is said in its `.dialog-error`."""
        found = self.problem()
        if found is None:
            return False
        message, field = found
        self.refuse(self.query_one(".dialog-error"), literal(message), field)
        return True

    def refuse(self, error: Widget, message: Text, field: Widget) -> None:
        """Say why the dialog cannot save, where it is seen, with the keyboard on the field to
        fix: both scroll into sight (at 80×24 the pilot dialog's 'Unknown metric' was written
        below the fold and ctrl+s seemed to do nothing). The error stays until that field is
        valid (`problem` no longer names it), not until the next Save."""
        error.update(message)  # type: ignore[attr-defined]
        error.display = True
        self._refused = (error, field)
        self._under(error, field)
        field.focus()
        self.call_after_refresh(self._both_in_sight, error, field)

    @staticmethod
    def _under(error: Widget, field: Widget) -> None:
        """Put the error right under the field's line (#12 at 80×24: 'A gap needs a title.' was
        written under the evidence list, out of sight of the title the keyboard was put in)."""
        parent = error.parent
        line = next((w for w in (field, *field.ancestors) if w.parent is parent), None)
        if isinstance(parent, Widget) and isinstance(line, Widget) and line is not error:
            parent.move_child(error, after=line)

    def _refusal_still_holds(self) -> None:
        """A field changed after a refusal: the error goes once its field is valid (#12: 'A gap
        needs a title.' stayed under the title typed), and says the field's problem while not."""
        if self._refused is None:
            return
        error, field = self._refused
        found = self.problem()
        if found is None or found[1] is not field:
            self._refused = None
            for dialog in self.query(Dialog):
                dialog.hold_in_sight()
            error.update("")  # type: ignore[attr-defined]
        else:
            error.update(literal(found[0]))  # type: ignore[attr-defined]

    def _both_in_sight(self, error: Widget, field: Widget) -> None:
        dialog = next((a for a in field.ancestors if isinstance(a, Dialog)), None)
        if dialog is not None:
            dialog.hold_in_sight(error, field)

    def _primary(self) -> Button | None:
        """The button ctrl+s presses: the first primary one that can be pressed now."""
        for button in self.query(Button):
            if button.variant == "primary" and not button.disabled and button.display:
                return button
        return None

    def binding_words(self, binding: Binding) -> str:
        """The footer's words for a key: ctrl+s says what the dialog's primary button does
        ('Start session', 'Export', 'Map it'), not always 'Save'."""
        primary = self._primary() if binding.action == key("dialog-confirm").action else None
        if primary is None:
            return binding.description
        return str(primary.label).removesuffix(_confirm_key()).strip() or binding.description

    def action_nothing_to_undo(self) -> None:
        """ctrl+z that no field took (none has typing left to undo): said as on the panes. The
        project's own changes are not undone under a dialog."""
        say_nothing_to(self.app)

    def action_nothing_to_redo(self) -> None:
        say_nothing_to(self.app, redo=True)

    def action_confirm(self) -> None:
        """Press the primary button, as a click would; a completion shown in the field typed in
        is taken first (`take_suggestion`: what is saved is what was seen)."""
        from workbench.ui.widgets.people import take_suggestion

        take_suggestion(self.focused)
        primary = self._primary()
        if primary is not None:
            primary.press()

    def action_cancel(self) -> None:
        """Close, changing nothing; first asks "Discard your changes?" when something was changed
        since the dialog opened (`changed_fields`): Esc is pressed by habit, so ctrl+s and Esc
        there go back to editing and only `d` (or a click) discards."""
        changed = self.changed_fields()
        if not changed:
            self.dismiss(self.CANCELLED)  # type: ignore[arg-type]
            return

        def answered(discard: bool | None) -> None:
            if discard and self in self.app.screen_stack:
                self.dismiss(self.CANCELLED)  # type: ignore[arg-type]

        # The question is asked by the app (a confirm is itself a dialog: importing it here
        # made an import cycle in ui/, tests/test_ui_structure.py).
        ask = getattr(self.app, "ask_to_discard", None)
        if callable(ask):
            ask(changed, answered)
        else:
            self.dismiss(self.CANCELLED)  # type: ignore[arg-type]
