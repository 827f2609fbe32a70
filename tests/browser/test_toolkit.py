"""The shared browser toolkit (site_widgets/lib/), driven in a real page: confirm, download, choices, svg, request."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .page_checks import assert_focus_not_on_body
from .runtime_helpers import TOOL_PAGE

# The widgets' folder of the built page (runtime/widgets-<hash>/), from the preload of ui.js.
WIDGETS = "document.querySelector('link[rel=modulepreload][href$=\"/ui.js\"]').href.replace(/ui\\.js$/, '')"


def load(page: Page, site_url: str, module: str) -> None:
    """Open a tool page and import one toolkit module as `window.lib`."""
    page.goto(site_url + TOOL_PAGE)
    page.evaluate(f"async () => {{ window.lib = await import({WIDGETS} + 'lib/{module}'); }}")


class TestConfirm:
    def open(self, page: Page, site_url: str) -> None:
        load(page, site_url, "confirm.js")
        page.evaluate(
            """() => {
              window.confirmed = 0;
              const box = window.lib.confirmation({ title: "Clear everything?", text: "It cannot be undone.",
                yes: "Yes, clear everything", onConfirm: () => { window.confirmed += 1; } });
              const opener = document.createElement("button");
              opener.textContent = "Clear everything";
              opener.addEventListener("click", () => box.open(opener));
              document.querySelector("article").prepend(opener, box.element);
            }"""
        )
        page.get_by_role("button", name="Clear everything", exact=True).click()

    def test_opens_with_focus_on_its_heading(self, page: Page, site_url: str) -> None:
        self.open(page, site_url)
        group = page.get_by_role("group", name="Clear everything?")
        expect(group).to_be_visible()
        expect(group.get_by_role("heading", name="Clear everything?")).to_be_focused()

    def test_escape_closes_it_and_returns_focus_to_the_opener(self, page: Page, site_url: str) -> None:
        self.open(page, site_url)
        page.keyboard.press("Tab")  # onto "Yes, clear everything": Escape works from any control inside
        page.keyboard.press("Escape")
        expect(page.get_by_role("group", name="Clear everything?")).to_be_hidden()
        expect(page.get_by_role("button", name="Clear everything", exact=True)).to_be_focused()
        assert page.evaluate("window.confirmed") == 0

    def test_cancel_closes_it_and_returns_focus(self, page: Page, site_url: str) -> None:
        self.open(page, site_url)
        page.get_by_role("button", name="Cancel").click()
        expect(page.get_by_role("group", name="Clear everything?")).to_be_hidden()
        expect(page.get_by_role("button", name="Clear everything", exact=True)).to_be_focused()

    def test_yes_confirms_once_and_focus_is_never_on_the_body(self, page: Page, site_url: str) -> None:
        self.open(page, site_url)
        page.get_by_role("button", name="Yes, clear everything").click()
        expect(page.get_by_role("group", name="Clear everything?")).to_be_hidden()
        assert page.evaluate("window.confirmed") == 1
        assert_focus_not_on_body(page, "confirming")


class TestDownload:
    @pytest.mark.parametrize(
        ("filename", "mime", "saved"),
        [
            # A CSV gets a byte-order mark, so spreadsheet programs read it as UTF-8.
            ("dates.csv", "text/csv;charset=utf-8", b"\xef\xbb\xbfkind,date\nfull,2026-11-19\n"),
            ("dates.md", "text/markdown;charset=utf-8", b"kind,date\nfull,2026-11-19\n"),
        ],
    )
    def test_the_file_is_saved_as_the_core_named_and_wrote_it(
        self, page: Page, site_url: str, tmp_path: Path, filename: str, mime: str, saved: bytes
    ) -> None:
        load(page, site_url, "download.js")
        with page.expect_download() as info:
            page.evaluate(
                "([filename, mime]) => window.lib.saveFile({ filename, mime, text: 'kind,date\\nfull,2026-11-19\\n' })",
                [filename, mime],
            )
        assert info.value.suggested_filename == filename
        info.value.save_as(tmp_path / filename)
        assert (tmp_path / filename).read_bytes() == saved

    def test_a_problem_from_the_core_is_a_sentence_not_a_file(self, page: Page, site_url: str) -> None:
        load(page, site_url, "download.js")
        problem = page.evaluate(
            """() => window.lib.downloadFile(async () => ({ error: { problem: "choose what happened.",
              field: "kind", row: null, message: "Kind: choose what happened." } }), "timeline.csv", {})"""
        )
        assert problem == {"problem": "Kind: choose what happened."}


class TestChoices:
    def test_radios_error_is_named_by_the_group_and_marks_each_radio(self, page: Page, site_url: str) -> None:
        load(page, site_url, "choices.js")
        page.evaluate(
            """() => {
              const role = window.lib.radios({ name: "role", legend: "Whose qualification?", hint: "Choose one",
                choices: [{ value: "manager", words: "Registered manager", hint: "Level 5" },
                          { value: "care-worker", words: "Care worker" }] });
              document.querySelector("article").prepend(role.element);
              role.setError("choose whose qualification it is.");
              window.role = role;
            }"""
        )
        group = page.get_by_role("group", name="Whose qualification?")
        described = (group.get_attribute("aria-describedby") or "").split()
        assert len(described) == 2  # the hint, then the error
        expect(page.locator(f"[id='{described[1]}']")).to_have_text(
            "Error: Choose whose qualification it is."
        )
        expect(group.get_by_role("radio", name="Registered manager")).to_be_checked()
        expect(group.get_by_role("radio", name="Registered manager")).to_have_accessible_description(
            "Level 5"
        )
        for radio in group.get_by_role("radio").all():
            expect(radio).to_have_attribute("aria-invalid", "true")
        group.get_by_role("radio", name="Care worker").check()
        assert page.evaluate("window.role.value()") == "care-worker"
        page.evaluate("window.role.setError(null)")
        assert group.get_attribute("aria-describedby") == described[0]

    def test_select_with_groups(self, page: Page, site_url: str) -> None:
        load(page, site_url, "choices.js")
        page.evaluate(
            """() => {
              const kind = window.lib.select({ name: "kind", label: "What happened?", chosen: "reg44",
                groups: [{ label: "After a visit", choices: [{ value: "full", words: "A full inspection ended" }] },
                         { label: "Reports", choices: [{ value: "reg44", words: "A regulation 44 visit" }] }] });
              document.querySelector("article").prepend(kind.element);
            }"""
        )
        expect(page.get_by_label("What happened?")).to_have_value("reg44")
        expect(page.locator("optgroup")).to_have_count(2)


class TestSvg:
    def test_deeply_nested_children_and_text_only(self, page: Page, site_url: str) -> None:
        """100,000 parts in nested lists draw without deepening the call stack; strings stay text."""
        load(page, site_url, "svg.js")
        drawn = page.evaluate(
            """() => {
              let parts = [];
              for (let i = 0; i < 100000; i += 1) parts = [parts, window.lib.svg("rect", { x: i })];
              const chart = window.lib.svg("svg", { viewBox: "0 0 10 10", hidden: false }, parts, "<b>text</b>");
              return { rects: chart.querySelectorAll("rect").length, bold: chart.querySelectorAll("b").length,
                text: chart.lastChild.textContent, hidden: chart.hasAttribute("hidden") };
            }"""
        )
        assert drawn == {"rects": 100000, "bold": 0, "text": "<b>text</b>", "hidden": False}


class TestRequest:
    SETUP = """() => {
      window.listeners = new Set();
      window.runtime = { state: "ready", onChange(l) { listeners.add(l); return () => listeners.delete(l); } };
      window.sent = []; window.seen = []; window.typed = 0;
      window.requests = window.lib.lifecycle({
        runtime,
        read: () => ({ typed: ++window.typed }),
        send: (payload) => new Promise((resolve, reject) => sent.push({ payload, resolve, reject })),
        waiting: () => seen.push("waiting"),
        answered: (result) => seen.push(`answer ${result}`),
        problems: (list) => seen.push(list.map((p) => p.field).join(" ")),
        failed: (reason) => seen.push(`failed: ${reason}`),
      });
    }"""

    def test_the_newest_request_wins(self, page: Page, site_url: str) -> None:
        load(page, site_url, "request.js")
        page.evaluate(self.SETUP)
        page.evaluate(
            """async () => {
              requests.run(); requests.run();
              sent[1].resolve({ result: "second" });
              sent[0].resolve({ result: "first" });
              await new Promise((resolve) => setTimeout(resolve, 0));
            }"""
        )
        assert page.evaluate("seen") == ["answer second"]

    def test_every_problem_is_passed_on(self, page: Page, site_url: str) -> None:
        load(page, site_url, "request.js")
        page.evaluate(self.SETUP)
        page.evaluate(
            """async () => {
              requests.run();
              sent[0].resolve({ error: { problem: "a", field: "start", errors: [
                { problem: "a", field: "start" }, { problem: "b", field: "days" }] } });
              await new Promise((resolve) => setTimeout(resolve, 0));
            }"""
        )
        assert page.evaluate("seen") == ["start days"]

    def test_waiting_then_a_rerun_with_the_inputs_as_they_are_after_a_restart(
        self, page: Page, site_url: str
    ) -> None:
        load(page, site_url, "request.js")
        page.evaluate(self.SETUP)
        page.evaluate(
            """async () => {
              runtime.state = "loading";
              requests.run();
              sent[0].reject(new Error("The calculator stopped."));
              await new Promise((resolve) => setTimeout(resolve, 0));
              runtime.state = "ready";
              for (const listener of listeners) listener();
              sent[1].resolve({ result: "again" });
              await new Promise((resolve) => setTimeout(resolve, 0));
            }"""
        )
        assert page.evaluate("seen") == ["waiting", "failed: The calculator stopped.", "answer again"]
        # read() was called again for the rerun: the inputs as they are then, not as they were.
        assert page.evaluate("sent.map((s) => s.payload.typed)") == [1, 2]
