// Shared pieces of the screens: messages, busy buttons, copying, the confirmation dialog,
// the activation-key field.

import { call } from "./api.js";
import { h, icon, ICONS, replace } from "./dom.js";
import { t } from "./i18n.js";

/**
 * A message box: `kind` is success, error, warning or info. Errors are announced at once
 * (role alert), the others politely (role status).
 */
export function notice(kind, text, ...extra) {
  const symbol = { success: ICONS.check, error: ICONS.alert, warning: ICONS.alert, info: ICONS.info }[kind];
  return h(
    "div",
    { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" },
    icon(symbol, "icon notice-icon"),
    h("div", { class: "notice-body" }, h("p", { class: "notice-text" }, text), ...extra),
  );
}

/** Puts `content` (or nothing) in an output slot that screen readers follow. */
export function show(slot, content) {
  replace(slot, content ?? []);
}

/** An error from the backend as a notice, with `extra` (links, buttons) below its text; a
 * call the customer cancelled is not an error. */
export function errorNotice(error, ...extra) {
  return notice(error?.code === "CANCELLED" ? "info" : "error", error?.message ?? String(error), ...extra);
}

/**
 * Runs `work` with `button` disabled and showing `busyLabel` beside a spinner; restores it
 * afterwards, whatever happens. With `cancellable` (a call to the portal), a Cancel button
 * beside it ends the call at once: the work then fails with `CANCELLED`.
 */
export async function busy(button, busyLabel, work, { cancellable = false } = {}) {
  const content = [...button.childNodes];
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  replace(button, h("span", { class: "spinner", "aria-hidden": "true" }), busyLabel);
  const cancel = cancellable ? h("button", { type: "button", class: "button button-secondary", id: "cancel-operation" }, t("common-cancel")) : null;
  cancel?.addEventListener("click", () => call("cancel_operation").catch(() => {}));
  if (cancel) button.after(cancel);
  try {
    return await work();
  } finally {
    const cancelHadFocus = cancel !== null && document.activeElement === cancel;
    cancel?.remove();
    if (button.isConnected) {
      replace(button, content);
      button.disabled = false;
      button.removeAttribute("aria-busy");
      if (cancelHadFocus) button.focus();
    }
  }
}

/** A button with an icon and a label. */
export function button(label, { kind = "secondary", iconPaths, id, onclick, type = "button", describedby, small = false } = {}) {
  return h(
    "button",
    { type, class: `button button-${kind}${small ? " button-small" : ""}`, id, onclick, "aria-describedby": describedby },
    iconPaths ? icon(iconPaths) : null,
    h("span", {}, label),
  );
}

let toastTimer;

/** A short confirmation at the bottom of the window ("Copied", "Saved to …"). */
export function toast(text) {
  const element = document.getElementById("toast");
  replace(element, icon(ICONS.check, "icon"), h("span", {}, text));
  element.classList.add("visible");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => element.classList.remove("visible"), 3500);
}

/** Copies `text` to the clipboard; says "Copied" when it worked. */
export async function copyText(text) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    // WebKitGTK may refuse the asynchronous clipboard: fall back to a selection and copy.
    const area = h("textarea", { class: "offscreen", "aria-hidden": "true", readonly: true }, text);
    document.body.append(area);
    area.select();
    copied = document.execCommand("copy");
    area.remove();
  }
  if (copied) toast(t("common-copied"));
  return copied;
}

/** A "Copy" button for the text `get()` returns at the time of the click. */
export function copyButton(get, { id } = {}) {
  return button(t("common-copy"), { iconPaths: ICONS.copy, id, onclick: () => copyText(get()) });
}

/**
 * Asks a yes/no question in a modal dialog; resolves to `true` when confirmed. Escape and
 * Cancel answer no; focus starts on Cancel, so Enter never destroys anything by accident.
 */
export function confirmDialog({ title, message, confirmLabel, danger = false }) {
  return new Promise((resolve) => {
    const dialog = h("dialog", { class: "dialog", "aria-labelledby": "dialog-title", "aria-describedby": "dialog-text" });
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const cancel = button(t("common-cancel"), { onclick: () => close(false) });
    const confirm = button(confirmLabel, { kind: danger ? "danger" : "primary", id: "dialog-confirm", onclick: () => close(true) });
    dialog.append(
      h("h2", { id: "dialog-title" }, title),
      h("p", { id: "dialog-text" }, message),
      h("div", { class: "actions actions-end" }, cancel, confirm),
    );
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/** The symbols of an activation key: Crockford base32, five groups of five. */
const KEY_SYMBOLS = 25;
const KEY_GROUP = 5;

/** Formats what was typed as an activation key: capitals in dash-separated groups of five, nothing else. */
export function formatKey(value) {
  const symbols = value.toUpperCase().replace(/[^0-9A-Z]/g, "").slice(0, KEY_SYMBOLS);
  return symbols.match(new RegExp(`.{1,${KEY_GROUP}}`, "g"))?.join("-") ?? "";
}

/**
 * The activation-key field: regrouped as the customer types or pastes, with the caret kept
 * after the same symbol.
 */
export function keyInput({ id, value = "", describedby, oninput }) {
  const input = h("input", {
    id,
    type: "text",
    class: "input input-key",
    value: formatKey(value),
    placeholder: t("activate-key-placeholder"),
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    "aria-describedby": describedby,
  });
  input.addEventListener("input", () => {
    const caret = input.selectionStart ?? input.value.length;
    const symbolsBefore = input.value.slice(0, caret).replace(/[^0-9a-zA-Z]/g, "").length;
    input.value = formatKey(input.value);
    let position = 0;
    for (let seen = 0; position < input.value.length && seen < symbolsBefore; position += 1) {
      if (input.value[position] !== "-") seen += 1;
    }
    input.setSelectionRange(position, position);
    oninput?.(input.value);
  });
  return input;
}

/** A labelled field: label, control, optional hint and a slot for its error. */
export function field({ id, label, control, hint, className = "" }) {
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) {
    const described = control.getAttribute("aria-describedby");
    control.setAttribute("aria-describedby", [described, hintId].filter(Boolean).join(" "));
  }
  return h(
    "div",
    { class: `field ${className}` },
    h("label", { for: id, class: "label" }, label),
    control,
    hint ? h("p", { id: hintId, class: "hint" }, hint) : null,
  );
}

/** A screen's title: focused when the screen opens, so screen readers announce it. */
export function screenTitle(text, lead) {
  return h(
    "header",
    { class: "screen-header" },
    h("h1", { tabindex: "-1", id: "screen-title" }, text),
    lead ? h("p", { class: "lead" }, lead) : null,
  );
}
