"""The self-evaluation page as a provider uses it: save, export, import, clear, summary, privacy, axe, keyboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

from sccif_core.citations import cite
from sccif_core.judgements.rules import RULES_BY_ID
from sccif_core.preparation import groups, read_csv, read_markdown, workspace_from_json, write_markdown
from tests.browser.runtime_helpers import LOAD_TIMEOUT_MS, wait_until_offline_ready, wait_until_tools_offline

PAGE = "prepare/self-evaluation/"
STORE_KEY = "sccif-self-evaluation-v1"
# An Annex A line (staff qualifications, regulation 32) and a case type with initials.
ANNEX_QUALIFICATIONS = "request-for-information-at-an-inspection-10"
CASE_ABSCONDED = "case-tracking-and-sampling-11"
SECRET = "Zebra-notes-7731"
# Precaching the site for offline use (about 16 MB) takes a while on a busy machine.


def item(page: Page, anchor: str):  # type: ignore[no-untyped-def]
    return page.locator(f"[data-item='{anchor}'].sccif-prep-item")


def open_workspace(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)


def open_group(page: Page, key: str) -> None:
    toggle = page.locator(f"[data-sccif-prep-group='{key}'] .sccif-prep__toggle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def fill_some_work(page: Page) -> None:
    """Needs work on the Annex A qualifications line, with evidence and notes; initials on a case; a finding."""
    open_group(page, "annex-a")
    line = item(page, ANNEX_QUALIFICATIONS)
    line.get_by_label("Needs work").check()
    line.get_by_label("Where the evidence is kept").fill("Training matrix, shared drive")
    line.get_by_label("Notes").fill(
        f"{SECRET}\nTwo staff still to enrol on the Level 3 diploma.\n# not a heading"
    )
    open_group(page, "cases")
    case = item(page, CASE_ABSCONDED)
    case.get_by_label("Strong").check()
    case.get_by_label("Children this applies to (initials only)").fill("AB, C.D.")
    page.locator("[data-finding='staff-unqualified']").get_by_label("Yes").check()


def expected_workspace():  # type: ignore[no-untyped-def]
    return workspace_from_json(
        {
            "items": {
                ANNEX_QUALIFICATIONS: {
                    "assessment": "needs-work",
                    "evidence": "Training matrix, shared drive",
                    "notes": f"{SECRET}\nTwo staff still to enrol on the Level 3 diploma.\n# not a heading",
                },
                CASE_ABSCONDED: {"assessment": "strong", "initials": "AB, CD"},
            },
            "findings": {"staff-unqualified": "yes"},
        }
    )


class TestStructure:
    def test_every_item_is_the_frameworks_text_with_a_link_to_its_anchor(
        self, page: Page, site_url: str
    ) -> None:
        """The page lists every item the core builds, in the framework's words, each linking to its own paragraph."""
        open_workspace(page, site_url)
        expected = [i for g in groups() for i in g.items]
        items = page.locator(".sccif-prep-item")
        expect(items).to_have_count(len(expected))
        for check in (expected[0], expected[len(expected) // 2], expected[-1]):
            shown = item(page, check.id)
            expect(shown.locator("blockquote p").first).to_have_text(check.text, use_inner_text=False)
            href = shown.locator("a.sccif-citation").get_attribute("href") or ""
            assert href.endswith(cite(check.id).path), href

    def test_the_page_says_it_is_not_a_checklist_and_gives_no_grade(self, page: Page, site_url: str) -> None:
        """The page and its summary say the judgement is not a checklist and that no grade is predicted."""
        open_workspace(page, site_url)
        expect(page.locator("article")).to_contain_text("is not derived from a checklist")
        summary = page.locator("[data-sccif-prep-summary]")
        expect(summary).to_contain_text("does not predict a grade", timeout=LOAD_TIMEOUT_MS)
        expect(summary).to_contain_text(cite("how-inspectors-use-the-evaluation-criteria-1").text)


class TestStorage:
    def test_work_is_kept_only_after_save_and_comes_back_after_a_reload(
        self, page: Page, site_url: str
    ) -> None:
        """Nothing is stored until Save; after Save and a reload every field is back as it was typed."""
        open_workspace(page, site_url)
        fill_some_work(page)
        status = page.locator("[data-sccif-prep-storage]")
        expect(status).to_have_attribute("data-sccif-prep-storage", "unsaved")
        assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") is None
        page.get_by_role("button", name="Save on this device").click()
        expect(status).to_have_attribute("data-sccif-prep-storage", "saved", timeout=LOAD_TIMEOUT_MS)
        stored = json.loads(page.evaluate(f"localStorage.getItem('{STORE_KEY}')"))
        assert workspace_from_json(stored) == expected_workspace()

        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(status).to_have_attribute("data-sccif-prep-storage", "saved")
        open_group(page, "annex-a")
        line = item(page, ANNEX_QUALIFICATIONS)
        expect(line.get_by_label("Needs work")).to_be_checked()
        expect(line.get_by_label("Where the evidence is kept")).to_have_value("Training matrix, shared drive")
        expect(line.get_by_label("Notes")).to_have_value(
            f"{SECRET}\nTwo staff still to enrol on the Level 3 diploma.\n# not a heading"
        )
        open_group(page, "cases")
        expect(
            item(page, CASE_ABSCONDED).get_by_label("Children this applies to (initials only)")
        ).to_have_value("AB, CD")
        expect(page.locator("[data-finding='staff-unqualified']").get_by_label("Yes")).to_be_checked()

    def test_clear_asks_first_then_empties_the_page_and_the_device(self, page: Page, site_url: str) -> None:
        """Clear everything asks for confirmation; Cancel keeps the work; Yes empties the form and storage."""
        open_workspace(page, site_url)
        fill_some_work(page)
        page.get_by_role("button", name="Save on this device").click()
        expect(page.locator("[data-sccif-prep-storage]")).to_have_attribute(
            "data-sccif-prep-storage", "saved"
        )
        page.get_by_role("button", name="Clear everything").click()
        page.get_by_role("button", name="Cancel").click()
        assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") is not None
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Needs work")).to_be_checked()
        page.get_by_role("button", name="Clear everything").click()
        page.get_by_role("button", name="Yes, clear everything").click()
        expect(page.locator("[data-sccif-prep-storage]")).to_contain_text("Cleared")
        assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") is None
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Not assessed yet")).to_be_checked()
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Notes")).to_have_value("")
        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        open_group(page, "annex-a")
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Not assessed yet")).to_be_checked()


class TestFiles:
    def download(self, page: Page, button: str, tmp_path: Path) -> str:
        with page.expect_download(timeout=LOAD_TIMEOUT_MS) as info:
            page.get_by_role("button", name=button).click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        return target.read_text(encoding="utf-8")

    def test_markdown_download_is_the_cores_document_and_reads_back(
        self, page: Page, site_url: str, tmp_path: Path
    ) -> None:
        """The Markdown file is exactly what the CPython core writes for the same work, and reads back to it."""
        open_workspace(page, site_url)
        fill_some_work(page)
        text = self.download(page, "Download as Markdown", tmp_path)
        assert read_markdown(text) == expected_workspace()
        exported = next(line for line in text.splitlines() if line.startswith("Exported: "))[
            len("Exported: ") :
        ]
        assert text == write_markdown(expected_workspace(), base_url=site_url, exported=exported)
        assert cite(ANNEX_QUALIFICATIONS).text in text

    def test_csv_download_reads_back_and_names_its_columns(
        self, page: Page, site_url: str, tmp_path: Path
    ) -> None:
        """The CSV file has the documented header and reads back to the same work."""
        open_workspace(page, site_url)
        fill_some_work(page)
        text = self.download(page, "Download as CSV (spreadsheet)", tmp_path)
        assert text.lstrip("\ufeff").startswith("Section,Part,Item,Framework text,Link,Self-assessment")
        assert read_csv(text) == expected_workspace()

    @pytest.mark.parametrize("button", ["Download as Markdown", "Download as CSV (spreadsheet)"])
    def test_a_downloaded_file_opens_again_after_clearing(
        self, page: Page, site_url: str, tmp_path: Path, button: str
    ) -> None:
        """Download, clear everything, open the file: the work is back, and not yet saved on the device."""
        open_workspace(page, site_url)
        fill_some_work(page)
        self.download(page, button, tmp_path)
        [saved] = list(tmp_path.iterdir())
        page.get_by_role("button", name="Clear everything").click()
        page.get_by_role("button", name="Yes, clear everything").click()
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Not assessed yet")).to_be_checked()
        page.get_by_label("Open a file you downloaded from this page before").set_input_files(str(saved))
        page.get_by_role("button", name="Open the file").click()
        status = page.locator("[data-sccif-prep-storage]")
        expect(status).to_contain_text(f"Opened {saved.name}: 2 items", timeout=LOAD_TIMEOUT_MS)
        expect(status).to_have_attribute("data-sccif-prep-storage", "unsaved")
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Needs work")).to_be_checked()
        expect(
            item(page, CASE_ABSCONDED).get_by_label("Children this applies to (initials only)")
        ).to_have_value("AB, CD")

    def test_a_bad_file_is_reported_at_its_row_and_changes_nothing(
        self, page: Page, site_url: str, tmp_path: Path
    ) -> None:
        """A CSV whose self-assessment is not one of the choices is refused, naming the row and the column."""
        open_workspace(page, site_url)
        bad = tmp_path / "edited.csv"
        bad.write_text(
            f"Item,Self-assessment,Where the evidence is kept,Notes\n{ANNEX_QUALIFICATIONS},Brilliant,,\n",
            encoding="utf-8",
        )
        page.get_by_label("Open a file you downloaded from this page before").set_input_files(str(bad))
        page.get_by_role("button", name="Open the file").click()
        summary = page.locator(".sccif-error-summary")
        expect(summary).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(summary).to_contain_text(
            "Row 2, column 'Self-assessment': 'Brilliant' is not a self-assessment"
        )
        expect(page.locator("[data-sccif-prep-storage]")).to_have_attribute(
            "data-sccif-prep-storage", "empty"
        )

    def test_a_name_in_the_initials_is_refused(self, page: Page, site_url: str) -> None:
        """Typing a child's name where initials go is refused on saving, at that field."""
        open_workspace(page, site_url)
        open_group(page, "cases")
        field = item(page, CASE_ABSCONDED).get_by_label("Children this applies to (initials only)")
        field.fill("Jonathan")
        page.get_by_role("button", name="Save on this device").click()
        summary = page.locator(".sccif-error-summary")
        expect(summary).to_contain_text("does not look like initials", timeout=LOAD_TIMEOUT_MS)
        expect(field).to_have_attribute("aria-invalid", "true")
        assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") is None


class TestSummary:
    def test_needs_work_is_grouped_by_judgement_and_findings_show_the_engines_rules(
        self, page: Page, site_url: str
    ) -> None:
        """The summary lists needs-work items under their group and quotes the engine's staff-qualification rules."""
        open_workspace(page, site_url)
        open_group(page, "leaders-and-managers")
        item(page, "leaders-and-managers-good-2").get_by_label("Needs work").check()
        summary = page.locator("[data-sccif-prep-summary]")
        needs = summary.locator(
            "[data-sccif-prep-needs-work='leaders-and-managers'] [data-item='leaders-and-managers-good-2']"
        )
        expect(needs).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        # Not answered yet: the summary points at the question instead of showing a rule.
        expect(summary.locator("[data-prompt='staff-unqualified']")).to_be_visible()
        page.locator("[data-finding='staff-unqualified']").get_by_label("Yes").check()
        reminder = summary.locator(".sccif-prep__reminder[data-finding='staff-unqualified']")
        expect(reminder).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        cap = RULES_BY_ID["staff-unqualified-leadership-at-most-requires-improvement"]
        expect(reminder.locator(f"[data-rule='{cap.id}']")).to_contain_text("Hard limit")
        expect(reminder).to_contain_text(cap.text)
        href = reminder.locator("a.sccif-citation").first.get_attribute("href") or ""
        assert href.endswith(cite(cap.anchor).path)
        expect(summary.locator("[data-prompt='staff-unqualified']")).to_have_count(0)

    def test_the_printable_view_shows_the_work_and_returns(self, page: Page, site_url: str) -> None:
        """The printable view holds the notes as typed; the Back button returns to the form."""
        open_workspace(page, site_url)
        fill_some_work(page)
        page.get_by_role("button", name="Printable view").click()
        view = page.locator("[data-sccif-prep-print]")
        expect(view).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(view.locator(f".sccif-prep-print__item[data-item='{ANNEX_QUALIFICATIONS}']")).to_contain_text(
            SECRET
        )
        expect(page.locator(".sccif-prep__form")).to_be_hidden()
        page.get_by_role("button", name="Back to the self-evaluation").click()
        expect(page.locator(".sccif-prep__form")).to_be_visible()
        expect(page.get_by_role("button", name="Printable view")).to_be_focused()

    def test_printing_the_page_prints_only_the_printable_view(self, page: Page, site_url: str) -> None:
        """With print styles (the browser's own Print), the form and the page's text give way to the printable view."""
        open_workspace(page, site_url)
        fill_some_work(page)
        expect(page.locator("[data-sccif-prep-summary] [data-item]").first).to_be_visible(
            timeout=LOAD_TIMEOUT_MS
        )
        page.emulate_media(media="print")
        view = page.locator("[data-sccif-prep-print]")
        expect(view).to_be_visible()
        expect(view.locator(f".sccif-prep-print__item[data-item='{ANNEX_QUALIFICATIONS}']")).to_contain_text(
            SECRET
        )
        expect(page.locator(".sccif-prep__form")).to_be_hidden()
        expect(page.locator("article h2", has_text="Your work stays on this device")).to_be_hidden()
        page.emulate_media(media="screen")
        expect(view).to_be_hidden()


class TestPrivacy:
    def test_nothing_typed_is_sent_anywhere(self, page: Page, site_url: str, tmp_path: Path) -> None:
        """Filling in, saving, summarising and downloading make only GET requests, none carrying the notes."""
        sent: list[Request] = []
        page.on("request", lambda request: sent.append(request))
        open_workspace(page, site_url)
        fill_some_work(page)
        page.get_by_role("button", name="Save on this device").click()
        with page.expect_download():
            page.get_by_role("button", name="Download as Markdown").click()
        page.wait_for_timeout(500)
        loaded = len(sent)
        assert loaded > 0
        for request in sent:
            assert request.method == "GET", f"{request.method} {request.url}"
            assert SECRET not in request.url and "Training" not in request.url
            assert not request.post_data


class TestAccessibility:
    def test_axe_finds_nothing_with_work_a_rule_and_an_error(
        self, page: Page, site_url: str, axe_check
    ) -> None:  # type: ignore[no-untyped-def]
        """No WCAG 2.2 AA violations: while loading, with an open group and the summary, and with an error shown."""
        page.goto(site_url + PAGE)
        axe_check(page)
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        fill_some_work(page)
        expect(page.locator(".sccif-prep__summary .sccif-prep__reminder")).to_be_visible(
            timeout=LOAD_TIMEOUT_MS
        )
        axe_check(page)
        item(page, CASE_ABSCONDED).get_by_label("Children this applies to (initials only)").fill("Jonathan")
        page.get_by_role("button", name="Save on this device").click()
        expect(page.locator(".sccif-error-summary")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        axe_check(page)
        page.get_by_role("button", name="Printable view").click()
        axe_check(page)

    def test_the_workspace_can_be_used_with_the_keyboard_alone(self, page: Page, site_url: str) -> None:
        """Open a group, assess an item, type notes and save, using Tab, Enter, arrows and typing only."""
        open_workspace(page, site_url)
        toggle = page.locator("[data-sccif-prep-group='overall-experiences'] .sccif-prep__toggle")
        toggle.focus()
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        first = item(page, "overall-experiences-evidence-1")
        page.keyboard.press("Tab")  # the link under the list's lead-in sentence
        expect(
            page.locator(
                "[data-sccif-prep-group='overall-experiences'] .sccif-prep__quote a.sccif-citation"
            ).first
        ).to_be_focused()
        page.keyboard.press("Tab")  # the first item's "read it in the framework" link
        expect(first.locator("a.sccif-citation")).to_be_focused()
        page.keyboard.press("Tab")  # the radio group: "Not assessed yet" is checked
        expect(first.get_by_label("Not assessed yet")).to_be_focused()
        page.keyboard.press("ArrowRight")
        expect(first.get_by_label("Strong")).to_be_checked()
        page.keyboard.press("ArrowRight")
        expect(first.get_by_label("Adequate")).to_be_checked()
        page.keyboard.press("Tab")
        expect(first.get_by_label("Where the evidence is kept")).to_be_focused()
        page.keyboard.type("Key work records")
        page.keyboard.press("Tab")
        expect(first.get_by_label("Notes")).to_be_focused()
        page.keyboard.type("Reviewed in March")
        save = page.get_by_role("button", name="Save on this device")
        save.focus()
        page.keyboard.press("Enter")
        expect(page.locator("[data-sccif-prep-storage]")).to_have_attribute(
            "data-sccif-prep-storage", "saved", timeout=LOAD_TIMEOUT_MS
        )
        stored = workspace_from_json(json.loads(page.evaluate(f"localStorage.getItem('{STORE_KEY}')")))
        assert stored.entry("overall-experiences-evidence-1").assessment == "adequate"
        assert stored.entry("overall-experiences-evidence-1").notes == "Reviewed in March"

    def test_without_javascript_the_page_points_to_the_frameworks_lists(
        self, browser: Browser, site_url: str
    ) -> None:
        """With JavaScript off, the page explains what it needs and links to every list it is built from."""
        context = browser.new_context(java_script_enabled=False)
        try:
            page = context.new_page()
            page.goto(site_url + PAGE)
            fallback = page.locator("[data-sccif-tool='self-evaluation']")
            expect(fallback).to_contain_text("needs JavaScript")
            for anchor in (
                "request-for-information-at-an-inspection-4",
                "discussions-with-managers-and-staff-8",
                "case-tracking-and-sampling-8",
            ):
                expect(fallback.locator(f"a[href$='#{anchor}']")).to_have_count(1)
        finally:
            context.close()


@pytest.mark.fresh_context
class TestOffline:
    def test_the_workspace_works_offline_after_visiting_the_home_page(
        self, page: Page, context: BrowserContext, site_url: str, site_dir: Path, tmp_path: Path
    ) -> None:
        """With the network gone after one visit to the home page, the workspace loads, saves and downloads."""
        page.goto(site_url)
        wait_until_offline_ready(page)
        wait_until_tools_offline(page, site_url, site_dir)
        context.set_offline(True)
        open_workspace(page, site_url)
        fill_some_work(page)
        page.get_by_role("button", name="Save on this device").click()
        expect(page.locator("[data-sccif-prep-storage]")).to_have_attribute(
            "data-sccif-prep-storage", "saved", timeout=LOAD_TIMEOUT_MS
        )
        with page.expect_download(timeout=LOAD_TIMEOUT_MS) as info:
            page.get_by_role("button", name="Download as Markdown").click()
        target = tmp_path / "offline.md"
        info.value.save_as(target)
        assert read_markdown(target.read_text(encoding="utf-8")) == expected_workspace()
