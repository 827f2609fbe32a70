"""The Content-Security-Policy: on every page, in a <meta> tag and a header that agree, and nothing on the site breaks it."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from scripts import serve

from .conftest import ROOT, built_pages

pytestmark = pytest.mark.text_pages_only  # home, search and text pages: no runtime needed

REQUIRED = (
    "script-src 'self' 'wasm-unsafe-eval'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
)


class _HeadReader(HTMLParser):
    """The first element in <head> after <meta charset>, and every CSP <meta> tag."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = False
        self.head_tags: list[tuple[str, dict[str, str]]] = []
        self.policies: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif self.in_head:
            self.head_tags.append((tag, values))
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append(values.get("content", ""))


def read_head(html: str) -> _HeadReader:
    reader = _HeadReader()
    reader.feed(html)
    return reader


def directives(policy: str) -> list[str]:
    return [" ".join(part.split()) for part in policy.split(";") if part.strip()]


def meta_policy(site_dir: Path) -> str:
    policies = read_head((site_dir / "index.html").read_text(encoding="utf-8")).policies
    assert len(policies) == 1, policies
    return policies[0]


def violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__cspViolations || []"))


class TestThePolicy:
    def test_every_page_carries_the_policy_first_in_its_head(self, site_dir: Path) -> None:
        """Every built page has exactly one CSP <meta>, the same everywhere, before any script, style or link."""
        expected = meta_policy(site_dir)
        pages = [site_dir / "404.html"] + [site_dir / path / "index.html" for path in built_pages(site_dir)]
        for path in pages:
            head = read_head(path.read_text(encoding="utf-8"))
            assert head.policies == [expected], f"{path.relative_to(site_dir)}: {head.policies}"
            first = next(tag for tag, values in head.head_tags if not (tag == "meta" and "charset" in values))
            assert first == "meta", f"{path.relative_to(site_dir)}: the policy is not the first tag in <head>"

    def test_the_policy_has_the_required_directives(self, site_dir: Path) -> None:
        """The policy forbids inline script and other origins, as the security requirements say."""
        policy = directives(meta_policy(site_dir))
        for directive in REQUIRED:
            assert directive in policy, f"{directive!r} missing from {policy}"
        script_src = next(d for d in policy if d.startswith("script-src"))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        # A <meta> policy cannot carry frame-ancestors: browsers ignore it there, with a console error.
        assert not any(d.startswith("frame-ancestors") for d in policy)

    def test_the_header_is_the_meta_policy_plus_frame_ancestors(self, site_dir: Path) -> None:
        """scripts/serve.py sends the pages' policy with frame-ancestors 'none' added."""
        assert directives(serve.CONTENT_SECURITY_POLICY) == directives(meta_policy(site_dir)) + [
            "frame-ancestors 'none'"
        ]

    def test_the_hosting_page_documents_the_header_exactly(self) -> None:
        """docs/hosting.md gives hosts the same header, in its text and in the nginx and Apache examples."""
        hosting = (ROOT / "docs" / "hosting.md").read_text(encoding="utf-8")
        assert hosting.count(serve.CONTENT_SECURITY_POLICY) >= 3
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        assert f"Content-Security-Policy: {serve.CONTENT_SECURITY_POLICY}" in readme, (
            "the README's header table is stale"
        )

    def test_the_server_sends_the_header(self, page: Page, site_url: str) -> None:
        """The local server, as `make serve` runs it, sends the policy and the other security headers."""
        response = page.goto(site_url)
        assert response is not None
        headers = response.headers
        assert headers.get("content-security-policy") == serve.CONTENT_SECURITY_POLICY
        for name, value in serve.HEADERS.items():
            assert headers.get(name.lower()) == value


class TestNothingBreaksIt:
    """Every page's own load, and each tool page's runtime start, is checked for violations by the sweep in test_site.py."""

    def test_search_causes_no_violation(self, page: Page, site_url: str) -> None:
        """Searching, and following a result with instant navigation, reports no CSP violation."""
        page.goto(site_url)
        search = page.locator("input.md-search__input")
        if search.is_visible():
            search.click()
        else:
            page.locator(".md-header__button[for='__search']").click()
        page.keyboard.type("safeguarding")
        result = page.locator(".md-search-result__item a").first
        expect(result).to_be_visible()
        result.click()
        page.wait_for_load_state("networkidle")
        assert violations(page) == []
