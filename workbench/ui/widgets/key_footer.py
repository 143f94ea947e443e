"""A one-line footer: where typing lands, then the keys that work now, most useful first, with
F1 always at the right. Drawn as text (Textual's Footer rebuilds a widget per key whenever focus
moves, which made every pane switch slow)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, TextArea

from workbench.printable import one_line
from workbench.ui.field_names import FIELD_NAMES
from workbench.ui.keys import footer_rank, in_scope, kept_in_footer, key, widget_keys
from workbench.ui.textual_private import DropdownList
from workbench.ui.widgets.undoable_input import TYPING_ACTIONS

TYPING_STYLE = Style(bold=True, color="black", bgcolor="yellow")
COMMANDS_STYLE = Style(bold=True, color="black", bgcolor="cyan")
PINNED = ("undo", "redo", "help")
"""Always at the right of the footer, in this order."""
PINNED_IDS = {"ctrl+z": "undo", "ctrl+y": "redo"}
"""The registry's entries of the pinned keys a text field also binds."""
KIND_NAMES = {
    "Tree": "tree",
    "QuestionTree": "question tree",
    "DataTable": "table",
    "OptionList": "list",
    "SelectionList": "list",
    "SelectOverlay": "dropdown",
    "Select": "dropdown",
    "Button": "button",
    "Checkbox": "checkbox",
    "Gantt": "timeline",
    "Matrix": "matrix",
}


OVERLAY_NAMES = {"HelpScreen": "help", "CommandPalette": "palette"}
"""Screens drawn over a screen's footer without a footer of their own, by what they are called."""


def takes_text(widget: Widget | None) -> bool:
    """Whether letters typed now go into text (a text field or the notes)."""
    if isinstance(widget, TextArea):
        return not widget.read_only
    return isinstance(widget, Input)


def place_name(widget: Widget | None) -> str:
    """The focused widget in a word or two, as its label says: 'notes', 'baseline', 'status'
    (from FIELD_NAMES, unless the widget names itself as it is now with `field_name`: the reason
    field is 'ask whom' or 'why not' by the status); a button or checkbox by its own words; else
    what kind of thing it is."""
    if widget is None:
        return ""
    if isinstance(widget, DropdownList) and isinstance(widget.parent, Select):
        return place_name(widget.parent)  # a dropdown's open list: the field, by its label
    named = getattr(widget, "field_name", "")
    if isinstance(named, str) and named:
        return named
    if widget.id in FIELD_NAMES:
        return FIELD_NAMES[widget.id]
    if isinstance(widget, Button | Checkbox):
        words = str(widget.label).split(" (")[0]  # 'Save (ctrl+s)': Save
        return one_line(words, 24)
    for kind in type(widget).__mro__:
        if kind.__name__ in KIND_NAMES:
            return KIND_NAMES[kind.__name__]
    return "text" if takes_text(widget) else ""


def where_typing_lands(widget: Widget | None) -> Text:
    """' ✎ notes ' while letters type, ' ▸ question tree ' while they are commands."""
    name = place_name(widget)
    if not name:
        return Text()
    if takes_text(widget):
        return Text(f" ✎ {name} ", style=TYPING_STYLE)
    return Text(f" ▸ {name} ", style=COMMANDS_STYLE)


class KeyFooter(Widget):
    """Shown bindings of the focused widget and its ancestors; each key is clickable."""

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        link-style: none;
        link-color: $footer-foreground;
        link-background-hover: $accent;
        link-style-hover: bold;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.watch(self.screen, "focused", self._focus_moved, init=False)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def _screen_changed(self, screen: Screen[object]) -> None:
        self.refresh()  # F1 help or the palette over this screen has the keyboard, or gave it back

    def _overlay(self) -> Screen[object] | None:
        """The screen over this one that has the keyboard and no footer of its own (F1 help,
        the command palette): the footer says the keyboard is there."""
        top = self.app.screen
        if top is self.screen or self.screen not in self.app.screen_stack or top.query(KeyFooter):
            return None
        return top

    def _focus_moved(self) -> None:
        self.refresh()  # where typing lands changed

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    def _active(self) -> list[tuple[bool, Binding, bool]]:
        """(the app's?, binding, enabled) of every key that can act where the keyboard is: the
        screen's active bindings; over a dialog also the app's keys that act there (F1: Textual
        leaves the app's bindings out of a dialog's, though its priority keys still run), not ctrl+p
        (the palette holds none of a dialog's commands, so it does not open there); and
        the keys the focused widget handles itself that the registry describes (Enter in a list)."""
        found = [
            (isinstance(node, App), binding, enabled)
            for node, binding, enabled, _tooltip in self.screen.active_bindings.values()
        ]
        if self.screen.is_modal:
            keys = {binding.key for _, binding, _ in found}
            for entry in in_scope("app"):
                binding = entry.binding()
                works = entry.bound and binding.priority and entry.key not in keys
                if works and self.app.check_action(entry.action, ()):
                    found.append((True, binding, True))
        focused = self.screen.focused
        found += [(False, entry.binding(), True) for entry in widget_keys(focused.id if focused else None)]
        return found

    def offered(self) -> list[tuple[Binding, bool]]:
        """The keys the footer offers where the keyboard is, with whether each can run now: those
        of the focused part (most useful first), the app's, then undo, redo and F1 (it shows the
        ones that fit)."""
        near: list[tuple[int, Binding, bool]] = []
        app_wide: list[tuple[int, Binding, bool]] = []
        pinned: dict[str, tuple[Binding, bool]] = {}
        palette: list[tuple[Binding, bool]] = []
        seen: set[str] = set()
        for is_app, binding, enabled in self._active():
            if self._is_palette(binding):
                palette = [(binding, enabled)]  # its hint when there is room
                continue
            if pinned_id := PINNED_IDS.get(binding.key):
                # In a text field its own ctrl+z / ctrl+y (typing first, then the workbench's)
                # hides the app's binding: still shown, under the registry's words, and bright
                # while the field has typing to take back (make again). Any other screen's own
                # ctrl+z (a dialog's, with no field typing left) shows dimmed.
                typing = binding.action in TYPING_ACTIONS  # (with none left, the key goes on)
                workbench = binding.action == key(pinned_id).action or (typing and not self.screen.is_modal)
                binding = key(pinned_id).binding()
                if not (typing and enabled):
                    enabled = workbench and (enabled or typing) and self._something_to(binding.action)
            name = binding.action or binding.id or binding.key
            if not binding.show or name in seen:
                continue
            seen.add(name)
            if binding.action in PINNED:
                pinned[binding.action] = (binding, enabled)
            else:
                rank = footer_rank(binding.id or "")
                (app_wide if is_app else near).append((rank, binding, enabled))
        ranked = sorted(near, key=lambda row: row[0]) + sorted(app_wide, key=lambda row: row[0])
        last = palette + [pinned[a] for a in PINNED if a in pinned]
        return [(binding, enabled) for _, binding, enabled in ranked] + last

    def _something_to(self, action: str) -> bool:
        """Whether undo (redo) has a change to take back (make again). With none the key still
        answers ("Nothing to undo."), shown dimmed meanwhile, as an editor greys its Undo."""
        workspace = getattr(self.app, "workspace", None)
        if action not in ("undo", "redo") or workspace is None:
            return True
        history = workspace.editor.history
        return (history.undo_name if action == "undo" else history.redo_name) is not None

    def _is_palette(self, binding: Binding) -> bool:
        return binding.key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE

    def _answer_keys(self) -> set[str]:
        """A dialog's own keys (Esc, the keys of its buttons): they answer it, so the footer keeps
        room for them before undo and redo."""
        if not self.screen.is_modal:
            return set()
        bindings = self.screen.active_bindings.values()
        return {binding.key for node, binding, _, _ in bindings if node is self.screen}

    def _items(self) -> tuple[list[tuple[Text, bool]], list[tuple[str, Text]]]:
        """The offered keys as text, each with whether room is kept for it (ctrl+s: `Key.kept`; a
        dialog's answer keys), the others left out when there is no room; and the pinned ones
        (undo, redo and F1, each with its action) shown at the right."""
        items: list[tuple[Text, bool]] = []
        pinned: list[tuple[str, Text]] = []
        palette: list[tuple[Text, bool]] = []
        offered = self.offered()
        ids = [binding.id or "" for binding, _ in offered]
        answers = self._answer_keys()
        for binding, enabled in offered:
            if self._is_palette(binding):
                hint = Text(f" {self.app.get_key_display(binding)} palette ", style=Style(bold=True))
                hint.stylize(Style(meta={"@click": "app.command_palette"}))
                palette = [(hint, False)]
                continue
            click = Style(meta={"@click": f"app.simulate_key({binding.key!r})"})
            key_style = Style(bold=True, color="orange1") if enabled else Style(dim=True)
            item = Text(f" {self.app.get_key_display(binding)} ", key_style + click)
            item.append(f"{self._words(binding)} ", (Style() if enabled else Style(dim=True)) + click)
            if binding.action in PINNED:
                pinned.append((binding.action, item))
            else:
                items.append((item, binding.key in answers or kept_in_footer(binding.id or "", ids)))
        return items + palette, pinned  # the palette's hint when there is room

    def _words(self, binding: Binding) -> str:
        """A key's words: the screen's own when it has them (a dialog's ctrl+s names its action)."""
        words = getattr(self.screen, "binding_words", None)
        return str(words(binding)) if callable(words) else binding.description

    def render(self) -> Text:
        overlay = self._overlay()
        if overlay is not None:
            kinds = (OVERLAY_NAMES.get(kind.__name__, "") for kind in type(overlay).__mro__)
            name = next((n for n in kinds if n), "") or place_name(overlay.focused) or "dialog"
            style = TYPING_STYLE if takes_text(overlay.focused) else COMMANDS_STYLE
            line = Text(f" {'✎' if takes_text(overlay.focused) else '▸'} {name} ", style=style)
            line.append(" esc ", Style(bold=True, color="orange1"))
            line.append("Close ")
            line.truncate(self.size.width, pad=True)
            return line
        items, pinned_items = self._items()
        line = where_typing_lands(self.screen.focused)
        room = self.size.width - line.cell_len - sum(item.cell_len for item, kept in items if kept)
        if room < sum(item.cell_len for _, item in pinned_items):  # the kept keys first: no undo, redo
            pinned_items = [(action, item) for action, item in pinned_items if action not in ("undo", "redo")]
        pinned = Text("").join(item for _, item in pinned_items)
        room -= pinned.cell_len
        for item, kept in items:
            if kept:
                line.append_text(item)
            elif item.cell_len <= room:
                line.append_text(item)
                room -= item.cell_len
        line.append(" " * max(0, room))
        line.append_text(pinned)
        line.truncate(self.size.width)
        return line
