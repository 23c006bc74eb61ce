// The License Manager's front end: loads the language, draws the sidebar, and shows one
// screen at a time (#/license, #/activate, ...). Each screen lives in screens/.

import { call, onEvent } from "./lib/api.js";
import { h, icon, ICONS, replace } from "./lib/dom.js";
import { setMessages, t } from "./lib/i18n.js";
import * as activate from "./screens/activate.js";
import * as diagnostics from "./screens/diagnostics.js";
import * as license from "./screens/license.js";
import * as offline from "./screens/offline.js";
import * as portal from "./screens/portal.js";
import * as settings from "./screens/settings.js";

const SCREENS = [
  { id: "license", label: "nav-license", icon: ICONS.license, screen: license },
  { id: "activate", label: "nav-activate", icon: ICONS.activate, screen: activate },
  { id: "offline", label: "nav-offline", icon: ICONS.offline, screen: offline },
  { id: "portal", label: "nav-portal", icon: ICONS.portal, screen: portal },
  { id: "settings", label: "nav-settings", icon: ICONS.settings, screen: settings },
  { id: "diagnostics", label: "nav-diagnostics", icon: ICONS.diagnostics, screen: diagnostics },
];

/** What the screens share and keep across a redraw (a language switch redraws everything). */
const app = {
  info: { name: "", version: "", language: "en", languages: [], auto_refresh_choices: [0, 24] },
  status: null,
  statusError: null,
};

let current = null;
let generation = 0;

/**
 * What a screen gets: the shared state and ways to act on the whole window; `navigated` is
 * false when the screen is only redrawn (a language switch, a background refresh).
 */
function context(navigated) {
  const mine = generation;
  return {
    app,
    navigated,
    alive: () => mine === generation,
    navigate,
    loadStatus,
    setLanguage,
  };
}

async function loadStatus() {
  try {
    app.status = await call("status");
    app.statusError = null;
  } catch (error) {
    app.status = null;
    app.statusError = error;
  }
}

function navigate(id) {
  if (location.hash === `#/${id}`) show(id, true);
  else location.hash = `#/${id}`;
}

function route() {
  const id = location.hash.replace(/^#\/?/, "");
  show(SCREENS.some((s) => s.id === id) ? id : "license", true);
}

/** Draws screen `id`; `focus` moves the focus to its title, as a new page would. */
function show(id, focus) {
  current = id;
  generation += 1;
  drawNav();
  const root = document.getElementById("screen");
  root.scrollTop = 0;
  SCREENS.find((s) => s.id === id).screen.mount(root, context(focus));
  if (focus) document.getElementById("screen-title")?.focus({ preventScroll: true });
}

function drawNav() {
  const nav = document.getElementById("nav");
  nav.setAttribute("aria-label", t("app-main-navigation"));
  replace(
    nav,
    h(
      "ul",
      {},
      SCREENS.map((s) =>
        h(
          "li",
          {},
          h("a", { href: `#/${s.id}`, id: `nav-${s.id}`, class: "nav-link", "aria-current": s.id === current ? "page" : null }, icon(s.icon), h("span", {}, t(s.label))),
        ),
      ),
    ),
  );
}

function drawChrome() {
  document.title = t("app-title");
  document.getElementById("app-name").textContent = t("app-title");
  document.getElementById("app-version").textContent = app.info.version ? t("app-version", { version: app.info.version }) : "";
}

/** Switches every word of the window to `code` at once. */
async function setLanguage(code) {
  const messages = await call("messages", { lang: code });
  // The state's label and message come worded from the backend: fetch them in the new language
  // too, so no screen shows the old one. Only then is anything redrawn, all at once, so the
  // window never shows half of each language (and html[lang] changes with the redraw).
  await loadStatus();
  setMessages(code, messages);
  drawChrome();
  show(current, false);
}

async function start() {
  try {
    app.info = await call("app_info");
  } catch (error) {
    app.statusError = error;
  }
  setMessages(app.info.language, await call("messages", { lang: app.info.language }));
  drawChrome();
  app.settingsSetAside = app.info.settings_set_aside;
  window.addEventListener("hashchange", route);
  onEvent("license-auto-refresh", (event) => {
    if (event.ok) {
      app.status = event.status;
      app.autoRefreshError = null;
    } else {
      app.autoRefreshError = event.error;
    }
    if (current === "license") show("license", false);
  });
  route();
}

start();
