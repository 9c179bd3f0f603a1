import { describe, expect, it } from "vitest";
import { LOCALITIES, PAIRING_REASONS, type Locality } from "../../../src/protocol";
import {
  decideSilentPairing,
  PENDING_CAUSES as CAUSES,
  type SilentPairingInput,
} from "../../../src/policy";

const seedScopeUpgrade: SilentPairingInput = {
  locality: "shared_secret_loopback_local",
  reason: "scope-upgrade",
  hasBrowserOriginHeader: false,
  client: { id: "node-host", mode: "node" },
  authMethod: "token",
};

const localLocalities = Object.values(LOCALITIES).filter((l) => l !== LOCALITIES.remote);
const nonMetadataReasons = [
  PAIRING_REASONS.notPaired,
  PAIRING_REASONS.roleUpgrade,
  PAIRING_REASONS.scopeUpgrade,
];

describe("decideSilentPairing: the general gates", () => {
  it("approves the seed's scope upgrade (node-host, loopback, shared token) silently", () => {
    expect(decideSilentPairing(seedScopeUpgrade).silent).toBe(true);
  });

  it.each(
    localLocalities.flatMap((locality) => nonMetadataReasons.map((reason) => [locality, reason])),
  )("locality %s, reason %s → silent", (locality, reason) => {
    const decision = decideSilentPairing({
      ...seedScopeUpgrade,
      locality: locality as Locality,
      reason: reason as SilentPairingInput["reason"],
    });
    expect(decision).toEqual({ silent: true, why: expect.stringContaining(locality as string) });
  });

  it.each([...nonMetadataReasons, PAIRING_REASONS.metadataUpgrade])(
    "locality remote, reason %s → not silent",
    (reason) => {
      const decision = decideSilentPairing({ ...seedScopeUpgrade, locality: "remote", reason });
      expect(decision).toEqual({ silent: false, why: CAUSES.remote });
    },
  );

  it("a browser Origin from a client that is not the Control UI or webchat blocks it", () => {
    const decision = decideSilentPairing({ ...seedScopeUpgrade, hasBrowserOriginHeader: true });
    expect(decision.silent).toBe(false);
    expect(decision.why).toBe(CAUSES.origin);
  });

  it.each([
    ["Control UI", { id: "openclaw-control-ui", mode: "webchat" }],
    ["terminal UI", { id: "openclaw-tui", mode: "ui" }],
    ["webchat mode", { id: "gateway-client", mode: "webchat" }],
    ["webchat-ui id", { id: "webchat-ui", mode: "ui" }],
  ])("a browser Origin is allowed for the %s", (_name, client) => {
    const decision = decideSilentPairing({
      ...seedScopeUpgrade,
      locality: "direct_local",
      reason: "not-paired",
      hasBrowserOriginHeader: true,
      client,
    });
    expect(decision.silent).toBe(true);
  });

  it.each(nonMetadataReasons)("autoApproveLocal false blocks %s", (reason) => {
    const decision = decideSilentPairing({ ...seedScopeUpgrade, reason, autoApproveLocal: false });
    expect(decision).toEqual({
      silent: false,
      why: CAUSES.autoApproveOff,
    });
  });

  it.each([true, undefined])("autoApproveLocal %s allows it", (autoApproveLocal) => {
    expect(decideSilentPairing({ ...seedScopeUpgrade, autoApproveLocal }).silent).toBe(true);
  });
});

describe("decideSilentPairing: scope-upgrade needs token, password or none", () => {
  it.each([
    ["token", true],
    ["password", true],
    ["none", true],
    ["device-token", false],
    ["bootstrap-token", false],
    ["tailscale", false],
  ])("scope-upgrade with auth %s → silent %s", (authMethod, silent) => {
    const decision = decideSilentPairing({
      ...seedScopeUpgrade,
      locality: "direct_local",
      authMethod,
    });
    expect(decision.silent).toBe(silent);
    if (!silent) expect(decision.why).toContain(CAUSES.authMethod);
  });

  it.each(["not-paired", "role-upgrade"] as const)(
    "%s is not held to the auth-method rule",
    (reason) => {
      const decision = decideSilentPairing({
        ...seedScopeUpgrade,
        locality: "direct_local",
        reason,
        authMethod: "device-token",
      });
      expect(decision.silent).toBe(true);
    },
  );
});

describe("decideSilentPairing: metadata-upgrade", () => {
  const macApp: SilentPairingInput = {
    locality: "direct_local",
    reason: "metadata-upgrade",
    hasBrowserOriginHeader: false,
    client: { id: "openclaw-macos", mode: "ui" },
    authMethod: "device-token",
  };

  it.each([
    ["a native macOS app on direct_local", {}],
    ["a native Linux app on direct_local", { client: { id: "openclaw-linux", mode: "ui" } }],
    ["an iOS app on direct_local", { client: { id: "openclaw-ios", mode: "ui" } }],
    ["an Android app on direct_local", { client: { id: "openclaw-android", mode: "ui" } }],
    [
      "node-host on shared_secret_loopback_local",
      { locality: "shared_secret_loopback_local", client: { id: "node-host", mode: "node" } },
    ],
    [
      "the CLI on cli_container_local",
      { locality: "cli_container_local", client: { id: "cli", mode: "cli" } },
    ],
    ["a native app even with autoApproveLocal off", { autoApproveLocal: false }],
    [
      "node-host on shared_secret_loopback_local with autoApproveLocal off",
      {
        locality: "shared_secret_loopback_local",
        client: { id: "node-host", mode: "node" },
        autoApproveLocal: false,
      },
    ],
    ["an explicit isNativeAppUi", { client: { id: "test", mode: "test" }, isNativeAppUi: true }],
  ] as [string, Partial<SilentPairingInput>][])("is silent for %s", (_name, change) => {
    expect(decideSilentPairing({ ...macApp, ...change }).silent).toBe(true);
  });

  it.each([
    [
      "a watchOS app (not a native app class)",
      { client: { id: "openclaw-watchos", mode: "ui" } },
      CAUSES.identity,
    ],
    [
      "a native app id outside ui mode",
      { client: { id: "openclaw-macos", mode: "backend" } },
      CAUSES.identity,
    ],
    ["node-host on direct_local", { client: { id: "node-host", mode: "node" } }, CAUSES.identity],
    ["isNativeAppUi false overriding the id", { isNativeAppUi: false }, CAUSES.identity],
    [
      "a browser Origin",
      { hasBrowserOriginHeader: true, client: { id: "openclaw-control-ui", mode: "webchat" } },
      CAUSES.uiIdentity,
    ],
    [
      "the Control UI without an Origin",
      {
        locality: "shared_secret_loopback_local",
        client: { id: "openclaw-control-ui", mode: "webchat" },
      },
      CAUSES.uiIdentity,
    ],
    [
      "the terminal UI",
      { locality: "shared_secret_loopback_local", client: { id: "openclaw-tui", mode: "ui" } },
      CAUSES.uiIdentity,
    ],
    [
      "a webchat client",
      { locality: "shared_secret_loopback_local", client: { id: "webchat-ui", mode: "ui" } },
      CAUSES.uiIdentity,
    ],
    [
      "a browser-container locality",
      { locality: "browser_container_local", client: { id: "node-host", mode: "node" } },
      CAUSES.identity,
    ],
    ["remote", { locality: "remote" }, CAUSES.remote],
  ] as [string, Partial<SilentPairingInput>, string][])(
    "is not silent for %s",
    (_name, change, why) => {
      const decision = decideSilentPairing({ ...macApp, ...change });
      expect(decision.silent).toBe(false);
      expect(decision.why).toBe(why);
    },
  );
});

describe("decideSilentPairing: roles beyond operator", () => {
  it.each<[string, Partial<SilentPairingInput>, boolean]>([
    [
      "a new device asking for node",
      { role: "node", alreadyPaired: false, reason: "not-paired" },
      true,
    ],
    [
      "a paired device asking for node",
      { role: "node", alreadyPaired: true, reason: "role-upgrade" },
      false,
    ],
    ["a paired node asking for more", { role: "node", alreadyPaired: true }, false],
    ["a paired device asking as operator", { role: "operator", alreadyPaired: true }, true],
    ["the role not stated", { alreadyPaired: true }, true],
  ])("%s → silent %s", (_name, change, silent) => {
    const decision = decideSilentPairing({
      ...seedScopeUpgrade,
      locality: "direct_local",
      ...change,
    });
    expect(decision.silent).toBe(silent);
    if (!silent) expect(decision.why).toContain("always needs an owner's approval");
  });
});
