import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
  normalizeGatewayClientId,
} from "@openclaw/gateway-protocol/client-info";
import type { WireText } from "../protocol";

// Client classes used by the silent-pairing rules (spec §5), and plain words for the UI.

const NATIVE_APP_IDS: ReadonlySet<string> = new Set([
  IDS.MACOS_APP,
  IDS.LINUX_APP,
  IDS.IOS_APP,
  IDS.ANDROID_APP,
]);

/** Control UI = `openclaw-control-ui` or `openclaw-tui`. */
export function isControlUiClient(id: string | undefined): boolean {
  return id === IDS.CONTROL_UI || id === IDS.TUI;
}

/** Webchat = mode `webchat` or client id `webchat-ui`. */
export function isWebchatClient(id: string | undefined, mode: string | undefined): boolean {
  return mode === MODES.WEBCHAT || id === IDS.WEBCHAT_UI;
}

/** Native app = mode `ui` with a macOS, Linux, iOS or Android app id (watchOS is not one). */
export function isNativeAppUi(id: string | undefined, mode: string | undefined): boolean {
  return mode === MODES.UI && id !== undefined && NATIVE_APP_IDS.has(id);
}

type Client = { id?: string; mode?: string };

/** The Control UI page in a browser. */
export const isControlUiBrowser = ({ id, mode }: Client) =>
  id === IDS.CONTROL_UI && mode === MODES.WEBCHAT;

/** The openclaw command-line tool. */
export const isCliClient = ({ id, mode }: Client) => id === IDS.CLI && mode === MODES.CLI;

type ClientWords = { label: string; usualModes: readonly string[] };

// usualModes: modes that add nothing to the label, so describeClient leaves them out.
const CLIENT_WORDS: Readonly<Record<string, ClientWords>> = {
  [IDS.CONTROL_UI]: { label: "Control UI (browser)", usualModes: [MODES.WEBCHAT] },
  [IDS.WEBCHAT_UI]: { label: "web chat (browser)", usualModes: [MODES.WEBCHAT] },
  [IDS.WEBCHAT]: { label: "web chat", usualModes: [MODES.WEBCHAT] },
  [IDS.CLI]: { label: "command-line tool", usualModes: [MODES.CLI] },
  [IDS.GATEWAY_CLIENT]: { label: "gateway client (backend)", usualModes: [MODES.BACKEND] },
  [IDS.NODE_HOST]: {
    label: "node host (cron scheduler)",
    usualModes: [MODES.NODE, MODES.BACKEND],
  },
  [IDS.TUI]: { label: "terminal UI", usualModes: [MODES.UI, MODES.CLI] },
  [IDS.MACOS_APP]: { label: "macOS app", usualModes: [MODES.UI] },
  [IDS.LINUX_APP]: { label: "Linux app", usualModes: [MODES.UI] },
  [IDS.IOS_APP]: { label: "iPhone / iPad app", usualModes: [MODES.UI] },
  [IDS.ANDROID_APP]: { label: "Android app", usualModes: [MODES.UI] },
  [IDS.WATCHOS_APP]: { label: "Apple Watch app", usualModes: [MODES.UI] },
  [IDS.BROWSER_COPILOT]: { label: "browser copilot extension", usualModes: [MODES.WEBCHAT] },
  [IDS.WORKER]: { label: "worker", usualModes: [MODES.WORKER] },
  [IDS.PROBE]: { label: "health probe", usualModes: [MODES.PROBE] },
  [IDS.TEST]: { label: "test client", usualModes: [MODES.TEST] },
  [IDS.FINGERPRINT]: { label: "fingerprint probe", usualModes: [MODES.PROBE] },
};

const MODE_WORDS: Readonly<Record<string, string>> = {
  [MODES.WEBCHAT]: "a browser page",
  [MODES.CLI]: "a command-line program",
  [MODES.UI]: "an app",
  [MODES.BACKEND]: "a backend service",
  [MODES.NODE]: "a node",
  [MODES.WORKER]: "a background worker",
  [MODES.PROBE]: "a probe",
  [MODES.TEST]: "a test",
};

/** Plain words for a client id and mode, e.g. "node host (cron scheduler)". */
export function describeClient(clientId?: string, clientMode?: string): WireText {
  const id = clientId?.trim() ?? "";
  const mode = clientMode?.trim().toLowerCase() ?? "";
  const known = normalizeGatewayClientId(id);
  const words = known ? CLIENT_WORDS[known] : undefined;
  const label = words?.label ?? (id ? `unknown client (${id})` : "unknown client");
  if (!mode || words?.usualModes.includes(mode)) return label;
  return `${label}, running as ${MODE_WORDS[mode] ?? `mode "${mode}"`}`;
}
