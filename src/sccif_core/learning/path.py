"""The learning path for new inspectors: ten short steps through the framework, in order.

Each step names the framework's own sections by anchor (the site links to them) and the
kinds of self-check question asked at that step (see ``questions.py``). The words of a step
are ours and only say what to read for; the framework's words are on the pages it links to.
docs/learn/index.md sets out the same steps; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..citations import cite


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    key: str
    title: str
    aim: str  # our words: what to read for
    read: tuple[str, ...]  # anchors of the framework's sections, in reading order
    checks: tuple[str, ...]  # question generators (keys of questions.GENERATORS)


STEPS: tuple[Step, ...] = (
    Step(
        1,
        "principles",
        "Principles",
        "What inspections are for, and the three principles every social care inspection follows.",
        (
            "introduction",
            "the-inspection-principles",
            "focus-on-what-matters-most",
            "consistent-expectations",
            "prioritise-where-improvement-is-needed",
            "the-focus-of-inspections",
        ),
        ("section:principles",),
    ),
    Step(
        2,
        "judgement-structure",
        "Judgement structure",
        "The four-point scale, the five judgements, which judgement limits which, and why the "
        "judgement is best fit and not a checklist.",
        ("judgement-structure", "how-inspectors-use-the-evaluation-criteria", "required-evidence"),
        ("judgement-roles", "judgement-limits"),
    ),
    Step(
        3,
        "criteria",
        "Each judgement's criteria",
        "For each judgement: the areas of required evidence and what each grade looks like.",
        ("overall-experiences", "education", "health", "helped-and-protected", "leaders-and-managers"),
        ("criteria",),
    ),
    Step(
        4,
        "types-of-inspection",
        "Types of inspection",
        "Full, assurance and monitoring inspections; notice, frequency and scheduling; and the "
        "timeframe from the inspection to the published report.",
        (
            "types-of-inspection",
            "notice-of-inspection",
            "request-for-information-at-an-inspection",
            "frequency-of-inspections",
            "timeframe",
            "assurance-inspections",
        ),
        ("section:types", "dates:reports"),
    ),
    Step(
        5,
        "on-site-inspection",
        "The on-site inspection",
        "What inspectors do on site: case tracking and sampling, talking to children, discussions "
        "with managers and staff, records, evidence and feedback.",
        (
            "the-start-of-the-inspection",
            "case-tracking-and-sampling",
            "listening-and-talking-to-children",
            "discussions-with-managers-and-staff",
            "examining-records-policies-and-procedures",
            "how-inspectors-record-the-evidence",
            "end-of-the-inspection-and-feedback",
        ),
        ("section:on-site", "dates:on-site"),
    ),
    Step(
        6,
        "requirements-and-recommendations",
        "Requirements and recommendations",
        "The difference between a requirement and a recommendation, and when a compliance notice "
        "or other enforcement follows.",
        (
            "requirements",
            "recommendations",
            "compliance-notices-and-enforcement-action",
            "monitoring-compliance-notices",
        ),
        ("section:requirements", "dates:compliance"),
    ),
    Step(
        7,
        "inadequate-next-steps",
        "Next steps after an inadequate judgement",
        "What follows an overall inadequate judgement, or serious or widespread concerns at an "
        "assurance inspection, and how soon.",
        (
            "inadequate-judgements-next-steps",
            "post-inspection-debrief-and-case-reviews",
            "subsequent-inspection-activity",
            "feedback-to-local-authorities",
            "contacting-the-childrens-commissioner",
            "serious-and-widespread-concerns-next-steps",
        ),
        ("next-steps", "dates:inadequate"),
    ),
    Step(
        8,
        "special-circumstances",
        "Special circumstances",
        "Checks on responsible individuals, homes with no children or no registered manager, homes "
        "for disabled children, incomplete inspections, approval, and the qualifications managers "
        "and staff need.",
        (
            "special-circumstances",
            "checks-on-responsible-individuals",
            "no-children-living-in-the-home",
            "homes-with-no-registered-manager",
            "homes-for-disabled-children",
            "incomplete-inspections",
            "approval-of-secure-childrens-homes",
            "positive-environments",
            "qualifications",
        ),
        ("section:special", "dates:managers"),
    ),
    Step(
        9,
        "young-adults",
        "Young adults",
        "When young adults can live in a secure children's home, and the 'wholly or mainly' policy.",
        (
            "inspecting-homes-where-young-adults-live",
            "wholly-or-mainly-guidelines",
            "enforcing-wholly-or-mainly",
        ),
        ("section:young-adults",),
    ),
    Step(
        10,
        "safeguarding",
        "Safeguarding",
        "What inspectors do with safeguarding and child protection concerns, closed cultures, the "
        "Prevent duty, female genital mutilation and controlled drugs.",
        (
            "safeguarding-and-child-protection-concerns",
            "closed-cultures",
            "the-prevent-duty",
            "female-genital-mutilation",
            "controlled-drugs",
        ),
        ("section:safeguarding",),
    ),
)
STEP_NUMBERS: tuple[int, ...] = tuple(step.number for step in STEPS)


def step(number: int) -> Step:
    return STEPS[STEP_NUMBERS.index(number)]


def links(item: Step) -> list[dict[str, str]]:
    """The step's reading, as the site links it: heading text and path."""
    return [{"anchor": a, "title": cite(a).text, "path": cite(a).path} for a in item.read]
