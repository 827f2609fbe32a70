"""The judgement rules as data: quoted exactly, at anchors that exist, nothing missing or invented."""

from __future__ import annotations

import re

import pytest

from sccif_core.citations import framework
from sccif_core.judgements import assurance
from sccif_core.judgements.conditions import CONDITION_KEYS, CONDITIONS
from sccif_core.judgements.grades import GRADES, JUDGEMENT_KEYS, NOT_JUDGED, SCALE_ANCHOR, SCALE_TEXT
from sccif_core.judgements.next_steps import STEPS
from sccif_core.judgements.rules import CONSIDERATIONS, PRINCIPLES, RULES, RULES_BY_ID, Rule
from tests.core.judgements import judgement_source as source

ALWAYS_WORDS = (
    "always",
    "never",
    "cannot",
    "certainly",
    "do not make a judgement",
    "will show as 'not judged'",
    "will be judged inadequate",
)
USUALLY_WORDS = ("likely", "usually", "unlikely")
# "Only in exceptional circumstances can the home be judged good" (staff-qualifications-8) lifts a
# limit: a permission, shown as a tendency, never a hard limit (register reading
# "staff-exceptional-circumstances").
PERMISSION_WORDS = ("only in exceptional circumstances",)

QUOTED = (
    [(r.id, r.text, r.anchor) for r in RULES]
    + [(p.id, p.text, p.anchor) for p in CONSIDERATIONS + PRINCIPLES]
    + [(f"step:{'/'.join(s.kinds)}:{s.key}", s.text, s.anchor) for s in STEPS]
    + [(o.key, o.text, o.anchor) for o in assurance.OUTCOMES]
    + [
        ("single-judgement", *assurance.SINGLE_JUDGEMENT),
        ("not-a-checklist", *assurance.NOT_A_CHECKLIST),
        ("professional-judgement", *assurance.PROFESSIONAL_JUDGEMENT),
        ("scale", SCALE_TEXT, SCALE_ANCHOR),
    ]
    + [(f"concern:{a}", t, a) for t, a in assurance.CONCERNS_ABOUT_PRACTICE_THAT]
)

# Sentences the net below catches that are not rules between grades, each with the reason.
NOT_GRADE_RULES = {
    "Reports for settings that have several weaknesses or that are found to be outstanding may require more "
    "detailed explanations for the judgements but should still focus on the main issues only.": (
        "about the length of a report, not about which grades are possible"
    ),
}


def anchors() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = framework()["anchors"]
    return found


def every_quote() -> str:
    return "\n".join(source.normalise(text) for _, text, _ in QUOTED)


class TestQuotes:
    @pytest.mark.parametrize(("name", "text", "anchor"), QUOTED, ids=[q[0] for q in QUOTED])
    def test_words_are_at_their_anchor(self, name: str, text: str, anchor: str) -> None:
        """Each quotation is word for word the text of the paragraph its anchor names."""
        assert anchor in anchors(), f"{name}: no anchor #{anchor} in framework.json"
        assert source.normalise(text) in source.normalise(anchors()[anchor]["text"]), name

    @pytest.mark.parametrize(("name", "text", "anchor"), QUOTED, ids=[q[0] for q in QUOTED])
    def test_words_are_in_the_govuk_source(self, name: str, text: str, anchor: str) -> None:
        """Each quotation is in the GOV.UK source itself, not only in this site's copy."""
        body = " ".join(block.text for block in source.blocks())
        assert source.normalise(text) in body, name

    @pytest.mark.parametrize("rule", [r for r in RULES if r.see_also], ids=lambda r: r.id)
    def test_see_also_anchors_exist(self, rule: object) -> None:
        """Every 'see also' paragraph of a rule exists on the site."""
        for anchor in rule.see_also:  # type: ignore[attr-defined]
            assert anchor in anchors()

    def test_regulation_28_consequence_follows_each_of_its_three_cases(self) -> None:
        """The regulation 28 sentence is the same after all three ways a requirement arises."""
        rule = RULES_BY_ID["reg28-requirement-leadership-not-outstanding"]
        for anchor in (rule.anchor, *rule.see_also):
            assert rule.text in anchors()[anchor]["text"]
        assert len(rule.see_also) == 2

    def test_condition_anchors_exist(self) -> None:
        """Every condition points at the paragraph that describes it."""
        for item in CONDITIONS:
            assert item.anchor in anchors(), item.key


class TestStrength:
    @pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
    def test_signal_word_is_in_the_text(self, rule: object) -> None:
        """The word that sets a rule's strength is in the framework's own sentence, or the one introducing it."""
        lead = rule.lead[0] if rule.lead else ""  # type: ignore[attr-defined]
        assert rule.signal.lower() in f"{lead} {rule.text}".lower()  # type: ignore[attr-defined]

    @pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
    def test_strength_follows_the_framework_word(self, rule: object) -> None:
        """Hard limits are stated with always/never/cannot/certainly; tendencies with likely/usually/unlikely."""
        if rule.effect == "permits":  # type: ignore[attr-defined]
            assert (rule.strength, rule.signal.lower()) in {("usually", w) for w in PERMISSION_WORDS}  # type: ignore[attr-defined]
            return
        words = ALWAYS_WORDS if rule.strength == "always" else USUALLY_WORDS  # type: ignore[attr-defined]
        assert rule.signal.lower() in words  # type: ignore[attr-defined]


class TestShape:
    def test_ids_are_unique(self) -> None:
        """No two rules share an id."""
        assert len(RULES_BY_ID) == len(RULES)

    @pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
    def test_rule_refers_only_to_known_things(self, rule: object) -> None:
        """Judgements, grades and conditions in a rule are ones the engine knows."""
        assert set(rule.constrains) <= set(JUDGEMENT_KEYS)  # type: ignore[attr-defined]
        assert rule.grade is None or rule.grade in GRADES  # type: ignore[attr-defined]
        for judgement, grade in rule.when_any_grade:  # type: ignore[attr-defined]
            assert judgement in JUDGEMENT_KEYS and grade in GRADES + (NOT_JUDGED,)
        assert rule.when_conditions <= set(CONDITION_KEYS)  # type: ignore[attr-defined]
        assert rule.unless_conditions <= set(CONDITION_KEYS)  # type: ignore[attr-defined]
        assert (rule.grade is not None) == (rule.effect in ("cap", "exact", "floor", "permits"))  # type: ignore[attr-defined]

    def test_the_scale_is_the_framework_scale_best_to_worst(self) -> None:
        """The four-point scale, best first, as the framework lists it (judgement-structure-2)."""
        assert GRADES == ("outstanding", "good", "requires-improvement", "inadequate")
        assert "outstanding, good, requires improvement to be good and inadequate" in SCALE_TEXT

    def test_five_judgements(self) -> None:
        """The five judgements of a secure children's home, by their site keys."""
        assert JUDGEMENT_KEYS == (
            "overall-experiences",
            "education",
            "health",
            "helped-and-protected",
            "leaders-and-managers",
        )


class TestCompleteness:
    def test_every_judgement_rule_sentence_is_in_the_engine(self) -> None:
        """Each framework sentence that ties a grade to a judgement is quoted by a rule, a passage or a step."""
        judged = re.compile(r"\bjudg(e|ed|ement|ements)\b|not judged", re.I)
        strong = re.compile(
            r"\b(always|never|cannot|certainly|likely|usually|unlikely|automatically|limiting|only|will be|"
            r"do not make|must|not judged)\b",
            re.I,
        )
        graded = re.compile(
            r"\b(outstanding|good|requires improvement|inadequate|not judged|a judgement)\b", re.I
        )
        # The descriptors' own introductions ("... likely to be judged good if there is evidence of
        # the following:") are criteria, shown on the explorer, not rules between judgements.
        intro = re.compile(r"(likely to be|will be) judged .* if\b.*evidence of the following:$")
        quoted = every_quote()
        missing = [
            s
            for s in source.sentences()
            if judged.search(s)
            and strong.search(s)
            and graded.search(s)
            and not intro.search(s)
            and s not in NOT_GRADE_RULES
            and source.normalise(s) not in quoted
        ]
        assert missing == []

    def test_the_net_catches_the_known_rules(self) -> None:
        """The completeness check is able to fail: it finds the rules' own sentences."""
        sentences = source.sentences()
        assert any("will always be inadequate" in s for s in sentences)
        assert sum("cannot be outstanding" in s for s in sentences) == 3


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_rule_names_the_words_that_make_it_a_limit_or_a_tendency(rule: Rule) -> None:
    """A rule's deciding words are in its quote, start with its signal word and stop at the clause's end."""
    quoted = f"{rule.lead[0]} {rule.text}" if rule.lead else rule.text
    assert rule.words in quoted
    assert rule.words.lower().startswith(rule.signal.lower())
    assert not rule.words.endswith((",", ".", ":"))
