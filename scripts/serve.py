"""Serve the built site on this machine, with the headers a host should send.

Used by `make serve` and by the browser tests, so the tests meet the site as a
host would serve it: right MIME types for .wasm and .mjs, precompressed .br/.gz
files when the browser accepts them, long caching for versioned runtime files,
and the security headers documented in docs/hosting.md (the Content-Security-Policy is on
unless --no-csp). --prefix /sccif/ serves the site under a sub-path, as a host might.

It also answers sitemap.xml with every page of the site at the address it is asked on.
Material's instant navigation (pages swapped without a reload, so a tool's Python keeps
running from one tool page to the next) follows only links its sitemap lists, with their
port and path as written. The built sitemap names no address unless the site was built with
SCCIF_SITE_URL, and then it names the published one, not this machine's.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import email.utils
import functools
import html
import http.server
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The pages carry the same policy in a <meta> tag (overrides/main.html); frame-ancestors works
# only as a header. tests/browser/test_csp.py checks that the two agree.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; "
    "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
# Paths whose name carries a version or content hash never change: cache them for a year.
IMMUTABLE_PREFIXES = ("/runtime/",)
EXTRA_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".ics": "text/calendar",
}
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
SITEMAP = "/sitemap.xml"


def sitemap(root: Path, site_url: str) -> bytes:
    """sitemap.xml listing every page of the built site in ``root`` under ``site_url`` (ending in "/")."""
    pages = []
    for folder, folders, files in os.walk(root, followlinks=True):  # `make bench` serves a copy made of links
        if Path(folder) == root:
            folders[:] = [name for name in folders if name != "runtime"]  # the tools' files, no pages
        if "index.html" in files:
            pages.append(Path(folder).relative_to(root).as_posix())
    pages.sort()
    urls = (site_url + ("" if page == "." else page + "/") for page in pages)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"<url><loc>{html.escape(url)}</loc></url>\n" for url in urls)
        + "</urlset>\n"
    ).encode()


def accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts: "gzip, br;q=0" -> {"gzip"}; "*" stands for the rest."""
    qualities: dict[str, float] = {}
    for item in header.lower().split(","):
        name, _, params = item.partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name.strip():
            qualities[name.strip()] = quality
    accepted = {name for name, quality in qualities.items() if quality > 0 and name != "*"}
    if qualities.get("*", 0) > 0:
        accepted |= {encoding for encoding, _ in ENCODINGS if encoding not in qualities}
    return accepted


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    server_csp = True
    prefix = "/"  # the URL path the site lives under, e.g. "/sccif/"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}

    def send_head(self):  # type: ignore[no-untyped-def]
        if self.prefix != "/":
            request_path = self.path.split("?", 1)[0].split("#", 1)[0]
            if request_path + "/" == self.prefix:
                self.send_response(301)
                self.send_header("Location", self.prefix)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if not request_path.startswith(self.prefix):
                self.send_error(404, "Not under the site's prefix")
                return None
        if self._site_path() == SITEMAP:
            return self._send_sitemap()
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
            path = path / "index.html"  # a page's address: its index.html, and that file's twins
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        if path.is_file():
            for encoding, suffix in ENCODINGS:
                compressed = path.with_name(path.name + suffix)
                if encoding in accepted and compressed.is_file():
                    return self._send_file(compressed, self.guess_type(str(path)), encoding, path)
        return super().send_head()

    def translate_path(self, path: str) -> str:
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def _site_path(self) -> str:
        """The request's path inside the site (without the prefix), for the caching rules."""
        path = self.path.split("?", 1)[0]
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return path

    def _send_sitemap(self) -> io.BytesIO:
        host = self.headers.get("Host") or "{}:{}".format(*self.connection.getsockname()[:2])
        body = sitemap(Path(self.directory), f"http://{host}{self.prefix}")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _send_file(self, path: Path, content_type: str, encoding: str, plain: Path):  # type: ignore[no-untyped-def]
        """Send the twin ``path`` of the file ``plain``, with that file's type and date (304 if unchanged)."""
        modified = int(plain.stat().st_mtime)
        if self._not_modified_since(modified):
            self.send_response(304)
            self.end_headers()
            return None
        handle = path.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(path.stat().st_size))
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.end_headers()
        return handle

    def _not_modified_since(self, modified: int) -> bool:
        """The request's If-Modified-Since is at or after ``modified``, as SimpleHTTPRequestHandler checks it."""
        if "If-Modified-Since" not in self.headers or "If-None-Match" in self.headers:
            return False
        try:
            since = email.utils.parsedate_to_datetime(self.headers["If-Modified-Since"])
        except (TypeError, IndexError, OverflowError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=datetime.UTC)
        return modified <= since.timestamp()

    def end_headers(self) -> None:
        for name, value in HEADERS.items():
            self.send_header(name, value)
        if self.server_csp:
            self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.send_header("Vary", "Accept-Encoding")
        if self._site_path().startswith(IMMUTABLE_PREFIXES):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if os.environ.get("SCCIF_SERVE_QUIET") != "1":
            super().log_message(format, *args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--directory", default="site")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--no-csp", dest="csp", action="store_false", help="do not send the Content-Security-Policy header"
    )
    parser.add_argument("--prefix", default="/", help="serve the site under this URL path, e.g. /sccif/")
    args = parser.parse_args(argv)
    SiteHandler.server_csp = args.csp
    SiteHandler.prefix = "/" + args.prefix.strip("/") + "/" if args.prefix.strip("/") else "/"
    root = Path(args.directory)
    if not (root / "index.html").is_file():
        print(f"serve: no built site in {root}/ (run make site)", file=sys.stderr)
        return 2
    handler = functools.partial(SiteHandler, directory=str(root))
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as server:
        address = f"http://{args.bind}:{server.server_port}{SiteHandler.prefix}"
        print(f"Serving {root}/ at {address}  (Ctrl+C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


# --- running this server from tests and benchmarks, as `make serve` runs it ---


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(directory: Path, *, port: int, prefix: str = "/", timeout: float = 15) -> subprocess.Popen[bytes]:
    """This server in a child process, returned once it answers at http://127.0.0.1:port/prefix."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--directory", str(directory), "--port", str(port), "--prefix", prefix],
        env={**os.environ, "SCCIF_SERVE_QUIET": "1"},
        stdout=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}{prefix}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return process
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                stop(process)
                raise RuntimeError("the site server did not start") from None
            time.sleep(0.1)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=10)


@contextmanager
def running(directory: Path, *, prefix: str = "/") -> Iterator[str]:
    """Serve ``directory`` on a free port for the length of the block; yields the site's URL."""
    port = free_port()
    process = start(directory, port=port, prefix=prefix)
    try:
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        stop(process)


if __name__ == "__main__":
    sys.exit(main())
