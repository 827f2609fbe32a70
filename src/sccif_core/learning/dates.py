"""Date questions, from the timeline engine: "The inspection ended on … By when must …?"

The right date, and the wrong ones offered beside it, are worked out by the timeline and
working-day engines when the question is made; the answer is worked out again when the
reader's choice is checked (``answer``). Wrong options are the usual slips: counting calendar
days, forgetting bank holidays, counting the first day, a week out.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ..bank_holidays_england import BANK_HOLIDAYS, PUBLISHED_UNTIL
from ..dates import format_long
from ..judgements.conditions import MANAGER_NOT_REGISTERED_12_WEEKS, MANAGER_VACANCY_26_WEEKS
from ..judgements.engine import evaluate, facts
from ..timelines import compute
from ..timelines.kinds import rules_of
from ..timelines.model import Milestone
from ..timelines.model import Rule as TimelineRule
from ..workdays import ENGLAND, INTERPRETATION
from .model import Answer, Question

FIRST = date(2025, 1, 6)
LAST = date(PUBLISHED_UNTIL - 1, 10, 29)  # so every date asked about is in GOV.UK's published list


@dataclass(frozen=True, slots=True)
class DateSpec:
    timeline: str  # a kind of timeline (sccif_core.timelines.KINDS)
    milestone: str  # the milestone's key in it
    event: str  # the field the user would give
    setup: str  # our words; {event} and any {given} are filled in, written out
    ask: str  # our words
    given: tuple[
        tuple[str, int, int], ...
    ] = ()  # further fields: (name, least, most) working days after the event
    condition: str | None = None  # a rules-engine condition this date is about


SETS: dict[str, tuple[DateSpec, ...]] = {
    "reports": (
        DateSpec(
            "full",
            "draft_report",
            "end",
            "A full inspection ended on {end}.",
            "By when must the draft report be sent to the provider?",
        ),
        DateSpec(
            "full",
            "provider_comments",
            "end",
            "A full inspection ended on {end}. The draft report was sent on {draft_sent}.",
            "By when must the provider send comments on the draft report, or a formal complaint?",
            given=(("draft_sent", 8, 18),),
        ),
        DateSpec(
            "full",
            "final_report",
            "end",
            "A full inspection ended on {end}. There was no complaint.",
            "By when must the final report be sent to the provider?",
        ),
        DateSpec(
            "full",
            "publication",
            "end",
            "A full inspection ended on {end}. The final report was sent to the provider on {final_sent}.",
            "On what day will the report be published?",
            given=(("final_sent", 20, 30),),
        ),
        DateSpec(
            "assurance",
            "draft_report",
            "visit",
            "An assurance inspection's site visit was on {visit}.",
            "By when will the draft report be sent to the provider?",
        ),
    ),
    "on-site": (
        DateSpec(
            "full",
            "contact_ofsted",
            "end",
            "A full inspection ended on {end}. The provider has an issue that was not resolved during the "
            "inspection.",
            "On what day can the provider contact Ofsted about it?",
        ),
        DateSpec(
            "full",
            "handwritten_evidence",
            "end",
            "A full inspection ended on {end}.",
            "By when must inspectors scan in handwritten evidence that they have not summarised?",
        ),
    ),
    "compliance": (
        DateSpec(
            "compliance",
            "notice_1",
            "notices",
            "A compliance notice sets {notices} as the date by which the home must comply.",
            "Between which dates will inspectors visit to check it?",
        ),
    ),
    "inadequate": (
        DateSpec(
            "inadequate",
            "case_review",
            "end",
            "A full inspection that ended on {end} judged the home inadequate overall.",
            "By when must the case review take place, at the latest?",
        ),
        DateSpec(
            "inadequate",
            "return_visit",
            "end",
            "A full inspection that ended on {end} judged the home inadequate overall.",
            "By what date, at the latest, will Ofsted have returned to the home?",
        ),
        DateSpec(
            "serious-concerns",
            "dcs_ycs_email",
            "visit",
            "An assurance inspection on {visit} found serious or widespread concerns.",
            "By when must the email to directors of children's services and the YCS be sent?",
        ),
        DateSpec(
            "serious-concerns",
            "case_review",
            "visit",
            "An assurance inspection on {visit} found serious or widespread concerns.",
            "By when must the case review take place, at the latest?",
        ),
    ),
    "managers": (
        DateSpec(
            "manager",
            "no_manager_26_weeks",
            "vacancy",
            "A home has had no manager since {vacancy}, and has made few attempts to recruit one.",
            "From what date has it been without a manager for more than 26 weeks?",
            condition=MANAGER_VACANCY_26_WEEKS,
        ),
        DateSpec(
            "manager",
            "not_applied_12_weeks",
            "appointed",
            "A home appointed a manager on {appointed}. The manager has not applied to be registered.",
            "From what date has the manager been appointed for more than 12 weeks?",
            condition=MANAGER_NOT_REGISTERED_12_WEEKS,
        ),
    ),
}
# The rule counts from this event; the field that gives its actual date, where there is one.
_ACTUAL = {"draft_report": "draft_sent", "final_report": "final_sent"}


def _working_day(rng: random.Random) -> date:
    """A working day; half the time one shortly before a bank holiday, where counting goes wrong."""
    if rng.random() < 0.5:
        holidays = [d for d in BANK_HOLIDAYS if FIRST + timedelta(days=30) <= d <= LAST]
        day = rng.choice(holidays) - timedelta(days=rng.randint(1, 25))
    else:
        day = FIRST + timedelta(days=rng.randint(0, (LAST - FIRST).days))
    while not ENGLAND.is_working_day(day):
        day -= timedelta(days=1)
    return day


def make(kind: str, rng: random.Random, step: int, seed: int, number: int) -> Question:
    spec = rng.choice(SETS[kind.split(":", 1)[1]])
    event = _working_day(rng)
    fields = {spec.event: event.isoformat()}
    for name, least, most in spec.given:
        fields[name] = ENGLAND.after(event, rng.randint(least, most)).isoformat()
    correct_key, correct_label, wrong = _options(spec, fields)
    options = [(correct_key, correct_label), *wrong]
    rng.shuffle(options)
    words = {name: format_long(date.fromisoformat(value)) for name, value in fields.items()}
    prompt = f"{spec.setup.format(**words)} {spec.ask}"
    facts_ = (("timeline", spec.timeline), ("milestone", spec.milestone), *sorted(fields.items()))
    return Question(step, seed, number, kind, prompt, tuple(options), facts=facts_)


def _spec(question: Question) -> DateSpec:
    timeline, key = question.fact("timeline"), question.fact("milestone")
    return next(s for specs in SETS.values() for s in specs if s.timeline == timeline and s.milestone == key)


def _fields(question: Question) -> dict[str, str]:
    return {k: v for k, v in question.facts if k not in ("timeline", "milestone")}


def milestone(timeline: str, key: str, fields: dict[str, str]) -> Milestone:
    """The timeline engine's milestone for these dates."""
    return next(m for m in compute(timeline, fields).milestones if m.key == key)


def option_of(found: Milestone) -> tuple[str, str]:
    if found.type == "window" and found.date_from and found.date_to:
        start, end = date.fromisoformat(found.date_from), date.fromisoformat(found.date_to)
        return f"{start}/{end}", f"Between {format_long(start)} and {format_long(end)}"
    day = date.fromisoformat(found.date)
    return day.isoformat(), format_long(day)


def _rule(timeline: str, key: str) -> TimelineRule:
    rules = rules_of(timeline)
    return next((r for r in rules if r.key == key), rules[0])


def _options(spec: DateSpec, fields: dict[str, str]) -> tuple[str, str, list[tuple[str, str]]]:
    found = milestone(spec.timeline, spec.milestone, fields)
    key, label = option_of(found)
    rule = _rule(spec.timeline, spec.milestone)
    base = _base(spec, fields)
    wrong: list[tuple[str, str]] = []
    for candidate in _slips(found, rule, base):
        option = _as_option(candidate)
        if option[0] != key and option[0] not in (k for k, _ in wrong):
            wrong.append(option)
        if len(wrong) == 3:
            break
    return key, label, wrong


def _base(spec: DateSpec, fields: dict[str, str]) -> date:
    """The day the rule counts from: a date the question gives, or the milestone the rule follows."""
    rule = _rule(spec.timeline, spec.milestone)
    base_field = _ACTUAL.get(rule.after, rule.after)
    if base_field == "notice":
        base_field = "notices"
    if base_field in fields:
        return date.fromisoformat(fields[base_field])
    return date.fromisoformat(milestone(spec.timeline, rule.after, fields).date)


def _counted(found: Milestone, base: date) -> str:
    """How far the answer is from the day it counts from: "18 working days after …: …, 26 days later"."""
    start, working = format_long(base), found.uses_working_days
    if found.type == "window" and found.date_from and found.date_to:
        first, last = date.fromisoformat(found.date_from), date.fromisoformat(found.date_to)
        return (
            f"Counted from {start}: {found.offset}. That is {format_long(first)} "
            f"({_days(base, first, working)}) to {format_long(last)} ({_days(base, last, working)})."
        )
    day = date.fromisoformat(found.date)
    return f"Counted from {start}: {found.offset}. That is {format_long(day)}, {_days(base, day, working)}."


def _days(base: date, day: date, working: bool) -> str:
    """ "12 working days and 16 calendar days later"; calendar days only for a rule in weeks."""
    early, late = sorted((base, day))
    way = "later" if day >= base else "earlier"
    calendar = f"{_plural((late - early).days, 'calendar day')} {way}"
    if not working:
        return calendar
    return f"{_plural(ENGLAND.count(early, late), 'working day')} and {calendar}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


Candidate = date | tuple[date, date]


def _as_option(candidate: Candidate) -> tuple[str, str]:
    if isinstance(candidate, tuple):
        start, end = candidate
        return f"{start}/{end}", f"Between {format_long(start)} and {format_long(end)}"
    return candidate.isoformat(), format_long(candidate)


def _weekdays_after(start: date, n: int) -> date:
    """The nth Monday-to-Friday after start, forgetting bank holidays (a slip, on purpose)."""
    day = start
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _slips(found: Milestone, rule: TimelineRule, base: date) -> list[Candidate]:
    week = timedelta(days=7)
    if found.type == "window" and found.date_from and found.date_to:
        start, end = date.fromisoformat(found.date_from), date.fromisoformat(found.date_to)
        slips: list[Candidate] = [(start - week, end - week), (start + week, end + week)]
        if rule.until is not None and rule.until.unit == "working_days":
            slips += [
                (base, base + timedelta(days=rule.until.amount)),
                (start, _weekdays_after(base, rule.until.amount + 5)),
            ]
        slips += [(start + timedelta(days=1), end + timedelta(days=1)), (start - 2 * week, end)]
        return slips
    correct = date.fromisoformat(found.date)
    n = rule.offset.amount
    slips = []
    if rule.offset.unit == "working_days":
        slips += [_weekdays_after(base, n), base + timedelta(days=n)]
        if n > 1:
            slips.append(ENGLAND.after(base, n - 1))
    elif rule.offset.unit == "weeks":
        slips += [ENGLAND.after(base, 5 * n), correct - timedelta(days=1)]
    slips += [
        ENGLAND.after(correct, 1),
        correct - week,
        correct + week,
        correct + timedelta(days=1),
        correct - timedelta(days=1),
    ]
    return slips


def answer(question: Question) -> Answer:
    spec = _spec(question)
    fields = _fields(question)
    found = milestone(spec.timeline, spec.milestone, fields)
    key, label = option_of(found)
    notes: list[str] = []
    if found.uses_working_days:
        notes.append(INTERPRETATION)
    if found.bank_holidays:
        names = ", ".join(f"{h.name} ({format_long(date.fromisoformat(h.day))})" for h in found.bank_holidays)
        notes.append(f"Bank holidays that are not working days on the way: {names}.")
    if found.qualifier:
        notes.append(f"The framework gives this date as what {found.qualifier} happens, not a fixed limit.")
    if found.note and spec.given:
        given = ", ".join(
            format_long(date.fromisoformat(_fields(question)[name])) for name, _, _ in spec.given
        )
        notes.append(
            f"Counted from the date the question gives ({given}), not from the latest date it was due."
        )
    elif found.note:
        notes.append(found.note)
    if found.provisional:
        years = ", ".join(str(y) for y in found.provisional_years)
        notes.append(f"Provisional: GOV.UK has not yet published bank holidays for {years}.")
    quotes = [(found.rule, found.source)]
    if spec.condition is not None:
        for rule in evaluate(facts({}, [spec.condition])).rules:
            if (rule.text, rule.anchor) not in quotes:
                quotes.append((rule.text, rule.anchor))
        notes.append("At that point the framework's rule on leadership, quoted below, applies.")
    # The engine's passage quotes the timeline's words in full: keep the fuller one.
    quotes = [q for q in quotes if not any(o != q and o[1] == q[1] and q[0] in o[0] for o in quotes)]
    explanation = f"{found.label}. {_counted(found, _base(spec, fields))}"
    return Answer((key,), explanation, tuple(quotes), tuple(notes))
