"""Keys are handled one at a time, in the order they were typed.

Textual hands a key to the focused widget's queue and goes on to the next key at once. In a
burst (a paste, a fast typist, a key held down) the next key is then routed before the last one
moved the keyboard: text typed after ctrl+n reached the tree (where `u`, `f`, `t` and digits
are commands), Esc then `3` typed a 3 into the notes. The gate holds each key until the one
before has been handled all the way (the focused widget, then every container it bubbles
through, then the app's bindings), and until a dialog it opened has taken the keyboard.

A terminal sends alt+key as Esc followed by the key; when the two arrive within Textual's escape
delay they are read as one key. The workbench binds no alt key, so such a key is taken as the Esc
and the key that were typed. Textual reads some of these pairs as other keys (Esc 4 as '¢', the
Option key of a Mac; Esc ! as a bare '!', Esc f as ctrl+right): `read_esc_pairs_as_alt` makes
its parser read every Esc + digit, sign, space, Enter, b or f as alt+key, which `typed_keys` splits.
"""

from __future__ import annotations

import string
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from textual import events
from textual.dom import DOMNode
from textual.message_pump import MessagePump

from workbench.ui.textual_private import ANSI_SEQUENCES_KEYS, XTermParser, character_to_key, monotonic_time

if TYPE_CHECKING:
    from textual.app import App

STUCK_SECONDS = 1.0
"""A key whose handling was never confirmed (its widget went away, or the screens under it are
busy) frees the gate for the next key after this; it is still on its way (`on_their_way`) until
its handling is confirmed, or for HELD_SECONDS at most."""
HELD_SECONDS = 10.0
"""Keys held while the workbench opens (or a pane mounts) go on after this in any case."""
TYPED_KEPT = 256
"""How many of the latest keys' times the gate keeps (a dialog's typing guard reads them)."""
MORE_ROUNDS = 8
"""At most this many more walks along a key's way for what its handling sent (widgets that keep
sending themselves messages never hold the keyboard)."""


CHARACTERS = {character_to_key(char): char for char in string.punctuation} | {"space": " ", "enter": "\r"}
"""The character of each named key a terminal may send after Esc ('dollar_sign': '$')."""


class _KeyName(NamedTuple):
    """What Textual's parser table maps a sequence to (it reads the key's name from `value`)."""

    value: str


def read_esc_pairs_as_alt() -> None:
    """Make Textual's parser read Esc + digit, sign, space, Enter, b or f (typed within the escape
    delay) as alt+key, not as '¢', a lone '!' or ctrl+right. `[` is left alone: it starts the
    terminal's own sequences (arrows, function keys)."""
    for char in [*string.digits, *string.punctuation.replace("[", ""), " ", "\r", "b", "f"]:
        name = character_to_key(char) if not char.isalnum() else char
        name = {"\r": "enter"}.get(char, name)
        ANSI_SEQUENCES_KEYS["\x1b" + char] = (_KeyName(f"alt+{name}"),)  # type: ignore[index]


def typed_keys(event: events.Key) -> list[events.Key]:
    """The keys a person typed: alt+X with a printable X (or Enter) was Esc then X."""
    if not event.key.startswith("alt+"):
        return [event]
    name = event.key.removeprefix("alt+")
    char = event.character or CHARACTERS.get(name) or (name if len(name) == 1 else "")
    if len(char) != 1 or not (char.isprintable() or char == "\r"):
        return [event]
    return [events.Key("escape", "\x1b"), events.Key(char if name.startswith("shift+") else name, char)]


def keys_in_text(text: str) -> list[events.Key]:
    """The keys in what a terminal sent, read as Textual's driver reads them."""
    parser = XTermParser()
    read = [*parser.feed(text), *parser.feed("")]
    return [event for event in read if isinstance(event, events.Key)]


def has_messages(pump: MessagePump) -> bool:
    """Whether a widget (or the app) has messages still to handle: those in its queue and the one
    Textual took off the queue to look at before handling the current one."""
    return bool(pump.message_queue_size) or pump._pending_message is not None


class KeyGate:
    """Holds keys while one is being handled; `App.on_event` passes every key through `take`."""

    def __init__(self, app: App[Any], handle: Callable[[events.Key], object]) -> None:
        self.app = app
        self.handle = handle
        """Handles one key the way Textual does (the app's own `on_event`)."""
        self.waiting: deque[events.Key] = deque()
        self.busy = False
        self.held = False
        """Keys wait: the workbench is opening, or the pane shown is still being mounted."""
        self.typed: deque[float] = deque(maxlen=TYPED_KEPT)
        """When the latest keys were typed (`Key.time`), in the order typed."""
        self._on_their_way: dict[int, tuple[events.Key, float]] = {}
        """Keys handed on whose handling is not yet confirmed all the way, by turn: the key, and
        when it was handed on."""
        self._turn = 0

    def put_first(self, keys: list[events.Key]) -> None:
        """Keys typed before any the terminal sends from now on (typed before Textual had it)."""
        self.waiting.extendleft(reversed([typed for event in keys for typed in typed_keys(event)]))
        self.typed.extendleft(reversed([event.time for event in keys]))
        if self.waiting and not (self.busy or self.held):
            self.app.call_next(self._next)

    async def take(self, event: events.Key) -> None:
        """A key from the terminal: handle it now, or after the keys before it."""
        self.waiting.extend(typed_keys(event))
        self.typed.append(event.time)
        if not (self.busy or self.held):
            await self._next()

    def hold(self) -> None:
        """Keys typed from now on wait for `release` (they are not lost); after HELD_SECONDS
        they go on in any case: the keyboard never freezes."""
        if not self.held:
            self.held = True
            self.app.set_timer(HELD_SECONDS, self.release)

    def release(self) -> None:
        """The workbench is ready: the keys held go where the keyboard is now, in order."""
        if self.held:
            self.held = False
            if self.waiting and not self.busy:
                self.app.call_next(self._next)

    async def _next(self) -> None:
        while self.waiting and not (self.busy or self.held):
            event = self.waiting.popleft()
            if not self.app.screen_stack:  # closing
                self.waiting.clear()
                return
            route = self._route()
            self._turn += 1
            self._on_their_way[self._turn] = (event, monotonic_time())
            await self.handle(event)  # type: ignore[misc]
            self._wait_for(route, self.app.screen)

    def _route(self) -> list[MessagePump]:
        """Where a key goes: the focused widget, the containers up to its screen, the app."""
        node: DOMNode | None = self.app.focused or self.app.screen
        route: list[MessagePump] = []
        while node is not None:
            route.append(node)
            node = node.parent
        # Once more round the app: focus moves by a callback the key's action queued there.
        return [*route, self.app]

    def _wait_for(self, route: list[MessagePump], screen: object) -> None:
        """Free the gate once each pump on the route has handled what it was sent (in turn, so a
        key that bubbles is followed up to the app), and a dialog the key opened is up."""
        self.busy = True
        turn = self._turn

        rounds = 0

        def step(rest: list[MessagePump]) -> None:
            # (Followed to the end also once the gate was freed for the next key: the key is on
            # its way until then.)
            nonlocal screen, rounds
            while rest:
                pump, rest = rest[0], rest[1:]
                if pump.call_later(step, rest):
                    return
            if self.app.screen is not screen:  # a dialog opened or closed: let it settle first
                screen = self.app.screen
                if self.app.screen.call_later(step, []):
                    return
            # What the key's handling sent on its way (an Enter's `Submitted`, which moves the
            # keyboard to the tree) is handled before the next key too.
            left = next((index for index, pump in enumerate(route) if has_messages(pump)), None)
            if left is not None and rounds < MORE_ROUNDS:
                rounds += 1
                step(route[left:])
                return
            self._on_their_way.pop(turn, None)
            self._free(turn)

        self.app.set_timer(STUCK_SECONDS, lambda: self._free(turn))
        step(route)

    def _free(self, turn: int) -> None:
        if turn != self._turn or not self.busy:
            return
        self.busy = False
        if self.waiting:
            self.app.call_next(self._next)

    def on_their_way(self) -> list[events.Key]:
        """The keys handed on whose handling is not yet confirmed all the way (oldest first): the
        key being handled, and any the gate stopped waiting for after STUCK_SECONDS (the screens
        under a dialog busy as it opens) which may still answer it, whichever screen was on top
        as it was handed on (a dialog pushed meanwhile takes its bindings). None when what is
        handled now came from no key (a click)."""
        now = monotonic_time()
        for turn, (_, handed) in list(self._on_their_way.items()):
            if now - handed > HELD_SECONDS:  # never confirmed: its widget went away
                del self._on_their_way[turn]
        return [key for key, _ in self._on_their_way.values()]

    def typed_between(self, start: float, end: float) -> list[float]:
        """When the keys typed from `start` until before `end` were typed, in order."""
        return [time for time in self.typed if start <= time < end]


def quiet_for(seconds: float, start: float, typed: list[float], end: float) -> bool:
    """Whether from `start` to `end` there was a stretch of `seconds` in which no key was typed
    (`typed`: when keys were typed, in order)."""
    since = start
    for time in typed:
        if time >= end:
            break
        if time - since >= seconds:
            return True
        since = max(since, time)
    return end - since >= seconds


def keys_gate(app: App[Any]) -> KeyGate | None:
    """The app's gate (the workbench's app has one; a bare test app may not)."""
    gate = getattr(app, "keys_in_order", None)
    return gate if isinstance(gate, KeyGate) else None
