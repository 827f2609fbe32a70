// @ts-check
// An in-page confirmation: "Clear everything?" with a warning, a button that does it, and Cancel.
//
//   const clear = confirmation({
//     title: "Clear everything?",
//     text: "This empties the form and removes your work from this device. It cannot be undone.",
//     yes: "Yes, clear everything",
//     onConfirm: clearAll,          // focus then goes where onConfirm puts it (else back to the opener)
//   });
//   toolbar.append(clear.element);
//   clearButton.addEventListener("click", () => clear.open(clearButton));
//
// Opening it shows it and moves focus to its heading. Escape, or Cancel, closes it and returns
// focus to the control that opened it (issue 18). It is a labelled group in the page's flow, not a
// modal dialog: the rest of the page stays usable and nothing is trapped.

import { h, id } from "../ui.js";

/**
 * @param {object} spec
 * @param {string} spec.title the question, as a heading
 * @param {string} spec.text what happens, in a sentence or two
 * @param {string} spec.yes the button that does it
 * @param {string} [spec.no] the button that does not
 * @param {() => void | Promise<void>} spec.onConfirm
 * @param {string} [spec.headingLevel] "h2", "h3" (default) or "h4"
 * @returns {{element: HTMLElement, open(opener?: HTMLElement | null): void, close(): void, isOpen(): boolean}}
 */
export function confirmation({ title, text, yes, no = "Cancel", onConfirm, headingLevel = "h3" }) {
  const titleId = id("sccif-confirm");
  const heading = /** @type {HTMLElement} */ (h(/** @type {"h3"} */ (headingLevel), { class: "sccif-confirm__title", id: titleId, tabindex: "-1" }, title));
  const yesButton = h("button", { type: "button", class: "md-button md-button--primary sccif-button sccif-button--warning" }, yes);
  const noButton = h("button", { type: "button", class: "md-button sccif-button" }, no);
  const element = h(
    "div",
    { class: "sccif-confirm", role: "group", "aria-labelledby": titleId, hidden: true, "data-sccif-confirm": "" },
    heading,
    h("p", {}, text),
    h("div", { class: "sccif-confirm__actions" }, yesButton, noButton),
  );
  /** @type {HTMLElement | null} */
  let opener = null;

  /** @param {HTMLElement | null} [from] */
  function open(from = null) {
    opener = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    element.hidden = false;
    heading.focus();
  }

  function close() {
    element.hidden = true;
    if (opener?.isConnected) opener.focus();
  }

  /** Focus that was inside the box when it hid, or fell to the body, goes back to the opener. */
  function focusLost() {
    const now = document.activeElement;
    return !now || now === document.body || element.contains(now);
  }

  noButton.addEventListener("click", close);
  element.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation(); // Material closes its search on Escape too
    close();
  });
  yesButton.addEventListener("click", async () => {
    element.hidden = true;
    await onConfirm();
    if (focusLost() && opener?.isConnected) opener.focus();
  });

  return { element, open, close, isOpen: () => !element.hidden };
}
