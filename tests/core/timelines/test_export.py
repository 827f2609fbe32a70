"""iCalendar and CSV exports of a timeline: valid, complete and the same dates as the engine."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import icalendar
from hypothesis import given, settings

from sccif_core.timelines import compute
from sccif_core.timelines.export import CSV_COLUMNS, escape_text, filename, fold, to_csv, to_ics
from tests.strategies import timeline_fields

STAMP = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def events(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return [component for component in calendar.walk() if component.name == "VEVENT"]


class TestIcs:
    def test_parses_with_one_all_day_event_per_milestone(self) -> None:
        """With every date asked for, the full inspection's .ics has one all-day event per milestone."""
        timeline = compute("full", {"end": "2026-12-10"})
        text = to_ics(timeline, stamp=STAMP, everything=True)
        parsed = events(text)
        assert len(parsed) == len(timeline.milestones)
        for event, milestone in zip(parsed, timeline.milestones, strict=True):
            start = event.decoded("DTSTART")
            end = event.decoded("DTEND")
            assert type(start) is date and type(end) is date  # VALUE=DATE, all-day
            assert start == date.fromisoformat(milestone.date_from or milestone.date)
            assert end == date.fromisoformat(milestone.date) + timedelta(days=1)  # exclusive end
            assert milestone.label in str(event.get("SUMMARY"))
        draft = next(e for e in parsed if "Draft report" in str(e.get("SUMMARY")))
        assert draft.decoded("DTSTART") == date(2027, 1, 8)  # across Christmas 2026
        assert "Christmas Day" in str(draft.get("DESCRIPTION"))

    def test_required_properties(self) -> None:
        """The calendar has VERSION and PRODID; each event a unique UID and a UTC DTSTAMP."""
        text = to_ics(compute("assurance", {"visit": "2026-12-02"}), stamp=STAMP)
        calendar = icalendar.Calendar.from_ical(text)
        assert str(calendar.get("VERSION")) == "2.0"
        assert "sccif-core" in str(calendar.get("PRODID"))
        uids = [str(event.get("UID")) for event in events(text)]
        assert len(uids) == len(set(uids))
        assert all(event.decoded("DTSTAMP") == STAMP for event in events(text))

    def test_crlf_and_folding(self) -> None:
        """Every line ends CRLF and no line is longer than 75 octets."""
        text = to_ics(compute("serious-concerns", {"visit": "2022-09-16"}), stamp=STAMP)
        assert text.endswith("\r\n")
        lines = text.split("\r\n")[:-1]
        assert all("\n" not in line and "\r" not in line for line in lines)
        assert max(len(line.encode("utf-8")) for line in lines) <= 75
        assert any(line.startswith(" ") for line in lines)  # long descriptions were folded

    def test_window_spans_its_days(self) -> None:
        """A window is one event from its first day to the day after its last."""
        text = to_ics(compute("full", {"end": "2026-03-27"}), stamp=STAMP, everything=True)
        window = next(e for e in events(text) if "Window" in str(e.get("SUMMARY")))
        # Days 7 to 10 of the "Timeframe" table (#timeframe-1-7): 3 to 6 working days after
        # Friday 27 March 2026, skipping Good Friday and Easter Monday: 1 to 8 April 2026
        assert window.decoded("DTSTART") == date(2026, 4, 1)
        assert window.decoded("DTEND") == date(2026, 4, 9)

    def test_links_with_base_url(self) -> None:
        """With the site's address, each event links to its framework paragraph."""
        text = to_ics(
            compute("approval-review", {"review": "2024-02-29"}),
            stamp=STAMP,
            base_url="https://example.org/sccif/",
        )
        (event,) = events(text)
        assert str(event.get("URL")) == (
            "https://example.org/sccif/framework/special-circumstances/#approval-of-secure-childrens-homes-2"
        )

    def test_escaping_round_trips(self) -> None:
        """Commas, semicolons, backslashes and newlines survive escaping and parsing."""
        value = "a, b; c\\d\ne"
        ics = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\n"
            f"DTSTAMP:20260101T000000Z\r\nSUMMARY:{escape_text(value)}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        (event,) = events(ics)
        assert str(event.get("SUMMARY")) == value

    def test_fold_keeps_utf8_characters_whole(self) -> None:
        """Folding never splits a multi-byte character and keeps each line within 75 octets."""
        line = "DESCRIPTION:" + "–é€" * 60
        folded = fold(line)
        parts = folded.split("\r\n ")
        assert "".join(parts) == line
        assert all(
            len(part.encode("utf-8")) <= (75 if index == 0 else 74) for index, part in enumerate(parts)
        )

    @settings(max_examples=60, deadline=None)
    @given(timeline_fields())
    def test_every_kind_parses(self, case: tuple[str, dict[str, object]]) -> None:
        """Any kind of timeline exports an .ics that parses, event for milestone."""
        kind, fields = case
        timeline = compute(kind, fields)
        assert len(events(to_ics(timeline, stamp=STAMP, everything=True))) == len(timeline.milestones)


class TestCsv:
    def test_rows_match_milestones(self) -> None:
        """With every date asked for, the CSV has a header and one row per milestone, dates and sources."""
        timeline = compute("full", {"end": "2026-11-19"})
        text = to_csv(timeline, everything=True)
        assert "\r\n" in text
        rows = list(csv.DictReader(io.StringIO(text)))
        assert list(rows[0]) == list(CSV_COLUMNS)
        assert [(row["key"], row["date"], row["source"]) for row in rows] == [
            (m.key, m.date, m.source) for m in timeline.milestones
        ]
        final = next(row for row in rows if row["key"] == "final_report")
        assert final["moved_by_bank_holidays"] == "yes"
        assert "Christmas Day (2026-12-25)" in final["bank_holidays"]

    def test_filename(self) -> None:
        """Export files are named after the kind and the anchor date."""
        assert filename(compute("full", {"end": "2026-11-19"}), "ics") == "sccif-timeline-full-2026-11-19.ics"


class TestWhatTheFilesHold:
    """By default a file holds the provider's own dates still to come; ``everything`` holds them all."""

    def test_own_future_dates_by_default(self) -> None:
        """Full inspection ended Thursday 19 November 2026, today Sunday 20 December 2026."""
        timeline = compute("full", {"end": "19/11/2026", "today": "20/12/2026"})
        keys_dates = [
            (e.get("UID").split("-2026-11-19-")[1].split("@")[0], e.decoded("DTSTART"))
            for e in events(to_ics(timeline, stamp=STAMP))
        ]
        assert keys_dates == [
            # "Provider returns the report with comments or submits a formal complaint within 5
            # working days" (#timeframe-1-9): 5 working days after Tuesday 15 December 2026
            ("provider_comments", date(2026, 12, 22)),
            # "Final report sent to the registered provider within 30 working days" (#timeframe-1-10),
            # past Christmas Day, the substitute Boxing Day and New Year's Day
            ("final_report", date(2027, 1, 5)),
            # "lodge a formal complaint when it receives the final report" (#complaints-1)
            ("complaint_final_report", date(2027, 1, 5)),
            # "published on the Ofsted reports website 5 days after it is sent" (#timeframe-1-11)
            ("publication", date(2027, 1, 12)),
        ]
        rows = list(csv.DictReader(io.StringIO(to_csv(timeline))))
        assert [row["key"] for row in rows] == [key for key, _ in keys_dates]

    def test_no_today_keeps_every_own_date(self) -> None:
        """With no today, the file holds every one of the provider's dates and none of Ofsted's own steps."""
        timeline = compute("full", {"end": "19/11/2026"})
        rows = list(csv.DictReader(io.StringIO(to_csv(timeline))))
        keys = [row["key"] for row in rows]
        assert "draft_report" in keys and "provider_comments" in keys and "publication" in keys
        assert "quality_assurance" not in keys and "preparation" not in keys
        assert len(rows) < len(timeline.milestones)

    def test_everything_holds_every_date(self) -> None:
        """`everything` puts passed dates and Ofsted's own steps back."""
        timeline = compute("full", {"end": "19/11/2026", "today": "20/12/2026"})
        assert len(events(to_ics(timeline, stamp=STAMP, everything=True))) == len(timeline.milestones) == 17
