"""scripts/serve.py answers sitemap.xml with every page at the address it is asked on.

Material's instant navigation follows only links its sitemap lists, port and path included; the
built sitemap names no address (or the published one), so without this `make serve` would reload
every page, and a tool's Python would start again on each one.
"""

from __future__ import annotations

import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scripts import serve

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(url: str, **headers: str) -> list[str]:
    request = urllib.request.Request(url + "sitemap.xml", headers={"Accept-Encoding": "br, gzip", **headers})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"] == "application/xml"
        assert response.headers.get("Content-Encoding") is None
        assert response.headers["Cache-Control"] == "no-cache"
        root = ET.fromstring(response.read())
    return [loc.text or "" for loc in root.findall("sm:url/sm:loc", NS)]


def pages(site_dir: Path) -> list[str]:
    return sorted(
        "" if index.parent == site_dir else index.parent.relative_to(site_dir).as_posix() + "/"
        for index in site_dir.rglob("index.html")
        if "runtime" not in index.relative_to(site_dir).parts
    )


@pytest.mark.parametrize("prefix", ["/", "/sccif/"])
def test_every_page_is_listed_at_the_address_served(site_dir: Path, prefix: str) -> None:
    with serve.running(site_dir, prefix=prefix) as url:
        listed = locations(url)
    expected = [url + page for page in pages(site_dir)]
    assert listed == expected
    assert url + "tools/timeline/" in listed
    assert len(listed) > 40


def test_the_address_follows_the_host_the_browser_asked_for(site_dir: Path) -> None:
    with serve.running(site_dir) as url:
        port = url.rsplit(":", 1)[1].strip("/")
        listed = locations(url, Host=f"localhost:{port}")
    assert listed[0] == f"http://localhost:{port}/"


def test_a_copy_made_of_links_lists_the_same_pages(site_dir: Path, tmp_path: Path) -> None:
    """`make bench` serves the site through a folder of links to it (beside its bare Pyodide page)."""
    for entry in site_dir.iterdir():
        (tmp_path / entry.name).symlink_to(entry)
    with serve.running(tmp_path) as url:
        listed = locations(url)
    assert listed == [url + page for page in pages(site_dir)]
