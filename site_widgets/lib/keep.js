// @ts-check
// Keep a tool's work on this device, only if the reader opts in, and never lose it without asking.
//
//   const keeper = keep({ key: "sccif-self-evaluation", version: 2, read, write, check, migrate });
//   form.append(keeper.element);   // or place keeper.parts.* where the tool wants them
//   input.addEventListener("input", () => keeper.changed());
//   await keeper.restore();        // once the tool can take a state
//
// - Opt in: "Keep my work on this device". From then on every change is saved (debounced), and
//   "Saved at 14:03" is shown in a role="status" line.
// - Before opting in, leaving or reloading with unsaved changes asks first (beforeunload), and the
//   work survives Material's instant navigation within the tab (held in this module's memory).
// - Stored as `${key}-v${version}`: {version, saved_at, state}. A value under an older version's
//   key is passed to `migrate`, or removed with a message if it cannot be brought up to date. A value
//   that cannot be read is removed with a message. Nothing here ever throws at the tool.
// - No storage (private mode, storage off) or no room (quota): the reader is told, the work stays
//   in memory, and leaving still asks first.
//
// Plain text only: every string becomes a text node.

import { h, id as uniqueId } from "../ui.js";

const DELAY_MS = 300;

/** Unsaved work that outlived its page (instant navigation), by key. */
const memory = new Map();
/** Keys with changes that are not on the device; any of them makes leaving the page ask first. */
const unsaved = new Set();
let listening = false;

/** @param {BeforeUnloadEvent} event */
function beforeUnload(event) {
  for (const flush of flushers.values()) flush();
  if (!unsaved.size) return;
  event.preventDefault();
  event.returnValue = ""; // older browsers need a value to show the prompt
}
/** Tries to save pending changes synchronously when the page is about to go, by key. */
const flushers = new Map();

function listen() {
  if (listening) return;
  listening = true;
  window.addEventListener("beforeunload", beforeUnload);
}

/** @returns {Storage | null} localStorage if this page may write to it, else null. */
export function deviceStorage() {
  try {
    const store = window.localStorage;
    const probe = "sccif-keep-probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch {
    return null;
  }
}

/** "14:03", or "14:03 on 2 December 2026" when it was not today. @param {Date} when */
export function savedAtWords(when, now = new Date()) {
  const time = when.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  if (when.toDateString() === now.toDateString()) return time;
  return `${time} on ${when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}`;
}

/** @param {unknown} error */
function reason(error) {
  const text = error instanceof Error ? error.message : String(error ?? "");
  return text.trim().replace(/[.\s]+$/, "") || "unknown problem";
}

/**
 * @template T
 * @typedef {object} KeepOptions
 * @property {string} key  storage key prefix: the value is stored as `${key}-v${version}`
 * @property {number} version  a whole number; raise it when the stored shape changes
 * @property {() => T} read  the tool's work as it is now (plain, JSON-friendly data)
 * @property {(state: T) => void | Promise<void>} write  put kept work back into the tool; throw to refuse it
 * @property {(state: T) => T | Promise<T>} [check]  tidy work before it is stored; throw an Error to refuse
 *   (its message is shown as "Not saved: ...")
 * @property {(old: unknown, from: number) => T | null} [migrate]  work stored by version `from` in this
 *   version's shape, or null if it cannot be brought up to date
 * @property {(state: T) => boolean} [empty]  true when there is nothing worth keeping (then leaving does not ask)
 * @property {string} [what]  what is kept, after "Keep" and "Forget": "my work" (default), "my records"
 * @property {string} [hint]  the line under the choice
 * @property {number} [delay]  milliseconds of quiet before an autosave
 * @property {Storage | null} [storage]  defaults to localStorage when it can be written
 */

/**
 * @typedef {"off" | "unsaved" | "saving" | "saved" | "refused" | "failed" | "unavailable"} KeepState
 */

/**
 * @typedef {object} KeepParts
 * @property {HTMLElement} choice  the opt-in checkbox with its label
 * @property {HTMLInputElement} checkbox
 * @property {HTMLElement} hint
 * @property {HTMLElement} status  role="status": "Saved at 14:03", "Not kept on this device", ...
 * @property {HTMLElement} message  what happened to older or unreadable kept work (hidden when none)
 * @property {HTMLButtonElement} forget  "Forget my work on this device" (hidden when nothing is kept)
 */

/**
 * @template T
 * @typedef {object} Keeper
 * @property {HTMLElement} element  every part, in order; a tool may move parts elsewhere
 * @property {KeepParts} parts
 * @property {() => void} changed  call after every change the reader makes
 * @property {() => Promise<boolean>} restore  bring back kept work (or work held since instant navigation)
 * @property {() => Promise<boolean>} saveNow  save at once, if opted in
 * @property {() => void} forget  remove the kept work and stop keeping; the work stays on the page
 * @property {() => void} settled  the page holds nothing unsaved (e.g. after the tool emptied its form)
 * @property {() => boolean} kept  whether the reader has opted in
 * @property {() => KeepState} state
 * @property {() => void} destroy  stop listening; unsaved work is held in memory for the next mount
 */

/**
 * Versioned opt-in storage with autosave, for any tool.
 * @template T
 * @param {KeepOptions<T>} options
 * @returns {Keeper<T>}
 */
export function keep(options) {
  const { key, version, read, write } = options;
  const what = options.what ?? "my work";
  const delay = options.delay ?? DELAY_MS;
  const store = options.storage === undefined ? deviceStorage() : options.storage;
  const storeKey = `${key}-v${version}`;

  let kept = false;
  let dirty = false;
  /** @type {KeepState} */
  let state = store ? "off" : "unavailable";
  /** @type {Date | null} */
  let savedAt = null;
  let timer = 0;
  let generation = 0; // a save started before a later change must not mark that change saved
  let era = 0; // raised by forget: a save started before it must never write (clear means clear)
  let destroyed = false;

  const checkboxId = uniqueId("sccif-keep");
  const checkbox = /** @type {HTMLInputElement} */ (
    h("input", { type: "checkbox", id: checkboxId, class: "sccif-keep__checkbox", "aria-describedby": `${checkboxId}-hint` })
  );
  const choice = h("div", { class: "sccif-keep__choice" }, checkbox, h("label", { for: checkboxId, class: "sccif-keep__label" }, `Keep ${what} on this device`));
  const hint = h(
    "p",
    { class: "sccif-hint sccif-keep__hint", id: `${checkboxId}-hint` },
    options.hint ?? "It is then saved in this browser as you go, until you forget it. Anyone who uses this browser could see it: do not tick this on a shared computer.",
  );
  const status = h("p", { class: "sccif-keep__status", role: "status", "data-sccif-keep": state });
  const message = h("p", { class: "sccif-keep__message", hidden: true });
  const forgetButton = /** @type {HTMLButtonElement} */ (
    h("button", { type: "button", class: "md-button sccif-button sccif-keep__forget", hidden: true }, `Forget ${what} on this device`)
  );
  const element = h("div", { class: "sccif-keep" }, choice, hint, status, message, forgetButton);
  if (!store) checkbox.disabled = true;

  function isEmpty() {
    try {
      return options.empty ? options.empty(read()) : false;
    } catch {
      return false;
    }
  }

  /** @param {KeepState} next @param {string} [problem] */
  function show(next, problem = "") {
    state = next;
    status.dataset.sccifKeep = next;
    let text;
    if (next === "unavailable") {
      text = "This browser does not let this page keep anything on the device (for example in a private window). Your work stays on this page until you leave it: download it to keep a copy.";
    } else if (next === "failed") {
      text = `Not saved: ${problem}. Your work is still on this page: download it to keep a copy.`;
    } else if (next === "refused") {
      text = `Not saved: ${problem}.`;
    } else if (next === "saved" || next === "saving") {
      text = savedAt ? `Saved at ${savedAtWords(savedAt)}` : "Kept on this device: saved as you go.";
    } else if (next === "unsaved") {
      text = "Not kept on this device. If you leave or reload this page, your work will be lost.";
    } else {
      text = "Not kept on this device.";
    }
    if (status.textContent !== text) status.textContent = text;
    forgetButton.hidden = !kept;
    checkbox.checked = kept;
  }

  function markDirty() {
    dirty = true;
    if (isEmpty() && !kept) dirty = false;
    if (dirty) unsaved.add(key);
    else unsaved.delete(key);
  }

  function markClean() {
    dirty = false;
    unsaved.delete(key);
  }

  /** @param {string} text */
  function tell(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  /** @param {unknown} value @returns {boolean} stored */
  function put(value) {
    if (!store) return false;
    try {
      store.setItem(storeKey, JSON.stringify(value));
      return true;
    } catch (error) {
      const full = error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
      show("failed", full ? "this device has no room left to keep it" : "this browser would not keep it");
      return false;
    }
  }

  /** @param {string} name */
  function remove(name) {
    try {
      store?.removeItem(name);
    } catch {
      // storage went away: there is nothing left to remove
    }
  }

  async function save() {
    clearTimeout(timer);
    timer = 0;
    if (!store || !kept || destroyed) return false;
    const mine = ++generation;
    const startedIn = era;
    show("saving");
    let tidy;
    try {
      const state = read();
      tidy = options.check ? await options.check(state) : state;
    } catch (error) {
      if (mine === generation && startedIn === era) show("refused", reason(error));
      return false;
    }
    if (destroyed || !kept || startedIn !== era) return false;
    const when = new Date();
    if (!put({ version, saved_at: when.toISOString(), state: tidy })) return false;
    savedAt = when;
    if (mine !== generation) return false; // changed while being checked: the next save has it
    markClean();
    show("saved");
    return true;
  }

  /** Save synchronously at the last moment, when nothing needs checking first. */
  function flush() {
    if (!kept || !dirty || !store || options.check) return;
    try {
      if (put({ version, saved_at: new Date().toISOString(), state: read() })) markClean();
    } catch {
      // the prompt will ask instead
    }
  }

  function changed() {
    if (destroyed) return;
    markDirty();
    if (!kept) {
      if (store) show(dirty ? "unsaved" : "off");
      return;
    }
    generation += 1;
    show("saving");
    clearTimeout(timer);
    timer = window.setTimeout(save, delay);
  }

  function forget() {
    clearTimeout(timer);
    timer = 0;
    generation += 1;
    era += 1;
    remove(storeKey);
    kept = false;
    savedAt = null;
    markDirty();
    tell("");
    if (store) show(dirty ? "unsaved" : "off");
  }

  checkbox.addEventListener("change", async () => {
    if (checkbox.checked) {
      kept = true;
      // Remember the choice even if this first save is refused; later changes are saved then.
      if (!store?.getItem(storeKey)) put({ version, saved_at: null, state: null });
      markDirty();
      await save();
    } else {
      forget();
    }
  });
  forgetButton.addEventListener("click", () => {
    forget();
    checkbox.focus();
  });

  /** @returns {{version: number, saved_at: unknown, state: unknown} | null} */
  function readEntry() {
    const raw = store?.getItem(storeKey);
    if (!raw) return null;
    const entry = JSON.parse(raw);
    if (!entry || typeof entry !== "object" || entry.version !== version || !("state" in entry)) {
      throw new Error("it is not in the form this page keeps");
    }
    return entry;
  }

  /** Older versions' values, newest first: migrated into this version, or dropped. */
  function fromOlderVersions() {
    for (let from = version - 1; from >= 1; from -= 1) {
      const name = `${key}-v${from}`;
      let raw;
      try {
        raw = store?.getItem(name);
      } catch {
        return null;
      }
      if (!raw) continue;
      remove(name);
      try {
        const state = options.migrate ? options.migrate(JSON.parse(raw), from) : null;
        if (state !== null && state !== undefined) return { state, from };
      } catch {
        // falls through to the message below
      }
      tell(`Work kept on this device by an earlier version of this page could not be brought up to date, so it has been removed.`);
      return null;
    }
    return null;
  }

  async function restore() {
    if (destroyed) return false;
    listen();
    flushers.set(key, flush);
    if (store) {
      try {
        kept = Boolean(store.getItem(storeKey));
      } catch {
        kept = false;
      }
    }
    const held = memory.get(key);
    memory.delete(key);
    if (held !== undefined) {
      // Back after instant navigation: what was on the page is newer than anything stored.
      try {
        await write(held);
        if (store) show(kept ? "saved" : "off");
        changed();
        return true;
      } catch {
        // fall back to what is stored
      }
    }
    if (!store) {
      show("unavailable");
      return false;
    }
    /** @type {unknown} */
    let state = null;
    /** @type {string | null} */
    let stamp = null;
    let migrated = false;
    try {
      const entry = readEntry();
      if (entry) {
        state = entry.state;
        stamp = typeof entry.saved_at === "string" ? entry.saved_at : null;
      } else {
        const older = fromOlderVersions();
        if (older) {
          state = older.state;
          migrated = true;
          kept = true;
        }
      }
      if (state !== null && state !== undefined) await write(/** @type {T} */ (state));
    } catch (error) {
      remove(storeKey);
      kept = false;
      savedAt = null;
      tell(`The work kept on this device could not be read (${reason(error)}), so it has been removed and the form starts empty. Tick the box to keep your work again.`);
      show("off");
      return false;
    }
    if (migrated) {
      tell("Your work kept on this device by an earlier version of this page has been brought up to date.");
      markDirty();
      await save();
      return true;
    }
    savedAt = stamp ? new Date(stamp) : null;
    if (savedAt && Number.isNaN(savedAt.getTime())) savedAt = null;
    markClean();
    show(kept ? "saved" : "off");
    return state !== null && state !== undefined;
  }

  function destroy() {
    if (destroyed) return;
    if (timer) clearTimeout(timer);
    if (dirty && kept && store && !options.check) flush();
    if (dirty) {
      try {
        memory.set(key, read());
      } catch {
        // nothing readable to hold
      }
    }
    // If work is held in memory, leaving the tab must still ask first.
    if (!memory.has(key)) unsaved.delete(key);
    flushers.delete(key);
    destroyed = true;
  }

  show(state);
  return {
    element,
    parts: { choice, checkbox, hint, status, message, forget: forgetButton },
    changed,
    restore,
    saveNow: save,
    forget,
    settled() {
      clearTimeout(timer);
      markClean();
      if (store) show(kept ? (savedAt ? "saved" : "off") : "off");
    },
    kept: () => kept,
    state: () => state,
    destroy,
  };
}
