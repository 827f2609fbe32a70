// @ts-check
// The reader's work: per item a self-assessment, notes, where the evidence is kept and initials,
// and the answers to the findings questions. Plain data, in the shape the core checks
// ("prepare.check") and the keep module stores.

/** @typedef {{assessment: string, notes: string, evidence: string, initials: string}} Entry */
/** @typedef {{items: Record<string, Entry>, findings: Record<string, string>}} Work */

/** @returns {Work} */
export function emptyWork() {
  return { items: {}, findings: {} };
}

/** @param {Work} work */
export function isEmpty(work) {
  return !Object.keys(work.items).length && !Object.keys(work.findings).length;
}

/** @param {Work} work @param {string} id @returns {Entry} */
export function entryOf(work, id) {
  return work.items[id] ?? { assessment: "", notes: "", evidence: "", initials: "" };
}

/**
 * The work with one field of one item set (an entry with nothing in it is dropped).
 * @param {Work} work @param {string} id @param {keyof Entry} field @param {string} value
 */
export function withField(work, id, field, value) {
  const next = { ...entryOf(work, id), [field]: value };
  const items = { ...work.items };
  if (!next.assessment && !next.notes && !next.evidence && !next.initials) delete items[id];
  else items[id] = next;
  return { ...work, items };
}

/** @param {Work} work @param {string} key @param {string} answer "" when not answered */
export function withAnswer(work, key, answer) {
  const findings = { ...work.findings };
  if (answer) findings[key] = answer;
  else delete findings[key];
  return { ...work, findings };
}

/**
 * Work kept by the first version of this page (the whole checked workspace with `saved_at`),
 * in this version's shape; null if it is not that.
 * @param {unknown} old
 * @returns {Work | null}
 */
export function fromVersion1(old) {
  if (!old || typeof old !== "object") return null;
  const { items, findings } = /** @type {{items?: unknown, findings?: unknown}} */ (old);
  if (!items || typeof items !== "object" || (findings !== undefined && typeof findings !== "object")) return null;
  return { items: /** @type {Work["items"]} */ (items), findings: /** @type {Work["findings"]} */ (findings ?? {}) };
}

export function todayIso() {
  const now = new Date();
  /** @param {number} n */
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** @param {string} iso */
export function whenWords(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleString("en-GB", {
    weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
  });
}

/** @param {string} text */
export function safeId(text) {
  return String(text).replace(/[^A-Za-z0-9_-]/g, "-");
}
