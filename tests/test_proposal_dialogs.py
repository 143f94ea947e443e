"""The proposal's dialogs as a person uses them (issue 15): F9 names the file it will write, F8's
fields keep their labels."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Static

from tests.helpers import dialog_up, notifications, opened_by, ready, until
from workbench.ui.modals.confirm import NoticeModal
from workbench.ui.modals.export_modal import ExportModal


def target(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#export-target", Static).render())


async def test_the_export_names_the_redacted_file_while_redact_is_ticked(example: Path, make_app) -> None:
    """With "Redact" ticked the dialog still said it writes the client-named file; and (#15
    fresh-eyes, session 7, 3) it said nothing of the notes the proposal leaves out."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        shown = notifications(app)
        await pilot.press("f9")
        assert await until(pilot, lambda: isinstance(app.screen, ExportModal))
        assert "harbour-pine-retail-mlops-discovery-proposal.docx" in target(app)
        app.screen.query_one("#export-redact", Checkbox).toggle()
        assert await until(pilot, lambda: "redacted-proposal.docx" in target(app))
        assert "harbour" not in target(app)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, ExportModal))
        # fix15 10: which sentences, in a dialog to read (a toast covered the timeline for 8 s)
        assert await until(  # (pushed, then composed: wait for its words)
            pilot, lambda: isinstance(app.screen, NoticeModal) and app.screen.query("#notice-body .dialog-body")
        )
        body = str(app.screen.query_one("#notice-body .dialog-body", Static).render())
        assert "of answer notes stay out of the findings" in body
        assert "“Priya estimates 70% on data preparation.” (session data-1," in body
        assert not any("of answer notes stay out" in n for n in shown)
        await pilot.press("escape")
        assert await until(pilot, lambda: not isinstance(app.screen, NoticeModal))
    assert (example.parent / "redacted-proposal.docx").exists()
    assert not (example.parent / "harbour-pine-retail-mlops-discovery-proposal.docx").exists()


async def test_the_proposal_fields_keep_their_labels_when_filled(example: Path, make_app) -> None:
    """F8's firm, version, language and template were named only by their placeholders, which a
    filled field no longer shows ("Kestrel Data Con" with nothing saying it is the firm)."""
    from workbench.ui.modals.proposal_modal import FRAME_FIELDS, ProposalModal

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened_by(pilot, "f8", ProposalModal)
        app.screen.query_one("#proposal-version", Input).value = "2.0"
        app.screen.query_one("#proposal-language", Input).value = "en-GB"
        app.screen.query_one("#proposal-template", Input).value = "templates/firm.dotx"
        await pilot.pause()
        shown = [str(label.render()) for label in app.screen.query(".frame-label").results(Static)]
        assert shown == list(FRAME_FIELDS.values())
        for name in FRAME_FIELDS:
            field = app.screen.query_one(f"#proposal-{name}", Input)
            label = field.parent.query_one(".frame-label", Static)  # type: ignore[union-attr]
            assert label.region.height == 1 and label.region.bottom == field.region.y  # on screen, above it
            assert field.value  # filled: the example names its firm; the test filled the rest


async def test_esc_after_typing_proposal_text_asks_before_discarding(example: Path, make_app) -> None:
    """#15 fresh-eyes (session 7) 9: Esc in F8 threw away what was typed without a word."""
    from workbench.ui.modals.confirm import ConfirmModal
    from workbench.ui.modals.proposal_modal import ProposalModal

    app = make_app(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened_by(pilot, "f8", ProposalModal)
        await pilot.press("ctrl+home", *"XYZ typed ")
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmModal))
        assert "executive summary" in app.screen.body  # type: ignore[attr-defined]
        assert await dialog_up(pilot, ConfirmModal)  # (it takes no key typed before it could be read)
        await pilot.press("escape")  # keep editing
        assert await until(pilot, lambda: isinstance(app.screen, ProposalModal))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, (ProposalModal, ConfirmModal)))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "XYZ typed" in example.read_text(encoding="utf-8"))
        await pilot.press("f8")
        assert await until(pilot, lambda: isinstance(app.screen, ProposalModal))
        await pilot.press("escape")  # nothing changed: closes at once
        assert await until(pilot, lambda: not isinstance(app.screen, ProposalModal))
        assert not isinstance(app.screen, ConfirmModal)


async def test_an_option_left_off_shows_no_mark(example: Path, make_app) -> None:
    """Walkthrough w14a: F9's options showed ▐X▌ when off as when on (Textual's dims the X), read
    as on without colours. Off shows an empty box, on an X, as a person changes it."""
    app = make_app(example)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened_by(pilot, "f9", ExportModal)
        redact = app.screen.query_one("#export-redact", Checkbox)
        assert not redact.value
        assert "X" not in str(redact.render())
        redact.focus()
        await pilot.press("space")
        assert await until(pilot, lambda: redact.value)
        assert "X" in str(redact.render())
        await pilot.press("escape")
