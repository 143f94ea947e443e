"""Map any practice to a gap by hand: search every practice of the guides, pick one, say why."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from workbench.analysis.search import has_every_word
from workbench.model.bank import Practice
from workbench.model.catalogue import Catalogue
from workbench.ui.modals.dialog import Dialog, DialogButtons, DialogScreen, cancel_label, confirm_label
from workbench.ui.modals.pick_modal import LIST_MOVES, move_in
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.real_text import RealInput
from workbench.ui.widgets.staying_list import StayingOptionList


def practice_matches(practice: Practice, guide_title: str, query: str) -> bool:
    """Whether every word typed occurs in the practice's id, title, guide, summary or keywords."""
    words = (practice.id, practice.title, guide_title, practice.summary, *practice.keywords)
    return has_every_word(query, *words)


class PracticePickModal(DialogScreen[tuple[str, str] | None]):
    """Dismisses with (practice id, rationale), or None (Esc). As in every picker that filters,
    the first practice with all the words typed is highlighted, Up and Down move in the list from
    the search, and Enter there chooses the highlighted one: the keyboard goes to the rationale."""

    BINDINGS = [*LIST_MOVES]

    def __init__(self, gap_id: str, gap_title: str, catalogue: Catalogue, decided: dict[str, str]) -> None:
        super().__init__()
        self.gap_id, self.gap_title = gap_id, gap_title
        self.catalogue = catalogue
        self.decided = decided
        """Practices already decided for the gap: their status."""

    def compose(self) -> ComposeResult:
        with Dialog(classes="dialog wide"):
            heading = Text(f"Map a practice to {self.gap_id} by hand: ", style="bold")
            heading.append_text(literal(one_line(self.gap_title, 60), "bold"))
            yield Static(heading, classes="dialog-title")
            yield RealInput(
                placeholder="search every practice: words of its title, guide or keywords", id="pick-search"
            )
            yield StayingOptionList(id="pick-practices")
            yield RealInput(placeholder="why this practice answers this gap (required)", id="pick-rationale")
            refused = Static(id="pick-refused", classes="dialog-error")
            refused.display = False  # until Map it is refused
            yield refused
            with DialogButtons():
                yield Button(confirm_label("Map it"), id="pick-save", variant="primary", compact=True)
                yield Button(cancel_label(), id="pick-cancel", compact=True)

    def on_mount(self) -> None:
        """The list filled, the keyboard in the search (DialogScreen's on_mount runs after this
        one, as Textual calls each class's handler: calling it here too mounted a second footer)."""
        self._fill("")
        self.query_one("#pick-search", RealInput).focus()

    def _fill(self, query: str) -> None:
        options = self.query_one("#pick-practices", OptionList)
        items = []
        for practice in self.catalogue.practices.values():
            guide = self.catalogue.guides.get(practice.guide)
            guide_title = guide.title if guide else practice.guide
            if not practice_matches(practice, guide_title, query):
                continue
            label = literal(practice.title, "bold")
            label.append(f"  [{practice.effort}]", style="dim")
            status = self.decided.get(practice.id)
            if status:
                label.append(f"  ({status})", style="green" if status == "accepted" else "red")
            label.append_text(literal(f"\n  {guide_title} · {practice.id}", "dim"))
            items.append(Option(label, id=practice.id))
        if not items:
            items.append(
                Option(Text("No practice has all these words; try fewer.", style="dim"), disabled=True)
            )
        options.set_options(items)
        options.highlighted = 0 if options.option_count and items[0].id else None

    @on(Input.Changed, "#pick-search")
    def _searched(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Up and Down move the list from the search only (in the list they are its own)."""
        if action == "move":
            return self.focused is self.query_one("#pick-search")
        return super().check_action(action, parameters)

    def action_move(self, where: str) -> None:
        move_in(self.query_one("#pick-practices", OptionList), where)

    @on(Input.Submitted, "#pick-search")
    def _chose_first(self) -> None:
        """Enter in the search chooses the highlighted practice (the first match, unless Up or
        Down moved), as Enter in the list does; with none, the keyboard stays to search again."""
        if self._chosen():
            self._picked()
        else:
            self.notify("No practice has all these words: Backspace to widen the search.", timeout=4)

    @on(OptionList.OptionSelected, "#pick-practices")
    def _picked(self) -> None:
        self.query_one("#pick-rationale", RealInput).focus()

    def _chosen(self) -> str:
        options = self.query_one("#pick-practices", OptionList)
        if options.highlighted is None or options.highlighted >= options.option_count:
            return ""
        return options.get_option_at_index(options.highlighted).id or ""

    def problem(self) -> tuple[str, Widget] | None:
        """Why the mapping cannot be made yet (no practice chosen, no rationale), and the field to
        put right; None when it can."""
        if not self._chosen():
            search = self.query_one("#pick-search")
            return "Choose a practice first: search, then pick one from the list.", search
        rationale = self.query_one("#pick-rationale", RealInput)
        if not rationale.entered().strip():
            return "Say why this practice answers the gap: a mapping by hand needs a rationale.", rationale
        return None

    @on(Input.Submitted, "#pick-rationale")
    @on(Button.Pressed, "#pick-save")
    def _done(self) -> None:
        if self.cannot_save():  # said under the field, the keyboard there (DialogScreen.refuse)
            return
        self.dismiss((self._chosen(), self.query_one("#pick-rationale", RealInput).entered().strip()))

    @on(Button.Pressed, "#pick-cancel")
    def _cancel(self) -> None:
        self.action_cancel()  # as Esc: the button says "Cancel (Esc)"
