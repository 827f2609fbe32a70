"""sccif_core.occupancy.residents: when a resident turns 18, and the 29 February setting.

Where the rules come from: a child is a person under 18 (framework anchor
inspecting-homes-where-young-adults-live-1); an age is attained at the start of the
anniversary of the birth (Family Law Reform Act 1969, s.9); no statute settles a
29 February birthday in a common year, so it is a setting, 1 March by default (issue 6).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sccif_core.errors import InputError
from sccif_core.occupancy import eighteenth_birthday
from sccif_core.occupancy.residents import leap_birthday_setting


class TestEighteenthBirthday:
    """eighteenth_birthday(date_of_birth, leap_birthday)."""

    def test_ordinary(self) -> None:
        """Born 14 March 2008: 18 on 14 March 2026."""
        assert eighteenth_birthday(date(2008, 3, 14)) == date(2026, 3, 14)

    def test_leap_day_default(self) -> None:
        """Born 29 February 2008: 18 on 1 March 2026 by default (2026 has no 29 February)."""
        assert eighteenth_birthday(date(2008, 2, 29)) == date(2026, 3, 1)

    def test_leap_day_feb_28(self) -> None:
        """Born 29 February 2008, with the 28 February setting: 18 on 28 February 2026."""
        assert eighteenth_birthday(date(2008, 2, 29), "feb-28") == date(2026, 2, 28)

    def test_leap_day_is_always_in_a_common_year(self) -> None:
        """Born 29 February 2012: 18 in 2030, a common year, so on 1 March or 28 February by the setting."""
        # 18 years after a leap year is never a leap year (18 is not a multiple of 4).
        assert eighteenth_birthday(date(2012, 2, 29)) == date(2030, 3, 1)
        assert eighteenth_birthday(date(2012, 2, 29), "feb-28") == date(2030, 2, 28)

    @given(st.dates(date(1990, 1, 1), date(2020, 12, 31)), st.sampled_from(["mar-1", "feb-28"]))
    def test_only_leap_day_births_depend_on_the_setting(self, born: date, setting: str) -> None:
        """Anyone not born on 29 February turns 18 on the same day and month, 18 years later."""
        if (born.month, born.day) != (2, 29):
            assert eighteenth_birthday(born, setting) == born.replace(year=born.year + 18)  # type: ignore[arg-type]


class TestSetting:
    """leap_birthday_setting(text): only the two settings are accepted."""

    def test_accepts(self) -> None:
        """'mar-1' and 'FEB-28 ' are read."""
        assert leap_birthday_setting("mar-1") == "mar-1"
        assert leap_birthday_setting("FEB-28 ") == "feb-28"

    def test_rejects(self) -> None:
        """Anything else is an error on the leap_birthday field."""
        with pytest.raises(InputError) as raised:
            leap_birthday_setting("29-feb")
        assert raised.value.field == "leap_birthday"
