"""site_widgets/snapshot-store.mjs: the runtime snapshot stored without its empty pages, read back exactly."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORE = ROOT / "site_widgets" / "snapshot-store.mjs"

# Runs in Node: packs and unpacks memory images of several shapes; reports what came back.
SCRIPT = """
const { pack, unpack } = await import(process.argv[1]);
const image = (length, fill) => { const m = new Uint8Array(length); fill(m); return m; };
const cases = {
  // whole pages, some empty: Pyodide's memory after a 128-byte header, as makeMemorySnapshot gives it
  pyodide_like: image(128 + 5 * 65536, (m) => { m.fill(3, 0, 200); m[70000] = 1; m[128 + 5 * 65536 - 1] = 9; }),
  all_zero: image(8192, () => {}),
  partial_last_page: image(4100, (m) => { m[4099] = 5; }),
  random: image(40960, (m) => { for (let i = 0; i < m.length; i += 97) m[i] = (i * 31) & 255; }),
};
const out = {};
for (const [name, memory] of Object.entries(cases)) {
  const packed = pack(memory);
  const back = unpack(packed);
  const same = back.length === memory.length && back.every((b, i) => b === memory[i]);
  out[name] = { length: memory.length, packed: packed.length, same };
}
const damaged = pack(cases.random); damaged[16] = 255;  // a page number past the end
const truncated = pack(cases.random).subarray(0, 1000);
const broken = { garbage: new Uint8Array(65536).fill(7), damaged, truncated, empty: new Uint8Array(0) };
for (const [name, bytes] of Object.entries(broken)) {
  try { unpack(bytes); out[name] = "accepted"; } catch (error) { out[name] = error.message; }
}
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (see the README's quick start)")
    done = subprocess.run(
        [node, "--input-type=module", "-e", SCRIPT, STORE.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    parsed: dict[str, object] = json.loads(done.stdout)
    return parsed


@pytest.mark.parametrize("case", ["pyodide_like", "all_zero", "partial_last_page", "random"])
def test_a_snapshot_reads_back_byte_for_byte(results: dict[str, object], case: str) -> None:
    """Whatever the memory holds, unpack(pack(memory)) is the same bytes and length."""
    outcome = results[case]
    assert isinstance(outcome, dict) and outcome["same"] is True, outcome


def test_empty_pages_are_left_out(results: dict[str, object]) -> None:
    """Of the Pyodide-like image's 81 pages of 4 kB, only the three holding data are stored."""
    outcome = results["pyodide_like"]
    assert isinstance(outcome, dict)
    # header: 8-byte magic, length, count, three page numbers; then three 4 kB pages
    assert outcome["packed"] == 8 + 4 * (2 + 3) + 3 * 4096


@pytest.mark.parametrize("case", ["garbage", "damaged", "truncated", "empty"])
def test_anything_else_is_refused_not_restored(results: dict[str, object], case: str) -> None:
    """Bytes that are not a whole stored snapshot are refused, so the worker starts Python afresh."""
    assert results[case] in ("not a stored snapshot", "a damaged snapshot"), results[case]
