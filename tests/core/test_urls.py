"""sccif_core.urls and the exports that write the site's address and the user's text (issue 19, cases 7 and 8)."""

from __future__ import annotations

import argparse
import json

import pytest

from sccif_core import browser_api
from sccif_core.errors import InputError
from sccif_core.preparation.markdown import read_markdown, write_markdown
from sccif_core.preparation.workspace import workspace_from_json
from sccif_core.timelines import compute
from sccif_core.timelines.export import csv_rows, to_ics
from sccif_core.urls import base_url_option, check_base_url

HOSTILE = [
    "http://x/\r\nATTACH:http://evil",
    "https://example.org/\nURL:javascript:alert(1)",
    "javascript:alert(1)",
    "JaVaScRiPt://example.org/%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "//example.org/",
    "/sccif/",
    "https://",
    "https://exa mple.org/",
    'https://example.org/"onmouseover="x',
    "https://example.org/<script>",
    "https://example.org/a)b",
    "https://example.org/\u202egro.elpmaxe",
    "https://example.org/?q=1",
    "https://example.org/#top",
    "https://[::1/",
]


class TestCheckBaseUrl:
    """check_base_url: an absolute http(s) address with a host and only URL characters, ending in /."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("https://example.org/sccif/", "https://example.org/sccif/"),
            ("https://example.org/sccif", "https://example.org/sccif/"),
            ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/"),
            ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG/"),
            ("", ""),
            ("   ", ""),
            (None, ""),
        ],
    )
    def test_good_addresses(self, value: object, expected: str) -> None:
        """http and https addresses are kept, with a final / added; blank means no links."""
        assert check_base_url(value) == expected

    @pytest.mark.parametrize("value", HOSTILE)
    def test_case_7_hostile_addresses_are_refused(self, value: str) -> None:
        """Line breaks, other schemes, relative addresses, spaces, quotes, brackets and bidi characters are refused."""
        with pytest.raises(InputError) as raised:
            check_base_url(value, field="base_url")
        assert raised.value.field == "base_url"
        assert "\n" not in raised.value.message and "\r" not in raised.value.message

    def test_not_text(self) -> None:
        """A number where the address should be is refused, not turned into text."""
        with pytest.raises(InputError, match="must be text"):
            check_base_url(42)

    def test_as_an_argparse_type(self) -> None:
        """base_url_option turns the refusal into an argparse error, which names the option."""
        assert base_url_option("https://example.org") == "https://example.org/"
        with pytest.raises(argparse.ArgumentTypeError, match="must start with http:// or https://"):
            base_url_option("javascript:alert(1)")


class TestExports:
    """Every export escapes what its format needs and takes only a checked address."""

    @pytest.mark.parametrize("value", HOSTILE[:3])
    def test_case_7_to_ics_refuses_a_hostile_address(self, value: str) -> None:
        """to_ics (the library and the browser's timeline.ics) refuses the address before writing anything."""
        timeline = compute("full", {"end": "2026-11-19"})
        with pytest.raises(InputError):
            to_ics(timeline, base_url=value)
        answer = browser_api.call(
            "timeline.ics", json.dumps({"kind": "full", "end": "2026-11-19", "base_url": value})
        )
        assert '"error"' in answer and "ATTACH" not in answer.split('"error"')[0]

    def test_case_7_every_ics_line_is_a_property_of_its_own(self) -> None:
        """With a good address, each event has one URL line and no line starts with a property the data added."""
        text = to_ics(compute("full", {"end": "2026-11-19"}), base_url="https://example.org/")
        lines = text.split("\r\n")
        assert not [line for line in lines if line.startswith("ATTACH")]
        assert text.count("\r\nURL:https://example.org/framework/") == text.count("BEGIN:VEVENT")

    def test_timeline_csv_cells_are_never_formulas(self) -> None:
        """No cell of the timeline CSV starts with = + - @, a tab or a carriage return."""
        for row in csv_rows(compute("compliance", {"notices": ["2026-05-01", "2026-05-04"]})):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell

    @pytest.mark.parametrize("value", HOSTILE[:3])
    def test_case_7_preparation_exports_refuse_a_hostile_address(self, value: str) -> None:
        """The self-evaluation's Markdown and CSV downloads check base_url the same way."""
        for name in ("prepare.export_markdown", "prepare.export_csv"):
            answer = browser_api.call(name, json.dumps({"workspace": {}, "base_url": value}))
            assert answer.startswith('{"error":'), (name, answer[:200])

    def test_case_8_markdown_notes_cannot_make_links_images_or_html(self) -> None:
        """Notes with a link, an image and HTML are written inert, and read back exactly as typed."""
        notes = "See [here](javascript:alert(1)) and ![x](https://tracker.example/p.png)\n<img src=x onerror=1> & &amp;"
        workspace = workspace_from_json({"items": {"overall-experiences-evidence-1": {"notes": notes}}})
        text = write_markdown(workspace, base_url="https://example.org/")
        body = text.split("**Notes:**", 1)[1]
        assert "[here](" not in body and "![x](" not in body and "<img" not in body
        assert "&#91;here](javascript:alert(1))" in body
        back = read_markdown(text)
        assert back.entry("overall-experiences-evidence-1").notes == notes

    def test_the_export_date_is_a_date(self) -> None:
        """prepare.export_markdown's 'today' must be a date in the supported range, not free text."""
        answer = browser_api.call("prepare.export_markdown", '{"workspace": {}, "today": "# injected\\n<b>"}')
        assert answer.startswith('{"error":')
        answer = browser_api.call("prepare.export_markdown", '{"workspace": {}, "today": "2026-11-25"}')
        assert "Exported: 2026-11-25" in answer
