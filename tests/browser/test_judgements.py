"""The judgement explorer and practice pages as readers use them, checked against the CPython engine."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from sccif_core import browser_api
from sccif_core.judgements import practice

from .held_core import hold_the_core
from .page_checks import assert_aria_snapshot, assert_focus_not_on_body, duplicate_control_names
from .runtime_helpers import LOAD_TIMEOUT_MS, calls_in_browser, wait_until_ready

EXPLORER = "tools/judgements/"
# site_widgets/lib/keep.js keeps {version, saved_at, state} under "<key>-v<version>"; v1 was the page's own.
NOTES_KEY = "sccif-judgement-notes-v2"
OLD_NOTES_KEY = "sccif-judgement-notes-v1"
KEEP_NOTES = "Keep my notes on this device"
PRACTICE = "tools/practice/"
PRACTICE_SEED = 20261119  # a fixed set of practice questions, for the reviewed accessibility trees
SHOWN = ("overall-experiences", "leaders-and-managers")
LABELS = {
    "helped-and-protected": "How well children are helped and protected",
    "leaders-and-managers": "The effectiveness of leaders and managers",
    "education": "Children's education and learning experience",
    "health": "Children's health",
    "overall-experiences": "The overall experiences and progress of children",
}
CONDITION_LABELS = {
    "manager-vacancy-26-weeks": "No manager appointed after 26 weeks",
    "manager-not-registered-12-weeks": "The manager has been appointed for more than 12 weeks",
    "reg28-breach": "Inspectors raise a requirement under regulation 28",
    "staff-unqualified": "None, or very few, staff are qualified",
    "exceptional-circumstances": "Exceptional circumstances apply",
    "no-children-first-inspection": "First inspection after registration",
}

# The theme's header, navigation, progress bar and footer are the same on every page and are
# checked there by tests/browser/test_site.py; these tests are about the tools' own content.
THEME_CHROME = [".md-header", ".md-sidebar", ".md-progress", ".md-footer", ".md-tabs"]

# (grades, conditions): each a case the framework's sentences decide.
CASES: list[tuple[dict[str, str], list[str]]] = [
    ({"helped-and-protected": "inadequate", "leaders-and-managers": "good"}, []),  # judgement-structure-6
    ({"helped-and-protected": "requires-improvement"}, []),  # no rule binds
    (
        {"leaders-and-managers": "inadequate", "overall-experiences": "good"},
        [],
    ),  # judgement-structure-7, a conflict
    ({}, ["manager-vacancy-26-weeks"]),  # leaders-and-managers-inadequate-3
    (
        {"leaders-and-managers": "outstanding"},
        ["reg28-breach"],
    ),  # registered-manager-qualifications-4, a conflict
    (
        {"leaders-and-managers": "good"},
        ["staff-unqualified", "exceptional-circumstances"],
    ),  # staff-qualifications-8
    ({"education": "not-judged"}, ["manager-not-registered-12-weeks"]),  # subsequent-inspection-activity-20
    ({"overall-experiences": "good"}, ["no-children-first-inspection"]),  # no-children-living-in-the-home-3
]


def cpython(grades: dict[str, str], conditions: list[str]) -> dict:  # type: ignore[type-arg]
    reply = json.loads(
        browser_api.call("judge.evaluate", json.dumps({"grades": grades, "conditions": conditions}))
    )
    return reply["result"]  # type: ignore[no-any-return]


def query(grades: dict[str, str], conditions: list[str]) -> str:
    parts = [f"{key}={value}" for key, value in grades.items()]
    if conditions:
        parts.append("conditions=" + ",".join(conditions))
    return "?" + "&".join(parts)


# One picture of the answer, read in a single step: the explorer draws a reply in one task, so this never
# mixes two replies. Per judgement shown, each grade's state (allowed, usual or ruled-out).
SHOWN_ANSWER = """() => ({
  rules: [...document.querySelectorAll(".sccif-judge__answer [data-rule]")].map((card) => card.dataset.rule),
  outlooks: Object.fromEntries(["overall-experiences", "leaders-and-managers"].map((judgement) => [
    judgement,
    Object.fromEntries([...document.querySelectorAll(`.sccif-outlook[data-judgement="${judgement}"] [data-grade]`)]
      .map((item) => [item.dataset.grade, item.dataset.state])),
  ])),
  conflicts: document.querySelector("[data-sccif-conflicts]")?.dataset.sccifConflicts ?? null,
})"""


def expected_states(outlook: dict[str, list[str]]) -> dict[str, str]:
    if not outlook["allowed"]:
        return {}
    narrowed = len(outlook["usual"]) < len(outlook["allowed"])
    return {
        grade: "ruled-out"
        if grade not in outlook["allowed"]
        else "usual"
        if narrowed and grade in outlook["usual"]
        else "allowed"
        for grade in ("outstanding", "good", "requires-improvement", "inadequate")
    }


def assert_matches_cpython(page: Page, grades: dict[str, str], conditions: list[str]) -> None:
    """Wait until the page shows what the CPython engine gives for these choices, then compare in full.

    Only the whole answer shows the reply has come: the reply to an earlier choice can hold as many rules.
    """
    result = cpython(grades, conditions)
    expected = {
        "rules": [
            rule["id"]
            for rule in sorted(
                result["rule_details"],
                key=lambda r: (r["effect"] in ("not-judged", "no-judgement"), r["strength"] == "usually"),
            )
        ],
        "outlooks": {
            "overall-experiences": expected_states(result["overall"]),
            "leaders-and-managers": expected_states(result["leadership"]),
        },
        "conflicts": str(len(result["conflicts"])) if result["conflicts"] else None,
    }
    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
    shown = page.evaluate(SHOWN_ANSWER)
    while shown != expected and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        shown = page.evaluate(SHOWN_ANSWER)
    assert shown == expected, (grades, conditions)


def choose(page: Page, grades: dict[str, str], conditions: list[str]) -> None:
    """Set the form as a reader would: pick each grade, tick each finding."""
    page.get_by_role("button", name="Clear all choices").click()
    for key, value in grades.items():
        page.get_by_label(LABELS[key], exact=True).select_option(value)
    for key in conditions:
        page.get_by_label(CONDITION_LABELS[key]).check()


class TestExplorer:
    def test_results_match_the_cpython_engine(self, page: Page, site_url: str) -> None:
        """For each case the page shows the grades, rules and conflicts the CPython engine gives."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        for grades, conditions in CASES:
            choose(page, grades, conditions)
            assert_matches_cpython(page, grades, conditions)

    def test_hard_limits_and_tendencies_are_told_apart_in_words(self, page: Page, site_url: str) -> None:
        """A ruled-out grade and a usual grade carry different words, not only a different colour."""
        page.goto(site_url + EXPLORER + query({}, ["manager-vacancy-26-weeks"]))
        wait_until_ready(page)
        leadership = page.locator('.sccif-outlook[data-judgement="leaders-and-managers"]')
        expect(leadership.locator('[data-grade="good"]')).to_contain_text(
            "Ruled out: a hard limit", timeout=LOAD_TIMEOUT_MS
        )
        expect(leadership.locator('[data-grade="inadequate"]')).to_contain_text("usual here: a tendency")
        expect(page.locator(".sccif-rule-card--limit .sccif-rule-card__kind").first).to_have_text(
            "Hard limit (always)"
        )
        expect(page.locator(".sccif-rule-card--tendency .sccif-rule-card__kind").first).to_have_text(
            "Tendency (usually)"
        )

    def test_rule_links_go_to_the_framework_paragraph(self, page: Page, site_url: str) -> None:
        """Each quoted rule links to its paragraph, and following the link lands on that anchor."""
        page.goto(site_url + EXPLORER + query({"helped-and-protected": "inadequate"}, []))
        wait_until_ready(page)
        card = page.locator('[data-rule="helped-and-protected-inadequate-overall-inadequate"]')
        link = card.get_by_role("link", name="Read this paragraph in the framework")
        expect(link).to_have_attribute(
            "href", site_url + "framework/making-judgements/#judgement-structure-6", timeout=LOAD_TIMEOUT_MS
        )
        link.click()
        expect(page.locator("#judgement-structure-6")).to_contain_text("will always be inadequate")


VIEWPORTS = [{"width": 390, "height": 844}, {"width": 1280, "height": 800}]


def in_view(page: Page, selector: str) -> dict[str, float]:
    """The element's box, asserted to lie wholly inside the viewport as it is now (the test never scrolls)."""
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None, selector
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (selector, box, size)
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (selector, box, size)
    return box


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v['width']}x{v['height']}")
class TestAnswerFirst:
    def test_a_grade_shows_its_consequence_beside_it_and_the_summary_in_view(
        self, page: Page, site_url: str, viewport: dict[str, int]
    ) -> None:
        """Helped and protected inadequate: right by that control, "the overall grade can only be inadequate"
        with the framework's words and link, and the summary, both in view; focus stays on the control."""
        page.set_viewport_size(viewport)
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        control = page.get_by_label(LABELS["helped-and-protected"], exact=True)
        control.focus()
        control.select_option("inadequate")
        # "if inspectors judge this area to be inadequate, then the 'overall experiences and progress'
        # judgement will always be inadequate." (#judgement-structure-6)
        effect = page.locator('[data-sccif-effect="helped-and-protected"]')
        expect(effect).to_contain_text(
            "So the overall grade can only be inadequate.", timeout=LOAD_TIMEOUT_MS
        )
        expect(effect.get_by_role("link", name="“always be inadequate”")).to_have_attribute(
            "href", site_url + "framework/making-judgements/#judgement-structure-6"
        )
        summary = page.locator("[data-sccif-summary]")
        expect(summary).to_contain_text("The overall grade can be: inadequate.")
        expect(summary).to_contain_text("The leaders and managers grade can be: any grade.")
        effect_box = in_view(page, '[data-sccif-effect="helped-and-protected"]')
        summary_box = in_view(page, ".sccif-judge__summary")
        assert effect_box["y"] + effect_box["height"] <= summary_box["y"] + 1, (
            "the consequence is under the summary"
        )
        expect(control).to_be_focused()
        live = page.locator(".sccif-judge > [aria-live=polite]")
        expect(live).to_contain_text("The overall grade can be: inadequate.")

    def test_a_finding_low_on_the_form_shows_its_limit_and_tendency_in_view(
        self, page: Page, site_url: str, viewport: dict[str, int]
    ) -> None:
        """No manager after 26 weeks: beside the box, leadership at most requires improvement (a hard limit,
        "never more than") and usually inadequate (a tendency, "usually"), in view above the summary."""
        page.set_viewport_size(viewport)
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        box = page.get_by_label(CONDITION_LABELS["manager-vacancy-26-weeks"])
        box.check()
        # "will usually lead to an inadequate judgement for leadership but never more than requires
        # improvement" (#leaders-and-managers-inadequate-3)
        effect = page.locator('[data-sccif-effect="manager-vacancy-26-weeks"]')
        expect(effect.locator("[data-effect-rule]")).to_have_count(3, timeout=LOAD_TIMEOUT_MS)
        expect(effect).to_contain_text(
            "Hard limit: So the leaders and managers grade can be at most requires improvement to be good."
        )
        expect(effect).to_contain_text("Tendency: So the leaders and managers grade is usually inadequate.")
        expect(page.locator("[data-sccif-summary]")).to_contain_text(
            "The leaders and managers grade can be: requires improvement to be good or inadequate."
        )
        effect_box = in_view(page, '[data-sccif-effect="manager-vacancy-26-weeks"]')
        summary_box = in_view(page, ".sccif-judge__summary")
        assert effect_box["y"] + effect_box["height"] <= summary_box["y"] + 1, (
            "the consequence is under the summary"
        )
        expect(box).to_be_focused()

    def test_the_grade_boxes_line_up(self, page: Page, site_url: str, viewport: dict[str, int]) -> None:
        """Each grade box has the same width, its name and tag start on one line down the box, nothing overflows."""
        page.set_viewport_size(viewport)
        page.goto(site_url + EXPLORER + query({"leaders-and-managers": "good"}, ["manager-vacancy-26-weeks"]))
        wait_until_ready(page)
        grades = page.locator('.sccif-outlook[data-judgement="leaders-and-managers"] [data-grade]')
        expect(grades).to_have_count(4, timeout=LOAD_TIMEOUT_MS)
        boxes = [g.bounding_box() for g in grades.all()]
        names = [g.locator(".sccif-scale__name").bounding_box() for g in grades.all()]
        tags = [g.locator(".sccif-scale__tag").bounding_box() for g in grades.all()]
        assert len({round(b["width"]) for b in boxes}) == 1, boxes  # type: ignore[index]
        assert len({round(n["x"]) for n in names} | {round(t["x"]) for t in tags}) == 1, (names, tags)  # type: ignore[index]
        for name, tag in zip(names, tags, strict=True):
            assert tag["y"] >= name["y"] + name["height"] - 1  # type: ignore[index]
        overflow = page.evaluate(
            "[...document.querySelectorAll('.sccif-judge .sccif-scale__grade')]"
            ".filter((e) => e.scrollWidth > e.clientWidth + 1).length"
        )
        assert overflow == 0


class TestDifferential:
    def test_pyodide_and_cpython_agree_on_every_combination(self, page: Page, site_url: str) -> None:
        """All 4 x 5 x 2^4 combinations of helped and protected, leadership and findings, and 60 practice
        questions, give the same answers in the browser (Pyodide) as in CPython."""
        import itertools

        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        grades = ("outstanding", "good", "requires-improvement", "inadequate")
        findings = (
            "manager-vacancy-26-weeks",
            "manager-not-registered-12-weeks",
            "reg28-breach",
            "staff-unqualified",
        )
        payloads = []
        for hp, lead in itertools.product(grades, (None, *grades)):
            for mask in range(16):
                conditions = [f for i, f in enumerate(findings) if mask >> i & 1]
                known = {"helped-and-protected": hp, **({"leaders-and-managers": lead} if lead else {})}
                payloads.append({"grades": known, "conditions": conditions})
        calls = [("judge.evaluate", p) for p in payloads] + [
            ("judge.scenario", {"seed": 99, "number": n}) for n in range(60)
        ]
        answers = calls_in_browser(page, calls)
        for (name, payload), answer in zip(calls, answers, strict=True):
            assert answer == json.loads(browser_api.call(name, json.dumps(payload))), (name, payload)


class TestSharedAddress:
    def test_the_address_restores_the_state(self, browser: Browser, page: Page, site_url: str) -> None:
        """Choices go into the address, and opening that address elsewhere restores them and the answer."""
        grades, conditions = CASES[5]
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        choose(page, grades, conditions)
        assert_matches_cpython(page, grades, conditions)
        shared = page.get_by_label("Link to these choices").input_value()
        params = parse_qs(urlsplit(shared).query)
        assert params == {
            "leaders-and-managers": ["good"],
            "conditions": ["staff-unqualified,exceptional-circumstances"],
        }
        assert page.url == shared

        other = browser.new_page()
        try:
            other.goto(shared)
            wait_until_ready(other)
            expect(other.get_by_label(LABELS["leaders-and-managers"], exact=True)).to_have_value("good")
            expect(other.get_by_label(CONDITION_LABELS["exceptional-circumstances"])).to_be_checked()
            assert_matches_cpython(other, grades, conditions)
        finally:
            other.close()

    def test_hostile_values_are_left_out_with_a_message(self, page: Page, site_url: str) -> None:
        """Unknown or hostile values in the address are ignored, reported as plain text, and never run."""
        hostile = (
            "?overall-experiences=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E"
            "&helped-and-protected=inadequate&conditions=reg28-breach,%3Cscript%3Ewindow.__pwned%3D2%3C%2Fscript%3E"
            "&conditions=exceptional-circumstances&h=search+words"
        )
        page.goto(site_url + EXPLORER + hostile)
        wait_until_ready(page)
        notice = page.locator(".sccif-judge__url-notice")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("is not a grade for")
        expect(notice).to_contain_text("is not a finding this explorer knows")
        expect(notice).to_contain_text("only applies with the staff qualifications finding")
        assert notice.locator("img, script").count() == 0
        assert page.evaluate("window.__pwned") is None
        assert_matches_cpython(page, {"helped-and-protected": "inadequate"}, ["reg28-breach"])
        params = parse_qs(urlsplit(page.url).query)
        assert params == {
            "helped-and-protected": ["inadequate"],
            "conditions": ["reg28-breach"],
            "h": ["search words"],
        }


class TestNotes:
    def open_health(self, page: Page) -> None:
        details = page.locator('details[data-judgement="health"]')
        expect(details).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        details.locator("summary").click()

    def test_notes_stay_on_the_page_until_kept_and_never_reach_the_address(
        self, page: Page, site_url: str
    ) -> None:
        """A note is not stored or put in the address unless the reader chooses to keep it on the device."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        self.open_health(page)
        note = page.locator('textarea[data-anchor="health-good-1"]')
        note.fill("Dental checks within 2 weeks of admission: see health file")
        expect(page.locator('details[data-judgement="health"] summary')).to_contain_text("(1 with notes)")
        expect(page.locator("[data-sccif-notes-bar] [data-sccif-keep]")).to_have_attribute(
            "data-sccif-keep", "unsaved"
        )
        assert page.evaluate(f"localStorage.getItem('{NOTES_KEY}')") is None
        assert "Dental" not in page.url

        page.get_by_label(KEEP_NOTES).check()
        page.wait_for_function(f"() => localStorage.getItem('{NOTES_KEY}')?.includes('Dental')")
        stored = json.loads(page.evaluate(f"localStorage.getItem('{NOTES_KEY}')"))
        assert stored["state"] == {
            "notes": {"health-good-1": "Dental checks within 2 weeks of admission: see health file"}
        }

        page.reload()
        wait_until_ready(page)
        expect(page.get_by_label(KEEP_NOTES)).to_be_checked()
        self.open_health(page)
        expect(page.locator('textarea[data-anchor="health-good-1"]')).to_have_value(
            "Dental checks within 2 weeks of admission: see health file"
        )
        page.get_by_label(KEEP_NOTES).uncheck()
        assert page.evaluate(f"localStorage.getItem('{NOTES_KEY}')") is None

    def test_leaving_with_notes_not_kept_asks_first(self, page: Page, site_url: str) -> None:
        """Not kept on the device, a note typed, then the tab closed: the browser asks first."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        self.open_health(page)
        page.locator('textarea[data-anchor="health-good-1"]').fill("Not kept anywhere else")
        shown: list[str] = []
        page.on("dialog", lambda dialog: (shown.append(dialog.type), dialog.dismiss()))
        with page.expect_event("dialog"):
            page.close(run_before_unload=True)
        assert shown == ["beforeunload"]

    def test_notes_kept_by_the_first_version_are_brought_up_to_date(self, page: Page, site_url: str) -> None:
        """A reader's notes under the old key (before keep.js) come back, kept under the new one."""
        page.goto(site_url + EXPLORER)
        page.evaluate(
            f"localStorage.setItem('{OLD_NOTES_KEY}', JSON.stringify({{version: 1, notes: {{'health-good-2': 'From before'}}}}))"
        )
        page.reload()
        wait_until_ready(page)
        self.open_health(page)
        expect(page.locator('textarea[data-anchor="health-good-2"]')).to_have_value("From before")
        expect(page.get_by_label(KEEP_NOTES)).to_be_checked()
        page.wait_for_function(f"() => localStorage.getItem('{NOTES_KEY}')?.includes('From before')")
        assert page.evaluate(f"localStorage.getItem('{OLD_NOTES_KEY}')") is None

    def test_typing_stops_at_the_limit_and_the_count_says_so(self, page: Page, site_url: str) -> None:
        """Issue 19 (3): the box takes 20,000 characters; the count under it says what is left, near the end aloud."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        self.open_health(page)
        note = page.locator('textarea[data-anchor="health-good-1"]')
        count = page.locator(f"#{note.get_attribute('id')}-count")
        expect(count).to_have_text("You have 20,000 characters remaining")
        note.fill("x" * 19_990)
        note.press_sequentially("y" * 15)  # only 10 of these fit
        assert len(note.input_value()) == 20_000
        expect(count).to_have_text("You have 0 characters remaining")
        # The count is what the box describes, and near the limit it is also said politely.
        assert count.get_attribute("id") in (note.get_attribute("aria-describedby") or "").split()
        live = page.locator(".sccif-judge__good [aria-live='polite']")
        expect(live).to_have_text("You have 0 characters remaining")

    def test_a_kept_note_over_the_limit_is_shown_whole_and_never_cut(self, page: Page, site_url: str) -> None:
        """Issue 19 (3): a 25,000-character kept note comes back whole, with a message; another edit keeps it whole."""
        long_note = "A" * 24_999 + "Z"
        page.goto(site_url + EXPLORER)
        page.evaluate(
            "([key, note]) => localStorage.setItem(key, JSON.stringify("
            "{version: 2, saved_at: null, state: {notes: {'health-good-1': note}}}))",
            [NOTES_KEY, long_note],
        )
        page.reload()
        wait_until_ready(page)
        message = page.locator("[data-sccif-over-limit]")
        expect(message).to_be_visible()
        expect(message).to_contain_text("Nothing has been cut")
        expect(message).to_contain_text("Children's health, descriptor 1: 25,000 characters")
        self.open_health(page)
        note = page.locator('textarea[data-anchor="health-good-1"]')
        assert note.input_value() == long_note
        expect(page.locator(f"#{note.get_attribute('id')}-count")).to_have_text(
            "You have 5,000 characters too many"
        )
        page.locator('textarea[data-anchor="health-good-2"]').fill("Another note")
        page.wait_for_function(f"() => localStorage.getItem('{NOTES_KEY}')?.includes('Another note')")
        stored = json.loads(page.evaluate(f"localStorage.getItem('{NOTES_KEY}')"))
        assert stored["state"]["notes"]["health-good-1"] == long_note

    def test_notes_export_as_markdown(self, page: Page, site_url: str, tmp_path: Path) -> None:
        """The download is a Markdown file with the descriptor quoted and the reader's note under it."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        self.open_health(page)
        page.locator('textarea[data-anchor="health-good-2"]').fill("Commissioning letter, March")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download my notes (Markdown)").click()
        path = tmp_path / "notes.md"
        download.value.save_as(path)
        text = path.read_text(encoding="utf-8")
        assert download.value.suggested_filename.endswith(".md")
        assert "## Children's health" in text
        assert "> Commissioners and health providers ensure the provision" in text
        assert "Commissioning letter, March" in text

    def test_a_download_asked_for_while_the_explorer_loads_says_so_then_arrives(
        self, page: Page, site_url: str, tmp_path: Path
    ) -> None:
        """Issue 13: the core writes the file, so before it is ready the button says the file will follow, then it does."""
        page.goto(site_url + EXPLORER)
        page.evaluate(
            "(key) => localStorage.setItem(key, JSON.stringify("
            "{version: 2, saved_at: null, state: {notes: {'health-good-2': 'Kept before'}}}))",
            NOTES_KEY,
        )
        release = hold_the_core(page)
        page.reload()
        expect(page.locator("[data-sccif-status]")).to_have_attribute("data-sccif-status", "loading")
        status = page.locator(".sccif-judge__notes-status")
        with page.expect_download(timeout=LOAD_TIMEOUT_MS) as download:
            page.get_by_role("button", name="Download my notes (Markdown)").click()
            expect(status).to_have_text(
                "The explorer is still getting ready: your notes will download as soon as it is."
            )
            release()
        path = tmp_path / "notes.md"
        download.value.save_as(path)
        assert "## Children's health" in path.read_text(encoding="utf-8")
        assert "\n\nKept before\n" in path.read_text(encoding="utf-8")
        expect(status).to_have_text("Your notes have been downloaded as a Markdown file.")

    def test_markdown_and_html_in_notes_stay_text_in_the_export(
        self, page: Page, site_url: str, tmp_path: Path
    ) -> None:
        """The page saves the core's file as it is: a hostile note comes out escaped (the escaping: test_notes_file.py)."""
        hostile = "<img src=x onerror=alert(1)>\n# Not a heading\n[click](javascript:alert(3)) **loud**"
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        self.open_health(page)
        page.locator('textarea[data-anchor="health-good-2"]').fill(hostile)
        with page.expect_download() as download:
            page.get_by_role("button", name="Download my notes (Markdown)").click()
        path = tmp_path / "notes.md"
        download.value.save_as(path)
        today = download.value.suggested_filename.removeprefix("sccif-evidence-notes-").removesuffix(".md")
        core = json.loads(
            browser_api.call(
                "judge.notes_file", json.dumps({"notes": {"health-good-2": hostile}, "today": today})
            )
        )["result"]
        assert download.value.suggested_filename == core["filename"]
        assert path.read_text(encoding="utf-8") == core["text"]
        assert "&lt;img src=x onerror=alert\\(1\\)\\>  \n\\# Not a heading  \n&#91;click\\]" in core["text"]

    def test_saved_notes_that_are_not_text_are_ignored(self, page: Page, site_url: str) -> None:
        """Tampered storage cannot inject markup: only text notes under anchor names are read."""
        page.goto(site_url + EXPLORER)
        page.evaluate(
            f"localStorage.setItem('{OLD_NOTES_KEY}', JSON.stringify({{notes: {{"
            "'health-good-3': 'kept', '<img src=x>': 'dropped', 'health-good-4': {html: '<b>x</b>'}}}))"
        )
        page.reload()
        wait_until_ready(page)
        self.open_health(page)
        expect(page.locator('textarea[data-anchor="health-good-3"]')).to_have_value("kept")
        expect(page.locator('textarea[data-anchor="health-good-4"]')).to_have_value("")
        assert "dropped" not in (page.evaluate(f"localStorage.getItem('{NOTES_KEY}')") or "")


class TestNextSteps:
    @pytest.mark.parametrize(
        ("kind", "label", "end"),
        [
            ("full", "judged inadequate at a full inspection", "18/12/2026"),
            ("assurance", "found serious or widespread concerns", "24/12/2026"),
        ],
    )
    def test_dates_match_the_cpython_engine(
        self, page: Page, site_url: str, kind: str, label: str, end: str
    ) -> None:
        """Each step's date on the page is the CPython engine's date for the same end date."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        page.get_by_label(label).check()
        page.get_by_label("The day the inspection ended").fill(end)
        page.get_by_role("button", name="Show what happens next").click()
        expected = json.loads(browser_api.call("judge.next_steps", json.dumps({"kind": kind, "end": end})))[
            "result"
        ]
        steps = page.locator(".sccif-steps [data-step]")
        expect(steps).to_have_count(len(expected["steps"]), timeout=LOAD_TIMEOUT_MS)
        for item, step in zip(steps.all(), expected["steps"], strict=True):
            assert item.get_attribute("data-step") == step["key"]
            when = step["when"]
            assert item.locator(".sccif-step__when").get_attribute("data-date") == (
                when.get("date") or when.get("date_to") or ""
            )
        # post-inspection-debrief-and-case-reviews-1 / serious-and-widespread-concerns-next-steps-1:
        # 18/12/2026 -> Tuesday 29 December 2026; 24/12/2026 -> Tuesday 5 January 2027 (bank holidays skipped).
        review = page.locator('[data-step="case-review"] .sccif-step__when')
        expect(review).to_contain_text(
            "Tuesday 29 December 2026" if kind == "full" else "Tuesday 5 January 2027"
        )
        # The answer first: focus goes to the result's heading, which is then in view.
        expect(page.locator(".sccif-judge__next-title")).to_be_focused()
        box = page.locator(".sccif-judge__next-title").bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]  # type: ignore[index]

    def test_a_bad_date_is_an_error_on_the_field(self, page: Page, site_url: str) -> None:
        """An impossible end date shows the core's message on the field and in the error summary."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        page.get_by_label("The day the inspection ended").fill("31/02/2026")
        page.get_by_role("button", name="Show what happens next").click()
        expect(page.locator(".sccif-judge__next .sccif-error-summary")).to_contain_text(
            "is not a real date", timeout=LOAD_TIMEOUT_MS
        )
        expect(page.get_by_label("The day the inspection ended")).to_have_attribute("aria-invalid", "true")


class TestAccessibility:
    def test_axe_on_the_explorer_with_everything_open(self, page: Page, site_url: str, axe_check) -> None:  # type: ignore[no-untyped-def]
        """No WCAG 2.2 AA violations with an answer, conflicts, descriptors, next steps and assurance shown."""
        page.goto(
            site_url
            + EXPLORER
            + query(
                {"leaders-and-managers": "outstanding", "overall-experiences": "inadequate"}, ["reg28-breach"]
            )
        )
        wait_until_ready(page)
        expect(page.locator("[data-sccif-conflicts]")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        page.locator('details[data-judgement="overall-experiences"] summary').click()
        page.get_by_label("The day the inspection ended").fill("18/12/2026")
        page.get_by_role("button", name="Show what happens next").click()
        expect(page.locator(".sccif-steps")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(page.locator("[data-area]")).to_have_count(3)
        axe_check(page, exclude=THEME_CHROME)

    def test_no_two_controls_share_a_name_with_every_judgements_notes_open(
        self, page: Page, site_url: str
    ) -> None:
        """Issue 18: 79 notes boxes were all "Your evidence notes"; each now names its judgement and descriptor."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        summaries = page.locator(".sccif-judge__good-list > details > summary")
        expect(summaries).to_have_count(5, timeout=LOAD_TIMEOUT_MS)
        for summary in summaries.all():
            summary.click()
        expect(page.locator(".sccif-judge__good textarea")).to_have_count(79)
        assert duplicate_control_names(page) == {}
        note = page.get_by_role(
            "textbox", name="Your evidence notes (Children's health, descriptor 2)", exact=True
        )
        expect(note).to_have_attribute("data-anchor", "health-good-2")

    def test_the_notes_confirmation_closes_on_escape_and_focus_goes_back(
        self, page: Page, site_url: str
    ) -> None:
        """Issue 18: "Delete all your notes?" closes on Escape, focus back on its button, the note kept; Yes empties it."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        page.locator('details[data-judgement="health"] summary').click()
        note = page.locator('textarea[data-anchor="health-good-1"]')
        note.fill("Health passport for every child")
        delete = page.get_by_role("button", name="Delete all my notes")
        delete.click()
        confirm = page.get_by_role("group", name="Delete all your notes?")
        expect(confirm).to_be_visible()
        assert_aria_snapshot(confirm, "judgements-notes-delete-confirm")
        page.keyboard.press("Escape")
        expect(confirm).to_be_hidden()
        expect(delete).to_be_focused()
        expect(note).to_have_value("Health passport for every child")
        delete.click()
        page.get_by_role("button", name="Yes, delete all my notes").click()
        expect(note).to_have_value("")
        expect(page.locator(".sccif-judge__notes-status")).to_have_text(
            "All your notes have been deleted, from this page and this device."
        )
        assert_focus_not_on_body(page, "deleting all the notes")
        expect(delete).to_be_focused()

    def test_a_descriptors_notes_box_in_the_accessibility_tree(self, page: Page, site_url: str) -> None:
        """The reviewed tree of one descriptor with a note: its link and box name the descriptor, the count is read."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        page.locator('details[data-judgement="health"] summary').click()
        page.locator('textarea[data-anchor="health-good-1"]').fill("Dental checks")
        assert_aria_snapshot(
            page.locator('li.sccif-descriptor[data-anchor="health-good-1"] .sccif-descriptor__notes'),
            "judgements-notes-descriptor",
        )
        assert_aria_snapshot(page.locator("[data-sccif-notes-bar]"), "judgements-notes-bar-unsaved")

    def test_keyboard_only(self, page: Page, site_url: str) -> None:
        """Grades and findings can be chosen with the keyboard alone, and the answer follows."""
        page.goto(site_url + EXPLORER)
        wait_until_ready(page)
        page.get_by_label(LABELS["helped-and-protected"], exact=True).focus()
        page.keyboard.press("End")  # the last option: inadequate
        expect(page.get_by_label(LABELS["helped-and-protected"], exact=True)).to_have_value("inadequate")
        # What the choice does now shows beside it, with a link to the framework's words: Tab reaches
        # that link, then leadership, education, health and overall, then the first finding.
        expect(page.locator('[data-sccif-effect="helped-and-protected"] a')).to_have_count(
            1, timeout=LOAD_TIMEOUT_MS
        )
        for _ in range(6):
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.value") == "manager-vacancy-26-weeks"
        page.keyboard.press("Space")
        assert_matches_cpython(page, {"helped-and-protected": "inadequate"}, ["manager-vacancy-26-weeks"])
        # The nested finding cannot be reached until its parent is ticked.
        expect(page.get_by_label(CONDITION_LABELS["exceptional-circumstances"])).to_be_disabled()

    def test_without_javascript_the_rules_are_on_the_page(self, browser: Browser, site_url: str) -> None:
        """With JavaScript off, the page still quotes every hard limit and tendency, with links."""
        context = browser.new_context(java_script_enabled=False)
        try:
            page = context.new_page()
            page.goto(site_url + EXPLORER)
            expect(page.locator(".sccif-tool")).to_contain_text("The explorer needs JavaScript")
            article = page.locator("article")
            expect(article).to_contain_text("will always be inadequate")
            expect(article).to_contain_text("certainly no more than requires improvement")
            expect(article).to_contain_text("We call this the 'best fit'")
            assert article.locator('a[href$="#staff-qualifications-8"]').count() >= 2
        finally:
            context.close()


class TestPractice:
    def test_feedback_is_the_engines_and_the_score_is_kept_in_the_tab(
        self, page: Page, site_url: str, axe_check
    ) -> None:  # type: ignore[no-untyped-def]
        """An answer gets the engine's verdict with the rule cited, the score counts it, and axe finds nothing."""
        page.goto(site_url + PRACTICE)
        wait_until_ready(page)
        expect(page.locator(".sccif-practice__title")).to_have_text("Question 1", timeout=LOAD_TIMEOUT_MS)
        # A fresh tab: nothing is stored until the first answer, which saves the seed and moves on.
        assert page.evaluate("sessionStorage.getItem('sccif-practice-v1')") is None
        first = page.locator(".sccif-practice__options input").first
        chosen = first.get_attribute("value")
        first.check()
        page.get_by_role("button", name="Check my answer").click()
        expect(page.locator("[data-sccif-verdict]")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        state = json.loads(page.evaluate("sessionStorage.getItem('sccif-practice-v1')"))
        assert (state["number"], state["answered"]) == (1, 1)
        item = practice.scenario(state["seed"], 0)
        expect(page.locator(".sccif-practice__prompt")).to_have_text(item.prompt)
        truth = practice.check(item, [chosen] if item.multiple else chosen)
        expect(page.locator("[data-sccif-verdict]")).to_have_attribute(
            "data-sccif-verdict", "right" if truth["correct"] else "wrong"
        )
        expect(page.locator("[data-sccif-score]")).to_contain_text(f"{int(truth['correct'])} right out of 1")
        for rule in truth["rules"]:
            expect(page.locator(f'.sccif-practice__feedback [data-rule="{rule["id"]}"]')).to_contain_text(
                rule["text"]
            )
        axe_check(page, exclude=THEME_CHROME)
        page.get_by_role("button", name="Next question").click()
        expect(page.locator(".sccif-practice__title")).to_have_text("Question 2")
        expect(page.locator(".sccif-practice__title")).to_be_focused()

    def test_a_fixed_question_and_its_verdict_in_the_accessibility_tree(
        self, page: Page, site_url: str
    ) -> None:
        """The reviewed trees of question 1 of a fixed set and its verdict; no control names repeat; focus is kept."""
        page.add_init_script(
            "sessionStorage.setItem('sccif-practice-v1', JSON.stringify("
            f"{{seed: {PRACTICE_SEED}, number: 0, answered: 0, correct: 0}}))"
        )
        page.goto(site_url + PRACTICE)
        wait_until_ready(page)
        item = practice.scenario(PRACTICE_SEED, 0)
        expect(page.locator(".sccif-practice__prompt")).to_have_text(item.prompt, timeout=LOAD_TIMEOUT_MS)
        form = page.locator(".sccif-practice form")
        assert_aria_snapshot(form, "practice-question")
        page.locator(".sccif-practice__options input").first.check()
        form.get_by_role("button", name="Check my answer").click()
        verdict = page.locator("[data-sccif-verdict]")
        expect(verdict).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_aria_snapshot(verdict, "practice-verdict")
        assert duplicate_control_names(page) == {}
        page.get_by_role("button", name="Next question").click()
        expect(page.locator(".sccif-practice__title")).to_be_focused(timeout=LOAD_TIMEOUT_MS)
        assert_focus_not_on_body(page, "the next practice question")

    @pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v['width']}x{v['height']}")
    def test_feedback_leads_with_the_verdict_and_the_deciding_words_in_view(
        self, page: Page, site_url: str, viewport: dict[str, int]
    ) -> None:
        """After "Check my answer": right or wrong, the answer, then the framework's deciding words with their link,
        all in view without scrolling by the test and below the page header."""
        page.set_viewport_size(viewport)
        page.goto(site_url + PRACTICE)
        wait_until_ready(page)
        expect(page.locator(".sccif-practice__title")).to_have_text(
            re.compile(r"Question \d+"), timeout=LOAD_TIMEOUT_MS
        )
        first = page.locator(".sccif-practice__options input").first
        chosen = first.get_attribute("value")
        first.check()
        page.get_by_role("button", name="Check my answer").click()
        verdict = page.locator("[data-sccif-verdict]")
        expect(verdict).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        state = json.loads(page.evaluate("sessionStorage.getItem('sccif-practice-v1')"))
        item = practice.scenario(state["seed"], state["number"] - 1)
        truth = practice.check(item, [chosen] if item.multiple else chosen)
        expect(verdict).to_have_text(
            f"{'✓ Right.' if truth['correct'] else '✕ Not quite.'} The answer: {', '.join(truth['answer_labels'])}."
        )
        why = page.locator("[data-sccif-why]")
        for rule in truth["rules"]:
            expect(why).to_contain_text(f"“{rule['words']}”")
        if not truth["rules"]:
            expect(why).to_contain_text(truth["best_fit"]["text"])
        # Focus is on the verdict, which is how it is heard (no live region says it again).
        expect(verdict).to_be_focused()
        header = page.locator(".md-header").bounding_box()
        for locator in (verdict, why.locator("p").first):
            box = locator.bounding_box()
            assert header is not None and box is not None
            assert box["y"] >= header["y"] + header["height"] - 1, (box, header)
            assert box["y"] + box["height"] <= viewport["height"], (box, viewport)

    def test_checking_with_no_answer_shows_an_error(self, page: Page, site_url: str) -> None:
        """Pressing 'Check my answer' with nothing chosen asks for an answer."""
        page.goto(site_url + PRACTICE)
        wait_until_ready(page)
        expect(page.locator(".sccif-practice__options input").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        page.get_by_role("button", name="Check my answer").click()
        expect(page.locator(".sccif-error-summary")).to_contain_text("Choose")
