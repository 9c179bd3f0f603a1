import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCredentialStore } from "../../../src/gateway/credential-store";
import { buildEvent } from "../../../src/protocol";
import { memoryStorage } from "./memory-storage";
import { disconnectAll, FakeSocket, handshake, SECRET, setup, URL_A } from "./scripted-gateway";

// index.html's opener script opens a remembered gateway's socket before the modules load; the
// app's first connect to that address must carry on over it, hearing what it already heard.

const OPENER = readFileSync(
  new URL("../../../src/gateway/early-socket-opener.js", import.meta.url),
  "utf8",
);

let opened: FakeSocket[];

beforeEach(() => {
  opened = [];
  vi.stubGlobal(
    "WebSocket",
    class extends FakeSocket {
      constructor(url: string) {
        super(url);
        opened.push(this);
      }
    },
  );
});

afterEach(() => {
  disconnectAll();
  globalThis.pairdeskEarlySocket = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Loads the page as a browser would: storages as saved, then the opener runs. */
function loadPage(saved?: { url: string; remember: boolean; disconnected?: boolean }) {
  const session = memoryStorage();
  const local = memoryStorage();
  if (saved) {
    const credentials = createCredentialStore({ session, local });
    credentials.save({
      url: saved.url,
      secret: SECRET,
      secretKind: "token",
      remember: saved.remember,
    });
    if (saved.disconnected) credentials.pauseAutoConnect();
  }
  vi.stubGlobal("sessionStorage", session);
  vi.stubGlobal("localStorage", local);
  new Function(OPENER)();
}

describe("the socket index.html opens early", () => {
  it("carries the first connect, with the challenge it heard before the app loaded", async () => {
    loadPage({ url: URL_A, remember: true });
    const early = opened[0]!;
    expect(early.url).toBe(URL_A);
    early.open();
    early.receive(buildEvent("connect.challenge", { nonce: "nonce-early", ts: 1_000_000 }));
    expect(early.sent).toEqual([]);

    const { connection, sockets } = setup();

    await expect.poll(() => early.sent.length).toBe(1);
    expect(early.sent[0]).toMatchObject({ method: "connect", params: { auth: { token: SECRET } } });
    expect((early.sent[0]!.params as { device: { nonce: string } }).device.nonce).toBe(
      "nonce-early",
    );
    expect(sockets).toEqual([]);
    expect(connection.status.kind).toBe("connecting");
  });

  it("hands over a socket still opening; the handshake then runs on it as usual", async () => {
    loadPage({ url: URL_A, remember: false });
    const { connection, sockets } = setup();
    await handshake(opened[0]!);
    await expect.poll(() => connection.status.kind).toBe("connected");
    expect(sockets).toEqual([]);
    expect(opened).toHaveLength(1);
  });

  it("opens nothing without a saved gateway, after a Disconnect, or for an address that is not ws", () => {
    loadPage();
    loadPage({ url: URL_A, remember: true, disconnected: true });
    loadPage({ url: "http://127.0.0.1:18789", remember: true });
    expect(opened).toEqual([]);
  });

  it("opens nothing when the app's code ran first and opened its own", async () => {
    const { connection, sockets } = setup();
    loadPage({ url: URL_A, remember: true });
    expect(opened).toEqual([]);
    await handshake(sockets[0]!);
    await expect.poll(() => connection.status.kind).toBe("connected");
  });

  it("is closed, not used, when the app connects somewhere else", async () => {
    loadPage({ url: "ws://192.168.1.10:18789", remember: true });
    const early = opened[0]!;
    early.open();
    const { sockets } = setup();
    expect(early.closedByClient).toBe(true);
    await handshake(sockets[0]!);
    expect(early.sent).toEqual([]);
  });

  it("is replaced when it closed before the app took it over", async () => {
    loadPage({ url: URL_A, remember: true });
    opened[0]!.drop(1006);
    const { connection, sockets } = setup();
    await handshake(sockets[0]!);
    await expect.poll(() => connection.status.kind).toBe("connected");
  });

  it("closes by itself when nothing takes it over within ten seconds", () => {
    vi.useFakeTimers();
    loadPage({ url: URL_A, remember: true });
    vi.advanceTimersByTime(9_999);
    expect(opened[0]!.closedByClient).toBe(false);
    vi.advanceTimersByTime(1);
    expect(opened[0]!.closedByClient).toBe(true);
    expect(globalThis.pairdeskEarlySocket).toBeNull();
  });
});
