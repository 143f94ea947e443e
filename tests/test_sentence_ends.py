"""A sentence ends once (issue 15 leftover 4): `wording.sentence` added a full stop after a closing
quote that already ended the sentence (`…said "we ship monthly.".`, `?".`)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.proposal_text import docx_text
from tests.test_proposal import WITH_CODE, export
from workbench.banks import load_catalogue
from workbench.export.context import ProposalContext
from workbench.export.narrative import draft
from workbench.export.options import ProposalOptions
from workbench.export.wording import capitalised, sentence
from workbench.model.project import Project

ENDS = [".", "?", "!", "…"]
CLOSING = ["", '"', "'", "”", "’", "»", ")", "”)"]
"""Nothing, straight and curly quotes, a guillemet, a bracket, and a quote inside a bracket."""


@pytest.mark.parametrize(("end", "closing"), itertools.product(ENDS, CLOSING))
def test_a_quote_that_ends_the_sentence_keeps_its_own_mark_and_gains_none(end: str, closing: str) -> None:
    opening = {'"': '"', "'": "'", "”": "“", "’": "‘", "»": "«", ")": "(", "”)": "(“"}.get(closing, "")
    said = f"the team said {opening}we ship monthly{end}{closing}"
    assert sentence(said) == f"The team said {opening}we ship monthly{end}{closing}"
    assert sentence(f"  {said}  ") == sentence(said)
    assert sentence(sentence(said)) == sentence(said)  # once is enough


@pytest.mark.parametrize("closing", ['"', "'", "”", "’", "»", ")"])
def test_a_quote_inside_the_sentence_gets_the_full_stop_after_it(closing: str) -> None:
    """British style: the sentence's own stop goes outside a quoted word or phrase."""
    opening = {'"': '"', "'": "'", "”": "“", "’": "‘", "»": "«", ")": "("}[closing]
    assert sentence(f"they call it {opening}the hub{closing}") == f"They call it {opening}the hub{closing}."


@pytest.mark.parametrize("opening", ['"', "“", "‘", "«", "(", "(“"])
def test_a_sentence_that_opens_with_a_quote_is_capitalised_inside_it(opening: str) -> None:
    assert sentence(f"{opening}we ship monthly") == f"{opening}We ship monthly."


def test_words_that_keep_their_case_and_plain_sentences() -> None:
    assert sentence("iPhone app crashes") == "iPhone app crashes."
    assert sentence("no checks at ingestion") == "No checks at ingestion."
    assert sentence("Done?") == "Done?"
    assert sentence("") == ""
    assert sentence("the teams'") == "The teams'."  # a possessive is not a closing quote that ends it
    assert capitalised("acme Inc.") + " asked" == "Acme Inc. asked"  # a name's own stop is kept


def test_a_client_whose_name_ends_in_a_full_stop_keeps_it() -> None:
    """The context cut the last character of the client's name ("Acme Inc" for "Acme Inc.")."""
    made = Project.model_validate({"project": {"name": "p", "client": "Acme Inc.", "created": TODAY}})
    written = draft(ProposalContext(made, load_catalogue(), ProposalOptions(today=TODAY)), "context")
    assert written.startswith("Acme Inc. asked us to assess")


DOUBLED = re.compile(r"[.?!…][\"'”’»)]*\.(?!\.)|\.\.(?!\.)|[?!]\.")
"""A sentence ended twice: `?.`, `..`, `.".`, `?”.` (an ellipsis `...` aside)."""


def test_titles_and_rationales_ending_in_their_own_mark_are_not_ended_again(example: Path) -> None:
    """A gap titled as a question read "For: Who can show what the models return?." in the appendix,
    and a rationale written without a full stop ran into "Effort:"."""
    text = example.read_text(encoding="utf-8")
    text = text.replace(
        'title = "No way to show business value of models"', 'title = "Who can show what the models return?"'
    )
    text = text.replace(
        'rationale = "One template replaces hand-built Flask apps."',
        'rationale = "one template replaces what Jonas called \\"the Flask zoo.\\""',
    )
    text = text.replace(
        'rationale = "The paved road and rollback deploy registered versions by alias."',
        'rationale = "the paved road and rollback deploy registered versions by alias"',
    )
    example.write_text(text, encoding="utf-8")
    written = docx_text(export(example, sections=WITH_CODE))
    body = written[: written.rindex("Appendix: code patterns")]
    assert "For: Who can show what the models return?\n" in written
    assert 'One template replaces what Jonas called "the Flask zoo." Effort:' in body
    assert "The paved road and rollback deploy registered versions by alias. Effort:" in body
    assert DOUBLED.findall(body) == []
