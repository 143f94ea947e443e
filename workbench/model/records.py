"""Project records: sessions, answers, heard indicators, metrics, gaps, mappings, plan items."""


import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

Maturity = int
Confidence = Literal["stated", "observed", "evidenced"]
AnswerStatus = Literal["answered", "skipped", "not-applicable", "follow-up"]
STATUS_DETAIL: dict[str, str] = {"not-applicable": "reason", "follow-up": "follow_up_with"}
"""The field each status has of its own: why it does not apply, whom to ask. Each keeps its own
value while another status hides it (a follow-up done and answered still names whom it was with);
changing the status never moves one's words into the other."""
GapStatus = Literal["open", "accepted", "in-progress", "closed", "wont-fix"]
MappingStatus = Literal["accepted", "rejected"]
PlanKind = Literal["pilot", "deep-dive", "milestone"]
Number = int | float

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@-]*$")


class ProjectRecord(BaseModel):
    """Base for project records. Unknown keys are refused so a typo is caught, not dropped."""

    # defer_build: the validator is built at first use, once for the whole tree, not per class at
    # import: start-up of every command (bench_timeline, bench_store).
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(
            "ids use letters, digits, '-', '_', '.', ':' or '@', with no spaces; write the id with "
            "only those (G-001, exec-1)"
        )
    return value


RecordId = Annotated[str, AfterValidator(_check_id)]


class Attendee(ProjectRecord):
    name: str
    """Who attended."""
    role: str = ""
    """Their role, used to attribute quotes (CFO, ML engineer…)."""


class Session(ProjectRecord):
    id: RecordId
    """Stable id, unique in the project (`exec-1`)."""
    template: str = ""
    """Session-template id, or empty for a blank session."""
    title: str = ""
    """A name for the session; the template's title when empty."""
    date: dt.date | None = None
    """The day it was held."""
    attendees: list[Attendee] = Field(default_factory=list)
    """Who attended, with roles."""
    notes: str = ""
    """Free notes about the session."""
    minutes: int | None = Field(default=None, ge=1)
    """The time box in minutes; the template's upper bound when unset."""
    elapsed_seconds: int = Field(default=0, ge=0)
    """Time spent in the session so far, kept by the session clock."""
    area_seconds: dict[str, int] = Field(default_factory=dict)
    """Time spent per area in the session, kept by the session clock."""


class Answer(ProjectRecord):
    question: str
    """Question reference, `bank:id`."""
    session: str
    """Session id."""
    status: AnswerStatus = "answered"
    """Answered, skipped, not applicable (with a reason) or needs follow-up (with whom)."""
    notes: str = ""
    """What was said."""
    confidence: Confidence = "stated"
    """How sure the answer is: stated by someone, observed, or evidenced by data."""
    current: Maturity | None = Field(default=None, ge=1, le=5)
    """Current maturity, 1 to 5, on the question's own levels, else its area's (the rubric)."""
    target: Maturity | None = Field(default=None, ge=1, le=5)
    """Target maturity, 1 to 5."""
    reason: str = ""
    """Why the question does not apply."""
    follow_up_with: str = ""
    """Whom to ask, when the answer needs follow-up."""
    follow_up_due: dt.date | None = None
    """By when the follow-up should be done."""

    def detail(self, status: str | None = None) -> str:
        """The words of the field `status` (the answer's own by default) has: the reason or
        whom to ask; "" for a status with none."""
        name = STATUS_DETAIL.get(status or self.status)
        return str(getattr(self, name)) if name else ""

    @property
    def key(self) -> tuple[str, str]:
        """Identity of an answer: one per question per session."""
        return (self.question, self.session)


class Heard(ProjectRecord):
    id: RecordId
    """Stable id (`H-001`)."""
    indicator: str
    """Pain-indicator reference, `bank:id`."""
    session: str
    """Session it was heard in."""
    quote: str = ""
    """What was said, word for word."""
    speaker_role: str = ""
    """The role of who said it."""


class Metric(ProjectRecord):
    id: RecordId
    """Stable id (`M-001`)."""
    template: str = ""
    """Success-metric reference, `bank:id`, or empty for a free-form metric."""
    text: str = ""
    """The metric in words, for a free-form metric."""
    baseline: Number | None = None
    """Where it stands now."""
    target: Number | None = None
    """Where it should get to."""
    unit: str = ""
    """Unit of a free-form metric's numbers."""
    measured_by: str = ""
    """How it is measured."""
    owner: str = ""
    """Who owns it."""
    due: dt.date | None = None
    """When the target should be met."""
    session: str = ""
    """Session it was captured in, if any."""


class Gap(ProjectRecord):
    id: RecordId
    """Stable id (`G-001`)."""
    title: str
    """What is missing, in a few words."""
    area: str = ""
    """Area id."""
    description: str = ""
    """The gap between the current state and the desired outcome."""
    evidence: list[str] = Field(default_factory=list)
    """Links: `bank:question`, `bank:question@session`, `heard:H-001`, `metric:M-001`."""
    impact: int = Field(default=3, ge=1, le=5)
    """Business impact, 1 to 5."""
    complexity: int = Field(default=3, ge=1, le=5)
    """Technical complexity, 1 to 5."""
    status: GapStatus = "open"
    """Where the gap stands."""
    owner: str = ""
    """Who owns closing it."""
    source: str = ""
    """The suggestion it came from, if any."""


class Mapping(ProjectRecord):
    gap: str
    """Gap id."""
    practice: str
    """Practice id."""
    status: MappingStatus = "accepted"
    """Accepted, or rejected so it is not suggested again."""
    rationale: str = ""
    """Why this practice answers this gap."""

    @property
    def key(self) -> tuple[str, str]:
        """Identity of a mapping: one per gap and practice."""
        return (self.gap, self.practice)


class Dismissal(ProjectRecord):
    suggestion: str
    """Key of a dismissed gap suggestion."""
    reason: str = ""
    """Why it was dismissed."""


class PlanItem(ProjectRecord):
    id: RecordId
    """Stable id (`P-1`)."""
    kind: PlanKind = "pilot"
    """A pilot, a technical deep-dive session or a milestone."""
    title: str
    """What it is."""
    objective: str = ""
    """What it sets out to prove."""
    gaps: list[str] = Field(default_factory=list)
    """Gap ids it addresses."""
    practices: list[str] = Field(default_factory=list)
    """Practice ids it applies."""
    metrics: list[str] = Field(default_factory=list)
    """Metric ids it moves."""
    criteria: list[str] = Field(default_factory=list)
    """Evaluation criteria."""
    owner: str = ""
    """Who leads it."""
    weeks: int = Field(default=4, ge=0, le=520)
    """Duration in weeks; 0 for a milestone."""
    depends_on: list[str] = Field(default_factory=list)
    """Plan-item ids that must finish first."""
    start: int | None = Field(default=None, ge=0)
    """A fixed start week (0 is the plan's first week), overriding the earliest start."""
    done: bool = False
    """Finished: the pilot ran and was evaluated."""


class NextStep(ProjectRecord):
    id: RecordId
    """Stable id (`N-1`)."""
    text: str
    """What will happen next."""
    step: str = ""
    """Follow-up framework item it comes from."""
    done: bool = False
    """Ticked off."""
    owner: str = ""
    """Who does it."""
    due: dt.date | None = None
    """By when."""


class ProposalText(ProjectRecord):
    """The proposal's prose and frame, owned by the consultant.

    Each text left empty is drafted from the data at export. Paragraphs are separated by a
    blank line; lines that start with "- " are bullets.
    """

    firm: str = ""
    """The consulting firm's name, on the cover and in the sign-off."""
    version: str = ""
    """The document's version, shown on the cover (`1.0` when empty)."""
    language: str = ""
    """The document's language tag (`en-GB` when empty)."""
    template: str = ""
    """A Word template (.docx) whose styles, headers, footers and page setup the export uses,
    relative to the project file."""
    executive_summary: str = ""
    """Three to five sentences: the situation, what it costs today, the recommendation, the decision."""
    context: str = ""
    """Context and objectives of the engagement."""
    working_well: str = ""
    """What the client already does well."""
    recommendations: str = ""
    """The recommendation in words, before the quick wins and strategic initiatives."""
    investment: str = ""
    """Investment and team, in words, before the effort table."""
    risks: str = ""
    """Assumptions and risks."""
    decision: str = ""
    """The decision requested of the client."""


CLOSED_STATUSES = frozenset({"closed", "wont-fix"})
"""Gap statuses that mean the gap is done with: off the open lists, closed in a comparison."""


DEFAULT_LANGUAGE = "en-GB"
"""The proposal's language when the project names none: British English, and pounds unless the
client's own figures are in another currency."""
