"""The "wholly or mainly" policy as data: where it is written, and the method this tool uses.

Ofsted's guidelines (anchor ``SOURCE``): "for the majority of time in any 12-month
period, a home must accommodate more children than young adults, even if at times
it does not. We will accept any 12-month period". They do not say whether days
with nobody resident count, whether stays are counted by nights or by days, or how
to work it out, so the method is stated here and results are shown under both
readings that differ.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "CITATIONS",
    "FRAMEWORK_WORDING",
    "LEAP_BIRTHDAY_TEXT",
    "METHOD",
    "READINGS",
    "READING_NAMES",
    "SOURCE",
    "VERDICTS",
    "VERDICT_TEXT",
    "VERDICT_TITLES",
]

# The paragraph that states the test.
SOURCE = "wholly-or-mainly-guidelines-2"

# Every paragraph the tool relies on, in the order the page cites them.
CITATIONS: tuple[str, ...] = (
    "inspecting-homes-where-young-adults-live-1",  # 'wholly or mainly' for children; a child is under 18
    "wholly-or-mainly-guidelines-1",  # over a reasonable period of time, not on any given day
    SOURCE,  # more children than young adults for the majority of time in any 12-month period
    "enforcing-wholly-or-mainly-1",  # inspectors check it; enforcement action may follow
)

FRAMEWORK_WORDING = (
    "In the majority of circumstances, we determine whether a home is 'wholly or mainly' for "
    "children over a 12-month period. This means that, for the majority of time in any 12-month "
    "period, a home must accommodate more children than young adults, even if at times it does "
    "not. We will accept any 12-month period for this definition. It is not restricted to "
    "calendar or academic years."
)

# The method, as the issue states it and the page repeats it.
METHOD: tuple[str, ...] = (
    "A resident is accommodated on each night from the admission date up to, but not including, "
    "the discharge date. A blank discharge date means still resident.",
    "A person is a child before their 18th birthday and a young adult from it.",
    "Someone born on 29 February turns 18 on 1 March in a common year by default. A setting "
    "switches to 28 February.",
    "A day is a children-majority day when more children than young adults are accommodated (strictly more).",
    "A day is occupied when anyone is accommodated.",
    "A 12-month window starting on S covers S up to the day before the same date 12 months "
    "later. If that day-of-month does not exist, use the month's last day. So 29 February 2024 "
    "to 27 February 2025 is one window.",
    "The period checked runs from the first date to the last date given, by default from the "
    "earliest admission to today. Every window that lies wholly inside it is checked, one "
    "starting on each day.",
)

READINGS: Mapping[str, str] = {
    "A": "Reading A, empty days set aside: a window meets the policy when its children-majority "
    "days are more than half its occupied days. A window with no occupied days meets it.",
    "B": "Reading B, every day counts: a window meets the policy when its children-majority days "
    "are more than half of all its days.",
}

READING_NAMES: Mapping[str, str] = {
    "A": "Reading A, empty days set aside",
    "B": "Reading B, every day counts",
}

VERDICTS: tuple[str, ...] = ("meets", "does-not-meet", "depends-on-empty-days", "not-enough-history")

VERDICT_TEXT: Mapping[str, str] = {
    "meets": "The home meets the policy: in every 12-month period checked it accommodated more "
    "children than young adults on most days, even counting days when nobody was resident.",
    "does-not-meet": "The home does not meet the policy: in at least one 12-month period it did not "
    "accommodate more children than young adults on most of the days anyone was resident.",
    "depends-on-empty-days": "It depends on how days with nobody resident are counted: every 12-month "
    "period meets the policy if those days are set aside (reading A), but at least one does not if "
    "every day counts (reading B).",
    "not-enough-history": "Not enough history: the period checked is shorter than 12 months, so no "
    "whole 12-month period can be checked yet.",
}

VERDICT_TITLES: Mapping[str, str] = {
    "meets": "Meets the policy",
    "does-not-meet": "Does not meet the policy",
    "depends-on-empty-days": "Depends on how empty days are counted",
    "not-enough-history": "Not enough history yet",
}

LEAP_BIRTHDAY_TEXT: Mapping[str, str] = {
    "mar-1": "Someone born on 29 February turns 18 on 1 March in a common year (the default).",
    "feb-28": "Someone born on 29 February turns 18 on 28 February in a common year.",
}
