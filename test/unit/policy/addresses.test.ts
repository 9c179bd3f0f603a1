import { describe, expect, it } from "vitest";
import {
  addressMatches,
  hostNameOf,
  isLoopbackAddress,
  isLoopbackHostName,
  isPrivateOrLoopbackAddress,
  isPrivateOrLoopbackHostName,
  originHostName,
  parseIpAddress,
} from "../../../src/policy";

describe("isLoopbackAddress / isPrivateOrLoopbackAddress", () => {
  it.each([
    // address, loopback, private-or-loopback
    ["127.0.0.1", true, true],
    ["127.255.10.3", true, true],
    ["::1", true, true],
    ["[::1]", true, true],
    ["0:0:0:0:0:0:0:1", true, true],
    ["::ffff:127.0.0.1", true, true],
    ["[::ffff:127.0.0.2]", true, true],
    ["::FFFF:7f00:1", true, true],
    [" 127.0.0.1 ", true, true],
    ["10.1.2.3", false, true],
    ["172.16.0.1", false, true],
    ["172.31.255.255", false, true],
    ["192.168.1.20", false, true],
    ["169.254.1.1", false, true],
    ["100.64.0.1", false, true],
    ["100.127.255.254", false, true],
    ["::ffff:192.168.1.2", false, true],
    ["fc00::1", false, true],
    ["fd12:3456::1", false, true],
    ["fe80::1", false, true],
    ["fe80::1%eth0", false, true],
    ["febf::1", false, true],
    ["172.15.0.1", false, false],
    ["172.32.0.1", false, false],
    ["100.63.255.255", false, false],
    ["100.128.0.1", false, false],
    ["8.8.8.8", false, false],
    ["203.0.113.9", false, false],
    ["fec0::1", false, false],
    ["2001:db8::1", false, false],
    ["::2", false, false],
    ["::", false, false],
    ["128.0.0.1", false, false],
    ["127.0.0.01", false, false],
    ["127.0.0.256", false, false],
    ["localhost", false, false],
    ["", false, false],
    ["not an ip", false, false],
    ["1:2:3:4:5:6:7:8:9", false, false],
  ])("%s → loopback %s, private-or-loopback %s", (address, loopback, privateOrLoopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
    expect(isPrivateOrLoopbackAddress(address)).toBe(privateOrLoopback);
  });

  it("answers false for an absent address", () => {
    expect(isLoopbackAddress(undefined)).toBe(false);
    expect(isPrivateOrLoopbackAddress(undefined)).toBe(false);
  });
});

describe("addressMatches", () => {
  it.each([
    ["10.1.2.3", "10.1.2.3", true],
    ["10.1.2.3", "10.1.2.4", false],
    ["10.1.2.3", "10.0.0.0/8", true],
    ["11.1.2.3", "10.0.0.0/8", false],
    ["192.168.1.77", "192.168.1.0/24", true],
    ["192.168.2.77", "192.168.1.0/24", false],
    ["::ffff:10.1.2.3", "10.0.0.0/8", true],
    ["fd00::5", "fd00::/8", true],
    ["fe80::5", "fd00::/8", false],
    ["::1", "::1", true],
    ["127.0.0.1", "::1", false],
    ["10.1.2.3", "0.0.0.0/0", true],
    ["10.1.2.3", "10.0.0.0/33", false],
    ["10.1.2.3", "nonsense", false],
  ])("%s in %s → %s", (address, entry, expected) => {
    expect(addressMatches(address, entry)).toBe(expected);
  });
});

describe("host names", () => {
  it.each([
    ["localhost", "localhost", true, true],
    ["LOCALHOST:18789", "localhost", true, true],
    ["app.localhost:5173", "app.localhost", true, true],
    ["127.0.0.1:18789", "127.0.0.1", true, true],
    ["127.1.2.3", "127.1.2.3", true, true],
    ["[::1]:18789", "::1", true, true],
    ["[::1]", "::1", true, true],
    ["::1", "::1", true, true],
    ["192.168.1.5:18789", "192.168.1.5", false, true],
    ["[fd00::2]:18789", "fd00::2", false, true],
    ["gateway.example.com", "gateway.example.com", false, false],
    ["localhost.example.com", "localhost.example.com", false, false],
    ["8.8.8.8:443", "8.8.8.8", false, false],
    ["", "", false, false],
  ])("Host %j → name %j, loopback %s, private-or-loopback %s", (host, name, loopback, priv) => {
    expect(hostNameOf(host)).toBe(name);
    expect(isLoopbackHostName(host)).toBe(loopback);
    expect(isPrivateOrLoopbackHostName(host)).toBe(priv);
  });

  it.each([
    ["http://localhost:5173", "localhost"],
    ["http://[::1]:5173", "::1"],
    ["https://Example.COM", "example.com"],
    ["null", ""],
    ["", ""],
    [undefined, ""],
  ])("Origin %j → host %j", (origin, host) => {
    expect(originHostName(origin)).toBe(host);
  });
});

describe("parseIpAddress", () => {
  it("reads a mapped IPv4 address as IPv4, and refuses what is not an address", () => {
    expect(parseIpAddress("::ffff:127.0.0.1")).toEqual({ version: 4, bytes: [127, 0, 0, 1] });
    expect(parseIpAddress("10.5.220.1")).toEqual({ version: 4, bytes: [10, 5, 220, 1] });
    expect(parseIpAddress("not an address")).toBeUndefined();
  });
});
