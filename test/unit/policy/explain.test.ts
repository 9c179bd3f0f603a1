import { describe, expect, it } from "vitest";
import type { PendingRequest } from "../../../src/protocol";
import { explainNotSilent } from "../../../src/policy";
import { pairedDevice, pendingRequest } from "./fixtures";

const controlUiBrowser: Partial<PendingRequest> = {
  clientId: "openclaw-control-ui",
  clientMode: "webchat",
  browserOrigin: "http://localhost:5173",
};

describe("explainNotSilent: facts that settle it", () => {
  it("a non-loopback address makes the locality remote, for certain", () => {
    const explanation = explainNotSilent(
      pendingRequest({ remoteIp: "192.168.1.20" }),
      pairedDevice(),
    );
    expect(explanation).toEqual({
      locality: "remote",
      certain: true,
      reasons: ["connected from 192.168.1.20, which is not loopback"],
    });
  });

  it("a browser Origin from a client that is not the Control UI or webchat", () => {
    const explanation = explainNotSilent(
      pendingRequest({ browserOrigin: "https://x.example" }),
      pairedDevice(),
    );
    expect(explanation).toEqual({
      locality: "unknown",
      certain: true,
      reasons: [
        "a browser Origin (https://x.example) was sent by a client that is not the Control UI or webchat",
      ],
    });
  });

  it("lists every settled reason, remote address first", () => {
    const explanation = explainNotSilent(
      pendingRequest({ remoteIp: "203.0.113.9", browserOrigin: "https://x.example" }),
      pairedDevice(),
    );
    expect(explanation.certain).toBe(true);
    expect(explanation.reasons).toHaveLength(2);
    expect(explanation.reasons[0]).toContain("203.0.113.9");
  });

  it("a changed identity of the Control UI always needs an owner", () => {
    const paired = pairedDevice({ clientId: "openclaw-control-ui", clientMode: "webchat" });
    const explanation = explainNotSilent(
      pendingRequest({ ...controlUiBrowser, scopes: ["operator.read"], platform: "web" }),
      paired,
    );
    expect(explanation.certain).toBe(true);
    expect(explanation.reasons).toEqual([
      "identity changes of the Control UI or webchat always need an owner's approval",
    ]);
  });

  it.each<[string, Partial<PendingRequest>, boolean]>([
    ["a paired device asking for role node", { role: "node", roles: ["operator", "node"] }, true],
    [
      "a new device asking for role node",
      { role: "node", roles: ["node"], isRepair: false },
      false,
    ],
    ["a paired device asking as operator", {}, false],
  ])("%s: owner needed for certain → %s", (_name, change, certain) => {
    // The same rule the mock's silent-pairing decision applies (src/policy/silent-pairing.ts).
    const explanation = explainNotSilent(pendingRequest(change), pairedDevice());
    const reason = "a paired device asking for role node always needs an owner's approval";
    expect(explanation.reasons.includes(reason)).toBe(certain);
    if (certain) expect(explanation.certain).toBe(true);
  });

  it("a Control UI Origin is not held against the Control UI", () => {
    const explanation = explainNotSilent(pendingRequest(controlUiBrowser), pairedDevice());
    expect(explanation.reasons.join(" ")).not.toContain("not the Control UI");
  });
});

describe("explainNotSilent: facts it does not have", () => {
  it("says unknown when the request has no remoteIp", () => {
    const explanation = explainNotSilent(pendingRequest({ remoteIp: undefined }), undefined);
    expect(explanation.locality).toBe("unknown");
    expect(explanation.certain).toBe(false);
    expect(explanation.reasons[0]).toContain("does not say where the device connected from");
  });

  it("does not read an unparsable remoteIp as remote", () => {
    const explanation = explainNotSilent(pendingRequest({ remoteIp: "unknown-ip" }), undefined);
    expect(explanation.locality).toBe("unknown");
    expect(explanation.certain).toBe(false);
  });

  it("on loopback without an Origin it gives the usual causes, marked not certain", () => {
    const explanation = explainNotSilent(pendingRequest({ scopes: ["operator.read"] }), undefined);
    expect(explanation).toEqual({
      locality: "unknown",
      certain: false,
      reasons: [
        "the gateway did not say why; on loopback this usually means the device did not " +
          "authenticate with the shared token or password, or autoApproveLocal is off",
      ],
    });
  });

  it.each([["::1"], ["::ffff:127.0.0.1"]])("treats %s as loopback", (remoteIp) => {
    const explanation = explainNotSilent(pendingRequest({ remoteIp }), undefined);
    expect(explanation.certain).toBe(false);
    expect(explanation.reasons[0]).toContain("on loopback");
  });

  it("adds the scope-upgrade auth rule for a scope upgrade, without claiming the auth method", () => {
    const explanation = explainNotSilent(pendingRequest(), pairedDevice());
    expect(explanation.certain).toBe(false);
    expect(explanation.reasons).toContain(
      "scope upgrades are approved automatically only for token, password or no-auth connections",
    );
    expect(explanation.reasons.join(" ")).not.toMatch(/used (a device token|the shared)/);
  });

  it("adds the identity-change rule for a re-approval of a non-UI client", () => {
    const explanation = explainNotSilent(
      pendingRequest({ scopes: ["operator.read"], platform: "darwin" }),
      pairedDevice(),
    );
    expect(explanation.certain).toBe(false);
    expect(explanation.reasons[1]).toContain("only for native apps on direct loopback");
  });

  it("words the identity-change rule for a native app", () => {
    const paired = pairedDevice({ clientId: "openclaw-macos", clientMode: "ui" });
    const explanation = explainNotSilent(
      pendingRequest({ clientId: "openclaw-macos", clientMode: "ui", scopes: ["operator.read"] }),
      paired,
    );
    expect(explanation.reasons[1]).toContain("only on a direct loopback connection");
  });

  it("a Control UI on a private address with a loopback Origin may have been local: unknown", () => {
    const explanation = explainNotSilent(
      pendingRequest({ ...controlUiBrowser, remoteIp: "172.17.0.1" }),
      undefined,
    );
    expect(explanation.locality).toBe("unknown");
    expect(explanation.certain).toBe(false);
    expect(explanation.reasons[0]).toContain("does not show");
  });

  it.each<[string, Partial<PendingRequest>]>([
    ["a public address", { remoteIp: "203.0.113.9" }],
    ["a non-loopback Origin", { remoteIp: "172.17.0.1", browserOrigin: "https://x.example" }],
    ["a non-Control-UI client", { remoteIp: "172.17.0.1", clientId: "webchat-ui" }],
  ])("the Control UI exception does not apply with %s: remote", (_name, change) => {
    const explanation = explainNotSilent(
      pendingRequest({ ...controlUiBrowser, ...change }),
      undefined,
    );
    expect(explanation.locality).toBe("remote");
    expect(explanation.certain).toBe(true);
  });

  it("a request the gateway marked silent is explained as still resolving", () => {
    const explanation = explainNotSilent(pendingRequest({ silent: true }), undefined);
    expect(explanation.certain).toBe(false);
    expect(explanation.reasons[0]).toContain("marked this request for automatic approval");
  });
});
