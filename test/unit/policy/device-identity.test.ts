import { describe, expect, it } from "vitest";
import {
  decideMissingDevice,
  devicelessKeepsScopes,
  keepsLocalCliScopes,
  skipsLocalBackendPairing,
  type LocalClientFacts,
} from "../../../src/policy";

// Connects the gateway admits without pairing a device (observed on 2026.9.6).

const backend: LocalClientFacts = {
  client: { id: "gateway-client", mode: "backend" },
  locality: "direct_local",
  hasBrowserOriginHeader: false,
  sharedAuthOk: true,
  authMethod: "token",
};
const cli: LocalClientFacts = { ...backend, client: { id: "cli", mode: "cli" } };

describe("skipsLocalBackendPairing", () => {
  it.each<[string, Partial<LocalClientFacts>, boolean]>([
    ["a local backend gateway client with the token", {}, true],
    ["on shared_secret_loopback_local", { locality: "shared_secret_loopback_local" }, true],
    ["with a device token", { authMethod: "device-token", sharedAuthOk: false }, true],
    ["on a gateway without auth", { authMethod: "none", sharedAuthOk: false }, true],
    ["with a browser Origin", { hasBrowserOriginHeader: true }, false],
    ["remote", { locality: "remote" }, false],
    ["on cli_container_local", { locality: "cli_container_local" }, false],
    [
      "the gateway client in another mode",
      { client: { id: "gateway-client", mode: "cli" } },
      false,
    ],
    ["another client in backend mode", { client: { id: "node-host", mode: "backend" } }, false],
  ])("%s → %s", (_name, change, expected) => {
    expect(skipsLocalBackendPairing({ ...backend, ...change })).toBe(expected);
  });
});

describe("keepsLocalCliScopes", () => {
  it.each<[string, Partial<LocalClientFacts>, boolean]>([
    ["a local cli/cli client with the token", {}, true],
    [
      "on cli_container_local with the password",
      { locality: "cli_container_local", authMethod: "password" },
      true,
    ],
    ["on shared_secret_loopback_local", { locality: "shared_secret_loopback_local" }, false],
    ["with a browser Origin", { hasBrowserOriginHeader: true }, false],
    ["whose secret did not verify", { sharedAuthOk: false }, false],
    ["cli id in another mode", { client: { id: "cli", mode: "backend" } }, false],
  ])("%s → %s", (_name, change, expected) => {
    expect(keepsLocalCliScopes({ ...cli, ...change })).toBe(expected);
  });
});

describe("decideMissingDevice", () => {
  const base = {
    role: "operator",
    isOperatorUi: false,
    localBackend: false,
    sharedAuthOk: true,
    authOk: true,
    hasSharedAuth: true,
  };
  it.each<[string, Partial<typeof base>, string]>([
    ["an operator with the shared secret", {}, "allow"],
    ["the Control UI", { isOperatorUi: true }, "control-ui-needs-device"],
    [
      "a local backend, even as the Control UI",
      { localBackend: true, isOperatorUi: true },
      "allow",
    ],
    ["a node with the shared secret", { role: "node" }, "device-required"],
    ["a wrong shared secret", { sharedAuthOk: false, authOk: false }, "unauthorized"],
    [
      "no credential at all",
      { sharedAuthOk: false, authOk: false, hasSharedAuth: false },
      "device-required",
    ],
  ])("%s → %s", (_name, change, expected) => {
    expect(decideMissingDevice({ ...base, ...change })).toBe(expected);
  });
});

describe("devicelessKeepsScopes", () => {
  it.each<[string, LocalClientFacts, string, boolean]>([
    ["a local CLI", cli, "allow", true],
    ["a local backend", backend, "allow", true],
    [
      "another operator with the token",
      { ...cli, client: { id: "node-host", mode: "node" } },
      "allow",
      false,
    ],
    [
      "an operator on a gateway without auth",
      { ...cli, client: { id: "node-host", mode: "node" }, authMethod: "none" },
      "allow",
      true,
    ],
  ])("%s → %s", (_name, facts, decision, expected) => {
    expect(devicelessKeepsScopes(facts, decision as "allow")).toBe(expected);
  });
});
