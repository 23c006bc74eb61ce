// The license dashboard: the state in colour and words, the license's details, Refresh, and
// deactivation or transfer (online, or offline with a receipt).

import { call, isConnectivity } from "../lib/api.js";
import { h, ICONS, replace } from "../lib/dom.js";
import { formatDate, formatDateTime, t } from "../lib/i18n.js";
import { busy, button, confirmDialog, copyButton, copyText, errorNotice, notice, screenTitle, show, toast } from "../lib/ui.js";

/** The colour family of each state: green, amber, red or grey. */
export function tone(code) {
  if (code === "VALID" || code === "REGISTERED") return "ok";
  if (code === "GRACE" || code === "TIME_UNCONFIRMED") return "warn";
  if (code === "NOT_ACTIVATED" || !code) return "none";
  return "bad";
}

export function mount(root, ctx) {
  // A refresh result belongs to the visit that asked for it.
  if (ctx.navigated) ctx.app.refreshOutcome = null;
  draw(root, ctx);
  if (ctx.app.statusFresh) {
    ctx.app.statusFresh = false;
    reportPainted(ctx.app);
    return;
  }
  ctx.loadStatus().then(() => {
    if (!ctx.alive()) return;
    draw(root, ctx);
    reportPainted(ctx.app);
  });
}

let paintedReported = false;

/**
 * Benchmark only (`cargo xtask bench app` starts the app with TESSERA_BENCH_PAINTED=1, which
 * sets `bench_painted`): once the state drawn above is on screen — the frame after it was
 * drawn — tells the backend, which prints the time and exits. Nothing happens otherwise.
 */
function reportPainted(app) {
  if (!app.info.bench_painted || paintedReported) return;
  paintedReported = true;
  const state = app.status?.status?.code ?? (app.statusError ? "ERROR" : "NONE");
  requestAnimationFrame(() => setTimeout(() => call("bench_painted", { state }), 0));
}

function draw(root, ctx) {
  const { app } = ctx;
  const view = app.status;
  const license = view?.status?.license;
  // Focus survives a redraw: on the element asked for, else on the one that had it.
  const keep = app.focusNext ?? (root.contains(document.activeElement) ? document.activeElement.id : null);
  app.focusNext = null;
  replace(
    root,
    screenTitle(t("dashboard-title")),
    app.settingsSetAside ? notice("warning", t("app-settings-set-aside", { path: app.settingsSetAside })) : null,
    app.autoRefreshError ? notice("warning", t("app-auto-refresh-failed", { reason: app.autoRefreshError.message })) : null,
    app.statusError ? openFailure(app.statusError, root, ctx) : null,
    view ? stateCard(view, root, ctx) : app.statusError ? null : h("p", { class: "muted" }, t("app-loading")),
    view?.status?.pending_request ? pendingNotice() : null,
    view?.status?.registration ? registrationNotice(view.status.registration) : null,
    app.receipt ? receiptCard(app) : null,
    view ? details(view, license) : null,
    license ? deactivateCard(root, ctx) : null,
  );
  if (keep) document.getElementById(keep)?.focus();
}

/** What the customer reads when the license data cannot be opened at all. */
function openFailure(error, root, ctx) {
  const retry = button(t("app-try-again"), { iconPaths: ICONS.refresh, id: "retry" });
  retry.addEventListener("click", () => busy(retry, t("app-loading"), async () => {
    await ctx.loadStatus();
    if (ctx.alive()) draw(root, ctx);
  }));
  return notice("error", t("app-open-failed"), h("p", { class: "notice-detail", id: "open-error" }, error.message), h("div", { class: "actions" }, retry));
}

function stateCard(view, root, ctx) {
  const code = view.status.code;
  const activated = Boolean(view.status.license);
  const result = h("div", { id: "refresh-result", class: "refresh-result", "aria-live": "polite" });
  if (ctx.app.refreshOutcome) show(result, outcome(ctx.app.refreshOutcome));
  const actions = activated
    ? [refreshButton(result, root, ctx)]
    : [
        button(t("activate-button"), { kind: "primary", iconPaths: ICONS.activate, id: "go-activate", onclick: () => ctx.navigate("activate") }),
        h("a", { class: "link", href: "#/offline" }, t("activate-offline-link")),
      ];
  return h(
    "section",
    { class: `card state-card tone-${tone(code)}`, "aria-labelledby": "license-state" },
    h(
      "div",
      { class: "state-row" },
      h(
        "div",
        { class: "state-text" },
        h("p", { class: `state-pill tone-${tone(code)}`, id: "license-state", "data-code": code }, h("span", { class: "dot", "aria-hidden": "true" }), view.label),
        view.headline ? h("p", { class: "state-headline", id: "license-headline" }, view.headline) : null,
        h("p", { class: "state-message", id: "license-message" }, view.message),
        view.status.license?.status_reason && !view.status.license?.unbound
          ? h("p", { class: "state-reason", id: "license-status-reason" }, `${t("dashboard-status-reason")}: `, h("span", { class: "selectable" }, view.status.license.status_reason))
          : null,
        vendorLine(view.status.license),
      ),
      h("div", { class: "state-actions" }, actions),
    ),
    result,
  );
}

/** The vendor's support contact and where to renew, when the portal gives them. */
function vendorLine(license) {
  const parts = [];
  if (license?.support_contact) parts.push(h("span", { id: "license-support-contact" }, `${t("dashboard-support-contact")}: `, h("span", { class: "selectable" }, license.support_contact)));
  if (license?.renew_url) parts.push(h("span", { id: "license-renew" }, `${t("dashboard-renew-at")}: `, h("span", { class: "selectable" }, license.renew_url)));
  return parts.length ? h("p", { class: "state-vendor muted" }, ...parts.flatMap((part, n) => (n ? [" · ", part] : [part]))) : null;
}

function refreshButton(result, root, ctx) {
  const refresh = button(t("refresh-button"), { kind: "primary", iconPaths: ICONS.refresh, id: "refresh" });
  refresh.addEventListener("click", () =>
    busy(refresh, t("refresh-progress"), async () => {
      show(result, null);
      try {
        ctx.app.status = await call("refresh");
        ctx.app.statusError = null;
        ctx.app.autoRefreshError = null;
        ctx.app.refreshOutcome = { ok: true, code: ctx.app.status.status.code, label: ctx.app.status.label };
      } catch (error) {
        ctx.app.refreshOutcome = { ok: false, error };
      }
      ctx.app.focusNext = "refresh";
      if (ctx.alive()) draw(root, ctx);
    }, { cancellable: true }),
  );
  return refresh;
}

/**
 * "License has been synchronized with licensing portal", in the colour of the state it brought
 * (a suspended license is not good news), or exactly why not: amber when only the portal was
 * out of reach (the license itself is as it was), red when the portal refused.
 */
function outcome({ ok, error, code, label }) {
  if (ok && code === "VALID") return notice("success", t("refresh-success"));
  if (error?.code === "CANCELLED") return notice("info", error.message);
  if (ok) return notice(tone(code) === "warn" ? "warning" : "error", t("refresh-success-state", { state: label }));
  return notice(isConnectivity(error) ? "warning" : "error", t("refresh-failed", { reason: error.message }));
}

function pendingNotice() {
  return notice("info", t("dashboard-pending-request"), h("a", { class: "link", href: "#/offline" }, t("dashboard-continue-offline")));
}

function registrationNotice(registration) {
  const facts = [
    `${t("dashboard-users")}: ${registration.seats}`,
    `${t("dashboard-expires")}: ${registration.expires ? formatDate(registration.expires) : t("dashboard-perpetual")}`,
  ];
  return notice("info", t("dashboard-registered"), h("p", { class: "notice-detail" }, facts.join(" · ")));
}

/** The license's facts as a two-column list; only the computer and fingerprint without one. */
/** "Renews on …", "Ends on … (cancelled)" or "Trial ends on …": the subscription the license follows. */
function subscriptionText(subscription) {
  const date = formatDate(subscription.on);
  const key = { renews: "dashboard-subscription-renews", cancelled: "dashboard-subscription-cancelled", trial: "dashboard-subscription-trial" }[subscription.state];
  return key ? t(key, { date }) : "—";
}

function details(view, license) {
  const status = view.status;
  const rows = license
    ? [
        ["product", t("dashboard-product"), license.product_name ?? license.product],
        ["edition", t("dashboard-edition"), license.edition],
        ["customer", t("dashboard-customer"), license.customer],
        ...(license.user ? [["user", t("dashboard-user"), license.user]] : []),
        ["users", t("dashboard-users"), String(license.users)],
        ["serial", t("dashboard-serial"), license.serial],
        ["computer", t("dashboard-computer"), status.hostname],
        ["order", t("dashboard-order"), license.order ?? "—"],
        ["support", t("dashboard-support-until"), license.support_until ? formatDate(license.support_until) : t("dashboard-no-support")],
        ["expires", t("dashboard-expires"), license.expires ? formatDate(license.expires) : t("dashboard-perpetual")],
        ...(license.subscription ? [["subscription", t("dashboard-subscription"), subscriptionText(license.subscription)]] : []),
        ["last-sync", t("dashboard-last-sync"), status.last_sync ? formatDateTime(status.last_sync) : t("common-never")],
      ]
    : [["computer", t("dashboard-computer"), status.hostname || "—"]];
  return h(
    "section",
    { class: "card" },
    h(
      "dl",
      { class: "facts" },
      rows.map(([name, label, value]) => h("div", { class: "fact" }, h("dt", {}, label), h("dd", { id: `license-${name}` }, value))),
      h(
        "div",
        { class: "fact fact-wide" },
        h("dt", {}, t("dashboard-fingerprint")),
        h("dd", { class: "fingerprint-row" }, h("code", { id: "license-fingerprint", class: "fingerprint" }, groups(status.fingerprint)), copyButton(() => status.fingerprint, { id: "copy-fingerprint" })),
      ),
    ),
  );
}

/** A long hex string in groups of eight, easier to read out and compare. */
function groups(hex) {
  return (hex ?? "").match(/.{1,8}/g)?.join(" ") ?? "";
}

function deactivateCard(root, ctx) {
  const result = h("div", { "aria-live": "polite" });
  const online = button(t("deactivate-button"), { kind: "danger", id: "deactivate" });
  online.addEventListener("click", async () => {
    const confirmed = await confirmDialog({ title: t("deactivate-title"), message: t("deactivate-confirm"), confirmLabel: t("deactivate-button"), danger: true });
    if (!confirmed) return online.focus();
    await busy(online, t("app-loading"), async () => {
      try {
        ctx.app.status = await call("deactivate");
        ctx.app.refreshOutcome = null;
        toast(t("deactivate-done"));
        // The button that was pressed is gone: focus goes to what comes next, activating again.
        ctx.app.focusNext = "go-activate";
        if (ctx.alive()) draw(root, ctx);
      } catch (error) {
        show(result, errorNotice(error));
      }
    }, { cancellable: true });
  });
  const offline = button(t("deactivate-offline-button"), { id: "deactivation-receipt" });
  offline.addEventListener("click", async () => {
    const confirmed = await confirmDialog({ title: t("deactivate-title"), message: t("deactivate-offline-confirm"), confirmLabel: t("deactivate-offline-button"), danger: true });
    if (!confirmed) return offline.focus();
    await busy(offline, t("app-loading"), async () => {
      try {
        ctx.app.receipt = await call("deactivation_receipt");
        ctx.app.refreshOutcome = null;
        await ctx.loadStatus();
        ctx.app.focusNext = "save-receipt";
        if (ctx.alive()) draw(root, ctx);
      } catch (error) {
        show(result, errorNotice(error));
      }
    });
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "deactivate-title" },
    h("h2", { id: "deactivate-title" }, t("deactivate-title")),
    h("p", { class: "muted" }, t("deactivate-offline-help")),
    h("div", { class: "actions" }, online, offline),
    result,
  );
}

/** The receipt of an offline deactivation, to save or copy and upload on the portal. */
function receiptCard(app) {
  const save = button(t("app-save-file"), { kind: "primary", iconPaths: ICONS.save, id: "save-receipt" });
  save.addEventListener("click", async () => {
    try {
      const path = await call("save_text_file", { kind: "deactivation_receipt", text: app.receipt });
      if (path) toast(t("app-file-saved", { path }));
    } catch (error) {
      toast(error.message);
    }
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "receipt-title" },
    h("h2", { id: "receipt-title" }, t("deactivate-receipt-label")),
    notice("success", t("deactivate-receipt-ready")),
    h("label", { class: "sr-only", for: "receipt-text" }, t("deactivate-receipt-label")),
    h("textarea", { id: "receipt-text", class: "input textarea mono", rows: "6", readonly: true, value: app.receipt }),
    h("div", { class: "actions" }, save, button(t("common-copy"), { iconPaths: ICONS.copy, onclick: () => copyText(app.receipt) })),
  );
}
