// @ts-check
// SVG elements for the charts, built like ui.h: attributes set as given, text only as text nodes.
//
//   svg("svg", { viewBox: "0 0 820 450", role: "img", "aria-labelledby": titleId },
//     svg("title", { id: titleId }, "People accommodated each night"),
//     svg("path", { d, class: "sccif-chart__children" }));
//
// Numbers are written as they are: round them first (value.toFixed(1)) to keep the markup small.
// A chart must also have its table alternative; this module draws only.

export const SVG_NS = "http://www.w3.org/2000/svg";

/** @typedef {Node | string | number | null | undefined | false | SvgChild[]} SvgChild */

/**
 * An SVG element; attributes with null, undefined or false are left out; `text` sets its text.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 * @param {...SvgChild} children
 * @returns {SVGElement}
 */
export function svg(tag, attrs = {}, ...children) {
  const element = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") element.textContent = String(value);
    else element.setAttribute(name, String(value));
  }
  appendTo(element, children);
  return element;
}

/**
 * @param {Element} parent
 * @param {SvgChild[]} children
 */
function appendTo(parent, children) {
  // Iterative, so a chart with many parts never deepens the call stack (issue 19: long periods).
  /** @type {SvgChild[]} */
  const stack = [];
  const pushAll = (/** @type {SvgChild[]} */ list) => {
    for (let index = list.length - 1; index >= 0; index -= 1) stack.push(list[index]);
  };
  pushAll(children);
  while (stack.length) {
    const child = stack.pop();
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) pushAll(child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}
