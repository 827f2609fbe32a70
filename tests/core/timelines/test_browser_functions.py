"""The browser's timeline functions: the same answers as the library, errors as data, exports as text."""

from __future__ import annotations

import json
from typing import Any

import icalendar

from sccif_core.browser_api import call
from sccif_core.timelines import KINDS, compute, timeline_dict


def ask(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    return json.loads(call(name, json.dumps(payload)))  # type: ignore[no-any-return]


class TestBrowserFunctions:
    def test_compute_is_the_library(self) -> None:
        """timeline.compute returns exactly the library's timeline for the same form fields."""
        fields = {"end": "10/12/2026", "today": "05/01/2027", "extra": ""}
        answer = ask("timeline.compute", {"kind": "full", **fields})
        assert answer == {"result": json.loads(json.dumps(timeline_dict(compute("full", fields))))}

    def test_error_names_the_field(self) -> None:
        """A bad date comes back as an error naming the form field, never a traceback."""
        answer = ask("timeline.compute", {"kind": "reg44", "visits": "14/01/2026\n31/02/2026"})
        assert answer["error"]["field"] == "visits"
        assert answer["error"]["row"] == 2
        assert answer["error"]["problem"] == "'31/02/2026' is not a real date."

    def test_missing_kind(self) -> None:
        """A request without a kind asks the reader to choose what happened."""
        answer = ask("timeline.compute", {})
        assert answer["error"]["field"] == "kind"

    def test_ics_and_csv(self) -> None:
        """timeline.ics and timeline.csv return a file name, a type and the file's text."""
        ics = ask(
            "timeline.ics",
            {
                "kind": "assurance",
                "visit": "2026-12-02",
                "base_url": "https://example.org/",
                "everything": True,
            },
        )["result"]
        assert ics["filename"] == "sccif-timeline-assurance-2026-12-02.ics"
        assert ics["mime"].startswith("text/calendar")
        # 11 rows of the day table and its notes, plus the requirement at feedback and the
        # complaint on receiving the final report (#requirements-6, #complaints-1)
        assert len(icalendar.Calendar.from_ical(ics["text"]).walk("VEVENT")) == 13 == ics["count"]
        own = ask("timeline.ics", {"kind": "assurance", "visit": "2026-12-02"})["result"]
        # by default only the provider's own dates: contacting Ofsted the next working day, the draft
        # report, comments, the final report, the complaint on receiving it, and publication
        assert own["count"] == 6 and own["everything"] is False
        assert len(icalendar.Calendar.from_ical(own["text"]).walk("VEVENT")) == 6
        csv_file = ask("timeline.csv", {"kind": "assurance", "visit": "2026-12-02"})["result"]
        assert csv_file["filename"].endswith(".csv") and csv_file["text"].startswith("kind,key,label")

    def test_kinds_describe_the_form(self) -> None:
        """timeline.kinds lists every kind with its fields, for the page's form."""
        kinds = ask("timeline.kinds", {})["result"]
        assert [kind["key"] for kind in kinds] == list(KINDS)
        full = kinds[0]
        assert [field["name"] for field in full["fields"]] == [
            "end",
            "feedback",
            "draft_sent",
            "final_sent",
            "complaint",
        ]
        assert full["fields"][0]["required"] is True


class TestEveryProblemAtOnce:
    """timeline.compute reports every field's problem in one answer, in the form's order (issue 18)."""

    def test_every_bad_field_of_a_kind_with_today(self) -> None:
        answer = ask(
            "timeline.compute", {"kind": "full", "end": "31/02/2026", "draft_sent": "x", "today": "soon"}
        )
        assert [e["field"] for e in answer["error"]["errors"]] == ["end", "draft_sent", "today"]

    def test_a_missing_required_date_joins_the_bad_ones_in_the_forms_order(self) -> None:
        """The kind's own words for a missing start date, before the bad deferral on line 2."""
        answer = ask(
            "timeline.compute", {"kind": "qualification", "start": "", "deferrals": "6 months\na while"}
        )
        assert [(e["field"], e["row"], e["problem"]) for e in answer["error"]["errors"]] == [
            ("start", None, "enter the date they started (to manage, or in a care role)."),
            (
                "deferrals",
                2,
                "'a while' is not a period. Write it like 6 months, 10 weeks, 45 days or 1 year.",
            ),
        ]

    def test_a_bad_choice_is_reported_with_the_dates(self) -> None:
        answer = ask(
            "timeline.compute", {"kind": "qualification", "role": "boss", "start": "1/1/2026", "today": "x"}
        )
        assert [e["field"] for e in answer["error"]["errors"]] == ["role", "today"]


class TestListLimits:
    """Issue 19 item 9: the limit on a list names what the list holds."""

    def test_too_many_deferral_periods_are_periods(self) -> None:
        periods = "\n".join(["6 months"] * 501)
        answer = ask("timeline.compute", {"kind": "qualification", "start": "1/1/2026", "deferrals": periods})
        assert answer["error"]["problem"] == "at most 500 periods at once, not 501."

    def test_too_many_visits_are_visits(self) -> None:
        visits = "\n".join(["14/01/2026"] * 501)
        answer = ask("timeline.compute", {"kind": "reg44", "visits": visits})
        assert answer["error"]["problem"] == "at most 500 visits at once, not 501."
