"""Settle a merge's conflicts one at a time: what it is in a person's words, the value before, on
disk (theirs) and mine (each in full, wrapped in its own column, changed words marked; a long text
first as excerpts around its changes; evidence as sentences), then keep theirs, keep mine, or, for
text, keep both or write it anew in an editor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from workbench.store.merge3 import Choice, Conflict, Path, Typed, is_id_conflict
from workbench.store.merge_words import APP, Names, Sides, both_kept
from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.modals.merge_excerpts import excerpt, is_long, marked, shown_texts, side_by_side
from workbench.ui.safe import literal
from workbench.ui.widgets.real_text import RealTextArea

LABEL_WIDTH = 9
"""Columns of a value's label ('Before', 'Theirs', 'Mine') with the space after it, at least."""


@dataclass(frozen=True)
class MergeWording:
    """How the dialog speaks of the merge it settles (the caller says which merge it is)."""

    title: str
    """The dialog's title, before the count: 'Changed on disk: 2 conflicts'."""
    intro: str
    """The sentence under the title."""
    sides: Sides
    """The two sides in the conflict's sentence ('deleted in your copy, edited in …')."""
    ours: str
    """The label of the file's value ('Theirs')."""
    theirs: str
    """The label of the person's value ('Mine')."""

    @property
    def keep_ours(self) -> str:
        """The button that keeps the file's value, in the word of its row ('Keep theirs')."""
        return f"Keep {self.ours[0].lower()}{self.ours[1:]}"

    @property
    def keep_theirs(self) -> str:
        """The button that keeps the person's value, in the word of its row ('Keep recovered')."""
        return f"Keep {self.theirs[0].lower()}{self.theirs[1:]}"


CHANGED_ON_DISK = MergeWording(
    "Changed on disk",
    "Theirs was saved while you worked; the rest is merged. Keep which?",
    APP,
    "Theirs",
    "Mine",
)
"""Someone else saved the file while it was open: their version and mine, the words of the
changed-on-disk dialog without conflicts too ("Reload theirs", "Overwrite with mine")."""


def is_text(conflict: Conflict) -> bool:
    """Whether the conflict is over a text field, which can be kept both ways or edited."""
    values = (conflict.ours, conflict.theirs)
    return (
        len(conflict.path) > 2
        and not is_id_conflict(conflict.path)
        and all(isinstance(v, str) for v in values)
    )


class MergeModal(DialogScreen[dict[Path, Choice] | None]):
    """Dismisses with a choice per conflict path, or None to stop (nothing is saved).

    A conflict has no default: no button takes the keyboard (Enter or space typed as the dialog
    opens over the notes would press it), and ctrl+s settles nothing. The footer then offers each
    key once, only the ones that do something: t, m, b, e and Esc, as the buttons name them (each
    side's key in the words of its row: t Theirs, m Mine; d, the key for the file's before it was
    called theirs, still keeps it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", show=False),
        Binding("t", "choose('ours')", "Theirs"),
        Binding("d", "choose('ours')", show=False),
        Binding("m", "choose('theirs')", "Mine"),
        Binding("b", "keep_both", "Both"),
        Binding("e", "edit", "Edit"),
        Binding("escape", "cancel", "Stop"),
    ]
    """Short words, so every key shows in the footer at 80 columns (the buttons say them whole)."""
    CANCELLED = None
    GUARDS_TYPING = True
    DEFAULT_CSS = """
    MergeModal .merge-buttons { layout: grid; grid-size: 3; grid-gutter: 0 1; }
    MergeModal .merge-buttons Button { width: 100%; margin-left: 0; }
    MergeModal #merge-values { height: auto; max-height: 30vh; }
    MergeModal #merge-values:focus { background-tint: $foreground 4%; }
    MergeModal #merge-more { color: $text-muted; display: none; }
    MergeModal .merge-row { height: auto; }
    MergeModal .merge-label { width: auto; }
    MergeModal .merge-value, MergeModal .merge-part { width: 1fr; }
    MergeModal .merge-part-row { display: none; }
    MergeModal.-excerpts .merge-part-row { display: block; }
    """
    """Three buttons a row: the five do not fit one row of 80 columns. The values scroll in a box
    of their own (the keyboard scrolls it), so the title and the buttons stay in sight at 80×24."""

    def __init__(
        self,
        path: str,
        conflicts: list[Conflict],
        wording: MergeWording = CHANGED_ON_DISK,
        names: Names | None = None,
        evidence_words: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.conflicts = conflicts
        self.wording = wording
        self.names = names or Names([])
        self.evidence_words = evidence_words
        """A gap's evidence link (`heard:H-001`) as a sentence; links shown as they are without it."""
        self.choices: dict[Path, Choice] = {}
        self.drafts: dict[Path, str] = {}
        """What was typed in the editor for a conflict, kept when the editor is closed."""

    @property
    def current(self) -> Conflict:
        """The conflict on show."""
        return self.conflicts[len(self.choices)]

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide", id="merge-dialog"):
            yield Static(id="merge-title")
            yield Static(literal(self.wording.intro), classes="dialog-body")
            yield Static(id="merge-what")
            with VerticalScroll(id="merge-values", can_focus=True):
                for name in ("base", "ours", "theirs"):
                    with Horizontal(classes="merge-row merge-part-row"):
                        yield Static(id=f"merge-{name}-part-label", classes="merge-label")
                        yield Static(id=f"merge-{name}-part", classes="merge-part")
                yield Static(literal("In full:", "dim"), id="merge-in-full", classes="merge-part-row")
                for name in ("base", "ours", "theirs"):
                    with Horizontal(classes="merge-row"):
                        yield Static(id=f"merge-{name}-label", classes="merge-label")
                        yield Static(id=f"merge-{name}", classes="merge-value")
            more = "Longer than this box: ↑ ↓ and the page keys scroll the values in full."
            yield Static(literal(more), id="merge-more")
            with DialogButtons(classes="merge-buttons"):
                yield _button(f"{self.wording.keep_ours} (t)", "ours")
                yield _button(f"{self.wording.keep_theirs} (m)", "theirs")
                yield _button("Keep both (b)", "both")
                yield _button("Edit (e)", "edit")
                yield _button(cancel_label("Stop"), "stop")

    def binding_words(self, binding: Binding) -> str:
        """t and m in the footer say the word of the row each keeps ('File now' and 'Recovered'
        in a restore)."""
        if binding.action == "choose('ours')":
            return self.wording.ours
        if binding.action == "choose('theirs')":
            return self.wording.theirs
        return super().binding_words(binding)

    def on_mount(self) -> None:
        self._show()  # (DialogScreen's on_mount, the footer, runs too: Textual calls each class's)
        self.query_one("#merge-values").focus()  # arrows and page keys scroll long values

    def value_words(self, conflict: Conflict, value: Any) -> str:
        """A value as a person reads it, in full: evidence one sentence a line, each after a bullet
        (a sentence wraps, and the bullets show where the next one starts)."""
        if conflict.path[-1] == "evidence" and isinstance(value, list) and self.evidence_words:
            return "\n".join(f"• {self.evidence_words(str(link))}" for link in value) or "(none)"
        return self.names.value(conflict, value)

    def _show(self) -> None:
        conflict = self.current
        count = len(self.conflicts)
        wording = self.wording
        title = f"{wording.title}: {count} conflict{'s' if count != 1 else ''}"
        if count > 1:
            title += f" ({len(self.choices) + 1} of {count})"
        self.query_one("#merge-title", Static).update(literal(title, "bold"))
        sentence = self.names.sentence(conflict, wording.sides)
        self.query_one("#merge-what", Static).update(literal(sentence, "bold"))
        values = (conflict.base, conflict.ours, conflict.theirs)
        labels = ("Before", wording.ours, wording.theirs)
        width = max(LABEL_WIDTH, *(len(label) + 1 for label in labels))
        texts = shown_texts(*(self.value_words(conflict, value) for value in values))
        spans = side_by_side(*texts) if is_text(conflict) else ([], [], [])
        excerpts = is_text(conflict) and is_long(texts)
        self.set_class(excerpts, "-excerpts")
        names = ("base", "ours", "theirs")
        for name, label, text, changed in zip(names, labels, texts, spans, strict=True):
            self.query_one(f"#merge-{name}-label", Static).update(literal(label.ljust(width), "dim"))
            self.query_one(f"#merge-{name}-part-label", Static).update(literal(label.ljust(width), "dim"))
            self.query_one(f"#merge-{name}", Static).update(marked(text, changed))
            self.query_one(f"#merge-{name}-part", Static).update(excerpt(text, changed))
        self.query_one("#merge-values", VerticalScroll).scroll_home(animate=False)
        self.call_after_refresh(self.query_one(Dialog).scroll_home, animate=False)  # title in sight
        self.call_after_refresh(self._say_if_more)
        for button_id in ("both", "edit"):
            self.query_one(f"#{button_id}", Button).display = is_text(conflict)
        self.refresh_bindings()

    def _say_if_more(self) -> None:
        """Values taller than their box say so under it (the scrollbar alone was easy to miss)."""
        self.query_one("#merge-more").display = bool(self.query_one("#merge-values").max_scroll_y)
        self.call_after_refresh(self.query_one(Dialog).scroll_home, animate=False)

    def action_confirm(self) -> None:
        """ctrl+s settles nothing here: a conflict has no default, and ctrl+s pressed again and
        again to save (the save that opened this dialog) must not keep mine over the file's."""
        self.app.bell()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keep both and Edit only for text."""
        if action in ("keep_both", "edit"):
            return is_text(self.current) if len(self.choices) < len(self.conflicts) else False
        return True

    def _settle(self, choice: Choice) -> None:
        self.choices[self.current.path] = choice
        if len(self.choices) == len(self.conflicts):
            self.dismiss(self.choices)
        else:
            self._show()
            self.guard_again()  # the next conflict is read before it is answered, as the first

    def action_choose(self, side: str) -> None:
        """Keep one side's value for the conflict on show, then go to the next one."""
        if self.typed_too_soon():
            return
        self._settle("ours" if side == "ours" else "theirs")

    def action_keep_both(self) -> None:
        """Keep both texts, the file's first, yours marked as yours."""
        conflict = self.current
        if is_text(conflict) and not self.typed_too_soon():
            self._settle(Typed(both_kept(conflict.ours, conflict.theirs, APP)))

    def action_edit(self) -> None:
        """Write the value anew, starting from both texts (or what was typed here before)."""
        conflict = self.current
        if not is_text(conflict) or self.typed_too_soon():
            return
        start = self.drafts.get(conflict.path, both_kept(conflict.ours, conflict.theirs, APP))
        what = self.names.heading(conflict)

        def written(text: str | None) -> None:
            if text is not None:  # None: back to the conflict, the draft kept
                self._settle(Typed(text))

        self.app.push_screen(EditValueModal(what, start, self.drafts, conflict.path), written)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id or ""
        if choice in ("ours", "theirs"):
            self.action_choose(choice)
        elif choice == "both":
            self.action_keep_both()
        elif choice == "edit":
            self.action_edit()
        elif choice == "stop":
            self.dismiss(None)


def _button(label: str, button_id: str) -> Button:
    """A choice for the mouse; the keyboard chooses with the key the label names."""
    button = Button(label, id=button_id, compact=True)
    button.can_focus = False
    return button


class EditValueModal(DialogScreen[str | None]):
    """Write a conflicting text anew. Save (ctrl+s) settles the conflict with it; Esc goes back to
    the conflict, and what was typed is kept for the next time Edit is chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back")]
    CANCELLED = None

    def __init__(self, what: str, text: str, drafts: dict[Path, str], path: Path) -> None:
        super().__init__()
        self.what, self.text, self.drafts, self.path = what, text, drafts, path

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide", id="merge-edit-dialog"):
            yield Static(literal("Write it anew", "bold"), classes="dialog-title")
            yield Static(literal(self.what), classes="dialog-body")
            yield RealTextArea(self.text, id="merge-edit-text")
            with DialogButtons():
                yield Button(confirm_label("Save"), id="merge-edit-save", variant="primary", compact=True)
                yield Button(cancel_label("Back"), id="merge-edit-back", compact=True)

    def on_mount(self) -> None:
        self.query_one("#merge-edit-text", RealTextArea).focus()

    def typed(self) -> str:
        """The text as edited, every character not touched as it was."""
        return self.query_one("#merge-edit-text", RealTextArea).real

    def action_cancel(self) -> None:
        """Back to the conflict; what was typed is kept."""
        self.drafts[self.path] = self.typed()
        self.dismiss(None)

    @on(Button.Pressed, "#merge-edit-save")
    def _save(self) -> None:
        self.drafts[self.path] = self.typed()
        self.dismiss(self.typed())

    @on(Button.Pressed, "#merge-edit-back")
    def _back(self) -> None:
        self.action_cancel()
