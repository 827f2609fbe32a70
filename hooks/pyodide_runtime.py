"""Put the in-browser runtime into the built site: Pyodide, the core's wheel, its lockfile, the widgets.

What lands in ``site/runtime/`` (every folder name carries a version or a content hash,
so a host can cache everything under ``runtime/`` for a year, see scripts/serve.py):

- ``pyodide-<version>/``: the four files the browser needs from the pinned npm package
  ``pyodide``: ``pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm`` as shipped, and the
  standard library as ``python_stdlib-<hash>.zip``, precompiled to bytecode (see below).
- ``sccif-core-<hash>/``: the ``sccif_core`` wheel, built here from ``src/`` with the standard
  library (pure Python, no dependencies, reproducible: the same source gives the same bytes),
  with its bytecode beside the sources, and ``pyodide-lock.json`` listing it.
- ``widgets-<hash>/``: ``site_widgets/`` plus a generated ``config.mjs`` that tells the worker
  where the runtime and the lockfile are, relative to itself (so the site works under a sub-path),
  and a generated ``facts.mjs``: what the forms need before Python loads (grades, judgements,
  timeline kinds and their fields, the framework version), from ``sccif_core.page_facts``.

Bytecode: Pyodide 314 ships the standard library as source, so every browser compiled the ~200
modules Python imports at start-up on every load. ``hooks/pyodide_precompile.mjs`` compiles them
(and the core) once at build time with the npm package's own Python 3.14 running in Node, as
unchecked hash-based .pyc files (reproducible; a host Python's bytecode would not load). The
results are cached in ``.cache/pyodide/`` by the hash of their inputs. ``SCCIF_PRECOMPILE=0``
ships plain sources instead, for comparing the two with ``make bench``.

Only the standard library the core uses ships: ``hooks/pyodide_precompile.mjs`` traces, in Pyodide
itself, what starting the runtime, installing the core, importing every module of the core (but its
command line), every module the core's import statements name (inside functions too) and
``LAZY_STDLIB`` loads from the standard library's zip; about 150 of its 600 files. Its entries are
stored uncompressed, so hooks/compress.py's ``.br`` twin compresses the whole (a zip of deflated
entries would not compress again). The build fails if a module the core imports is not shipped.

Compression is not done here: hooks/compress.py, the last build step, writes the ``.br`` and
``.gz`` twins of these files (and of the rest of the site).

The lockfile is written here, not by pyodide-build's ``pyodide lockfile add-wheels``: it is the
stock lockfile's ``info`` block plus one entry with the same fields as every stock entry.
pyodide-build needs Python 3.12+, a second virtualenv and a network install of its own
dependencies in every fresh clone, to write ten fields we know exactly (the core is pure Python
with no dependencies, so ``depends`` is empty). ``tests/site/test_pyodide_runtime.py`` checks the
entry against the stock format, and ``tests/browser/test_runtime.py`` proves that Pyodide loads
the wheel through it with ``checkIntegrity``.

Only pages whose front matter has ``tool: <name>`` get the widget code, and they get it
*inside the page content*: Material's instant navigation swaps the content container and
re-runs the scripts in it, but never re-runs scripts at the end of ``<body>``. So a reader who
arrives at a tool page from a text page still gets a working tool, and text pages load nothing.

The build fails loudly when the npm package is missing or is not the pinned version, when a
tool page names a tool with no ``site_widgets/tools/<name>.js``, or when its page has no
``data-sccif-tool="<name>"`` container for the widget.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import tomllib
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[1]
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
WIDGETS = ROOT / "site_widgets"
PACKAGE = ROOT / "src" / "sccif_core"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
COPIED_AS_IS = RUNTIME_FILES[:3]  # python_stdlib.zip is written precompiled, under a hashed name
PRECOMPILE_SCRIPT = ROOT / "hooks" / "pyodide_precompile.mjs"
CACHE = ROOT / ".cache" / "pyodide"
CORE_NAME = "sccif-core"  # the distribution name, as Pyodide's loadPackage knows it
CORE_IMPORT = "sccif_core"
WIDGET_SUFFIXES = (".js", ".mjs", ".css")
# Every zip entry gets this timestamp, so a wheel built from the same source has the same hash.
ZIP_DATE = (2020, 2, 2, 0, 0, 0)
_TOOL_NAME = re.compile(r"[a-z][a-z0-9-]*")
# The first tool on a page is #sccif-tool, the target of "Skip to the tool" and of links that open a
# tool at its form. It is in the page itself, so instant navigation's jump to the link's #sccif-tool
# finds it (Material jumps before any script of the new page has run).
TOOL_ANCHOR = "sccif-tool"
_TOOL_DIV = re.compile(r'<div\s[^>]*\bdata-sccif-tool="[^"]*"[^>]*>')
STDLIB_ZIP_PREFIX = "/lib/python314.zip/"
# Imported by the standard library's own functions when the core calls them, not by an import
# statement: the codecs the core names in .encode()/.decode() (a codec lookup imports its module).
LAZY_STDLIB = ("encodings.utf_8_sig", "encodings.utf_16", "encodings.latin_1", "encodings.ascii")
# The command line: never loaded in the browser.
NOT_IN_THE_BROWSER = f"{CORE_IMPORT}.cli"


@dataclass
class Runtime:
    """What one build puts under site/runtime/, worked out in on_config."""

    pyodide_version: str
    stdlib_name: str  # python_stdlib-<hash>.zip
    stdlib: bytes
    wheel_name: str
    wheel: bytes
    lockfile: bytes
    core_dir: str  # e.g. runtime/sccif-core-1a2b3c4d5e6f
    widgets_dir: str  # e.g. runtime/widgets-0f1e2d3c4b5a
    widget_files: dict[str, bytes] = field(default_factory=dict)

    @property
    def pyodide_dir(self) -> str:
        return f"runtime/pyodide-{self.pyodide_version}"


_state: dict[str, Runtime] = {}


# --- the hooks ---------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    _state["runtime"] = prepare()
    return config


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    tool = page.meta.get("tool")
    if tool is None:
        return html
    runtime = _state["runtime"]
    name = str(tool)
    where = page.file.src_uri
    if not _TOOL_NAME.fullmatch(name):
        raise PluginError(f"{where}: 'tool: {name}' is not a tool name (lower case letters, digits and '-')")
    if f"tools/{name}.js" not in runtime.widget_files:
        raise PluginError(f"{where}: 'tool: {name}' needs site_widgets/tools/{name}.js, which does not exist")
    if f'data-sccif-tool="{name}"' not in html:
        raise PluginError(
            f'{where}: a tool page needs a <div class="sccif-tool" data-sccif-tool="{name}" markdown> '
            "holding the text readers see without JavaScript"
        )
    return tool_tags(runtime, name, page.url) + name_first_tool(html)


def name_first_tool(html: str) -> str:
    """The page with its first tool's <div> given the id TOOL_ANCHOR, unless it has an id already.

    >>> name_first_tool('<p>Hi</p><div class="sccif-tool" data-sccif-tool="timeline"></div><div data-sccif-tool="x">')
    '<p>Hi</p><div id="sccif-tool" class="sccif-tool" data-sccif-tool="timeline"></div><div data-sccif-tool="x">'
    >>> name_first_tool('<div id="mine" data-sccif-tool="timeline"></div><div data-sccif-tool="x">')
    '<div id="mine" data-sccif-tool="timeline"></div><div data-sccif-tool="x">'
    """
    first = _TOOL_DIV.search(html)
    if first is None or re.search(r"\sid=", first.group(0)):
        return html
    return f'{html[: first.start()]}<div id="{TOOL_ANCHOR}"{html[first.start() + 4 :]}'


def on_post_page(output: str, page: Any, config: Any) -> str:
    """On a full load of a tool page, start the loader (and so the worker) from <head>.

    The copy inside the content is what instant navigation runs; this one lets a full load start
    the worker while the browser is still parsing the long navigation above the content. Both
    name the same module, and a module runs once per page session.
    """
    tool = page.meta.get("tool")
    if tool is None:
        return output
    head = tool_tags(_state["runtime"], str(tool), page.url, styles=False)
    return output.replace("</head>", head + "</head>", 1)


def on_post_build(config: Any) -> None:
    write_runtime(_state["runtime"], Path(config["site_dir"]))


# --- the work, as plain functions (tests call these) ------------------------------------


def prepare() -> Runtime:
    """Check the npm package, build the wheel and the lockfile, and gather the widget files."""
    version = pinned_pyodide_version()
    stdlib = (NODE_PYODIDE / "python_stdlib.zip").read_bytes()
    sources = package_files()
    # Two runs of Node, each a few seconds in a fresh clone (nothing cached): side by side.
    with ThreadPoolExecutor(max_workers=2) as pool:
        used = pool.submit(used_stdlib_files, sources, version)
        if precompiling():
            stdlib, bytecode = precompile(stdlib, sources, version)
            sources = sources + bytecode
        stdlib = only_used(stdlib, used.result())
    stdlib_name = f"python_stdlib-{hashlib.sha256(stdlib).hexdigest()[:12]}.zip"
    wheel_name, wheel = build_wheel(sources)
    wheel_hash = hashlib.sha256(wheel).hexdigest()
    core_dir = f"runtime/{CORE_NAME}-{wheel_hash[:12]}"
    lockfile = build_lockfile(wheel_name, wheel_hash)
    widget_files = {
        path.relative_to(WIDGETS).as_posix(): path.read_bytes()
        for path in sorted(WIDGETS.rglob("*"))
        if path.is_file() and path.suffix in WIDGET_SUFFIXES
    }
    for required in ("loader.js", "bridge.js", "worker.mjs", "ui.js"):
        if required not in widget_files:
            raise PluginError(f"site_widgets/{required} is missing")
    widget_files["config.mjs"] = config_module(version, core_dir, stdlib_name).encode()
    widget_files["facts.mjs"] = facts_module().encode()
    digest = hashlib.sha256()
    for name, content in sorted(widget_files.items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    widgets_dir = f"runtime/widgets-{digest.hexdigest()[:12]}"
    return Runtime(
        version, stdlib_name, stdlib, wheel_name, wheel, lockfile, core_dir, widgets_dir, widget_files
    )


def precompiling() -> bool:
    return os.environ.get("SCCIF_PRECOMPILE", "1") != "0"


def precompile(
    stdlib: bytes, sources: list[tuple[str, bytes]], version: str
) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(the standard library as bytecode, the core's __pycache__ files), from the cache or from Node."""
    script = PRECOMPILE_SCRIPT.read_bytes()
    source_zip = _zip(sources)
    stdlib_out = CACHE / f"stdlib-{_key(version.encode(), script, stdlib)}.zip"
    core_out = CACHE / f"core-{_key(version.encode(), script, source_zip)}.zip"
    jobs: list[dict[str, str | bool]] = []
    with tempfile.TemporaryDirectory(prefix="sccif-precompile-") as work:
        if not stdlib_out.is_file():
            jobs.append(
                {
                    "in": str(NODE_PYODIDE / "python_stdlib.zip"),
                    "out": str(stdlib_out),
                    "prefix": STDLIB_ZIP_PREFIX,
                }
            )
        if not core_out.is_file():
            core_in = Path(work) / "core-sources.zip"
            core_in.write_bytes(source_zip)
            site_packages = "/lib/python3.14/site-packages/"
            jobs.append(
                {"in": str(core_in), "out": str(core_out), "keep_source": True, "prefix": site_packages}
            )
        if jobs:
            _run_node(jobs, Path(work))
    with zipfile.ZipFile(core_out) as compiled:
        bytecode = [(name, compiled.read(name)) for name in sorted(compiled.namelist())]
    return stdlib_out.read_bytes(), bytecode


def core_imports(sources: list[tuple[str, bytes]] | None = None) -> list[str]:
    """Every module of the core the browser may load, and every module its import statements name."""
    names: set[str] = set()
    for item, content in sources if sources is not None else package_files():
        if not item.endswith(".py") or item.startswith(NOT_IN_THE_BROWSER.replace(".", "/")):
            continue
        module = item[:-3].replace("/", ".").removesuffix(".__init__")
        names.add(module)
        for node in ast.walk(ast.parse(content, item)):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
    return sorted(names)


def used_stdlib_files(sources: list[tuple[str, bytes]], version: str) -> list[str]:
    """The standard library's files (``re/_parser.py``) the core loads in Pyodide, traced in Node (cached)."""
    script = PRECOMPILE_SCRIPT.read_bytes()
    imports = core_imports(sources) + list(LAZY_STDLIB)
    sources_only = [(item, content) for item, content in sources if "__pycache__" not in item]
    out = (
        CACHE
        / f"used-{_key(version.encode(), script, _zip(sources_only), json.dumps(imports).encode())}.json"
    )
    if not out.is_file():
        with tempfile.TemporaryDirectory(prefix="sccif-trace-") as work:
            wheel_name, wheel = build_wheel(sources_only)
            wheel_path = Path(work) / wheel_name
            wheel_path.write_bytes(wheel)
            _run_node([{"trace": str(wheel_path), "imports": imports, "out": str(out)}], Path(work))
    return list(json.loads(out.read_text(encoding="utf-8")))


def only_used(stdlib: bytes, used: list[str]) -> bytes:
    """The standard library's zip with only the ``used`` files (as bytecode where precompiled), stored uncompressed."""
    wanted = {name for item in used for name in (item, item.removesuffix(".py") + ".pyc")}
    with zipfile.ZipFile(io.BytesIO(stdlib)) as archive:
        kept = [(name, archive.read(name)) for name in sorted(archive.namelist()) if name in wanted]
    found = {name.removesuffix(".pyc").removesuffix(".py") for name, _ in kept}
    missing = sorted(item for item in used if item.removesuffix(".py") not in found)
    if missing:
        raise PluginError(f"the standard library's zip lacks files the core needs: {', '.join(missing)}")
    return _zip(kept, compression=zipfile.ZIP_STORED)


def _run_node(jobs: list[dict[str, Any]], work: Path) -> None:
    """Run hooks/pyodide_precompile.mjs on ``jobs``; a failure fails the build with Node's output."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("Node.js is needed to precompile Python for the browser: install it (see README).")
    CACHE.mkdir(parents=True, exist_ok=True)
    jobs_file = work / "jobs.json"
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    done = subprocess.run(
        [node, str(PRECOMPILE_SCRIPT), str(NODE_PYODIDE), str(jobs_file)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        for job in jobs:
            Path(str(job["out"])).unlink(missing_ok=True)
        raise PluginError(f"running Python with Pyodide in Node failed:\n{done.stdout}{done.stderr}")


def _key(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:16]


def _zip(files: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A reproducible zip of (name, content) pairs, in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression, compresslevel=9) as archive:
        for item, content in files:
            info = zipfile.ZipInfo(item, date_time=ZIP_DATE)
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def package_files() -> list[tuple[str, bytes]]:
    """src/sccif_core's files as (path in the wheel, content), sorted; no caches."""
    files: list[tuple[str, bytes]] = []
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".pyc", ".pyo"):
            continue
        files.append((f"{CORE_IMPORT}/{path.relative_to(PACKAGE).as_posix()}", path.read_bytes()))
    if not any(item == f"{CORE_IMPORT}/browser_api.py" for item, _ in files):
        raise PluginError(f"{PACKAGE} has no browser_api.py: the widgets cannot call the core")
    return files


def pinned_pyodide_version() -> str:
    """The version package.json pins, after checking node_modules/pyodide has it and its files."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    installed_json = NODE_PYODIDE / "package.json"
    if not installed_json.is_file():
        raise PluginError(
            f"the Pyodide runtime is missing: {NODE_PYODIDE} does not exist. "
            "Run `make deps` (it runs `npm ci`) and build again."
        )
    installed = json.loads(installed_json.read_text(encoding="utf-8"))["version"]
    if installed != pinned:
        raise PluginError(
            f"node_modules has pyodide {installed} but package.json pins {pinned}: run `make deps`."
        )
    missing = [name for name in (*RUNTIME_FILES, "pyodide-lock.json") if not (NODE_PYODIDE / name).is_file()]
    if missing:
        raise PluginError(f"node_modules/pyodide lacks {', '.join(missing)}: run `make deps`.")
    return str(pinned)


def project_metadata() -> tuple[str, str, str]:
    """(name, version, summary) from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return str(project["name"]), str(project["version"]), str(project.get("description", ""))


def build_wheel(files: list[tuple[str, bytes]] | None = None) -> tuple[str, bytes]:
    """A pure-Python wheel of src/sccif_core: (file name, bytes); the same files give the same bytes.

    ``files`` defaults to the package's sources; prepare() adds their bytecode. Written with
    zipfile rather than a build backend: the core is pure Python with package data only, the
    project's backend (hatchling) is not installed in the virtualenv, and this takes
    milliseconds with no network.
    """
    name, version, summary = project_metadata()
    dist = re.sub(r"[-_.]+", "_", name).lower()
    dist_info = f"{dist}-{version}.dist-info"
    files = list(package_files() if files is None else files)
    metadata = (
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: {summary}\n"
        "Requires-Python: >=3.11\nLicense: MIT\n"
    ).encode()
    wheel_info = b"Wheel-Version: 1.0\nGenerator: sccif hooks/pyodide_runtime.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    files += [
        (f"{dist_info}/METADATA", metadata),
        (f"{dist_info}/WHEEL", wheel_info),
        (f"{dist_info}/top_level.txt", f"{CORE_IMPORT}\n".encode()),
    ]
    record = "".join(f"{item},sha256={_record_hash(content)},{len(content)}\n" for item, content in files)
    record += f"{dist_info}/RECORD,,\n"
    files.append((f"{dist_info}/RECORD", record.encode()))
    # Stored, not deflated: hooks/compress.py's .br twin of the whole wheel is 40 % smaller.
    return f"{dist}-{version}-py3-none-any.whl", _zip(files, compression=zipfile.ZIP_STORED)


def _record_hash(content: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()


def build_lockfile(wheel_name: str, sha256: str) -> bytes:
    """A Pyodide lockfile with the stock ``info`` block and one entry: the core's wheel."""
    stock = json.loads((NODE_PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    _, version, _ = project_metadata()
    entry = {
        "name": CORE_NAME,
        "version": version,
        "file_name": wheel_name,  # relative: Pyodide resolves it against the lockfile's folder
        "install_dir": "site",
        "sha256": sha256,
        "package_type": "package",
        "imports": [CORE_IMPORT],
        "depends": [],  # the core needs nothing but the standard library
        "unvendored_tests": False,
        "tool": {},
    }
    lock = {"info": stock["info"], "packages": {CORE_NAME: entry}}
    return (json.dumps(lock, indent=1, sort_keys=True) + "\n").encode()


def config_module(pyodide_version: str, core_dir: str, stdlib_name: str) -> str:
    """site_widgets' generated config.mjs: where things are, relative to the widgets folder."""
    runtime = f"../pyodide-{pyodide_version}/"
    lock = f"../{core_dir.split('/', 1)[1]}/pyodide-lock.json"
    return (
        "// Generated by hooks/pyodide_runtime.py at build time: do not edit.\n"
        "// Every URL is relative to this file, so the site works at a domain's root or under a sub-path.\n"
        f"export const PYODIDE_VERSION = {json.dumps(pyodide_version)};\n"
        f"export const RUNTIME_URL = new URL({json.dumps(runtime)}, import.meta.url).href;\n"
        f"export const LOCKFILE_URL = new URL({json.dumps(lock)}, import.meta.url).href;\n"
        f"export const STDLIB_URL = new URL({json.dumps(runtime + stdlib_name)}, import.meta.url).href;\n"
        f"export const CORE_PACKAGE = {json.dumps(CORE_NAME)};\n"
        f"export const CORE_MODULE = {json.dumps(CORE_IMPORT + '.browser_api')};\n"
        'export const SITE_ROOT = new URL("../../", import.meta.url).href;\n'
    )


def facts_module() -> str:
    """site_widgets' generated facts.mjs: ``export const FACTS = {...};`` from the core."""
    from sccif_core.page_facts import facts_module as from_the_core

    return from_the_core()


def tool_tags(runtime: Runtime, tool: str, page_url: str, *, styles: bool = True) -> str:
    """The tags a tool page's content starts with: its styles, preloads and the loader module."""

    def url(path: str) -> str:
        return get_relative_url(f"{runtime.widgets_dir}/{path}", page_url)

    preloads = "".join(
        f'<link rel="modulepreload" href="{url(path)}">'
        for path in ("bridge.js", "ui.js", "config.mjs", "facts.mjs", f"tools/{tool}.js")
    )
    stylesheets = "".join(
        f'<link rel="stylesheet" href="{url(path)}">'
        for path in sorted(runtime.widget_files)
        if styles and path.startswith("styles/") and path.endswith(".css")
    )
    return (
        f"{stylesheets}{preloads}"
        # async: run as soon as it arrives, so the worker starts before the page finishes parsing
        f'<script type="module" async src="{url("loader.js")}"></script>\n'
    )


def write_runtime(runtime: Runtime, site_dir: Path) -> None:
    """Copy the runtime files, the wheel, the lockfile and the widgets into the built site."""
    pyodide_dir = site_dir / runtime.pyodide_dir
    pyodide_dir.mkdir(parents=True, exist_ok=True)
    for name in COPIED_AS_IS:
        shutil.copyfile(NODE_PYODIDE / name, pyodide_dir / name)
    (pyodide_dir / runtime.stdlib_name).write_bytes(runtime.stdlib)
    core_dir = site_dir / runtime.core_dir
    core_dir.mkdir(parents=True, exist_ok=True)
    (core_dir / runtime.wheel_name).write_bytes(runtime.wheel)
    (core_dir / "pyodide-lock.json").write_bytes(runtime.lockfile)
    widgets_dir = site_dir / runtime.widgets_dir
    for name, content in runtime.widget_files.items():
        target = widgets_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
