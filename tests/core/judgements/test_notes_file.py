"""The explorer's evidence notes as a Markdown file: the core writes it, names it and escapes it."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import markdown

from sccif_core import browser_api
from sccif_core.judgements.notes_file import notes_file, notes_markdown

TODAY = date(2026, 12, 6)
DESCRIPTORS: list[dict[str, Any]] = [
    {
        "title": "Children's health",
        "descriptors": [
            {"anchor": "health-good-1", "text": "Children are healthy.", "points": []},
            {"anchor": "health-good-2", "text": "Care covers:", "points": [{"text": "dental care"}]},
        ],
    },
    {
        "title": "Leaders and managers",
        "descriptors": [{"anchor": "leaders-good-1", "text": "Leaders lead.", "points": []}],
    },
]
# What a Markdown viewer makes of markup: none of it may come from a note.
MARKUP = (
    "<img",
    "<script",
    "<a ",
    "<h1",
    "<strong",
    "<em",
    "<code",
    "<ol",
    "<ul",
    "<pre",
    "<table",
    "<b>",
    "<blockquote",
)
HEADER = (
    "# Evidence notes against what “good” looks like\n"
    "\n"
    "Written with the SCCIF guide (Social care common inspection framework: secure children's homes, "
    "updated 5 April 2024), 2026-12-06.\n"
    "These are notes, not a grade: judgements are best fit, not a checklist.\n"
    "\n"
)


def call(name: str, payload: object) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(browser_api.call(name, json.dumps(payload)))
    return result


def test_the_page_gets_one_file_named_for_the_day() -> None:
    """judge.notes_file answers {filename, mime, text}, as lib/download.js saves it, dated the day the page gives."""
    payload = {"notes": {"health-good-2": "Dental checks"}, "today": "2026-12-06"}
    result = call("judge.notes_file", payload)["result"]
    assert result["filename"] == "sccif-evidence-notes-2026-12-06.md"
    assert result["mime"] == "text/markdown;charset=utf-8"
    assert result["text"].startswith(HEADER + "## Children's health\n\n### Descriptor health-good-2\n\n> ")
    assert "\n\nDental checks\n" in result["text"]


def test_each_descriptor_is_quoted_with_its_points_and_the_note_under_it() -> None:
    text = notes_markdown({"health-good-2": "Dentist visits\r\n  weekly"}, TODAY, DESCRIPTORS)
    assert text == HEADER + (
        "## Children's health\n"
        "\n"
        "### Descriptor health-good-2\n"
        "\n"
        "> Care covers:\n"
        "> - dental care\n"
        "\n"
        "Dentist visits  \n"
        "weekly\n"
        "\n"
    )


def test_notes_follow_the_frameworks_order_and_unknown_ones_come_last_as_typed() -> None:
    notes = {"zz-old": "Second", "leaders-good-1": "Leaders", "aa-old": "Third", "health-good-1": "Health"}
    text = notes_file(notes, TODAY, DESCRIPTORS)["text"]
    order = ["## Children's health", "Health", "## Leaders and managers", "Leaders", "## Other notes"]
    order += ["### zz\\-old", "Second", "### aa\\-old", "Third"]
    places = [text.index(f"\n{line}\n") for line in order]
    assert places == sorted(places)


def test_blank_notes_are_left_out_and_no_notes_give_the_header_only() -> None:
    assert notes_file({"health-good-1": "  \n "}, TODAY, DESCRIPTORS)["text"] == HEADER
    assert notes_file({}, TODAY, DESCRIPTORS)["text"] == HEADER


def test_markdown_and_html_in_a_note_stay_text() -> None:
    """Rendered, a hostile note is plain text: no tag, link, image, heading, list, code or emphasis."""
    hostile = (
        "<img src=x onerror=alert(1)> <script>alert(2)</script>\n"
        "# Not a heading\n"
        "[click](javascript:alert(3)) ![pic](http://example.com/x.png) **loud** `code` &amp; | a | b |\n"
        "    indented\n"
        "1. not a list\n"
        "> not a quote\n"
        "- not a bullet\n"
        "==="
    )
    text = notes_file({"health-good-1": hostile, "<b>odd</b>": hostile}, TODAY, DESCRIPTORS)["text"]
    quoted = "> Children are healthy.\n"
    html = markdown.markdown(text[text.index(quoted) + len(quoted) :])
    for tag in MARKUP:
        assert tag not in html, (tag, html)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&#91;click](javascript:alert(3))" in html  # shown as "[click](…)": not a link
    assert "&amp;amp;" in html  # the "&amp;" typed, shown as typed
    assert html.count("<h2>") == 1 and html.count("<h3>") == 1  # "Other notes" and the odd anchor


def test_notes_that_are_not_text_or_a_day_that_is_not_a_date_are_refused() -> None:
    for notes in (["health-good-1"], {"health-good-1": 3}, None):
        answer = call("judge.notes_file", {"notes": notes, "today": "2026-12-06"})
        assert answer["error"]["field"] == "notes"
    answer = call("judge.notes_file", {"notes": {}, "today": "tomorrow"})
    assert answer["error"]["field"] == "today"
