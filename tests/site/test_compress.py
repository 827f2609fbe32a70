"""The built site's precompressed twins (hooks/compress.py) and how scripts/serve.py sends them."""

from __future__ import annotations

import gzip
import os
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from hooks import compress, offline
from scripts import serve

DECOMPRESS = {".br": brotli.decompress, ".gz": gzip.decompress}
# MkDocs writes sitemap.xml.gz itself (for search engines), however small the sitemap is.
MKDOCS_OWN = {"sitemap.xml.gz"}


def twin_names(site_dir: Path, suffix: str) -> set[str]:
    """The files that have a ``suffix`` twin written by hooks/compress.py."""
    twins = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob(f"*{suffix}")} - MKDOCS_OWN
    return {name[: -len(suffix)] for name in twins}


def one(site_dir: Path, pattern: str) -> str:
    found = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.glob(pattern) if path.is_file())
    assert found, f"no {pattern} in the built site"
    return found[0]


@pytest.fixture(scope="module")
def wanted(site_dir: Path) -> set[str]:
    """Files that must have both twins: the search index, every page, Material's CSS and JS, ours, and the wasm."""
    pages = {
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.stat().st_size > 4096
    }
    assert len(pages) > 20
    return pages | {
        "search/search_index.json",
        "sw.js",
        "assets/javascripts/offline.js",
        one(site_dir, "assets/stylesheets/main.*.min.css"),
        one(site_dir, "assets/javascripts/bundle.*.min.js"),
        one(site_dir, "runtime/widgets-*/worker.mjs"),
        one(site_dir, "runtime/pyodide-*/pyodide.asm.mjs"),
        one(site_dir, "runtime/pyodide-*/pyodide.asm.wasm"),
    }


class TestTheBuiltSite:
    @pytest.mark.parametrize("suffix", [".br", ".gz"])
    def test_the_pages_search_index_styles_scripts_and_wasm_have_twins(
        self, site_dir: Path, wanted: set[str], suffix: str
    ) -> None:
        """Every page, the search index, sw.js, the CSS and JS bundles, the widget code and the wasm have a .br and a .gz twin."""
        assert wanted - twin_names(site_dir, suffix) == set()

    def test_every_twin_decompresses_to_its_file(self, site_dir: Path) -> None:
        """Each .br and .gz twin in the site decompresses to exactly the bytes of the file beside it, and is smaller."""
        twins = sorted(
            path
            for suffix in DECOMPRESS
            for path in site_dir.rglob(f"*{suffix}")
            if path.relative_to(site_dir).as_posix() not in MKDOCS_OWN
        )
        assert len(twins) > 100
        for twin in twins:
            plain = twin.with_suffix("")
            assert plain.is_file(), f"{twin} has no plain file"
            packed = twin.read_bytes()
            assert len(packed) <= compress.MAX_RATIO * plain.stat().st_size, twin
            assert DECOMPRESS[twin.suffix](packed) == plain.read_bytes(), twin

    def test_compressed_formats_and_small_files_have_no_twin(self, site_dir: Path) -> None:
        """Images and files of 1 kB or less get no twin; only COMPRESSIBLE types do, the stored stdlib zip and wheel too."""
        for suffix in DECOMPRESS:
            twinned = twin_names(site_dir, suffix)
            assert one(site_dir, "runtime/pyodide-*/python_stdlib-*.zip") in twinned
            assert one(site_dir, "runtime/sccif-core-*/*.whl") in twinned
            assert [name for name in twinned if Path(name).suffix not in compress.COMPRESSIBLE] == []
            assert [name for name in twinned if (site_dir / name).stat().st_size <= compress.MIN_SIZE] == []

    def test_the_build_is_reproducible(self, site_dir: Path, tmp_path: Path) -> None:
        """Compressing the same files afresh, with no cache, twice, gives the twins the build wrote, byte for byte."""
        names = [
            "search/search_index.json",
            "index.html",
            "sw.js",
            one(site_dir, "assets/javascripts/bundle.*.min.js"),
        ]
        outputs = []
        for attempt in ("first", "second"):
            copy = tmp_path / attempt
            for name in names:
                (copy / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(site_dir / name, copy / name)
                os.utime(copy / name, (0, 0) if attempt == "first" else None)  # the file's date plays no part
            compress.compress_site(copy, cache=None)
            outputs.append(
                {
                    name + suffix: (copy / (name + suffix)).read_bytes()
                    for name in names
                    for suffix in DECOMPRESS
                }
            )
        assert outputs[0] == outputs[1]
        assert outputs[0] == {name: (site_dir / name).read_bytes() for name in outputs[0]}

    def test_compression_runs_after_the_service_worker_is_written(self) -> None:
        """hooks/compress.py is a hook in mkdocs.yml and runs after hooks/offline.py (so sw.js and Workbox get twins)."""
        config = (Path(compress.__file__).parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
        assert "  - hooks/compress.py" in config
        assert compress.on_post_build.mkdocs_priority < offline.on_post_build.mkdocs_priority  # type: ignore[attr-defined]


class TestCompressSite:
    def test_twins_only_where_they_save_a_tenth(self, tmp_path: Path) -> None:
        """A file over 1 kB that compresses gets both twins; a small file, an incompressible one, a zip of
        compressed entries and an image get none."""
        (tmp_path / "page.html").write_text("<p>The framework says.</p>\n" * 200, encoding="utf-8")
        (tmp_path / "small.js").write_text("let a = 1;\n" * 50, encoding="utf-8")  # 550 bytes
        (tmp_path / "noise.js").write_bytes(os.urandom(50_000))
        (tmp_path / "archive.zip").write_bytes(os.urandom(50_000))  # what deflated entries look like
        (tmp_path / "picture.png").write_text("z" * 50_000, encoding="utf-8")
        summary = compress.compress_site(tmp_path, cache=tmp_path.parent / "cache")
        twins = sorted(path.name for path in tmp_path.iterdir() if path.suffix in DECOMPRESS)
        assert twins == ["page.html.br", "page.html.gz"]
        assert summary.files == 1 and summary.br == (tmp_path / "page.html.br").stat().st_size

    def test_the_cache_gives_the_same_bytes(self, tmp_path: Path) -> None:
        """A second compression of the same content comes from .cache-style entries, keyed by its SHA-256, unchanged."""
        content = b"The registered person must notify Ofsted. " * 100
        cache = tmp_path / "cache"
        first = compress.twins(content, cache)
        assert len(list(cache.iterdir())) == 2
        assert compress.twins(content, cache) == first == compress.twins(content, None)


def fetch(url: str, accept_encoding: str | None) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(
        url, headers={"Accept-Encoding": accept_encoding} if accept_encoding else {}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return {name.lower(): value for name, value in response.headers.items()}, response.read()


@pytest.fixture(scope="module")
def site_url(site_dir: Path) -> Iterator[str]:
    with serve.running(site_dir) as url:
        yield url


class TestTheLocalServer:
    @pytest.mark.parametrize(
        ("path", "content_type"),
        [
            ("framework/introduction/", "text/html"),
            ("search/search_index.json", "application/json"),
            ("sw.js", "text/javascript"),
            ("runtime/pyodide-*/pyodide.asm.wasm", "application/wasm"),
            ("runtime/pyodide-*/pyodide.asm.mjs", "text/javascript"),
        ],
    )
    @pytest.mark.parametrize(
        ("accept", "encoding"),
        [
            ("gzip, deflate, br, zstd", "br"),
            ("gzip", "gzip"),
            ("br;q=0, gzip", "gzip"),
            ("identity", None),
            (None, None),
        ],
    )
    def test_it_sends_the_twin_the_browser_accepts(
        self,
        site_dir: Path,
        site_url: str,
        path: str,
        content_type: str,
        accept: str | None,
        encoding: str | None,
    ) -> None:
        """scripts/serve.py sends .br, else .gz, else the file, as Accept-Encoding allows, with the plain file's type and Vary."""
        if "*" in path:
            path = one(site_dir, path)
        plain = site_dir / (path + "index.html" if path.endswith("/") else path)
        headers, body = fetch(site_url + path, accept)
        assert headers["content-type"].split(";")[0] == content_type
        assert headers.get("vary") == "Accept-Encoding"
        assert headers.get("content-encoding") == encoding
        suffix = {"br": ".br", "gzip": ".gz", None: ""}[encoding]
        assert body == Path(f"{plain}{suffix}").read_bytes()

    def test_the_stored_wheel_goes_compressed_and_decodes_to_itself(
        self, site_dir: Path, site_url: str
    ) -> None:
        """The wheel (stored uncompressed) goes as its .br twin, a third of its size, and decodes to the file
        whose SHA-256 the lockfile names (Pyodide checks the decoded bytes)."""
        wheel = one(site_dir, "runtime/sccif-core-*/*.whl")
        headers, body = fetch(site_url + wheel, "br, gzip")
        assert headers["content-encoding"] == "br"
        assert headers["content-type"] == "application/zip"
        assert len(body) < (site_dir / wheel).stat().st_size / 3
        assert DECOMPRESS[".br"](body) == (site_dir / wheel).read_bytes()
