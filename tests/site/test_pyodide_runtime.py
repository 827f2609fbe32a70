"""hooks/pyodide_runtime.py: the wheel, the lockfile, the widget folder and the tags tool pages get."""

from __future__ import annotations

import _imp
import base64
import csv
import hashlib
import importlib.util
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]


def _load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "pyodide_runtime_hook", ROOT / "hooks" / "pyodide_runtime.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the hook loads
    spec.loader.exec_module(module)
    return module


hook = _load_hook()


@pytest.fixture(scope="module")
def runtime():  # type: ignore[no-untyped-def]
    return hook.prepare()


class TestWheel:
    def test_the_same_source_gives_the_same_wheel(self) -> None:
        """Two builds of the wheel are byte for byte the same, so its content-hashed folder only moves when the code does."""
        assert hook.build_wheel() == hook.build_wheel()

    def test_the_wheel_records_every_file_with_its_hash(self) -> None:
        """RECORD lists each file in the wheel with its sha256 and size, as installers check."""
        name, data = hook.build_wheel()
        assert name == "sccif_core-0.1.0-py3-none-any.whl"
        with zipfile.ZipFile(io.BytesIO(data)) as wheel:
            names = set(wheel.namelist())
            record = list(csv.reader(io.StringIO(wheel.read("sccif_core-0.1.0.dist-info/RECORD").decode())))
            for path, digest, size in record:
                assert path in names
                if path.endswith("RECORD"):
                    continue
                content = wheel.read(path)
                expected = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
                assert digest == f"sha256={expected}" and int(size) == len(content)
            assert {row[0] for row in record} == names
            assert "sccif_core/browser_api.py" in names and "sccif_core/data/framework.json" in names
            assert not any("__pycache__" in item or item.endswith(".pyc") for item in names)
            metadata = wheel.read("sccif_core-0.1.0.dist-info/METADATA").decode()
            assert "Name: sccif-core\n" in metadata and "Version: 0.1.0\n" in metadata

    def test_the_wheel_runs_the_browser_api_on_its_own(self, tmp_path: Path) -> None:
        """A Python with only the wheel on its path answers a browser call, package data included."""
        name, data = hook.build_wheel()
        wheel = tmp_path / name
        wheel.write_bytes(data)
        code = (
            "import json, sys; sys.path.insert(0, sys.argv[1]); from sccif_core import browser_api; "
            "assert browser_api.__file__.startswith(sys.argv[1]); "
            "print(browser_api.call('workdays.add', json.dumps({'start': '24/12/2026', 'days': 1})))"
        )
        out = subprocess.run(
            [sys.executable, "-I", "-c", code, str(wheel)], capture_output=True, text=True, check=True
        )
        answer = json.loads(out.stdout)["result"]
        # Christmas Day and the substitute Boxing Day (Monday 28 December 2026) are skipped.
        assert answer["date"] == "2026-12-29"
        assert answer["source_path"] == "framework/inspections-notice-scheduling/#timeframe-1"


class TestBytecode:
    def test_the_standard_library_ships_as_python_3_14_bytecode(self, runtime) -> None:  # type: ignore[no-untyped-def]
        """Every module shipped from Pyodide's standard library is an unchecked .pyc for CPython 3.14."""
        with zipfile.ZipFile(io.BytesIO(runtime.stdlib)) as stdlib:
            names = stdlib.namelist()
            assert "json/decoder.pyc" in names and "json/decoder.py" not in names
            header = stdlib.read("encodings/__init__.pyc")[:8]
        assert [name for name in names if name.endswith(".py")] == []
        assert header[:2] == (3627).to_bytes(2, "little")  # CPython 3.14's magic number (3627)
        assert header[4:8] == (0b11).to_bytes(4, "little")  # hash-based, unchecked (PEP 552)


class TestStandardLibrary:
    def test_only_what_the_core_uses_ships_stored_for_the_host_to_compress(self, runtime) -> None:  # type: ignore[no-untyped-def]
        """About 150 of the 600 files ship, each stored uncompressed (the .br twin compresses the whole)."""
        with zipfile.ZipFile(io.BytesIO(runtime.stdlib)) as stdlib:
            entries = stdlib.infolist()
        names = {entry.filename for entry in entries}
        assert {"csv.pyc", "dataclasses.pyc", "_pyodide/_base.pyc", "pyodide/_package_loader.pyc"} <= names
        assert not names & {"sqlite3/__init__.pyc", "unittest/__init__.pyc", "_pyrepl/__init__.pyc"}
        assert len(entries) < 250
        assert {entry.compress_type for entry in entries} == {zipfile.ZIP_STORED}

    def test_every_module_the_core_imports_ships(self, runtime) -> None:  # type: ignore[no-untyped-def]
        """Each module the core's import statements name (in functions too), and LAZY_STDLIB, that the stock
        standard library has as a file is shipped: a missing one would fail only when a reader's call needs it."""
        with zipfile.ZipFile(hook.NODE_PYODIDE / "python_stdlib.zip") as stock:
            stock_files = set(stock.namelist())
        with zipfile.ZipFile(io.BytesIO(runtime.stdlib)) as stdlib:
            shipped = {name.removesuffix("c") for name in stdlib.namelist()}  # x.pyc -> x.py
        imports = hook.core_imports() + list(hook.LAZY_STDLIB)
        assert "csv" in imports and "sccif_core.cli" not in imports
        checked = 0
        # Frozen into the interpreter (io, os, codecs...): never read from the zip. Pyodide's 3.14 freezes
        # the same modules as this CPython.
        frozen = set(_imp._frozen_module_names())  # type: ignore[attr-defined]
        for name in sorted(set(imports) - frozen):
            for candidate in (name.replace(".", "/") + ".py", name.replace(".", "/") + "/__init__.py"):
                if candidate in stock_files:
                    checked += 1
                    assert candidate in shipped, f"the core imports {name}, but {candidate} is not shipped"
        assert checked > 15

    def test_the_wheel_has_bytecode_beside_every_module(self, runtime) -> None:  # type: ignore[no-untyped-def]
        """The core's wheel keeps its sources and adds __pycache__/*.cpython-314.pyc for each."""
        with zipfile.ZipFile(io.BytesIO(runtime.wheel)) as wheel:
            names = set(wheel.namelist())
        sources = {name for name in names if name.endswith(".py")}
        assert "sccif_core/browser_api.py" in sources
        for source in sources:
            folder, _, module = source.rpartition("/")
            assert f"{folder}/__pycache__/{module[:-3]}.cpython-314.pyc" in names, source


class TestLockfile:
    def test_the_entry_has_exactly_the_fields_of_a_stock_entry(self, runtime) -> None:  # type: ignore[no-untyped-def]
        """The core's lockfile entry has the same fields as every entry Pyodide ships, and the stock info block."""
        stock = json.loads((hook.NODE_PYODIDE / "pyodide-lock.json").read_text())
        lock = json.loads(runtime.lockfile)
        assert lock["info"] == stock["info"]
        entry = lock["packages"]["sccif-core"]
        stock_keys = {frozenset(package) for package in stock["packages"].values()}
        assert stock_keys == {frozenset(entry)}, "Pyodide's lockfile format changed: check build_lockfile"
        assert list(lock["packages"]) == ["sccif-core"]

    def test_the_entry_describes_the_wheel(self, runtime) -> None:  # type: ignore[no-untyped-def]
        """The entry names the wheel, its sha256, the import name and no dependencies."""
        entry = json.loads(runtime.lockfile)["packages"]["sccif-core"]
        assert entry["file_name"] == runtime.wheel_name
        assert entry["sha256"] == hashlib.sha256(runtime.wheel).hexdigest()
        assert entry["imports"] == ["sccif_core"] and entry["depends"] == []
        assert entry["install_dir"] == "site" and entry["package_type"] == "package"
        assert runtime.core_dir == f"runtime/sccif-core-{entry['sha256'][:12]}"


class TestFacts:
    def test_the_build_writes_the_cores_facts(self, runtime, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        """facts.mjs, beside config.mjs, exports FACTS equal to sccif_core.page_facts.page_facts()."""
        from sccif_core.page_facts import page_facts

        hook.write_runtime(runtime, tmp_path)
        text = (tmp_path / runtime.widgets_dir / "facts.mjs").read_text(encoding="utf-8")
        assert text.startswith("// Generated by hooks/pyodide_runtime.py")
        start, end = "export const FACTS = ", ";\n"
        assert text.count(start) == 1 and text.endswith(end)
        assert json.loads(text[text.index(start) + len(start) : -len(end)]) == page_facts()
        assert (tmp_path / runtime.widgets_dir / "config.mjs").is_file()

    def test_tool_pages_preload_the_facts(self, runtime) -> None:  # type: ignore[no-untyped-def]
        """A tool page preloads facts.mjs with its other modules, so a form can be drawn at once."""
        tags = hook.tool_tags(runtime, "timeline", "tools/timeline/")
        assert f'<link rel="modulepreload" href="../../{runtime.widgets_dir}/facts.mjs">' in tags


class TestSite:
    def test_the_build_writes_versioned_runtime_folders(self, runtime, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        """The four Pyodide files, the wheel, the lockfile and the widgets land under versioned runtime/ folders."""
        hook.write_runtime(runtime, tmp_path)
        for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
            assert (tmp_path / "runtime/pyodide-314.0.7" / name).read_bytes() == (
                hook.NODE_PYODIDE / name
            ).read_bytes()
        stdlib = tmp_path / "runtime/pyodide-314.0.7" / runtime.stdlib_name
        assert stdlib.read_bytes() == runtime.stdlib
        assert runtime.stdlib_name == f"python_stdlib-{hashlib.sha256(runtime.stdlib).hexdigest()[:12]}.zip"
        assert (tmp_path / runtime.core_dir / runtime.wheel_name).read_bytes() == runtime.wheel
        assert (tmp_path / runtime.core_dir / "pyodide-lock.json").read_bytes() == runtime.lockfile
        widgets = tmp_path / runtime.widgets_dir
        for name in ("loader.js", "bridge.js", "worker.mjs", "ui.js", "config.mjs", "tools/working-days.js"):
            assert (widgets / name).is_file(), name
        config = (widgets / "config.mjs").read_text()
        assert '"../pyodide-314.0.7/"' in config
        assert f'"../{runtime.core_dir.removeprefix("runtime/")}/pyodide-lock.json"' in config

    def test_tool_pages_get_relative_tags_for_the_loader(self, runtime) -> None:  # type: ignore[no-untyped-def]
        """A tool page's tags point at the widget folder relative to the page, so a sub-path works."""
        tags = hook.tool_tags(runtime, "working-days", "tools/working-days/")
        assert f'<script type="module" async src="../../{runtime.widgets_dir}/loader.js"></script>' in tags
        assert f'<link rel="modulepreload" href="../../{runtime.widgets_dir}/tools/working-days.js">' in tags
        assert f'<link rel="stylesheet" href="../../{runtime.widgets_dir}/styles/widgets.css">' in tags
        assert "<script>" not in tags  # no inline script: the Content-Security-Policy forbids it

    def test_the_first_tool_is_named_in_the_page_itself(self, site_dir: Path) -> None:
        """Each tool page's first tool is #sccif-tool in the built HTML: links that open a tool at its form
        (and instant navigation's jump to them) find it before any script runs. A tool with its own id keeps it."""
        pages = [path for path in site_dir.rglob("index.html") if "data-sccif-tool=" in path.read_text()]
        assert len(pages) >= 7
        for path in pages:
            html = path.read_text()
            first = html.index("data-sccif-tool=")
            assert html.count(f'id="{hook.TOOL_ANCHOR}"') == 1, path
            assert f'id="{hook.TOOL_ANCHOR}"' in html[html.rindex("<div", 0, first) : first], path
        assert hook.name_first_tool('<div id="mine" data-sccif-tool="x"></div><div data-sccif-tool="y">') == (
            '<div id="mine" data-sccif-tool="x"></div><div data-sccif-tool="y">'
        )

    def test_a_tool_page_without_its_container_fails_the_build(self, runtime) -> None:  # type: ignore[no-untyped-def]
        """Front matter `tool:` without the data-sccif-tool container is a build error, not a silent page."""

        class File:
            src_uri = "tools/working-days.md"

        class Page:
            meta = {"tool": "working-days"}
            file = File()
            url = "tools/working-days/"

        hook._state["runtime"] = runtime
        with pytest.raises(PluginError, match="data-sccif-tool"):
            hook.on_page_content("<p>No container here.</p>", Page(), {}, None)
        Page.meta = {"tool": "no-such-tool"}
        with pytest.raises(PluginError, match="site_widgets/tools/no-such-tool.js"):
            hook.on_page_content('<div data-sccif-tool="no-such-tool"></div>', Page(), {}, None)
        Page.meta = {}
        assert hook.on_page_content("<p>Text page.</p>", Page(), {}, None) == "<p>Text page.</p>"

    def test_a_missing_npm_package_fails_loudly(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Without node_modules/pyodide the build stops and says to run make deps."""
        monkeypatch.setattr(hook, "NODE_PYODIDE", tmp_path / "node_modules" / "pyodide")
        with pytest.raises(PluginError, match="make deps"):
            hook.prepare()
