"""The result of a check, and its JSON shape (the same for the command and the browser)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..citations import cite
from ..dates import LAST_SUPPORTED
from .projection import MAX_YEARS_AHEAD, Projection
from .residents import LeapBirthday
from .rules import (
    CITATIONS,
    FRAMEWORK_WORDING,
    LEAP_BIRTHDAY_TEXT,
    METHOD,
    READINGS,
    SOURCE,
    VERDICT_TEXT,
    VERDICT_TITLES,
)
from .windows import DailyCounts, WindowStats, WindowSummary, WindowTable, window_end

__all__ = ["LeapComparison", "OccupancyResult", "YoungAdult"]


@dataclass(frozen=True, slots=True)
class YoungAdult:
    """Someone accommodated as a young adult during the period."""

    person: str
    turned_18: date
    born_29_february: bool
    adult_nights: int
    """Nights accommodated from their 18th birthday, within the period."""
    adult_nights_projected: int
    """Nights as a young adult after the period, in the projection."""
    still_resident: bool
    """Accommodated on the period's last night."""
    planned_discharge: date | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.person,
            "turned_18": self.turned_18.isoformat(),
            "born_29_february": self.born_29_february,
            "adult_nights": self.adult_nights,
            "adult_nights_projected": self.adult_nights_projected,
            "still_resident": self.still_resident,
            "planned_discharge": None
            if self.planned_discharge is None
            else self.planned_discharge.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class LeapComparison:
    """The same check under the other 29 February setting, when someone's birthday makes it matter."""

    leap_birthday: LeapBirthday
    people: tuple[str, ...]
    verdict: str
    windows_meeting: int
    windows_meeting_all_days: int
    projection_verdict: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "leap_birthday": self.leap_birthday,
            "people": list(self.people),
            "verdict": self.verdict,
            "verdict_title": VERDICT_TITLES[self.verdict],
            "windows_meeting": self.windows_meeting,
            "windows_meeting_all_days": self.windows_meeting_all_days,
            "projection_verdict": self.projection_verdict,
        }


@dataclass(frozen=True, slots=True)
class OccupancyResult:
    """Every 12-month window in the period, summed up under both readings, and the projection."""

    period_start: date
    period_end: date
    leap_birthday: LeapBirthday
    summary: WindowSummary
    projection: Projection
    young_adults: tuple[YoungAdult, ...]
    people: int
    stays: int
    counts: DailyCounts
    """Children and young adults each night, from the period's start to the projection's end."""
    table: WindowTable
    """Every window checked, then every window of the projection, in order of start."""
    leap_comparison: LeapComparison | None = None

    @property
    def windows(self) -> tuple[WindowStats, ...]:
        """Every window checked, then every window of the projection, as ``WindowStats``."""
        return tuple(self.table.windows())

    @property
    def verdict(self) -> str:
        return self.summary.verdict

    @property
    def period_days(self) -> int:
        return (self.period_end - self.period_start).days + 1

    @property
    def notes(self) -> tuple[str, ...]:
        notes: list[str] = []
        latest = self.summary.latest
        if latest is not None and latest.end != self.period_end:
            following = window_end(latest.start + timedelta(days=1))
            notes.append(
                f"No 12-month window ends exactly on the period's last day ({self.period_end.isoformat()}): "
                f"the window starting on {latest.start.isoformat()} ends on {latest.end.isoformat()} and the "
                f"next one would end on {following.isoformat()}. The latest window checked ends on "
                f"{latest.end.isoformat()}."
            )
        if self.projection.capped and self.projection.end == LAST_SUPPORTED:
            notes.append(
                f"The projection stops at {self.projection.end.isoformat()}, the last date these tools work with."
            )
        elif self.projection.capped:
            notes.append(
                f"The projection stops at {self.projection.end.isoformat()}, {MAX_YEARS_AHEAD} years after the period."
            )
        return tuple(notes)

    def as_dict(self) -> dict[str, Any]:
        """The JSON object ``sccif occupancy --format json`` prints."""
        summary = self.summary
        source = cite(SOURCE)
        return {
            "verdict": summary.verdict,
            "verdict_title": VERDICT_TITLES[summary.verdict],
            "verdict_text": VERDICT_TEXT[summary.verdict],
            "period": {
                "start": self.period_start.isoformat(),
                "end": self.period_end.isoformat(),
                "days": self.period_days,
            },
            "windows_total": summary.total,
            "windows_meeting": summary.meeting,
            "windows_meeting_all_days": summary.meeting_all_days,
            "windows_failing": summary.total - summary.meeting,
            "windows_failing_all_days": summary.total - summary.meeting_all_days,
            "latest_window": _window(summary.latest),
            "worst_window": _window(summary.worst),
            "worst_window_all_days": _window(summary.worst_all_days),
            "first_failing_window": _window(summary.first_failing),
            "first_failing_window_all_days": _window(summary.first_failing_all_days),
            "projection": self.projection.as_dict(),
            "young_adults": [person.as_dict() for person in self.young_adults],
            "leap_birthday": self.leap_birthday,
            "leap_birthday_text": LEAP_BIRTHDAY_TEXT[self.leap_birthday],
            "leap_birthday_comparison": None
            if self.leap_comparison is None
            else self.leap_comparison.as_dict(),
            "residents": {"people": self.people, "stays": self.stays},
            "notes": list(self.notes),
            "method": list(METHOD),
            "readings": dict(READINGS),
            "source": {**source.as_dict(), "wording": FRAMEWORK_WORDING},
            "citations": [cite(anchor).as_dict() for anchor in CITATIONS],
        }


def _window(window: WindowStats | None) -> dict[str, Any] | None:
    return None if window is None else window.as_dict()
