"""Names typed where a person is meant complete to the people the project knows, the same in
Capture's "ask whom?" and the Follow-ups view's owner (→ or Enter at the end accepts)."""

from __future__ import annotations

from collections.abc import Callable

from textual.suggester import Suggester


class PeopleSuggester(Suggester):
    """Offers the first known person whose name (or `Name (Role)`) starts with what was typed."""

    def __init__(self, people: Callable[[], list[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.people = people
        """The people known now (the project changes while the field is open)."""

    async def get_suggestion(self, value: str) -> str | None:
        typed = value.casefold()
        if not typed.strip():
            return None
        offered = (p for p in self.people() if p.casefold().startswith(typed) and len(p) > len(typed))
        return next(offered, None)
