"""Each public page answers its question in its first paragraph, as a parent reads it on a phone."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

OFSTED_COMPLAINTS = "https://www.gov.uk/government/organisations/ofsted/about/complaints-procedure"

# page: words the first paragraph under the title must contain, each resting on the framework or GOV.UK.
ANSWERS = {
    # "We inspect all secure children's homes at least twice in the year-long cycle from 1 April to
    # 31 March." (frequency-of-inspections-2)
    # "All inspections of secure children's homes are unannounced." (notice-of-inspection-1)
    "public/how-often.md": (
        "at least twice a year",
        "never announced",
        "inspections-notice-scheduling/#frequency-of-inspections-2",
        "inspections-notice-scheduling/#notice-of-inspection-1",
    ),
    # "We always return to carry out some inspection activity within 6 to 8 weeks to ensure that
    # children are safe." (subsequent-inspection-activity-1)
    "public/inadequate.md": (
        "within 6 to 8 weeks",
        "inadequate-next-steps/#subsequent-inspection-activity-1",
    ),
    # "Published inspection reports do not contain any information that identifies an individual
    # child or staff member at the home." (childrens-homes-reports-3)
    "public/reading-a-report.md": (
        "does not name any child or member of staff",
        "report/#childrens-homes-reports-3",
    ),
    # "The reports are only searchable by the provider's URN, by local authority area or by region
    # ... The reports are not searchable by postcode." (childrens-homes-reports-9)
    "public/find-reports.md": (
        "reports.ofsted.gov.uk",
        "cannot search by postcode",
        "report/#childrens-homes-reports-9",
    ),
    # "We will normally send the final report to the provider within 30 working days of the end of
    # the inspection ... The report will be published on our website 5 working days later"
    # (post-inspection-and-complaints-procedure-1-7)
    "public/after-an-inspection.md": (
        "within 30 working days",
        "5 working days later",
        "annex/#post-inspection-and-complaints-procedure-1-7",
    ),
    # "the 4-point scale (outstanding, good, requires improvement to be good and inadequate)"
    # (judgement-structure-2)
    "public/grades.md": ("outstanding, good, requires improvement to be good, or inadequate",),
    # GOV.UK, Ofsted's complaints procedure: "If a child is in immediate danger, call 999."
    "public/raise-a-concern.md": ("call 999", "the child's social worker", "tell Ofsted"),
}


def built_page(site_dir: Path, md_path: str) -> Path:
    return site_dir / md_path.removesuffix(".md") / "index.html"


def first_paragraph(html: str) -> str:
    """The HTML of the first paragraph after the page title."""
    after_title = html[html.index("</h1>") :]
    match = re.search(r"<p>(.*?)</p>", after_title, re.S)
    assert match, "no paragraph after the title"
    return match.group(1)


def _text(fragment: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.parametrize("page", sorted(ANSWERS))
def test_the_first_paragraph_answers_the_question(site_dir: Path, page: str) -> None:
    """The answer, and the link to the paragraph it rests on, are in the first paragraph."""
    first = first_paragraph(built_page(site_dir, page).read_text(encoding="utf-8"))
    for needed in ANSWERS[page]:
        assert needed in first or needed in _text(first), (
            f"{page}: {needed!r} is not in the first paragraph: {_text(first)}"
        )


def test_raise_a_concern_names_each_contact_and_ofsteds_published_route(site_dir: Path) -> None:
    """The home, the social worker or placing authority, the LADO and Ofsted, with 999 and GOV.UK's route."""
    html = built_page(site_dir, "public/raise-a-concern.md").read_text(encoding="utf-8")
    headings = [_text(h) for h in re.findall(r"<h3[^>]*>(.*?)</h3>", html, re.S)]
    assert [h.rstrip("¶ ") for h in headings] == [
        "1. The home",
        "2. The child's social worker or placing authority",
        "3. The local authority designated officer (LADO)",
        "4. Ofsted",
    ]
    assert f'href="{OFSTED_COMPLAINTS}"' in html
    # "If the concerns relate to allegations against staff, they are referred to the designated officer."
    assert "framework/safeguarding/#safeguarding-and-child-protection-concerns-4" in html
    # Kept apart from complaints about an inspection, which link to the provider's route.
    assert "after-an-inspection/#complaints-about-an-inspection" in html


def test_the_inadequate_page_covers_monitoring_notices_and_both_endings(site_dir: Path) -> None:
    """Monitoring visits, requirements, compliance notices, improvement and closure, each linked."""
    html = built_page(site_dir, "public/inadequate.md").read_text(encoding="utf-8")
    for anchor in (
        # "The monitoring visit should:"
        "monitoring-visits/#monitoring-visits-for-inadequate-provision-4",
        # "... and a date by which they should achieve this."
        "requirements-and-recommendations/#requirements-3",
        # "A compliance notice sets out the actions a provider must take by a certain date ..."
        "monitoring-visits/#monitoring-compliance-notices-1",
        # "... the inspectors may determine that an improved inspection judgement can be awarded."
        "inadequate-next-steps/#subsequent-inspection-activity-8",
        # "carry out further monitoring and take steps towards cancellation"
        "inadequate-next-steps/#subsequent-inspection-activity-16",
    ):
        assert anchor in html, anchor
