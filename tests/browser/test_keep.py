"""site_widgets/lib/keep.js on its own, as any tool uses it: opt in, autosave, leave-page prompt, versions, memory.

Each test imports the built module into a text page and drives one `keep()` with a small tool: its state
is a plain object, and `write` records what it was given. The self-evaluation's tests drive it through a
real tool (tests/browser/test_self_evaluation.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from .runtime_helpers import wait_in_page

# A tool: state {notes}, kept under "test-tool-v<version>"; window.tool holds what happened.
SETUP = """async ([url, options]) => {
  const { keep } = await import(url);
  const tool = { state: { notes: "" }, written: [] };
  const make = (extra = {}) => keep({
    key: "test-tool",
    version: options.version ?? 2,
    read: () => tool.state,
    write: (state) => {
      if (typeof state?.notes !== "string") throw new Error("no notes in it");
      tool.written.push(state);
      tool.state = state;
    },
    empty: (state) => !state.notes,
    delay: 50,
    ...(options.migrate ? { migrate: (old, from) => (from === 1 ? { notes: String(old.text) } : null) } : {}),
    ...extra,
  });
  tool.keeper = make(options.storage === "none" ? { storage: null } : {});
  document.body.append(tool.keeper.element);
  tool.edit = (notes) => { tool.state = { notes }; tool.keeper.changed(); };
  tool.make = make;
  tool.leaving = () => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  window.tool = tool;
  return await tool.keeper.restore();
}"""


@pytest.fixture
def keep_url(site_url: str, site_dir: Path) -> str:
    [module] = site_dir.glob("runtime/widgets-*/lib/keep.js")
    return site_url + module.relative_to(site_dir).as_posix()


def start(page: Page, site_url: str, keep_url: str, **options: Any) -> Any:
    page.goto(site_url + "about/")
    return page.evaluate(SETUP, [keep_url, options])


def kept(page: Page, key: str = "test-tool-v2") -> Any:
    return page.evaluate("(key) => JSON.parse(localStorage.getItem(key))", key)


class TestOptIn:
    def test_nothing_is_stored_and_leaving_asks_until_the_reader_opts_in(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """An edit before opting in is not stored, and makes leaving the page ask first."""
        start(page, site_url, keep_url)
        assert page.evaluate("tool.leaving()") is False
        page.evaluate("tool.edit('draft')")
        assert kept(page) is None
        assert page.evaluate("tool.leaving()") is True
        assert page.evaluate("tool.keeper.state()") == "unsaved"

    def test_emptying_the_form_again_stops_the_prompt(self, page: Page, site_url: str, keep_url: str) -> None:
        """Work the tool calls empty is nothing to lose: leaving does not ask."""
        start(page, site_url, keep_url)
        page.evaluate("tool.edit('draft')")
        page.evaluate("tool.edit('')")
        assert page.evaluate("tool.leaving()") is False

    def test_opting_in_saves_now_and_every_change_after(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """Ticking the box stores the work at once; later edits are stored after a short wait."""
        start(page, site_url, keep_url)
        page.evaluate("tool.edit('first')")
        page.get_by_label("Keep my work on this device").check()
        page.wait_for_function("() => localStorage.getItem('test-tool-v2')?.includes('first')")
        page.evaluate("tool.edit('second')")
        page.wait_for_function("() => localStorage.getItem('test-tool-v2')?.includes('second')")
        entry = kept(page)
        assert entry["version"] == 2 and entry["state"] == {"notes": "second"}
        assert page.evaluate("tool.leaving()") is False

    def test_a_change_not_yet_saved_is_saved_as_the_page_goes(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """Opted in, an edit and at once leaving: a tool with nothing to check is saved then, with no prompt."""
        start(page, site_url, keep_url)
        page.get_by_label("Keep my work on this device").check()
        assert page.evaluate("tool.edit('last second'); tool.leaving()") is False
        assert kept(page)["state"] == {"notes": "last second"}

    def test_a_refused_check_is_shown_and_nothing_is_stored(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """A tool's check that throws: "Not saved: <its words>", the last good copy stays, leaving asks."""
        start(page, site_url, keep_url)
        page.evaluate("""() => {
          tool.keeper.destroy();
          tool.keeper.element.remove();
          tool.keeper = tool.make({ check: (state) => {
            if (state.notes.includes("Jonathan")) throw new Error("a name is not initials.");
            return state;
          } });
          document.body.append(tool.keeper.element);
          return tool.keeper.restore();
        }""")
        page.get_by_label("Keep my work on this device").check()
        page.evaluate("tool.edit('AB')")
        page.wait_for_function("() => localStorage.getItem('test-tool-v2')?.includes('AB')")
        page.evaluate("tool.edit('Jonathan')")
        page.wait_for_function("() => tool.keeper.state() === 'refused'")
        assert page.locator("[data-sccif-keep]").inner_text() == "Not saved: a name is not initials."
        assert kept(page)["state"] == {"notes": "AB"}
        assert page.evaluate("tool.leaving()") is True


class TestRestore:
    def test_kept_work_is_written_back_with_the_time_it_was_saved(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """What is stored under this version's key goes back to the tool; the box is ticked."""
        page.goto(site_url + "about/")
        entry = '{"version": 2, "saved_at": "2026-11-02T09:05:00Z", "state": {"notes": "kept"}}'
        page.evaluate("(value) => localStorage.setItem('test-tool-v2', value)", entry)
        assert start(page, site_url, keep_url) is True
        assert page.evaluate("tool.written") == [{"notes": "kept"}]
        assert page.get_by_label("Keep my work on this device").is_checked()
        # 09:05 UTC is 09:05 in London in November; a day that is not today is named.
        assert page.locator("[data-sccif-keep]").inner_text() == "Saved at 09:05 on 2 November 2026"

    def test_work_from_an_older_version_is_migrated_and_the_old_key_removed(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """Version 1's value goes through migrate, is stored as version 3, and the reader is told."""
        page.goto(site_url + "about/")
        page.evaluate("localStorage.setItem('test-tool-v1', JSON.stringify({text: 'old notes'}))")
        start(page, site_url, keep_url, version=3, migrate=True)
        assert page.evaluate("tool.written") == [{"notes": "old notes"}]
        page.wait_for_function("() => localStorage.getItem('test-tool-v3')?.includes('old notes')")
        assert page.evaluate("localStorage.getItem('test-tool-v1')") is None
        assert "brought up to date" in page.locator(".sccif-keep__message").inner_text()

    def test_an_older_version_with_no_way_forward_is_dropped_with_a_message(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """Without migrate, an older version's value is removed, and the message says so."""
        page.goto(site_url + "about/")
        page.evaluate("localStorage.setItem('test-tool-v1', JSON.stringify({text: 'old notes'}))")
        assert start(page, site_url, keep_url) is False
        assert page.evaluate("tool.written") == []
        assert page.evaluate("localStorage.getItem('test-tool-v1')") is None
        assert "could not be brought up to date" in page.locator(".sccif-keep__message").inner_text()

    @pytest.mark.parametrize(
        "stored",
        ["{not json", '{"version": 2}', '{"version": 2, "state": {"text": 1}}', '"a string"'],
        ids=["not-json", "no-state", "refused-by-write", "not-an-object"],
    )
    def test_an_unreadable_value_is_removed_with_a_message_and_keeping_starts_again(
        self, page: Page, site_url: str, keep_url: str, stored: str
    ) -> None:
        """Whatever is under the key, restore never throws: it says what happened and the tool works on."""
        page.goto(site_url + "about/")
        page.evaluate("(value) => localStorage.setItem('test-tool-v2', value)", stored)
        assert start(page, site_url, keep_url) is False
        assert "could not be read" in page.locator(".sccif-keep__message").inner_text()
        assert kept(page) is None
        page.get_by_label("Keep my work on this device").check()
        page.evaluate("tool.edit('fresh')")
        page.wait_for_function("() => localStorage.getItem('test-tool-v2')?.includes('fresh')")

    def test_unsaved_work_survives_instant_navigation(self, page: Page, site_url: str, keep_url: str) -> None:
        """Unmounted with unsaved work (Material swaps the page), then mounted again: the work comes back."""
        start(page, site_url, keep_url)
        page.evaluate("tool.edit('typed before going')")
        page.evaluate("tool.keeper.destroy(); tool.keeper.element.remove(); tool.state = {notes: ''}")
        assert page.evaluate("tool.leaving()") is True  # the tab still holds work that would be lost
        page.evaluate("tool.keeper = tool.make(); document.body.append(tool.keeper.element)")
        assert page.evaluate("tool.keeper.restore()") is True
        assert page.evaluate("tool.state") == {"notes": "typed before going"}
        assert page.evaluate("tool.keeper.state()") == "unsaved"


class TestNoStorage:
    def test_without_storage_the_box_is_disabled_and_leaving_still_asks(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """No storage: the reason is shown, the work stays in memory, leaving with an edit asks first."""
        start(page, site_url, keep_url, storage="none")
        assert page.get_by_label("Keep my work on this device").is_disabled()
        assert page.evaluate("tool.keeper.state()") == "unavailable"
        assert "does not let this page keep anything" in page.locator("[data-sccif-keep]").inner_text()
        page.evaluate("tool.edit('only in memory')")
        assert page.evaluate("tool.leaving()") is True

    def test_forget_removes_the_copy_and_unticks_the_box(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """Forget: nothing stored, the box unticked, the work still with the tool and now unsaved."""
        start(page, site_url, keep_url)
        page.get_by_label("Keep my work on this device").check()
        page.evaluate("tool.edit('to forget')")
        page.wait_for_function("() => localStorage.getItem('test-tool-v2')?.includes('to forget')")
        page.get_by_role("button", name="Forget my work on this device").click()
        assert kept(page) is None
        assert not page.get_by_label("Keep my work on this device").is_checked()
        assert page.evaluate("tool.state") == {"notes": "to forget"}
        assert page.evaluate("tool.leaving()") is True


# A tool whose check waits until the test lets it go: a save that is "in flight" for as long as the test needs.
HELD_CHECK = """() => {
  tool.keeper.destroy();
  tool.keeper.element.remove();
  tool.held = [];
  tool.keeper = tool.make({ check: (state) => new Promise((resolve) => tool.held.push(() => resolve(state))) });
  document.body.append(tool.keeper.element);
  // Newest first: the older save finishing last is the one that could write over the newer.
  tool.release = () => { for (const go of tool.held.splice(0).reverse()) go(); };
  return tool.keeper.restore();
}"""


class TestClearMeansClear:
    def test_forget_cancels_a_save_that_is_waiting_to_start(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """An edit, then forget before the autosave's wait is over: nothing is written afterwards."""
        start(page, site_url, keep_url)
        page.get_by_label("Keep my work on this device").check()
        page.wait_for_function("() => tool.keeper.state() === 'saved'")
        page.evaluate("tool.keeper.destroy(); tool.keeper.element.remove()")
        page.evaluate("tool.keeper = tool.make({ delay: 400 }); document.body.append(tool.keeper.element)")
        page.evaluate("tool.keeper.restore()")
        page.evaluate("tool.edit('private'); tool.keeper.forget()")
        # Proves that nothing happens: a timer in the page, started after the 400 ms autosave's and
        # longer, fires after it would have.
        wait_in_page(page, 800)
        assert kept(page) is None

    def test_forget_cancels_a_save_in_flight_even_if_keeping_is_ticked_again(
        self, page: Page, site_url: str, keep_url: str
    ) -> None:
        """A save waiting on its check when the reader clears and opts in again never writes the cleared work."""
        start(page, site_url, keep_url)
        page.evaluate(HELD_CHECK)
        page.evaluate("tool.edit('private')")
        page.get_by_label("Keep my work on this device").check()  # a save of 'private' is now in flight
        page.wait_for_function("() => tool.held.length === 1")
        page.evaluate("tool.keeper.forget(); tool.state = { notes: '' }; tool.keeper.settled()")
        page.get_by_label("Keep my work on this device").check()  # a second save, of the empty form
        page.wait_for_function("() => tool.held.length === 2")
        page.evaluate("tool.release()")
        page.wait_for_function("() => tool.keeper.state() === 'saved'")
        assert kept(page)["state"] == {"notes": ""}
        # The reload that used to bring the cleared note back.
        page.reload()
        assert start(page, site_url, keep_url) is True
        assert page.evaluate("tool.state") == {"notes": ""}
