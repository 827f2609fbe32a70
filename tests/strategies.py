"""Hypothesis strategies shared by the tests (append yours)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from sccif_core.workdays import FIRST_YEAR, LAST_YEAR


def dates_in_range(first: date | None = None, last: date | None = None) -> st.SearchStrategy[date]:
    """Dates the working-day table covers (default: every year of it)."""
    return st.dates(
        min_value=first or date(FIRST_YEAR, 1, 1),
        max_value=last or date(LAST_YEAR, 12, 31),
    )


def dates_out_of_range() -> st.SearchStrategy[date]:
    """Real dates before or after the years the working-day table covers."""
    return st.one_of(
        st.dates(max_value=date(FIRST_YEAR - 1, 12, 31)),
        st.dates(min_value=date(LAST_YEAR + 1, 1, 1)),
    )


def working_day_counts(max_value: int = 2_000) -> st.SearchStrategy[int]:
    """A number of working days: 0 up to about 8 years' worth by default."""
    return st.integers(min_value=0, max_value=max_value)


def uk_date_text(day: date) -> str:
    """25/11/2026: the way people in England type dates."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def date_texts() -> st.SearchStrategy[tuple[date, str]]:
    """A date in the table's range, and a way of typing it (ISO, UK, d/m/yyyy)."""
    return dates_in_range().flatmap(
        lambda day: st.tuples(
            st.just(day),
            st.sampled_from(
                [day.isoformat(), uk_date_text(day), f"{day.day}/{day.month}/{day.year}", f" {day.isoformat()} "]
            ),
        )
    )
