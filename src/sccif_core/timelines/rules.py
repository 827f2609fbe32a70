"""Every time limit in the framework, as data: one tuple of rules per kind of timeline.

Each rule quotes the framework word for word (``Source.words``) and names the anchor of
the paragraph or table row the words are in. Tests check the words are at that anchor
in ``data/framework.json``, and that every sentence of the framework with a time limit
in it is quoted by some rule here (or is on a reviewed list of sentences that are not
time limits).

Day tables: the framework's "Timeframe" (full inspection) and "Timeline" (assurance
inspection) number working days. The last day on site (day 4, or day 2 for an assurance
inspection) is the anchor, so the row for day D is ``D - 4`` (or ``D - 2``) working days
from it. Days before the anchor are counted back from it.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Law, Offset, Rule, Source, Undated


def wd(n: int) -> Offset:
    return Offset(n, "working_days")


def days(n: int) -> Offset:
    return Offset(n, "calendar_days")


def weeks(n: int) -> Offset:
    return Offset(n, "weeks")


def months(n: int) -> Offset:
    return Offset(n, "months")


def years(n: int) -> Offset:
    return Offset(n, "years")


# --- sources used by more than one timeline ---

DAY_OF_FEEDBACK = Source(
    "end-of-the-inspection-and-feedback-3",
    "The day of feedback is counted as the last day of the inspection.",
)
CONTACT_FEEDBACK = Source(
    "end-of-the-inspection-and-feedback-10",
    "ensure that the provider has the opportunity to raise any issues or concerns, or to seek "
    "clarification about the inspection, and can contact Ofsted on the working day after the end "
    "of the inspection, if necessary",
)
CONTACT_CONCERNS = Source(
    "concerns-3",
    "If an issue remains unresolved, the provider can contact Ofsted on the working day after the "
    "end of the inspection.",
)
HANDWRITTEN_SCAN = Source(
    "how-inspectors-record-the-evidence-8",
    "Handwritten evidence that has not been summarised forms part of the inspection evidence base "
    "and should therefore be scanned and added into the inspection database within 5 working days "
    "of the end of the on-site visit.",
)
HANDWRITTEN_KEEP = Source(
    "how-inspectors-record-the-evidence-7",
    "After the summarised evidence has been placed in the inspection database, inspectors should "
    "not destroy any duplicate handwritten evidence until after the inspection report is published.",
)
REPORT_DRAFT = Source(
    "quality-assurance-and-publishing-3",
    "We will send the draft inspection report to the provider within 18 working days of the end of "
    "the inspection.",
)
REPORT_COMMENTS = Source(
    "quality-assurance-and-publishing-4",
    "The provider will have 5 working days to comment on the draft report, process and findings.",
)
REPORT_FINAL = Source(
    "quality-assurance-and-publishing-5",
    "This will be within a maximum of 30 working days after the inspection.",
)
ANNEX_PUBLICATION = Source(
    "post-inspection-and-complaints-procedure-1-7",
    "The report will be published on our website 5 working days later",
)
ON_SITE_FULL = (
    Source("full-inspections-1", "Inspectors will normally be on site for up to 3 days."),
    Source(
        "length-of-inspection-1",
        "For a full inspection, inspectors usually spend a maximum of 3 days on site.",
    ),
)
CASE_REVIEW_TIMING = (
    "The timing of the case review should be proportionate to the risk and certainly no later "
    "than 5 working days following the inspection."
)
SIXTEEN_WEEKS = Source(
    "subsequent-inspection-activity-17",
    "schedule a full inspection (usually within 16 weeks from the original inspection)",
)
SIXTEEN_WEEKS_MONITORING = Source(
    "monitoring-visits-for-inadequate-provision-12",
    "schedule a full inspection (usually within 16 weeks of the original inspection)",
)

COUNTED_BACK = (
    "Counted back from the last day on site, as in the framework's table, which assumes the "
    "usual 3 days on site. A shorter visit started later."
)
FIVE_DAYS_ARE_WORKING_DAYS = (
    'The table says "5 days". Its day numbers (34 to 39) and the annex ("5 working days '
    'later") show these are working days.'
)
LONGER_IF_COMPLAINT = "Longer if there has been a complaint."
ACTUAL_DRAFT = (
    "Counted from the date the draft report was actually sent, if you gave it; otherwise from "
    "the latest date it is due."
)
ACTUAL_FINAL = (
    "Counted from the date the final report was actually sent, if you gave it; otherwise from "
    "the latest date it is due."
)

FEEDBACK_EXTRA_TIME = Source(
    "end-of-the-inspection-and-feedback-3",
    "In some circumstances, the inspectors may need extra time after the inspection fieldwork to take "
    "advice before giving feedback. The day of feedback is counted as the last day of the inspection.",
)
FEEDBACK_DAY = Rule(
    "feedback_day",
    "Feedback: the last day of the inspection",
    "end",
    days(0),
    "on",
    FEEDBACK_EXTRA_TIME,
    note="Feedback was given after the last day on site. Every deadline counts from this day.",
    reading="feedback-day",
    actor="inspectors",
)
REQUIREMENT_AT_FEEDBACK = Rule(
    "requirement_deadline_at_feedback",
    "At feedback: any requirement due before the report, with its deadline",
    "end",
    days(0),
    "on",
    Source(
        "requirements-6",
        "Inspectors can impose a requirement with a date that is likely to be before the registered "
        "person will receive their inspection report. Here, the inspectors must be clear at the "
        "inspection feedback what the requirement and its deadline is.",
    ),
    note="The provider must then meet that deadline, even though the report has not arrived.",
    actor="inspectors",
)
REVISED_JUDGEMENTS = Rule(
    "revised_judgements",
    "If a judgement changes after feedback: the provider is told why, before the draft report",
    "draft_report",
    days(0),
    "by",
    Source(
        "quality-assurance-and-publishing-2",
        "On these rare occasions, the inspector must inform the provider of the revised judgements and "
        "provide reasons for the changes before the provider receives the draft report.",
    ),
    counted="before the provider receives the draft report",
    note="Only when a judgement changes from the one given at feedback, which is rare.",
    actor="inspectors",
)
COMPLAINT_FINAL = Rule(
    "complaint_final_report",
    "The provider may lodge a formal complaint when it receives the final report",
    "final_report",
    days(0),
    "from",
    Source(
        "complaints-1",
        "If it is not possible to resolve concerns during the inspection, shortly after the inspection "
        "or through submitting comments in response to the draft report, the provider may wish to lodge "
        "a formal complaint when it receives the final report.",
    ),
    note="From the day the final report is received (the date you gave, or the latest date it is "
    "due). The 5 working days after the draft are for comments, or a complaint at draft stage. The "
    "framework gives no closing date for a complaint about the final report.",
    reading="complaint-final-report",
    actor="provider",
)

# --- full inspection: the "Timeframe" table, days 1 to 39, anchored on day 4 ---

FULL: tuple[Rule, ...] = (
    Rule(
        "preparation",
        "Preparation (inspectors)",
        "on_site",
        wd(-3),
        "on",
        Source("timeframe-1-1", "Preparation"),
        qualifier="usually",
        day=1,
        also=(
            Source(
                "analysis-and-planning-1",
                "Inspectors are allocated one day to prepare for a full inspection.",
            ),
        ),
        note=COUNTED_BACK,
        actor="inspectors",
    ),
    Rule(
        "site_visit_day_2",
        "Site visit: first day on site",
        "on_site",
        wd(-2),
        "on",
        Source("timeframe-1-2", "Site visit"),
        qualifier="usually",
        day=2,
        also=(
            *ON_SITE_FULL,
            Source(
                "discussions-with-managers-and-staff-26",
                "The lead inspector usually meets with the registered person at the end of day 1 to "
                "share emerging findings.",
            ),
        ),
        note=COUNTED_BACK,
        actor="inspectors",
    ),
    Rule(
        "site_visit_day_3",
        "Site visit: second day on site",
        "on_site",
        wd(-1),
        "on",
        Source("timeframe-1-3", "Site visit"),
        qualifier="usually",
        day=3,
        also=(
            Source(
                "end-of-the-inspection-and-feedback-1",
                "Evidence gathering usually ends on day 2 of the on-site inspection.",
            ),
        ),
        note=COUNTED_BACK,
        actor="inspectors",
    ),
    Rule(
        "site_visit_day_4",
        "Site visit: last day on site",
        "on_site",
        wd(0),
        "on",
        Source("timeframe-1-4", "Site visit"),
        day=4,
        also=(
            DAY_OF_FEEDBACK,
            Source(
                "end-of-the-inspection-and-feedback-1",
                "On day 3, an inspector team meeting is held on site to discuss and agree the "
                "inspection outcomes and judgements.",
            ),
        ),
        note="The date you gave. If feedback is given on a later day, that day is the end of the "
        "inspection and every deadline counts from it.",
        reading="feedback-day",
        actor="inspectors",
    ),
    FEEDBACK_DAY,
    REQUIREMENT_AT_FEEDBACK,
    Rule(
        "contact_ofsted",
        "The provider can contact Ofsted if an issue is unresolved",
        "end",
        wd(1),
        "on",
        CONTACT_FEEDBACK,
        also=(CONTACT_CONCERNS,),
        actor="provider",
    ),
    Rule(
        "report_writing",
        "Report writing (lead inspector, CQC and FE and skills HMI)",
        "end",
        wd(1),
        "on",
        Source(
            "timeframe-1-5",
            "Lead inspector, the CQC and further education and skills HMI – report writing",
        ),
        day=5,
        actor="inspectors",
    ),
    Rule(
        "report_finalised",
        "Lead inspector collates and finalises the report",
        "end",
        wd(2),
        "on",
        Source("timeframe-1-6", "Lead inspector collates and finalises the report"),
        day=6,
        actor="inspectors",
    ),
    Rule(
        "quality_assurance",
        "Evidence and report submitted for quality assurance",
        "end",
        wd(3),
        "window",
        Source("timeframe-1-7", "Inspection evidence and report submitted for quality assurance"),
        until=wd(6),
        day=7,
        day_to=10,
        actor="inspectors",
    ),
    Rule(
        "handwritten_evidence",
        "Inspectors scan in handwritten evidence not summarised",
        "end",
        wd(5),
        "by",
        HANDWRITTEN_SCAN,
        actor="inspectors",
    ),
    Rule(
        "draft_report",
        "Draft report sent to the provider",
        "end",
        wd(18),
        "by",
        Source(
            "timeframe-1-8",
            "Draft report sent to the registered provider within 18 working days from the end of "
            "the inspection.",
        ),
        day=22,
        also=(REPORT_DRAFT,),
        actor="ofsted",
        reaches_provider=True,
    ),
    REVISED_JUDGEMENTS,
    Rule(
        "provider_comments",
        "Provider returns comments on the draft, or a complaint at draft stage",
        "draft_report",
        wd(5),
        "by",
        Source(
            "timeframe-1-9",
            "Provider returns the report with comments or submits a formal complaint within 5 working days",
        ),
        day=27,
        also=(
            Source(
                "timeframe-1-8",
                "The provider then has up to 5 working days to send in comments on the draft "
                "report or submit a formal complaint",
            ),
            REPORT_COMMENTS,
        ),
        note=ACTUAL_DRAFT,
        actor="provider",
    ),
    Rule(
        "final_report",
        "Final report sent to the provider",
        "end",
        wd(30),
        "by",
        Source(
            "timeframe-1-10",
            "Final report sent to the registered provider within 30 working days of the end of "
            "the inspection (longer if there has been a complaint)",
        ),
        day=34,
        also=(REPORT_FINAL,),
        note=LONGER_IF_COMPLAINT,
        actor="ofsted",
        reaches_provider=True,
    ),
    COMPLAINT_FINAL,
    Rule(
        "publication",
        "Report published on the Ofsted reports website",
        "final_report",
        wd(5),
        "on",
        Source(
            "timeframe-1-11",
            "The final report will be published on the Ofsted reports website 5 days after it is "
            "sent to the provider",
        ),
        day=39,
        also=(ANNEX_PUBLICATION,),
        note=f"{FIVE_DAYS_ARE_WORKING_DAYS} {ACTUAL_FINAL}",
        actor="ofsted",
        reaches_provider=True,
    ),
    Rule(
        "handwritten_notes_kept",
        "Inspectors may destroy duplicate handwritten evidence",
        "publication",
        days(1),
        "from",
        HANDWRITTEN_KEEP,
        note="From the day after publication. Some notes are kept longer, for example when legal "
        "action or a complaint about the judgement is being considered.",
        actor="inspectors",
    ),
)

# --- assurance inspection: the "Timeline" table, days 1 to 37, anchored on day 2 ---

ASSURANCE_USUAL = Source(
    "assurance-timeline-1",
    "The usual timeframe for assurance inspections in working days is:",
)

ASSURANCE: tuple[Rule, ...] = (
    Rule(
        "preparation",
        "Preparation (lead inspector)",
        "on_site",
        wd(-1),
        "on",
        Source("assurance-timeline-2-1", "Preparation"),
        qualifier="usually",
        day=1,
        also=(
            Source(
                "analysis-and-planning-1",
                "Lead inspectors are allocated half a day to prepare for an assurance inspection.",
            ),
        ),
        note="The working day before the site visit, as in the framework's table.",
        actor="inspectors",
    ),
    Rule(
        "site_visit",
        "Site visit",
        "on_site",
        wd(0),
        "on",
        Source("assurance-timeline-2-2", "Site visit"),
        day=2,
        also=(
            Source("types-assurance-inspections-5", "Inspectors will normally be on site for one day."),
            Source(
                "length-of-inspection-2",
                "For assurance inspections, 2 social care inspectors are usually on site for a "
                "maximum of 1 day.",
            ),
        ),
        note="The date you gave. If feedback is given on a later day, that day is the end of the "
        "inspection and every deadline counts from it.",
        reading="feedback-day",
        actor="inspectors",
    ),
    replace(FEEDBACK_DAY, after="visit"),
    replace(REQUIREMENT_AT_FEEDBACK, after="visit"),
    Rule(
        "drafting_report",
        "Drafting the report",
        "visit",
        wd(1),
        "on",
        Source("assurance-timeline-2-3", "Drafting report"),
        qualifier="usually",
        day=3,
        actor="inspectors",
    ),
    Rule(
        "quality_assurance",
        "Evidence and report submitted for quality assurance",
        "visit",
        wd(2),
        "window",
        Source(
            "assurance-timeline-2-4",
            "Inspection evidence and report submitted for quality assurance",
        ),
        until=wd(5),
        qualifier="usually",
        day=4,
        day_to=7,
        actor="inspectors",
    ),
    Rule(
        "contact_ofsted",
        "The provider can contact Ofsted if an issue is unresolved",
        "visit",
        wd(1),
        "on",
        CONTACT_CONCERNS,
        actor="provider",
    ),
    Rule(
        "handwritten_evidence",
        "Inspectors scan in handwritten evidence not summarised",
        "visit",
        wd(5),
        "by",
        HANDWRITTEN_SCAN,
        actor="inspectors",
    ),
    Rule(
        "draft_report",
        "Draft report sent to the provider",
        "visit",
        wd(18),
        "by",
        Source(
            "assurance-timeline-2-5",
            "Draft report sent to the registered provider within 18 working days from the end of "
            "the inspection.",
        ),
        qualifier="usually",
        day=20,
        also=(ASSURANCE_USUAL,),
        actor="ofsted",
        reaches_provider=True,
    ),
    Rule(
        "provider_comments",
        "Provider returns comments on the draft, or a complaint at draft stage",
        "draft_report",
        wd(5),
        "by",
        Source(
            "assurance-timeline-2-6",
            "Provider returns the report with comments or submits a formal complaint within 5 working days",
        ),
        qualifier="usually",
        day=25,
        also=(
            Source(
                "assurance-timeline-2-5",
                "The provider then has up to 5 working days to send in comments on the draft report "
                "or submit a formal complaint",
            ),
        ),
        note=ACTUAL_DRAFT,
        actor="provider",
    ),
    Rule(
        "final_report",
        "Final report sent to the provider",
        "visit",
        wd(30),
        "by",
        Source(
            "assurance-timeline-2-7",
            "Final report sent to the registered provider within 30 working days of the end of "
            "the visit (longer if there has been a complaint)",
        ),
        qualifier="usually",
        day=32,
        note=LONGER_IF_COMPLAINT,
        actor="ofsted",
        reaches_provider=True,
    ),
    COMPLAINT_FINAL,
    Rule(
        "publication",
        "Report published on the Ofsted reports website",
        "final_report",
        wd(5),
        "on",
        Source(
            "assurance-timeline-2-8",
            "The final report will be published on the Ofsted reports site 5 days after it is "
            "sent to the provider",
        ),
        qualifier="usually",
        day=37,
        note='The table says "5 days". Its day numbers (32 to 37) and the annex ("5 working '
        f'days later") show these are working days. {ACTUAL_FINAL}',
        actor="ofsted",
        reaches_provider=True,
    ),
    Rule(
        "handwritten_notes_kept",
        "Inspectors may destroy duplicate handwritten evidence",
        "publication",
        days(1),
        "from",
        HANDWRITTEN_KEEP,
        note="From the day after publication. Some notes are kept longer, for example when legal "
        "action or a complaint about the judgement is being considered.",
        actor="inspectors",
    ),
)

# --- the annex: Ofsted's post-inspection and complaints procedure ---

COMPLAINTS: tuple[Rule, ...] = (
    Rule(
        "contact_ofsted",
        "Step 2: the provider can ring Ofsted if an issue is unresolved",
        "end",
        wd(1),
        "by",
        Source(
            "post-inspection-and-complaints-procedure-1-2",
            "If an issue remains unresolved, the provider can ring Ofsted during the inspection "
            "or on the working day after",
        ),
        also=(CONTACT_CONCERNS,),
        actor="provider",
    ),
    Rule(
        "draft_report",
        "Step 3: draft report sent to the provider",
        "end",
        wd(18),
        "by",
        Source(
            "post-inspection-and-complaints-procedure-1-3",
            "We will normally send a draft report to the provider within 18 working days of the "
            "end of the inspection",
        ),
        qualifier="normally",
        also=(REPORT_DRAFT,),
        actor="ofsted",
        reaches_provider=True,
    ),
    Rule(
        "provider_comments",
        "Step 4: the provider raises minor points or a formal complaint",
        "draft_report",
        wd(5),
        "by",
        Source(
            "post-inspection-and-complaints-procedure-1-4",
            "Within 5 working days of us sending a draft report, the provider can raise minor "
            "points about the report or submit a formal complaint",
        ),
        also=(REPORT_COMMENTS,),
        note=ACTUAL_DRAFT,
        actor="provider",
    ),
    Rule(
        "final_report",
        "Step 6: final report sent to the provider",
        "end",
        wd(30),
        "by",
        Source(
            "post-inspection-and-complaints-procedure-1-7",
            "We will normally send the final report to the provider within 30 working days of "
            "the end of the inspection (longer if there has been a complaint).",
        ),
        qualifier="normally",
        also=(REPORT_FINAL,),
        note=LONGER_IF_COMPLAINT,
        actor="ofsted",
        reaches_provider=True,
    ),
    COMPLAINT_FINAL,
    Rule(
        "publication",
        "Step 6: report published on Ofsted's website",
        "final_report",
        wd(5),
        "on",
        ANNEX_PUBLICATION,
        note=ACTUAL_FINAL,
        actor="ofsted",
        reaches_provider=True,
    ),
)

COMPLAINTS_UNDATED: tuple[Undated, ...] = (
    Undated(
        "Step 1: raise concerns during the inspection with the lead inspector",
        Source(
            "post-inspection-and-complaints-procedure-1-1",
            "The provider should raise any concerns during an inspection with the lead inspector "
            "in the first instance",
        ),
    ),
    Undated(
        "Step 5a: minor points considered quickly",
        Source(
            "post-inspection-and-complaints-procedure-1-5",
            "We will consider minor points of clarity or factual accuracy quickly so that the "
            "report can be published promptly",
        ),
    ),
    Undated(
        "Step 5b: any formal complaint answered before the final report",
        Source(
            "post-inspection-and-complaints-procedure-1-6",
            "We will respond to any formal complaint before we finalise and send the report to the provider",
        ),
    ),
)

# --- a monitoring visit's report: "the same process and timescales" ---

SAME_TIMESCALES = Source(
    "review-of-monitoring-report-2",
    "The draft monitoring report is then shared with the provider and finalised using the same "
    "process and timescales as a standard inspection report",
)

MONITORING: tuple[Rule, ...] = (
    Rule(
        "draft_report",
        "Draft monitoring report sent to the provider",
        "end",
        wd(18),
        "by",
        REPORT_DRAFT,
        also=(SAME_TIMESCALES,),
        actor="ofsted",
        reaches_provider=True,
    ),
    Rule(
        "provider_comments",
        "Provider comments on the draft monitoring report",
        "draft_report",
        wd(5),
        "by",
        REPORT_COMMENTS,
        also=(SAME_TIMESCALES,),
        note=ACTUAL_DRAFT,
        actor="provider",
    ),
    Rule(
        "final_report",
        "Final monitoring report sent to the provider",
        "end",
        wd(30),
        "by",
        REPORT_FINAL,
        also=(SAME_TIMESCALES,),
        actor="ofsted",
        reaches_provider=True,
    ),
    Rule(
        "publication",
        "Monitoring report published",
        "final_report",
        wd(5),
        "on",
        ANNEX_PUBLICATION,
        also=(SAME_TIMESCALES,),
        note="Regional directors can decide not to publish monitoring reports in exceptional "
        f"circumstances. {ACTUAL_FINAL}",
        actor="ofsted",
        reaches_provider=True,
    ),
)

MONITORING_UNDATED: tuple[Undated, ...] = (
    Undated(
        "The inspector's manager reviews the report and evidence before the draft is sent",
        Source(
            "review-of-monitoring-report-1",
            "The monitoring visit report and evidence base will be reviewed by the inspector's "
            "manager before the draft report is sent to the provider for comment.",
        ),
    ),
)

# --- after an overall inadequate judgement at a full inspection ---

INADEQUATE: tuple[Rule, ...] = (
    Rule(
        "case_review",
        "Case review",
        "end",
        wd(5),
        "by",
        Source("post-inspection-debrief-and-case-reviews-1", CASE_REVIEW_TIMING),
        actor="ofsted",
    ),
    Rule(
        "return_visit",
        "Ofsted returns, at the latest: a monitoring visit or a full inspection",
        "end",
        weeks(8),
        "by",
        Source(
            "subsequent-inspection-activity-1",
            "We always return to carry out some inspection activity within 6 to 8 weeks to "
            "ensure that children are safe.",
        ),
        also=(Source("subsequent-inspection-activity-3", "An inspection visit takes place sooner if:"),),
        note='"Within 6 to 8 weeks" is read as a latest date: no later than 8 weeks after the last '
        "day of the inspection. Ofsted may come at any time before it, and sooner if further "
        "significant concerns arise or statutory requirements are needed.",
        reading="within-6-to-8-weeks",
        actor="ofsted",
        reaches_provider=True,
    ),
    Rule(
        "full_reinspection",
        "Full reinspection, if scheduled",
        "end",
        weeks(16),
        "by",
        SIXTEEN_WEEKS,
        qualifier="usually",
        also=(SIXTEEN_WEEKS_MONITORING,),
        note="One possible outcome after a monitoring visit, counted from the last day of the "
        "original inspection.",
        reading="sixteen-weeks",
        actor="ofsted",
        reaches_provider=True,
    ),
)

INADEQUATE_UNDATED: tuple[Undated, ...] = (
    Undated(
        "Post-inspection debrief, as soon as possible",
        Source(
            "post-inspection-debrief-and-case-reviews-1",
            "this leads to a post-inspection debrief as soon as possible, and then a case review",
        ),
    ),
    Undated(
        "Email to the YCS and directors of children's services, after the case review",
        Source(
            "feedback-to-local-authorities-2",
            "The lead inspector sends an email to the YCS where it commissions places at the home, "
            "and to directors of children's services in the relevant local authorities after the "
            "case review when we have decided what further action to take.",
        ),
    ),
)

# --- serious or widespread concerns at an assurance inspection ---

SERIOUS: tuple[Rule, ...] = (
    Rule(
        "case_review",
        "Case review",
        "visit",
        wd(5),
        "by",
        Source("serious-and-widespread-concerns-next-steps-1", CASE_REVIEW_TIMING),
        also=(
            Source(
                "post-inspection-debrief-and-case-reviews-2",
                "If an assurance inspection identifies that the home has serious or widespread "
                "concerns, this also leads to a post-inspection debrief and then a case review on the "
                "same timescales, and the DfE being informed.",
            ),
        ),
        actor="ofsted",
    ),
    Rule(
        "dcs_ycs_email",
        "Email to directors of children's services and the YCS",
        "visit",
        wd(1),
        "by",
        Source(
            "serious-and-widespread-concerns-next-steps-2",
            "The inspector sends an email to the directors of children's services in the relevant "
            "local authorities and the YCS where a child is placed by them, by the end of the next "
            "working day following the visit.",
        ),
        note="By the end of that working day.",
        actor="inspectors",
    ),
    Rule(
        "return_visit",
        "If concerns are serious, Ofsted is likely to return by: a monitoring visit or a full inspection",
        "visit",
        weeks(8),
        "by",
        Source(
            "serious-and-widespread-concerns-next-steps-6",
            "If concerns are serious, we are likely to return to carry out a monitoring visit or "
            "a full inspection within 6 to 8 weeks to check that the manager and responsible "
            "person have taken sufficient steps to safeguard the welfare of children.",
        ),
        qualifier="likely",
        note='"Within 6 to 8 weeks" is read as a latest date: no later than 8 weeks after the site '
        "visit. Ofsted may come at any time before it.",
        reading="within-6-to-8-weeks",
        actor="ofsted",
        reaches_provider=True,
    ),
)

SERIOUS_UNDATED: tuple[Undated, ...] = (
    Undated(
        "Post-visit debrief between the inspector and the RIM, as soon as possible",
        Source(
            "serious-and-widespread-concerns-next-steps-1",
            "Any serious or widespread concerns will lead to a post-visit debrief between the "
            "inspector and the RIM as soon as possible, and then a case review.",
        ),
    ),
)

# --- compliance notices: a monitoring visit within 5 working days of each notice's date ---

COMPLIANCE_VISIT = Rule(
    "compliance_visit",
    "Monitoring visit to check the notice",
    "notice",
    days(1),
    "window",
    Source(
        "monitoring-compliance-notices-2",
        "This will be within 5 working days of the date set in the notice for compliance with the "
        "requirement.",
    ),
    until=wd(5),
    also=(
        Source(
            "monitoring-compliance-notices-3",
            "These visits can be combined if the dates are close together and if we do not exceed "
            "5 working days from the date of any notice.",
        ),
        Source(
            "monitoring-compliance-notices-7",
            "check that the requirements for any compliance notices of which the completion "
            "timescales have passed have been met",
        ),
        Source(
            "monitoring-visits-for-inadequate-provision-1",
            "Timing and frequency are determined by any dates included in compliance notices and "
            "the nature of the concerns.",
        ),
    ),
    note="The visit checks a notice whose date has passed, so it falls after the date set in the "
    "notice, and no later than the 5th working day after it.",
    actor="ofsted",
    reaches_provider=True,
)

# --- regulation 44: monthly visits, and the report before the end of the next month ---

REG44_MONTHLY = Source(
    "reports-under-regulations-44-and-45-1",
    "Regulation 44 requires that an independent person visits the secure children's home at "
    "least once a month and that this visit may be unannounced.",
)
REG44_VISIT = Rule(
    "reg44_visit",
    "Independent person's visit this month",
    "month",
    months(0),
    "by",
    REG44_MONTHLY,
    snap="month_end",
    also=(Source("analysis-and-planning-8", "reports of monthly visits received under regulation 44"),),
    note="Read as at least one visit in each calendar month.",
    actor="provider",
)
REG44_REPORT = Rule(
    "reg44_report",
    "Regulation 44 report reaches Ofsted",
    "visit",
    months(1),
    "by",
    Source(
        "reports-under-regulations-44-and-45-1",
        "We therefore require that the independent person or provider sends the report for HMCI "
        "to us before the end of the month that follows the month in which the visit took place.",
    ),
    snap="month_end",
    also=(
        Source(
            "reports-under-regulations-44-and-45-1",
            "This requirement still applies when there are no children living in the home.",
        ),
    ),
    note='"Before the end of the month" is read as on or before its last day.',
    actor="provider",
)

# --- regulation 45: a review report at least every 6 months ---

REG45_REPORT = Rule(
    "reg45_report",
    "Next regulation 45 report",
    "report",
    months(6),
    "by",
    Source(
        "reports-under-regulations-44-and-45-3",
        "Regulation 45 requires the registered person to produce a report at least every 6 months.",
    ),
    note="Read as no later than the same day of the month 6 months after the last report.",
    actor="provider",
)

# --- qualifications ---

MANAGER_QUALIFICATION = Rule(
    "qualification_due",
    "Registered manager gains the Level 5 Diploma (regulation 28)",
    "start",
    years(3),
    "by",
    Source(
        "registered-manager-qualifications-2",
        "Any manager starting to manage a home has 3 years to gain the qualification.",
    ),
    also=(
        Source(
            "registered-manager-qualifications-4",
            "If a registered manager has not gained the qualification or equivalent in the 3 "
            "years, they are in breach of regulation 28 if they did not have a reason for a "
            "deferral.",
        ),
        Source(
            "registered-manager-qualifications-3",
            "Regulation 28 does allow for the date to gain the qualification to be deferred if a "
            "manager has a break in managing a home or if they have worked part time.",
        ),
    ),
    actor="provider",
)
WORKER_QUALIFICATION = Rule(
    "qualification_due",
    "Care worker gains the Level 3 Diploma (regulation 32)",
    "start",
    years(2),
    "by",
    Source(
        "staff-qualifications-2",
        "Any staff member starting to work in a care role has 2 years to gain the qualification.",
    ),
    also=(
        Source(
            "staff-qualifications-3",
            "Regulation 32 does allow for the date to gain the qualification to be deferred if the "
            "staff member has a break in working in a home or if they have worked part time.",
        ),
    ),
    actor="provider",
)
STAFF_PROSPECT = Rule(
    "staff_prospect",
    "Six months after the inspection: remaining staff qualified?",
    "inspection",
    months(6),
    "by",
    Source(
        "staff-qualifications-8",
        "When none, or very few, of the staff in a home are qualified, and there is no prospect "
        "that the remaining staff will achieve the qualification within 6 months or by the "
        "relevant date, the judgement for the effectiveness of leaders and managers is likely to "
        "be inadequate, and certainly no more than requires improvement.",
    ),
    note="Inspectors ask whether the remaining staff will qualify within 6 months of the "
    "inspection or by their relevant date.",
    actor="provider",
)

# --- managers ---

NO_MANAGER = Rule(
    "no_manager_26_weeks",
    "No manager appointed for more than 26 weeks",
    "vacancy",
    days(183),
    "from",
    Source(
        "leaders-and-managers-inadequate-3",
        "The failure to appoint a manager after 26 weeks where there is no or limited evidence of "
        "attempts to recruit/appoint, will usually lead to an inadequate judgement for leadership "
        "but never more than requires improvement.",
    ),
    counted="the day after 26 weeks from the day the home had no manager",
    note='"After 26 weeks" starts the day after the 26 weeks end. From this date, with no or limited '
    "evidence of attempts to recruit, leadership is usually judged inadequate, and never better than "
    'requires improvement. "Usually" is about the judgement; the date is fixed.',
    reading="after-26-weeks",
    actor="provider",
)
NOT_APPLIED = Rule(
    "not_applied_12_weeks",
    "Appointed for more than 12 weeks, without applying to register",
    "appointed",
    days(85),
    "from",
    Source(
        "leaders-and-managers-inadequate-4",
        "If a manager fails to apply to be registered, once appointed for more than 12 weeks, "
        "then the judgement for leadership and management will usually be inadequate.",
    ),
    counted="the day after 12 weeks from the appointment",
    note='"More than 12 weeks" starts the day after the 12 weeks end. If the manager has not '
    'applied to register by then, leadership is usually judged inadequate. "Usually" is about '
    "the judgement; the date is fixed.",
    reading="more-than-12-weeks",
    actor="provider",
)

# --- the manager's absence: regulation 48 of the Children's Homes (England) Regulations 2015 ---

REG48_URL = "https://www.legislation.gov.uk/uksi/2015/541/regulation/48/made"
REG48_TITLE = "The Children's Homes (England) Regulations 2015, regulation 48"
REG48_PROPOSES = Law(
    REG48_TITLE + "(1)",
    REG48_URL,
    "If the person who is in day-to-day charge of the children's home proposes to be absent from the "
    "home for a continuous period of 28 days or more, the registered person must give notice in "
    "writing to HMCI of the proposed absence.",
)
REG48_PLANNED = Law(
    REG48_TITLE + "(2)(a)",
    REG48_URL,
    "Except in the case of an emergency or unforeseen absence, a notice under paragraph (1) must\u2014 "
    "(a) be given no later than one month before the proposed absence commences, or within such "
    "shorter period as may be agreed with HMCI",
)
REG48_EMERGENCY = Law(
    REG48_TITLE + "(3)(a)",
    REG48_URL,
    "If the absence arises as a result of an emergency or is unforeseen, the registered person must "
    "give notice of the absence\u2014 (a) within one week of the beginning of the absence",
)
REG48_LATE = Law(
    REG48_TITLE + "(4)",
    REG48_URL,
    "If the notice required under paragraph (2) or (3) has not been given as required, it must be "
    "given without delay.",
)
REG48_RETURN = Law(
    REG48_TITLE + "(5)",
    REG48_URL,
    "The registered person must notify HMCI of the return to duty of the person in day-to-day charge "
    "of the home not later than 7 days after the date of that person's return.",
)
ABSENCE_SOURCE = Source(
    "homes-with-no-registered-manager-2",
    "Regulations 48 and 49 require the responsible individual to notify Ofsted if the manager "
    "is to be absent for 28 days or more or if they leave.",
)
ABSENCE_NOTICE = Rule(
    "absence_notice",
    "Notice to Ofsted of the manager's planned absence of 28 days or more",
    "absence",
    months(-1),
    "by",
    ABSENCE_SOURCE,
    months_back="same_day",
    counted="one month before the absence starts",
    note='"Is to be absent" looks ahead: for a planned absence, regulation 48(2)(a) asks for '
    "notice no later than one month before it starts (or a shorter period agreed with Ofsted). "
    "A notice not given in time must be given without delay (regulation 48(4)).",
    laws=(REG48_PROPOSES, REG48_PLANNED, REG48_LATE),
    reading="absence-notice",
    actor="provider",
)
ABSENCE_NOTICE_EMERGENCY = Rule(
    "absence_notice",
    "Notice to Ofsted of the manager's emergency or unforeseen absence",
    "absence",
    weeks(1),
    "by",
    ABSENCE_SOURCE,
    counted="one week after the absence began",
    note="An emergency or unforeseen absence: regulation 48(3)(a) asks for notice within one week "
    "of the beginning of the absence. A notice not given in time must be given without delay "
    "(regulation 48(4)).",
    laws=(REG48_PROPOSES, REG48_EMERGENCY, REG48_LATE),
    reading="absence-notice",
    actor="provider",
)
RETURN_NOTICE = Rule(
    "return_notice",
    "Notice to Ofsted of the manager's return to duty",
    "returned",
    days(7),
    "by",
    ABSENCE_SOURCE,
    counted="7 days after the return to duty (the day after the last day of absence)",
    note="Regulation 48(5): not later than 7 days after the date of the return. The return is "
    "taken as the day after the last day of absence you gave.",
    laws=(REG48_RETURN,),
    reading="absence-notice",
    actor="provider",
)
REG40_UNDATED = Undated(
    "Notify Ofsted without delay of the events and incidents in regulation 40",
    Source(
        "notifications-under-regulation-40-1",
        "Registered persons (providers and managers) must notify Ofsted without delay about specific "
        "events and incidents as set out in regulation 40",
    ),
)
MANAGER_UNDATED: tuple[Undated, ...] = (REG40_UNDATED,)

# --- the inspection year: 1 April to 31 March ---

TWICE_A_YEAR = Source(
    "frequency-of-inspections-2",
    "We inspect all secure children's homes at least twice in the year-long cycle from 1 April to 31 March.",
)
INSPECTION_YEAR: tuple[Rule, ...] = (
    Rule(
        "year_start",
        "Inspection year starts",
        "year",
        months(0),
        "on",
        TWICE_A_YEAR,
        snap="inspection_year_start",
        actor="ofsted",
    ),
    Rule(
        "two_inspections",
        "At least two inspections in this inspection year",
        "year",
        months(0),
        "by",
        TWICE_A_YEAR,
        snap="inspection_year_end",
        actor="ofsted",
    ),
    Rule(
        "full_inspection",
        "A full inspection in this inspection year",
        "year",
        months(0),
        "by",
        Source("full-inspections-1", "A full inspection is carried out usually at least once annually."),
        qualifier="usually",
        snap="inspection_year_end",
        note='"Annually" is read as in each inspection year (1 April to 31 March).',
        actor="ofsted",
    ),
    Rule(
        "assurance_inspection",
        "An assurance inspection in this inspection year",
        "year",
        months(0),
        "by",
        Source(
            "types-assurance-inspections-1",
            "An assurance inspection is carried out for secure children's homes annually to "
            "provide assurance that the home has not declined since the full inspection.",
        ),
        snap="inspection_year_end",
        note='"Annually" is read as in each inspection year (1 April to 31 March).',
        actor="ofsted",
    ),
)

# --- a home with no children: the "3 months' notice" condition ---

REMOVED = Source(
    "no-children-living-in-the-home-11",
    "If the condition is removed between 1 April and 30 September in any year, we will carry out "
    "one inspection (usually a full inspection) before 31 March of the following year.",
)
NO_CHILDREN: tuple[Rule, ...] = (
    Rule(
        "inspection_before_31_march",
        "One inspection (usually a full inspection)",
        "removed",
        months(0),
        "by",
        REMOVED,
        snap="inspection_year_end_exclusive",
        when="april_to_september",
        note='"Before 31 March" is read literally: on or before 30 March. The inspection year '
        "itself ends on 31 March.",
        actor="ofsted",
    ),
    Rule(
        "no_inspection_until",
        "No inspection before the next inspection year",
        "removed",
        months(0),
        "from",
        Source(
            "no-children-living-in-the-home-11",
            "If the condition is removed between 1 October and 31 March, we will not inspect until "
            "the following inspection year (starting 1 April), unless we receive information that "
            "causes us concern.",
        ),
        snap="next_inspection_year_start",
        when="october_to_march",
        note="Unless Ofsted receives information that causes it concern.",
        actor="ofsted",
    ),
    Rule(
        "admission_horizon",
        "Children to be admitted within 3 months of the inspection",
        "inspection",
        months(3),
        "by",
        Source(
            "no-children-living-in-the-home-4",
            "If a home has no children in placement at the time of the inspection but has "
            "accommodated since the last inspection and intends to admit children within the next "
            "3 months, the lead inspector, in consultation with the appropriate manager for the "
            "region that the home is situated in, determines what the most appropriate type of "
            "inspection is.",
        ),
        note="If the home intends to admit children by this date, the lead inspector decides the "
        "type of inspection; this is usually a full inspection.",
        actor="provider",
    ),
)

# --- other notice periods ---

REOPEN_NOTICE = Source(
    "no-children-living-in-the-home-10",
    "When the home is ready to accept placements again, it must tell us at least 3 months before it does so.",
)
REOPEN_CONDITION = Source(
    "no-children-living-in-the-home-7",
    "[The home] must inform the Chief Inspector of their intention to accommodate children at the "
    "home at least 3 months before any child is accommodated.",
)
REOPENING: tuple[Rule, ...] = (
    Rule(
        "tell_ofsted_by",
        "Tell Ofsted the home will accommodate children again",
        "reopen",
        months(-3),
        "by",
        REOPEN_NOTICE,
        also=(REOPEN_CONDITION,),
        note="The latest date that is still at least 3 months before the first child is accommodated.",
        actor="provider",
    ),
    Rule(
        "earliest_reopening",
        "Earliest date a child can be accommodated",
        "told",
        months(3),
        "from",
        REOPEN_NOTICE,
        also=(REOPEN_CONDITION,),
        note="3 months after the day Ofsted was told.",
        actor="provider",
    ),
)
REOPENING_UNDATED: tuple[Undated, ...] = (
    Undated(
        "Ofsted visits close to the proposed reopening date",
        Source(
            "no-children-living-in-the-home-10",
            "We must visit close to the proposed reopening date so that we can assess whether "
            "there are concerns.",
        ),
    ),
)

INTERPRETER = Rule(
    "interpreter_request",
    "Request an interpreter through the inspection support team",
    "needed",
    weeks(-2),
    "by",
    Source(
        "communication-methods-3",
        "Inspectors request this service through the inspection support team and gives 2 weeks' "
        "notice where possible.",
    ),
    qualifier="where possible",
    note="2 weeks before the day the interpreter is needed.",
    actor="inspectors",
)

APPROVAL_REVIEW = Rule(
    "approval_review",
    "DfE reviews the home's approval",
    "review",
    years(3),
    "by",
    Source(
        "approval-of-secure-childrens-homes-2",
        "The DfE will review the approval at least every 3 years using Ofsted inspection evidence "
        "and other information (such as that provided by the DfE architectural adviser).",
    ),
    note="No later than 3 years after the last review.",
    actor="dfe",
)

# --- rows for dates the user gave, so they show on the timeline beside the deadlines ---

REG44_VISITED = Rule(
    "reg44_visited",
    "Independent person's visit",
    "visit",
    days(0),
    "on",
    REG44_MONTHLY,
    actor="provider",
)
REG45_PRODUCED = Rule(
    "reg45_produced",
    "Regulation 45 report produced",
    "report",
    days(0),
    "on",
    REG45_REPORT.source,
    actor="provider",
)
INSPECTED = Rule("inspected", "Inspection", "inspected", days(0), "on", TWICE_A_YEAR, actor="ofsted")
