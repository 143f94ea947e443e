"""Every key, declared once: the bindings, the footer, F1 help, the palette and the tab titles
are all built from `KEYS`.

An entry says which key runs which action, in which part of the workbench (`scope`), with what
words, whether it changes the project (`changes_data`) and when it can run (`when`, checked by
the owner's `check_action`). Add a key here and bind it with `bindings(scope)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from workbench.ui.workspace import Workspace


SCOPES = {
    "app": "Everywhere (also while typing)",
    "capture": "Capture",
    "gaps": "Gaps",
    "matrix": "Gaps",
    "map": "Map",
    "plan": "Plan",
    "timeline": "Plan",
    "followups": "Follow-ups (F7)",
    "dialog": "In every dialog",
}
"""Where a key applies, and the heading it is listed under in F1 help."""


@dataclass(frozen=True)
class Key:
    """One action and the key that runs it."""

    id: str
    key: str
    """Textual key name(s); more than one separated by commas."""
    action: str
    """The Textual action it runs, on the widget of its scope."""
    description: str
    """A word or two for the footer and the palette."""
    help: str
    """The line in F1 help (and the palette's explanation)."""
    scope: str = "app"
    changes_data: bool = False
    """Whether it changes the project (it is then undoable)."""
    when: str = ""
    """When it can run: '' always, 'project' once one is open, or the tab ids of its pane where it
    acts ('plan-steps'). Undo and redo run once a project is open, also with nothing to take
    back: the key then says so ("Nothing to undo."), never nothing at all."""
    show: bool = True
    """Shown in the footer."""
    palette: bool = False
    """Offered in the command palette."""
    shown_key: str = ""
    """How help shows the key when it is not the key's own name ('1–5')."""
    bound: bool = True
    """False for keys a Textual widget already binds, listed here for help only."""
    in_help: bool = True
    """False when the line of the entry before it in help covers it ('ctrl+n / ctrl+b')."""
    rank: int = 50
    """Its place in the footer among the keys shown (lower first: the most useful)."""
    kept: str = ""
    """The scopes (space-separated) where the footer keeps room for it before the keys of the
    focused part fill the rest: ctrl+s in Capture, where a long field name ('measured by') pushed
    it off at 80 columns."""
    priority: bool = False
    """It acts before the focused widget sees the key (set for every F-key and ctrl key)."""
    text_first: bool = False
    """In a text field the field uses the key first (undo and redo take back typing first)."""
    where: str = ""
    """For a key the widget handles itself (`bound` False: Enter in a list): the ids of the
    widgets where it does what the entry says. The footer offers it while one has the keyboard."""
    needs_item: bool = False
    """It acts on the selected item of its list (the timeline's): with none it is not offered."""
    pane_key: str = ""
    """For a palette entry with no key of its own: the id of the entry whose key does the same in
    its pane ('m' in Gaps for "Merge two gaps"); the palette names that key."""

    @property
    def works_while_typing(self) -> bool:
        """Function and ctrl keys work while a text field has the keyboard; letters type."""
        return works_while_typing(self.key)

    def binding(self, key: str = "", action: str = "") -> Binding:
        """The Textual binding."""
        return Binding(
            key or self.key,
            action or self.action,
            self.description,
            show=self.show and not key,
            id=self.id if not key else None,
            tooltip=self.help,
            priority=self.priority or (self.works_while_typing and not self.text_first),
        )


def works_while_typing(key_name: str) -> bool:
    """F-keys and ctrl keys act wherever the keyboard is; any other key types in a text field."""
    first = key_name.split(",")[0]
    return first.startswith("ctrl+") or (first[:1] == "f" and first[1:].isdigit())


def _pane(key: str, pane: str, title: str, what: str) -> Key:
    return Key(f"pane-{pane}", key, f"pane('{pane}')", title, what, show=False, when="project", palette=True)


TARGET_KEYS = ("exclamation_mark", "at", "number_sign", "dollar_sign", "percent_sign")

KEYS: tuple[Key, ...] = (
    # --- everywhere ---------------------------------------------------------------------------------
    # F-keys and ctrl keys act wherever the keyboard is, also while typing (they are priority
    # bindings); in a dialog only its own keys, F1 and ctrl+q act.
    Key("help", "f1", "help", "Help", "this help: every key, by pane", palette=True),
    _pane("f2", "capture", "Capture", "Capture: answer questions"),
    _pane("f3", "gaps", "Gaps", "Gaps: impact × complexity matrix (F3 again: its next tab)"),
    _pane("f4", "map", "Map", "Map: gaps to guide practices"),
    _pane("f5", "plan", "Plan", "Plan: pilot timeline (F5 again: Metrics, then Next steps)"),
    Key("sessions", "f6", "sessions", "Session", "start or switch the discovery session",
        changes_data=True, when="project", palette=True, rank=41),
    Key("followups", "f7", "followups", "Follow-ups",
        "follow-ups by person: record the answer, tick, assign, go to the question", when="project",
        show=False, palette=True),
    Key("proposal", "f8", "proposal", "Proposal",
        "the proposal's text: summary, recommendations, risks (drafted until you edit)",
        changes_data=True, when="project", show=False, palette=True),
    Key("undo", "ctrl+z", "undo", "Undo", "undo the last change (in a text field: its typing first)",
        changes_data=True, when="project", palette=True, text_first=True),
    Key("redo", "ctrl+y", "redo", "Redo", "redo what was undone",
        changes_data=True, when="project", palette=True, text_first=True),
    Key("save", "ctrl+s", "save", "Save",
        "save now (autosave runs 2 s after the last change, at most 10 s after the first); "
        "in a dialog: save it", when="project", palette=True, rank=40, kept="capture"),
    Key("clock", "ctrl+t", "toggle_clock", "Clock", "start or pause the session clock",
        when="project", palette=True, show=False),
    Key("export", "f9", "export", "Export", "export the Word proposal", when="project", palette=True,
        show=False),
    Key("workbook-export", "", "export_workbook", "Workbook",
        "export self-assessment workbook (.xlsx) for the client team to fill in", when="project",
        palette=True, bound=False, in_help=False),
    Key("workbook-import", "", "import_workbook", "Import", "import workbook (.xlsx) filled in by the client",
        changes_data=True, when="project", palette=True, bound=False, in_help=False),
    Key("save-copy", "", "save_copy", "Save a copy",
        "save a copy: your version to a new file beside the project (NAME.mine-TIME.toml), or in "
        "the workbench's state folder when that folder cannot be written; the project file is "
        "left as it is", when="project", palette=True, bound=False, shown_key="palette"),
    Key("milestone-save", "", "save_milestone", "Milestone",
        "save a milestone: where the engagement stands now, to compare with later (Gaps › Maturity "
        "compares with one)", changes_data=True, when="project", palette=True, bound=False,
        shown_key="palette"),
    Key("session-edit", "", "edit_session", "Edit session",
        "edit the session's details: title, date, time box, attendees, notes", changes_data=True,
        when="project", palette=True, bound=False, shown_key="F6 / palette"),
    Key("undismiss", "", "undismiss", "Bring back",
        "bring back a dismissed gap suggestion (Gaps pane: it is suggested again)", changes_data=True,
        when="project", palette=True, bound=False, in_help=False),
    Key("map-pick-anywhere", "", "map_by_hand", "Map by hand",
        "map any practice to the selected gap by hand (Map pane: search every practice, say why)",
        changes_data=True, when="project", palette=True, bound=False, in_help=False, pane_key="map-pick"),
    Key("gap-merge-anywhere", "", "merge_gaps", "Merge gaps",
        "merge two gaps: the selected one keeps the other's evidence, mappings and plan links",
        changes_data=True, when="project", palette=True, bound=False, in_help=False, pane_key="gap-merge"),
    Key("palette", "ctrl+p", "command_palette", "Palette",
        "command palette: questions, sessions, panes, undo, save, export", bound=False),
    Key("quit", "ctrl+q", "quit", "Quit", "quit (asks when changes could not be saved)", show=False,
        palette=True),
    Key("plan-done-anywhere", "", "plan_done", "Pilot done",
        "mark the pilot selected in Plan done, or not done (shows Plan)", changes_data=True,
        when="project", palette=True, bound=False, in_help=False, pane_key="plan-done"),
    Key("gap-new-anywhere", "", "new_gap", "New gap", "raise a new gap (shows Gaps)", changes_data=True,
        when="project", palette=True, bound=False, in_help=False, pane_key="gap-new"),
    # Keys that move the keyboard act the moment they arrive (priority); ctrl+a selects all in a
    # text field.
    Key("next-field", "tab", "focus_next", "Next field", "next field (the pane tabs are no stop)",
        show=False, priority=True),
    Key("previous-field", "shift+tab", "focus_previous", "Previous field", "previous field", show=False,
        priority=True, in_help=False),
    Key("select-all", "ctrl+a", "select_all", "Select all", "select all of the text field", show=False),
    Key("text-end", "ctrl+end", "text_edge(True)", "Text end", "in a text field: to the end of its text / "
        "to its start", show=False, in_help=False),
    Key("text-start", "ctrl+home", "text_edge(False)", "Text start", "to the start of the text", show=False,
        in_help=False),
    # --- capture ------------------------------------------------------------------------------------
    # In the notes and every text field letters, digits and Enter type; nothing else happens.
    # In the question tree they are commands on the highlighted question. The non-printing keys
    # below do the same from anywhere in Capture, notes included.
    Key("next", "ctrl+n", "step(1)", "Next",
        "next / previous question: the keyboard goes to its notes, after what was said", "capture",
        shown_key="ctrl+n / ctrl+b", rank=10, kept="capture"),
    Key("previous", "ctrl+b", "step(-1)", "Prev", "previous question", "capture", in_help=False, rank=11,
        kept="capture"),
    Key("notes", "enter", "edit_highlighted", "Notes", "in the tree: write the highlighted question's notes",
        "capture", show=False, priority=True),
    Key("to-navigator", "escape", "to_navigator", "Tree", "back to the question tree (closes an open "
        "dropdown first)", "capture", show=False, shown_key="Esc"),
    Key("maturity-up", "ctrl+up", "maturity_step('current', 1)", "Now +1",
        "current maturity one up / down (from the notes too)", "capture", changes_data=True,
        shown_key="ctrl+up / ctrl+down", show=False),
    Key("maturity-down", "ctrl+down", "maturity_step('current', -1)", "Now −1", "current maturity one down",
        "capture", changes_data=True, in_help=False, show=False),
    Key("target-up", "ctrl+shift+up", "maturity_step('target', 1)", "Target +1",
        "target maturity one up / down (from the notes too)", "capture", changes_data=True,
        shown_key="ctrl+shift+up / down", show=False),
    Key("target-down", "ctrl+shift+down", "maturity_step('target', -1)", "Target −1",
        "target maturity one down", "capture", changes_data=True, in_help=False, show=False),
    Key("status-next", "ctrl+o", "next_choice('status')", "Status",
        "status: answered → needs follow-up → not applicable → skipped (from the notes too; "
        "or Tab to the status dropdown, Enter opens it, arrows choose, Enter sets)", "capture",
        changes_data=True, rank=20),
    Key("confidence-next", "ctrl+e", "next_choice('confidence')", "Confidence",
        "confidence: stated → observed → evidenced (from the notes too; or its dropdown)", "capture",
        changes_data=True, rank=21),
    Key("hear-anywhere", "ctrl+r", "hear", "Heard", "pain indicator heard (from the notes too)", "capture",
        changes_data=True, rank=22),
    Key("raise-gap", "ctrl+g", "raise_gap", "Raise gap", "raise a gap from this question", "capture",
        changes_data=True, rank=23),
    Key("attach-evidence", "ctrl+l", "attach_evidence", "Attach",
        "attach what this session gave on the question to an existing gap: its answer, this session's "
        "quotes (in the heard list: the quote under the cursor) and metric (from the notes too)", "capture",
        changes_data=True, show=False),
    Key("maturity-current", "1", "maturity('current', 1)", "Current", "in the tree: current maturity "
        "(0 clears)", "capture", changes_data=True, show=False, shown_key="1–5"),
    Key("maturity-target", TARGET_KEYS[0], "maturity('target', 1)", "Target",
        "in the tree: target maturity (shift+0, the ')' key, clears)", "capture", changes_data=True,
        show=False, shown_key="shift+1–5 (! @ # $ %)"),
    Key("hear", "h", "hear", "Heard",
        "in the tree: pain indicator heard: the quote, who said it, the session (again: edits that "
        "record)", "capture", changes_data=True, show=False),
    Key("heard-remove", "delete", "remove_heard", "Remove",
        "in the heard list: remove the quote (enter edits it, Add another adds one)", "capture",
        changes_data=True, show=False),
    Key("heard-edit-here", "enter", "", "Edit", "", "capture", changes_data=True, bound=False, in_help=False,
        where="q-heard-list", rank=5),
    Key("heard-remove-here", "delete", "", "Remove", "", "capture", changes_data=True, bound=False,
        in_help=False, where="q-heard-list", rank=6),
    Key("search", "slash", "search", "Search", "in the tree: search questions", "capture", shown_key="/",
        show=False),
    Key("filter-unanswered", "u", "filter('unanswered')", "Unanswered", "in the tree: filter unanswered",
        "capture", show=False),
    Key("filter-follow-up", "f", "filter('follow_up')", "Follow-up", "in the tree: filter needs follow-up",
        "capture", show=False),
    Key("filter-template", "t", "filter('template_only')", "Template",
        "in the tree: filter this template's questions", "capture", show=False),
    # --- follow-ups (F7) -----------------------------------------------------------------------------
    Key("followups-open", "enter", "open", "Open",
        "a question: write the answer that closes it; a next step: edit it (what, owner, due)",
        "followups", changes_data=True, bound=False),
    Key("followups-close", "c", "close", "Close/tick",
        "close: a question asks for its answer, a next step is ticked; on a done item: reopen it",
        "followups", changes_data=True, rank=10),
    Key("followups-assign", "o", "assign", "Owner", "whom to ask (known names complete) and by when",
        "followups", changes_data=True, rank=11),
    Key("followups-jump", "j", "jump", "Go to", "go to the question in Capture, in its own session",
        "followups", rank=12),
    Key("followups-done", "d", "toggle_done", "Done", "show or hide the items already done",
        "followups", rank=13),
    Key("followups-back", "escape", "back", "Back", "back to the panes (F7 opens the view where you left it)",
        "followups", shown_key="Esc", rank=14),
    # --- dialogs ------------------------------------------------------------------------------------
    Key("dialog-confirm", "ctrl+s", "confirm", "Save", "save the dialog (the button naming the key: Save, "
        "Export, Start, Replace); never a Discard or Delete: there ctrl+s keeps, and d or x (named on "
        "the button) throws away", "dialog"),
    Key("dialog-cancel", "escape", "cancel", "Cancel", "close the dialog, changing nothing; after a "
        "change it asks first (Discard your changes?: ctrl+s or Esc keeps editing, d discards)", "dialog",
        shown_key="Esc"),
    Key("dialog-undo", "ctrl+z", "nothing_to_undo", "Undo", "in a dialog: undo the typing in the field; "
        "with none left, says so (the project's changes are undone once the dialog is closed)", "dialog",
        show=False, in_help=False, text_first=True),
    Key("dialog-redo", "ctrl+y", "nothing_to_redo", "Redo", "", "dialog", show=False, in_help=False,
        text_first=True),
    Key("pick-choose", "enter", "", "Choose", "in a list to choose from (which gap, which dependency…): "
        "choose the highlighted item; typing narrows a long list to the items with all the words typed, "
        "up / down move in it", "dialog", bound=False,
        where="pick-list pick-filter pick-search pick-practices", rank=5),
    # --- gaps ---------------------------------------------------------------------------------------
    Key("gap-up", "up", "cursor(1, 0)", "Up", "select a gap on the matrix", "matrix", show=False,
        shown_key="arrows"),
    Key("gap-down", "down", "cursor(-1, 0)", "Down", "", "matrix", show=False, in_help=False),
    Key("gap-left", "left", "cursor(0, -1)", "Left", "", "matrix", show=False, in_help=False),
    Key("gap-right", "right", "cursor(0, 1)", "Right", "", "matrix", show=False, in_help=False),
    Key("gap-impact-up", "shift+up", "move(1, 0)", "Impact +",
        "move the gap: impact up/down, complexity left/right", "matrix", changes_data=True,
        shown_key="shift+arrows", rank=70),
    Key("gap-impact-down", "shift+down", "move(-1, 0)", "Impact −", "lower the gap's impact", "matrix",
        changes_data=True, in_help=False, rank=71),
    Key("gap-simpler", "shift+left", "move(0, -1)", "Simpler", "lower its complexity", "matrix",
        changes_data=True, in_help=False, rank=72),
    Key("gap-harder", "shift+right", "move(0, 1)", "Harder", "raise its complexity", "matrix",
        changes_data=True, in_help=False, rank=73),
    Key("gap-cycle", "space", "cycle", "Next in cell", "the next gap in a crowded cell", "matrix",
        show=False),
    Key("gap-edit", "enter", "open", "Edit", "edit the gap, or list a crowded cell", "matrix", rank=5),
    Key("gap-ranked-edit", "enter", "", "Edit", "in the ranked list: edit the gap", "gaps", changes_data=True,
        bound=False, in_help=False, where="ranked", rank=5),
    Key("gap-new", "n", "new_gap", "New gap", "raise a gap by hand", "gaps", changes_data=True, rank=30),
    Key("suggestion-accept", "a", "accept", "Accept", "Suggested list: accept the highlighted suggestion",
        "gaps", changes_data=True),
    Key("suggestion-enter", "enter", "", "Accept", "Suggested list: enter accepts too", "gaps",
        changes_data=True, bound=False, show=False, in_help=False, where="suggestions"),
    Key("suggestion-dismiss", "d", "dismiss", "Dismiss", "Suggested list: dismiss the highlighted suggestion",
        "gaps", changes_data=True),
    Key("gap-evidence", "e", "evidence", "Evidence", "the gap's evidence; enter on an item jumps to Capture",
        "gaps"),
    Key("gap-evidence-jump", "enter", "", "Question", "in the evidence list: enter goes to the item's "
        "question in Capture", "gaps", bound=False, in_help=False, where="evidence", rank=5),
    Key("gap-merge", "m", "merge", "Merge",
        "merge another gap into the selected one (evidence, mappings, plan links follow)", "gaps",
        changes_data=True, rank=31),
    Key("gap-delete", "delete", "delete_gap", "Delete", "delete the selected gap", "gaps",
        changes_data=True, rank=52),
    Key("milestone-compare", "", "", "Compare", "Maturity tab: 'Compare with a milestone' (Tab to it, Enter "
        "opens it) draws each area's bar then and now; save one from the palette", "gaps", bound=False,
        shown_key="Tab, Enter"),
    # --- map ----------------------------------------------------------------------------------------
    Key("map-accept", "a", "decide('accepted')", "Accept", "map the practice to the gap", "map",
        changes_data=True),
    Key("map-reject", "r", "decide('rejected')", "Reject", "reject the practice; it is remembered", "map",
        changes_data=True),
    Key("map-undecide", "x", "undecide", "Forget", "forget the decision on the practice", "map",
        changes_data=True),
    Key("map-rationale", "w", "rationale", "Rationale", "write why the practice fits", "map",
        changes_data=True),
    Key("map-pick", "p", "pick_practice", "Any practice",
        "map any practice to the gap by hand: search every practice, say why", "map", changes_data=True),
    Key("map-detail", "enter", "", "Detail", "in the practice list: read the practice's detail "
        "(arrows scroll it; a r x w act on it there too); it changes nothing", "map", bound=False),
    # --- plan ---------------------------------------------------------------------------------------
    Key("plan-up", "up", "select(-1)", "Up", "select a plan item; enter edits it", "timeline",
        show=False, shown_key="up / down"),
    Key("plan-down", "down", "select(1)", "Down", "", "timeline", show=False, in_help=False),
    Key("plan-earlier", "left", "shift(-1)", "Earlier", "move the item a week (fixes its start)",
        "timeline", changes_data=True, shown_key="left / right", needs_item=True),
    Key("plan-later", "right", "shift(1)", "Later", "start a week later (fixes the start)", "timeline",
        changes_data=True, in_help=False, needs_item=True),
    Key("plan-shorter", "left_square_bracket", "resize(-1)", "Shorter", "shorter / longer by a week",
        "timeline", changes_data=True, shown_key="[ / ]", rank=58, needs_item=True),
    Key("plan-longer", "right_square_bracket", "resize(1)", "Longer", "one week longer", "timeline",
        changes_data=True, in_help=False, rank=58, needs_item=True),
    Key("plan-scroll-back", "comma", "scroll_weeks(-4)", "Scroll ←",
        "scroll the timeline sideways (or shift+wheel)", "timeline", show=False, shown_key=", / ."),
    Key("plan-scroll-on", "full_stop", "scroll_weeks(4)", "Scroll →", "scroll the timeline sideways",
        "timeline", show=False, in_help=False),
    Key("plan-edit", "enter", "edit", "Edit", "edit the item", "timeline", changes_data=True,
        needs_item=True),
    Key("plan-propose", "p", "propose", "Propose pilot", "propose a pilot from a gap with mapped practices",
        "plan", changes_data=True, when="plan-timeline"),
    Key("plan-dep-add", "plus", "add_dependency", "+Dep", "add / remove a dependency (a cycle is refused)",
        "plan", changes_data=True, when="plan-timeline", shown_key="+ / -", rank=45, needs_item=True),
    Key("plan-dep-remove", "minus", "remove_dependency", "−Dep", "remove a dependency", "plan",
        changes_data=True, when="plan-timeline", in_help=False, rank=45, needs_item=True),
    Key("plan-milestone", "m", "add_item('milestone')", "Milestone",
        "Timeline tab: add a milestone / a technical deep-dive session", "plan", changes_data=True,
        when="plan-timeline", shown_key="m / k", rank=60),
    Key("plan-deep-dive", "k", "add_item('deep-dive')", "Deep-dive", "add a technical deep-dive session",
        "plan", changes_data=True, show=False, when="plan-timeline", in_help=False),
    Key("plan-done", "d", "toggle_done", "Done", "mark the selected pilot done (✓, dimmed) / not done",
        "plan", changes_data=True, when="plan-timeline", rank=30, needs_item=True),
    Key("plan-unfix", "u", "unfix", "Unfix start", "unfix the start: as early as dependencies allow",
        "plan", changes_data=True, when="plan-timeline", show=False, needs_item=True),
    Key("plan-delete", "delete", "delete_item", "Delete",
        "delete the selected item (Metrics tab: the highlighted metric)", "plan",
        changes_data=True, when="plan-timeline plan-metrics", rank=55, needs_item=True),
    Key("plan-new", "n", "new_entry", "New", "Metrics tab: new metric · Next steps tab: new step", "plan",
        changes_data=True, when="plan-metrics plan-steps"),
    Key("plan-tick", "space", "toggle_step", "Done", "Next steps tab: tick or untick the step", "plan",
        changes_data=True, when="plan-steps", rank=20),
    Key("plan-step-edit", "enter", "", "Edit step",
        "Next steps tab: edit the step (what, owner, due date, what it serves)", "plan", changes_data=True,
        bound=False,
        where="step-list", rank=5),
    Key("plan-metric-edit", "enter", "", "Edit metric",
        "Metrics tab: edit the metric (what, how measured, baseline, target, owner)", "plan",
        changes_data=True, bound=False, where="metric-list", rank=5),
)

EXTRA_BINDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "maturity-current": (
        *((str(n), f"maturity('current', {n})") for n in range(2, 6)),
        ("0", "maturity('current', 0)"),
    ),
    "maturity-target": (
        *((key, f"maturity('target', {n})") for n, key in enumerate(TARGET_KEYS[1:], 2)),
        ("right_parenthesis", "maturity('target', 0)"),
    ),
}
"""More keys for one entry: maturity 2–5 and clearing, listed once in help."""


BY_ID: dict[str, Key] = {}
"""Every entry by its id (the first, as a search of `KEYS` would find)."""
BY_ACTION: dict[tuple[str, str], Key] = {}
"""Every entry by its scope and action name (without parameters): the first of `KEYS`. The footer
asks for a score of keys each time it is drawn, which is at every move of the keyboard."""
for _entry in KEYS:
    BY_ID.setdefault(_entry.id, _entry)
    BY_ACTION.setdefault((_entry.scope, _entry.action.split("(")[0]), _entry)
del _entry


def kept_in_footer(key_id: str, offered: Iterable[str]) -> bool:
    """Whether the footer keeps room for this key among the keys `offered` (ids): one of them is
    of a scope in its `Key.kept` (the keyboard is in Capture)."""
    entry = BY_ID.get(key_id)
    if entry is None or not entry.kept:
        return False
    scopes = entry.kept.split()
    return any(BY_ID[i].scope in scopes for i in set(offered) if i in BY_ID)


def footer_rank(key_id: str) -> int:
    """Where a key goes in the footer (keys not in the registry last)."""
    entry = BY_ID.get(key_id)
    return entry.rank if entry is not None else 99


def key(key_id: str) -> Key:
    """The entry with this id."""
    return BY_ID[key_id]


def in_scope(scope: str) -> Iterable[Key]:
    """The entries of one scope."""
    return (k for k in KEYS if k.scope == scope)


def bindings(scope: str) -> list[BindingType]:
    """The Textual BINDINGS of a scope."""
    found: list[BindingType] = []
    for entry in in_scope(scope):
        if entry.bound:
            found.append(entry.binding())
            found += [entry.binding(k, a) for k, a in EXTRA_BINDINGS.get(entry.id, ())]
    return found


def can_run(entry: Key, workspace: Workspace | None, editing: bool) -> bool:
    """Whether an app-wide key can run now; `editing` is False while a dialog is open over the
    main screen (undo then would change the project under a form yet to be applied)."""
    if not entry.when:
        return True
    if workspace is None:
        return False
    return editing  # a dialog's own ctrl+s (and the rest) act while it is open


def for_key(scope: str, key_name: str) -> Key | None:
    """The bound entry of a key (by its Textual name) in a scope."""
    return next((k for k in in_scope(scope) if k.bound and key_name in k.key.split(",")), None)


def widget_keys(widget_id: str | None) -> list[Key]:
    """The keys a widget handles itself that the registry describes (`Key.where`)."""
    return [k for k in KEYS if widget_id and widget_id in k.where.split()]


def for_action(scope: str, action: str) -> Key | None:
    """The entry of an action (by its name, without parameters) in a scope."""
    return BY_ACTION.get((scope, action.split("(")[0]))


def needs_item(scope: str, action: str) -> bool:
    """Whether the action bound in a scope acts on a selected item (`Key.needs_item`)."""
    entry = for_action(scope, action)
    return entry is not None and entry.needs_item


def condition(scope: str, action: str) -> str:
    """The `when` of the action bound in a scope ('' when it always runs or is not declared)."""
    name = action.split("(")[0]
    return next((k.when for k in in_scope(scope) if k.action.split("(")[0] == name and k.when), "")


CHANGES_DATA = "✱"
"""Marks, in F1 help, a key that changes the project."""

KEYBOARD_MODEL: tuple[tuple[str, str], ...] = (
    ("where typing lands", "the footer's left says: ✎ notes (or the field) while letters type, "
     "▸ tree (or the list) while they are commands; the field with the keyboard is highlighted"),
    ("in a text field", "the notes, the search box, every field of a dialog: letters, digits, space "
     "and Enter type, and do nothing else"),
    ("in a list", "the question tree, the matrix, the lists and the timeline: letters and digits "
     "are the keys listed below, on the highlighted item"),
    ("on a dropdown", "Capture's status and confidence, a dialog's choices: Enter or the arrows open "
     "it, arrows choose, Enter sets; letters and digits do nothing there (in Capture one line says "
     "typing goes in the notes: Tab to them)"),
    ("everywhere", "F-keys and ctrl keys act wherever the keyboard is, also while typing; Tab and "
     "shift+Tab move between fields; Esc goes back to the tree or closes a dialog"),
    ("after a move", "ctrl+n, ctrl+b and Enter on a question (or on a closed group line: its first "
     "question) put the keyboard in its notes, after what was said; keys typed fast or pasted are "
     "handled in the order typed"),
    (CHANGES_DATA, "the key changes the project (ctrl+z takes it back); no other key does"),
)
"""F1 help's first section and the README's: where keys go (issue 12's keyboard model)."""


def help_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    """F1 help: the keyboard model, then per heading (keys, what they do); keys that change the
    project are marked."""
    sections: dict[str, list[tuple[str, str]]] = {"Where keys go": list(KEYBOARD_MODEL)}
    for entry in KEYS:
        rows = sections.setdefault(SCOPES[entry.scope], [])
        if entry.in_help:
            shown = entry.shown_key or display(entry.key)
            rows.append((f"{shown} {CHANGES_DATA}" if entry.changes_data else shown, entry.help))
    return list(sections.items())


def tab_title(pane: str) -> str:
    """A pane's tab: its name and its key ('Gaps F3')."""
    entry = key(f"pane-{pane}")
    return f"{entry.description} {display(entry.key)}"


def palette_key(entry: Key) -> str:
    """The key the palette shows beside an entry: its own, else the key that does the same in
    its pane ('m in Gaps')."""
    if entry.key or not entry.pane_key:
        return display(entry.key)
    same = key(entry.pane_key)
    return f"{display(same.key)} in {SCOPES[same.scope]}"


def display(key_name: str) -> str:
    """A key as a person reads it: F1, ctrl+s, /, [."""
    first = key_name.split(",")[0]
    names = {"slash": "/", "plus": "+", "minus": "-", "comma": ",", "full_stop": "."}
    if first in names:
        return names[first]
    if len(first) in (2, 3) and first[0] == "f" and first[1:].isdigit():
        return first.upper()
    return first
