// Settings: the portal's address, the proxy, the language (applied and saved at once), the
// automatic refresh; and where credentials are kept.

import { call } from "../lib/api.js";
import { h, ICONS, replace } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { busy, button, errorNotice, field, notice, screenTitle, show } from "../lib/ui.js";

const PROXY_MODES = ["none", "system", "manual"];

export function mount(root, ctx) {
  const { app } = ctx;
  if (!app.settings) {
    replace(root, screenTitle(t("settings-title")), h("p", { class: "muted" }, t("app-loading")));
    call("get_settings")
      .then((view) => {
        app.settings = view;
        app.draft = structuredClone(view.settings);
      })
      .catch((error) => (app.settingsError = error))
      .finally(() => ctx.alive() && draw(root, ctx));
    return;
  }
  draw(root, ctx);
}

function draw(root, ctx) {
  const { app } = ctx;
  if (!app.settings) return replace(root, screenTitle(t("settings-title")), errorNotice(app.settingsError));
  app.draft ??= structuredClone(app.settings.settings);
  const draft = app.draft;
  draft.proxy ??= { mode: "system", url: "", username: null };
  const result = h("div", { id: "settings-result", "aria-live": "polite" });

  const portalUrl = h("input", { id: "settings-portal-url", class: "input", type: "url", spellcheck: "false", value: draft.portal_url });
  portalUrl.addEventListener("input", () => (draft.portal_url = portalUrl.value));

  const proxyFields = h("div", { class: "proxy-fields" });
  const drawProxyFields = () => replace(proxyFields, draft.proxy.mode === "manual" ? manualProxy(draft, app) : []);
  const modes = h(
    "div",
    { class: "radios", role: "radiogroup", "aria-labelledby": "settings-proxy-legend" },
    PROXY_MODES.map((mode) => {
      const radio = h("input", { type: "radio", name: "proxy-mode", id: `proxy-${mode}`, value: mode, checked: draft.proxy.mode === mode });
      radio.addEventListener("change", () => {
        draft.proxy.mode = mode;
        drawProxyFields();
      });
      return h("label", { class: "radio", for: `proxy-${mode}` }, radio, h("span", {}, t(`settings-proxy-${mode}`)));
    }),
  );
  drawProxyFields();

  const language = h(
    "select",
    { id: "settings-language", class: "input input-select" },
    app.info.languages.map((option) => h("option", { value: option.code, selected: option.code === app.settings.language, lang: option.code }, option.name)),
  );
  language.addEventListener("change", () => switchLanguage(language, ctx, result));

  const choices = [...app.info.auto_refresh_choices];
  if (!choices.includes(draft.auto_refresh_hours)) choices.push(draft.auto_refresh_hours);
  const autoRefresh = h(
    "select",
    { id: "settings-auto-refresh", class: "input input-select" },
    choices.map((hours) =>
      h(
        "option",
        { value: String(hours), selected: hours === draft.auto_refresh_hours },
        hours === 0 ? t("settings-auto-refresh-off") : t(`settings-auto-refresh-every:${hours}`) === `settings-auto-refresh-every:${hours}` ? t("settings-auto-refresh-every", { hours }) : t(`settings-auto-refresh-every:${hours}`),
      ),
    ),
  );
  autoRefresh.addEventListener("change", () => (draft.auto_refresh_hours = Number(autoRefresh.value)));

  const save = button(t("settings-save"), { kind: "primary", type: "submit", iconPaths: ICONS.check, id: "settings-save" });
  const form = h(
    "form",
    { class: "card form", novalidate: true },
    field({ id: "settings-portal-url", label: t("settings-portal-url"), control: portalUrl, hint: t("settings-portal-url-hint") }),
    h("fieldset", { class: "fieldset" }, h("legend", { class: "label", id: "settings-proxy-legend" }, t("settings-proxy")), modes, proxyFields),
    h(
      "div",
      { class: "inline-fields" },
      field({ id: "settings-language", label: t("settings-language"), control: language }),
      field({ id: "settings-auto-refresh", label: t("settings-auto-refresh"), control: autoRefresh }),
    ),
    h("div", { class: "actions" }, save),
    result,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!validate(form, draft)) return;
    busy(save, t("app-loading"), async () => {
      show(result, null);
      try {
        const password = app.proxyPassword ? app.proxyPassword : null;
        app.settings = await call("save_settings", { settings: draft, proxyPassword: password });
        app.draft = structuredClone(app.settings.settings);
        app.proxyPassword = "";
        // Said once, beside the button (and announced): no second toast saying the same.
        show(result, notice("success", t("settings-saved")));
      } catch (error) {
        show(result, errorNotice(error));
      }
    });
  });

  replace(root, screenTitle(t("settings-title")), form, storeCard(app.settings.credential_store));
}

function manualProxy(draft, app) {
  const url = h("input", { id: "settings-proxy-url", class: "input", type: "url", spellcheck: "false", value: draft.proxy.url ?? "", placeholder: "http://proxy.example:3128" });
  url.addEventListener("input", () => (draft.proxy.url = url.value));
  const user = h("input", { id: "settings-proxy-user", class: "input", type: "text", autocomplete: "username", value: draft.proxy.username ?? "" });
  user.addEventListener("input", () => (draft.proxy.username = user.value || null));
  const password = h("input", { id: "settings-proxy-password", class: "input", type: "password", autocomplete: "current-password", value: app.proxyPassword ?? "" });
  password.addEventListener("input", () => (app.proxyPassword = password.value));
  return [
    field({ id: "settings-proxy-url", label: t("settings-proxy-url"), control: url }),
    h(
      "div",
      { class: "inline-fields" },
      field({ id: "settings-proxy-user", label: t("settings-proxy-user"), control: user }),
      field({ id: "settings-proxy-password", label: t("settings-proxy-password"), control: password, hint: t("settings-proxy-password-hint") }),
    ),
  ];
}

/** Marks what cannot work before anything is saved; focuses the first such field. */
function validate(form, draft) {
  const checks = [
    ["settings-portal-url", /^https?:\/\//i.test(draft.portal_url.trim()), "settings-portal-url-invalid"],
    ["settings-proxy-url", draft.proxy.mode !== "manual" || /^(https?|socks5h?):\/\//i.test((draft.proxy.url ?? "").trim()), "settings-proxy-url-invalid"],
  ];
  let first = null;
  for (const [id, ok, message] of checks) {
    const input = form.querySelector(`#${id}`);
    if (!input) continue;
    form.querySelector(`#${id}-error`)?.remove();
    input.removeAttribute("aria-invalid");
    if (ok) continue;
    input.setAttribute("aria-invalid", "true");
    const error = h("p", { id: `${id}-error`, class: "field-error" }, t(message));
    input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), error.id].filter(Boolean).join(" "));
    input.after(error);
    first ??= input;
  }
  first?.focus();
  return !first;
}

/** A new language applies to the whole window at once, and is saved. */
async function switchLanguage(select, ctx, result) {
  const { app } = ctx;
  const code = select.value;
  try {
    const saved = { ...app.settings.settings, language: code };
    app.settings = await call("save_settings", { settings: saved, proxyPassword: null });
    if (app.draft) app.draft.language = code;
    await ctx.setLanguage(app.settings.language);
    document.getElementById("settings-language")?.focus();
  } catch (error) {
    show(result, errorNotice(error));
  }
}

function storeCard(store) {
  const name = store.kind === "keyring" ? t("credential-store-keyring") : t("credential-store-file", { path: store.path });
  return h("section", { class: "card card-quiet narrow" }, h("p", { id: "credential-store" }, t("settings-credential-store", { store: name })));
}
