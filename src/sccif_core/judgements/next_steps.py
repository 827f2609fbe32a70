"""What follows an overall inadequate judgement at a full inspection, or serious or
widespread concerns at an assurance inspection, dated from the inspection's end.

Each step quotes the framework and says how sure it is, in the framework's words:
``always`` (it will happen: "leads to", "must", "certainly", "always"), ``usually``
("likely", "usually") or ``possible`` (one outcome the framework says "may" follow).

Dates: the time limits are not kept here. Each dated step names the rule of the
timeline tools (``sccif_core.timelines.rules``: ``INADEQUATE`` and ``SERIOUS``) that holds
its offset, so both tools count the same days. "Within N working days" is the Nth working
day after the end date, the end date not counted (the framework's day tables; see
``sccif_core.workdays``). Weeks are calendar weeks counted from the end date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from ..dates import format_long
from ..errors import InputError
from ..timelines.kinds import compute
from ..timelines.model import Rule as TimelineRule
from ..timelines.rules import CASE_REVIEW_TIMING
from ..timelines.rules import INADEQUATE as TIMELINE_INADEQUATE
from ..timelines.rules import SERIOUS as TIMELINE_SERIOUS
from ..workdays import ENGLAND, PUBLISHED_UNTIL

Kind = Literal["full", "assurance"]
Certainty = Literal["always", "usually", "possible"]
KINDS: tuple[str, ...] = ("full", "assurance")

TRIGGER: dict[str, str] = {
    "full": "The overall experiences and progress of children judged inadequate at a full inspection",
    "assurance": "Serious or widespread concerns at an assurance inspection",
}
END_LABEL: dict[str, str] = {
    "full": "the last day of the inspection (the day of feedback counts as the last day)",
    "assurance": "the day of the assurance inspection visit",
}


TIMELINES: dict[str, tuple[TimelineRule, ...]] = {
    "inadequate": TIMELINE_INADEQUATE,
    "serious": TIMELINE_SERIOUS,
}
# The timeline tool's kind, and the field its date is given in, for each of TIMELINES.
TIMELINE_KINDS: dict[str, tuple[str, str]] = {
    "inadequate": ("inadequate", "end"),
    "serious": ("serious-concerns", "visit"),
}


@dataclass(frozen=True, slots=True)
class Timing:
    """When a step is due: a rule of the timeline tools, and the framework's words for it."""

    timeline: str  # "inadequate" or "serious" (see TIMELINES)
    rule: str  # the key of the rule in that timeline
    words: str  # the framework's words for the time limit (part of the step's text)

    @property
    def source(self) -> TimelineRule:
        return next(r for r in TIMELINES[self.timeline] if r.key == self.rule)


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    label: str  # our short words, for a heading
    kinds: tuple[str, ...]
    certainty: Certainty
    text: str  # the framework's words, exactly
    anchor: str
    timing: Timing | None = None
    note: str = ""  # our words: what the text leaves open, stated as such
    conditions: tuple[tuple[str, str], ...] = ()  # (framework words, anchor): what must all hold
    otherwise: tuple[str, str] | None = None  # (framework words, anchor): what happens if not


_CASE_REVIEW = CASE_REVIEW_TIMING  # the timeline rules hold the words once
_COMMISSIONER = (
    "After emailing the relevant local authorities, the inspector will also email the Office of the "
    "Children's Commissioner to let the Children's Commissioner know about the inadequate judgement or "
    "when we have judged that a home has serious or widespread concerns at the assurance inspection."
)

STEPS: tuple[Step, ...] = (
    # --- after an overall inadequate judgement at a full inspection ---
    Step(
        "debrief",
        "Post-inspection debrief, then a case review",
        ("full",),
        "always",
        "When a secure children's home is judged inadequate for 'the overall experiences and progress of "
        "children' at a full inspection, this leads to a post-inspection debrief as soon as possible, and "
        "then a case review.",
        "post-inspection-debrief-and-case-reviews-1",
    ),
    Step(
        "case-review",
        "Case review",
        ("full",),
        "always",
        _CASE_REVIEW,
        "post-inspection-debrief-and-case-reviews-1",
        Timing(
            "inadequate", "case_review", "certainly no later than 5 working days following the inspection"
        ),
    ),
    Step(
        "dfe-informed",
        "The DfE is informed",
        ("full",),
        "always",
        "The DfE is informed so that the Secretary of State can take this into account in determining the "
        "continued approval of the home.",
        "post-inspection-debrief-and-case-reviews-1",
    ),
    Step(
        "local-authorities-alerted",
        "Placing authorities and the host local authority alerted",
        ("full",),
        "always",
        "In addition, whenever a secure children's home is judged inadequate at the full inspection, the "
        "lead inspector must alert the placing authority for any child currently placed in the home to the "
        "concerns that have been identified. The lead inspector must also notify the local authority where "
        "the home is based because they have a duty to safeguard the welfare of all children living in the "
        "local authority area.",
        "feedback-to-local-authorities-1",
    ),
    Step(
        "ycs-and-dcs-emailed",
        "The YCS and directors of children's services emailed",
        ("full",),
        "always",
        "The lead inspector sends an email to the YCS where it commissions places at the home, and to "
        "directors of children's services in the relevant local authorities after the case review when we "
        "have decided what further action to take.",
        "feedback-to-local-authorities-2",
        note="The framework dates this only as 'after the case review'.",
    ),
    Step(
        "not-looked-after",
        "Placing authority alerted for children who are not looked after",
        ("full",),
        "always",
        "Inspectors need to ensure that the relevant organisation or people who are the placing authority "
        "are alerted to the inadequate judgement. For example, they should send a copy of the inspection "
        "report to the YCS.",
        "children-who-are-not-looked-after-1",
    ),
    Step(
        "childrens-commissioner",
        "The Children's Commissioner emailed",
        ("full",),
        "always",
        _COMMISSIONER,
        "contacting-the-childrens-commissioner-1",
        note="The framework dates this only as 'after emailing the relevant local authorities'.",
    ),
    Step(
        "return-visit",
        "Ofsted returns, 8 weeks at the latest: a monitoring visit or a full inspection",
        ("full",),
        "always",
        "We always return to carry out some inspection activity within 6 to 8 weeks to ensure that children "
        "are safe.",
        "subsequent-inspection-activity-1",
        Timing("inadequate", "return_visit", "within 6 to 8 weeks"),
        note=(
            "'Within 6 to 8 weeks' is read as a latest date: Ofsted may come at any time before it. The "
            "framework also says: 'An inspection visit takes place sooner if' further significant "
            "concerns arise or statutory requirements are needed."
        ),
    ),
    Step(
        "improved-judgement",
        "A monitoring visit can lead to an improved judgement, if all conditions hold",
        ("full",),
        "possible",
        "The home must have met all requirements in full. In these instances, the inspectors may determine "
        "that an improved inspection judgement can be awarded. If this is the case, the monitoring visit "
        "results in a new inspection judgement.",
        "subsequent-inspection-activity-8",
        conditions=(
            ("The home must have met all requirements in full.", "subsequent-inspection-activity-8"),
            (
                "the RIM agrees that the concerns are discrete enough and that without these very specific "
                "concerns, the home would have achieved a higher inspection judgement",
                "subsequent-inspection-activity-11",
            ),
            (
                "the home has a previous good track record of addressing concerns and issues and there are no "
                "concerns about the leadership and management of the home or the protection of children",
                "subsequent-inspection-activity-12",
            ),
            (
                "the nature of the concerns means they can be rectified quickly",
                "subsequent-inspection-activity-13",
            ),
        ),
        otherwise=(
            "If the situation has not improved enough, or there is insufficient evidence to demonstrate that "
            "the matter has been addressed fully, the inadequate judgement remains, a report of the "
            "monitoring visit is published with the original judgement and we decide what steps to take next.",
            "subsequent-inspection-activity-9",
        ),
        note='"We consider new inspection judgements in circumstances where:" every condition listed holds.',
    ),
    Step(
        "health-and-education-decision",
        "Case review decides whether health and education are reinspected",
        ("full",),
        "always",
        "If a secure children's home is judged inadequate overall, a case review will make a decision as to "
        "whether the areas of children's health and children's education and learning need to be a part of "
        "the full reinspection.",
        "subsequent-inspection-activity-19",
    ),
    Step(
        "full-reinspection",
        "A full inspection, usually within 16 weeks (one possible outcome)",
        ("full",),
        "possible",
        "schedule a full inspection (usually within 16 weeks from the original inspection), the results of "
        "which could be used to support Ofsted taking formal enforcement action (such as, but not limited to "
        "cancellation) or give the home the opportunity to show improvement and secure an improved "
        "inspection judgement",
        "subsequent-inspection-activity-17",
        Timing("inadequate", "full_reinspection", "usually within 16 weeks from the original inspection"),
        note="One of the outcomes the framework says a monitoring visit 'may' lead to; 16 weeks is 'usually'.",
    ),
    # --- after serious or widespread concerns at an assurance inspection ---
    Step(
        "debrief",
        "Post-visit debrief, then a case review",
        ("assurance",),
        "always",
        "Any serious or widespread concerns will lead to a post-visit debrief between the inspector and the "
        "RIM as soon as possible, and then a case review.",
        "serious-and-widespread-concerns-next-steps-1",
    ),
    Step(
        "case-review",
        "Case review",
        ("assurance",),
        "always",
        _CASE_REVIEW,
        "serious-and-widespread-concerns-next-steps-1",
        Timing("serious", "case_review", "certainly no later than 5 working days following the inspection"),
    ),
    Step(
        "dfe-informed",
        "The DfE is informed",
        ("assurance",),
        "always",
        "If an assurance inspection identifies that the home has serious or widespread concerns, this also "
        "leads to a post-inspection debrief and then a case review on the same timescales, and the DfE being "
        "informed.",
        "post-inspection-debrief-and-case-reviews-2",
    ),
    Step(
        "local-authorities-alerted",
        "Placing authorities and the host local authority alerted, if the case review agrees",
        ("assurance",),
        "possible",
        "the inspector must alert the placing authority for any child currently placed in the home to the "
        "concerns that have been identified. The inspector must also notify the local authority where the "
        "home is based.",
        "serious-and-widespread-concerns-next-steps-1",
        note=(
            "This depends on the case review: the section on inadequate judgements says it applies after an "
            "assurance inspection when 'it has been agreed at the case review that the relevant local "
            "authorities should be notified' (feedback-to-local-authorities-1)."
        ),
    ),
    Step(
        "ycs-and-dcs-emailed",
        "The YCS and directors of children's services emailed",
        ("assurance",),
        "always",
        "The inspector sends an email to the directors of children's services in the relevant local "
        "authorities and the YCS where a child is placed by them, by the end of the next working day "
        "following the visit.",
        "serious-and-widespread-concerns-next-steps-2",
        Timing("serious", "dcs_ycs_email", "by the end of the next working day following the visit"),
    ),
    Step(
        "childrens-commissioner",
        "The Children's Commissioner emailed",
        ("assurance",),
        "always",
        _COMMISSIONER,
        "contacting-the-childrens-commissioner-1",
        note="The framework dates this only as 'after emailing the relevant local authorities'.",
    ),
    Step(
        "return-visit",
        "Ofsted is likely to return, 8 weeks at the latest: a monitoring visit or a full inspection",
        ("assurance",),
        "usually",
        "If concerns are serious, we are likely to return to carry out a monitoring visit or a full "
        "inspection within 6 to 8 weeks to check that the manager and responsible person have taken "
        "sufficient steps to safeguard the welfare of children.",
        "serious-and-widespread-concerns-next-steps-6",
        Timing("serious", "return_visit", "within 6 to 8 weeks"),
        note="'Within 6 to 8 weeks' is read as a latest date: Ofsted may come at any time before it.",
    ),
    Step(
        "when-to-inspect-again",
        "Ofsted decides when to inspect again",
        ("assurance",),
        "always",
        "If a home is judged to have serious or widespread concerns at an assurance inspection after being "
        "judged outstanding or good at a full inspection, we then decide when to inspect it again",
        "frequency-of-inspections-4",
        note=(
            "The framework's 'full inspection (usually within 16 weeks ...)' is about inadequate provision: "
            "it is not dated after serious or widespread concerns at an assurance inspection."
        ),
    ),
)


def steps_for(kind: str) -> tuple[Step, ...]:
    if kind not in KINDS:
        raise InputError(
            f"'{str(kind)[:40]}' is not a kind of inspection here. Use 'full' or 'assurance'.", field="kind"
        )
    return tuple(step for step in STEPS if kind in step.kinds)


def dated(step: Step, end: date) -> dict[str, Any]:
    """The step's dates from the end date, as the timeline tool dates them ("undated" if none)."""
    if step.timing is None:
        return {"kind": "undated"}
    kind, field = TIMELINE_KINDS[step.timing.timeline]
    found = next(m for m in compute(kind, {field: end.isoformat()}).milestones if m.key == step.timing.rule)
    rule = step.timing.source
    first = date.fromisoformat(found.date_from or found.date)
    last = date.fromisoformat(found.date)
    years = ENGLAND.provisional_years(end, last)
    window = found.type == "window"
    when: dict[str, Any] = {
        "kind": "window" if window else "by",
        "words": step.timing.words,
        "offset": rule.offset.words(),
        "until": rule.until.words() if rule.until is not None else None,
        "provisional": bool(years),
        "provisional_years": years,
        "published_until": PUBLISHED_UNTIL,
        "note": found.note,
        "actor": found.actor,
    }
    if not window:
        when.update(date=last.isoformat(), date_long=format_long(last))
    else:
        when.update(
            date_from=first.isoformat(),
            date_from_long=format_long(first),
            date_to=last.isoformat(),
            date_to_long=format_long(last),
        )
    if rule.offset.unit == "working_days":
        when["skipped"] = [
            {"date": item.day.isoformat(), "date_long": format_long(item.day), "reason": item.reason}
            for item in ENGLAND.skipped(end, first)
        ]
    return when


def next_steps(kind: str, end: date | None = None) -> dict[str, Any]:
    """Every step for ``kind``, in order, dated when ``end`` is given."""
    steps = steps_for(kind)
    if end is not None:
        ENGLAND.is_working_day(end)  # a clear OutOfRange error for a date the table does not cover
    return {
        "kind": kind,
        "trigger": TRIGGER[kind],
        "end": end.isoformat() if end else None,
        "end_long": format_long(end) if end else None,
        "end_means": END_LABEL[kind],
        "steps": [
            {
                "key": step.key,
                "label": step.label,
                "certainty": step.certainty,
                "text": step.text,
                "source": step.anchor,
                "note": step.note,
                "conditions": [{"text": text, "source": anchor} for text, anchor in step.conditions],
                "otherwise": None
                if step.otherwise is None
                else {
                    "text": step.otherwise[0],
                    "source": step.otherwise[1],
                },
                "when": dated(step, end)
                if end is not None
                else (
                    {"kind": "undated"}
                    if step.timing is None
                    else {"kind": "rule", "words": step.timing.words}
                ),
                "usually": step.certainty != "always"
                or (step.timing is not None and step.timing.source.qualifier is not None),
            }
            for step in steps
        ],
    }
