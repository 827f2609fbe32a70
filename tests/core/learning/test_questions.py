"""Self-check questions: seeded, answerable, and every answer worked out by the engines when it is checked."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sccif_core.citations import cite, framework
from sccif_core.errors import InputError
from sccif_core.judgements import engine, practice
from sccif_core.judgements.grades import EDUCATION, HEALTH, HELPED_AND_PROTECTED, LEADERS_AND_MANAGERS
from sccif_core.judgements.rules import RULES
from sccif_core.learning import dates, judgement_questions, question, text_questions
from sccif_core.learning.model import Answer, Question
from sccif_core.learning.path import STEP_NUMBERS, STEPS
from sccif_core.learning.questions import answer, check
from sccif_core.timelines import compute
from sccif_core.workdays import ENGLAND

SEEDS = (0, 7, 20261119)
NUMBERS = range(25)
ALL = [question(s.number, seed, n) for s in STEPS for seed in SEEDS for n in NUMBERS]


def date_question(timeline: str, key: str, **fields: str) -> Question:
    """A date question as the generator would make it, for facts chosen by the test."""
    return Question(
        4,
        0,
        0,
        "dates:reports",
        "?",
        (),
        facts=(("timeline", timeline), ("milestone", key), *sorted(fields.items())),
    )


class TestEveryQuestion:
    @pytest.mark.parametrize("item", ALL, ids=lambda q: f"{q.id}-{q.kind}")
    def test_the_answer_is_among_the_options_justified_and_marked_right(self, item: Question) -> None:
        """The engines' answer is one (or, for 'choose every one', some) of the options; it cites anchors that exist."""
        truth = answer(item)
        keys = [k for k, _ in item.options]
        assert truth.correct and set(truth.correct) <= set(keys)
        assert len(keys) == len(set(keys)), "no option twice"
        if not item.multiple:
            assert len(truth.correct) == 1
        assert truth.sources and all(a in framework()["anchors"] for a in truth.sources)
        assert all(text for text, _ in truth.quotes)
        assert check(item, list(truth.correct) if item.multiple else truth.correct[0])["correct"] is True
        wrong = next((k for k in keys if k not in truth.correct), None)
        if wrong is not None and not item.multiple:
            assert check(item, wrong)["correct"] is False

    def test_the_same_numbers_give_the_same_question(self) -> None:
        """A question is fixed by (step, seed, number), so the page stores only those numbers."""
        for item in ALL[::37]:
            assert question(item.step, item.seed, item.number) == item

    def test_every_step_asks_every_kind_of_question_it_names(self) -> None:
        """Over a few dozen questions, each step uses each of its generators."""
        for step in STEPS:
            kinds = {q.kind for q in ALL if q.step == step.number}
            assert kinds == set(step.checks), step.key

    def test_a_question_stores_no_answer(self) -> None:
        """The question's fields are what the reader sees and the facts; none of them is the answer."""
        assert {f.name for f in dataclasses.fields(Question)} == {
            "step",
            "seed",
            "number",
            "kind",
            "prompt",
            "options",
            "multiple",
            "quote",
            "facts",
        }
        for item in ALL[::11]:
            truth = answer(item)
            assert dict(item.facts).keys().isdisjoint({"answer", "correct"})
            if item.kind.startswith("dates"):
                # The facts are the dates the reader is given, never the date asked for.
                assert not set(truth.correct) & set(dict(item.facts).values())

    @pytest.mark.parametrize(
        ("step", "seed", "number", "field"),
        [
            (0, 1, 1, "step"),
            (11, 1, 1, "step"),
            (1, -1, 1, "seed"),
            (1, 1, 10_000, "number"),
            (True, 1, 1, "step"),
        ],
    )
    def test_out_of_range_numbers_are_refused(self, step: int, seed: int, number: int, field: str) -> None:
        """A step outside 1 to 10, a negative seed or a number past the end is an InputError naming it."""
        with pytest.raises(InputError) as caught:
            question(step, seed, number)
        assert caught.value.field == field

    def test_an_answer_that_is_not_an_option_is_refused(self) -> None:
        """Checking something that is not one of the options is an InputError, not a wrong answer."""
        item = ALL[0]
        with pytest.raises(InputError, match="not one of the options"):
            check(item, "made-up")
        with pytest.raises(InputError, match="choose an answer"):
            check(item, [])


class TestDates:
    def test_the_draft_report_after_thursday_19_november_2026(self) -> None:
        """Ended Thursday 19 November 2026: draft report by Tuesday 15 December 2026 (18 working days, timeframe-1-8)."""
        truth = dates.answer(date_question("full", "draft_report", end="2026-11-19"))
        assert truth.correct == ("2026-12-15",)
        # "Draft report sent to the registered provider within 18 working days from the end of the
        # inspection" (#timeframe-1-8): 18 working days after Thursday 19 November 2026 is Tuesday
        # 15 December 2026, 26 calendar days later. The feedback shows the count.
        assert truth.explanation == (
            "Draft report sent to the provider. Counted from Thursday 19 November 2026: 18 working days after "
            "the end of the inspection. That is Tuesday 15 December 2026, 18 working days and 26 calendar "
            "days later."
        )
        assert truth.quotes[0][1] == "timeframe-1-8"

    def test_a_date_counted_from_a_date_the_question_gives_says_so_in_its_own_words(self) -> None:
        """Comments on a draft sent Tuesday 15 December 2026 are due Tuesday 22 December 2026 (5 working days,
        timeframe-1-8); the feedback says it counts from that date, with no words left over from the timeline tool."""
        # "The provider then has up to 5 working days to send in comments on the draft report or submit a
        # formal complaint" (#timeframe-1-8): Wed 16, Thu 17, Fri 18, Mon 21, Tue 22 December 2026.
        item = date_question("full", "provider_comments", end="2026-11-19", draft_sent="2026-12-15")
        truth = dates.answer(item)
        assert truth.correct == ("2026-12-22",)
        assert (
            "That is Tuesday 22 December 2026, 5 working days and 7 calendar days later." in truth.explanation
        )
        assert "Counted from the date the question gives (Tuesday 15 December 2026)" in " ".join(truth.notes)

    @pytest.mark.parametrize("item", [q for q in ALL if q.kind.startswith("dates")], ids=lambda q: q.id)
    def test_every_date_answer_shows_its_day_count_and_no_tool_leftovers(self, item: Question) -> None:
        """Each date answer gives its calendar-day count, and never the timeline tool's "if you gave it"."""
        truth = answer(item)
        assert "calendar day" in truth.explanation
        assert not any("if you gave it" in text for text in (truth.explanation, *truth.notes))

    def test_the_draft_report_across_christmas_2026(self) -> None:
        """Ended Thursday 10 December 2026: draft by Friday 8 January 2027, skipping Christmas Day (Fri 25 Dec),
        Boxing Day's substitute (Mon 28 Dec) and New Year's Day (Fri 1 Jan 2027); 18 working days, timeframe-1-8."""
        truth = dates.answer(date_question("full", "draft_report", end="2026-12-10"))
        assert truth.correct == ("2027-01-08",)
        notes = " ".join(truth.notes)
        assert "Christmas Day (Friday 25 December 2026)" in notes
        assert "Boxing Day (substitute day) (Monday 28 December 2026)" in notes

    def test_the_return_visit_is_a_latest_date(self) -> None:
        """Inadequate, ended Thursday 19 November 2026: Ofsted returns by Thursday 14 January 2027 at the latest."""
        # subsequent-inspection-activity-1: "We always return to carry out some inspection activity within
        # 6 to 8 weeks": no later than 8 weeks after, and Ofsted may come at any time before.
        truth = dates.answer(date_question("inadequate", "return_visit", end="2026-11-19"))
        assert truth.correct == ("2027-01-14",)
        assert any("any time before" in note for note in truth.notes)

    def test_the_26_week_point_quotes_the_leadership_rule_from_the_judgement_engine(self) -> None:
        """No manager since Monday 5 January 2026: after 26 weeks from Tuesday 7 July 2026, the engine's rule quoted."""
        # "The failure to appoint a manager after 26 weeks" (#leaders-and-managers-inadequate-3): 26 weeks
        # end on Monday 6 July 2026; "after" is from the next day.
        truth = dates.answer(date_question("manager", "no_manager_26_weeks", vacancy="2026-01-05"))
        assert truth.correct == ("2026-07-07",)
        assert "leaders-and-managers-inadequate-3" in truth.sources
        assert any("never more than requires improvement" in text for text, _ in truth.quotes)

    @pytest.mark.parametrize("item", [q for q in ALL if q.kind.startswith("dates")], ids=lambda q: q.id)
    def test_every_date_answer_is_the_timeline_engines_milestone(self, item: Question) -> None:
        """Recomputed here with the timeline engine from the question's own facts, the answer is the same."""
        facts = dict(item.facts)
        timeline, key = facts.pop("timeline"), facts.pop("milestone")
        found = next(m for m in compute(timeline, facts).milestones if m.key == key)
        expected = f"{found.date_from}/{found.date_to}" if found.type == "window" else found.date
        assert answer(item).correct == (expected,)

    @pytest.mark.parametrize(
        "item",
        [
            q
            for q in ALL
            if dict(q.facts).get("milestone") == "draft_report" and dict(q.facts).get("timeline") == "full"
        ],
        ids=lambda q: q.id,
    )
    def test_a_draft_report_date_is_the_18th_working_day_counted_independently(self, item: Question) -> None:
        """Counted with the working-day calendar alone: the 18th working day after the end, the end not counted."""
        end = date.fromisoformat(item.fact("end"))
        assert answer(item).correct == (ENGLAND.after(end, 18).isoformat(),)

    def test_the_answer_follows_the_timeline_engine(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """If the timeline engine dated the milestone differently, the marked answer would change with it."""
        item = date_question("full", "draft_report", end="2026-11-19")

        def other(kind: str, fields: dict[str, object]):  # type: ignore[no-untyped-def]
            real = compute(kind, fields)
            moved = tuple(
                dataclasses.replace(m, date="2026-12-16") if m.key == "draft_report" else m
                for m in real.milestones
            )
            return dataclasses.replace(real, milestones=moved)

        monkeypatch.setattr(dates, "compute", other)
        assert dates.answer(item).correct == ("2026-12-16",)

    def test_wrong_options_are_the_usual_slips(self) -> None:
        """For 18 working days from Thursday 10 December 2026 the slips include calendar days and forgetting bank holidays."""
        spec = next(
            s for s in dates.SETS["reports"] if s.milestone == "draft_report" and s.timeline == "full"
        )
        key, _, wrong = dates._options(spec, {"end": "2026-12-10"})
        assert key == "2027-01-08"
        wrong_keys = [k for k, _ in wrong]
        assert "2027-01-05" in wrong_keys  # 18 weekdays, bank holidays forgotten
        assert "2026-12-28" in wrong_keys  # 18 calendar days
        assert len(wrong_keys) == 3 and key not in wrong_keys


class TestJudgementQuestions:
    def test_the_limiting_judgement_is_read_off_the_engines_rules(self) -> None:
        """'Always inadequate overall' -> helped and protected (judgement-structure-6)."""
        item = Question(2, 0, 0, "judgement-roles", "?", (), facts=(("role", "always-inadequate"),))
        truth = judgement_questions.answer_role(item)
        assert truth.correct == (HELPED_AND_PROTECTED,)
        assert truth.sources == ("judgement-structure-6",)

    def test_the_cap_taken_into_account_and_made_first_roles(self) -> None:
        """Caps overall: leaders and managers; taken into account: education and health; made first: the other two."""

        def role(key: str) -> Answer:
            return judgement_questions.answer_role(
                Question(2, 0, 0, "judgement-roles", "?", (), facts=(("role", key),))
            )

        assert role("caps-overall").correct == (LEADERS_AND_MANAGERS,)
        assert set(role("taken-into-account").correct) == {EDUCATION, HEALTH}
        assert role("taken-into-account").sources == ("judgement-structure-5",)
        assert set(role("made-first").correct) == {HELPED_AND_PROTECTED, LEADERS_AND_MANAGERS}

    def test_the_role_answer_follows_the_engines_rules(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """If the limiting rule named leadership instead, the answer would be leadership."""
        changed = tuple(
            dataclasses.replace(r, when_any_grade=((LEADERS_AND_MANAGERS, "inadequate"),))
            if r.id == "helped-and-protected-inadequate-overall-inadequate"
            else r
            for r in RULES
        )
        monkeypatch.setattr(judgement_questions, "RULES", changed)
        item = Question(2, 0, 0, "judgement-roles", "?", (), facts=(("role", "always-inadequate"),))
        assert judgement_questions.answer_role(item).correct == (LEADERS_AND_MANAGERS,)

    def test_limit_questions_are_the_practice_scenarios_marked_by_the_engine(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A 'judgement-limits' question is a practice scenario; change the engine and its answer changes."""

        def scenario_of(q: Question) -> practice.Scenario:
            return practice.scenario(int(q.fact("practice_seed")), int(q.fact("practice_number")))

        item = next(q for q in ALL if q.kind == "judgement-limits" and scenario_of(q).kind == "allowed")
        scenario = scenario_of(item)
        assert item.prompt == scenario.prompt
        assert answer(item).correct == practice.answer(scenario).correct

        def other_engine(known: engine.Facts) -> engine.Evaluation:
            real = engine.evaluate(known)
            outlooks = {
                k: dataclasses.replace(o, allowed=("good",), usual=("good",))
                for k, o in real.outlooks.items()
            }
            return dataclasses.replace(real, outlooks=outlooks, rules=())

        monkeypatch.setattr(practice, "evaluate", other_engine)
        assert answer(item).correct == ("good",)

    def test_next_step_certainty_is_the_engines(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """'How sure is this step?' is answered from next_steps; the case review 'certainly' happens (always)."""
        from sccif_core.judgements import next_steps

        item = Question(
            7,
            0,
            0,
            "next-steps",
            "?",
            judgement_questions.CERTAINTY_OPTIONS,
            facts=(("kind", "full"), ("step", "case-review")),
        )
        assert judgement_questions.answer_next_step(item).correct == ("always",)
        real = next_steps.steps_for
        monkeypatch.setattr(
            judgement_questions,
            "steps_for",
            lambda kind: tuple(dataclasses.replace(s, certainty="usually") for s in real(kind)),
        )
        assert judgement_questions.answer_next_step(item).correct == ("usually",)


class TestTextQuestions:
    @pytest.mark.parametrize("item", [q for q in ALL if q.kind == "criteria"][:30], ids=lambda q: q.id)
    def test_a_criterion_belongs_to_the_judgement_whose_criteria_hold_it(self, item: Question) -> None:
        """The answer is the judgement in framework.json whose evidence or descriptors hold the quoted anchor."""
        anchor = item.fact("anchor")
        owners = [
            key
            for key, raw in framework()["criteria"].items()
            if any(e["anchor"] == anchor for e in raw["evidence"])
            or any(d["anchor"] == anchor for d in raw["descriptors"]["good"]["items"])
        ]
        assert answer(item).correct == tuple(owners)
        assert item.quote == (cite(anchor).text, anchor)

    @pytest.mark.parametrize(
        "item", [q for q in ALL if q.kind.startswith("section:")][:40], ids=lambda q: q.id
    )
    def test_a_passage_belongs_to_the_section_its_anchor_is_numbered_in(self, item: Question) -> None:
        """The answer is the heading whose id the passage's anchor is numbered under (CONTRIBUTING.md)."""
        anchor = item.fact("anchor")
        section = anchor.rsplit("-", 1)[0]
        assert answer(item).correct == (section,)
        assert section in item.fact("choices").split(",")

    def test_only_passages_that_appear_once_are_asked(self) -> None:
        """No quoted passage has the same words as another among the choices."""
        for name, choices in text_questions.SECTION_SETS.items():
            texts = [cite(a).text for a in text_questions.section_passages(choices)]
            assert len(texts) == len(set(texts)) and texts, name
            assert all(
                any(a.startswith(c + "-") for a in text_questions.section_passages(choices)) for c in choices
            ), name


class TestSecondReading:
    def test_caps_overall_has_one_right_answer(self) -> None:
        """ "likely, but not certain, to be inadequate, and certainly no better than requires improvement":
        only leaders and managers (judgement-structure-7); helped and protected makes it always inadequate."""
        from sccif_core.learning import judgement_questions as jq

        keys, _ = jq._capped()
        assert keys == (LEADERS_AND_MANAGERS,)

    def test_criteria_never_hinge_on_page_layout(self) -> None:
        """The overall judgement's bullets on education and health are not asked: they fit those judgements too."""
        asked = {anchor for anchor, _, _ in text_questions.criteria_passages()}
        assert not {f"overall-experiences-evidence-{n}" for n in range(7, 14)} & asked

    def test_no_quote_ends_mid_list_or_gives_its_section_away(self) -> None:
        """No "which section" quote ends with a colon, or names its own section and no other choice."""
        for choices in text_questions.SECTION_SETS.values():
            for anchor in text_questions.section_passages(choices):
                text = cite(anchor).text
                assert not text.rstrip().endswith(":"), anchor
                section = str(framework()["anchors"][anchor]["section"])
                titles = {c: cite(c).text.lower().rstrip("s") for c in choices}
                named = {c for c, title in titles.items() if title in text.lower()}
                assert named != {section}, anchor

    @pytest.mark.parametrize("step_number", STEP_NUMBERS)
    def test_a_set_never_repeats_a_question(self, step_number: int) -> None:
        """Within a set of questions (seed, numbers 0 to 4 and 5 to 9) no question comes twice."""
        from sccif_core.learning.questions import SET_SIZE, question

        for seed in range(8):
            for first in (0, SET_SIZE):
                items = [question(step_number, seed, n) for n in range(first, first + SET_SIZE)]
                signatures = {(q.prompt, q.quote, tuple(sorted(q.options))) for q in items}
                assert len(signatures) == SET_SIZE, (seed, first)

    def test_a_passage_with_a_limit_and_a_tendency_names_the_words_of_each(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Leadership inadequate, 'usual' overall: judgement-structure-7 is quoted once, and the notes say
        which words make the hard limit and which the tendency."""
        # "If inspectors judge this area to be inadequate, this is likely to lead to a judgement of
        # inadequate, and certainly no more than requires improvement, for 'overall experiences and
        # progress'." (#judgement-structure-7)
        scenario = practice.Scenario(
            0,
            0,
            "usual",
            "overall-experiences",
            engine.Facts({LEADERS_AND_MANAGERS: "inadequate"}),
            "?",
            tuple((g, g) for g in ("outstanding", "good", "requires-improvement", "inadequate")),
            True,
        )
        monkeypatch.setattr(judgement_questions.practice, "scenario", lambda seed, number: scenario)
        item = Question(
            2,
            0,
            0,
            "judgement-limits",
            "?",
            scenario.options,
            True,
            facts=(("practice_seed", "0"), ("practice_number", "0")),
        )
        truth = answer(item)
        assert [anchor for _, anchor in truth.quotes].count("judgement-structure-7") == 1
        assert truth.notes == (
            "A hard limit: the words \u201ccertainly no more than requires improvement\u201d.",
            "A tendency: the words \u201clikely to lead to a judgement of inadequate\u201d.",
        )

    def test_alerts_after_an_assurance_inspection_are_not_always(self) -> None:
        """Local authority alerts after an assurance inspection depend on the case review
        (feedback-to-local-authorities-1): the next-steps question does not key them 'always'."""
        from sccif_core.judgements.next_steps import steps_for

        step = next(s for s in steps_for("assurance") if s.key == "local-authorities-alerted")
        assert step.certainty != "always"
