// Diagnostics for the vendor's support: a report to save or copy, with no keys or passwords.

import { call } from "../lib/api.js";
import { h, ICONS, replace } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { button, copyButton, errorNotice, notice, screenTitle, show, toast } from "../lib/ui.js";

export function mount(root, ctx) {
  const result = h("div", { "aria-live": "polite" });
  const report = h("textarea", { id: "diagnostics-report", class: "input textarea mono", rows: "14", readonly: true, value: ctx.app.diagnostics ?? t("app-loading") });
  const save = button(t("diagnostics-export"), { kind: "primary", iconPaths: ICONS.save, id: "export-diagnostics" });
  save.addEventListener("click", async () => {
    try {
      const path = await call("save_text_file", { kind: "diagnostics", text: report.value });
      if (path) {
        toast(t("diagnostics-saved", { path }));
        show(result, notice("success", t("diagnostics-saved", { path })));
      }
    } catch (error) {
      show(result, errorNotice(error));
    }
  });
  replace(
    root,
    screenTitle(t("diagnostics-title")),
    h(
      "section",
      { class: "card" },
      notice("info", t("diagnostics-description")),
      h("label", { class: "label", for: "diagnostics-report" }, t("diagnostics-report-label")),
      report,
      h("div", { class: "actions" }, save, copyButton(() => report.value, { id: "copy-diagnostics" })),
      result,
    ),
  );
  call("diagnostics")
    .then((text) => {
      ctx.app.diagnostics = text;
      if (ctx.alive()) report.value = text;
    })
    .catch((error) => ctx.alive() && show(result, errorNotice(error)));
}
