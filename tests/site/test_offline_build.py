"""The built site's service worker precaches the site a reader needs offline, and keeps the tools' runtime apart,
cached after it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_MANIFEST = re.compile(r"precacheAndRoute\((\[.*?\])\s*,", re.S)
_RUNTIME = re.compile(r"^const RUNTIME = (\{.*\});$", re.M)
# The tools' runtime: Pyodide and the core's wheel folder, never precached.
_RUNTIME_PATH = re.compile(r"^runtime/(?:pyodide-[^/]+|sccif-core-[0-9a-f]+)/")
_TWIN = re.compile(r"\.(br|gz|map)$")


def precache_manifest(site_dir: Path) -> dict[str, str | None]:
    """url -> revision, as written into sw.js by Workbox."""
    source = (site_dir / "sw.js").read_text(encoding="utf-8")
    match = _MANIFEST.search(source)
    assert match, "sw.js has no precache list"
    return {entry["url"]: entry["revision"] for entry in json.loads(match.group(1))}


def runtime_list(site_dir: Path) -> dict[str, object]:
    """{"files", "bytes"}: the runtime list written into sw.js, which the worker caches after the site."""
    match = _RUNTIME.search((site_dir / "sw.js").read_text(encoding="utf-8"))
    assert match, "sw.js has no runtime list"
    return dict(json.loads(match.group(1)))


def site_files(site_dir: Path) -> set[str]:
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def manifest(site_dir: Path) -> dict[str, str | None]:
    return precache_manifest(site_dir)


class TestThePrecache:
    def test_every_page_and_the_search_index_are_precached(
        self, site_dir: Path, manifest: dict[str, str | None]
    ) -> None:
        """Every HTML page, the search index and 404.html are in the precache."""
        wanted = {name for name in site_files(site_dir) if name.endswith(".html")}
        wanted |= {"search/search_index.json", "404.html"}
        assert wanted - set(manifest) == set()

    def test_the_sitemap_is_not_precached(self, manifest: dict[str, str | None]) -> None:
        """sitemap.xml names the address the site is served at (scripts/serve.py answers it for each
        address): a stored copy would name the build's, and turn instant navigation off. Offline, pages
        load in full from the precache."""
        assert "sitemap.xml" not in manifest

    def test_the_runtime_and_the_core_are_not_precached(
        self, site_dir: Path, manifest: dict[str, str | None]
    ) -> None:
        """Nothing under runtime/pyodide-*/ or runtime/sccif-core-*/ is in the precache: a first visit downloads
        no Pyodide bytes."""
        assert [url for url in manifest if _RUNTIME_PATH.match(url)] == []
        assert not any(url.endswith((".wasm", ".whl")) or "python_stdlib" in url for url in manifest)

    def test_the_widget_code_is_precached(self, site_dir: Path, manifest: dict[str, str | None]) -> None:
        """Every file of runtime/widgets-*/ (the tools' own code, small) is in the precache."""
        widgets = {
            name
            for name in site_files(site_dir)
            if name.startswith("runtime/widgets-") and not _TWIN.search(name)
        }
        assert {"loader.js", "bridge.js", "worker.mjs", "config.mjs"} <= {
            name.rsplit("/", 1)[-1] for name in widgets
        }
        assert widgets - set(manifest) == set()

    def test_every_site_asset_is_precached(self, site_dir: Path, manifest: dict[str, str | None]) -> None:
        """Every stylesheet, script, image and font of the site is precached (lunr's language files only when needed)."""
        assets = {
            name
            for name in site_files(site_dir)
            if name.startswith("assets/")
            and not re.search(r"\.(br|gz|map)$", name)
            and not name.startswith("assets/javascripts/lunr/")
        }
        assert assets - set(manifest) == set()

    def test_compressed_twins_and_the_worker_itself_are_left_out(
        self, manifest: dict[str, str | None]
    ) -> None:
        """.br and .gz copies, source maps, sw.js and Workbox's own files are not precached."""
        left_out = [
            url
            for url in manifest
            if re.search(r"\.(br|gz|map)$", url) or url == "sw.js" or "/workbox-" in url
        ]
        assert left_out == []

    def test_versioned_files_have_no_revision_and_others_do(self, manifest: dict[str, str | None]) -> None:
        """Files under runtime/ and Material's hashed bundles are fetched once; pages carry a content revision."""
        for url, revision in manifest.items():
            versioned = url.startswith("runtime/") or re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", url)
            if versioned:
                assert revision is None, url
            else:
                assert revision and re.fullmatch(r"[0-9a-f]{32}", revision), url

    def test_every_url_is_relative(self, manifest: dict[str, str | None]) -> None:
        """No precached URL starts with / or a scheme, so the site works under a sub-path."""
        assert [url for url in manifest if url.startswith("/") or "://" in url] == []


class TestTheRuntimeList:
    def test_it_names_exactly_the_pyodide_and_core_files(self, site_dir: Path) -> None:
        """sw.js's runtime list is every file under runtime/pyodide-*/ and runtime/sccif-core-*/ (not their twins),
        and nothing else."""
        expected = {
            name for name in site_files(site_dir) if _RUNTIME_PATH.match(name) and not _TWIN.search(name)
        }
        names = {name.rsplit("/", 1)[-1] for name in expected}
        assert {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json"} <= names
        assert any(re.fullmatch(r"python_stdlib-[0-9a-f]+\.zip", name) for name in names), names
        assert any(name.endswith(".whl") for name in names), names
        files = runtime_list(site_dir)["files"]
        assert isinstance(files, list) and len(files) == len(set(files))
        assert set(files) == expected

    def test_its_size_is_what_the_files_weigh_over_the_network(self, site_dir: Path) -> None:
        """ "bytes" (the button's "about N MB") is the sum of each file's smallest form: its .br twin when there is one."""
        listed = runtime_list(site_dir)
        files = [site_dir / str(name) for name in listed["files"]]  # type: ignore[attr-defined]
        over_the_network = sum(
            min(
                form.stat().st_size
                for form in (path, Path(f"{path}.br"), Path(f"{path}.gz"))
                if form.is_file()
            )
            for path in files
        )
        assert listed["bytes"] == over_the_network
        assert over_the_network < 0.8 * sum(path.stat().st_size for path in files)

    def test_the_worker_caches_it_on_demand_and_drops_old_deployments(self, site_dir: Path) -> None:
        """sw.js routes the runtime list cache-first into its own cache, and on activate deletes what is not in the list."""
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", (site_dir / "sw.js").read_text(encoding="utf-8"), flags=re.S)
        assert re.search(r"new workbox\.strategies\.CacheFirst\(\{ cacheName: RUNTIME_CACHE", code)
        assert '"CACHE_RUNTIME"' in code and '"RUNTIME_STATUS"' in code
        activate = code[code.index('addEventListener("activate"') :]
        assert "cache.delete" in activate and "isRuntimeUrl.has(request.url)" in activate


class TestTheServiceWorker:
    def test_it_loads_workbox_from_the_site_itself(self, site_dir: Path) -> None:
        """sw.js imports Workbox by a relative path, from files that are in the built site."""
        source = (site_dir / "sw.js").read_text(encoding="utf-8")
        imported = re.findall(r'importScripts\("([^"]+)"\)', source)
        assert imported and all(not url.startswith("/") and "://" not in url for url in imported)
        for url in imported:
            assert (site_dir / url).is_file(), url
        folder = imported[0].rsplit("/", 1)[0]
        for module in ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching"):
            assert (site_dir / folder / f"{module}.prod.js").is_file(), module
        assert 'modulePathPrefix: "' + folder + '/"' in source

    def test_it_waits_for_the_reader_before_taking_over(self, site_dir: Path) -> None:
        """sw.js never calls skipWaiting on install; it does so only when the page posts SKIP_WAITING."""
        source = (site_dir / "sw.js").read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)
        assert code.count("skipWaiting()") == 1
        assert re.search(r'"SKIP_WAITING"\) self\.skipWaiting\(\)', code)

    def test_every_page_registers_it_without_inline_script(self, site_dir: Path) -> None:
        """Every page loads assets/javascripts/offline.js, by a relative address, with defer."""
        for path in site_dir.rglob("index.html"):
            if "runtime" in path.parts or "assets" in path.parts:
                continue
            html = path.read_text(encoding="utf-8")
            tags = re.findall(r'<script src="([^"]*assets/javascripts/offline\.js)" defer></script>', html)
            assert len(tags) == 1, path
            assert not tags[0].startswith("/"), path


class TestTheBuildStep:
    def test_the_build_fails_loudly_when_a_file_is_too_big_to_precache(self, tmp_path: Path) -> None:
        """A file Workbox would leave out (over 32 MB) stops the build with a message, instead of a site broken offline."""
        site = tmp_path / "site"
        site.mkdir()
        (site / "index.html").write_text("<h1>x</h1>", encoding="utf-8")
        with (site / "huge.bin").open("wb") as handle:
            handle.truncate(33 * 1024 * 1024)
        from mkdocs.exceptions import PluginError

        from hooks import offline

        with pytest.raises(PluginError, match="huge.bin"):
            offline.build_service_worker(site)

    def test_the_script_reports_what_it_precached(self, tmp_path: Path) -> None:
        """scripts/build-service-worker.mjs prints the count and size of the files it precached."""
        site = tmp_path / "site"
        (site / "a").mkdir(parents=True)
        (site / "index.html").write_text("<h1>x</h1>", encoding="utf-8")
        (site / "a" / "index.html").write_text("<h1>y</h1>", encoding="utf-8")
        (site / "index.html.gz").write_bytes(b"not precached")
        result = subprocess.run(
            ["node", str(ROOT / "scripts" / "build-service-worker.mjs"), str(site)],
            capture_output=True,
            text=True,
            check=True,
        )
        summary = json.loads(result.stdout)
        assert summary["count"] == 2
        assert summary["size"] == len("<h1>x</h1>") + len("<h1>y</h1>")
        assert set(precache_manifest(site)) == {"index.html", "a/index.html"}
