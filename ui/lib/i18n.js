// The UI's words: every visible string comes from the backend's `messages` command, in the
// language of the settings, so nothing here is written in English.

let messages = {};
let language = "en";

/** Replaces the catalogue (after a language switch). */
export function setMessages(code, map) {
  language = code;
  messages = map;
  document.documentElement.lang = code;
}

/** The current language's code. */
export function currentLanguage() {
  return language;
}

/**
 * The message `id` with its `{$name}` variables filled in from `vars`; the id itself when the
 * catalogue lacks it, so a missing word shows up in screenshots instead of an empty space.
 */
export function t(id, vars = {}) {
  const text = messages[id] ?? id;
  return text.replace(/\{\s*\$([a-z_]+)\s*\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** A date (`YYYY-MM-DD…`) as the customer's language writes it. */
export function formatDate(value) {
  if (!value) return "";
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  // The same date style as formatDateTime's, so a language writes every date one way.
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** A moment (`YYYY-MM-DDTHH:MM:SSZ`) in local time, as the customer's language writes it. */
export function formatDateTime(value) {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}
