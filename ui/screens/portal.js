// The customer portal, as seed 000 has it: sign in with the purchase e-mail and any order
// number; the activation key; the Licenses and Supports tables, paginated.

import { call } from "../lib/api.js";
import { h, icon, ICONS, replace } from "../lib/dom.js";
import { formatDate, t } from "../lib/i18n.js";
import { busy, button, copyButton, errorNotice, field, screenTitle, show } from "../lib/ui.js";

/** Rows per page of each table. */
const PAGE_SIZE = 5;

/** The portal's license statuses, in the words of the license states. */
const LICENSE_STATUS = { active: "state-valid", suspended: "state-suspended", revoked: "state-revoked", expired: "state-expired" };

export function mount(root, ctx) {
  const { app } = ctx;
  app.portal ??= { me: null, licenses: [], supports: [], licensePage: 0, supportPage: 0, open: {}, checked: false };
  draw(root, ctx);
  if (!app.portal.checked) load(root, ctx);
}

/** Loads the signed-in customer's data; an expired or missing session shows the sign-in form. */
async function load(root, ctx) {
  const portal = ctx.app.portal;
  try {
    const [me, licenses, supports] = await Promise.all([call("customer_me"), call("customer_licenses"), call("customer_supports")]);
    Object.assign(portal, { me, licenses, supports, licensePage: 0, supportPage: 0, error: null });
  } catch (error) {
    portal.me = null;
    portal.error = error.code === "NOT_SIGNED_IN" ? null : error;
  }
  portal.checked = true;
  if (ctx.alive()) draw(root, ctx);
}

function draw(root, ctx) {
  const portal = ctx.app.portal;
  if (!portal.checked) {
    // Waiting for the portal: it may not answer, and the customer need not wait for it.
    const cancel = button(t("common-cancel"), { id: "cancel-operation", onclick: () => call("cancel_operation").catch(() => {}) });
    return replace(root, screenTitle(t("portal-title")), h("div", { class: "actions" }, h("p", { class: "muted" }, h("span", { class: "spinner", "aria-hidden": "true" }), " ", t("app-loading")), cancel));
  }
  if (!portal.me) return replace(root, screenTitle(t("portal-title"), t("portal-intro")), signInForm(root, ctx));
  replace(root, screenTitle(t("portal-title")), account(root, ctx), licensesCard(root, ctx), supportsCard(root, ctx));
}

function signInForm(root, ctx) {
  const portal = ctx.app.portal;
  const email = h("input", { id: "portal-email", class: "input", type: "email", autocomplete: "email", placeholder: t("portal-email-placeholder"), value: portal.email ?? "" });
  const order = h("input", { id: "portal-order", class: "input", type: "text", autocomplete: "off", spellcheck: "false", value: portal.order ?? "" });
  const result = h("div", { id: "portal-result", "aria-live": "polite" }, portal.error ? errorNotice(portal.error) : null);
  const submit = button(t("portal-sign-in"), { kind: "primary", type: "submit", iconPaths: ICONS.arrow, id: "sign-in" });
  const form = h(
    "form",
    { class: "card form form-narrow", novalidate: true },
    field({ id: "portal-email", label: t("portal-email"), control: email }),
    field({ id: "portal-order", label: t("portal-order"), control: order, hint: t("portal-order-hint") }),
    h("div", { class: "actions" }, submit),
    result,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    portal.email = email.value;
    portal.order = order.value;
    busy(submit, t("app-loading"), async () => {
      show(result, null);
      try {
        await call("sign_in", { email: email.value.trim(), order: order.value.trim() });
        portal.order = "";
        await load(root, ctx);
        document.getElementById("screen-title")?.focus();
      } catch (error) {
        show(result, errorNotice(error));
        email.focus();
      }
    }, { cancellable: true });
  });
  return form;
}

function account(root, ctx) {
  const { me } = ctx.app.portal;
  const signOut = button(t("portal-sign-out"), { iconPaths: ICONS.signOut, id: "sign-out" });
  signOut.addEventListener("click", () =>
    busy(signOut, t("app-loading"), async () => {
      try {
        await call("sign_out");
      } finally {
        Object.assign(ctx.app.portal, { me: null, licenses: [], supports: [], checked: true, error: null });
        if (ctx.alive()) draw(root, ctx);
      }
    }),
  );
  const [before, after] = t("portal-activation-key", { key: "\u0000" }).split("\u0000");
  const useKey = button(t("activate-button"), {
    kind: "primary",
    iconPaths: ICONS.activate,
    id: "use-key",
    onclick: () => {
      ctx.app.draftKey = me.activation_key;
      ctx.navigate("activate");
    },
  });
  return h(
    "section",
    { class: "card account" },
    h(
      "div",
      { class: "account-row" },
      h("p", { class: "muted", id: "portal-signed-in" }, t("portal-signed-in-as", { email: `${me.company} <${me.email}>` })),
      signOut,
    ),
    h(
      "div",
      { class: "key-callout" },
      h("p", { class: "key-line" }, before, h("code", { id: "portal-key", class: "code code-large" }, me.activation_key), after ?? ""),
      h("div", { class: "actions" }, copyButton(() => me.activation_key, { id: "copy-key" }), useKey),
    ),
  );
}

function licensesCard(root, ctx) {
  const portal = ctx.app.portal;
  const headers = ["licenses-application", "licenses-serial-computer", "licenses-days", "licenses-users", "licenses-edition", "licenses-order", "licenses-date", "licenses-support", "licenses-details"];
  const rows = page(portal.licenses, portal.licensePage).flatMap((license) => {
    const open = Boolean(portal.open[license.license_id]);
    const toggle = () => {
      portal.open[license.license_id] = !open;
      draw(root, ctx);
      document.getElementById(`details-${license.license_id}`)?.focus();
    };
    const computers = license.computers.length ? ` / ${license.computers.join(", ")}` : "";
    const row = h(
      "tr",
      {},
      h("td", { class: "nowrap" }, license.application),
      h("td", {}, h("span", { class: "mono" }, license.serial), computers),
      h("td", { class: "num" }, license.days ?? "—"),
      h("td", { class: "num" }, license.users),
      h("td", {}, license.edition),
      h("td", {}, license.order_reference ?? "—"),
      h("td", { class: "nowrap" }, license.date),
      h(
        "td",
        {},
        license.support
          ? h("span", { class: "support-yes" }, icon(ICONS.check, "icon icon-ok"), h("button", { type: "button", class: "text-button", onclick: toggle }, t("licenses-support-view")))
          : h("span", { class: "no-support" }, icon(ICONS.cross, "icon icon-bad"), h("span", { class: "sr-only" }, t("common-no"))),
      ),
      h("td", {}, h("button", { type: "button", class: "text-button", id: `details-${license.license_id}`, "aria-expanded": String(open), onclick: toggle }, t("licenses-details"))),
    );
    if (!open) return [row];
    const facts = [
      [t("dashboard-status"), t(LICENSE_STATUS[license.status] ?? "state-invalid")],
      [t("licenses-machines"), `${license.machines_used} / ${license.machines_max}${computers}`],
      [t("dashboard-support-until"), license.support_until ? formatDate(license.support_until) : t("dashboard-no-support")],
    ];
    const detail = h("tr", { class: "detail-row" }, h("td", { colspan: String(headers.length) }, h("dl", { class: "facts facts-inline" }, facts.map(([label, value]) => h("div", { class: "fact" }, h("dt", {}, label), h("dd", {}, value))))));
    return [row, detail];
  });
  return tableCard({
    id: "licenses",
    title: t("portal-licenses"),
    headers,
    rows,
    empty: t("licenses-empty"),
    total: portal.licenses.length,
    current: portal.licensePage,
    go: (n) => {
      portal.licensePage = n;
      draw(root, ctx);
    },
  });
}

function supportsCard(root, ctx) {
  const portal = ctx.app.portal;
  const headers = ["supports-application", "supports-serial", "supports-users", "supports-edition", "supports-order", "supports-date", "supports-duration"];
  const rows = page(portal.supports, portal.supportPage).map((support) =>
    h(
      "tr",
      {},
      h("td", { class: "nowrap" }, support.application),
      h("td", { class: "mono" }, support.serial),
      h("td", { class: "num" }, support.users),
      h("td", {}, support.edition),
      h("td", {}, support.order_reference ?? "—"),
      h("td", { class: "nowrap" }, support.date),
      h("td", { class: "num" }, support.years),
    ),
  );
  return tableCard({
    id: "supports",
    title: t("portal-supports"),
    headers,
    rows,
    empty: t("supports-empty"),
    total: portal.supports.length,
    current: portal.supportPage,
    go: (n) => {
      portal.supportPage = n;
      draw(root, ctx);
    },
  });
}

function page(items, n) {
  return items.slice(n * PAGE_SIZE, (n + 1) * PAGE_SIZE);
}

function tableCard({ id, title, headers, rows, empty, total, current, go }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pager =
    pages > 1
      ? h(
          "nav",
          { class: "pager", "aria-label": title },
          h("button", { type: "button", class: "button button-small", disabled: current === 0, onclick: () => go(current - 1) }, t("portal-previous")),
          h("span", { class: "muted", "aria-live": "polite" }, t("portal-page", { page: current + 1, pages })),
          h("button", { type: "button", class: "button button-small", disabled: current >= pages - 1, onclick: () => go(current + 1) }, t("portal-next")),
        )
      : null;
  return h(
    "section",
    { class: "card card-table", "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title),
    total === 0
      ? h("p", { class: "muted" }, empty)
      : h(
          "div",
          { class: "table-wrap" },
          h("table", { class: "table", id: `${id}-table` }, h("thead", {}, h("tr", {}, headers.map((header) => h("th", { scope: "col" }, t(header))))), h("tbody", {}, rows)),
        ),
    pager,
  );
}
