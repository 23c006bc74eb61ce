// The backend's commands (src-tauri/src/commands.rs). Every failure arrives as
// `{code, message}`, the message already in the customer's language.

const { invoke } = window.__TAURI__.core;
const { listen } = window.__TAURI__.event;

/** Calls a command; throws `{code, message}` on failure. */
export async function call(command, args = {}) {
  try {
    return await invoke(command, args);
  } catch (error) {
    if (error && typeof error === "object" && "code" in error) throw error;
    throw { code: "internal", message: String(error) };
  }
}

/** Failures about reaching the portal: the key or license itself is fine. */
export const CONNECTIVITY = ["NETWORK_UNREACHABLE", "PROXY_FAILED", "TLS_FAILED", "PORTAL_TIMEOUT"];

export function isConnectivity(error) {
  return CONNECTIVITY.includes(error?.code);
}

/** Runs `handler(payload)` on every backend event `name`. */
export function onEvent(name, handler) {
  return listen(name, (event) => handler(event.payload));
}
