// Activation with the key from the order confirmation: typos are caught before any network
// call, and a portal that cannot be reached is never reported as a wrong key.

import { call, isConnectivity } from "../lib/api.js";
import { h, ICONS, replace } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { busy, button, confirmDialog, errorNotice, field, keyInput, notice, screenTitle, show, toast } from "../lib/ui.js";

export function mount(root, ctx) {
  const { app } = ctx;
  const result = h("div", { id: "activate-result", "aria-live": "polite" });
  const input = keyInput({ id: "activation-key", value: app.draftKey ?? "", describedby: "activate-result", oninput: (value) => (app.draftKey = value) });
  const submit = button(t("activate-button"), { kind: "primary", type: "submit", iconPaths: ICONS.activate, id: "activate" });
  const form = h(
    "form",
    { class: "card form", novalidate: true },
    field({ id: "activation-key", label: t("activate-key-label"), control: input, hint: t("activate-key-hint") }),
    h("div", { class: "actions" }, submit, h("a", { class: "link", href: "#/offline", id: "activate-offline" }, t("activate-offline-link"))),
    result,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(submit, t("activate-progress"), async () => {
      show(result, null);
      input.removeAttribute("aria-invalid");
      try {
        app.status = await activateOrReplace(input.value);
        if (!app.status) {
          input.focus();
          return;
        }
        app.statusError = null;
        // The activation answered with the state: the dashboard shows it without asking again.
        app.statusFresh = true;
        app.draftKey = "";
        app.receipt = null;
        app.refreshOutcome = null;
        toast(t("activate-success"));
        ctx.navigate("license");
      } catch (error) {
        // The key itself is wrong: point at it. The portal is out of reach: offer the way
        // that needs no connection.
        if (error.code === "ALREADY_ACTIVATED") {
          show(result, notice("info", t("activate-already", { serial: error.serial ?? "" }), h("a", { class: "link", href: "#/license", id: "activate-see-license" }, t("nav-license"))));
          input.focus();
          return;
        }
        if (error.code?.startsWith("CODE_") || error.code === "KEY_NOT_FOUND") input.setAttribute("aria-invalid", "true");
        const offline = isConnectivity(error) ? h("a", { class: "link", href: "#/offline" }, t("activate-offline-link")) : null;
        show(result, errorNotice(error, offline));
        input.focus();
      }
    }, { cancellable: true });
  });
  replace(root, screenTitle(t("activate-title"), null), form, companyForm(ctx), helpCard());
}

/**
 * Sign in with your company account (issue #13): the seat the company administrator bound to
 * the account is used. The password goes into the one request and is then cleared from the form;
 * or, on "Mail me a code instead", a one-time code mailed to the address takes its place.
 */
function companyForm(ctx) {
  const { app } = ctx;
  const email = h("input", { id: "user-email", class: "input", type: "email", autocomplete: "username", value: app.draftUser ?? "", oninput: (event) => (app.draftUser = event.target.value) });
  const password = h("input", { id: "user-password", class: "input", type: "password", autocomplete: "current-password" });
  const code = h("input", { id: "user-code", class: "input", type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "16" });
  const result = h("div", { id: "user-activate-result", "aria-live": "polite" });
  const submit = button(t("activate-user-button"), { kind: "secondary", type: "submit", iconPaths: ICONS.arrow, id: "activate-user" });
  const sendCode = button(t("activate-user-code-send"), { kind: "secondary", id: "user-code-send" });
  const passwordField = field({ id: "user-password", label: t("activate-user-password"), control: password });
  const codeField = field({ id: "user-code", label: t("activate-user-code"), control: code });
  const toggle = h("a", { class: "link", href: "#", id: "user-code-mode", role: "button" });
  let byCode = false;
  const setMode = (codeMode) => {
    byCode = codeMode;
    passwordField.hidden = codeMode;
    codeField.hidden = !codeMode;
    sendCode.hidden = !codeMode;
    toggle.textContent = codeMode ? t("activate-user-password-link") : t("activate-user-code-link");
    submit.querySelector("span").textContent = codeMode ? t("activate-user-code-button") : t("activate-user-button");
    show(result, null);
  };
  toggle.addEventListener("click", (event) => {
    event.preventDefault();
    setMode(!byCode);
    (byCode ? email : password).focus();
  });
  sendCode.addEventListener("click", () => {
    busy(sendCode, t("activate-user-code-send"), async () => {
      show(result, null);
      const address = email.value.trim();
      try {
        const minutes = await call("request_user_code", { email: address });
        show(result, notice("info", t("activate-user-code-sent", { email: address, minutes })));
        code.focus();
      } catch (error) {
        const offline = isConnectivity(error) ? h("a", { class: "link", href: "#/offline" }, t("activate-offline-link")) : null;
        show(result, errorNotice(error, offline));
      }
    });
  });
  const form = h(
    "form",
    { class: "card form", novalidate: true, id: "company-sign-in", "aria-labelledby": "company-sign-in-title" },
    h("h2", { id: "company-sign-in-title" }, t("activate-user-title")),
    h("p", { class: "muted" }, t("activate-user-hint")),
    field({ id: "user-email", label: t("activate-user-email"), control: email }),
    passwordField,
    codeField,
    h("div", { class: "actions" }, sendCode, submit, toggle),
    result,
  );
  setMode(false);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(submit, t("activate-progress"), async () => {
      show(result, null);
      code.removeAttribute("aria-invalid");
      const proof = byCode ? { code: code.value.trim() } : { password: password.value };
      password.value = "";
      try {
        app.status = await activateUserOrReplace(email.value.trim(), proof);
        if (!app.status) return;
        code.value = "";
        app.statusError = null;
        app.statusFresh = true;
        app.receipt = null;
        app.refreshOutcome = null;
        toast(t("activate-success"));
        ctx.navigate("license");
      } catch (error) {
        if (error.code === "ALREADY_ACTIVATED") {
          show(result, notice("info", t("activate-already", { serial: error.serial ?? "" }), h("a", { class: "link", href: "#/license" }, t("nav-license"))));
          return;
        }
        if (error.code?.startsWith("USER_CODE_")) code.setAttribute("aria-invalid", "true");
        const offline = isConnectivity(error) ? h("a", { class: "link", href: "#/offline" }, t("activate-offline-link")) : null;
        show(result, errorNotice(error, offline));
        (byCode ? code : password).focus();
      }
    }, { cancellable: true });
  });
  return form;
}

/**
 * The company account's activation with `proof` ({password} or {code}); a license held here is
 * replaced once the customer agreed.
 */
async function activateUserOrReplace(email, proof) {
  const activate = () => (proof.code !== undefined ? call("activate_user_with_code", { email, code: proof.code }) : call("activate_user", { email, password: proof.password }));
  try {
    return await activate();
  } catch (error) {
    if (error.code !== "LICENSE_HELD") throw error;
    const serial = error.serial ?? "";
    const replaceIt = await confirmDialog({
      title: t("activate-replace-title"),
      message: t("activate-replace-message", { serial }),
      confirmLabel: t("activate-replace-confirm"),
      danger: true,
    });
    if (!replaceIt) return null;
    await call("deactivate");
    return activate();
  }
}

/**
 * Activates `key`; when this computer holds another license, asks first and replaces it (the
 * old seat is given back online). Resolves to the new status, or null when the customer kept
 * the license they have.
 */
async function activateOrReplace(key) {
  try {
    return await call("activate", { key });
  } catch (error) {
    if (error.code !== "LICENSE_HELD") throw error;
    const serial = error.serial ?? "";
    const replaceIt = await confirmDialog({
      title: t("activate-replace-title"),
      message: t("activate-replace-message", { serial }),
      confirmLabel: t("activate-replace-confirm"),
      danger: true,
    });
    return replaceIt ? call("replace_license", { key }) : null;
  }
}

/** Where the key comes from: the order e-mail or the customer portal (seed 000). */
function helpCard() {
  return h(
    "aside",
    { class: "card card-quiet help" },
    h("h2", {}, t("portal-title")),
    h("p", { class: "muted" }, t("portal-intro")),
    h("a", { class: "link", href: "#/portal" }, t("portal-sign-in")),
  );
}
