"""sccif_core.bank_holidays_england: the generated table of bank holidays in England and Wales.

Two independent witnesses:
- the `holidays` package (country_holidays("GB", subdiv="ENG")), for every year of the table;
- tests/fixtures/govuk-bank-holidays-england-and-wales.json, GOV.UK's published
  England-and-Wales dates for 2019 to 2028, one-offs included, written out by hand in the
  shape of the "england-and-wales" division of https://www.gov.uk/bank-holidays.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import holidays
import pytest

from sccif_core.bank_holidays_england import BANK_HOLIDAYS, FIRST_YEAR, LAST_YEAR, PUBLISHED_UNTIL

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "govuk-bank-holidays-england-and-wales.json"
GOV_UK_YEARS = range(2019, 2029)
SUBSTITUTE = " (substitute day)"


def gov_uk_events() -> list[dict[str, Any]]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert data["division"] == "england-and-wales"
    events: list[dict[str, Any]] = data["events"]
    return events


def gov_uk_table() -> dict[date, str]:
    """GOV.UK's titles as this table writes them: straight apostrophes, "(substitute day)" from the notes."""
    table = {}
    for event in gov_uk_events():
        title = event["title"].replace("\u2019", "'")
        if event["notes"] == "Substitute day":
            title += SUBSTITUTE
        table[date.fromisoformat(event["date"])] = title
    return table


def in_years(table: dict[date, str], years: range) -> dict[date, str]:
    return {day: name for day, name in table.items() if day.year in years}


class TestRange:
    """The years the table covers."""

    def test_from_2010_to_ten_years_ahead(self) -> None:
        """The table runs from 2010 to at least 2036 (ten years after 2026)."""
        assert FIRST_YEAR == 2010
        assert LAST_YEAR >= 2036
        assert min(BANK_HOLIDAYS).year == FIRST_YEAR
        assert max(BANK_HOLIDAYS).year == LAST_YEAR

    def test_published_until_is_the_fixture_s_last_year(self) -> None:
        """PUBLISHED_UNTIL is the last year of GOV.UK's list, 2028."""
        assert PUBLISHED_UNTIL == 2028
        assert max(date.fromisoformat(event["date"]).year for event in gov_uk_events()) == PUBLISHED_UNTIL

    def test_sorted(self) -> None:
        """The table lists days in date order."""
        assert list(BANK_HOLIDAYS) == sorted(BANK_HOLIDAYS)


class TestDaysOff:
    """The table lists only the days off."""

    def test_no_weekends(self) -> None:
        """No date in the table is a Saturday or Sunday: a weekend holiday is listed by its substitute day."""
        assert [day for day in BANK_HOLIDAYS if day.weekday() >= 5] == []

    def test_eight_a_year_plus_one_offs(self) -> None:
        """Each year has the eight regular days off, plus the one-offs of 2011, 2012, 2022 and 2023."""
        per_year = Counter(day.year for day in BANK_HOLIDAYS)
        # 2011: royal wedding (29 April). 2012: Diamond Jubilee (5 June; spring bank holiday moved to 4 June).
        # 2022: Platinum Jubilee (3 June), State Funeral (19 September). 2023: coronation (8 May).
        # 2020 has eight: the early May bank holiday moved to VE day, it was not added.
        one_offs = {2011: 1, 2012: 1, 2022: 2, 2023: 1}
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            assert per_year[year] == 8 + one_offs.get(year, 0), year

    @pytest.mark.parametrize(
        ("day", "name"),
        [
            # The domain notes' sample dates for 2026 and 2027 (GOV.UK).
            (date(2026, 1, 1), "New Year's Day"),
            (date(2026, 4, 3), "Good Friday"),
            (date(2026, 4, 6), "Easter Monday"),
            (date(2026, 5, 4), "Early May bank holiday"),
            (date(2026, 5, 25), "Spring bank holiday"),
            (date(2026, 8, 31), "Summer bank holiday"),
            (date(2026, 12, 25), "Christmas Day"),
            (date(2026, 12, 28), "Boxing Day (substitute day)"),  # Boxing Day is Saturday 26th
            (date(2027, 1, 1), "New Year's Day"),
            (date(2027, 3, 26), "Good Friday"),
            (date(2027, 3, 29), "Easter Monday"),
            (date(2027, 5, 3), "Early May bank holiday"),
            (date(2027, 5, 31), "Spring bank holiday"),
            (date(2027, 8, 30), "Summer bank holiday"),
            (date(2027, 12, 27), "Christmas Day (substitute day)"),  # Christmas Day is Saturday 25th
            (date(2027, 12, 28), "Boxing Day (substitute day)"),  # Boxing Day is Sunday 26th
            # One-offs (domain notes).
            (date(2012, 6, 4), "Spring bank holiday"),
            (date(2012, 6, 5), "Queen's Diamond Jubilee"),
            (date(2020, 5, 8), "Early May bank holiday (VE day)"),
            (date(2022, 6, 2), "Spring bank holiday"),
            (date(2022, 6, 3), "Platinum Jubilee bank holiday"),
            (date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            (date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
        ],
    )
    def test_sample_dates(self, day: date, name: str) -> None:
        """Known bank holidays are in the table with GOV.UK's names."""
        assert BANK_HOLIDAYS.get(day) == name

    @pytest.mark.parametrize(
        "day",
        [
            date(2026, 12, 26),  # Boxing Day 2026 is a Saturday: the day off is Monday 28
            date(2027, 12, 25),  # Christmas Day 2027 is a Saturday
            date(2020, 5, 4),  # the first Monday of May 2020 was not a bank holiday (moved to 8 May)
            date(2022, 5, 30),  # the last Monday of May 2022 was not (moved to 2 June)
        ],
    )
    def test_not_days_off(self, day: date) -> None:
        """Weekend dates of holidays and moved regular dates are not listed."""
        assert day not in BANK_HOLIDAYS


class TestAgainstGovUk:
    """The table equals GOV.UK's published England-and-Wales list for 2019 to 2028."""

    def test_fixture_is_weekdays_only(self) -> None:
        """GOV.UK lists the day off, so every fixture date is a weekday (the fixture itself is sane)."""
        assert all(date.fromisoformat(event["date"]).weekday() < 5 for event in gov_uk_events())

    def test_same_dates_both_ways(self) -> None:
        """Every GOV.UK date is in the table and every table date in 2019-2028 is on GOV.UK's list."""
        ours = set(in_years(BANK_HOLIDAYS, GOV_UK_YEARS))
        theirs = set(gov_uk_table())
        assert sorted(theirs - ours) == []
        assert sorted(ours - theirs) == []

    def test_same_names(self) -> None:
        """Each day has GOV.UK's title, with "(substitute day)" where GOV.UK notes "Substitute day"."""
        assert in_years(BANK_HOLIDAYS, GOV_UK_YEARS) == gov_uk_table()

    def test_one_offs_in_fixture(self) -> None:
        """The fixture includes the one-off bank holidays of 2020, 2022 and 2023."""
        dates = set(gov_uk_table())
        for day in (
            date(2020, 5, 8),
            date(2022, 6, 2),
            date(2022, 6, 3),
            date(2022, 9, 19),
            date(2023, 5, 8),
        ):
            assert day in dates


class TestAgainstHolidaysPackage:
    """The table agrees with the `holidays` package for every year it covers."""

    def days_off(self) -> dict[date, str]:
        """`holidays`' weekday dates: the days off (it also lists the weekend date of a substituted holiday)."""
        table = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
        return {day: name for day, name in table.items() if day.weekday() < 5}

    def test_same_dates_both_ways(self) -> None:
        """Every weekday holiday in `holidays` is in the table, and every table date is in `holidays`."""
        theirs = set(self.days_off())
        ours = set(BANK_HOLIDAYS)
        assert sorted(theirs - ours) == []
        assert sorted(ours - theirs) == []

    def test_substitutes_agree(self) -> None:
        """A day is a substitute day in the table exactly when `holidays` calls it "(observed)"."""
        for day, name in self.days_off().items():
            assert name.endswith("(observed)") == BANK_HOLIDAYS[day].endswith(SUBSTITUTE), day

    def test_every_weekend_holiday_has_a_substitute(self) -> None:
        """Each holiday that `holidays` puts at a weekend has a substitute weekday in the table."""
        table = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
        weekend = Counter(day.year for day in table if day.weekday() >= 5)
        substitutes = Counter(day.year for day, name in BANK_HOLIDAYS.items() if name.endswith(SUBSTITUTE))
        assert weekend == substitutes


class TestGenerator:
    """scripts/generate_bank_holidays.py: the table is generated, never hand-edited."""

    def test_header_names_the_generator(self) -> None:
        """The module says it is generated, by which script, and not to edit it."""
        text = (ROOT / "src" / "sccif_core" / "bank_holidays_england.py").read_text(encoding="utf-8")
        assert "GENERATED by scripts/generate_bank_holidays.py" in text
        assert "Do not edit by hand" in text

    def test_check_passes(self) -> None:
        """`generate_bank_holidays.py --check` finds the committed table up to date."""
        done = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "generate_bank_holidays.py"), "--check"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr

    def test_check_fails_on_a_stale_table(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """`--check` exits 1 when the table differs from what the generator would write."""
        from scripts import generate_bank_holidays as generator

        stale = tmp_path / "bank_holidays_england.py"
        stale.write_text(generator.render(generator.bank_holidays()).replace("Good Friday", "Good Fri"))
        monkeypatch.setattr(generator, "TARGET", stale)
        assert generator.main(["--check"]) == 1
        assert generator.main([]) == 0
        assert generator.main(["--check"]) == 0
