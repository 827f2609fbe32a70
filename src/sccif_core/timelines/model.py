"""The shapes of a timeline rule and of a dated milestone.

A rule is data: which event it counts from, how far, in which unit, whether the date
is a deadline ("by"), an earliest date ("from"), a window ("between") or a plain
date ("on"), the framework's own words and the anchor of the paragraph they are in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Unit = Literal["working_days", "calendar_days", "weeks", "months", "years"]
MilestoneType = Literal["by", "from", "window", "on"]
# Words the framework hedges a date with; shown with the date, never dropped.
Qualifier = Literal["usually", "normally", "likely", "where possible"]
# Who must act, or whose step it is: the provider's own obligations apart from Ofsted's steps.
Actor = Literal["provider", "ofsted", "inspectors", "dfe", "local-authority"]
ACTORS: tuple[str, ...] = ("provider", "ofsted", "inspectors", "dfe", "local-authority")
# How a negative month offset is counted back: the latest date still "at least N months"
# before (reopening notice), or the same day of the month N months before, or that month's
# last day when it is shorter ("no later than one month before", regulation 48).
MonthsBack = Literal["at_least", "same_day"]
# Special ways a date is read off the calendar after the offset is applied.
Snap = Literal[
    "month_end",  # the last day of that month
    "inspection_year_end_exclusive",  # the day before 31 March ending that inspection year
    "next_inspection_year_start",  # the next 1 April after the date
    "inspection_year_start",  # the 1 April starting the inspection year that holds the date
    "inspection_year_end",  # the 31 March ending the inspection year that holds the date
]

TYPE_WORDS: dict[str, str] = {"by": "by", "from": "from", "window": "between", "on": "on"}

UNIT_WORDS: dict[str, tuple[str, str]] = {
    "working_days": ("working day", "working days"),
    "calendar_days": ("day", "days"),
    "weeks": ("week", "weeks"),
    "months": ("month", "months"),
    "years": ("year", "years"),
}


@dataclass(frozen=True, slots=True)
class Offset:
    """How far from the anchor event: ``Offset(18, "working_days")``. Negative counts back."""

    amount: int
    unit: Unit

    def words(self) -> str:
        one, many = UNIT_WORDS[self.unit]
        size = abs(self.amount)
        return f"{size} {one if size == 1 else many}"


@dataclass(frozen=True, slots=True)
class Source:
    """A paragraph (or table row) of the framework, by anchor, with the words we rely on."""

    anchor: str
    words: str


@dataclass(frozen=True, slots=True)
class Law:
    """Words of legislation a rule also rests on, with a link to legislation.gov.uk."""

    title: str
    url: str
    words: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One time limit of the framework, as data.

    ``after`` names the event the offset counts from: a date the user gives ("end",
    "visit", "notice", ...) or the key of an earlier rule of the same timeline, whose
    date (or the actual date, if the user gives it) is then used.
    """

    key: str
    label: str
    after: str
    offset: Offset
    type: MilestoneType
    source: Source
    until: Offset | None = None  # the end of a window, from the same event
    qualifier: Qualifier | None = None
    snap: Snap | None = None
    day: int | None = None  # the row of a framework day table
    day_to: int | None = None  # "7 to 10"
    also: tuple[Source, ...] = ()
    note: str = ""
    when: str | None = None  # name of a condition on the anchor date (see dating.CONDITIONS)
    counted: str = ""  # how the date is counted, in words, where the offset alone reads oddly
    actor: Actor | None = None  # who acts (every rule sets it; a test checks)
    # An Ofsted step that reaches the provider: a report it receives, a visit to the home,
    # publication. With the provider's own steps, these are the dates the page leads with.
    reaches_provider: bool = False
    months_back: MonthsBack = "at_least"
    reading: str = ""  # the key of the interpretation this rule uses (sccif_core.register.READINGS)
    laws: tuple[Law, ...] = ()

    @property
    def wording(self) -> str:
        return self.source.words

    @property
    def anchor(self) -> str:
        return self.source.anchor

    @property
    def usually(self) -> bool:
        return self.qualifier is not None

    @property
    def sources(self) -> tuple[Source, ...]:
        return (self.source, *self.also)


@dataclass(frozen=True, slots=True)
class Undated:
    """Something the framework says happens, with no fixed time: shown, never dated."""

    label: str
    source: Source


@dataclass(frozen=True, slots=True)
class HolidayMove:
    """A weekday that was not a working day and so moved a working-day date."""

    day: str  # ISO
    name: str


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated rule: the result row every output format is made from."""

    key: str
    label: str
    type: MilestoneType
    date: str  # ISO; for a window, the last day of the window
    date_from: str | None
    date_to: str | None
    rule: str
    source: str
    also: tuple[str, ...]
    after: str
    after_label: str
    offset: str  # "18 working days after the end of the inspection"
    provisional: bool
    provisional_years: tuple[int, ...]
    usually: bool
    qualifier: str | None
    moved_by_holidays: bool
    bank_holidays: tuple[HolidayMove, ...]
    falls_on: str | None  # the date is itself not a working day: why
    day: int | None = None
    day_to: int | None = None
    note: str = ""
    status: str | None = None  # overdue / due-today / upcoming / past / today / done / late / missing
    status_text: str = ""
    uses_working_days: bool = False
    actor: str = ""
    reading: str = ""
    laws: tuple[Law, ...] = ()
    yours: bool = False  # the provider's own date (see ``is_the_providers``)


def is_the_providers(rule: Rule) -> bool:
    """The provider's own dates: what it must do, and Ofsted's steps that reach it.

    Everything else (inspectors' preparation, quality assurance, case reviews) is Ofsted's own
    work: shown apart, and never marked as the provider's deadline passed.
    """
    return rule.actor == "provider" or rule.reaches_provider


@dataclass(frozen=True, slots=True)
class Timeline:
    """All the milestones of one kind of timeline for the dates the user gave."""

    kind: str
    title: str
    anchor_event: str
    anchor_label: str
    anchor_date: str
    inputs: dict[str, object]
    milestones: tuple[Milestone, ...]
    notes: tuple[str, ...] = ()
    undated: tuple[Undated, ...] = ()
    today: str | None = None
    extra: tuple[str, ...] = ()
    summary: tuple[str, ...] = field(default=())
