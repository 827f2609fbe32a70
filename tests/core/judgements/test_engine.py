"""The engine, rule by rule, from the framework's own sentences; and the cases where no rule binds."""

from __future__ import annotations

import pytest
from hypothesis import given

from sccif_core.errors import InputError
from sccif_core.judgements.engine import Evaluation, evaluate, facts
from sccif_core.judgements.grades import GRADES
from sccif_core.judgements.rules import RULES
from tests.strategies import judgement_facts

ALL = ["outstanding", "good", "requires-improvement", "inadequate"]


def judge(conditions: tuple[str, ...] = (), **grades: str) -> Evaluation:
    """evaluate() with grades as keyword arguments: helped_and_protected="inadequate", ..."""
    return evaluate(facts({key.replace("_", "-"): value for key, value in grades.items()}, conditions))


def bound(result: Evaluation) -> set[str]:
    return {rule.id for rule in result.rules}


class TestHelpedAndProtected:
    def test_inadequate_makes_overall_always_inadequate(self) -> None:
        """Helped and protected inadequate: overall is inadequate, a hard limit."""
        # judgement-structure-6: "... then the 'overall experiences and progress' judgement will
        # always be inadequate."
        result = judge(helped_and_protected="inadequate")
        assert result.as_dict()["overall"] == {"allowed": ["inadequate"], "usual": ["inadequate"]}
        assert bound(result) == {"helped-and-protected-inadequate-overall-inadequate"}
        assert result.rules[0].strength == "always"

    @pytest.mark.parametrize("grade", ["outstanding", "good", "requires-improvement"])
    def test_any_other_grade_does_not_cap_overall(self, grade: str) -> None:
        """Helped and protected requires improvement (or better) does not cap overall: no rule binds."""
        # judgement-structure-6 limits the overall judgement only "if inspectors judge this area to be
        # inadequate". Nothing says requires improvement caps it.
        result = judge(helped_and_protected=grade)
        assert result.as_dict()["overall"] == {"allowed": ALL, "usual": ALL}
        assert result.rules == ()

    def test_overall_good_with_helped_and_protected_inadequate_is_a_conflict(self) -> None:
        """A given overall grade that the limiting judgement rules out is a conflict."""
        # judgement-structure-6
        result = judge(helped_and_protected="inadequate", overall_experiences="good")
        [conflict] = result.conflicts
        assert (conflict.judgement, conflict.grade) == ("overall-experiences", "good")
        assert [r.id for r in conflict.rules] == ["helped-and-protected-inadequate-overall-inadequate"]


class TestLeadersAndManagersInadequate:
    def test_overall_certainly_no_more_than_requires_improvement(self) -> None:
        """Leadership inadequate: overall is at most requires improvement (hard) and likely inadequate."""
        # judgement-structure-7: "... this is likely to lead to a judgement of inadequate, and
        # certainly no more than requires improvement, for 'overall experiences and progress'."
        result = judge(leaders_and_managers="inadequate")
        assert result.as_dict()["overall"] == {
            "allowed": ["requires-improvement", "inadequate"],
            "usual": ["inadequate"],
        }
        assert bound(result) == {
            "leadership-inadequate-overall-at-most-requires-improvement",
            "leadership-inadequate-overall-likely-inadequate",
        }

    def test_overall_requires_improvement_is_possible_though_not_usual(self) -> None:
        """The 'likely' half is a tendency: overall requires improvement is no conflict."""
        # judgement-structure-7 ("likely")
        result = judge(leaders_and_managers="inadequate", overall_experiences="requires-improvement")
        assert result.conflicts == ()
        assert "requires-improvement" not in result.overall.usual

    def test_overall_good_is_ruled_out(self) -> None:
        """The 'certainly' half is a hard limit: overall good conflicts."""
        # judgement-structure-7 ("certainly no more than requires improvement")
        [conflict] = judge(leaders_and_managers="inadequate", overall_experiences="good").conflicts
        assert [r.id for r in conflict.rules] == [
            "leadership-inadequate-overall-at-most-requires-improvement"
        ]

    def test_leadership_requires_improvement_does_not_cap_overall(self) -> None:
        """Only an inadequate leadership judgement limits overall: requires improvement binds nothing."""
        # judgement-structure-7 applies "If inspectors judge this area to be inadequate".
        result = judge(leaders_and_managers="requires-improvement")
        assert result.overall.allowed == tuple(ALL) and result.rules == ()

    def test_both_limiting_and_graded_inadequate(self) -> None:
        """Helped and protected and leadership both inadequate: overall inadequate, three rules bind."""
        # judgement-structure-6 and judgement-structure-7
        result = judge(helped_and_protected="inadequate", leaders_and_managers="inadequate")
        assert result.overall.allowed == ("inadequate",)
        assert len(result.rules) == 3


class TestEducationAndHealth:
    @pytest.mark.parametrize("grade", ALL)
    def test_taken_into_account_with_no_hard_rule(self, grade: str) -> None:
        """Education and health are taken into account in overall, with no limit."""
        # judgement-structure-5: "The judgement for overall progress and experiences of children takes
        # these judgements into account."
        result = judge(education=grade, health=grade)
        assert result.overall.allowed == tuple(ALL) and result.rules == ()
        assert [p.id for p in result.considerations] == ["education-and-health-taken-into-account"]


class TestManagerVacancy:
    def test_leadership_never_more_than_requires_improvement_usually_inadequate(self) -> None:
        """No manager after 26 weeks: leadership at most requires improvement (never), usually inadequate."""
        # leaders-and-managers-inadequate-3: "... will usually lead to an inadequate judgement for
        # leadership but never more than requires improvement."
        result = judge(("manager-vacancy-26-weeks",))
        assert result.as_dict()["leadership"] == {
            "allowed": ["requires-improvement", "inadequate"],
            "usual": ["inadequate"],
        }

    def test_overall_unlikely_to_be_better_than_good(self) -> None:
        """No manager after 26 weeks: overall unlikely better than good, a tendency, not a limit."""
        # leaders-and-managers-inadequate-3: "Also, the overall judgement is unlikely to be better than good."
        result = judge(("manager-vacancy-26-weeks",), overall_experiences="outstanding")
        assert result.as_dict()["overall"] == {
            "allowed": ALL,
            "usual": ["good", "requires-improvement", "inadequate"],
        }
        assert result.conflicts == ()

    def test_leadership_good_conflicts(self) -> None:
        """A leadership grade the vacancy rules out is a conflict."""
        # leaders-and-managers-inadequate-3 ("never more than requires improvement")
        [conflict] = judge(("manager-vacancy-26-weeks",), leaders_and_managers="good").conflicts
        assert conflict.judgement == "leaders-and-managers"
        assert [r.id for r in conflict.rules] == ["manager-vacancy-leadership-at-most-requires-improvement"]


class TestManagerNotRegistered:
    def test_leadership_usually_inadequate_with_no_hard_limit(self) -> None:
        """Manager not applied to register after 12 weeks: leadership usually inadequate, nothing ruled out."""
        # leaders-and-managers-inadequate-4: "... the judgement for leadership and management will
        # usually be inadequate."
        result = judge(("manager-not-registered-12-weeks",), leaders_and_managers="good")
        assert result.as_dict()["leadership"] == {"allowed": ALL, "usual": ["inadequate"]}
        assert result.conflicts == ()
        assert result.overall.allowed == tuple(ALL)


class TestRegulation28:
    def test_leadership_cannot_be_outstanding(self) -> None:
        """A regulation 28 requirement about the manager's qualification: leadership cannot be outstanding."""
        # registered-manager-qualifications-4 (also -5 and -6): "This means that the judgement for
        # the effectiveness of leaders and managers cannot be outstanding."
        result = judge(("reg28-breach",))
        assert result.as_dict()["leadership"] == {"allowed": ALL[1:], "usual": ALL[1:]}

    def test_requirement_does_not_mean_requires_improvement(self) -> None:
        """A requirement alone does not push leadership below good: good stays allowed and usual."""
        # regulations-guide-and-sccif-6: "A failure to meet a regulation does not automatically lead to
        # a requires improvement to be good judgement."
        result = judge(("reg28-breach",), leaders_and_managers="good")
        assert result.conflicts == ()
        assert "requirement-not-automatically-requires-improvement" in {p.id for p in result.considerations}

    def test_leadership_outstanding_conflicts(self) -> None:
        """Leadership outstanding with a regulation 28 requirement is a conflict."""
        # registered-manager-qualifications-4
        [conflict] = judge(("reg28-breach",), leaders_and_managers="outstanding").conflicts
        assert [r.id for r in conflict.rules] == ["reg28-requirement-leadership-not-outstanding"]


class TestStaffQualifications:
    def test_likely_inadequate_and_certainly_no_more_than_requires_improvement(self) -> None:
        """None or very few staff qualified: leadership at most requires improvement (certainly), likely inadequate."""
        # staff-qualifications-8: "... is likely to be inadequate, and certainly no more than requires
        # improvement."
        result = judge(("staff-unqualified",))
        assert result.as_dict()["leadership"] == {
            "allowed": ["requires-improvement", "inadequate"],
            "usual": ["inadequate"],
        }
        assert bound(result) == {
            "staff-unqualified-leadership-at-most-requires-improvement",
            "staff-unqualified-leadership-likely-inadequate",
        }

    def test_exceptional_circumstances_lift_the_limit_with_no_new_hard_limit(self) -> None:
        """In exceptional circumstances "can be judged good" lifts the cap: no hard limit, a tendency note only."""
        # staff-qualifications-8: "the judgement for the effectiveness of leaders and managers is likely to
        # be inadequate, and certainly no more than requires improvement. Only in exceptional circumstances
        # can the home be judged good for the effectiveness of leaders and managers and inspectors must
        # clearly explain these circumstances in the report." A permission, not a hard cap at good.
        result = judge(("staff-unqualified", "exceptional-circumstances"), leaders_and_managers="good")
        assert result.as_dict()["leadership"] == {"allowed": ALL, "usual": ["inadequate"]}
        assert result.leadership.limits == ()
        assert result.conflicts == ()
        assert bound(result) == {
            "staff-unqualified-exceptional-leadership-can-be-good",
            "staff-unqualified-leadership-likely-inadequate",
        }
        [note] = [r for r in result.leadership.tendencies if r.effect == "permits"]
        assert (note.strength, note.grade) == ("usually", "good")
        assert "inspectors must explain in the report" in note.summary

    def test_exceptional_circumstances_make_outstanding_no_conflict(self) -> None:
        """No hard limit from this rule: an outstanding leadership grade is not ruled out (best fit)."""
        # staff-qualifications-8: "Only in exceptional circumstances can the home be judged good"
        assert (
            judge(
                ("staff-unqualified", "exceptional-circumstances"), leaders_and_managers="outstanding"
            ).conflicts
            == ()
        )
        # Without them: "certainly no more than requires improvement" still rules good out.
        [conflict] = judge(("staff-unqualified",), leaders_and_managers="good").conflicts
        assert [r.id for r in conflict.rules] == ["staff-unqualified-leadership-at-most-requires-improvement"]

    def test_exceptional_circumstances_alone_is_an_input_error(self) -> None:
        """Exceptional circumstances mean nothing without the staff finding: a clear error."""
        with pytest.raises(InputError, match="only applies together with 'staff-unqualified'"):
            judge(("exceptional-circumstances",))


class TestSpecialCases:
    def test_first_inspection_with_no_children_makes_no_judgement(self) -> None:
        """First inspection with no children living in the home: no grade at all."""
        # no-children-living-in-the-home-3: "In these instances, inspectors do not make a judgement."
        result = judge(("no-children-first-inspection",))
        assert result.as_dict()["overall"] == {"allowed": [], "usual": []}
        assert result.as_dict()["leadership"] == {"allowed": [], "usual": []}

    def test_a_grade_given_with_no_children_is_a_conflict(self) -> None:
        """Any grade given where no judgement is made is a conflict."""
        # no-children-living-in-the-home-3
        result = judge(
            ("no-children-first-inspection",), helped_and_protected="good", overall_experiences="good"
        )
        assert {c.judgement for c in result.conflicts} == {"helped-and-protected", "overall-experiences"}

    def test_health_and_education_not_judged_at_a_reinspection(self) -> None:
        """'Not judged' is accepted for health and education and explained, and limits nothing."""
        # subsequent-inspection-activity-20: "The relevant report sections will show as 'not judged'."
        result = judge(health="not-judged", education="not-judged")
        assert bound(result) == {"reinspection-health-or-education-not-judged"}
        assert result.overall.allowed == tuple(ALL) and result.conflicts == ()
        assert result.considerations == ()

    @pytest.mark.parametrize("key", ["helped_and_protected", "leaders_and_managers", "overall_experiences"])
    def test_not_judged_only_for_health_and_education(self, key: str) -> None:
        """Only health and education can be 'not judged': other judgements give an input error."""
        with pytest.raises(InputError, match="only education and health"):
            judge(**{key: "not-judged"})


class TestInput:
    def test_nothing_known_nothing_binds(self) -> None:
        """With nothing known, every grade is allowed and no rule binds."""
        result = judge()
        assert result.as_dict() == {
            "overall": {"allowed": ALL, "usual": ALL},
            "leadership": {"allowed": ALL, "usual": ALL},
            "rules": [],
            "conflicts": [],
        }

    @pytest.mark.parametrize("bad", ["excellent", "", "  "])
    def test_unknown_or_blank_grade(self, bad: str) -> None:
        """An unknown grade is an input error; a blank one means 'not known'."""
        if bad.strip():
            with pytest.raises(InputError, match="is not a grade"):
                judge(overall_experiences=bad)
        else:
            assert judge(overall_experiences=bad).overall.given is None

    def test_unknown_judgement_and_condition(self) -> None:
        """Unknown judgement and condition names are input errors, never ignored silently."""
        with pytest.raises(InputError, match="is not a judgement"):
            evaluate(facts({"<script>": "good"}))
        with pytest.raises(InputError, match="is not a condition"):
            evaluate(facts({}, ["no-manager"]))


class TestProperties:
    @given(judgement_facts())
    def test_usual_within_allowed_best_to_worst(self, known: object) -> None:
        """For any facts: usual is within allowed, and both run best to worst."""
        result = evaluate(known)  # type: ignore[arg-type]
        for outlook in result.outlooks.values():
            assert set(outlook.usual) <= set(outlook.allowed)
            for grades in (outlook.allowed, outlook.usual):
                assert list(grades) == sorted(grades, key=GRADES.index)

    @given(judgement_facts())
    def test_conflicts_are_exactly_given_grades_outside_allowed(self, known: object) -> None:
        """A conflict is a given grade that is not allowed, and every such grade is a conflict."""
        result = evaluate(known)  # type: ignore[arg-type]
        expected = {
            (key, grade)
            for key, grade in result.facts.grades.items()
            if grade != "not-judged" and grade not in result.outlooks[key].allowed
        } | {
            (key, grade)
            for key, grade in result.facts.grades.items()
            if grade == "not-judged" and not result.outlooks[key].allowed
        }
        assert {(c.judgement, c.grade) for c in result.conflicts} == expected
        assert all(c.rules for c in result.conflicts)

    @given(judgement_facts())
    def test_nothing_is_limited_without_a_binding_rule(self, known: object) -> None:
        """Any grade missing from 'allowed' is ruled out by a hard rule that binds: nothing invented."""
        result = evaluate(known)  # type: ignore[arg-type]
        for key, outlook in result.outlooks.items():
            if outlook.allowed != tuple(GRADES):
                assert any(r.strength == "always" and key in r.constrains for r in result.rules)
            if outlook.usual != outlook.allowed:
                assert any(r.strength == "usually" and key in r.constrains for r in result.rules)

    def test_every_rule_can_bind(self) -> None:
        """Each rule in the data binds for the facts its trigger names."""
        for rule in RULES:
            grades = dict(rule.when_any_grade[:1])
            result = evaluate(facts(grades, rule.when_conditions))
            assert rule in result.rules, rule.id


class TestEffects:
    def test_a_floor_keeps_grades_no_worse_than_it(self) -> None:
        """The 'floor' effect (no rule of the framework uses it) allows only grades at or above its grade."""
        from sccif_core.judgements.rules import Rule

        floor = Rule(
            id="synthetic-floor",
            constrains=("overall-experiences",),
            effect="floor",
            grade="good",
            strength="always",
            signal="always",
            text="",
            anchor="",
            summary="",
        )
        result = evaluate(facts(), rules=(floor,))
        assert result.overall.allowed == ("outstanding", "good")
        assert not any(rule.effect == "floor" for rule in RULES)
