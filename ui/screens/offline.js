// Offline activation: a request exported here, taken to a computer with internet access,
// and its response brought back — as files, or as text to paste (e-mail workflows). For
// phone or e-mail, the short installation and registration keys.

import { call } from "../lib/api.js";
import { h, ICONS, replace } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { busy, button, copyButton, errorNotice, field, keyInput, notice, screenTitle, show, toast } from "../lib/ui.js";

export function mount(root, ctx) {
  const { app } = ctx;
  app.offline ??= { request: "", response: "", installationKey: "", seats: 1, registrationKey: "" };
  replace(
    root,
    screenTitle(t("offline-title"), t("offline-intro")),
    app.status?.status?.pending_request && !app.offline.request ? notice("info", t("offline-pending")) : null,
    h("h2", { class: "section-title" }, t("offline-files-title")),
    h("p", { class: "muted section-lead" }, t("offline-steps")),
    h("div", { class: "columns" }, requestCard(root, ctx), responseCard(ctx)),
    h("h2", { class: "section-title" }, t("offline-keys-title")),
    keysCard(ctx),
  );
}

function requestCard(root, ctx) {
  const { app } = ctx;
  const input = keyInput({ id: "offline-key", value: app.draftKey ?? "", oninput: (value) => (app.draftKey = value) });
  const result = h("div", { "aria-live": "polite" });
  const exportButton = button(t("offline-export-button"), { kind: app.offline.request ? "secondary" : "primary", iconPaths: ICONS.arrow, id: "export-request" });
  exportButton.addEventListener("click", () =>
    busy(exportButton, t("app-loading"), async () => {
      show(result, null);
      try {
        app.offline.request = await call("export_request", { key: input.value });
        await ctx.loadStatus();
        if (ctx.alive()) mount(root, ctx);
        document.getElementById("offline-request")?.focus();
      } catch (error) {
        show(result, errorNotice(error));
        input.focus();
      }
    }),
  );
  const save = button(t("app-save-file"), { kind: "primary", iconPaths: ICONS.save, id: "save-request" });
  save.addEventListener("click", () => saveFile("activation_request", app.offline.request, result));
  return h(
    "section",
    { class: "card step", "aria-labelledby": "step-request" },
    h("h3", { id: "step-request" }, t("offline-step-request")),
    field({ id: "offline-key", label: t("activate-key-label"), control: input }),
    h("p", { class: "hint" }, t("offline-export-help")),
    h("div", { class: "actions" }, exportButton),
    app.offline.request
      ? [
          h("label", { class: "label", for: "offline-request" }, t("offline-request-label")),
          h("textarea", { id: "offline-request", class: "input textarea mono", rows: "5", readonly: true, value: app.offline.request }),
          h("div", { class: "actions" }, save, copyButton(() => app.offline.request, { id: "copy-request" })),
        ]
      : null,
    result,
  );
}

function responseCard(ctx) {
  const { app } = ctx;
  const area = h("textarea", {
    id: "offline-response",
    class: "input textarea mono",
    rows: "5",
    placeholder: t("offline-response-placeholder"),
    spellcheck: "false",
    value: app.offline.response,
    "aria-describedby": "offline-import-help",
  });
  area.addEventListener("input", () => (app.offline.response = area.value));
  const result = h("div", { id: "offline-result", "aria-live": "polite" });
  const importButton = button(t("offline-import-pasted"), { kind: "primary", iconPaths: ICONS.check, id: "import-response" });
  const importText = (text) =>
    busy(importButton, t("app-loading"), async () => {
      show(result, null);
      try {
        app.status = await call("import_response", { text });
        app.statusError = null;
        app.statusFresh = true;
        app.offline = null;
        app.refreshOutcome = null;
        toast(t("offline-import-done"));
        ctx.navigate("license");
      } catch (error) {
        show(result, errorNotice(error));
        area.focus();
      }
    });
  importButton.addEventListener("click", () => importText(area.value));
  const open = button(t("app-open-file"), { iconPaths: ICONS.open, id: "open-response", small: true });
  open.addEventListener("click", async () => {
    try {
      const text = await call("open_text_file", { kind: "activation_response" });
      if (text === null) return;
      area.value = text;
      app.offline.response = text;
      await importText(text);
    } catch (error) {
      show(result, errorNotice(error));
    }
  });
  return h(
    "section",
    { class: "card step", "aria-labelledby": "step-response" },
    h("h3", { id: "step-response" }, t("offline-step-response")),
    h("p", { class: "hint", id: "offline-import-help" }, t("offline-import-help")),
    h("div", { class: "label-row" }, h("label", { class: "label", for: "offline-response" }, t("offline-response-label")), open),
    area,
    h("div", { class: "actions" }, importButton),
    result,
  );
}

function keysCard(ctx) {
  const { app } = ctx;
  const seats = h("input", { id: "offline-seats", class: "input input-narrow", type: "number", min: "1", max: "9999", value: String(app.offline.seats) });
  seats.addEventListener("input", () => (app.offline.seats = seats.value));
  const shown = h("div", { "aria-live": "polite" });
  const showKey = () =>
    show(
      shown,
      app.offline.installationKey
        ? [
            h("p", { class: "label" }, t("offline-installation-key-label")),
            h("div", { class: "code-row" }, h("code", { id: "installation-key", class: "code code-large" }, app.offline.installationKey), copyButton(() => app.offline.installationKey)),
          ]
        : null,
    );
  showKey();
  const result = h("div", { id: "registration-result", "aria-live": "polite" });
  const make = button(t("offline-installation-key-button"), { id: "show-installation-key" });
  make.addEventListener("click", () =>
    busy(make, t("app-loading"), async () => {
      show(result, null);
      try {
        app.offline.installationKey = await call("installation_key", { seats: Math.max(1, Math.min(9999, Number.parseInt(seats.value, 10) || 1)) });
        showKey();
      } catch (error) {
        show(result, errorNotice(error));
      }
    }),
  );
  const registration = h("input", { id: "registration-key", class: "input mono", type: "text", autocomplete: "off", spellcheck: "false", value: app.offline.registrationKey });
  registration.addEventListener("input", () => (app.offline.registrationKey = registration.value));
  const enter = button(t("offline-registration-key-button"), { kind: "primary", id: "enter-registration-key" });
  enter.addEventListener("click", () =>
    busy(enter, t("app-loading"), async () => {
      show(result, null);
      try {
        app.status = await call("enter_registration_key", { text: registration.value });
        show(result, notice("success", t("offline-registration-done")));
      } catch (error) {
        show(result, errorNotice(error));
        registration.focus();
      }
    }),
  );
  return h(
    "section",
    { class: "card", "aria-label": t("offline-keys-title") },
    h("p", { class: "hint" }, t("offline-installation-key-help")),
    h("div", { class: "seats-row" }, field({ id: "offline-seats", label: t("offline-seats-label"), control: seats }), h("div", { class: "field" }, make)),
    shown,
    field({ id: "registration-key", label: t("offline-registration-key-label"), control: registration, hint: t("offline-registration-key-help") }),
    h("div", { class: "actions" }, enter),
    result,
  );
}

async function saveFile(kind, text, result) {
  try {
    const path = await call("save_text_file", { kind, text });
    if (path) toast(t("app-file-saved", { path }));
  } catch (error) {
    show(result, errorNotice(error));
  }
}
