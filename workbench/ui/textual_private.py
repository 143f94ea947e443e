"""Every private Textual name the workbench uses, in one place.

Textual is pinned exactly (pyproject.toml); these names are not part of its public API and may
move in any release. A Textual upgrade checks this module first: each name says what it is used
for, and the keyboard tests (tests/test_keyboard_model.py, tests/test_live_capture.py,
tests/test_fresh_eyes_12b.py) fail if one changes meaning. Tests import them from here too;
the one test that records Textual's own compositor output (test_pane_switch_repaints) imports
those private names itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.color import Color
from textual.geometry import Region
from textual.keys import _character_to_key
from textual.renderables.background_screen import BackgroundScreen
from textual.widgets._select import NoSelection, SelectCurrent, SelectOverlay
from textual.widgets._toast import ToastRack

character_to_key = _character_to_key
"""A typed character's key name as Textual's driver gives it ('!' is 'exclamation_mark')."""

monotonic_time = get_time
"""The clock Textual stamps events with (a dialog's typing guard compares with it)."""

DropdownList = SelectOverlay
"""The list a `Select` opens; its `UpdateSelection` says a value was taken from it (also the one
shown already, which posts no `Select.Changed`). `Dropdown` builds it when first opened."""

DropdownValue = SelectCurrent
"""What a closed `Select` shows: its value (or prompt) and the arrow; `Dropdown` composes only it."""

NoValue = NoSelection
"""The type of `Select.NULL` (no value chosen)."""

# XTermParser: Textual's reader of what a terminal sends; reads the keys typed before Textual had
# the terminal (typed_early) as its driver reads the rest.


def put_up_notice(app: Any, notification: Any) -> None:
    """Show a notice now, as `App.notify` does a moment later (it posts a message): so that a
    notice raised next, even in the same call, finds this one on screen and takes its place."""
    app._notifications.add(notification)
    app._refresh_notifications()


def forget_notice(app: Any, notification: Any) -> None:
    """Take a notice back at once, its toast with it on every screen: Textual's own refresh
    (`ToastRack.show`) removes a stale toast but leaves the (empty) holder it sat in, one more
    each time a notice takes another's place (ui/notices.py)."""
    app._unnotify(notification, refresh=False)
    holder_id = ToastRack._toast_id(notification)
    for screen in app.screen_stack:
        for rack in screen.query_children(ToastRack):
            for holder in rack.query_children(f"#{holder_id}"):
                holder.remove()


def result_requester(screen: Any) -> Any:
    """The message pump that runs the result callback of `screen` (pushed with one), else None:
    Textual queues the callback there (`call_next`) as the screen is dismissed, so something
    queued there after it runs once the result is taken (quitting after a dialog's Save)."""
    callbacks = getattr(screen, "_result_callbacks", [])
    return getattr(callbacks[-1], "requester", None) if callbacks else None


def repaint_area(widget: Any) -> None:
    """Have the screen draw the whole of `widget`'s area again (every widget in it), from the
    lines each has drawn already: `Widget.refresh()` also throws away the widget's own lines and
    draws them again (for the pane strip, 44 blank lines under the panes on every switch)."""
    widget._repaint_regions.add(widget.outer_size.region)
    widget._repaint_required = True
    widget.check_idle()


def drawing_put_off(app: Any) -> bool:
    """Whether the app is in a batch of updates (`App.batch_update`): a screen laid out now is
    drawn on the terminal once the batch ends, by a callback Textual queues on the screen."""
    return bool(app._batch_count)


def highlighted_row(options: Any) -> Region | None:
    """Where an OptionList's highlighted option is drawn on screen (its lines, as many as it has),
    or None when none is highlighted or laid out: `_index_to_line` and `_heights` are Textual's
    own maps from an option to its first line and its height."""
    index = options.highlighted
    if index is None or not options.is_mounted:
        return None
    options._update_lines()
    try:
        line, height = options._index_to_line[index], options._heights[index]
    except (KeyError, IndexError):
        return None
    shown = options.content_region
    return Region(shown.x, shown.y + line - round(options.scroll_y), shown.width, height)


def shown_suggestion(field: Any) -> str:
    """The completion an `Input` shows in dim grey after the text typed ('' when none is shown):
    its `_suggestion`, drawn only while it has the keyboard and holds more than was typed."""
    suggestion = str(getattr(field, "_suggestion", "") or "")
    return suggestion if field.has_focus and len(suggestion) > len(field.value) else ""


def hide_suggestion(field: Any) -> None:
    """Stop an `Input` showing its completion until its text changes (Delete at the end refuses
    the name offered): Textual asks its suggester again only when the value changes."""
    field._suggestion = ""


__all__ = [
    "ANSI_SEQUENCES_KEYS",
    "DropdownList",
    "DropdownValue",
    "NoValue",
    "XTermParser",
    "character_to_key",
    "drawing_put_off",
    "forget_notice",
    "highlighted_row",
    "monotonic_time",
    "put_up_notice",
    "result_requester",
    "shown_suggestion",
]


class DimmedScreen(BackgroundScreen):
    """Textual's dimmed copy of the screen under a modal screen (`BackgroundScreen`), with each
    style's tint worked out once: Textual blends the colours of every segment of every line again
    for each paint of a dialog (about a tenth of opening one on the large project), though a
    screen uses few styles. The tint of a style is Textual's own, computed by it on first use."""

    _tints: ClassVar[dict[tuple[Style | None, Color], Style | None]] = {}

    @classmethod
    def process_segments(cls, segments: Iterable[Segment], color: Color) -> Iterable[Segment]:
        tints = cls._tints
        if len(tints) > TINTS_KEPT:
            tints.clear()
        tint_of = super().process_segments
        for segment in segments:
            text, style, control = segment
            if control:
                yield segment
                continue
            key = (style, color)
            if key in tints:
                tinted = tints[key]
            else:
                (first,) = tint_of([Segment(" ", style)], color)
                tinted = tints[key] = first.style
            yield Segment(text, tinted, control)


TINTS_KEPT = 4096
"""Styles whose tint `DimmedScreen` keeps (a screen uses a few hundred; links add more)."""
