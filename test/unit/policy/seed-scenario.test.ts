import { describe, expect, it } from "vitest";
import {
  classifyIngress,
  decideSilentPairing,
  hasForwardingHeaders,
  pairingReasons,
  resolvePairingLocality,
  type HeaderBag,
} from "../../../src/policy";
import { pairedDevice } from "./fixtures";

// The seed end to end through the rules: a node-host cron on loopback with a verified token,
// paired with operator.read, reconnecting to ask for operator.write.
// Test headers are single-valued; names are matched case-insensitively, as HTTP does.
const headerValue = (headers: HeaderBag, name: string) =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] as string | undefined;

function decide(remoteAddress: string, headers: HeaderBag, isLocalClient: boolean) {
  const ingress = classifyIngress({ remoteAddress, headers });
  const origin = headerValue(headers, "origin");
  const client = { id: "node-host", mode: "node" };
  const { locality } = resolvePairingLocality({
    isLocalClient,
    remoteAddress,
    requestHost: headerValue(headers, "host"),
    requestOrigin: origin,
    hasProxyHeaders: hasForwardingHeaders(headers),
    hasBrowserOriginHeader: origin !== undefined,
    client,
    authMethod: "token",
    sharedAuthOk: true,
  });
  const [reason] = pairingReasons(pairedDevice(), {
    role: "operator",
    scopes: ["operator.read", "operator.write"],
    platform: "linux",
  });
  if (!reason) throw new Error("the seed's ask must need pairing");
  const { silent } = decideSilentPairing({
    locality,
    reason,
    hasBrowserOriginHeader: origin !== undefined,
    client,
    authMethod: "token",
  });
  return { ingress, locality, reason, silent };
}

describe("the seed's cron scope upgrade", () => {
  it("is shared_secret_loopback_local and silent (Host not a loopback name)", () => {
    expect(decide("127.0.0.1", { Host: "192.168.1.5:18789" }, false)).toEqual({
      ingress: "direct-local",
      locality: "shared_secret_loopback_local",
      reason: "scope-upgrade",
      silent: true,
    });
  });

  it("is silent as direct_local too", () => {
    expect(decide("127.0.0.1", { host: "127.0.0.1:18789" }, true)).toMatchObject({
      locality: "direct_local",
      silent: true,
    });
  });

  it("with a browser Origin it becomes a pending scope-upgrade", () => {
    expect(
      decide("127.0.0.1", { host: "localhost:18789", Origin: "http://localhost:5173" }, false),
    ).toMatchObject({ locality: "remote", reason: "scope-upgrade", silent: false });
  });

  it("with a browser Origin on direct-local ingress it still waits for an owner", () => {
    expect(
      decide("127.0.0.1", { host: "localhost:18789", origin: "http://localhost:5173" }, true),
    ).toMatchObject({ locality: "direct_local", silent: false });
  });

  it("from a non-loopback address it becomes a pending scope-upgrade", () => {
    expect(decide("192.168.1.20", { host: "192.168.1.5:18789" }, false)).toMatchObject({
      ingress: "direct-remote",
      locality: "remote",
      silent: false,
    });
  });
});
