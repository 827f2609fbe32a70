"""The kinds of timeline: what the user says happened, and the dated milestones that follow.

``compute(kind, fields)`` is the one entry point the command line and the browser share,
so both give the same dates. ``fields`` are form-like values: text, or lists of text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial

from ..dates import MONTHS, check_results
from ..errors import InputError
from ..workdays import INTERPRETATION, PUBLISHED_UNTIL, Problems, WorkingDays
from . import rules as R
from .compliance import plan_visits
from .dating import date_rules, england, shift, with_status
from .fields import COMPLAINT, DRAFT_SENT, EMERGENCY_CHOICES, FEEDBACK, FINAL_SENT, ROLE_CHOICES, Field
from .inputs import choice, date_list, optional_date, period_list, read_field, required_date, visit_list
from .model import Milestone, Rule, Timeline, Undated
from .periods import (
    COUNT_BACK_RULE,
    MONTH_END_RULE,
    WEEKS_RULE,
    inspection_year_end,
    inspection_year_label,
    inspection_year_start,
    month_end,
)

Compute = Callable[[Mapping[str, object], WorkingDays, "date | None"], Timeline]


@dataclass(frozen=True, slots=True)
class Kind:
    key: str
    title: str
    question: str  # the command line's description: "A full inspection ended on…"
    fields: tuple[Field, ...]
    compute: Compute
    option: str = ""  # what the reader picks in the page's list: "A full inspection ended"
    group: str = ""  # the heading that option sits under; groups keep the order they first appear in

    def describe(self) -> dict[str, object]:
        """The kind as JSON: what the page needs to offer it and draw its fields."""
        return {
            "key": self.key,
            "option": self.option,
            "group": self.group,
            "fields": [field.describe() for field in self.fields],
        }


WORKING_DAYS_NOTE = INTERPRETATION
PROVISIONAL_NOTE = (
    f"GOV.UK has published bank holidays up to {PUBLISHED_UNTIL}. A date counted in working days "
    "across a later year is provisional: a bank holiday can still be added by royal proclamation."
)
USUALLY_NOTE = (
    'A date the framework gives only as "usually", "normally" or "likely" is marked so: it '
    "is what normally happens, not a fixed limit."
)
REPORT_NOTES = (WORKING_DAYS_NOTE, PROVISIONAL_NOTE, USUALLY_NOTE)

END_HINT = "enter the last day on site (the day of feedback), like 19/11/2026."


def short(day: date) -> str:
    """1 May 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _sorted(milestones: Sequence[Milestone]) -> tuple[Milestone, ...]:
    return tuple(sorted(milestones, key=lambda item: item.date_from or item.date))


def _after_or_on(later: date | None, earlier: date, field: str, what: str) -> None:
    if later is not None and later < earlier:
        raise InputError(f"{what} {later.isoformat()} is before {earlier.isoformat()}.", field=field)


# --- inspections and their reports ---


def _report_kind(
    key: str,
    title: str,
    rules: tuple[Rule, ...],
    event: str,
    event_label: str,
    undated: tuple[Undated, ...] = (),
    extra_notes: tuple[str, ...] = (),
    feedback: bool = False,
) -> Compute:
    def compute(fields: Mapping[str, object], calendar: WorkingDays, today: date | None) -> Timeline:
        on_site = required_date(fields, event, hint=END_HINT)
        given_feedback = optional_date(fields, "feedback") if feedback else None
        _after_or_on(given_feedback, on_site, "feedback", "the day of feedback")
        # "The day of feedback is counted as the last day of the inspection": deadlines count
        # from it; the days on site count back from the last day on site.
        anchor = given_feedback or on_site
        complaint = choice(fields, "complaint", COMPLAINT_CHOICES, "no") == "yes"
        draft = optional_date(fields, "draft_sent")
        final = optional_date(fields, "final_sent")
        _after_or_on(draft, anchor, "draft_sent", "the draft report date")
        _after_or_on(final, anchor, "final_sent", "the final report date")
        _after_or_on(final, draft or anchor, "final_sent", "the final report date")
        events = {event: anchor, "on_site": on_site}
        summary = list(_non_working_note(anchor, calendar))
        if given_feedback is not None and given_feedback > on_site:
            summary.append(
                f"Feedback on {short(given_feedback)}, after the last day on site ({short(on_site)}): "
                "the day of feedback is the last day of the inspection, so every deadline counts from it."
            )
        if draft is not None:
            events["draft_report"] = draft
            summary.append(
                f"Draft report sent on {short(draft)}: the provider's 5 working days count from then."
            )
        if final is not None:
            events["final_report"] = final
            summary.append(f"Final report sent on {short(final)}: publication counts from then.")
        labels = {
            event: event_label,
            "on_site": "the last day on site",
            "draft_report": "sending the draft report",
            "final_report": "sending the final report",
            "publication": "publication",
        }
        milestones = [
            _final_report_status(item, complaint, final is not None, today)
            for item in date_rules(rules, events, labels, calendar, today=today)
            if not (item.key == "feedback_day" and anchor == on_site)
        ]
        if complaint:
            summary.append(
                "There has been a complaint: the final report can come later than its usual date "
                '("longer if there has been a complaint").'
            )
        inputs: dict[str, object] = {
            event: on_site.isoformat(),
            "draft_sent": _iso(draft),
            "final_sent": _iso(final),
        }
        if feedback:
            inputs.update(feedback=_iso(given_feedback), complaint="yes" if complaint else "no")
        return Timeline(
            kind=key,
            title=title,
            anchor_event=event,
            anchor_label=event_label,
            anchor_date=anchor.isoformat(),
            inputs=inputs,
            milestones=_sorted(milestones),
            notes=REPORT_NOTES + extra_notes,
            undated=undated,
            summary=tuple(summary),
        )

    return compute


COMPLAINT_CHOICES = COMPLAINT.values


# Dated from the final report: with a complaint, they move with it.
_AFTER_FINAL = ("complaint_final_report", "publication", "handwritten_notes_kept")


def _final_report_status(item: Milestone, complaint: bool, sent: bool, today: date | None) -> Milestone:
    """The final report's date is "longer if there has been a complaint": never claim it was missed."""
    if sent or item.key not in ("final_report", *_AFTER_FINAL):
        return item
    if item.key in _AFTER_FINAL:
        if not complaint:
            return item
        status, text = (None, "") if today is None else ("extended", "Later if the final report is later")
        return replace(item, status=status, status_text=text)
    if complaint:
        note = "There has been a complaint, so the final report can come later than this date."
        status, text = (
            (None, "") if today is None else ("extended", "Can be later: there has been a complaint")
        )
        return replace(item, note=f"{item.note} {note}".strip(), status=status, status_text=text)
    if item.status == "overdue":
        return replace(
            item, status_text="Date passed, unless there has been a complaint (which allows longer)"
        )
    return item


def _non_working_note(day: date, calendar: WorkingDays) -> tuple[str, ...]:
    """A line for a given date that is not a working day: counting starts after it anyway."""
    reason = calendar.why_not(day)
    if reason is None:
        return ()
    return (
        f"{short(day)} is not a working day ({reason}). Working days are still counted from the "
        "day after it, so the 1st working day after it is the next working day.",
    )


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _simple_kind(
    key: str,
    title: str,
    rules: tuple[Rule, ...],
    event: str,
    event_label: str,
    notes: tuple[str, ...],
    undated: tuple[Undated, ...] = (),
    hint: str = "",
) -> Compute:
    def compute(fields: Mapping[str, object], calendar: WorkingDays, today: date | None) -> Timeline:
        anchor = required_date(fields, event, hint=hint)
        milestones = date_rules(rules, {event: anchor}, {event: event_label}, calendar, today=today)
        uses_working_days = any(item.uses_working_days for item in milestones)
        return Timeline(
            kind=key,
            title=title,
            anchor_event=event,
            anchor_label=event_label,
            anchor_date=anchor.isoformat(),
            inputs={event: anchor.isoformat()},
            milestones=_sorted(milestones),
            notes=notes,
            undated=undated,
            summary=_non_working_note(anchor, calendar) if uses_working_days else (),
        )

    return compute


def _optional_events_kind(
    key: str,
    title: str,
    rules: tuple[Rule, ...],
    events: tuple[tuple[str, str], ...],
    notes: tuple[str, ...],
    undated: tuple[Undated, ...] = (),
) -> Compute:
    """A timeline whose rules count from any of several dates; at least one is needed."""

    def compute(fields: Mapping[str, object], calendar: WorkingDays, today: date | None) -> Timeline:
        given = {name: optional_date(fields, name) for name, _ in events}
        known = {name: day for name, day in given.items() if day is not None}
        if not known:
            names = " or ".join(label for _, label in events)
            raise InputError(f"enter at least one date: {names}.", field=events[0][0])
        first = next(name for name, _ in events if name in known)
        labels = dict(events)
        milestones = date_rules(rules, known, labels, calendar, today=today)
        return Timeline(
            kind=key,
            title=title,
            anchor_event=first,
            anchor_label=labels[first],
            anchor_date=known[first].isoformat(),
            inputs={name: _iso(day) for name, day in given.items()},
            milestones=_sorted(milestones),
            notes=notes,
            undated=undated,
        )

    return compute


# --- compliance notices ---


def _compliance(fields: Mapping[str, object], calendar: WorkingDays, today: date | None) -> Timeline:
    notices = sorted(
        date_list(
            fields,
            "notices",
            required=True,
            hint="enter the date set in each compliance notice, like 01/05/2026.",
        )
    )
    rows: list[Milestone] = []
    per_notice: list[Milestone] = []
    for number, notice in enumerate(notices, start=1):
        (dated,) = date_rules(
            (R.COMPLIANCE_VISIT,),
            {"notice": notice},
            {"notice": "the date set in the notice"},
            calendar,
            today=today,
        )
        dated = replace(
            dated,
            key=f"notice_{number}",
            label=f"Visit to check notice {number} (date set: {short(notice)})",
        )
        per_notice.append(dated)
        rows.append(dated)
    plan = plan_visits(notices, calendar)
    for number, visit in enumerate(plan, start=1):
        first = per_notice[visit.notices[0]]
        covered = ", ".join(str(index + 1) for index in visit.notices)
        plural = "s" if len(visit.notices) > 1 else ""
        planned = replace(
            first,
            key=f"visit_{number}",
            label=f"Planned visit {number}: checks notice{plural} {covered}",
            date=visit.latest.isoformat(),
            date_from=visit.earliest.isoformat(),
            date_to=visit.latest.isoformat(),
            offset="after the latest date set in these notices, and within 5 working days of each",
            note=(
                "Any day in this range is within 5 working days after the date set in every "
                f"notice it checks. {len(plan)} visit{'s' if len(plan) > 1 else ''} is the fewest "
                f"that check all {len(notices)} notice{'s' if len(notices) > 1 else ''}."
            ),
            status=None,
            status_text="",
        )
        rows.append(with_status(planned, today))
    summary = (
        f"{len(notices)} notice{'s' if len(notices) > 1 else ''}: the fewest visits that check "
        f"each within 5 working days of its date is {len(plan)}.",
    )
    return Timeline(
        kind="compliance",
        title="Compliance notices: monitoring visits",
        anchor_event="notice",
        anchor_label="the date set in the notice",
        anchor_date=notices[0].isoformat(),
        inputs={"notices": [day.isoformat() for day in notices]},
        milestones=_sorted(rows),
        notes=(WORKING_DAYS_NOTE, R.COMPLIANCE_VISIT.note, PROVISIONAL_NOTE),
        summary=summary,
    )


# --- regulation 44 and 45 reports ---

MAX_MONTHS = 600


def _months(first: date, last: date) -> list[date]:
    """The first day of each month from ``first``'s month to ``last``'s month."""
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        if len(months) > MAX_MONTHS:
            raise InputError(f"the visits span more than {MAX_MONTHS // 12} years.", field="visits")
        day = month_end(day) + timedelta(days=1)
    return months


def _reg44(fields: Mapping[str, object], calendar: WorkingDays, today: date | None) -> Timeline:
    given = visit_list(
        fields,
        "visits",
        required=True,
        hint="enter each visit date, optionally followed by the date its report was sent.",
    )
    # The same visit date given twice is one visit (the first report date given is kept).
    visits = sorted(dict(reversed(given)).items())
    rows: list[Milestone] = []
    late = missing = overdue = 0
    for visit, sent in visits:
        (seen,) = date_rules((R.REG44_VISITED,), {"visit": visit}, {"visit": "the visit"}, calendar)
        rows.append(replace(seen, key=f"visit_{visit.isoformat()}", status="done", status_text="Visited"))
        (report,) = date_rules(
            (R.REG44_REPORT,), {"visit": visit}, {"visit": f"the visit on {short(visit)}"}, calendar
        )
        deadline = date.fromisoformat(report.date)
        report = replace(
            report,
            key=f"report_{visit.isoformat()}",
            label=f"Report of the visit on {short(visit)} reaches Ofsted",
        )
        if sent is not None:
            if sent <= deadline:
                report = replace(report, status="done", status_text=f"Sent on {short(sent)}, in time")
            else:
                late += 1
                report = replace(
                    report,
                    status="late",
                    status_text=f"Sent on {short(sent)}: {_days((sent - deadline).days)} late",
                )
        elif today is not None and today > deadline:
            overdue += 1
            report = replace(report, status="overdue", status_text="Deadline passed, and no date sent given")
        else:
            report = with_status(report, today)
        rows.append(report)
    last = max(visits[-1][0], today) if today else visits[-1][0]
    visited = {(visit.year, visit.month) for visit, _ in visits}
    for month in _months(visits[0][0], last):
        if (month.year, month.month) in visited:
            continue
        (due,) = date_rules((R.REG44_VISIT,), {"month": month}, {"month": "the month"}, calendar)
        name = f"{MONTHS[month.month - 1]} {month.year}"
        due = replace(due, key=f"visit_{month.year}-{month.month:02d}", label=f"Visit in {name}")
        if today is None or today > month_end(month):
            missing += 1
            due = replace(due, status="missing", status_text=f"No visit recorded in {name}")
        else:
            due = with_status(due, today)
        rows.append(due)
    summary = (
        f"{len(visits)} visit{'s' if len(visits) != 1 else ''} recorded. Reports sent late: {late}. "
        f"Reports overdue with no date sent: {overdue}. Months with no visit recorded: {missing}.",
    )
    return Timeline(
        kind="reg44",
        title="Regulation 44: independent person's visits and reports",
        anchor_event="visit",
        anchor_label="the first visit",
        anchor_date=visits[0][0].isoformat(),
        inputs={"visits": [{"visit": v.isoformat(), "sent": _iso(s)} for v, s in visits]},
        milestones=_sorted(rows),
        notes=(R.REG44_VISIT.note, R.REG44_REPORT.note, MONTH_END_RULE),
        summary=summary,
    )


def _reg45(fields: Mapping[str, object], calendar: WorkingDays, today: date | None) -> Timeline:
    reports = sorted(
        set(
            date_list(
                fields, "reports", required=True, hint="enter the date of the last regulation 45 report."
            )
        )
    )
    rows: list[Milestone] = []
    late = 0
    for number, report in enumerate(reports):
        (made,) = date_rules((R.REG45_PRODUCED,), {"report": report}, {"report": "the report"}, calendar)
        rows.append(replace(made, key=f"report_{report.isoformat()}", status="done", status_text="Produced"))
        (due,) = date_rules(
            (R.REG45_REPORT,), {"report": report}, {"report": f"the report of {short(report)}"}, calendar
        )
        deadline = date.fromisoformat(due.date)
        due = replace(
            due, key=f"next_after_{report.isoformat()}", label=f"Next report after the one of {short(report)}"
        )
        following = reports[number + 1] if number + 1 < len(reports) else None
        if following is not None:
            if following <= deadline:
                due = replace(
                    due, status="done", status_text=f"Next report produced on {short(following)}, in time"
                )
            else:
                late += 1
                due = replace(
                    due,
                    status="late",
                    status_text=f"Next report produced on {short(following)}: {_days((following - deadline).days)} late",
                )
        else:
            due = with_status(due, today)
        rows.append(due)
    return Timeline(
        kind="reg45",
        title="Regulation 45: review of the quality of care",
        anchor_event="report",
        anchor_label="the first report",
        anchor_date=reports[0].isoformat(),
        inputs={"reports": [day.isoformat() for day in reports]},
        milestones=_sorted(rows),
        notes=(R.REG45_REPORT.note, MONTH_END_RULE),
        summary=(
            f"{len(reports)} report{'s' if len(reports) != 1 else ''} recorded; gaps of more than 6 months: {late}.",
        ),
    )


# --- qualifications ---


def _qualification(fields: Mapping[str, object], calendar: WorkingDays, today: date | None) -> Timeline:
    role = choice(fields, "role", tuple(v for v, _ in ROLE_CHOICES), "manager")
    start = required_date(fields, "start", hint="enter the date they started (to manage, or in a care role).")
    deferrals = period_list(fields, "deferrals")
    inspection = optional_date(fields, "inspection")
    rule = R.MANAGER_QUALIFICATION if role == "manager" else R.WORKER_QUALIFICATION
    started = "starting to manage the home" if role == "manager" else "starting in a care role"
    (due,) = date_rules((rule,), {"start": start}, {"start": started}, calendar, today=today)
    rows = [due]
    summary: list[str] = []
    if deferrals:
        deferred = date.fromisoformat(due.date)
        for period in deferrals:
            deferred = shift(deferred, period, calendar)
        words = " and ".join(period.words() for period in deferrals)
        rows = [
            replace(
                due, key="qualification_due_without_deferral", label=f"{due.label}, without the deferral"
            ),
            with_status(
                replace(
                    due,
                    date=deferred.isoformat(),
                    offset=f"{due.offset}, then {words} of deferral",
                    note=f"Deferred by {words}, as you gave. Months and years use the month-end rule.",
                    status=None,
                    status_text="",
                ),
                today,
            ),
        ]
        summary.append(f"Deferral of {words} added after the {rule.offset.words()}.")
    if inspection is not None:
        rows.extend(
            date_rules(
                (R.STAFF_PROSPECT,),
                {"inspection": inspection},
                {"inspection": "the inspection"},
                calendar,
                today=today,
            )
        )
    return Timeline(
        kind="qualification",
        title="Qualifications: regulation 28 (managers) and 32 (care staff)",
        anchor_event="start",
        anchor_label=started,
        anchor_date=start.isoformat(),
        inputs={
            "role": role,
            "start": start.isoformat(),
            "deferrals": [p.words() for p in deferrals],
            "inspection": _iso(inspection),
        },
        milestones=_sorted(rows),
        notes=(
            MONTH_END_RULE,
            "A deferral extends the date by the period you give, added after the 3 (or 2) years.",
        ),
        summary=tuple(summary),
    )


# --- managers ---


def _manager(fields: Mapping[str, object], calendar: WorkingDays, today: date | None) -> Timeline:
    absence = optional_date(fields, "absence")
    back = optional_date(fields, "absence_end")
    emergency = choice(fields, "absence_emergency", tuple(v for v, _ in EMERGENCY_CHOICES), "no") == "yes"
    if back is not None and absence is None:
        raise InputError("give the first day of the absence too.", field="absence")
    if back is not None and absence is not None:
        _after_or_on(back, absence, "absence_end", "the last day of absence")
    length = (back - absence).days + 1 if back is not None and absence is not None else None
    notice = R.ABSENCE_NOTICE_EMERGENCY if emergency else R.ABSENCE_NOTICE
    rules: tuple[Rule, ...] = (R.NO_MANAGER, R.NOT_APPLIED)
    if length is None or length >= 28:
        rules += (notice, R.RETURN_NOTICE)
    events = dict(fields)
    if back is not None:
        events["returned"] = (back + timedelta(days=1)).isoformat()
    base = _optional_events_kind(
        "manager",
        "Managers: vacancy, registration and absence",
        rules,
        (
            ("vacancy", "the day the home had no manager"),
            ("appointed", "the day the manager was appointed"),
            ("absence", "the first day of the manager's absence"),
            *((("returned", "the manager's return to duty"),) if back is not None else ()),
        ),
        (WEEKS_RULE, MONTH_END_RULE, notice.note),
        R.MANAGER_UNDATED,
    )(events, calendar, today)
    inputs = {key: value for key, value in base.inputs.items() if key != "returned"}
    inputs.update(absence_end=_iso(back), absence_emergency="yes" if emergency else "no")
    summary: tuple[str, ...] = ()
    if length is not None and absence is not None and back is not None:
        verdict = (
            "28 days or more: the registered person must give Ofsted notice of it (regulation 48)."
            if length >= 28
            else "less than 28 days: regulation 48 notice is not needed for this absence."
        )
        summary = (
            f"Absence of {_days(length)} ({short(absence)} to {short(back)}, both counted): {verdict}",
        )
    return replace(base, inputs=inputs, summary=summary)


# --- the inspection year ---


def _inspection_year(fields: Mapping[str, object], calendar: WorkingDays, today: date | None) -> Timeline:
    day = required_date(fields, "date", hint="enter any date in the inspection year, like 01/06/2026.")
    inspected = sorted(set(date_list(fields, "inspections", required=False)))
    start, end = inspection_year_start(day), inspection_year_end(day)
    label = short(day)
    rows = date_rules(R.INSPECTION_YEAR, {"year": start}, {"year": label}, calendar, today=today)
    within = [item for item in inspected if start <= item <= end]
    for item in within:
        (seen,) = date_rules((R.INSPECTED,), {"inspected": item}, {"inspected": "the inspection"}, calendar)
        rows.append(
            replace(seen, key=f"inspected_{item.isoformat()}", status="done", status_text="Inspected")
        )
    summary = [f"Inspection year {inspection_year_label(day)}: {short(start)} to {short(end)}."]
    if inspected:
        outside = len(inspected) - len(within)
        summary.append(
            f"Inspections recorded in it: {len(within)} of at least 2."
            + (
                f" {outside} date{'s' if outside != 1 else ''} outside this year not counted."
                if outside
                else ""
            )
        )
        rows = [_year_status(row, len(within)) for row in rows]
    return Timeline(
        kind="inspection-year",
        title="The inspection year: 1 April to 31 March",
        anchor_event="year",
        anchor_label=label,
        anchor_date=start.isoformat(),
        inputs={"date": day.isoformat(), "inspections": [item.isoformat() for item in inspected]},
        milestones=_sorted(rows),
        notes=(USUALLY_NOTE,),
        summary=tuple(summary),
    )


def _year_status(row: Milestone, inspections: int) -> Milestone:
    """With inspections recorded: the count settles "at least two"; their type is not recorded."""
    if row.key == "two_inspections" and inspections >= 2:
        return replace(row, status="done", status_text=f"{inspections} inspections recorded")
    if row.key in ("full_inspection", "assurance_inspection") and inspections:
        return replace(
            row, status=None, status_text="Not checked: the type of each inspection is not recorded here"
        )
    return row


# The headings of the page's list of kinds, in the order they are shown.
AFTER_A_VISIT = "After an inspection or visit"
AFTER_CONCERN = "After a judgement of concern"
NOTICES = "Notices and reports"
STAFF = "Managers and staff"
THE_HOME = "The home and the inspection year"


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in (
        Kind(
            "full",
            "Full inspection: the framework's day table",
            "A full inspection ended on…",
            (
                Field("end", "Last day on site", required=True),
                FEEDBACK,
                DRAFT_SENT,
                FINAL_SENT,
                COMPLAINT,
            ),
            _report_kind(
                "full",
                "Full inspection: the framework's day table",
                R.FULL,
                "end",
                "the end of the inspection",
                feedback=True,
            ),
            option="A full inspection ended",
            group=AFTER_A_VISIT,
        ),
        Kind(
            "assurance",
            "Assurance inspection: the framework's day table",
            "An assurance inspection's site visit was on…",
            (
                Field("visit", "Day of the site visit", required=True),
                FEEDBACK,
                DRAFT_SENT,
                FINAL_SENT,
                COMPLAINT,
            ),
            _report_kind(
                "assurance",
                "Assurance inspection: the framework's day table",
                R.ASSURANCE,
                "visit",
                "the end of the inspection",
                feedback=True,
            ),
            option="An assurance inspection's site visit took place",
            group=AFTER_A_VISIT,
        ),
        Kind(
            "complaints",
            "Post-inspection and complaints procedure (annex)",
            "An inspection ended on… (complaints procedure)",
            (
                Field("end", "Last day of the inspection", required=True),
                DRAFT_SENT,
                FINAL_SENT,
            ),
            _report_kind(
                "complaints",
                "Post-inspection and complaints procedure (annex)",
                R.COMPLAINTS,
                "end",
                "the end of the inspection",
                R.COMPLAINTS_UNDATED,
            ),
            option="An inspection ended: the post-inspection and complaints procedure",
            group=AFTER_A_VISIT,
        ),
        Kind(
            "monitoring",
            "Monitoring visit report",
            "A monitoring visit ended on…",
            (
                Field("end", "Last day of the monitoring visit", required=True),
                DRAFT_SENT,
                FINAL_SENT,
            ),
            _report_kind(
                "monitoring",
                "Monitoring visit report",
                R.MONITORING,
                "end",
                "the end of the monitoring visit",
                R.MONITORING_UNDATED,
            ),
            option="A monitoring visit ended",
            group=AFTER_A_VISIT,
        ),
        Kind(
            "inadequate",
            "After an overall inadequate judgement (full inspection)",
            "A full inspection judged the home inadequate overall, and ended on…",
            (Field("end", "Last day of the inspection", required=True),),
            _simple_kind(
                "inadequate",
                "After an overall inadequate judgement (full inspection)",
                R.INADEQUATE,
                "end",
                "the end of the inspection",
                (WORKING_DAYS_NOTE, WEEKS_RULE, PROVISIONAL_NOTE, USUALLY_NOTE),
                R.INADEQUATE_UNDATED,
                END_HINT,
            ),
            option="A full inspection judged the home inadequate overall",
            group=AFTER_CONCERN,
        ),
        Kind(
            "serious-concerns",
            "Serious or widespread concerns (assurance inspection)",
            "An assurance inspection found serious or widespread concerns; the visit was on…",
            (Field("visit", "Day of the site visit", required=True),),
            _simple_kind(
                "serious-concerns",
                "Serious or widespread concerns (assurance inspection)",
                R.SERIOUS,
                "visit",
                "the visit",
                (
                    WORKING_DAYS_NOTE,
                    WEEKS_RULE,
                    PROVISIONAL_NOTE,
                    USUALLY_NOTE,
                    'The framework\'s "full inspection usually within 16 weeks" is stated for an '
                    "inadequate judgement and for monitoring visits to inadequate provision, not for "
                    "serious or widespread concerns at an assurance inspection, so it is not dated here.",
                ),
                R.SERIOUS_UNDATED,
            ),
            option="An assurance inspection found serious or widespread concerns",
            group=AFTER_CONCERN,
        ),
        Kind(
            "compliance",
            "Compliance notices: monitoring visits",
            "Compliance notices set these dates for compliance…",
            (
                Field(
                    "notices",
                    "Date set in each notice for compliance",
                    "dates",
                    required=True,
                ),
            ),
            _compliance,
            option="Compliance notices were served",
            group=NOTICES,
        ),
        Kind(
            "reg44",
            "Regulation 44: independent person's visits and reports",
            "The independent person visited on…",
            (
                Field(
                    "visits",
                    "Visit dates, each with the date its report was sent if you know it",
                    "visits",
                    required=True,
                    hint="One visit per line. After the visit date you can add the date its report was "
                    "sent, for example: 14/01/2026, 10/02/2026",
                ),
            ),
            _reg44,
            option="The independent person visited (regulation 44)",
            group=NOTICES,
        ),
        Kind(
            "reg45",
            "Regulation 45: review of the quality of care",
            "Regulation 45 reports were produced on…",
            (
                Field(
                    "reports",
                    "Dates of regulation 45 reports",
                    "dates",
                    required=True,
                ),
            ),
            _reg45,
            option="Regulation 45 reports were produced",
            group=NOTICES,
        ),
        Kind(
            "qualification",
            "Qualifications: regulation 28 (managers) and 32 (care staff)",
            "A manager, or a member of care staff, started on…",
            (
                Field("role", "Role", "choice", required=True, choices=ROLE_CHOICES),
                Field("start", "Started to manage the home, or in a care role, on", required=True),
                Field(
                    "deferrals",
                    "Deferral periods",
                    "periods",
                    hint="For a break or part-time work. One per line, for example: 6 months, or 10 weeks",
                ),
                Field(
                    "inspection",
                    "Inspection date",
                    hint="For the question inspectors ask: will the remaining staff qualify within 6 months?",
                ),
            ),
            _qualification,
            option="A manager or care worker started (qualifications)",
            group=STAFF,
        ),
        Kind(
            "manager",
            "Managers: vacancy, registration and absence",
            "The home's manager: vacancy, appointment or absence…",
            (
                Field("vacancy", "The home had no manager from"),
                Field("appointed", "A manager was appointed on, and has not yet applied to register"),
                Field("absence", "The manager's absence starts on"),
                Field(
                    "absence_end",
                    "The manager's last day of absence",
                    hint="Notice of the return to duty counts from the next day. For example, 19/11/2026",
                ),
                Field(
                    "absence_emergency",
                    "Is the absence an emergency, or unforeseen?",
                    "choice",
                    choices=EMERGENCY_CHOICES,
                ),
            ),
            _manager,
            option="A manager left, was appointed, or will be absent",
            group=STAFF,
        ),
        Kind(
            "inspection-year",
            "The inspection year: 1 April to 31 March",
            "The inspection year that includes…",
            (
                Field("date", "Any date in the inspection year", required=True),
                Field("inspections", "Inspections so far", "dates"),
            ),
            _inspection_year,
            option="Which inspection year a date falls in",
            group=THE_HOME,
        ),
        Kind(
            "no-children",
            'A home with no children: the "3 months\' notice" condition',
            'The "3 months\' notice" condition was removed on… / an inspection found no children on…',
            (
                Field("removed", 'The "3 months\' notice" condition was removed on'),
                Field("inspection", "Inspection with no children in placement on"),
            ),
            _optional_events_kind(
                "no-children",
                'A home with no children: the "3 months\' notice" condition',
                R.NO_CHILDREN,
                (("removed", "the removal of the condition"), ("inspection", "the inspection")),
                (
                    MONTH_END_RULE,
                    "Removal from 1 April to 30 September: one inspection before 31 March. "
                    "Removal from 1 October to 31 March: no inspection until the next inspection year.",
                ),
            ),
            option="A home with no children: the condition was removed, or an inspection took place",
            group=THE_HOME,
        ),
        Kind(
            "reopening",
            "Accommodating children again: 3 months' notice",
            "The home will accommodate children again on… / told Ofsted on…",
            (
                Field("reopen", "The first child will be accommodated on"),
                Field("told", "The home told Ofsted on"),
            ),
            _optional_events_kind(
                "reopening",
                "Accommodating children again: 3 months' notice",
                R.REOPENING,
                (("reopen", "the day the first child is accommodated"), ("told", "the day Ofsted was told")),
                (MONTH_END_RULE, COUNT_BACK_RULE),
                R.REOPENING_UNDATED,
            ),
            option="A home will accommodate children again",
            group=THE_HOME,
        ),
        Kind(
            "interpreter",
            "An interpreter for the inspection: 2 weeks' notice",
            "An interpreter is needed on…",
            (Field("needed", "The interpreter is needed on", required=True),),
            _simple_kind(
                "interpreter",
                "An interpreter for the inspection: 2 weeks' notice",
                (R.INTERPRETER,),
                "needed",
                "the day the interpreter is needed",
                (WEEKS_RULE, USUALLY_NOTE),
            ),
            option="An interpreter is needed for an inspection",
            group=THE_HOME,
        ),
        Kind(
            "approval-review",
            "DfE review of the home's approval",
            "The DfE last reviewed the home's approval on…",
            (Field("review", "The last DfE review of approval was on", required=True),),
            _simple_kind(
                "approval-review",
                "DfE review of the home's approval",
                (R.APPROVAL_REVIEW,),
                "review",
                "the last review",
                (MONTH_END_RULE,),
            ),
            option="The DfE reviewed the home's approval",
            group=THE_HOME,
        ),
    )
}


def compute(kind: str, fields: Mapping[str, object]) -> Timeline:
    """The dated timeline of ``kind`` for form-like ``fields`` (plus optional ``today`` and ``extra``)."""
    spec = KINDS.get(kind) if isinstance(kind, str) else None
    if spec is None:
        names = ", ".join(KINDS)
        raise InputError(f"'{kind}' is not a kind of timeline. Choose one of: {names}.", field="kind")
    today, extra = _every_problem(spec, fields)
    timeline = spec.compute(fields, england(extra), today)
    dated = (day for item in timeline.milestones for day in (item.date, item.date_from, item.date_to))
    typed = [field.name for field in spec.fields if field.type != "choice"]
    check_results(dated, field=timeline.anchor_event if timeline.anchor_event in typed else typed[0])
    return replace(
        timeline,
        today=_iso(today),
        extra=tuple(day.isoformat() for day in sorted(set(extra))),
    )


def _every_problem(spec: Kind, fields: Mapping[str, object]) -> tuple[date | None, tuple[date, ...]]:
    """Today and the extra days, once every field has been read: all their problems raised at once.

    Each field is read by its type's reader (inputs.read_field); then the kind itself is computed
    without the fields already in error, which finds what only it knows, such as a missing
    required date with its own words.
    """
    problems = Problems()
    for field in spec.fields:
        problems.read(partial(read_field, fields, field), None)
    no_day: date | None = None
    no_days: tuple[date, ...] = ()
    today = problems.read(partial(optional_date, fields, "today"), no_day)
    extra = problems.read(partial(date_list, fields, "extra", required=False), no_days)
    if problems.found:
        known = {error.field for error in problems.found}
        try:
            spec.compute({k: v for k, v in fields.items() if k not in known}, england(extra), today)
        except InputError as error:
            problems.add(error)
    problems.check(order=[*(field.name for field in spec.fields), "today", "extra"])
    return today, extra


def rules_of(kind: str) -> tuple[Rule, ...]:
    """Every rule a kind of timeline can date (used by tests and by sccif_core.learning)."""
    return KIND_RULES[kind]


# Every rule each kind of timeline can date (tests check each is quoted at its anchor).
KIND_RULES: dict[str, tuple[Rule, ...]] = {
    "full": R.FULL,
    "assurance": R.ASSURANCE,
    "complaints": R.COMPLAINTS,
    "monitoring": R.MONITORING,
    "inadequate": R.INADEQUATE,
    "serious-concerns": R.SERIOUS,
    "compliance": (R.COMPLIANCE_VISIT,),
    "reg44": (R.REG44_VISITED, R.REG44_REPORT, R.REG44_VISIT),
    "reg45": (R.REG45_PRODUCED, R.REG45_REPORT),
    "qualification": (R.MANAGER_QUALIFICATION, R.WORKER_QUALIFICATION, R.STAFF_PROSPECT),
    "manager": (R.NO_MANAGER, R.NOT_APPLIED, R.ABSENCE_NOTICE, R.ABSENCE_NOTICE_EMERGENCY, R.RETURN_NOTICE),
    "inspection-year": (*R.INSPECTION_YEAR, R.INSPECTED),
    "no-children": R.NO_CHILDREN,
    "reopening": R.REOPENING,
    "interpreter": (R.INTERPRETER,),
    "approval-review": (R.APPROVAL_REVIEW,),
}

UNDATED: dict[str, tuple[Undated, ...]] = {
    "complaints": R.COMPLAINTS_UNDATED,
    "monitoring": R.MONITORING_UNDATED,
    "inadequate": R.INADEQUATE_UNDATED,
    "serious-concerns": R.SERIOUS_UNDATED,
    "reopening": R.REOPENING_UNDATED,
    "manager": R.MANAGER_UNDATED,
}


def kind_facts() -> dict[str, object]:
    """What the page's form needs before Python loads: the groups of kinds, and each kind's fields."""
    groups: dict[str, list[str]] = {}
    for kind in KINDS.values():
        groups.setdefault(kind.group, []).append(kind.key)
    return {
        "groups": [[group, keys] for group, keys in groups.items()],
        "kinds": {key: kind.describe() for key, kind in KINDS.items()},
    }
