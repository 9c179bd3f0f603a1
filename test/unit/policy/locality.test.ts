import { describe, expect, it } from "vitest";
import { resolvePairingLocality, type LocalityInput } from "../../../src/policy";

// Rule 3 of spec §4: a loopback client holding the verified shared secret.
const sharedSecretLoopback: LocalityInput = {
  isLocalClient: false,
  remoteAddress: "127.0.0.1",
  requestHost: "192.168.1.5:18789",
  hasProxyHeaders: false,
  hasBrowserOriginHeader: false,
  client: { id: "node-host", mode: "node" },
  authMethod: "token",
  sharedAuthOk: true,
};

// Rule 2 of spec §4: the Control UI in a browser, reaching the gateway from a container bridge.
const browserContainer: LocalityInput = {
  isLocalClient: false,
  remoteAddress: "172.17.0.1",
  requestHost: "localhost:18789",
  requestOrigin: "http://localhost:5173",
  hasProxyHeaders: false,
  hasBrowserOriginHeader: true,
  client: { id: "openclaw-control-ui", mode: "webchat" },
  authMethod: "token",
  sharedAuthOk: true,
};

describe("rule 1: direct_local", () => {
  it("wins whenever ingress is direct-local, whatever else is true", () => {
    const decision = resolvePairingLocality({
      ...sharedSecretLoopback,
      isLocalClient: true,
      authMethod: "none",
      sharedAuthOk: false,
      hasBrowserOriginHeader: true,
    });
    expect(decision.locality).toBe("direct_local");
    expect(decision.why).toContain("loopback address 127.0.0.1");
  });
});

describe("rule 3: shared_secret_loopback_local and cli_container_local", () => {
  it("classifies the seed's node-host cron (loopback, verified token) as shared_secret_loopback_local", () => {
    const decision = resolvePairingLocality(sharedSecretLoopback);
    expect(decision.locality).toBe("shared_secret_loopback_local");
    expect(decision.why).toContain("the shared token");
  });

  it.each<[string, Partial<LocalityInput>]>([
    ["password auth", { authMethod: "password" }],
    ["IPv6 loopback", { remoteAddress: "::1" }],
    ["IPv4-mapped loopback", { remoteAddress: "::ffff:127.0.0.1" }],
    ["a loopback Host", { requestHost: "localhost:18789" }],
    ["a private IPv6 Host", { requestHost: "[fd00::1]:18789" }],
    ["the TUI", { client: { id: "openclaw-tui", mode: "ui" } }],
    ["a backend gateway client", { client: { id: "gateway-client", mode: "backend" } }],
    ["cli id in a non-cli mode", { client: { id: "cli", mode: "backend" } }],
    ["cli mode with a non-cli id", { client: { id: "gateway-client", mode: "cli" } }],
  ])("still holds with %s", (_name, change) => {
    expect(resolvePairingLocality({ ...sharedSecretLoopback, ...change }).locality).toBe(
      "shared_secret_loopback_local",
    );
  });

  it("prefers cli_container_local for the CLI (id cli, mode cli)", () => {
    const decision = resolvePairingLocality({
      ...sharedSecretLoopback,
      client: { id: "cli", mode: "cli" },
    });
    expect(decision.locality).toBe("cli_container_local");
    expect(decision.why).toContain("command-line client");
  });

  it.each<[string, Partial<LocalityInput>, string]>([
    [
      "a non-loopback remote address",
      { remoteAddress: "192.168.1.20" },
      "remote address 192.168.1.20 is not loopback",
    ],
    [
      "a private but not loopback address",
      { remoteAddress: "10.0.0.8" },
      "10.0.0.8 is not loopback",
    ],
    ["no remote address", { remoteAddress: undefined }, "remote address (none) is not loopback"],
    ["proxy headers", { hasProxyHeaders: true }, "forwarding headers are present"],
    [
      "a browser Origin",
      { hasBrowserOriginHeader: true, requestOrigin: "https://app.example" },
      "a browser Origin (https://app.example) was sent",
    ],
    [
      "a public Host",
      { requestHost: "gateway.example.com" },
      "Host gateway.example.com is not a private or loopback address",
    ],
    ["no Host", { requestHost: undefined }, "Host (none)"],
    [
      "device-token auth",
      { authMethod: "device-token" },
      "authenticated with a device token, not the shared token or password",
    ],
    ["bootstrap-token auth", { authMethod: "bootstrap-token" }, "a bootstrap token"],
    ["no auth", { authMethod: "none" }, "authenticated with no credentials"],
    [
      "a shared token that did not verify",
      { sharedAuthOk: false },
      "the shared token did not verify",
    ],
  ])("falls to remote with %s", (_name, change, why) => {
    const decision = resolvePairingLocality({ ...sharedSecretLoopback, ...change });
    expect(decision.locality).toBe("remote");
    expect(decision.why).toContain(why);
  });

  it("falls to remote for the CLI too when a condition fails", () => {
    const decision = resolvePairingLocality({
      ...sharedSecretLoopback,
      client: { id: "cli", mode: "cli" },
      hasBrowserOriginHeader: true,
    });
    expect(decision.locality).toBe("remote");
  });
});

describe("rule 2: browser_container_local", () => {
  it("classifies the Control UI from a private address with loopback Host and Origin", () => {
    const decision = resolvePairingLocality(browserContainer);
    expect(decision.locality).toBe("browser_container_local");
    expect(decision.why).toContain("172.17.0.1");
  });

  it.each<[string, Partial<LocalityInput>]>([
    ["a loopback remote address", { remoteAddress: "127.0.0.1" }],
    ["a CGNAT (tailnet) address", { remoteAddress: "100.100.1.1" }],
    ["password auth", { authMethod: "password" }],
    [
      "a 127.x Host and [::1] Origin",
      { requestHost: "127.0.0.1:18789", requestOrigin: "http://[::1]:5173" },
    ],
    ["a *.localhost Origin", { requestOrigin: "http://pairdesk.localhost:5173" }],
  ])("still holds with %s", (_name, change) => {
    expect(resolvePairingLocality({ ...browserContainer, ...change }).locality).toBe(
      "browser_container_local",
    );
  });

  it.each<[string, Partial<LocalityInput>, string]>([
    [
      "a public remote address",
      { remoteAddress: "203.0.113.9" },
      "remote address 203.0.113.9 is not private or loopback",
    ],
    ["proxy headers", { hasProxyHeaders: true }, "forwarding headers are present"],
    [
      "a private (not loopback) Host",
      { requestHost: "192.168.1.5:18789" },
      "Host 192.168.1.5:18789 is not a loopback name",
    ],
    [
      "a non-loopback Origin",
      { requestOrigin: "https://evil.example" },
      "Origin https://evil.example is not on a loopback host",
    ],
    ["an unparsable Origin", { requestOrigin: "null" }, "Origin null is not on a loopback host"],
    ["device-token auth", { authMethod: "device-token" }, "a device token"],
    ["a token that did not verify", { sharedAuthOk: false }, "did not verify"],
  ])("falls to remote with %s, naming it", (_name, change, why) => {
    const decision = resolvePairingLocality({ ...browserContainer, ...change });
    expect(decision.locality).toBe("remote");
    expect(decision.why).toContain(why);
  });

  it.each<[string, Partial<LocalityInput>]>([
    ["the TUI id", { client: { id: "openclaw-tui", mode: "webchat" } }],
    ["ui mode", { client: { id: "openclaw-control-ui", mode: "ui" } }],
    ["webchat-ui id", { client: { id: "webchat-ui", mode: "webchat" } }],
  ])("is only for the Control UI in webchat mode: %s is remote", (_name, change) => {
    expect(resolvePairingLocality({ ...browserContainer, ...change }).locality).toBe("remote");
  });

  it("without an Origin it is judged by the loopback rule instead", () => {
    const decision = resolvePairingLocality({
      ...browserContainer,
      hasBrowserOriginHeader: false,
      requestOrigin: undefined,
    });
    expect(decision.locality).toBe("remote");
    expect(decision.why).toContain("remote address 172.17.0.1 is not loopback");
  });

  it("comes before rule 3: a loopback Control UI with an Origin is browser_container_local", () => {
    const decision = resolvePairingLocality({
      ...browserContainer,
      remoteAddress: "127.0.0.1",
      requestHost: "127.0.0.1:18789",
    });
    expect(decision.locality).toBe("browser_container_local");
  });
});
