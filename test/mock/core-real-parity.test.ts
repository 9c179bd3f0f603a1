import { afterEach, describe, expect, it } from "vitest";
import {
  BROWSER_ORIGIN,
  connect,
  connectAdminUi,
  connectHello,
  CONTROL_UI,
  LOOPBACK,
  openTransport,
  startGateway,
  takeSchemaErrors,
  withOrigin,
} from "../support/core-harness";

// Behaviour seen on the real openclaw@2026.9.6 gateway (docs/real-gateway-observations.md and
// its code) that the differential scenarios do not reach on their own.

afterEach(() => expect(takeSchemaErrors()).toEqual([]));

const ADMIN = ["operator.read", "operator.pairing", "operator.admin"];
const LAN_PHONE = {
  remoteAddress: "192.168.1.20",
  headers: { host: "192.168.1.10:18789" },
};

async function pendingFrom(gateway: Awaited<ReturnType<typeof startGateway>>["gateway"]) {
  const asked = await connect(gateway, {
    scopes: ["operator.read", "operator.write"],
    facts: withOrigin(LOOPBACK, BROWSER_ORIGIN),
  });
  if (asked.kind !== "refused") throw new Error("expected a pending request");
  return (asked.error.details as { requestId: string }).requestId;
}

describe("parity with the real gateway", () => {
  it("stores a node host's Node.js platform name as the product name with a device family", async () => {
    const { gateway } = await startGateway();
    const mac = await connectHello(gateway, {
      client: { id: "node-host", mode: "node", platform: "darwin" },
    });
    const linux = await connectHello(gateway);
    const cli = await connectHello(gateway, {
      client: { id: "cli", mode: "cli", platform: "linux" },
    });
    const byId = (id: string) => gateway.list().paired.find((d) => d.deviceId === id);
    expect(byId(mac.identity.deviceId)).toMatchObject({ platform: "macos", deviceFamily: "Mac" });
    expect(byId(linux.identity.deviceId)).toMatchObject({
      platform: "linux",
      deviceFamily: "Linux",
    });
    expect(byId(cli.identity.deviceId)?.deviceFamily).toBeUndefined();
  });

  it("records remoteIp for a LAN peer only, and never the browser origin", async () => {
    const { gateway } = await startGateway();
    await connect(gateway, {
      client: { id: "openclaw-ios", mode: "ui", platform: "ios", deviceFamily: "iPhone" },
      facts: LAN_PHONE,
    });
    await pendingFrom(gateway);
    const pending = gateway.list().pending;
    const lan = pending.find((request) => request.clientId === "openclaw-ios");
    const loopback = pending.find((request) => request.clientId === "node-host");
    expect(lan).toMatchObject({ remoteIp: "192.168.1.20" });
    expect(loopback).toBeDefined();
    expect(loopback).not.toHaveProperty("remoteIp");
    expect(JSON.stringify(gateway.list())).not.toContain("browserOrigin");
  });

  it("answers a device token asking beyond its scopes with AUTH_SCOPE_MISMATCH, no request", async () => {
    const { gateway } = await startGateway();
    const reader = await connectHello(gateway);
    const outcome = await connect(gateway, {
      identity: reader.identity,
      scopes: ["operator.read", "operator.write"],
      auth: { deviceToken: reader.hello.auth.deviceToken },
    });
    expect(outcome).toMatchObject({
      kind: "refused",
      error: {
        code: "INVALID_REQUEST",
        message: "unauthorized: device token scope mismatch (re-pair or approve scope upgrade)",
        details: {
          code: "AUTH_SCOPE_MISMATCH",
          authReason: "scope_mismatch",
          canRetryWithDeviceToken: false,
          recommendedNextStep: "review_auth_configuration",
        },
      },
      close: { code: 1008 },
    });
    expect(gateway.list().pending).toEqual([]);
  });

  it("tells a device with the wrong shared token it may retry with its device token", async () => {
    const { gateway } = await startGateway();
    const outcome = await connect(gateway, { auth: { token: "wrong" } });
    expect(outcome).toMatchObject({
      error: {
        details: { canRetryWithDeviceToken: true, recommendedNextStep: "retry_with_device_token" },
      },
    });
  });

  it.each([
    [
      "device.pair.approve",
      { extra: 1 },
      "invalid device.pair.approve params: must have required property 'requestId'; at root: unexpected property 'extra'",
    ],
    [
      "device.pair.approve",
      { requestId: 5 },
      "invalid device.pair.approve params: at /requestId: must be string",
    ],
    ["device.pair.approve", [], "invalid device.pair.approve params: must be object"],
    [
      "device.pair.list",
      { extra: 1 },
      "invalid device.pair.list params: at root: unexpected property 'extra'",
    ],
    [
      "device.pair.rename",
      { deviceId: "d", label: "x".repeat(65) },
      "invalid device.pair.rename params: at /label: must not have more than 64 characters",
    ],
    [
      "device.pair.rename",
      { deviceId: "d", label: "" },
      "invalid device.pair.rename params: at /label: must not have fewer than 1 characters",
    ],
    ["device.pair.rename", { deviceId: "d", label: "  " }, "label required"],
  ])("words %s %j like the real schema check", async (method, params, message) => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway, ADMIN);
    expect(await admin.session.request(method, params)).toMatchObject({
      ok: false,
      error: { code: "INVALID_REQUEST", message },
    });
  });

  it("lets an approver grant only scopes it holds itself, and only an admin grant a node role", async () => {
    const { gateway } = await startGateway();
    const ui = await connectAdminUi(gateway);
    const requestId = await pendingFrom(gateway);
    expect(await ui.session.request("device.pair.approve", { requestId })).toMatchObject({
      ok: false,
      error: { code: "INVALID_REQUEST", message: "missing scope: operator.write" },
    });
    const node = await connect(gateway, {
      role: "node",
      scopes: [],
      facts: withOrigin(LOOPBACK, BROWSER_ORIGIN),
    });
    const nodeRequest = (node.kind === "refused" ? node.error.details : {}) as {
      requestId: string;
    };
    expect(
      await ui.session.request("device.pair.approve", { requestId: nodeRequest.requestId }),
    ).toMatchObject({ ok: false, error: { message: "device pairing approval denied" } });
    const admin = await connectAdminUi(gateway, ADMIN);
    expect((await admin.session.request("device.pair.approve", { requestId })).ok).toBe(true);
    const approved = gateway.list().paired.find((d) => d.scopes.includes("operator.write"));
    // Token scopes are sorted (write brings read) while the approval keeps the asked order.
    expect(approved?.tokens?.[0]?.scopes).toEqual(["operator.read", "operator.write"]);
  });

  it("shows a non-admin device-token caller only its own device", async () => {
    const { gateway } = await startGateway();
    const ui = await connectAdminUi(gateway);
    await connectHello(gateway);
    const facts = withOrigin(
      { remoteAddress: "127.0.0.1", headers: { host: "localhost:18789" } },
      BROWSER_ORIGIN,
    );
    const again = await connectHello(gateway, {
      identity: ui.identity,
      client: CONTROL_UI,
      scopes: ["operator.read", "operator.pairing"],
      auth: { deviceToken: ui.hello.auth.deviceToken },
      facts,
    });
    const list = await again.session.request("device.pair.list", {});
    expect(list).toMatchObject({ ok: true });
    const payload = (list.ok ? list.payload : {}) as { paired: { deviceId: string }[] };
    expect(payload.paired.map((d) => d.deviceId)).toEqual([ui.identity.deviceId]);
  });

  it("advertises capabilities in the challenge, which carries no seq", async () => {
    const { gateway } = await startGateway();
    const transport = await openTransport(gateway);
    const first = await new Promise<string>((resolve) => transport.onMessage(resolve));
    expect(JSON.parse(first)).toEqual({
      type: "event",
      event: "connect.challenge",
      payload: {
        nonce: expect.any(String),
        ts: expect.any(Number),
        capabilities: ["model-catalog-snapshot"],
      },
    });
    transport.close();
  });
});

describe("silent pairings superseded by a newer one (from the real gateway's code)", () => {
  it("retires the same client's older silent pairings after a minute, not connected ones", async () => {
    const { gateway, clock } = await startGateway();
    const cron = { id: "node-host", mode: "node", platform: "linux", displayName: "cron" };
    const old = await connectHello(gateway, { client: cron });
    old.session.close();
    const stillOpen = await connectHello(gateway, { client: cron });
    const otherName = await connectHello(gateway, { client: { ...cron, displayName: "backup" } });
    otherName.session.close();
    clock.advance(30_000);
    const recent = await connectHello(gateway, { client: cron });
    recent.session.close();
    clock.advance(31_000);
    const newest = await connectHello(gateway, { client: cron });
    const ids = gateway.list().paired.map((device) => device.deviceId);
    // The first is over a minute old and closed: retired. The open one, the recent one and
    // the one with another name stay; no event announces the retirement.
    expect(ids).not.toContain(old.identity.deviceId);
    for (const kept of [stillOpen, otherName, recent, newest]) {
      expect(ids).toContain(kept.identity.deviceId);
    }
  });

  it("retires a silent pairing that took the client's name on a later connect", async () => {
    const { gateway, clock } = await startGateway();
    const cron = { id: "node-host", mode: "node", platform: "linux", displayName: "cron" };
    const renamed = await connectHello(gateway, { client: { ...cron, displayName: "old-cron" } });
    renamed.session.close();
    clock.advance(61_000);
    const again = await connectHello(gateway, { client: cron, identity: renamed.identity });
    again.session.close();
    clock.advance(61_000);
    await connectHello(gateway, { client: cron });
    const ids = gateway.list().paired.map((device) => device.deviceId);
    expect(ids).not.toContain(renamed.identity.deviceId);
  });
});
