import { afterEach, describe, expect, it } from "vitest";
import {
  connect,
  connectAdminUi,
  connectHello,
  settle,
  startGateway,
  takeSchemaErrors,
} from "../support/core-harness";
import { assertValidResult } from "../support/frame-schemas";

/** Removal, rotation and revocation close the device's sockets alike (observed). */
const DEVICE_REMOVED = { code: 4001, reason: "device removed" };

afterEach(() => expect(takeSchemaErrors()).toEqual([]));

describe("device.pair.* and device.token.* methods", () => {
  it("needs operator.pairing, answering FORBIDDEN with the missing scope and keeping the socket", async () => {
    const { gateway } = await startGateway();
    const reader = await connectHello(gateway, { scopes: ["operator.read"] });
    expect(await reader.session.request("device.pair.list", {})).toMatchObject({
      ok: false,
      error: {
        code: "FORBIDDEN",
        message: "missing scope: operator.pairing",
        details: {
          code: "MISSING_SCOPE",
          missingScope: "operator.pairing",
          requiredScopes: ["operator.pairing"],
        },
      },
    });
    expect((await reader.session.request("cron.list")).ok).toBe(true);
  });

  it.each([
    [
      "device.pair.approve",
      {},
      "invalid device.pair.approve params: must have required property 'requestId'",
    ],
    [
      "device.pair.reject",
      undefined,
      "invalid device.pair.reject params: must have required property 'requestId'",
    ],
    [
      "device.pair.remove",
      {},
      "invalid device.pair.remove params: must have required property 'deviceId'",
    ],
    [
      "device.pair.rename",
      { deviceId: "d" },
      "invalid device.pair.rename params: must have required property 'label'",
    ],
    [
      "device.token.rotate",
      { deviceId: "d" },
      "invalid device.token.rotate params: must have required property 'role'",
    ],
  ])("%s with params %j → %s", async (method, params, message) => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    expect(await admin.session.request(method, params)).toMatchObject({
      ok: false,
      error: { code: "INVALID_REQUEST", message },
    });
  });

  it("renames and removes a paired device; a removed device is disconnected and must pair again", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    const cron = await connectHello(gateway);
    const { deviceId } = cron.identity;
    expect(
      await admin.session.request("device.pair.rename", { deviceId, label: " Cron box " }),
    ).toMatchObject({
      ok: true,
      payload: { deviceId, label: "Cron box" },
    });
    // Observed: stored as operatorLabel (never `label`) and announced as an empty "changed".
    await settle();
    expect(admin.session.events.at(-1)).toMatchObject({
      event: "device.pair.changed",
      payload: {},
    });
    const list = await admin.session.request("device.pair.list", {});
    if (list.ok) assertValidResult("device.pair.list", list.payload);
    expect(list).toMatchObject({
      ok: true,
      payload: {
        paired: expect.arrayContaining([
          expect.objectContaining({ deviceId, operatorLabel: "Cron box", connected: true }),
        ]),
      },
    });
    expect(JSON.stringify(list)).not.toContain('"label"');
    expect(await admin.session.request("device.pair.remove", { deviceId })).toMatchObject({
      ok: true,
      payload: { deviceId },
    });
    expect(await cron.session.closed).toEqual(DEVICE_REMOVED);
    expect(await admin.session.request("device.pair.remove", { deviceId })).toMatchObject({
      ok: false,
      error: { code: "INVALID_REQUEST", message: "unknown deviceId" },
    });
    await settle();
    expect(gateway.list().paired.map((device) => device.deviceId)).not.toContain(deviceId);
  });

  it("rotates a token: the old one stops working, summaries never carry secrets", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    const cron = await connectHello(gateway);
    const oldToken = cron.hello.auth.deviceToken;
    const rotated = await admin.session.request("device.token.rotate", {
      deviceId: cron.identity.deviceId,
      role: "operator",
    });
    if (!rotated.ok) throw new Error(JSON.stringify(rotated));
    assertValidResult("device.token.rotate", rotated.payload);
    expect(rotated.payload).toMatchObject({
      role: "operator",
      scopes: ["operator.read"],
      tokenDelivery: "withheld-cross-device",
    });
    expect(await cron.session.closed).toEqual(DEVICE_REMOVED);
    const stale = await connect(gateway, {
      identity: cron.identity,
      auth: { deviceToken: oldToken },
    });
    expect(stale).toMatchObject({
      kind: "refused",
      error: { details: { code: "AUTH_DEVICE_TOKEN_MISMATCH" } },
    });
    const device = gateway.list().paired.find((d) => d.deviceId === cron.identity.deviceId);
    expect(device?.tokens).toEqual([
      expect.objectContaining({ role: "operator", rotatedAtMs: expect.any(Number) }),
    ]);
    expect(JSON.stringify(device)).not.toContain('token":');
  });

  // Observed: the refusal is a bare INVALID_REQUEST, never FORBIDDEN / MISSING_SCOPE.
  it("refuses to rotate or revoke a token broader than the caller's scopes, or another role", async () => {
    const { gateway } = await startGateway();
    const ui = await connectAdminUi(gateway);
    const cron = await connectHello(gateway, { scopes: ["operator.read", "operator.write"] });
    const deviceId = cron.identity.deviceId;
    const rotation = {
      ok: false,
      error: { code: "INVALID_REQUEST", message: "device token rotation denied" },
    };
    for (const params of [
      { deviceId, role: "operator" },
      { deviceId, role: "operator", scopes: ["operator.admin"] },
      { deviceId, role: "node" },
    ]) {
      const answer = await ui.session.request("device.token.rotate", params);
      expect(answer).toEqual({ type: "res", id: expect.any(String), ...rotation });
    }
    expect(await ui.session.request("device.token.revoke", { deviceId, role: "operator" })).toEqual(
      {
        type: "res",
        id: expect.any(String),
        ok: false,
        error: { code: "INVALID_REQUEST", message: "device token revocation denied" },
      },
    );
    const admin = await connectAdminUi(gateway, ["operator.pairing", "operator.admin"]);
    const rotated = await admin.session.request("device.token.rotate", {
      deviceId,
      role: "operator",
    });
    // Token scopes are sorted, and write brings read along.
    expect(rotated).toMatchObject({
      ok: true,
      payload: { scopes: ["operator.read", "operator.write"] },
    });
  });

  it("revokes a token: the device is disconnected and its role must be approved again", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    const cron = await connectHello(gateway);
    const { deviceId } = cron.identity;
    const revoked = await admin.session.request("device.token.revoke", {
      deviceId,
      role: "operator",
    });
    expect(revoked).toMatchObject({
      ok: true,
      payload: { deviceId, role: "operator", revokedAtMs: expect.any(Number) },
    });
    expect(await cron.session.closed).toEqual(DEVICE_REMOVED);
    const device = gateway.list().paired.find((d) => d.deviceId === deviceId);
    expect(device?.tokens?.[0]?.revokedAtMs).toEqual(expect.any(Number));
    // Loopback with the shared token re-approves it silently, as a role upgrade.
    expect((await connect(gateway, { identity: cron.identity })).kind).toBe("hello");
    expect(gateway.decisions().at(-1)).toMatchObject({ reason: "role-upgrade", silent: true });
    expect(
      await admin.session.request("device.token.revoke", { deviceId: "nope", role: "operator" }),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID_REQUEST", message: "device token revocation denied" },
    });
  });
});
