"""Which dates are the provider's own: decided once (model.is_the_providers), led with everywhere."""

from __future__ import annotations

from sccif_core.timelines import compute
from sccif_core.timelines.kinds import KIND_RULES
from sccif_core.timelines.model import is_the_providers
from sccif_core.timelines.results import answer_milestones, timeline_dict


class TestIsTheProviders:
    def test_the_providers_own_steps_and_what_reaches_it(self) -> None:
        """Every rule the provider acts on is its own; of Ofsted's, only those that reach the provider."""
        for kind, rules in KIND_RULES.items():
            for rule in rules:
                assert is_the_providers(rule) == (rule.actor == "provider" or rule.reaches_provider), (
                    kind,
                    rule.key,
                )
                if rule.reaches_provider:
                    assert rule.actor != "provider", (kind, rule.key)

    def test_internal_steps_are_not_the_providers(self) -> None:
        """Inspectors' preparation, report writing and quality assurance are never the provider's dates."""
        rules = {rule.key: rule for rule in KIND_RULES["full"]}
        for key in (
            "preparation",
            "report_writing",
            "report_finalised",
            "quality_assurance",
            "handwritten_evidence",
        ):
            assert not is_the_providers(rules[key]), key
        for key in ("draft_report", "provider_comments", "final_report", "publication"):
            assert is_the_providers(rules[key]), key


class TestAnswer:
    def test_full_inspection_worked_example(self) -> None:
        """Full inspection ended Thursday 19 November 2026: the page leads with six dates, in order."""
        timeline = compute("full", {"end": "19/11/2026"})
        assert [(m.key, m.date) for m in answer_milestones(timeline)] == [
            # "contact Ofsted on the working day after the end of the inspection"
            # (#end-of-the-inspection-and-feedback-10): Friday 20 November 2026
            ("contact_ofsted", "2026-11-20"),
            # "Draft report sent to the registered provider within 18 working days" (#timeframe-1-8)
            ("draft_report", "2026-12-15"),
            # "Provider returns the report with comments ... within 5 working days" (#timeframe-1-9)
            ("provider_comments", "2026-12-22"),
            # "Final report sent ... within 30 working days" (#timeframe-1-10), past Christmas
            ("final_report", "2027-01-05"),
            # "lodge a formal complaint when it receives the final report" (#complaints-1)
            ("complaint_final_report", "2027-01-05"),
            # "published on the Ofsted reports website 5 days after it is sent" (#timeframe-1-11)
            ("publication", "2027-01-12"),
        ]
        assert timeline_dict(timeline)["answer"] == [m.key for m in answer_milestones(timeline)]

    def test_a_timeline_with_nothing_for_the_provider_leads_with_every_date(self) -> None:
        """The inspection year is all Ofsted's: every date is the answer, none is hidden."""
        timeline = compute("inspection-year", {"date": "01/06/2026"})
        assert not any(m.yours for m in timeline.milestones)
        assert answer_milestones(timeline) == timeline.milestones
