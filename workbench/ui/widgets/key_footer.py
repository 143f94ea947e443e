"""A one-line footer of the keys that work now, drawn as text (Textual's Footer rebuilds a widget
per key whenever focus moves, which made every pane switch slow)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget


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

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        seen: set[str] = set()
        palette = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = binding
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            click = Style(meta={"@click": f"app.simulate_key({binding.key!r})"})
            key_style = Style(bold=True, color="orange1") if enabled else Style(dim=True)
            line.append(f" {self.app.get_key_display(binding)} ", key_style + click)
            line.append(f"{binding.description} ", (Style() if enabled else Style(dim=True)) + click)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            hint = Text(f" {self.app.get_key_display(palette)} palette ", style=Style(bold=True))
            hint.stylize(Style(meta={"@click": "app.command_palette"}))
            room = self.size.width - hint.cell_len - 1
            if room > 0:
                line.truncate(room, overflow="ellipsis", pad=True)
                line.append(" ")
                line.append_text(hint)
        return line
