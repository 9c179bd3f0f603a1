import { describe, expect, it } from "vitest";
import { classifyIngress, hasForwardingHeaders, type HeaderBag } from "../../../src/policy";

describe("hasForwardingHeaders", () => {
  it.each<[string, HeaderBag, boolean]>([
    ["no headers", {}, false],
    ["only host and origin", { host: "localhost", origin: "http://localhost" }, false],
    ["Forwarded", { Forwarded: "for=1.2.3.4" }, true],
    ["forwarded (lower case)", { forwarded: "for=1.2.3.4" }, true],
    ["X-Real-IP", { "X-Real-IP": "1.2.3.4" }, true],
    ["x-real-ip", { "x-real-ip": "1.2.3.4" }, true],
    ["X-Forwarded-For", { "X-Forwarded-For": "1.2.3.4" }, true],
    ["X-FORWARDED-HOST", { "X-FORWARDED-HOST": "example.com" }, true],
    ["x-forwarded-proto", { "x-forwarded-proto": "https" }, true],
    ["any X-Forwarded-* name", { "X-Forwarded-Anything": "1" }, true],
    ["an empty value still counts", { "x-forwarded-for": "" }, true],
    ["an array value", { "x-forwarded-for": ["1.2.3.4", "5.6.7.8"] }, true],
    ["an empty array", { "x-forwarded-for": [] }, false],
    ["an undefined value", { "x-forwarded-for": undefined }, false],
    ["X-Forwarded without a suffix is not a forwarding header", { "x-forwarded": "1" }, false],
    ["X-Real-IP-ish names do not count", { "x-real-ip-hint": "1" }, false],
  ])("%s → %s", (_name, headers, expected) => {
    expect(hasForwardingHeaders(headers)).toBe(expected);
  });
});

describe("classifyIngress", () => {
  it.each([
    ["127.0.0.1", "direct-local"],
    ["127.8.9.10", "direct-local"],
    ["::1", "direct-local"],
    ["[::1]", "direct-local"],
    ["::ffff:127.0.0.1", "direct-local"],
    ["192.168.1.20", "direct-remote"],
    ["10.0.0.5", "direct-remote"],
    ["fe80::1", "direct-remote"],
    ["203.0.113.9", "direct-remote"],
    ["", "direct-remote"],
  ])("without forwarding headers, %j is %s", (remoteAddress, expected) => {
    expect(classifyIngress({ remoteAddress, headers: { host: "localhost" } })).toBe(expected);
  });

  it.each([
    ["Forwarded", { Forwarded: "for=203.0.113.9" }],
    ["X-Real-IP", { "X-Real-IP": "203.0.113.9" }],
    ["X-Forwarded-For", { "x-forwarded-for": "203.0.113.9" }],
    ["X-Forwarded-Proto", { "X-Forwarded-Proto": "https" }],
  ])("%s from loopback with no trusted proxies is refused", (_name, headers) => {
    expect(classifyIngress({ remoteAddress: "127.0.0.1", headers })).toBe("refused");
  });

  it.each([
    ["an exact address", ["127.0.0.1"], "127.0.0.1", "direct-remote"],
    [
      "an IPv4-mapped peer against an IPv4 entry",
      ["127.0.0.1"],
      "::ffff:127.0.0.1",
      "direct-remote",
    ],
    ["a CIDR block", ["10.0.0.0/8"], "10.4.5.6", "direct-remote"],
    ["an IPv6 entry", ["::1"], "::1", "direct-remote"],
    ["a peer outside the block", ["10.0.0.0/8"], "192.168.1.2", "refused"],
    ["a different address", ["127.0.0.2"], "127.0.0.1", "refused"],
    ["an empty list", [], "127.0.0.1", "refused"],
  ])("forwarding headers via %s → %s", (_name, trustedProxies, remoteAddress, expected) => {
    expect(
      classifyIngress({
        remoteAddress,
        headers: { "X-Forwarded-For": "203.0.113.9" },
        trustedProxies,
      }),
    ).toBe(expected);
  });

  it("never treats a trusted proxy on loopback as local", () => {
    const ingress = classifyIngress({
      remoteAddress: "127.0.0.1",
      headers: { forwarded: "for=127.0.0.1" },
      trustedProxies: ["127.0.0.1"],
    });
    expect(ingress).toBe("direct-remote");
  });
});
