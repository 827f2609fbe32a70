// Compile Python to bytecode *with Pyodide's own CPython*, at build time, so browsers skip it.
//
// Starting Python in the browser imports about 200 standard-library modules. Pyodide 314
// ships them as source only, so every reader's browser compiled them on every load; that was
// most of the "interpreter start" time. Bytecode must come from the same CPython (3.14.2 in
// Pyodide 314.0.7): a host Python's .pyc has the wrong magic number, which is why
// `pyodide py-compile` does not help. So this runs the npm package's Pyodide in Node.
//
//   node hooks/pyodide_precompile.mjs <node_modules/pyodide/> <jobs.json>
//
// jobs.json: [{"in": "a.zip", "out": "b.zip", "keep_source": false, "prefix": "/lib/python314.zip/"}]
// Every .py in "in" becomes an unchecked hash-based .pyc (PEP 552: used without looking at
// the source, so no timestamps and the same bytes every build). With keep_source false the .py
// is dropped and the .pyc sits where the .py was (zipimport loads it sourceless); with
// keep_source true only the .pyc entries are written, as __pycache__/<name>.<cache_tag>.pyc,
// for hooks/pyodide_runtime.py to add to the wheel beside the sources.
// A job {"trace": "core.whl", "imports": ["sccif_core.dates", "re", ...], "out": "used.json"} instead
// lists the standard-library files the core needs: Pyodide starts as the worker does (ready to take
// a snapshot), installs the wheel with loadPackage, imports "imports" (hooks/pyodide_runtime.py
// lists the core's modules and every module their import statements name), reads the framework's
// text and takes a snapshot; then every module Python has loaded from the standard library's zip
// is written out as its file name there. hooks/pyodide_runtime.py ships only those.
// Called by hooks/pyodide_runtime.py, which caches the results under .cache/.

import fs from "node:fs";
import path from "node:path";

const [pyodideDir, jobsPath] = process.argv.slice(2);
const jobs = JSON.parse(fs.readFileSync(jobsPath, "utf8"));
const { loadPyodide } = await import(path.resolve(pyodideDir, "pyodide.mjs"));
const traced = jobs.some((job) => job.trace); // a snapshot is possible only if asked for at start
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + "/", ...(traced ? { _makeSnapshot: true } : {}) });

pyodide.runPython(`
import importlib.util, io, marshal, sys, warnings, zipfile

DATE = (2020, 2, 2, 0, 0, 0)

def _entry(name):
    info = zipfile.ZipInfo(name, date_time=DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info

def _pyc(source, filename):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = compile(source, filename, "exec", dont_inherit=True)
    flags = (0b11).to_bytes(4, "little")  # hash-based, check_source off: "unchecked"
    return importlib.util.MAGIC_NUMBER + flags + importlib.util.source_hash(source) + marshal.dumps(code)

def compile_zip(source_zip, keep_source, prefix):
    source_zip = source_zip.to_bytes()  # a JavaScript Uint8Array
    out = io.BytesIO()
    compiled = 0
    with zipfile.ZipFile(io.BytesIO(source_zip)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in sorted(zin.infolist(), key=lambda item: item.filename):
            if info.is_dir():
                continue
            data = zin.read(info)
            name = info.filename
            if name.endswith(".py"):
                try:
                    pyc = _pyc(data, prefix + name)
                except SyntaxError:
                    pyc = None  # a few test files are broken on purpose: keep them as source
                if pyc is not None:
                    compiled += 1
                    if keep_source:
                        folder, _, module = name.rpartition("/")
                        cached = (folder + "/" if folder else "") + "__pycache__/" + module[:-3] + "." + sys.implementation.cache_tag + ".pyc"
                        zout.writestr(_entry(cached), pyc)
                    else:
                        zout.writestr(_entry(name[:-3] + ".pyc"), pyc)
                    continue
            if not keep_source:
                zout.writestr(_entry(name), data)
    return out.getvalue(), compiled
`);
const compileZip = pyodide.globals.get("compile_zip");

async function trace(job) {
  const problems = [];
  await pyodide.loadPackage(path.resolve(job.trace), { messageCallback: () => {}, errorCallback: (m) => problems.push(m) });
  if (problems.length) throw new Error(problems.join(" "));
  const files = pyodide.runPython(`
import importlib, sys

for name in ${JSON.stringify(job.imports)}:
    importlib.import_module(name)
from sccif_core import citations
citations.framework()
ZIP = "/lib/python314.zip/"
sorted({m.__spec__.origin[len(ZIP):] for m in list(sys.modules.values())
        if getattr(m, "__spec__", None) and (m.__spec__.origin or "").startswith(ZIP)})
`).toJs();
  for (const name of Object.keys(pyodide.loadedPackages)) delete pyodide.loadedPackages[name]; // as worker.mjs does
  pyodide.makeMemorySnapshot();
  return files;
}

for (const job of jobs) {
  const started = performance.now();
  if (job.trace) {
    const files = await trace(job);
    fs.writeFileSync(job.out, JSON.stringify(files, null, 1) + "\n");
    console.log(`traced ${files.length} standard-library files in ${Math.round(performance.now() - started)} ms`);
    continue;
  }
  const source = new Uint8Array(fs.readFileSync(job.in));
  const [result, compiled] = compileZip(source, Boolean(job.keep_source), job.prefix ?? "").toJs();
  fs.writeFileSync(job.out, result);
  const ms = Math.round(performance.now() - started);
  console.log(`precompiled ${compiled} modules from ${path.basename(job.in)} in ${ms} ms`);
}
