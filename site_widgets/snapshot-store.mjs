// Where the worker keeps its memory snapshot of the started interpreter: this browser's Cache
// Storage, one entry, under a key naming the Pyodide version and the core's build.
//
// A snapshot is the whole WebAssembly memory, about 30 MB, half of it pages of zeros. It is
// stored without them (a list of the other 4 kB pages, then those pages): reading 15 MB back is
// what a returning reader waits for, and leaving pages out is far faster than gzip either way.
//
// Stored format: "SCCIFSN1", then little-endian u32s: snapshot length, page count n, n page
// numbers; then the n pages (the last one padded with zeros if the snapshot ends inside it).

const CACHE = "sccif-python-snapshot";
const MAGIC = "SCCIFSN1";
const PAGE = 4096;

/** The stored snapshot for `key` as the full memory image, or null. Never throws. */
export async function readSnapshot(key) {
  if (!self.caches) return null; // Cache Storage needs https (or localhost)
  try {
    const response = await (await caches.open(CACHE)).match(key);
    if (!response) return null;
    return unpack(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    console.warn("sccif: could not read the stored snapshot", error);
    await forgetSnapshot();
    return null;
  }
}

/** Store `memory` under `key`, replacing any other snapshot. */
export async function saveSnapshot(key, memory) {
  const packed = pack(memory);
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    if (request.url !== key) await cache.delete(request);
  }
  await cache.put(key, new Response(packed, { headers: { "content-type": "application/octet-stream" } }));
}

/** Delete every stored snapshot (one that could not be read or restored). Never throws. */
export async function forgetSnapshot() {
  try {
    await caches.delete(CACHE);
  } catch {
    // Storage is unavailable (a private window may refuse it): nothing was kept.
  }
}

export function pack(memory) {
  if (memory.length % 4) throw new Error(`a snapshot of ${memory.length} bytes is not whole words`);
  if (memory.byteOffset % 4) memory = memory.slice();
  const words = new Uint32Array(memory.buffer, memory.byteOffset, memory.length / 4);
  const pages = [];
  for (let page = 0; page < Math.ceil(memory.length / PAGE); page += 1) {
    const end = Math.min(((page + 1) * PAGE) / 4, words.length);
    for (let word = (page * PAGE) / 4; word < end; word += 1) {
      if (words[word] !== 0) {
        pages.push(page);
        break;
      }
    }
  }
  const header = 8 + 4 * (2 + pages.length);
  const out = new Uint8Array(header + pages.length * PAGE);
  out.set(new TextEncoder().encode(MAGIC));
  const view = new DataView(out.buffer);
  view.setUint32(8, memory.length, true);
  view.setUint32(12, pages.length, true);
  pages.forEach((page, i) => {
    view.setUint32(16 + 4 * i, page, true);
    out.set(memory.subarray(page * PAGE, (page + 1) * PAGE), header + i * PAGE);
  });
  return out;
}

export function unpack(packed) {
  if (packed.length < 16 || new TextDecoder().decode(packed.subarray(0, 8)) !== MAGIC) {
    throw new Error("not a stored snapshot");
  }
  const view = new DataView(packed.buffer, packed.byteOffset, packed.length);
  const length = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const header = 8 + 4 * (2 + count);
  const pageCount = Math.ceil(length / PAGE);
  if (packed.length !== header + count * PAGE) throw new Error("a damaged snapshot");
  const memory = new Uint8Array(pageCount * PAGE); // the last page may be partly past the end
  for (let i = 0; i < count; i += 1) {
    const page = view.getUint32(16 + 4 * i, true);
    if (page >= pageCount) throw new Error("a damaged snapshot");
    memory.set(packed.subarray(header + i * PAGE, header + (i + 1) * PAGE), page * PAGE);
  }
  return memory.subarray(0, length);
}
