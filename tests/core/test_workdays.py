"""sccif_core.workdays: working days in England, counted as the framework's day tables count them.

Where the expected dates come from:
- the counting rule: the framework's day tables (full inspection "Timeframe", anchor
  RULE_SOURCE; assurance inspection "Timeline"): the last on-site day is day 4 and the
  draft report, "within 18 working days from the end of the inspection", is day 22, so
  the Nth working day after a date is "day + N" and the date itself is not counted;
- bank holidays: GOV.UK's England-and-Wales list (tests/fixtures/govuk-bank-holidays-england-and-wales.json).
"""

from __future__ import annotations

import json
import timeit
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sccif_core import browser_api, workdays
from sccif_core.bank_holidays_england import BANK_HOLIDAYS
from sccif_core.errors import InputError
from sccif_core.workdays import (
    ENGLAND,
    FIRST_YEAR,
    LAST_YEAR,
    PUBLISHED_UNTIL,
    RULE_SOURCE,
    RULE_WORDING,
    NonWorkingDay,
    OutOfRange,
    WorkingDays,
    add_working_days,
    count_working_days,
    is_working_day,
    next_working_day,
)
from tests.strategies import dates_in_range, dates_out_of_range, working_day_counts

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK_JSON = ROOT / "src" / "sccif_core" / "data" / "framework.json"


def reference_is_working(day: date, extra: frozenset[date] = frozenset()) -> bool:
    """The definition, day by day: Monday to Friday, not a bank holiday, not an extra day."""
    return day.weekday() < 5 and day not in BANK_HOLIDAYS and day not in extra


def reference_after(start: date, n: int, extra: frozenset[date] = frozenset()) -> date:
    day = start
    while n > 0:
        day += timedelta(days=1)
        if reference_is_working(day, extra):
            n -= 1
    return day


def reference_count(start: date, end: date) -> int:
    return sum(reference_is_working(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))


def day_table(anchor_day: date, anchor_number: int, *numbers: int) -> dict[int, date]:
    """The framework's day table from a real date: day ``anchor_number + n`` is the nth working day after."""
    return {number: add_working_days(anchor_day, number - anchor_number) for number in numbers}


class TestFullInspectionTimeframe:
    """The full inspection table: day 4 is the last on-site day; days 22, 27, 34 and 39 follow (RULE_SOURCE)."""

    def test_no_bank_holidays_before_christmas(self) -> None:
        """Day 4 on Thursday 19 November 2026 gives day 22 on Tuesday 15 December 2026."""
        table = day_table(date(2026, 11, 19), 4, 22, 27, 34, 39)
        # Thursday 19 November 2026 + 18 working days = Tuesday 15 December 2026: no bank holidays in between.
        assert table[22] == date(2026, 12, 15)
        # + 5 working days = Tuesday 22 December 2026: still before Christmas.
        assert table[27] == date(2026, 12, 22)
        # Day 34 is 30 working days after day 4: skips Christmas Day (Friday 25 December),
        # Boxing Day's substitute (Monday 28 December) and New Year's Day (Friday 1 January 2027).
        assert table[34] == date(2027, 1, 5)
        # + 5 working days = Tuesday 12 January 2027.
        assert table[39] == date(2027, 1, 12)

    def test_gaps_between_rows_are_the_table_gaps(self) -> None:
        """Counting between the rows gives 18, 5, 7 and 5 working days, and 30 from day 4 to day 34."""
        table = day_table(date(2026, 11, 19), 4, 4, 22, 27, 34, 39)
        assert count_working_days(table[4], table[22]) == 18
        assert count_working_days(table[22], table[27]) == 5
        assert count_working_days(table[27], table[34]) == 7
        assert count_working_days(table[4], table[34]) == 30
        assert count_working_days(table[34], table[39]) == 5

    def test_across_easter_and_early_may_2026(self) -> None:
        """Day 4 on Thursday 26 March 2026 skips Easter (3 and 6 April) and the early May bank holiday (4 May)."""
        table = day_table(date(2026, 3, 26), 4, 22, 27, 34, 39)
        # 18 working days, skipping Good Friday 3 April and Easter Monday 6 April 2026.
        assert table[22] == date(2026, 4, 23)
        assert table[27] == date(2026, 4, 30)
        # Skips the early May bank holiday, Monday 4 May 2026.
        assert table[34] == date(2026, 5, 12)
        assert table[39] == date(2026, 5, 19)

    @given(dates_in_range(last=date(LAST_YEAR - 1, 12, 31)))
    def test_day_numbers_add_up_from_any_day(self, day4: date) -> None:
        """From any last on-site day, day 34 is both 30 after day 4 and 7 after day 27."""
        table = day_table(day4, 4, 22, 27, 34, 39)
        assert table[27] == add_working_days(table[22], 5)
        assert table[34] == add_working_days(table[27], 7)
        assert table[39] == add_working_days(table[34], 5)


class TestAssuranceTimeline:
    """The assurance table: day 2 is the site visit; days 20, 25, 32 and 37 follow."""

    def test_across_christmas_2027_and_new_year_2028(self) -> None:
        """A site visit on Monday 6 December 2027 gives day 20 on Tuesday 4 January 2028."""
        table = day_table(date(2027, 12, 6), 2, 20, 25, 32, 37)
        # 18 working days, skipping Monday 27 and Tuesday 28 December 2027 (substitutes for
        # Christmas Day and Boxing Day, a Saturday and Sunday) and Monday 3 January 2028
        # (substitute for New Year's Day, a Saturday).
        assert table[20] == date(2028, 1, 4)
        assert table[25] == date(2028, 1, 11)
        assert table[32] == date(2028, 1, 20)
        assert table[37] == date(2028, 1, 27)
        assert count_working_days(date(2027, 12, 6), table[20]) == 18
        assert count_working_days(date(2027, 12, 6), table[32]) == 30


class TestAfter:
    """WorkingDays.after / add_working_days: the nth working day after a date, the date not counted."""

    def test_issue_example(self) -> None:
        """One working day after Thursday 24 December 2026 is Tuesday 29 December 2026."""
        # Skips Christmas Day (Friday 25), the weekend, and Boxing Day's substitute (Monday 28).
        assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)

    def test_christmas_2027(self) -> None:
        """One working day after Friday 24 December 2027 is Wednesday 29 December 2027."""
        # Christmas Day and Boxing Day 2027 fall at the weekend: substitutes Monday 27 and Tuesday 28.
        assert add_working_days(date(2027, 12, 24), 1) == date(2027, 12, 29)

    def test_spring_bank_holiday_2026(self) -> None:
        """Five working days after Thursday 21 May 2026 is Friday 29 May 2026."""
        # Skips the spring bank holiday, Monday 25 May 2026.
        assert add_working_days(date(2026, 5, 21), 5) == date(2026, 5, 29)

    def test_spring_bank_holiday_2027(self) -> None:
        """One working day after Friday 28 May 2027 is Tuesday 1 June 2027."""
        # Skips the spring bank holiday, Monday 31 May 2027.
        assert add_working_days(date(2027, 5, 28), 1) == date(2027, 6, 1)

    def test_state_funeral_2022(self) -> None:
        """One working day after Friday 16 September 2022 is Tuesday 20 September 2022."""
        # Monday 19 September 2022: bank holiday for the State Funeral of Queen Elizabeth II.
        assert add_working_days(date(2022, 9, 16), 1) == date(2022, 9, 20)

    def test_coronation_2023(self) -> None:
        """Five working days after Friday 28 April 2023 is Tuesday 9 May 2023."""
        # Skips the early May bank holiday (Monday 1 May) and the coronation (Monday 8 May 2023).
        assert add_working_days(date(2023, 4, 28), 5) == date(2023, 5, 9)

    def test_platinum_jubilee_2022(self) -> None:
        """One working day after Wednesday 1 June 2022 is Monday 6 June 2022."""
        # Thursday 2 June (moved spring bank holiday) and Friday 3 June (Platinum Jubilee) 2022.
        assert add_working_days(date(2022, 6, 1), 1) == date(2022, 6, 6)

    def test_ve_day_2020(self) -> None:
        """One working day after Thursday 7 May 2020 is Monday 11 May 2020."""
        # The early May bank holiday 2020 moved to Friday 8 May (VE day), so Monday 4 May was a working day.
        assert add_working_days(date(2020, 5, 7), 1) == date(2020, 5, 11)
        assert is_working_day(date(2020, 5, 4))

    def test_zero_is_the_start(self) -> None:
        """Zero working days after a date is the date itself, even a bank holiday."""
        assert add_working_days(date(2026, 12, 25), 0) == date(2026, 12, 25)

    def test_from_a_weekend(self) -> None:
        """One working day after Saturday 21 November 2026 is Monday 23 November 2026."""
        assert add_working_days(date(2026, 11, 21), 1) == date(2026, 11, 23)

    def test_last_day_of_the_table(self) -> None:
        """The last working day of the table can be reached, one beyond it cannot."""
        last = date(LAST_YEAR, 12, 31)
        while not is_working_day(last):
            last -= timedelta(days=1)
        start = last - timedelta(days=10)
        n = count_working_days(start, last)
        assert add_working_days(start, n) == last
        with pytest.raises(OutOfRange):
            add_working_days(start, n + 1)

    def test_negative_n(self) -> None:
        """A negative number of working days is an InputError naming the days field."""
        with pytest.raises(InputError) as raised:
            add_working_days(date(2026, 11, 25), -1)
        assert raised.value.field == "days"

    @pytest.mark.parametrize("n", [1.0, "1", True, None])
    def test_not_an_int(self, n: object) -> None:
        """A number of working days that is not an int is an InputError."""
        with pytest.raises(InputError):
            add_working_days(date(2026, 11, 25), n)  # type: ignore[arg-type]

    def test_huge_n(self) -> None:
        """A number of working days far beyond the table is OutOfRange, not an overflow."""
        with pytest.raises(OutOfRange):
            add_working_days(date(2026, 11, 25), 10**12)

    @given(dates_in_range(), working_day_counts(max_value=300))
    def test_matches_day_by_day_reference(self, start: date, n: int) -> None:
        """after() gives the same date as stepping one day at a time."""
        expected = reference_after(start, n)
        assume(expected <= date(LAST_YEAR, 12, 31))
        assert add_working_days(start, n) == expected

    @given(dates_in_range(last=date(LAST_YEAR - 2, 12, 31)), working_day_counts(max_value=400))
    def test_count_back_gives_n(self, start: date, n: int) -> None:
        """Adding n working days and counting them back gives n."""
        assert count_working_days(start, add_working_days(start, n)) == n

    @given(dates_in_range(last=date(LAST_YEAR - 2, 12, 31)), st.integers(min_value=1, max_value=400))
    def test_result_is_a_working_day(self, start: date, n: int) -> None:
        """For n of 1 or more the result is a working day."""
        assert is_working_day(add_working_days(start, n))

    @given(dates_in_range(last=date(LAST_YEAR - 2, 12, 31)), working_day_counts(max_value=400))
    def test_strictly_increasing_in_n(self, start: date, n: int) -> None:
        """One more working day is always a later date."""
        assert add_working_days(start, n + 1) > add_working_days(start, n)

    @given(dates_out_of_range(), working_day_counts(max_value=10))
    def test_out_of_range_start(self, start: date, n: int) -> None:
        """A start date outside the table is OutOfRange naming the start field."""
        with pytest.raises(OutOfRange) as raised:
            add_working_days(start, n)
        assert raised.value.field == "start"


class TestCount:
    """WorkingDays.count / count_working_days: working days after start, up to and including end."""

    def test_same_day(self) -> None:
        """No working days fall after a date and up to the same date."""
        assert count_working_days(date(2026, 11, 25), date(2026, 11, 25)) == 0

    def test_state_funeral_week(self) -> None:
        """Friday 9 to Friday 23 September 2022 has 9 working days, not 10."""
        # Monday 19 September 2022: the State Funeral of Queen Elizabeth II.
        assert count_working_days(date(2022, 9, 9), date(2022, 9, 23)) == 9

    def test_end_is_counted_start_is_not(self) -> None:
        """Counting from Monday 23 to Tuesday 24 November 2026 gives 1."""
        assert count_working_days(date(2026, 11, 23), date(2026, 11, 24)) == 1

    def test_end_before_start(self) -> None:
        """An end date before the start date is an InputError naming the end field."""
        with pytest.raises(InputError) as raised:
            count_working_days(date(2026, 11, 25), date(2026, 11, 24))
        assert raised.value.field == "end"

    def test_whole_range(self) -> None:
        """Counting across the whole table agrees with counting day by day."""
        start, end = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
        assert count_working_days(start, end) == reference_count(start, end)

    @given(dates_in_range(), st.integers(min_value=0, max_value=800))
    def test_matches_day_by_day_reference(self, start: date, length: int) -> None:
        """count() gives the same number as checking one day at a time."""
        end = start + timedelta(days=length)
        assume(end.year <= LAST_YEAR)
        assert count_working_days(start, end) == reference_count(start, end)

    @given(dates_in_range(), st.integers(0, 800), st.integers(0, 800))
    def test_monotonic(self, start: date, a: int, b: int) -> None:
        """A later end date never gives fewer working days."""
        early, late = start + timedelta(days=min(a, b)), start + timedelta(days=max(a, b))
        assume(late.year <= LAST_YEAR)
        assert count_working_days(start, early) <= count_working_days(start, late)

    @given(dates_in_range(), st.integers(0, 800))
    def test_working_plus_skipped_is_every_day(self, start: date, length: int) -> None:
        """Working days plus skipped days after start, up to end, are all the days in between."""
        end = start + timedelta(days=length)
        assume(end.year <= LAST_YEAR)
        assert ENGLAND.count(start, end) + len(ENGLAND.skipped(start, end)) == length

    @given(dates_out_of_range())
    def test_out_of_range_end(self, end: date) -> None:
        """An end date outside the table is OutOfRange naming the end field."""
        with pytest.raises(OutOfRange) as raised:
            count_working_days(date(2026, 1, 1), end)
        assert raised.value.field in ("end", "start")

    def test_ten_years_is_fast(self) -> None:
        """Counting ten years' working days does not walk the days (well under a millisecond a call)."""
        seconds = timeit.timeit(lambda: count_working_days(date(2026, 1, 1), date(2035, 12, 31)), number=1000)
        # A day-by-day walk of 3,650 days takes about a millisecond per call: 1000 calls would
        # take a second. The budget is printed by `make bench`; this only guards the algorithm.
        assert seconds < 0.5


class TestIsWorkingDay:
    """WorkingDays.is_working_day and why_not: is this a working day, and if not, why."""

    @pytest.mark.parametrize(
        ("day", "reason"),
        [
            (date(2026, 12, 25), "Christmas Day"),
            (date(2026, 12, 26), "Saturday"),
            (date(2026, 12, 27), "Sunday"),
            (date(2026, 12, 28), "Boxing Day (substitute day)"),
            (date(2027, 12, 27), "Christmas Day (substitute day)"),
            (date(2027, 12, 28), "Boxing Day (substitute day)"),
            (date(2026, 4, 3), "Good Friday"),
            (date(2026, 4, 6), "Easter Monday"),
            (date(2026, 5, 4), "Early May bank holiday"),
            (date(2026, 5, 25), "Spring bank holiday"),
            (date(2026, 8, 31), "Summer bank holiday"),
            (date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            (date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
        ],
    )
    def test_not_working(self, day: date, reason: str) -> None:
        """Weekends and bank holidays (GOV.UK's names) are not working days, with the reason."""
        assert not ENGLAND.is_working_day(day)
        assert ENGLAND.why_not(day) == reason

    @pytest.mark.parametrize(
        "day", [date(2026, 12, 24), date(2026, 12, 29), date(2026, 11, 25), date(2020, 5, 4)]
    )
    def test_working(self, day: date) -> None:
        """An ordinary weekday is a working day, with no reason."""
        assert ENGLAND.is_working_day(day)
        assert ENGLAND.why_not(day) is None

    @given(dates_out_of_range())
    def test_out_of_range(self, day: date) -> None:
        """A date outside the table is OutOfRange, even a weekend."""
        with pytest.raises(OutOfRange):
            is_working_day(day)


class TestNextAfter:
    """WorkingDays.next_after / next_working_day: the first working day strictly after a date."""

    def test_christmas_eve_2026(self) -> None:
        """The next working day after Thursday 24 December 2026 is Tuesday 29 December 2026."""
        assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 29)

    def test_strictly_after(self) -> None:
        """The next working day after a working Monday is the Tuesday."""
        assert next_working_day(date(2026, 11, 23)) == date(2026, 11, 24)


class TestExtraNonWorkingDays:
    """WorkingDays(extra=...): caller-given non-working days, e.g. a newly announced bank holiday."""

    def test_skips_extra_day(self) -> None:
        """An extra non-working Tuesday 29 December 2026 moves the answer to Wednesday 30."""
        calendar = WorkingDays(extra=(date(2026, 12, 29),))
        assert calendar.after(date(2026, 12, 24), 1) == date(2026, 12, 30)
        assert calendar.why_not(date(2026, 12, 29)) == "extra non-working day"
        assert add_working_days(date(2026, 12, 24), 1, extra=[date(2026, 12, 29)]) == date(2026, 12, 30)

    def test_bank_holiday_keeps_its_name(self) -> None:
        """An extra day that is already a bank holiday keeps the bank holiday's name."""
        calendar = WorkingDays(extra=(date(2026, 12, 25),))
        assert calendar.why_not(date(2026, 12, 25)) == "Christmas Day"

    def test_default_calendar_unchanged(self) -> None:
        """Extra days given to one call do not leak into the default calendar."""
        add_working_days(date(2026, 12, 24), 1, extra=[date(2026, 12, 29)])
        assert is_working_day(date(2026, 12, 29))

    def test_not_a_date(self) -> None:
        """An extra day that is not a date is an InputError naming the extra field."""
        with pytest.raises(InputError) as raised:
            WorkingDays(extra=("2026-12-29",))  # type: ignore[arg-type]
        assert raised.value.field == "extra"

    @given(
        dates_in_range(last=date(LAST_YEAR - 2, 12, 31)),
        st.integers(min_value=1, max_value=200),
        st.lists(st.integers(min_value=1, max_value=300), max_size=10),
    )
    def test_extra_days_are_skipped(self, start: date, n: int, offsets: list[int]) -> None:
        """With extra days, the answer matches the day-by-day reference and is never an extra day."""
        extra = frozenset(start + timedelta(days=offset) for offset in offsets)
        result = WorkingDays(extra=extra).after(start, n)
        assert result not in extra
        assert result == reference_after(start, n, extra)
        assert WorkingDays(extra=extra).count(start, result) == n


class TestSkipped:
    """WorkingDays.skipped: the non-working days between two dates, with reasons."""

    def test_christmas_2026(self) -> None:
        """After Thursday 24 December 2026, up to Tuesday 29 December, four days are skipped."""
        assert ENGLAND.skipped(date(2026, 12, 24), date(2026, 12, 29)) == [
            NonWorkingDay(date(2026, 12, 25), "Christmas Day"),
            NonWorkingDay(date(2026, 12, 26), "Saturday"),
            NonWorkingDay(date(2026, 12, 27), "Sunday"),
            NonWorkingDay(date(2026, 12, 28), "Boxing Day (substitute day)"),
        ]

    def test_from_saturday(self) -> None:
        """Starting on a Saturday, the Sunday after it is skipped but the Saturday is not."""
        assert ENGLAND.skipped(date(2026, 11, 21), date(2026, 11, 23)) == [
            NonWorkingDay(date(2026, 11, 22), "Sunday"),
        ]

    def test_same_day(self) -> None:
        """Nothing is skipped between a date and itself."""
        assert ENGLAND.skipped(date(2026, 12, 26), date(2026, 12, 26)) == []


class TestProvisionalYears:
    """WorkingDays.provisional_years: years after PUBLISHED_UNTIL whose bank holidays can still change."""

    def test_published_only(self) -> None:
        """Dates within GOV.UK's published list are not provisional."""
        assert ENGLAND.provisional_years(date(2026, 12, 24), date(2028, 12, 31)) == []

    def test_into_2029(self) -> None:
        """Five working days after Friday 22 December 2028 is Wednesday 3 January 2029, provisional."""
        # Skips Christmas Day and Boxing Day (25, 26 December 2028) and New Year's Day (Monday 1 January 2029).
        result = add_working_days(date(2028, 12, 22), 5)
        assert result == date(2029, 1, 3)
        assert ENGLAND.provisional_years(date(2028, 12, 22), result) == [2029]

    def test_span(self) -> None:
        """Every provisional year touched is listed, in order."""
        assert ENGLAND.provisional_years(date(2028, 6, 1), date(2031, 1, 2)) == [2029, 2030, 2031]

    def test_published_until(self) -> None:
        """GOV.UK's list currently runs to 2028."""
        assert PUBLISHED_UNTIL == 2028


class TestBrowserFunctions:
    """The "workdays.*" functions the browser calls through browser_api.call."""

    def call(self, name: str, payload: dict[str, object]) -> dict[str, object]:
        answer: dict[str, object] = json.loads(browser_api.call(name, json.dumps(payload)))
        return answer

    def test_add(self) -> None:
        """workdays.add takes form values and returns the date, what it skipped and the rule."""
        answer = self.call("workdays.add", {"start": "24/12/2026", "days": 1})
        result = answer["result"]
        assert isinstance(result, dict)
        assert result["date"] == "2026-12-29"
        assert result["date_long"] == "Tuesday 29 December 2026"
        assert [item["reason"] for item in result["skipped"]] == [
            "Christmas Day",
            "Saturday",
            "Sunday",
            "Boxing Day (substitute day)",
        ]
        assert result["skipped"][0] == {
            "date": "2026-12-25",
            "date_long": "Friday 25 December 2026",
            "reason": "Christmas Day",
        }
        assert result["provisional"] is False
        assert result["provisional_years"] == []
        assert result["source"] == RULE_SOURCE
        assert result["rule"] == RULE_WORDING
        assert "not counted" in result["interpretation"]

    def test_add_days_as_text_and_extra(self) -> None:
        """Days may come as text and extra days as a list of UK or ISO dates."""
        answer = self.call("workdays.add", {"start": "2026-12-24", "days": " 1 ", "extra": ["29/12/2026"]})
        assert answer["result"]["date"] == "2026-12-30"  # type: ignore[index]
        assert answer["result"]["skipped"][-1]["reason"] == "extra non-working day"  # type: ignore[index]

    def test_extra_as_typed_text(self) -> None:
        """Extra days may come as one text, separated by commas or spaces, as the form sends them."""
        answer = self.call(
            "workdays.add", {"start": "24/12/2026", "days": "2", "extra": "29/12/2026, 2026-12-30 "}
        )
        # 29 and 30 December 2026 closed as well: the 2nd working day is Monday 4 January 2027
        # (Thursday 31 December, then New Year's Day on Friday 1 January 2027).
        assert answer["result"]["date"] == "2027-01-04"  # type: ignore[index]
        assert answer["result"]["extra"] == ["2026-12-29", "2026-12-30"]  # type: ignore[index]

    def test_add_provisional(self) -> None:
        """A result in a year after PUBLISHED_UNTIL is flagged provisional with its years."""
        result = self.call("workdays.add", {"start": "22/12/2028", "days": 5})["result"]
        assert result["date"] == "2029-01-03"  # type: ignore[index]
        assert result["provisional"] is True  # type: ignore[index]
        assert result["provisional_years"] == [2029]  # type: ignore[index]

    def test_count(self) -> None:
        """workdays.count counts working days after start, up to and including end."""
        result = self.call("workdays.count", {"start": "19/11/2026", "end": "2026-12-15"})["result"]
        assert result["count"] == 18  # type: ignore[index]

    def test_is(self) -> None:
        """workdays.is says whether a date is a working day, why not, and the next working day."""
        result = self.call("workdays.is", {"date": "25/12/2026"})["result"]
        assert result["working_day"] is False  # type: ignore[index]
        assert result["reason"] == "Christmas Day"  # type: ignore[index]
        assert result["next_working_day"] == "2026-12-29"  # type: ignore[index]

    def test_is_last_day_of_table(self) -> None:
        """workdays.is on the last day of the table answers, with no next working day."""
        result = self.call("workdays.is", {"date": f"31/12/{LAST_YEAR}"})["result"]
        assert result["next_working_day"] is None  # type: ignore[index]

    @pytest.mark.parametrize(
        ("name", "payload", "field"),
        [
            ("workdays.add", {"start": "31/02/2026", "days": 1}, "start"),
            ("workdays.add", {"start": "", "days": 1}, "start"),
            ("workdays.add", {"days": 1}, "start"),
            ("workdays.add", {"start": "2050-01-01", "days": 1}, "start"),
            ("workdays.add", {"start": "2026-11-25", "days": -1}, "days"),
            ("workdays.add", {"start": "2026-11-25", "days": "-1"}, "days"),
            ("workdays.add", {"start": "2026-11-25", "days": "1.5"}, "days"),
            ("workdays.add", {"start": "2026-11-25", "days": 1.5}, "days"),
            ("workdays.add", {"start": "2026-11-25", "days": "ten"}, "days"),
            ("workdays.add", {"start": "2026-11-25", "days": ""}, "days"),
            ("workdays.add", {"start": "2026-11-25", "days": True}, "days"),
            ("workdays.add", {"start": "2026-11-25", "days": "9" * 5000}, "days"),
            ("workdays.add", {"start": "2040-12-20", "days": 100}, "days"),
            ("workdays.add", {"start": "2026-11-25", "days": 1, "extra": ["30/02/2026"]}, "extra"),
            ("workdays.add", {"start": "2026-11-25", "days": 1, "extra": 5}, "extra"),
            ("workdays.add", {"start": "2026-11-25", "days": 1, "extra": [5]}, "extra"),
            ("workdays.count", {"start": "2026-11-25", "end": "2026-11-24"}, "end"),
            ("workdays.count", {"start": "2026-11-25"}, "end"),
            ("workdays.is", {"date": "tomorrow"}, "date"),
        ],
    )
    def test_bad_input_names_the_field(self, name: str, payload: dict[str, object], field: str) -> None:
        """Bad form input comes back as an error naming the form field, never a traceback."""
        answer = self.call(name, payload)
        assert "result" not in answer
        error = answer["error"]
        assert isinstance(error, dict)
        assert error["field"] == field
        assert error["problem"]

    def test_registered(self) -> None:
        """The three workdays functions are in the browser registry."""
        assert {"workdays.add", "workdays.count", "workdays.is"} <= set(browser_api.FUNCTIONS)


class TestCitation:
    """The rule cites the framework: its wording is the framework's own and its anchor exists on the site."""

    def test_wording_is_the_framework_text(self) -> None:
        """RULE_WORDING appears word for word in the framework source text."""
        source = (ROOT / "tests" / "fixtures" / "sccif-source.txt").read_text(encoding="utf-8")
        assert RULE_WORDING in source

    def test_anchor_exists(self) -> None:
        """RULE_SOURCE is an anchor in data/framework.json (generated from the framework pages)."""
        if not FRAMEWORK_JSON.exists():
            pytest.skip(
                "src/sccif_core/data/framework.json is not generated yet (framework pages in progress)"
            )
        anchors = json.loads(FRAMEWORK_JSON.read_text(encoding="utf-8"))["anchors"]
        assert RULE_SOURCE in anchors, (
            f"{RULE_SOURCE!r} is not a framework anchor; pick the timeframe table's"
        )
        assert workdays.ASSURANCE_RULE_SOURCE in anchors
        # The cited table holds the rule's wording and both day numbers it is read from.
        text = anchors[RULE_SOURCE]["text"]
        assert RULE_WORDING in text
        assert "\n4: Site visit" in text and "\n22: Draft report" in text


class TestModule:
    """The module's own documentation."""

    def test_docstring_example(self) -> None:
        """The example in the module docstring runs and gives the documented answer."""
        import doctest

        result = doctest.testmod(workdays)
        assert result.attempted >= 1
        assert result.failed == 0

    def test_datetime_extra_day(self) -> None:
        """An extra day given as a datetime closes that calendar date."""
        from datetime import datetime

        assert WorkingDays(extra=[datetime(2026, 12, 29, 9, 30)]).after(date(2026, 12, 24), 1) == date(
            2026, 12, 30
        )


class TestEveryProblemAtOnce:
    """The browser's workdays.* functions report every field's problem in one answer (issue 18)."""

    @staticmethod
    def ask(name: str, payload: dict[str, str]) -> dict[str, object]:
        from sccif_core.browser_api import call

        return json.loads(call(name, json.dumps(payload)))  # type: ignore[no-any-return]

    def test_three_bad_fields_give_three_problems_in_the_forms_order(self) -> None:
        error = self.ask("workdays.add", {"start": "31/02/2026", "days": "eighteen", "extra": "99/99/2027"})[
            "error"
        ]
        assert isinstance(error, dict)
        assert [(e["field"], e["problem"]) for e in error["errors"]] == [
            ("start", "'31/02/2026' is not a real date."),
            ("days", "'eighteen' is not a whole number of working days."),
            ("extra", "'99/99/2027' is not a real date."),
        ]
        # The error itself reads as its first problem, for callers that show one.
        assert (error["field"], error["problem"]) == ("start", "'31/02/2026' is not a real date.")

    def test_one_bad_field_is_a_plain_error(self) -> None:
        error = self.ask("workdays.add", {"start": "24/12/2026", "days": "eighteen"})["error"]
        assert isinstance(error, dict)
        assert error["field"] == "days" and "errors" not in error

    def test_count_and_is_report_every_field_too(self) -> None:
        count = self.ask("workdays.count", {"start": "", "end": "32/01/2026"})["error"]
        assert isinstance(count, dict)
        assert [e["field"] for e in count["errors"]] == ["start", "end"]
        is_ = self.ask("workdays.is", {"date": "soon", "extra": "1/1/2026, never"})["error"]
        assert isinstance(is_, dict)
        assert [e["field"] for e in is_["errors"]] == ["date", "extra"]

    def test_the_message_has_every_sentence(self) -> None:
        from sccif_core.errors import InputError
        from sccif_core.workdays import InputErrors

        both = InputErrors(
            [InputError("enter a date.", field="start"), InputError("enter a number.", field="days")]
        )
        assert both.message == "Start: enter a date. Days: enter a number."
        assert str(both) == both.message
