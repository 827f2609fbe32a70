"""Every rule in the framework that ties one judgement to another or to a finding, as data.

Each rule quotes the framework word for word (``text``) at a paragraph of this site
(``anchor``). Its ``strength`` follows the framework's own word (``signal``):

* **always**: a hard limit, stated with "always", "never", "cannot", "certainly";
* **usually**: a tendency, stated with "likely", "usually", "unlikely".

Effects: ``cap`` (no better than ``grade``), ``exact`` (is ``grade``), ``floor`` (no worse
than ``grade``; the framework states none, kept so the vocabulary is complete),
``permits`` (``grade`` can be given, as the framework's words allow; it rules no grade out),
``no-judgement`` (no grade is given at all) and ``not-judged`` (the report section
shows as 'not judged').

A rule applies when *any* of its ``when_any_grade`` pairs holds (or it has none), *all*
of its ``when_conditions`` are present and none of its ``unless_conditions``. Rules run
in the framework's direction: from the findings, helped and protected, and leadership
towards the overall judgement ("Inspectors will make the limiting and graded judgements
first", judgement-structure-8).

Not rules, and so not here: education, learning and health are "taken into account"
with no limit (``CONSIDERATIONS``), and the judgement is best fit, not a checklist
(``PRINCIPLES``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .conditions import (
    EXCEPTIONAL_CIRCUMSTANCES,
    LEADERS_UNAWARE,
    MANAGER_NOT_REGISTERED_12_WEEKS,
    MANAGER_VACANCY_26_WEEKS,
    NO_CHILDREN_FIRST_INSPECTION,
    REG28_BREACH,
    STAFF_UNQUALIFIED,
)
from .grades import (
    EDUCATION,
    GOOD,
    HEALTH,
    HELPED_AND_PROTECTED,
    INADEQUATE,
    JUDGEMENT_KEYS,
    LEADERS_AND_MANAGERS,
    NOT_JUDGED,
    OVERALL,
    REQUIRES_IMPROVEMENT,
)

Strength = Literal["always", "usually"]
Effect = Literal["cap", "exact", "floor", "permits", "no-judgement", "not-judged"]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    constrains: tuple[str, ...]  # judgement keys
    effect: Effect
    grade: str | None  # the grade a cap/exact/floor is about
    strength: Strength
    signal: str  # the framework's word that sets the strength
    text: str  # the framework's words, exactly
    anchor: str
    summary: str  # our short paraphrase, for tables; never instead of text
    when_any_grade: tuple[tuple[str, str], ...] = ()
    when_conditions: frozenset[str] = frozenset()
    unless_conditions: frozenset[str] = frozenset()
    see_also: tuple[str, ...] = ()  # other paragraphs that say the same or give context
    lead: tuple[str, str] | None = None  # (words, anchor) of the sentence that introduces ``text``

    @property
    def source(self) -> str:
        return self.anchor

    @property
    def words(self) -> str:
        """The framework's words that make this a hard limit or a tendency: its clause from ``signal`` on.

        One passage can hold both (judgement-structure-7: "likely to lead to a judgement of inadequate,
        and certainly no more than requires improvement"), so each rule names its own clause.
        """
        for passage in (self.text, self.lead[0] if self.lead else ""):
            start = passage.lower().find(self.signal.lower())
            if start >= 0:
                end = _CLAUSE_END.search(passage, start)
                return passage[start : end.start() if end else len(passage)]
        raise ValueError(f"rule '{self.id}': its signal '{self.signal}' is not in its words.")


# Where a rule's deciding clause ends ("..., and certainly"; "... but never"; "... and inspectors must").
_CLAUSE_END = re.compile(r"[,.;:]| but | and inspectors ")


@dataclass(frozen=True, slots=True)
class Passage:
    """Framework words that explain, without limiting any grade."""

    id: str
    text: str
    anchor: str
    when_any_known: tuple[str, ...] = ()  # shown when any of these judgements has a grade
    when_conditions: frozenset[str] = frozenset()


_LEADERSHIP_GRADED = (
    "The judgement of the effectiveness of leaders and managers is a graded judgement. If inspectors "
    "judge this area to be inadequate, this is likely to lead to a judgement of inadequate, and "
    "certainly no more than requires improvement, for 'overall experiences and progress'."
)
_VACANCY = (
    "The failure to appoint a manager after 26 weeks where there is no or limited evidence of attempts "
    "to recruit/appoint, will usually lead to an inadequate judgement for leadership but never more "
    "than requires improvement. Also, the overall judgement is unlikely to be better than good."
)
_STAFF = (
    "When none, or very few, of the staff in a home are qualified, and there is no prospect that the "
    "remaining staff will achieve the qualification within 6 months or by the relevant date, the "
    "judgement for the effectiveness of leaders and managers is likely to be inadequate, and certainly "
    "no more than requires improvement."
)
_STAFF_EXCEPTIONAL = (
    "Only in exceptional circumstances can the home be judged good for the effectiveness of leaders "
    "and managers and inspectors must clearly explain these circumstances in the report."
)
_NOT_JUDGED = (
    "If it is decided that children's health and/or children's education and learning will not be "
    "reinspected, the lead inspector will inform the registered person at the start of the full "
    "reinspection of the areas that will or will not be evaluated. The inspection report will include "
    "a brief summary at the start of the overall experiences and progress of children section, which "
    "explains that the areas concerned will not be inspected on this occasion. The relevant report "
    "sections will show as 'not judged'."
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="helped-and-protected-inadequate-overall-inadequate",
        constrains=(OVERALL,),
        effect="exact",
        grade=INADEQUATE,
        strength="always",
        signal="always",
        text=(
            "The judgement about how well children are helped and protected is a limiting judgement. "
            "This means that, if inspectors judge this area to be inadequate, then the 'overall "
            "experiences and progress' judgement will always be inadequate."
        ),
        anchor="judgement-structure-6",
        summary="Helped and protected inadequate: the overall judgement is inadequate.",
        when_any_grade=((HELPED_AND_PROTECTED, INADEQUATE),),
    ),
    Rule(
        id="leadership-inadequate-overall-at-most-requires-improvement",
        constrains=(OVERALL,),
        effect="cap",
        grade=REQUIRES_IMPROVEMENT,
        strength="always",
        signal="certainly",
        text=_LEADERSHIP_GRADED,
        anchor="judgement-structure-7",
        summary="Leaders and managers inadequate: the overall judgement is no better than requires improvement.",
        when_any_grade=((LEADERS_AND_MANAGERS, INADEQUATE),),
    ),
    Rule(
        id="leadership-inadequate-overall-likely-inadequate",
        constrains=(OVERALL,),
        effect="exact",
        grade=INADEQUATE,
        strength="usually",
        signal="likely",
        text=_LEADERSHIP_GRADED,
        anchor="judgement-structure-7",
        summary="Leaders and managers inadequate: the overall judgement is likely to be inadequate.",
        when_any_grade=((LEADERS_AND_MANAGERS, INADEQUATE),),
    ),
    Rule(
        id="leaders-unaware-leadership-inadequate",
        constrains=(LEADERS_AND_MANAGERS,),
        effect="exact",
        grade=INADEQUATE,
        strength="always",
        signal="will be judged inadequate",
        text=(
            "The experiences, progress or protection of children are inadequate, and leaders and "
            "managers do not know the strengths and weaknesses of the home."
        ),
        anchor="leaders-and-managers-inadequate-1",
        summary=(
            "Children's experiences, progress or protection inadequate, and leaders and managers do not "
            "know the home's strengths and weaknesses: leadership is inadequate."
        ),
        # "The experiences, progress or protection of children are inadequate": helped and
        # protected, or the overall experiences and progress, judged inadequate.
        when_any_grade=((HELPED_AND_PROTECTED, INADEQUATE), (OVERALL, INADEQUATE)),
        when_conditions=frozenset({LEADERS_UNAWARE}),
        see_also=("leaders-and-managers-inadequate-intro",),
        lead=(
            "The effectiveness of leaders and managers will be judged inadequate if there is evidence of "
            "the following:",
            "leaders-and-managers-inadequate-intro",
        ),
    ),
    Rule(
        id="manager-vacancy-leadership-at-most-requires-improvement",
        constrains=(LEADERS_AND_MANAGERS,),
        effect="cap",
        grade=REQUIRES_IMPROVEMENT,
        strength="always",
        signal="never",
        text=_VACANCY,
        anchor="leaders-and-managers-inadequate-3",
        summary="No manager after 26 weeks: leadership is never better than requires improvement.",
        when_conditions=frozenset({MANAGER_VACANCY_26_WEEKS}),
    ),
    Rule(
        id="manager-vacancy-leadership-usually-inadequate",
        constrains=(LEADERS_AND_MANAGERS,),
        effect="exact",
        grade=INADEQUATE,
        strength="usually",
        signal="usually",
        text=_VACANCY,
        anchor="leaders-and-managers-inadequate-3",
        summary="No manager after 26 weeks: leadership is usually inadequate.",
        when_conditions=frozenset({MANAGER_VACANCY_26_WEEKS}),
    ),
    Rule(
        id="manager-vacancy-overall-unlikely-better-than-good",
        constrains=(OVERALL,),
        effect="cap",
        grade=GOOD,
        strength="usually",
        signal="unlikely",
        text=_VACANCY,
        anchor="leaders-and-managers-inadequate-3",
        summary="No manager after 26 weeks: the overall judgement is unlikely to be better than good.",
        when_conditions=frozenset({MANAGER_VACANCY_26_WEEKS}),
    ),
    Rule(
        id="manager-not-registered-leadership-usually-inadequate",
        constrains=(LEADERS_AND_MANAGERS,),
        effect="exact",
        grade=INADEQUATE,
        strength="usually",
        signal="usually",
        text=(
            "If a manager fails to apply to be registered, once appointed for more than 12 weeks, then "
            "the judgement for leadership and management will usually be inadequate."
        ),
        anchor="leaders-and-managers-inadequate-4",
        summary="Manager not applied to register after 12 weeks: leadership is usually inadequate.",
        when_conditions=frozenset({MANAGER_NOT_REGISTERED_12_WEEKS}),
    ),
    Rule(
        id="reg28-requirement-leadership-not-outstanding",
        constrains=(LEADERS_AND_MANAGERS,),
        effect="cap",
        grade=GOOD,
        strength="always",
        signal="cannot",
        text=(
            "This means that the judgement for the effectiveness of leaders and managers cannot be "
            "outstanding."
        ),
        anchor="registered-manager-qualifications-4",
        summary="A regulation 28 requirement about the manager's qualification: leadership cannot be outstanding.",
        when_conditions=frozenset({REG28_BREACH}),
        # The framework says the same after each of the three ways a requirement arises.
        see_also=("registered-manager-qualifications-5", "registered-manager-qualifications-6"),
    ),
    Rule(
        id="staff-unqualified-leadership-at-most-requires-improvement",
        constrains=(LEADERS_AND_MANAGERS,),
        effect="cap",
        grade=REQUIRES_IMPROVEMENT,
        strength="always",
        signal="certainly",
        text=_STAFF,
        anchor="staff-qualifications-8",
        summary="None or very few staff qualified: leadership is no better than requires improvement.",
        when_conditions=frozenset({STAFF_UNQUALIFIED}),
        unless_conditions=frozenset({EXCEPTIONAL_CIRCUMSTANCES}),
    ),
    Rule(
        # "Can be judged good" lifts the requires-improvement limit: a permission, not a limit at
        # good (sccif_core.register, reading "staff-exceptional-circumstances").
        id="staff-unqualified-exceptional-leadership-can-be-good",
        constrains=(LEADERS_AND_MANAGERS,),
        effect="permits",
        grade=GOOD,
        strength="usually",
        signal="only in exceptional circumstances",
        text=_STAFF + " " + _STAFF_EXCEPTIONAL,
        anchor="staff-qualifications-8",
        summary=(
            "None or very few staff qualified, in exceptional circumstances: the limit of requires "
            "improvement is lifted. Leadership can be judged good only in exceptional circumstances, which "
            "inspectors must explain in the report."
        ),
        when_conditions=frozenset({STAFF_UNQUALIFIED, EXCEPTIONAL_CIRCUMSTANCES}),
    ),
    Rule(
        id="staff-unqualified-leadership-likely-inadequate",
        constrains=(LEADERS_AND_MANAGERS,),
        effect="exact",
        grade=INADEQUATE,
        strength="usually",
        signal="likely",
        text=_STAFF,
        anchor="staff-qualifications-8",
        summary="None or very few staff qualified: leadership is likely to be inadequate.",
        when_conditions=frozenset({STAFF_UNQUALIFIED}),
    ),
    Rule(
        id="no-children-first-inspection-no-judgement",
        constrains=JUDGEMENT_KEYS,
        effect="no-judgement",
        grade=None,
        strength="always",
        signal="do not make a judgement",
        text="In these instances, inspectors do not make a judgement.",
        anchor="no-children-living-in-the-home-3",
        summary="First inspection with no children living in the home: no judgement is made.",
        when_conditions=frozenset({NO_CHILDREN_FIRST_INSPECTION}),
        see_also=("no-children-living-in-the-home-1",),
    ),
    Rule(
        id="reinspection-health-or-education-not-judged",
        constrains=(EDUCATION, HEALTH),
        effect="not-judged",
        grade=None,
        strength="always",
        signal="will show as 'not judged'",
        text=_NOT_JUDGED,
        anchor="subsequent-inspection-activity-20",
        summary=(
            "Full reinspection after an overall inadequate judgement: health and/or education may be "
            "'not judged' if the case review so decides."
        ),
        when_any_grade=((EDUCATION, NOT_JUDGED), (HEALTH, NOT_JUDGED)),
        see_also=("subsequent-inspection-activity-19",),
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# Taken into account, with no hard rule: shown beside the result, never as a limit.
CONSIDERATIONS: tuple[Passage, ...] = (
    Passage(
        id="limiting-and-graded-judgements-first",
        text=(
            "Inspectors will make the limiting and graded judgements first so that they can take these "
            "into account for the 'overall progress and experiences' judgement."
        ),
        anchor="judgement-structure-8",
        when_any_known=(HELPED_AND_PROTECTED, LEADERS_AND_MANAGERS),
    ),
    Passage(
        id="education-and-health-taken-into-account",
        text=(
            "Inspections of secure children's homes look at children's education and learning, and "
            "children's health. The judgement for overall progress and experiences of children takes "
            "these judgements into account."
        ),
        anchor="judgement-structure-5",
        when_any_known=(EDUCATION, HEALTH),
    ),
    Passage(
        id="requirement-not-automatically-requires-improvement",
        text=(
            "A failure to meet a regulation does not automatically lead to a requires improvement to be "
            "good judgement. Requirements may still be made when providers are judged to be good."
        ),
        anchor="regulations-guide-and-sccif-6",
        when_conditions=frozenset({REG28_BREACH}),
    ),
)

# Best fit, not a checklist: shown with every result.
PRINCIPLES: tuple[Passage, ...] = (
    Passage(
        id="not-a-checklist",
        text=(
            "Inspectors will use the descriptions of what 'good' looks like as the benchmarks against "
            "which to grade and judge performance. The judgement, however, is not derived from a "
            "checklist. It is a professional evaluation of the effectiveness of the care and support "
            "provided and their impact on the experiences and progress of children. Failure to meet all "
            "of the criteria for good will not automatically lead to a judgement of requires improvement "
            "to be good."
        ),
        anchor="how-inspectors-use-the-evaluation-criteria-1",
    ),
    Passage(
        id="professional-judgement",
        text=(
            "Even when all the criteria are relevant, there is always a degree of professional judgement "
            "in weighing and balancing evidence against the evaluation criteria."
        ),
        anchor="how-inspectors-use-the-evaluation-criteria-3",
    ),
    Passage(
        id="best-fit",
        text=(
            "The inspectors judge a setting to be good if they conclude that the evidence sits most "
            "appropriately with this finding. We call this the 'best fit'."
        ),
        anchor="how-inspectors-use-the-evaluation-criteria-4",
    ),
)
