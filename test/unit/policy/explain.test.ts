import { describe, expect, it } from "vitest";
import { explainNotSilent, PENDING_CAUSES as C } from "../../../src/policy";
import { CAUSE_HELP } from "../../../src/policy/pending-cause-help";
import type { PendingRequest } from "../../../src/protocol";
import { pairedDevice, pendingRequest } from "./fixtures";

// A pending record carries no Origin and no auth method; remoteIp only for a non-loopback
// address, browserOrigin only for the browser copilot (docs/real-gateway-admin-and-nodes.md §1).
// So a cause is named only when those fields prove it, never guessed.

const controlUi: Partial<PendingRequest> = {
  clientId: "openclaw-control-ui",
  clientMode: "webchat",
  platform: "web",
};
const loopback = { remoteIp: undefined };

describe("explainNotSilent: causes the request's fields prove", () => {
  it("a non-loopback address: the remote locality, nothing else offered", () => {
    const explanation = explainNotSilent(
      pendingRequest({ remoteIp: "192.168.1.50" }),
      pairedDevice(),
    );
    expect(explanation).toEqual({
      known: [`it connected from 192.168.1.50: ${C.remote}`],
      possible: [],
    });
  });

  it("the copilot's extension origin, from a client that is not the Control UI or web chat", () => {
    const origin = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";
    const explanation = explainNotSilent(
      pendingRequest({
        ...loopback,
        clientId: "openclaw-browser-copilot",
        clientMode: "ui",
        browserOrigin: origin,
      }),
      undefined,
    );
    expect(explanation.known).toEqual([`${C.origin} (${origin})`]);
  });

  it("a changed identity of the Control UI is never approved by itself", () => {
    const paired = pairedDevice({ ...controlUi, platform: "linux" });
    const explanation = explainNotSilent(
      pendingRequest({ ...controlUi, ...loopback, scopes: ["operator.read"] }),
      paired,
    );
    expect(explanation.known).toEqual([C.uiIdentity]);
  });

  it.each<[string, Partial<PendingRequest>, boolean]>([
    ["a paired device asking for role node", { role: "node", roles: ["operator", "node"] }, true],
    [
      "a new device asking for role node",
      { role: "node", roles: ["node"], isRepair: false },
      false,
    ],
    ["a paired device asking as operator", {}, false],
  ])("%s: an owner is needed for certain → %s", (_name, change, certain) => {
    // The same rule the mock's silent-pairing decision applies (src/policy/silent-pairing.ts).
    const explanation = explainNotSilent(
      pendingRequest({ ...loopback, ...change }),
      pairedDevice(),
    );
    expect(explanation.known.includes(`${C.otherRole} (node)`)).toBe(certain);
  });

  it("a request the gateway marked silent is explained as still resolving", () => {
    expect(explainNotSilent(pendingRequest({ silent: true }), undefined).known[0]).toMatch(
      /automatic approval/,
    );
  });
});

describe("explainNotSilent: unknown causes, by client class, most likely first", () => {
  const nodeHost = pairedDevice();
  const ui = pairedDevice(controlUi);
  const mac = pairedDevice({ clientId: "openclaw-macos", clientMode: "ui", platform: "linux" });
  it.each<
    [
      string,
      Partial<PendingRequest>,
      ReturnType<typeof pairedDevice> | undefined,
      (keyof typeof C)[],
    ]
  >([
    [
      "node host, new device",
      { scopes: ["operator.read"] },
      undefined,
      ["origin", "waiting", "autoApproveOff"],
    ],
    [
      "node host, scope upgrade",
      {},
      nodeHost,
      ["origin", "waiting", "authMethod", "autoApproveOff"],
    ],
    [
      "node host, operator role without a live token",
      { scopes: ["operator.read"] },
      pairedDevice({ tokens: undefined }),
      ["origin", "waiting", "autoApproveOff"],
    ],
    [
      "node host, changed platform",
      { scopes: ["operator.read"], platform: "macos" },
      nodeHost,
      ["identity", "origin", "waiting"],
    ],
    [
      "macOS app, changed platform (silent on loopback unless an Origin or a wait)",
      {
        clientId: "openclaw-macos",
        clientMode: "ui",
        scopes: ["operator.read"],
        platform: "macos",
      },
      mac,
      ["origin", "waiting"],
    ],
    [
      "Control UI, new device",
      { ...controlUi, scopes: ["operator.read"] },
      undefined,
      ["waiting", "autoApproveOff"],
    ],
    ["Control UI, scope upgrade", controlUi, ui, ["waiting", "authMethod", "autoApproveOff"]],
    [
      "web chat, scope upgrade",
      { clientId: "webchat-ui", clientMode: "webchat", platform: "web" },
      pairedDevice({ clientId: "webchat-ui", clientMode: "webchat", platform: "web" }),
      ["waiting", "authMethod", "autoApproveOff"],
    ],
  ])("%s", (_name, change, paired, causes) => {
    const explanation = explainNotSilent(pendingRequest({ ...loopback, ...change }), paired);
    expect(explanation.known).toEqual([]);
    expect(explanation.possible).toEqual(causes);
  });

  it.each([["127.0.0.1"], ["::1"], ["::ffff:127.0.0.1"], ["not-an-address"]])(
    "does not read %s as another machine",
    (remoteIp) => {
      const explanation = explainNotSilent(pendingRequest({ remoteIp }), pairedDevice());
      expect(explanation.known).toEqual([]);
      expect(explanation.possible).not.toContain("remote");
    },
  );

  it("a Control UI page at a private address may have been local: remote is only the first guess", () => {
    const explanation = explainNotSilent(
      pendingRequest({ ...controlUi, remoteIp: "172.17.0.1" }),
      undefined,
    );
    expect(explanation.known).toEqual([]);
    expect(explanation.possible[0]).toBe("remote");
  });

  it("every cause says how to check and how to fix it", () => {
    for (const id of Object.keys(C) as (keyof typeof C)[]) {
      expect(CAUSE_HELP[id].check.length).toBeGreaterThan(20);
      expect(CAUSE_HELP[id].fix.length).toBeGreaterThan(10);
    }
  });
});
