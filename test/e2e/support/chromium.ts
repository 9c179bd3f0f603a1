import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

// Debian's Chromium, driven by playwright-core. Never a downloaded browser: the path is fixed
// and scripts/ensure-chromium.sh installs the package when it is missing.

export const CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const ACTION_TIMEOUT_MS = 15_000;

export const DESKTOP_VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * Playwright gives every launch a fresh, temporary user-data-dir. `extraArgs`, e.g.
 * --ignore-certificate-errors for a gateway's self-signed certificate.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const args = [...CHROMIUM_ARGS, ...extraArgs];
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

export type ContextOptions = {
  colorScheme?: "light" | "dark";
  viewport?: { width: number; height: number };
};

/** One browser tab plus what it logged and where it talked to. */
export type AppTab = {
  context: BrowserContext;
  page: Page;
  /** console.error calls, uncaught exceptions and HTTP errors, in order. */
  consoleErrors: string[];
  /** Every HTTP request and WebSocket the tab opened, by URL. */
  requests: string[];
};

export async function openTab(browser: Browser, options: ContextOptions = {}): Promise<AppTab> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP_VIEWPORT,
    colorScheme: options.colorScheme ?? "light",
    reducedMotion: "reduce",
    locale: "en-GB",
  });
  // Well under the test timeout, so a missing element fails with its own message.
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url;
    consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  // Context-wide, so service workers and popups are seen too.
  context.on("request", (request) => requests.push(request.url()));
  page.on("websocket", (socket) => requests.push(socket.url()));
  return { context, page, consoleErrors, requests };
}

const LOCAL_SCHEMES = new Set(["data:", "blob:", "about:"]);

/** URLs that would leave this machine's 127.0.0.1 (anything else than loopback or inline). */
export function requestsLeaving127(requests: readonly string[]): string[] {
  return requests.filter((url) => {
    try {
      const parsed = new URL(url);
      return !LOCAL_SCHEMES.has(parsed.protocol) && parsed.hostname !== "127.0.0.1";
    } catch {
      return true;
    }
  });
}
