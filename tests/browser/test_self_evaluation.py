"""The self-evaluation page as a provider uses it: keep, export, import, clear, summary, privacy, axe, keyboard."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, Request, expect

from sccif_core.citations import cite
from sccif_core.judgements.rules import RULES_BY_ID
from sccif_core.preparation import groups, read_csv, read_markdown, workspace_from_json, write_markdown
from tests.browser.page_checks import assert_aria_snapshot, assert_focus_not_on_body, duplicate_control_names
from tests.browser.runtime_helpers import (
    LOAD_TIMEOUT_MS,
    call_in_browser,
    wait_in_page,
    wait_until_offline_ready,
    wait_until_tools_offline,
)

PAGE = "prepare/self-evaluation/"
# site_widgets/lib/keep.js stores {version, saved_at, state} under "<key>-v<version>".
STORE_KEY = "sccif-self-evaluation-v2"
OLD_STORE_KEY = "sccif-self-evaluation-v1"  # the first version: the checked workspace, written on "Save"
KEEP = "Keep my work on this device"
# An Annex A line (staff qualifications, regulation 32) and a case type with initials.
ANNEX_QUALIFICATIONS = "request-for-information-at-an-inspection-10"
CASE_ABSCONDED = "case-tracking-and-sampling-11"
SECRET = "Zebra-notes-7731"
# Precaching the site for offline use (about 16 MB) takes a while on a busy machine.


# Holds the page's "prepare.check" calls to the worker while window.__holdChecks is true, so a test
# can have a save in flight for as long as it needs; __releaseChecks() sends them, newest first.
HOLD_CHECKS = """
window.__heldChecks = [];
window.__holdChecks = false;
const send = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (window.__holdChecks && message?.type === "call" && message.name === "prepare.check") {
    window.__heldChecks.push(() => send.call(this, message, ...rest));
    return;
  }
  return send.call(this, message, ...rest);
};
window.__releaseChecks = () => {
  window.__holdChecks = false;
  for (const go of window.__heldChecks.splice(0).reverse()) go();
};
"""


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


def keep_status(page: Page):  # type: ignore[no-untyped-def]
    return page.locator(".sccif-prep__bar [data-sccif-keep]")


def stored(page: Page) -> dict | None:  # type: ignore[type-arg]
    """What keep.js has put on the device, or None."""
    raw = page.evaluate(f"localStorage.getItem('{STORE_KEY}')")
    return None if raw is None else json.loads(raw)


def wait_until_stored(page: Page, text: str) -> None:
    """Wait until the kept copy holds text (autosave is debounced and checked by the core first)."""
    page.wait_for_function(
        "([key, text]) => (localStorage.getItem(key) || '').includes(text)",
        arg=[STORE_KEY, text],
        timeout=LOAD_TIMEOUT_MS,
    )


def opt_in(page: Page) -> None:
    page.get_by_label(KEEP).check()
    expect(keep_status(page)).to_have_attribute("data-sccif-keep", "saved", timeout=LOAD_TIMEOUT_MS)


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
            expect(shown).not_to_contain_text(re.compile(r"null|undefined"))  # a missing part printed as text
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


def assert_work_is_back(page: Page) -> None:
    """Every field fill_some_work typed is in the form again (initials as the core tidied them)."""
    open_group(page, "annex-a")
    line = item(page, ANNEX_QUALIFICATIONS)
    expect(line.get_by_label("Needs work")).to_be_checked()
    expect(line.get_by_label("Where the evidence is kept")).to_have_value("Training matrix, shared drive")
    expect(line.get_by_label("Notes")).to_have_value(
        f"{SECRET}\nTwo staff still to enrol on the Level 3 diploma.\n# not a heading"
    )
    open_group(page, "cases")
    expect(item(page, CASE_ABSCONDED).get_by_label("Children this applies to (initials only)")).to_have_value(
        "AB, CD"
    )
    expect(page.locator("[data-finding='staff-unqualified']").get_by_label("Yes")).to_be_checked()


class TestKeeping:
    def test_nothing_is_stored_until_the_reader_opts_in(self, page: Page, site_url: str) -> None:
        """Work typed before ticking the box is on the page only; the status says it would be lost."""
        open_workspace(page, site_url)
        fill_some_work(page)
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "unsaved")
        expect(keep_status(page)).to_contain_text("your work will be lost")
        assert stored(page) is None

    def test_opted_in_work_comes_back_after_a_reload(self, page: Page, site_url: str) -> None:
        """Opt in, edit, reload: every field is back, and the status says when it was saved."""
        open_workspace(page, site_url)
        opt_in(page)
        fill_some_work(page)
        wait_until_stored(page, "staff-unqualified")
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "saved", timeout=LOAD_TIMEOUT_MS)
        expect(keep_status(page)).to_have_text(re.compile(r"^Saved at \d\d:\d\d$"))
        entry = stored(page)
        assert entry is not None and entry["version"] == 2
        assert workspace_from_json(entry["state"]) == expected_workspace()

        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_label(KEEP)).to_be_checked()
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "saved")
        assert_work_is_back(page)

    def test_edits_after_the_first_save_are_kept_too(self, page: Page, site_url: str) -> None:
        """Saved once, then edited again: the later edit is what comes back after a reload (the old bug)."""
        open_workspace(page, site_url)
        opt_in(page)
        fill_some_work(page)
        wait_until_stored(page, SECRET)
        later = item(page, "leaders-and-managers-good-2")
        open_group(page, "leaders-and-managers")
        later.get_by_label("Strong").check()
        later.get_by_label("Notes").fill("Added after the first save")
        wait_until_stored(page, "Added after the first save")
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "saved", timeout=LOAD_TIMEOUT_MS)

        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        open_group(page, "leaders-and-managers")
        expect(later.get_by_label("Strong")).to_be_checked()
        expect(later.get_by_label("Notes")).to_have_value("Added after the first save")
        assert_work_is_back(page)

    def test_leaving_with_unsaved_work_asks_first(self, page: Page, site_url: str) -> None:
        """Issue 19 (9): not opted in, an edit, then closing the tab: the browser's leave-page prompt is shown."""
        open_workspace(page, site_url)
        open_group(page, "annex-a")
        item(page, ANNEX_QUALIFICATIONS).get_by_label("Needs work").check()
        shown: list[str] = []

        def stay(dialog: Dialog) -> None:
            shown.append(dialog.type)
            dialog.dismiss()

        page.on("dialog", stay)
        with page.expect_event("dialog"):
            page.close(run_before_unload=True)
        expect(page.locator(".sccif-prep__form")).to_be_visible()
        assert shown == ["beforeunload"]
        assert not page.is_closed()

    def test_leaving_after_everything_is_saved_does_not_ask(self, page: Page, site_url: str) -> None:
        """Opted in and saved: closing the page goes ahead with no prompt."""
        open_workspace(page, site_url)
        opt_in(page)
        open_group(page, "annex-a")
        item(page, ANNEX_QUALIFICATIONS).get_by_label("Needs work").check()
        wait_until_stored(page, "needs-work")
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "saved", timeout=LOAD_TIMEOUT_MS)
        shown: list[str] = []
        page.on("dialog", lambda dialog: (shown.append(dialog.type), dialog.dismiss()))
        with page.expect_event("close"):
            page.close(run_before_unload=True)
        assert shown == []

    def test_forget_removes_the_kept_copy_and_leaves_the_page_as_it_is(
        self, page: Page, site_url: str
    ) -> None:
        """Forget empties the device's copy and stops keeping; the work stays on the page, now unsaved."""
        open_workspace(page, site_url)
        opt_in(page)
        fill_some_work(page)
        wait_until_stored(page, "staff-unqualified")
        page.get_by_role("button", name="Forget my work on this device").click()
        assert stored(page) is None
        expect(page.get_by_label(KEEP)).not_to_be_checked()
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "unsaved")
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Needs work")).to_be_checked()
        item(page, ANNEX_QUALIFICATIONS).get_by_label("Notes").fill("typed after forgetting")
        # The summary waits longer than an autosave would: once it shows the note, nothing was written.
        expect(page.locator("[data-sccif-prep-summary]")).to_contain_text(
            "typed after forgetting", timeout=LOAD_TIMEOUT_MS
        )
        assert stored(page) is None

    def test_a_corrupt_kept_copy_is_reported_and_the_form_still_works(
        self, page: Page, site_url: str
    ) -> None:
        """A kept value that is not JSON: a message says so, nothing crashes, and keeping works again."""
        open_workspace(page, site_url)
        page.evaluate(f"localStorage.setItem('{STORE_KEY}', '{{not json')")
        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        message = page.locator(".sccif-keep__message")
        expect(message).to_contain_text("could not be read", timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_label(KEEP)).not_to_be_checked()
        assert stored(page) is None
        opt_in(page)
        fill_some_work(page)
        wait_until_stored(page, "staff-unqualified")
        assert workspace_from_json(stored(page)["state"]) == expected_workspace()  # type: ignore[index]

    def test_a_kept_copy_naming_unknown_items_is_refused_with_the_cores_words(
        self, page: Page, site_url: str
    ) -> None:
        """Valid JSON in the right shape but with an item this page does not have: the core's message, an empty form."""
        open_workspace(page, site_url)
        state = {"items": {"no-such-item": {"assessment": "strong"}}, "findings": {}}
        entry = {"version": 2, "saved_at": "2026-12-01T10:00:00Z", "state": state}
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE_KEY, json.dumps(entry)])
        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(page.locator(".sccif-keep__message")).to_contain_text(
            "'no-such-item' is not an item of this self-evaluation", timeout=LOAD_TIMEOUT_MS
        )
        open_group(page, "annex-a")
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Not assessed yet")).to_be_checked()

    def test_work_kept_by_the_first_version_is_brought_up_to_date(self, page: Page, site_url: str) -> None:
        """The first version's copy (pressed "Save") comes back in the form, is stored as version 2, and the old key goes."""
        open_workspace(page, site_url)
        old = {**expected_workspace().as_dict(), "saved_at": "2026-11-30T09:15:00Z"}
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [OLD_STORE_KEY, json.dumps(old)])
        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(page.locator(".sccif-keep__message")).to_contain_text(
            "brought up to date", timeout=LOAD_TIMEOUT_MS
        )
        assert_work_is_back(page)
        wait_until_stored(page, SECRET)
        assert page.evaluate(f"localStorage.getItem('{OLD_STORE_KEY}')") is None
        assert workspace_from_json(stored(page)["state"]) == expected_workspace()  # type: ignore[index]
        expect(page.get_by_label(KEEP)).to_be_checked()

    def test_an_unreadable_first_version_copy_is_dropped_with_a_message(
        self, page: Page, site_url: str
    ) -> None:
        """An old copy that cannot be brought up to date is removed, and the reader is told."""
        open_workspace(page, site_url)
        page.evaluate(f"localStorage.setItem('{OLD_STORE_KEY}', '\"just text\"')")
        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(page.locator(".sccif-keep__message")).to_contain_text(
            "could not be brought up to date, so it has been removed", timeout=LOAD_TIMEOUT_MS
        )
        assert page.evaluate(f"localStorage.getItem('{OLD_STORE_KEY}')") is None
        expect(page.get_by_label(KEEP)).not_to_be_checked()

    def test_a_full_device_is_reported_and_the_work_stays_on_the_page(
        self, page: Page, site_url: str
    ) -> None:
        """When the browser refuses to store (quota exceeded), the status says so and leaving still asks first."""
        open_workspace(page, site_url)
        opt_in(page)
        page.evaluate(
            """() => { Storage.prototype.setItem = function () {
                 throw new DOMException("full", "QuotaExceededError"); }; }"""
        )
        open_group(page, "annex-a")
        item(page, ANNEX_QUALIFICATIONS).get_by_label("Notes").fill("kept in memory")
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "failed", timeout=LOAD_TIMEOUT_MS)
        expect(keep_status(page)).to_contain_text("no room left")
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Notes")).to_have_value("kept in memory")
        shown: list[str] = []
        page.on("dialog", lambda dialog: (shown.append(dialog.type), dialog.dismiss()))
        with page.expect_event("dialog"):
            page.close(run_before_unload=True)
        expect(page.locator(".sccif-prep__form")).to_be_visible()
        assert shown == ["beforeunload"]

    def test_without_storage_the_choice_is_off_and_says_why(
        self, context: BrowserContext, site_url: str
    ) -> None:
        """A browser that refuses local storage (as some private windows do): the box is disabled, with the reason."""
        page = context.new_page()
        page.add_init_script(
            """Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });"""
        )
        open_workspace(page, site_url)
        expect(page.get_by_label(KEEP)).to_be_disabled()
        expect(keep_status(page)).to_contain_text("does not let this page keep anything")
        fill_some_work(page)
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Needs work")).to_be_checked()

    @pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}])
    def test_the_keep_bar_stays_in_view_while_editing(
        self, page: Page, site_url: str, viewport: dict[str, int]
    ) -> None:
        """Deep in the form, the box and the saved status are still inside the viewport, clear of the header."""
        page.set_viewport_size(viewport)
        open_workspace(page, site_url)
        opt_in(page)
        open_group(page, "cases")
        notes = item(page, CASE_ABSCONDED).get_by_label("Notes")
        notes.fill("far down the page")
        wait_until_stored(page, "far down the page")
        bar = page.locator(".sccif-prep__bar").bounding_box()
        header = page.locator(".md-header").bounding_box()
        field = notes.bounding_box()
        assert bar and header and field
        assert page.evaluate("scrollY") > 2000  # the test really is deep in the page
        assert bar["y"] >= header["y"] + header["height"] - 1
        assert bar["y"] + bar["height"] <= viewport["height"]
        expect(keep_status(page)).to_be_in_viewport()
        expect(keep_status(page)).to_have_text(re.compile(r"^Saved at \d\d:\d\d$"))

    def test_clear_asks_first_then_empties_the_page_and_the_device(self, page: Page, site_url: str) -> None:
        """Clear everything asks for confirmation; Cancel keeps the work; Yes empties the form and storage."""
        open_workspace(page, site_url)
        opt_in(page)
        fill_some_work(page)
        wait_until_stored(page, "staff-unqualified")
        page.get_by_role("button", name="Clear everything").click()
        page.get_by_role("button", name="Cancel").click()
        assert stored(page) is not None
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Needs work")).to_be_checked()
        page.get_by_role("button", name="Clear everything").click()
        page.get_by_role("button", name="Yes, clear everything").click()
        expect(page.locator("[data-sccif-prep-notice]")).to_contain_text("Cleared")
        assert stored(page) is None
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Not assessed yet")).to_be_checked()
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Notes")).to_have_value("")
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "off")
        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        open_group(page, "annex-a")
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Not assessed yet")).to_be_checked()

    def test_a_save_in_flight_when_everything_is_cleared_never_brings_the_work_back(
        self, page: Page, site_url: str
    ) -> None:
        """Issue 19 (2): a save waiting on the core's check, Clear everything, Keep ticked again: the reload is empty."""
        page.add_init_script(HOLD_CHECKS)
        open_workspace(page, site_url)
        opt_in(page)
        page.evaluate("window.__holdChecks = true")
        open_group(page, "annex-a")
        item(page, ANNEX_QUALIFICATIONS).get_by_label("Notes").fill(SECRET)
        page.wait_for_function("() => window.__heldChecks.length === 1")  # the autosave of SECRET, in flight
        page.get_by_role("button", name="Clear everything").click()
        page.get_by_role("button", name="Yes, clear everything").click()
        page.get_by_label(KEEP).check()
        page.wait_for_function("() => window.__heldChecks.length === 2")  # the save of the emptied form
        page.evaluate("window.__releaseChecks()")
        # The worker answers in order: once this call is answered, both checks have been too.
        call_in_browser(page, "prepare.structure", {})
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "saved")
        entry = stored(page)
        assert entry is not None and SECRET not in json.dumps(entry)
        page.reload()
        expect(page.locator(".sccif-prep__form")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        open_group(page, "annex-a")
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Notes")).to_have_value("")


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
        notice = page.locator("[data-sccif-prep-notice]")
        expect(notice).to_contain_text(f"Opened {saved.name}: 2 items", timeout=LOAD_TIMEOUT_MS)
        expect(notice).to_contain_text("It is not kept on this device unless you tick")
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "unsaved")
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
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "off")
        assert stored(page) is None

    def test_a_name_in_the_initials_is_never_stored(self, page: Page, site_url: str) -> None:
        """A child's name where initials go is refused at that field and never written to the device."""
        open_workspace(page, site_url)
        opt_in(page)
        open_group(page, "cases")
        field = item(page, CASE_ABSCONDED).get_by_label("Children this applies to (initials only)")
        field.fill("Jonathan")
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "refused", timeout=LOAD_TIMEOUT_MS)
        expect(keep_status(page)).to_contain_text("Not saved: Case")
        expect(keep_status(page)).to_contain_text("does not look like initials")
        expect(field).to_have_attribute("aria-invalid", "true")
        assert "Jonathan" not in json.dumps(stored(page))
        page.get_by_role("button", name="Download as Markdown").click()
        summary = page.locator(".sccif-error-summary")
        expect(summary).to_contain_text("does not look like initials", timeout=LOAD_TIMEOUT_MS)
        summary.get_by_role("link").click()
        expect(field).to_be_focused()
        field.fill("JB")
        wait_until_stored(page, "JB")
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "saved", timeout=LOAD_TIMEOUT_MS)


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
        """Filling in, keeping, summarising and downloading make only GET requests, none carrying the notes."""
        sent: list[Request] = []
        page.on("request", lambda request: sent.append(request))
        open_workspace(page, site_url)
        opt_in(page)
        fill_some_work(page)
        wait_until_stored(page, SECRET)
        with page.expect_download():
            page.get_by_role("button", name="Download as Markdown").click()
        # A timer in the page, started after its own (summary 400 ms, autosave 300 ms) and longer, fires after them.
        wait_in_page(page, 500)
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
        opt_in(page)
        item(page, CASE_ABSCONDED).get_by_label("Children this applies to (initials only)").fill("Jonathan")
        expect(keep_status(page)).to_have_attribute("data-sccif-keep", "refused", timeout=LOAD_TIMEOUT_MS)
        axe_check(page)
        page.get_by_role("button", name="Download as Markdown").click()
        expect(page.locator(".sccif-error-summary")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        axe_check(page)
        page.get_by_role("button", name="Printable view").click()
        expect(page.locator(".sccif-error-summary")).to_contain_text(
            "printable view cannot be made", timeout=LOAD_TIMEOUT_MS
        )
        axe_check(page)

    def test_no_two_controls_share_a_name_with_every_group_open(self, page: Page, site_url: str) -> None:
        """Issue 18: 136 boxes each were "Notes" and "Where the evidence is kept"; each now names its item and group."""
        open_workspace(page, site_url)
        for toggle in page.locator(".sccif-prep__toggle").all():
            toggle.click()
        expect(page.locator(".sccif-prep-item textarea")).to_have_count(136)
        assert duplicate_control_names(page) == {}
        assert_aria_snapshot(
            item(page, ANNEX_QUALIFICATIONS).locator(".sccif-prep-item__controls"), "self-evaluation-item"
        )

    def test_clear_everything_closes_on_escape_and_focus_goes_back(self, page: Page, site_url: str) -> None:
        """Issue 18: "Clear everything?" closes on Escape with focus back on its button; after Yes, focus is not lost."""
        open_workspace(page, site_url)
        fill_some_work(page)
        clear = page.get_by_role("button", name="Clear everything")
        clear.click()
        confirm = page.get_by_role("group", name="Clear everything?")
        expect(confirm).to_be_visible()
        assert_aria_snapshot(confirm, "self-evaluation-clear-confirm")
        page.keyboard.press("Escape")
        expect(confirm).to_be_hidden()
        expect(clear).to_be_focused()
        expect(item(page, ANNEX_QUALIFICATIONS).get_by_label("Needs work")).to_be_checked()
        clear.click()
        page.get_by_role("button", name="Yes, clear everything").click()
        expect(page.locator("[data-sccif-prep-notice]")).to_contain_text("Cleared")
        assert_focus_not_on_body(page, "clearing everything")
        expect(clear).to_be_focused()

    def test_the_workspace_can_be_used_with_the_keyboard_alone(self, page: Page, site_url: str) -> None:
        """Keep the work, open a group, assess an item and type notes, using Tab, Space, Enter, arrows and typing only."""
        open_workspace(page, site_url)
        keep_box = page.get_by_label(KEEP)
        keep_box.focus()
        page.keyboard.press("Space")
        expect(keep_box).to_be_checked()
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
        # Focus is never hidden under the sticky bar.
        bar = page.locator(".sccif-prep__bar").bounding_box()
        notes = first.get_by_label("Notes").bounding_box()
        assert bar and notes and notes["y"] >= bar["y"] + bar["height"]
        wait_until_stored(page, "Reviewed in March")
        kept = workspace_from_json(stored(page)["state"])  # type: ignore[index]
        assert kept.entry("overall-experiences-evidence-1").assessment == "adequate"
        assert kept.entry("overall-experiences-evidence-1").notes == "Reviewed in March"

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
        opt_in(page)
        fill_some_work(page)
        wait_until_stored(page, SECRET)
        with page.expect_download(timeout=LOAD_TIMEOUT_MS) as info:
            page.get_by_role("button", name="Download as Markdown").click()
        target = tmp_path / "offline.md"
        info.value.save_as(target)
        assert read_markdown(target.read_text(encoding="utf-8")) == expected_workspace()
