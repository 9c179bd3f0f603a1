import { afterEach, describe, expect, it } from "vitest";
import type { ConnectionFacts, GatewayConfig } from "../../mocks/core/types";
import { TransportRefusedError } from "../../mocks/simulator/device-client";
import {
  BROWSER_ORIGIN,
  CONTROL_UI,
  connect,
  connectAdminUi,
  connectHello,
  LOOPBACK,
  openTransport,
  settle,
  startGateway,
  takeSchemaErrors,
  withOrigin,
  type DeviceSpec,
} from "../support/core-harness";

afterEach(() => expect(takeSchemaErrors()).toEqual([]));

const REMOTE: ConnectionFacts = {
  remoteAddress: "192.168.1.20",
  headers: { host: "gw.lan:18789" },
};
const FIVE_MINUTES = 5 * 60 * 1000;

// Contract: the mock applies src/policy. Flipping one fact of a new node-host device flips
// whether it is paired silently.
describe("locality and silent pairing (contract)", () => {
  type Case = [string, DeviceSpec, Partial<GatewayConfig>, "hello" | "pending", string];
  const cases: Case[] = [
    ["loopback + token, no Origin", {}, {}, "hello", "direct_local"],
    [
      "… plus a browser Origin",
      { facts: withOrigin(LOOPBACK, BROWSER_ORIGIN) },
      {},
      "pending",
      "direct_local",
    ],
    ["… from a LAN address", { facts: REMOTE }, {}, "pending", "remote"],
    ["… with autoApproveLocal off", {}, { autoApproveLocal: false }, "pending", "direct_local"],
    [
      "Control UI on localhost origin",
      {
        client: CONTROL_UI,
        facts: withOrigin(
          { remoteAddress: "127.0.0.1", headers: { host: "localhost:18789" } },
          BROWSER_ORIGIN,
        ),
      },
      {},
      "hello",
      "direct_local",
    ],
    [
      "Control UI from a LAN address on an allowed origin",
      { client: CONTROL_UI, facts: withOrigin(REMOTE, "https://ops.example") },
      { allowedOrigins: ["https://ops.example"] },
      "pending",
      "remote",
    ],
  ];
  it.each(
    cases.map(([name, spec, config, outcome, locality]) => ({
      name,
      spec,
      config,
      outcome,
      locality,
    })),
  )("$name → $outcome", async ({ spec, config, outcome, locality }) => {
    const { gateway } = await startGateway(config);
    const result = await connect(gateway, spec);
    expect(result.kind === "hello" ? "hello" : "pending").toBe(outcome);
    expect(gateway.decisions().at(-1)).toMatchObject({ outcome, locality, reason: "not-paired" });
    if (result.kind === "refused") {
      expect(result.error).toMatchObject({
        code: "NOT_PAIRED",
        message: "pairing required: device is not approved yet",
        details: {
          reason: "not-paired",
          remediationHint: "Approve this device from the pending pairing requests.",
        },
      });
    }
  });

  it("refuses forwarding headers from an untrusted peer with HTTP 403 before any frame", async () => {
    const { gateway } = await startGateway();
    const proxied = {
      ...LOOPBACK,
      headers: { ...LOOPBACK.headers, "x-forwarded-for": "203.0.113.9" },
    };
    await expect(openTransport(gateway, proxied)).rejects.toMatchObject({ status: 403 });
    await expect(openTransport(gateway, proxied)).rejects.toBeInstanceOf(TransportRefusedError);
    expect(gateway.decisions().at(-1)).toMatchObject({ ingress: "refused", outcome: "refused" });
  });
});

describe("pending request lifecycle", () => {
  async function pendingAsk(
    gateway: Awaited<ReturnType<typeof startGateway>>["gateway"],
    spec: DeviceSpec = {},
  ) {
    const result = await connect(gateway, { facts: REMOTE, ...spec });
    if (result.kind !== "refused") throw new Error("expected a pending request");
    return {
      identity: result.identity,
      requestId: (result.error.details as { requestId: string }).requestId,
    };
  }

  it("reuses the requestId for a repeated identical ask and announces it once", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    const first = await pendingAsk(gateway);
    const second = await pendingAsk(gateway, { identity: first.identity });
    expect(second.requestId).toBe(first.requestId);
    await settle();
    expect(admin.session.events.filter((e) => e.event === "device.pair.requested")).toHaveLength(1);
  });

  it("supersedes a different ask: the old one is rejected, the new one carries the union of roles and scopes", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway, [
      "operator.read",
      "operator.pairing",
      "operator.admin",
    ]);
    const first = await pendingAsk(gateway);
    const second = await pendingAsk(gateway, {
      identity: first.identity,
      role: "node",
      scopes: [],
    });
    expect(second.requestId).not.toBe(first.requestId);
    await settle();
    expect(
      admin.session.events.map((e) => [e.event, (e.payload as { requestId: string }).requestId]),
    ).toEqual([
      ["device.pair.requested", first.requestId],
      ["device.pair.resolved", first.requestId],
      ["device.pair.requested", second.requestId],
    ]);
    expect(admin.session.events[1]?.payload).toMatchObject({ decision: "rejected" });
    expect(gateway.list().pending).toEqual([
      expect.objectContaining({
        requestId: second.requestId,
        role: "node",
        roles: ["operator", "node"],
        scopes: ["operator.read"],
      }),
    ]);
    expect(
      await admin.session.request("device.pair.approve", { requestId: first.requestId }),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID_REQUEST", message: "unknown requestId" },
    });
    // A caller without operator.admin is told nothing about ids it may not approve (observed).
    const pairingOnly = await connectAdminUi(gateway);
    expect(
      await pairingOnly.session.request("device.pair.approve", { requestId: first.requestId }),
    ).toMatchObject({ ok: false, error: { message: "device pairing approval denied" } });
  });

  it("expires a request 5 minutes after its last refresh", async () => {
    const { gateway, clock } = await startGateway();
    const admin = await connectAdminUi(gateway, ["operator.pairing", "operator.admin"]);
    const ask = await pendingAsk(gateway);
    clock.advance(FIVE_MINUTES - 60_000);
    await pendingAsk(gateway, { identity: ask.identity });
    clock.advance(FIVE_MINUTES - 60_000);
    expect(gateway.list().pending.map((p) => p.requestId)).toEqual([ask.requestId]);
    clock.advance(60_001);
    expect(gateway.list().pending).toEqual([]);
    expect(
      await admin.session.request("device.pair.approve", { requestId: ask.requestId }),
    ).toMatchObject({
      ok: false,
      error: { message: "unknown requestId" },
    });
  });

  it("rejects a request: announced, gone, and the device stays unpaired", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    const ask = await pendingAsk(gateway);
    const rejected = await admin.session.request("device.pair.reject", {
      requestId: ask.requestId,
    });
    expect(rejected).toEqual({
      type: "res",
      id: expect.any(String),
      ok: true,
      payload: { requestId: ask.requestId, deviceId: ask.identity.deviceId },
    });
    await settle();
    expect(admin.session.events.at(-1)?.payload).toMatchObject({
      requestId: ask.requestId,
      decision: "rejected",
    });
    expect(gateway.list().paired.map((d) => d.deviceId)).not.toContain(ask.identity.deviceId);
    expect(
      (await admin.session.request("device.pair.reject", { requestId: ask.requestId })).ok,
    ).toBe(false);
  });

  it("sends pairing events only to sockets holding operator.pairing, with seq from 1 and no gaps", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    const adminByScope = await connectAdminUi(gateway, ["operator.admin"]);
    const reader = await connectHello(gateway, { scopes: ["operator.read"] });
    await pendingAsk(gateway);
    await pendingAsk(gateway);
    await settle();
    // The admin UI also saw the two silent pairings that followed it (resolved events).
    const seqs = admin.session.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_seq, index) => index + 1));
    expect(admin.session.events.map((e) => e.event)).toEqual([
      "device.pair.resolved",
      "device.pair.resolved",
      "device.pair.requested",
      "device.pair.requested",
    ]);
    expect(adminByScope.session.events.map((e) => [e.event, e.seq])).toEqual([
      ["device.pair.resolved", 1],
      ["device.pair.requested", 2],
      ["device.pair.requested", 3],
    ]);
    expect(reader.session.events).toEqual([]);
  });
});
