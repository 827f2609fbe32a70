"""The register: every rule the tools rely on, with its quote, anchor and reading, in one place.

Each rule is defined once, as data, with the framework's words and the anchor they are at:

* time limits and thresholds: ``timelines.rules`` (the timeline tool; ``judge --end``, next
  steps and the learning path's date questions date them with the same rules);
* judgement constraints: ``judgements.rules`` (``judge``, the explorer, practice questions,
  the learning path and preparation all evaluate them with ``judgements.engine``);
* next steps: ``judgements.next_steps`` (dated by the timeline rules);
* the assurance outcome: ``judgements.assurance``; "wholly or mainly": ``occupancy.rules``;
* readings of words that could be read more than one way: ``READINGS`` here, shown on the
  site's "How this site reads the framework" page (docs/interpretations.md, written from
  ``READINGS`` by scripts/generate_interpretations.py) and named by each milestone that uses one.

``quotations()`` gathers every quote, so a check (a test, or a reader of a new version of the
framework) can confirm every quote is still word for word at its anchor.

    >>> from sccif_core.register import quotations, moved
    >>> moved(quotations())
    ()
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .citations import framework


@dataclass(frozen=True)
class Quotation:
    rule: str  # a stable key naming the rule, e.g. "timeline.full.draft_report"
    anchor: str  # the framework anchor the words must be at
    words: str  # the quoted words, exactly as in the framework


def normalise(text: str) -> str:
    """Lower case, quotes straightened, every run of other characters one space."""
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def text_at(anchor: str, data: dict[str, Any] | None = None) -> str | None:
    """The framework's text at ``anchor`` (None if there is no such anchor)."""
    anchors: dict[str, Any] = (data or framework())["anchors"]
    entry = anchors.get(anchor)
    return None if entry is None else str(entry.get("text", ""))


def is_at_anchor(quotation: Quotation, data: dict[str, Any] | None = None) -> bool:
    """The quoted words are at the anchor, ignoring case, punctuation and spacing."""
    text = text_at(quotation.anchor, data)
    if text is None:
        return False
    return f" {normalise(quotation.words)} " in f" {normalise(text)} "


def moved(items: Iterable[Quotation], data: dict[str, Any] | None = None) -> tuple[Quotation, ...]:
    """The quotations whose words are no longer at their anchor (in ``data``, or this site's)."""
    return tuple(item for item in items if not is_at_anchor(item, data))


@dataclass(frozen=True)
class Reading:
    """How this site reads words of the framework that could be read more than one way."""

    key: str  # stable: the interpretations page's anchor, and ``reading`` on a milestone
    title: str
    quotes: tuple[tuple[str, str], ...]  # (anchor, framework words) the reading rests on
    reading: str  # what the tools do, in plain words
    setting: str = ""  # where a user can choose otherwise, if anywhere
    tools: tuple[str, ...] = ()  # the tool pages that use it (docs/tools/<name>.md)
    links: tuple[tuple[str, str], ...] = ()  # (text, address) of legislation it also rests on


READINGS: tuple[Reading, ...] = (
    Reading(
        "feedback-day",
        "The end of the inspection is the day of feedback",
        (
            (
                "end-of-the-inspection-and-feedback-3",
                "In some circumstances, the inspectors may need extra time after the inspection fieldwork to take "
                "advice before giving feedback. The day of feedback is counted as the last day of the inspection.",
            ),
        ),
        "Every deadline after a full or assurance inspection counts from the day of feedback. The days on "
        "site count back from the last day on site. If feedback is given on the last day on site, the two "
        "are the same day.",
        "Give the day of feedback if it was later than the last day on site.",
        ("timeline",),
    ),
    Reading(
        "working-days",
        '"Within N working days of X" is the Nth working day after X',
        (
            (
                "timeframe-1-8",
                "Draft report sent to the registered provider within 18 working days from the end "
                "of the inspection.",
            ),
        ),
        "X itself is not counted: the framework's day table puts the last day on site at day 4 and the draft "
        "report at day 22. A working day is Monday to Friday, except bank holidays in England and Wales.",
        "Add any extra non-working day, such as a newly announced bank holiday.",
        ("timeline", "working-days"),
    ),
    Reading(
        "five-days-to-publication",
        '"5 days" to publication are working days',
        (
            (
                "timeframe-1-11",
                "The final report will be published on the Ofsted reports website 5 days after it "
                "is sent to the provider",
            ),
            (
                "post-inspection-and-complaints-procedure-1-7",
                "The report will be published on our website 5 working days later",
            ),
        ),
        'The table\'s day numbers (34 to 39) and the annex ("5 working days later") show these are working '
        "days.",
        tools=("timeline",),
    ),
    Reading(
        "complaint-final-report",
        "A formal complaint can be made on receiving the final report",
        (
            (
                "complaints-1",
                "the provider may wish to lodge a formal complaint when it receives the final report",
            ),
            (
                "timeframe-1-10",
                "Final report sent to the registered provider within 30 working days of the end "
                "of the inspection (longer if there has been a complaint)",
            ),
        ),
        "The 5 working days after the draft are for comments, or a complaint at draft stage. A complaint "
        "about the final report can be made from the day it is received; the framework gives no closing "
        "date. With a complaint, the final report can come later than its usual date, so the tools never "
        "call that date missed.",
        "Say whether the provider has made a formal complaint.",
        ("timeline",),
    ),
    Reading(
        "within-6-to-8-weeks",
        '"Within 6 to 8 weeks" is a latest date, not a window',
        (
            (
                "subsequent-inspection-activity-1",
                "We always return to carry out some inspection activity within "
                "6 to 8 weeks to ensure that children are safe.",
            ),
            ("subsequent-inspection-activity-3", "An inspection visit takes place sooner if:"),
            (
                "serious-and-widespread-concerns-next-steps-6",
                "If concerns are serious, we are likely to return to "
                "carry out a monitoring visit or a full inspection within 6 to 8 weeks",
            ),
        ),
        "The return is dated by 8 weeks after the inspection at the latest. Ofsted may come at any time "
        "before, and sooner if further significant concerns arise.",
        tools=("timeline", "judgements", "practice"),
    ),
    Reading(
        "sixteen-weeks",
        "The 16 weeks to a full inspection follow inadequate provision only",
        (
            (
                "subsequent-inspection-activity-17",
                "schedule a full inspection (usually within 16 weeks from the original inspection)",
            ),
            (
                "monitoring-visits-for-inadequate-provision-12",
                "schedule a full inspection (usually within 16 weeks of the original inspection)",
            ),
            (
                "frequency-of-inspections-4",
                "If a home is judged to have serious or widespread concerns at an "
                "assurance inspection after being judged outstanding or good at a full inspection, we then decide "
                "when to inspect it again",
            ),
        ),
        "Both passages are about an inadequate judgement and monitoring visits to inadequate provision. After "
        "serious or widespread concerns at an assurance inspection, the framework says Ofsted decides when "
        "to inspect again: no tool dates the 16 weeks there.",
        tools=("timeline", "judgements"),
    ),
    Reading(
        "more-than-12-weeks",
        '"More than 12 weeks" starts the day after the 12 weeks',
        (
            (
                "leaders-and-managers-inadequate-4",
                "If a manager fails to apply to be registered, once appointed "
                "for more than 12 weeks, then the judgement for leadership and management will usually be "
                "inadequate.",
            ),
        ),
        "12 weeks after the appointment is exactly 12 weeks; more than 12 weeks is from the next day. "
        '"Usually" is about the judgement, not the date, which is fixed.',
        tools=("timeline", "judgements"),
    ),
    Reading(
        "after-26-weeks",
        '"After 26 weeks" starts the day after the 26 weeks',
        (
            (
                "leaders-and-managers-inadequate-3",
                "The failure to appoint a manager after 26 weeks where there is "
                "no or limited evidence of attempts to recruit/appoint, will usually lead to an inadequate "
                "judgement for leadership but never more than requires improvement.",
            ),
        ),
        'Read like "more than 12 weeks". Counted from the day the home had no manager, 26 weeks later is '
        'exactly 26 weeks; after 26 weeks is from the next day. "Usually" is about the judgement, not '
        "the date, which is fixed.",
        tools=("timeline", "judgements"),
    ),
    Reading(
        "absence-notice",
        "A manager's absence is notified before it starts",
        (
            (
                "homes-with-no-registered-manager-2",
                "Regulations 48 and 49 require the responsible individual to "
                "notify Ofsted if the manager is to be absent for 28 days or more or if they leave.",
            ),
        ),
        '"Is to be absent" looks ahead. Regulation 48 of the Children\'s Homes (England) Regulations 2015 '
        'sets the timing: notice of a planned absence "no later than one month before the proposed absence '
        "commences\" (the same day of the month, or that month's last day); for an emergency or unforeseen "
        'absence, "within one week of the beginning of the absence"; notice of the return to duty "not '
        "later than 7 days after the date of that person's return\", taken as the day after the last day of "
        "absence.",
        "Say whether the absence is an emergency or unforeseen.",
        ("timeline",),
        (
            (
                "The Children's Homes (England) Regulations 2015, regulation 48",
                "https://www.legislation.gov.uk/uksi/2015/541/regulation/48/made",
            ),
        ),
    ),
    Reading(
        "usually-qualifies-the-judgement",
        '"Usually" qualifies the judgement, not the date',
        (
            (
                "leaders-and-managers-inadequate-3",
                "will usually lead to an inadequate judgement for leadership",
            ),
        ),
        'Where "usually", "normally" or "likely" qualifies a date ("usually within 16 weeks", '
        '"the usual timeframe"), the date is marked so. Where it qualifies the judgement that follows, the '
        "date itself is fixed and is not marked.",
        tools=("timeline", "judgements"),
    ),
    Reading(
        "before-31-march",
        '"Before 31 March" is on or before 30 March',
        (
            (
                "no-children-living-in-the-home-11",
                "we will carry out one inspection (usually a full inspection) "
                "before 31 March of the following year",
            ),
        ),
        "Read literally. The inspection year itself ends on 31 March.",
        tools=("timeline",),
    ),
    Reading(
        "compliance-window",
        "A compliance notice is checked after its date, within 5 working days",
        (
            (
                "monitoring-compliance-notices-2",
                "This will be within 5 working days of the date set in the notice "
                "for compliance with the requirement.",
            ),
            (
                "monitoring-compliance-notices-7",
                "check that the requirements for any compliance notices of which "
                "the completion timescales have passed have been met",
            ),
        ),
        "The visit checks a notice whose date has passed, so its window runs from the day after the date set "
        "in the notice to the 5th working day after it.",
        tools=("timeline",),
    ),
    Reading(
        "reg44-calendar-month",
        "Regulation 44 visits and reports go by calendar month",
        (
            (
                "reports-under-regulations-44-and-45-1",
                "Regulation 44 requires that an independent person visits "
                "the secure children's home at least once a month",
            ),
            (
                "reports-under-regulations-44-and-45-1",
                "sends the report for HMCI to us before the end of the month "
                "that follows the month in which the visit took place",
            ),
        ),
        "At least one visit in each calendar month. A report is due on or before the last day of the month "
        "after the month of the visit.",
        tools=("timeline",),
    ),
    Reading(
        "wholly-or-mainly",
        'Two readings of "wholly or mainly"',
        (
            (
                "wholly-or-mainly-guidelines-2",
                "for the majority of time in any 12-month period, a home must "
                "accommodate more children than young adults, even if at times it does not",
            ),
        ),
        "The guidelines do not say whether days with nobody resident count. Reading A sets them aside: a "
        "12-month period meets the policy when its children-majority days are more than half its occupied "
        "days. Reading B counts every day. The tool shows both where they differ.",
        "Someone born on 29 February turns 18 on 1 March in a common year by default; a setting switches "
        "to 28 February.",
        ("occupancy",),
    ),
    Reading(
        "staff-exceptional-circumstances",
        "Exceptional circumstances and staff qualifications",
        (
            (
                "staff-qualifications-8",
                "the judgement for the effectiveness of leaders and managers is likely to "
                "be inadequate, and certainly no more than requires improvement. Only in exceptional circumstances "
                "can the home be judged good for the effectiveness of leaders and managers and inspectors must "
                "clearly explain these circumstances in the report.",
            ),
        ),
        'Without exceptional circumstances, "certainly no more than requires improvement" is a hard '
        'limit. With them, "can be judged good" lifts that limit: it allows good, and is not a new hard '
        "limit at good. So this rule then sets no hard limit. The tools show, as a tendency, that leadership "
        "can be judged good only in exceptional circumstances, which inspectors must explain in the report, "
        'and that it is still "likely to be inadequate".',
        'Tick "exceptional circumstances" with the staff qualifications finding.',
        ("judgements", "practice"),
    ),
    Reading(
        "leaders-unaware",
        "Leaders who do not know the home's weaknesses",
        (
            (
                "leaders-and-managers-inadequate-intro",
                "The effectiveness of leaders and managers will be judged "
                "inadequate if there is evidence of the following:",
            ),
            (
                "leaders-and-managers-inadequate-1",
                "The experiences, progress or protection of children are "
                "inadequate, and leaders and managers do not know the strengths and weaknesses of the home.",
            ),
        ),
        'The only descriptor worded "will be judged inadequate": a hard limit. It applies when helped and '
        "protected, or the overall experiences and progress, is judged inadequate and leaders and managers "
        "do not know the home's strengths and weaknesses. The finding on its own forces nothing.",
        'Tick "leaders and managers do not know the strengths and weaknesses of the home".',
        ("judgements", "practice"),
    ),
)
READINGS_BY_KEY: dict[str, Reading] = {item.key: item for item in READINGS}


def quotations() -> tuple[Quotation, ...]:
    """Every quotation every tool relies on, each once, in a stable order."""
    found: list[Quotation] = [
        *_timelines(),
        *_judgements(),
        *_next_steps(),
        *_assurance(),
        *_occupancy(),
        *_readings(),
    ]
    return tuple(dict.fromkeys(found))


def _readings() -> list[Quotation]:
    return [
        Quotation(f"reading.{item.key}", anchor, words) for item in READINGS for anchor, words in item.quotes
    ]


def _timelines() -> list[Quotation]:
    from .timelines.kinds import KIND_RULES, UNDATED

    found = []
    for kind, rules in KIND_RULES.items():
        for rule in rules:
            for source in rule.sources:
                found.append(Quotation(f"timeline.{kind}.{rule.key}", source.anchor, source.words))
    for kind, items in UNDATED.items():
        for number, item in enumerate(items, start=1):
            found.append(
                Quotation(f"timeline.{kind}.undated_{number}", item.source.anchor, item.source.words)
            )
    return found


def _judgements() -> list[Quotation]:
    from .judgements.rules import CONSIDERATIONS, PRINCIPLES, RULES

    found = [Quotation(f"judgement.{rule.id}", rule.anchor, rule.text) for rule in RULES]
    found += [Quotation(f"judgement.{rule.id}", rule.lead[1], rule.lead[0]) for rule in RULES if rule.lead]
    found += [Quotation(f"judgement.passage.{item.id}", item.anchor, item.text) for item in CONSIDERATIONS]
    found += [Quotation(f"judgement.principle.{item.id}", item.anchor, item.text) for item in PRINCIPLES]
    return found


def _next_steps() -> list[Quotation]:
    from .judgements.next_steps import STEPS

    found = []
    for step in STEPS:
        for kind in step.kinds:
            key = f"next_step.{kind}.{step.key}"
            found.append(Quotation(key, step.anchor, step.text))
            found += [Quotation(key, anchor, words) for words, anchor in step.conditions]
            if step.otherwise is not None:
                found.append(Quotation(key, step.otherwise[1], step.otherwise[0]))
    return found


def _assurance() -> list[Quotation]:
    from .judgements import assurance

    found = [
        Quotation(f"assurance.outcome.{item.key}", item.anchor, item.text) for item in assurance.OUTCOMES
    ]
    for name in ("SINGLE_JUDGEMENT", "NOT_A_CHECKLIST", "PROFESSIONAL_JUDGEMENT"):
        words, anchor = getattr(assurance, name)
        found.append(Quotation(f"assurance.{name.lower()}", anchor, words))
    for number, (words, anchor) in enumerate(assurance.CONCERNS_ABOUT_PRACTICE_THAT, start=1):
        found.append(Quotation(f"assurance.concerns_about_practice_{number}", anchor, words))
    return found


def _occupancy() -> list[Quotation]:
    from .occupancy import rules

    return [Quotation("occupancy.wholly_or_mainly", rules.SOURCE, rules.FRAMEWORK_WORDING)]
