"""Every timeline rule quotes the framework at a real anchor, and every time limit has a rule."""

from __future__ import annotations

import re

import pytest

from sccif_core.citations import framework
from sccif_core.timelines import rules
from sccif_core.timelines.kinds import KIND_RULES, KINDS, UNDATED
from sccif_core.timelines.model import Rule, Source
from tests.core.timelines.framework_sentences import normalise, sentences, time_sentences

ALL_RULES: tuple[Rule, ...] = tuple(
    dict.fromkeys(rule for kind_rules in KIND_RULES.values() for rule in kind_rules)
)
ALL_SOURCES: tuple[Source, ...] = tuple(
    dict.fromkeys(
        [source for rule in ALL_RULES for source in rule.sources]
        + [item.source for items in UNDATED.values() for item in items]
    )
)

# Sentences of the framework that mention time but set no time limit to date, each with
# the reason it was reviewed and left out. Keyed by a fragment that finds exactly one sentence.
NOT_TIMELINES: dict[str, str] = {
    "Staff working within the home are clear about": "'within' the home: a place, not a time.",
    "children's home within the definition in section 1": "'within' a legal definition.",
    "retain the same inspectors until the enforcement action has finished": (
        "Lasts until an event ends; there is no period or date to count."
    ),
    "any enforcement activity within the last inspection year": (
        "What inspectors look back at while preparing, not a deadline; the inspection year itself "
        "is dated by the inspection-year timeline."
    ),
    "most recent annual report of the local safeguarding": "'annual report' names a document.",
    "Each year, Ofsted uses online questionnaires": (
        "Ofsted's own yearly survey: no date a provider or inspector must meet."
    ),
    "We send links to the questionnaires annually": (
        "Ofsted's own yearly survey: no date a provider or inspector must meet."
    ),
    "based on either identified concerns within reports": "'within' reports: inside them.",
    "final judgements are not made until the feedback meeting": (
        "The order of events on site (judgements at the feedback meeting); no period. The feedback "
        "day itself anchors every inspection timeline."
    ),
    "elements of practice within individual cases": "'within' cases: inside them.",
    "as part of an inspection within the evidence base": "'within' the evidence base: inside it.",
    "after the normal education day": "The school day: a time of day, not a period to count.",
    "if they are included within the lines of enquiry": "'within' the lines of enquiry.",
    "The Equality Act 2010 came into effect on 1 October 2010.": "A date in the past: background.",
    "Electronic evidence is recorded within the inspection database.": "'within' a database.",
    "within the timescale set by the inspectors": (
        "The timescale is set by inspectors for each requirement; the framework fixes no period."
    ),
    "Inspection judgements from recent years": "Describes a section of the report.",
    "child-friendly summary following every full inspection": "'every' means each inspection.",
    "discussed by the appropriate managers within Ofsted": "'within' Ofsted: inside it.",
    "may be as frequent as weekly": (
        "Decided case by case: 'as frequent as weekly' is a possibility, not a limit."
    ),
    "must fully comply with the requirement within the timeframe specified": (
        "The timeframe is the one each notice sets; the visit after it is dated by the compliance timeline."
    ),
    "does not intend to accommodate children for at least 3 months, we can impose": (
        "When the condition can be imposed (what the home intends), not a date to meet; the "
        "condition's own 3 months' notice is dated by the reopening timeline."
    ),
    "does not become available until after their 18th birthday": (
        "An age (18th birthday), which the occupancy tool handles; no time limit."
    ),
    "transition plans for every young adult": "'every' means each young adult.",
    "over a reasonable period of time, rather than on any given day": (
        "The 'wholly or mainly' test over 12 months belongs to the occupancy tool; not a deadline."
    ),
    "for children over a 12-month period": (
        "The 'wholly or mainly' test over 12 months belongs to the occupancy tool; not a deadline."
    ),
    "for the majority of time in any 12-month period": (
        "The 'wholly or mainly' test over 12 months belongs to the occupancy tool; not a deadline."
    ),
    "We will accept any 12-month period for this definition.": (
        "The 'wholly or mainly' test over 12 months belongs to the occupancy tool; not a deadline."
    ),
    "It is not restricted to calendar or academic years.": (
        "The 'wholly or mainly' test over 12 months belongs to the occupancy tool; not a deadline."
    ),
    "identify the risk and impact of every young adult": "'every' means each young adult.",
    "Every child in the home must have a regularly updated": "'every' means each child.",
    "Since 31 October 2015": "A date in the past: when a legal duty began.",
}
# Headings in the framework's day tables: the rows under them are each a rule.
TABLE_HEADINGS = {"Timeframe", "Day"}


def _sources_quoting(sentence: str) -> list[Source]:
    """The cited sources whose words are this sentence, or a clause of it, or contain it."""
    text = f" {normalise(sentence)} "
    found = []
    for source in ALL_SOURCES:
        words = f" {normalise(source.words)} "
        if len(words.split()) >= 3 and (words in text or text in words):
            found.append(source)
    return found


class TestCitedAnchors:
    def test_every_cited_anchor_exists(self) -> None:
        """Every anchor a timeline rule cites is in data/framework.json."""
        anchors = framework()["anchors"]
        missing = sorted({source.anchor for source in ALL_SOURCES} - set(anchors))
        assert missing == []

    @pytest.mark.parametrize("source", ALL_SOURCES, ids=lambda source: source.anchor)
    def test_words_are_at_their_anchor(self, source: Source) -> None:
        """The words a rule quotes are, word for word, in the framework text at its anchor."""
        text = framework()["anchors"][source.anchor]["text"]
        assert normalise(source.words) in normalise(text)

    @pytest.mark.parametrize("source", ALL_SOURCES, ids=lambda source: source.anchor)
    def test_words_are_in_the_source_text(self, source: Source) -> None:
        """The words a rule quotes are in the GOV.UK text the site reproduces."""
        body = " ".join(normalise(sentence) for sentence in sentences())
        assert normalise(source.words) in body

    def test_every_kind_has_rules(self) -> None:
        """Every kind of timeline offered dates at least one framework rule."""
        assert set(KINDS) == set(KIND_RULES)
        assert all(KIND_RULES[kind] for kind in KINDS)

    def test_rule_module_lists_no_orphans(self) -> None:
        """Every rule defined in the rules module belongs to some kind of timeline."""
        defined = {
            rule
            for value in vars(rules).values()
            for rule in (value if isinstance(value, tuple) else (value,))
            if isinstance(rule, Rule)
        }
        assert defined <= set(ALL_RULES)


class TestEveryTimeLimitHasARule:
    def test_time_sentences_are_found(self) -> None:
        """The scan finds the framework's time limits (a sanity check on the scanner itself)."""
        found = time_sentences()
        assert len(found) > 60
        assert any("within 18 working days" in sentence for sentence in found)
        assert any("at least every 6 months" in sentence for sentence in found)

    def test_each_time_sentence_is_dated_or_reviewed(self) -> None:
        """Every framework sentence with a time limit is quoted by a rule, or is on the reviewed list."""
        uncovered = [
            sentence
            for sentence in time_sentences()
            if not _sources_quoting(sentence)
            and sentence not in TABLE_HEADINGS
            and not any(fragment in sentence for fragment in NOT_TIMELINES)
        ]
        assert uncovered == []

    def test_each_quoted_sentence_maps_back_to_its_anchor(self) -> None:
        """For each time sentence a rule quotes, the rule's anchor holds that sentence in framework.json."""
        anchors = framework()["anchors"]
        wrong = []
        for sentence in time_sentences():
            for source in _sources_quoting(sentence):
                anchor_text = f" {normalise(anchors[source.anchor]['text'])} "
                words = f" {normalise(source.words)} "
                if words not in anchor_text:
                    wrong.append((sentence, source.anchor))
        assert wrong == []

    @pytest.mark.parametrize("fragment", sorted(NOT_TIMELINES))
    def test_reviewed_fragment_finds_one_uncovered_sentence(self, fragment: str) -> None:
        """Each reviewed fragment matches exactly one time sentence, and no rule quotes that sentence."""
        matches = [sentence for sentence in time_sentences() if fragment in sentence]
        assert len(matches) == 1
        assert _sources_quoting(matches[0]) == []

    def test_table_headings_are_only_headings(self) -> None:
        """The day tables' headings are the only short time sentences let through."""
        for heading in TABLE_HEADINGS:
            assert heading in time_sentences()
            assert re.fullmatch(r"[A-Z][a-z]+", heading)
