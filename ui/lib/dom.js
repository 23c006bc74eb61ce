// A tiny element builder: screens are functions that return elements, never HTML strings,
// so text from the portal or a file can never become markup.

/**
 * `h("button", { class: "primary", onclick }, "Save")`: attributes starting with `on` become
 * listeners, `true`/`false` toggle boolean attributes, `null`/`undefined` are skipped; children
 * are nodes, strings or arrays of them.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "value") {
      element.value = value;
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside `element` with `children`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const SVG = "http://www.w3.org/2000/svg";

/** A 20×20 line icon from path data (decorative: hidden from screen readers). */
export function icon(paths, className = "icon") {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", className);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const d of [].concat(paths)) {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

/** The icons of the app, drawn on a 24-unit grid with round strokes. */
export const ICONS = {
  license: ["M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6l7-3z", "M9 12l2 2 4-4"],
  activate: ["M15 7a4 4 0 1 1-3.9 4.9L4 19v2h3v-2h2v-2h2l1.1-1.1", "M16.5 8.5h.01"],
  offline: ["M4 14.9A5 5 0 0 1 7 6a6 6 0 0 1 11.3 1.6A4.5 4.5 0 0 1 18 16.5", "M12 12v9", "M8.5 17.5L12 21l3.5-3.5"],
  portal: ["M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z", "M4 21a8 8 0 0 1 16 0"],
  settings: [
    "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
    "M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z",
  ],
  diagnostics: ["M3 12h4l3-8 4 16 3-8h4"],
  refresh: ["M20 11a8 8 0 0 0-14.6-4.5L3 9", "M3 4v5h5", "M4 13a8 8 0 0 0 14.6 4.5L21 15", "M21 20v-5h-5"],
  copy: ["M9 9h10v12H9z", "M5 15H4V3h11v1"],
  save: ["M12 3v12", "M7 10l5 5 5-5", "M5 21h14"],
  open: ["M12 21V9", "M7 14l5-5 5 5", "M5 3h14"],
  check: ["M5 12l5 5L20 7"],
  cross: ["M6 6l12 12", "M18 6L6 18"],
  alert: ["M12 3l10 18H2L12 3z", "M12 10v4", "M12 17.5h.01"],
  info: ["M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z", "M12 11v6", "M12 7.5h.01"],
  arrow: ["M5 12h14", "M13 6l6 6-6 6"],
  signOut: ["M15 17l5-5-5-5", "M20 12H9", "M12 21H5V3h7"],
  chevron: ["M9 6l6 6-6 6"],
};
