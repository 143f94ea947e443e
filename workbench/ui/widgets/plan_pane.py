"""Plan: the pilot timeline with its details, the success metrics, and the next steps."""

from __future__ import annotations

from collections.abc import Collection
from contextlib import suppress
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option, OptionDoesNotExist

from workbench.analysis.gaps import QUADRANT_LABELS, gap_quadrant
from workbench.analysis.metrics import metric_sentence
from workbench.analysis.plan import (
    Schedule,
    ScheduledItem,
    current_week,
    end_date,
    last_week,
    pilots_without_metrics,
    plan_start,
    proposal_start,
    schedule_around_cycles,
    week_date,
    week_span,
    would_cycle,
)
from workbench.edits import Edit, EditRefused
from workbench.edits.capture import AddMetric, EditMetric, RemoveMetric, remove_metric_consequences
from workbench.edits.plan import (
    AddDependency,
    AddNextStep,
    AddPlanItem,
    DeletePlanItem,
    EditPlanItem,
    MovePlanItem,
    ProposePilot,
    RemoveDependency,
    ResizePlanItem,
    TickNextStep,
    delete_plan_item_consequences,
)
from workbench.edits.reads import Reads
from workbench.export.wording import join_and
from workbench.model.records import Metric
from workbench.printable import plural
from workbench.ui.keys import bindings, condition, needs_item
from workbench.ui.modals.metric_modal import MetricModal
from workbench.ui.modals.next_step_modal import NextStepDraft, NextStepModal, edit_step, framework_steps
from workbench.ui.modals.pick_modal import GAP_WORDS, PickModal
from workbench.ui.modals.plan_item_modal import PlanItemDraft, PlanItemModal
from workbench.ui.modals.text_modal import TextModal
from workbench.ui.safe import literal, one_line
from workbench.ui.widgets.gantt import Gantt, GanttView
from workbench.ui.widgets.pane import Pane
from workbench.ui.widgets.staying_list import StayingOptionList
from workbench.ui.workspace import Workspace

UNMAPPED = (
    "has no practice mapped yet, so no pilot can be proposed for it. To map one: Map (F4), select "
    "the gap, then a accepts a suggested practice or p maps any practice by hand."
)
"""Why Plan › Propose pilot cannot choose a gap without an accepted practice."""


class PlanPane(Vertical, Pane):
    """Follow-up steps 3 and 4: success metrics, pilots on a timeline, next steps."""

    BINDINGS = bindings("plan")
    PARTS: ClassVar[dict[str, Reads]] = {
        "all": Reads(frozenset({"pilots", "gaps", "metrics", "next_steps", "mappings"}))
    }

    def __init__(self, workspace: Workspace, id: str | None = None) -> None:
        super().__init__(workspace, id=id)
        self.plan = Schedule()
        self.error = ""

    def compose(self) -> ComposeResult:
        yield Static(id="plan-cycle")
        with TabbedContent(initial="plan-timeline", id="plan-tabs"):
            with TabPane("Timeline", id="plan-timeline"):
                yield Gantt(self._view(), id="gantt")
                yield Static(id="plan-detail")
            with TabPane("Metrics", id="plan-metrics"):
                yield StayingOptionList(id="metric-list")
                yield Static(id="metric-warnings")
            with TabPane("Next steps", id="plan-steps"):
                yield StayingOptionList(id="step-list")

    def default_focus(self) -> Widget:
        """Where the keyboard goes on arrival: the timeline."""
        return self.query_one(Gantt)

    @property
    def tab(self) -> str:
        """The active tab."""
        return str(self.query_one("#plan-tabs", TabbedContent).active)

    # --- refreshing ------------------------------------------------------------------------------

    def _view(self) -> GanttView:
        project = self.workspace.project
        today = self.workspace.today
        return GanttView(self.plan, plan_start(project, today), current_week(project, today))

    def refresh_pane(self, parts: Collection[str] | None = None) -> None:
        """Reschedule and redraw everything (the pane recomputes as one part)."""
        self.parts_to_refresh(parts)
        self.plan, cycles = schedule_around_cycles(self.workspace.project)
        self.error = ""
        if cycles:
            item, dependency = cycles[0].closing
            more = len(cycles) - 1
            self.error = (
                f"Dependency loop: {cycles[0].waits()}, so no schedule can meet them; select {item} "
                f"on the timeline and press - (minus) to remove its dependency on {dependency} "
                f"(until then the timeline leaves that dependency out"
                + (f"; {more} more loop{'s' if more > 1 else ''} after this one" if more else "")
                + ")."
            )
        banner = self.query_one("#plan-cycle", Static)
        banner.update(Text(self.error))
        banner.display = bool(self.error)
        self.query_one(Gantt).set_view(self._view())
        self._show_detail()
        self._fill_metrics()
        self._fill_steps()

    def _week_one(self) -> str:
        """`week 1 is Mon 07 Dec 2026`, and the Monday a proposal sent today starts work (its own week
        1) when that is later: it plans only what is not done, from when the client can start."""
        ws = self.workspace
        week_one = plan_start(ws.project, ws.today)
        planned, start = proposal_start(ws.project, ws.today)
        said = f"week 1 is {week_one:%a %d %b %Y}"
        if start == week_one:
            return said
        why = ", to leave time to decide" if start != planned else ""
        return f"{said} (a proposal sent today starts work {start:%a %d %b %Y}{why})"

    def _show_detail(self) -> None:
        ws = self.workspace
        detail = self.query_one("#plan-detail", Static)
        text = Text()
        summary = f"{plural(len(self.plan.items), 'item')} · {self._week_one()} "
        summary += f"· ends week {last_week(self.plan)} "
        summary += f"({end_date(ws.project, self.plan, ws.today):%a %d %b %Y})"
        if self.plan.critical_path:
            summary += " · critical path " + " → ".join(self.plan.critical_path)
        text.append(summary + "\n", style="dim")
        scheduled = self.plan.get(self.query_one(Gantt).selected)
        if scheduled is None:
            detail.update(text)
            return
        item = scheduled.item
        if item.done:
            text.append("✓ done ", style="bold green")
        text.append(f"{item.id} ", style="dim bold" if item.done else "bold")
        text.append_text(literal(item.title, "dim bold" if item.done else "bold"))
        fixed = " (fixed start)" if item.start is not None else ""
        begins = week_date(ws.project, scheduled.start, ws.today)
        text.append(
            f"  {item.kind} · {week_span(scheduled)}{fixed} · "
            f"{begins:%d %b} · {item.weeks} wk · slack {scheduled.slack}"
            + (" · critical" if scheduled.critical else "")
            + "\n"
        )
        if item.objective:
            text.append_text(literal(item.objective + "\n", "italic"))
        if item.owner:
            text.append_text(literal(f"owner: {item.owner}\n"))
        if item.depends_on:
            text.append(f"depends on: {', '.join(item.depends_on)}\n")
        if item.gaps:
            titles = [f"{g} {_title(ws.project.gap(g))}" for g in item.gaps]
            text.append_text(literal("gaps: " + "; ".join(titles) + "\n"))
        if item.practices:
            names = [
                ws.catalogue.practices[p].title if p in ws.catalogue.practices else p for p in item.practices
            ]
            text.append_text(literal("practices: " + "; ".join(names) + "\n"))
        for metric_id in item.metrics:
            metric = ws.project.metric(metric_id)
            if metric is not None:
                said = metric_sentence(metric, ws.catalogue, ws.currency())
                text.append_text(literal(f"metric {metric_id}: {said}\n", "green"))
        if item.kind == "pilot" and not item.metrics:
            text.append("⚠ no success metric: link one (enter)\n", style="yellow")
        for criterion in item.criteria:
            text.append_text(literal(f"• {criterion}\n"))  # a tick would read as met
        if scheduled.conflict:
            text.append(f"⚠ {scheduled.conflict}\n", style="bold red")
        detail.update(text)

    def _fill_metrics(self) -> None:
        ws = self.workspace
        options = self.query_one("#metric-list", StayingOptionList)
        keep = options.highlighted
        items: list[Option] = []
        currency = ws.currency()
        for metric in ws.project.metrics:
            movers = [p.id for p in ws.project.pilots if metric.id in p.metrics]
            label = Text(f"{metric.id} ", style="bold")
            label.append_text(literal(metric_sentence(metric, ws.catalogue, currency)))
            details = [f"measured by {metric.measured_by}" if metric.measured_by else "how measured?"]
            if metric.owner:
                details.append(f"owner {metric.owner}")
            if metric.due:
                details.append(f"due {metric.due.isoformat()}")
            details.append(f"moved by {', '.join(movers)}" if movers else "no pilot moves it")
            label.append_text(literal("\n  " + one_line(" · ".join(details), 160), "dim"))
            items.append(Option(label, id=metric.id))
        if not ws.project.metrics:
            note = Text("No success metrics yet: n adds one from the bank or free-form.", style="dim")
            items.append(Option(note, disabled=True))
        options.set_options(items)
        if keep is not None and options.option_count:
            options.highlighted = min(keep, options.option_count - 1)
        options.highlight_first()
        warnings = Text()
        for item in pilots_without_metrics(ws.project):
            warnings.append(f"⚠ {item.id} ", style="yellow")
            warnings.append_text(literal(f"{item.title} has no success metric\n"))
        self.query_one("#metric-warnings", Static).update(warnings)

    def _fill_steps(self) -> None:
        ws = self.workspace
        options = self.query_one("#step-list", StayingOptionList)
        keep = options.highlighted
        items: list[Option] = []
        listed: set[str] = set()  # a step is listed once, under the first item of its id
        for step in ws.catalogue.followup:
            items.append(Option(literal(f"{step.step}. {step.title}", "bold underline"), disabled=True))
            for framework_item in step.items:
                items.append(Option(literal(f"   {framework_item.text}", "dim italic"), disabled=True))
                for next_step in ws.project.next_steps:
                    if next_step.step == framework_item.id and next_step.id not in listed:
                        listed.add(next_step.id)
                        items.append(Option(self._step_label(next_step.id), id=next_step.id))
        loose = [n for n in ws.project.next_steps if n.id not in listed]
        if loose:
            items.append(Option(Text("Other next steps", style="bold underline"), disabled=True))
            items += [Option(self._step_label(next_step.id), id=next_step.id) for next_step in loose]
        options.set_options(items)
        if keep is not None and options.option_count:
            options.highlighted = min(keep, options.option_count - 1)
        options.highlight_first()

    def _step_label(self, step_id: str) -> Text:
        step = next(n for n in self.workspace.project.next_steps if n.id == step_id)
        label = Text("     ☑ " if step.done else "     ☐ ", style="green" if step.done else "")
        label.append_text(literal(step.text, "dim strike" if step.done else ""))
        extra = " · ".join(x for x in (step.owner, step.due.isoformat() if step.due else "") if x)
        if extra:
            label.append_text(literal(f"  ({extra})", "dim"))
        return label

    # --- timeline edits ----------------------------------------------------------------------------

    def _apply(self, edit: Edit) -> bool:
        """Make an edit and show it; a refusal (a dependency loop, say) is shown."""
        changed = self.apply(edit)
        if changed:
            self.refresh_pane()
        return changed

    @on(Gantt.Selected)
    def _selected(self) -> None:
        self._show_detail()

    @on(Gantt.Adjusted)
    def _adjusted(self, event: Gantt.Adjusted) -> None:
        item = self.workspace.project.pilot(event.item_id)
        scheduled = self.plan.get(event.item_id)
        if item is None or scheduled is None:
            return
        if event.field == "start":
            edit: Edit = MovePlanItem(item.id, scheduled.start + event.delta)
        else:
            edit = ResizePlanItem(item.id, event.delta)
        before = self.plan
        changed = self.try_apply(edit)
        if changed:
            self.refresh_pane()
            self._say_when(item.id, before)
        self.query_one(Gantt).select_item(event.item_id)

    def _say_when(self, item_id: str, before: Schedule, how: str = "") -> None:
        """Name the item and the weeks it now runs, as the scale and the file number them, and the
        items that moved with it: 'P-1 now runs weeks 2–4 (3 wk, fixed start = 1 in the file);
        P-4 moves with it, to weeks 5–9.'"""
        scheduled = self.plan.get(item_id)
        if scheduled is None:
            return
        start = scheduled.item.start
        fixed = f", fixed start = {start} in the file" if start is not None else ""
        length = "milestone" if scheduled.item.kind == "milestone" else f"{scheduled.item.weeks} wk"
        said = f"{length}{fixed}" + (f", {how}" if how else "")
        notice = f"{item_id} now runs {week_span(scheduled)} ({said})"
        moved = [s for s in self.plan.items if s.id != item_id and _moved(before, s)]
        if len(moved) == 1:
            notice += f"; {moved[0].id} moves with it, to {week_span(moved[0])}"
        elif moved:
            notice += f"; {join_and([s.id for s in moved])} move with it"
        if scheduled.conflict:
            notice += ". ⚠ It now starts before what it waits for ends"
        self.app.notify(
            notice + ".", severity="warning" if scheduled.conflict else "information", markup=False, timeout=4
        )

    @on(Gantt.Edit)
    def _edit(self, event: Gantt.Edit) -> None:
        self.edit_item(event.item_id)

    def edit_item(self, item_id: str) -> None:
        """Open the item editor."""
        project = self.workspace.project
        item = project.pilot(item_id)
        if item is None:
            return

        def saved(draft: PlanItemDraft | None) -> None:
            if draft is not None:
                self._apply(EditPlanItem(item_id, draft.values()))

        modal = PlanItemModal(f"Edit {item.id}", PlanItemDraft.of(item), {m.id for m in project.metrics})
        self.app.push_screen(modal.reopens("plan", "edit_item", item_id), saved)

    def action_propose(self) -> None:
        """Propose a pilot from a gap with accepted practices."""
        project = self.workspace.project
        planned = {g for item in project.pilots for g in item.gaps}
        options = []
        unmapped = []  # said when typed for: why they are not in the list (#12: 'Nothing here has …')
        for gap in project.gaps:
            practices = project.accepted_practices(gap.id)
            if not practices:
                unmapped.append((gap.id, gap.title, UNMAPPED))
                continue
            label = Text(f"{gap.id} ", style="bold")
            label.append_text(literal(one_line(gap.title, 60)))
            quadrant = QUADRANT_LABELS[gap_quadrant(project, gap)]
            label.append(f"  {quadrant} · {plural(len(practices), 'practice')}", style="dim")
            if gap.id in planned:
                label.append("  already in a pilot", style="yellow")
            options.append((gap.id, label))
        if not options:
            self.app.notify("Map practices to a gap first (F4), then propose its pilot.", timeout=4)
            return
        picker = PickModal("Propose a pilot for which gap?", options, GAP_WORDS, left_out=unmapped)
        self.app.push_screen(picker, self._propose_for)

    def _propose_for(self, gap_id: str | None) -> None:
        if not gap_id:
            return
        try:
            proposed = ProposePilot(gap_id).proposal(self.workspace.project)
        except EditRefused as refused:
            self.app.notify(str(refused), severity="warning", markup=False, timeout=5)
            return

        def saved(draft: PlanItemDraft | None) -> None:
            """Saving adds the pilot as edited, as one edit; Cancel leaves nothing."""
            if draft is None:
                return
            propose = ProposePilot(gap_id, values=draft.values())
            if self._apply(propose):
                self.query_one(Gantt).select_item(propose.item_id)
                self._show_detail()
                self.app.notify(f"Proposed {propose.item_id} for {gap_id}.", markup=False, timeout=3)

        metric_ids = {m.id for m in self.workspace.project.metrics}
        heading = f"Propose {proposed.id}: a pilot for {gap_id}"
        modal = PlanItemModal(heading, PlanItemDraft.of(proposed), metric_ids)
        self.app.push_screen(modal.reopens("plan", "_propose_for", gap_id), saved)

    def action_add_item(self, kind: str) -> None:
        """Add a milestone or a technical deep-dive session."""
        title = "Milestone" if kind == "milestone" else "Technical deep-dive session"

        def named(text: str | None) -> None:
            if not text:
                return
            add = AddPlanItem(text, kind)
            if self._apply(add):
                self.query_one(Gantt).select_item(add.item_id)
                self._show_detail()

        needs = f"Give the {title.lower()} a title: it names it on the timeline and in the proposal."
        dialog = TextModal(
            f"New {title.lower()}",
            placeholder=title,
            refusal=lambda text: "" if text.strip() else needs,
            field_id="item-name",
        )
        self.app.push_screen(dialog.reopens("plan", "action_add_item", kind), named)

    def action_add_dependency(self) -> None:
        """Make the selected item wait for another."""
        project = self.workspace.project
        item = project.pilot(self.query_one(Gantt).selected)
        if item is None:
            return
        options = []
        for other in project.pilots:
            if other.id == item.id or other.id in item.depends_on:
                continue
            label = Text(f"{other.id} ", style="bold")
            label.append_text(literal(one_line(other.title, 60)))
            loop = would_cycle(project.pilots, item.id, other.id)
            if loop:
                label.append("  would loop: " + " → ".join([*loop, item.id]), style="red")
            options.append((other.id, label))

        def chosen(dependency: str | None) -> None:
            if dependency and self._apply(AddDependency(item.id, dependency)):
                self.app.notify(f"{item.id} now waits for {dependency}.", timeout=3)

        words = "words of the plan item's title, or its id"
        self.app.push_screen(PickModal(f"Which item should {item.id} wait for?", options, words), chosen)

    def action_remove_dependency(self) -> None:
        """Remove one of the selected item's dependencies."""
        project = self.workspace.project
        item = project.pilot(self.query_one(Gantt).selected)
        if item is None:
            self.app.notify("Select a plan item on the timeline first.", markup=False, timeout=3)
            return
        if not item.depends_on:
            self.app.notify(f"{item.id} waits for nothing: + adds a dependency.", markup=False, timeout=3)
            return
        options = [(d, literal(f"{d} {_title(project.pilot(d))}")) for d in item.depends_on]

        def chosen(dependency: str | None) -> None:
            if dependency and self._apply(RemoveDependency(item.id, dependency)):
                self.app.notify(f"{item.id} no longer waits for {dependency}.", timeout=3)

        self.app.push_screen(PickModal(f"Which item should {item.id} no longer wait for?", options), chosen)

    def action_toggle_done(self) -> None:
        """Mark the selected plan item done (it ran and was evaluated), or not done again."""
        item = self.workspace.project.pilot(self.query_one(Gantt).selected)
        if item is None:
            self.app.notify("Select a plan item on the timeline first.", markup=False, timeout=3)
            return
        state = "not done" if item.done else "done"
        if self._apply(EditPlanItem(item.id, {"done": not item.done})):
            self.query_one(Gantt).select_item(item.id)
            self.app.notify(
                f"{item.id} {one_line(item.title, 50)}: {state} (ctrl+z takes it back)",
                markup=False,
                timeout=3,
            )

    def action_unfix(self) -> None:
        """Let the selected item start as early as its dependencies allow."""
        item = self.workspace.project.pilot(self.query_one(Gantt).selected)
        before = self.plan
        if item is not None and item.start is not None and self._apply(MovePlanItem(item.id, None)):
            self._say_when(item.id, before, how="as early as its dependencies allow")

    def action_delete_item(self) -> None:
        """Delete the selected plan item (on the Metrics tab: the highlighted metric)."""
        from workbench.ui.modals.confirm import DeleteModal

        if self.tab == "plan-metrics":
            self._remove_metric()
            return
        if self.tab != "plan-timeline":
            return
        item = self.workspace.project.pilot(self.query_one(Gantt).selected)
        if item is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._apply(DeletePlanItem(item.id))

        also = delete_plan_item_consequences(self.workspace.project, item.id)
        body = f"“{item.title}” is removed. {also + ' ' if also else ''}ctrl+z undoes it."
        self.app.push_screen(DeleteModal(f"Delete {item.id}?", body, yes="Delete", no="Keep"), answer)

    # --- metrics and next steps -----------------------------------------------------------------------

    def _remove_metric(self) -> None:
        """Delete the highlighted metric, after asking; gap evidence and plan items let go of it."""
        from workbench.ui.modals.confirm import DeleteModal

        ws = self.workspace
        options = self.query_one("#metric-list", OptionList)
        index = options.highlighted
        metric = ws.project.metric(options.get_option_at_index(index).id or "") if index is not None else None
        if metric is None:
            return
        sentence = metric_sentence(metric, ws.catalogue, ws.currency())
        also = remove_metric_consequences(ws.project, metric.id)
        detail = f"“{sentence}” is removed. {also}ctrl+z undoes it."

        def answer(yes: bool | None) -> None:
            if yes and self._apply(RemoveMetric(metric.id)):
                self.app.notify(f"Deleted {metric.id}: {one_line(sentence, 50)}", markup=False, timeout=3)

        self.app.push_screen(DeleteModal(f"Delete {metric.id}?", detail, yes="Delete", no="Keep"), answer)

    def action_new_entry(self) -> None:
        """New metric (Metrics tab) or next step (Next steps tab)."""
        if self.tab == "plan-steps":
            self._new_step()
        else:
            self._new_metric()

    def _new_metric(self) -> None:
        ws = self.workspace
        options = [("", Text("Free-form metric…", style="bold green"))]
        for ref, question in ws.catalogue.metric_templates().items():
            label = literal(question.text)
            label.append_text(literal(f"  {ws.catalogue.area_title(question.area)}", "dim"))
            options.append((ref, label))

        def chosen(ref: str | None) -> None:
            if ref is not None:
                self.new_metric_from(ref)

        self.show_tab("plan-tabs", "plan-metrics")
        words = "words of the metric or its area ('free': free-form)"
        self.app.push_screen(PickModal("Success metric from the bank, or free-form", options, words), chosen)

    def new_metric_from(self, ref: str) -> None:
        """Open the dialog for a new success metric, from the bank question `ref` or free-form ("")."""
        ws = self.workspace
        template = ws.catalogue.questions.get(ref)
        draft = Metric(id="new", template=ref)
        heading = "New success metric" + (" from the bank" if template else "")

        def saved(fields: dict[str, Any] | None) -> None:
            if fields is None:
                return
            # Made in the current session, as one made in Capture (and every gap): its tag in the id
            values = {"session": ws.session_id, **fields} if ws.session_id else fields
            add = AddMetric(ref, values=values, about=template.text if template else "")
            if self._apply(add):
                self.app.notify(f"Defined {add.metric_id}.", timeout=2)

        self.show_tab("plan-tabs", "plan-metrics")
        modal = MetricModal(heading, draft, template)
        self.app.push_screen(modal.reopens("plan", "new_metric_from", ref), saved)

    @on(OptionList.OptionSelected, "#metric-list")
    def _edit_metric(self, event: OptionList.OptionSelected) -> None:
        self.edit_metric(event.option.id or "")

    def edit_metric(self, metric_id: str) -> None:
        """Open a success metric in its dialog."""
        ws = self.workspace
        metric = ws.project.metric(metric_id)
        if metric is None:
            return
        template = ws.catalogue.questions.get(metric.template) if metric.template else None

        def saved(fields: dict[str, object] | None) -> None:
            if fields is not None:
                self._apply(EditMetric(metric.id, dict(fields)))

        self.show_tab("plan-tabs", "plan-metrics")
        modal = MetricModal(f"Edit {metric.id}", metric, template)
        self.app.push_screen(modal.reopens("plan", "edit_metric", metric_id), saved)

    def _new_step(self) -> None:
        """The new step's dialog at once, the keyboard in its words (what is typed straight away
        lands there); which follow-up step it serves is a dropdown in it, none at first."""
        self.new_step_for("")

    def new_step_for(self, step_id: str) -> None:
        """Open the dialog for a new next step serving the framework item `step_id` (or none, "")."""
        self.show_tab("plan-tabs", "plan-steps")
        steps = framework_steps(self.workspace.catalogue)
        step_id = step_id if step_id in dict(steps) else ""

        def written(draft: NextStepDraft | None) -> None:
            if draft is None:
                return
            values = {k: v for k, v in (("owner", draft.owner), ("due", draft.due)) if v}
            add = AddNextStep(draft.text, step=draft.step, values=values)
            if self._apply(add):
                self._highlight_step(add.step_id)
                done = f"Added {add.step_id}: {one_line(draft.text, 50)}"
                self.app.notify(done, markup=False, timeout=3)

        modal = NextStepModal("New next step", NextStepDraft(step=step_id), steps=steps)
        self.app.push_screen(modal.reopens("plan", "new_step_for", step_id), written)

    def action_edit_step(self) -> None:
        """Edit the highlighted next step: its words, owner, due date and what it serves."""
        self.edit_step(self._highlighted_step())

    def edit_step(self, step_id: str) -> None:
        """Edit a next step: its words, owner, due date and what it serves."""
        step = self.workspace.project.next_step(step_id)
        if step is None:
            return
        self.show_tab("plan-tabs", "plan-steps")

        def apply(edit: Edit) -> bool:
            if not self._apply(edit):
                return False
            self._highlight_step(step.id)
            return True

        edit_step(self.app, step, apply, reopen=("plan", "edit_step"))

    def _highlighted_step(self) -> str:
        options = self.query_one("#step-list", OptionList)
        if options.highlighted is None or options.highlighted >= options.option_count:
            return ""
        return options.get_option_at_index(options.highlighted).id or ""

    def _highlight_step(self, step_id: str) -> None:
        options = self.query_one("#step-list", OptionList)
        with suppress(OptionDoesNotExist):
            options.highlighted = options.get_option_index(step_id)

    def action_toggle_step(self) -> None:
        """Tick or untick the highlighted next step."""
        if self.tab != "plan-steps":
            return
        step = self.workspace.project.next_step(self._highlighted_step())
        if step is None:
            return
        verb = "Unticked" if step.done else "Ticked"
        if self._apply(TickNextStep(step.id)):
            self._highlight_step(step.id)
            done = f"{verb} {step.id}: {one_line(step.text, 50)}"
            self.app.notify(done, markup=False, timeout=3)

    @on(OptionList.OptionSelected, "#step-list")
    def _step_selected(self) -> None:
        self.action_edit_step()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key acts (and the footer offers it) on the tabs its registry entry names."""
        when = condition("plan", action)
        if when and self.tab not in when.split():
            return False
        if self.tab == "plan-timeline" and needs_item("plan", action):
            return bool(self.query_one(Gantt).selected)  # an empty timeline has none to act on
        return True


def _moved(before: Schedule, scheduled: ScheduledItem) -> bool:
    """Whether an item starts in another week than it did in the schedule before."""
    was = before.get(scheduled.id)
    return was is not None and was.start != scheduled.start


def _title(record: Any) -> str:
    """A record's title, or a marker when the reference points at nothing."""
    return str(record.title) if record is not None else "(unknown)"
