import "fake-indexeddb/auto";
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppDeps } from "../../src/app/create-app";
import { connectionStatus, connectWith, openApp, startGateway } from "../support/app-harness";
import { tapGateway } from "./security-link-tap";

// The shared token and the device token the gateway issues must never show up anywhere a
// person, a screenshot, a log collector or another site could read them. With "remember"
// off, closing the tab must leave no secret behind.

const TOKEN = "pdk-SECRET-7Hq2zX-recognisable-token";
const WRONG_TOKEN = "pdk-WRONG-91Lm-another-recognisable";

let deps: AppDeps | undefined;
const consoleCalls: unknown[][] = [];

beforeEach(() => {
  deps = undefined;
  consoleCalls.length = 0;
  for (const level of ["log", "info", "warn", "debug", "trace"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleCalls.push(args);
    });
  }
});

/** Everything logged, including what the setup file's console.error spy collected. */
function everythingLogged(): string {
  const errors = vi.mocked(console.error).mock.calls;
  return [...consoleCalls, ...errors].map((args) => args.map(String).join(" ")).join("\n");
}

function assertNowhere(secrets: readonly string[], where: string): void {
  const places: Record<string, string> = {
    DOM: document.documentElement.outerHTML,
    URL: window.location.href,
    console: everythingLogged(),
    "connection status": JSON.stringify(deps?.connection.status ?? null),
    "problem notices": screen
      .queryAllByRole("alert")
      .map((alert) => alert.textContent)
      .join("\n"),
    "page title": document.title,
  };
  for (const secret of secrets) {
    for (const [place, text] of Object.entries(places)) {
      expect(text.includes(secret), `${secret} in ${place} (${where})`).toBe(false);
    }
  }
}

async function indexedDbDump(): Promise<string> {
  const dump: unknown[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(info.name as string);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    for (const store of db.objectStoreNames) {
      const all = db.transaction(store).objectStore(store).getAll();
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      });
      dump.push({ db: info.name, store, rows });
    }
    db.close();
  }
  // CryptoKeys serialise as {} here; their flags are checked on their own below.
  return JSON.stringify(dump, (_key, value: unknown) =>
    value instanceof CryptoKey ? { cryptoKey: value.type, extractable: value.extractable } : value,
  );
}

const storageText = (storage: Storage) => JSON.stringify({ ...storage });

describe("secrets stay secret", () => {
  it("never puts the token or the device token in the DOM, URL, logs or notices", async () => {
    const harness = await startGateway({ config: { auth: { mode: "token", token: TOKEN } } });
    const tap = tapGateway(harness);
    const issued: string[] = [];
    tap.outgoing = (text) => {
      const token = /"deviceToken":"([^"]+)"/.exec(text)?.[1];
      if (token) issued.push(token);
      return "pass";
    };
    const app = openApp();
    deps = app.deps;

    // A refusal first: the wrong token must not be echoed back either.
    await connectWith(app.user, { token: WRONG_TOKEN });
    await screen.findByRole("heading", { name: /token/i, level: 3 });
    assertNowhere([TOKEN, WRONG_TOKEN], "wrong-token refusal");

    await app.user.clear(screen.getByLabelText("Token"));
    await connectWith(app.user, { token: TOKEN });
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));
    expect(issued.length).toBeGreaterThan(0);
    const secrets = [TOKEN, WRONG_TOKEN, ...issued];
    assertNowhere(secrets, "connected");

    // Drive the screens: a request, its details, a decision, the other pages.
    await harness.simulator.connect({
      label: "ada-phone",
      client: { id: "openclaw-ios", mode: "ui", platform: "ios", displayName: "Ada's iPhone" },
      role: "operator",
      scopes: ["operator.read"],
      remoteAddress: "192.168.1.20",
      auth: "token",
    });
    const card = await screen.findByRole("article", { name: "Ada's iPhone" });
    await app.user.click(within(card).getByRole("link", { name: "Details" }));
    const dialog = await screen.findByRole("dialog");
    assertNowhere(secrets, "details");
    await app.user.click(within(dialog).getByRole("button", { name: "Approve" }));
    await screen.findByText("“Ada's iPhone” approved here.");
    for (const name of ["Devices", "History", "Requests"]) {
      await app.user.click(screen.getByRole("link", { name: new RegExp(`^${name}`) }));
      assertNowhere(secrets, name);
    }

    // A dropped connection and its reconnect explain themselves without the secret.
    await harness.gateway.restart();
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Reconnecting"));
    assertNowhere(secrets, "reconnecting");
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"), {
      timeout: 5000,
    });
    assertNowhere(secrets, "reconnected");
  });

  it("with Remember off, closing the tab leaves no secret in localStorage or IndexedDB", async () => {
    const harness = await startGateway({ config: { auth: { mode: "token", token: TOKEN } } });
    const tap = tapGateway(harness);
    const issued: string[] = [];
    tap.outgoing = (text) => {
      const token = /"deviceToken":"([^"]+)"/.exec(text)?.[1];
      if (token) issued.push(token);
      return "pass";
    };
    const app = openApp();
    await connectWith(app.user, { token: TOKEN });
    await waitFor(() => expect(connectionStatus()).toHaveTextContent("Connected"));
    expect(issued.length).toBeGreaterThan(0);
    // While the tab is open the session keeps what a reload needs.
    expect(storageText(sessionStorage)).toContain(TOKEN);

    app.unmount();
    sessionStorage.clear(); // what closing the tab does

    const secrets = [TOKEN, ...issued];
    const local = storageText(localStorage);
    const idb = await indexedDbDump();
    for (const secret of secrets) {
      expect(local).not.toContain(secret);
      expect(idb).not.toContain(secret);
    }
    // The device key pair stays (that is the browser's identity), but its private half
    // cannot be read out by any script.
    expect(idb).toContain('"cryptoKey":"private","extractable":false');
  });
});
