"""Precompress the built site: a ``.br`` and a ``.gz`` twin beside every file that compresses well.

The last post-build step (priority -200: after hooks/offline.py, at -100, has written ``sw.js`` and
copied Workbox, and after hooks/pyodide_runtime.py has written ``runtime/``). For every file of the
site whose type compresses (``COMPRESSIBLE``: pages, styles, scripts, JSON, XML, SVG, text,
WebAssembly, and the zip and wheel that hooks/pyodide_runtime.py stores uncompressed; never images or
fonts, which are compressed already) and that is over 1 kB, it writes

- ``<name>.gz``: gzip -9, with no name and no time in the header, so the same file gives the same bytes;
- ``<name>.br``: Brotli, quality 11 for files up to 1 MB and 9 above (``BROTLI_QUALITY``);

each only when it is at least a tenth smaller than the file. scripts/serve.py, and a host set up as
docs/hosting.md says (nginx ``gzip_static``/``brotli_static``, Apache rewrite rules), send a twin
to browsers that accept its encoding, with the plain file's Content-Type.

Brotli at quality 11 takes about 50 s for Pyodide's 9.6 MB WebAssembly file on this project's
2-core machine (9: about 4 s, 3.1 MB instead of 2.7 MB), so large files get quality 9, and every
output is cached in ``.cache/compress/`` under the SHA-256 of its input and its settings: a
rebuild compresses only files whose contents changed. Entries unused for 30 days are deleted.

``mkdocs serve`` gets no twins: its own server never sends them, and files change all the time.
Brotli (pip ``brotli``) is a build-time dependency of the ``site`` extra only; the core needs
nothing beyond the standard library.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

try:
    import brotli
except ImportError:  # reported by on_post_build, so that `mkdocs serve` works without it
    brotli = None

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "compress"
# .zip and .whl: Pyodide's standard library and the core's wheel, which hooks/pyodide_runtime.py
# stores uncompressed for this.
COMPRESSIBLE = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".zip", ".whl"}
)
MIN_SIZE = 1024  # bytes: smaller files gain too little for a second request's worth of work
MAX_RATIO = 0.9  # a twin is written only when it is at most 90 % of the file's size
GZIP_LEVEL = 9
LARGE = 1_000_000  # bytes: above this, Brotli's quality 11 costs tens of seconds per file
CACHE_DAYS = 30
TWINS = (".br", ".gz")

log = logging.getLogger("mkdocs.hooks.compress")
_state: dict[str, str] = {"command": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


@event_priority(-200)  # after hooks/offline.py (-100), which writes sw.js and copies Workbox
def on_post_build(config: Any) -> None:
    if _state["command"] == "serve":
        return
    if brotli is None:
        raise PluginError(
            "compress: the Python package brotli is missing: run `make deps` (pip install -e '.[site]')"
        )
    started = time.monotonic()
    summary = compress_site(Path(config["site_dir"]))
    prune_cache()
    log.info(
        "compress: %d files, %.1f MB: %.1f MB as .br, %.1f MB as .gz (%.1f s)",
        summary.files,
        summary.size / 1_000_000,
        summary.br / 1_000_000,
        summary.gz / 1_000_000,
        time.monotonic() - started,
    )


@dataclass
class Summary:
    files: int = 0  # files with at least one twin
    size: int = 0  # their size
    br: int = 0  # the size of what a Brotli-capable browser downloads for them
    gz: int = 0  # the same with gzip only


def compressible(path: Path) -> bool:
    """A file of a type that compresses (by its name), not a twin."""
    return path.suffix.lower() in COMPRESSIBLE


def brotli_quality(size: int) -> int:
    return 11 if size <= LARGE else 9


def compress_site(site_dir: Path, cache: Path | None = CACHE) -> Summary:
    """Write the .br and .gz twins of every file of ``site_dir`` that gains from them.

    Twins already there are left alone (MkDocs writes ``sitemap.xml.gz`` itself, whatever its size).
    Files are compressed on every processor at once, largest first (Brotli and zlib let go of
    Python's lock while they work): a build from a fresh clone has nothing cached.
    """
    sized = [
        (path.stat().st_size, path)
        for path in site_dir.rglob("*")
        if path.is_file() and path.suffix not in TWINS and compressible(path)
    ]
    paths = [path for size, path in sorted(sized, key=lambda item: (-item[0], item[1])) if size > MIN_SIZE]

    def write_twins(path: Path) -> tuple[int, dict[str, int]]:
        """(the file's size, {twin suffix: its size}) once its twins are written."""
        content = path.read_bytes()
        made = twins(content, cache)
        for suffix, packed in made.items():
            path.with_name(path.name + suffix).write_bytes(packed)
        return len(content), {suffix: len(packed) for suffix, packed in made.items()}

    summary = Summary()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for size, made in pool.map(write_twins, paths):
            if made:
                summary.files += 1
                summary.size += size
                summary.br += made.get(".br", made.get(".gz", size))
                summary.gz += made.get(".gz", size)
    return summary


def twins(content: bytes, cache: Path | None = CACHE) -> dict[str, bytes]:
    """{".br": ..., ".gz": ...}: the encodings of ``content`` that are at least a tenth smaller."""
    if len(content) <= MIN_SIZE:
        return {}
    digest = hashlib.sha256(content).hexdigest()
    made = {".br": brotli_compressed(content, cache, digest), ".gz": gzip_compressed(content, cache, digest)}
    return {suffix: packed for suffix, packed in made.items() if len(packed) <= MAX_RATIO * len(content)}


def wire_size(content: bytes, name: str, cache: Path | None = CACHE) -> int:
    """What a browser that accepts Brotli downloads for a file named ``name``: its smallest twin, or itself."""
    if not compressible(Path(name)):
        return len(content)
    return min([len(content), *(len(packed) for packed in twins(content, cache).values())])


def gzip_compressed(content: bytes, cache: Path | None = CACHE, digest: str | None = None) -> bytes:
    """gzip -9 of ``content``, reproducible: no file name, and 0 as the time."""
    return _cached(
        content,
        f"gz{GZIP_LEVEL}",
        lambda: gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0),
        cache,
        digest,
    )


def brotli_compressed(content: bytes, cache: Path | None = CACHE, digest: str | None = None) -> bytes:
    """Brotli of ``content`` (quality 11, or 9 for files over 1 MB); Brotli is deterministic."""
    if brotli is None:
        raise PluginError(
            "compress: the Python package brotli is missing: run `make deps` (pip install -e '.[site]')"
        )
    quality = brotli_quality(len(content))
    return _cached(content, f"br{quality}", lambda: brotli.compress(content, quality=quality), cache, digest)


def _cached(content: bytes, settings: str, make: Any, cache: Path | None, digest: str | None) -> bytes:
    """``make()``, kept in ``cache`` under the SHA-256 of ``content`` (``digest``) and the settings."""
    if cache is None:
        return bytes(make())
    entry = cache / f"{digest or hashlib.sha256(content).hexdigest()}.{settings}"
    try:
        packed = entry.read_bytes()
        os.utime(entry)  # recently used: kept by prune_cache
        return packed
    except FileNotFoundError:
        pass
    packed = bytes(make())
    cache.mkdir(parents=True, exist_ok=True)
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    partial.write_bytes(packed)
    os.replace(partial, entry)  # two builds at once never see half a file
    return packed


def prune_cache(cache: Path = CACHE, days: int = CACHE_DAYS) -> None:
    """Delete cache entries no build has used for ``days`` days, so the cache does not grow for ever."""
    if not cache.is_dir():
        return
    oldest = time.time() - days * 86400
    for entry in cache.iterdir():
        try:
            if entry.stat().st_mtime < oldest:
                entry.unlink()
        except FileNotFoundError:
            pass
