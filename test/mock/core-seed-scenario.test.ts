import { afterEach, describe, expect, it } from "vitest";
import {
  BROWSER_ORIGIN,
  connect,
  connectAdminUi,
  connectHello,
  LOOPBACK,
  settle,
  startGateway,
  takeSchemaErrors,
  withOrigin,
} from "../support/core-harness";
import { assertValidResult } from "../support/frame-schemas";

afterEach(() => expect(takeSchemaErrors()).toEqual([]));

// The seed (spec background): a node-host cron client on loopback with the shared token.
/** A cron job as the protocol's cron.add schema has it. */
const NIGHTLY = {
  name: "nightly",
  schedule: { kind: "every", everyMs: 86_400_000 },
  sessionTarget: "main",
  wakeMode: "now",
  payload: { kind: "systemEvent", text: "nightly" },
};

describe("seed scenario: node-host cron on loopback asks for more scopes", () => {
  it("reads with operator.read, is told which scope is missing, upgrades after approval", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    const owner = await connectAdminUi(gateway, [
      "operator.read",
      "operator.pairing",
      "operator.admin",
    ]);
    const reader = await connectHello(gateway, { scopes: ["operator.read"] });
    const { identity } = reader;

    expect((await reader.session.request("cron.list")).ok).toBe(true);
    const add = await reader.session.request("cron.add", NIGHTLY);
    expect(add).toMatchObject({
      ok: false,
      error: {
        code: "FORBIDDEN",
        message: "missing scope: operator.admin",
        details: {
          code: "MISSING_SCOPE",
          missingScope: "operator.admin",
          requiredScopes: ["operator.admin"],
        },
      },
    });
    // The socket stays open after FORBIDDEN.
    expect((await reader.session.request("cron.status")).ok).toBe(true);

    // With a browser Origin the same ask is not silent: a pending scope-upgrade.
    const upgrade = await connect(gateway, {
      identity,
      scopes: ["operator.read", "operator.admin"],
      facts: withOrigin(LOOPBACK, BROWSER_ORIGIN),
    });
    if (upgrade.kind !== "refused") throw new Error("expected a pairing refusal");
    const requestId = (upgrade.error.details as { requestId: string }).requestId;
    expect(upgrade.error).toEqual({
      code: "NOT_PAIRED",
      message: "pairing required: device is asking for more scopes than currently approved",
      details: {
        code: "PAIRING_REQUIRED",
        reason: "scope-upgrade",
        requestId,
        remediationHint: "Review the requested scopes, then approve the pending upgrade.",
        deviceId: identity.deviceId,
        requestedRole: "operator",
        requestedScopes: ["operator.read", "operator.admin"],
        approvedRoles: ["operator"],
        approvedScopes: ["operator.read"],
      },
    });
    const reason = `pairing required: device is asking for more scopes than currently approved (requestId: ${requestId})`;
    // Observed: the gateway cuts close reasons at 120 bytes, in the middle of the requestId.
    expect(upgrade.close).toEqual({ code: 1008, reason: reason.slice(0, 120) });
    expect(new TextEncoder().encode(upgrade.close?.reason).length).toBeLessThanOrEqual(120);

    await settle();
    const requested = admin.session.events.find((event) => event.event === "device.pair.requested");
    expect(requested?.payload).toMatchObject({
      requestId,
      deviceId: identity.deviceId,
      scopes: ["operator.read", "operator.admin"],
      isRepair: true,
      silent: false,
    });

    // While the upgrade waits, the device still connects with what it has.
    expect((await connect(gateway, { identity, scopes: ["operator.read"] })).kind).toBe("hello");

    const list = await admin.session.request("device.pair.list");
    if (!list.ok) throw new Error("list failed");
    assertValidResult("device.pair.list", list.payload);
    expect(
      (list.payload as { pending: { requestId: string }[] }).pending.map((p) => p.requestId),
    ).toEqual([requestId]);

    // Loopback requests carry no browserOrigin and no remoteIp (observed).
    expect(requested?.payload).not.toHaveProperty("browserOrigin");
    expect(requested?.payload).not.toHaveProperty("remoteIp");

    // An approver must hold every scope it grants (observed): the pairing-only UI cannot.
    expect(await admin.session.request("device.pair.approve", { requestId })).toMatchObject({
      ok: false,
      error: { code: "INVALID_REQUEST", message: "missing scope: operator.admin" },
    });
    const approved = await owner.session.request("device.pair.approve", { requestId });
    expect(approved).toMatchObject({
      ok: true,
      payload: {
        requestId,
        device: {
          deviceId: identity.deviceId,
          approvedVia: "owner",
          scopes: ["operator.read", "operator.admin"],
        },
      },
    });
    await settle();
    expect(admin.session.events.at(-1)).toMatchObject({
      event: "device.pair.resolved",
      payload: { requestId, deviceId: identity.deviceId, decision: "approved" },
    });

    const upgraded = await connectHello(gateway, {
      identity,
      scopes: ["operator.read", "operator.admin"],
    });
    expect(upgraded.hello.auth.scopes).toEqual(["operator.read", "operator.admin"]);
    expect(await upgraded.session.request("cron.add", NIGHTLY)).toMatchObject({
      ok: true,
      payload: { name: "nightly" },
    });
    expect((await owner.session.request("device.pair.approve", { requestId })).ok).toBe(false);
  });

  it("approves the same upgrade silently on loopback with the token and no Origin", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    const reader = await connectHello(gateway, { scopes: ["operator.read"] });
    const upgraded = await connect(gateway, {
      identity: reader.identity,
      scopes: ["operator.read", "operator.admin"],
    });
    expect(upgraded.kind).toBe("hello");
    await settle();
    // Silent approvals announce only the resolution (as the real gateway does).
    const names = admin.session.events.map((event) => event.event);
    expect(names.at(-1)).toBe("device.pair.resolved");
    expect(names).not.toContain("device.pair.requested");
    expect(admin.session.events.at(-1)?.payload).toMatchObject({
      deviceId: reader.identity.deviceId,
      decision: "approved",
    });
    expect(gateway.decisions().at(-1)).toMatchObject({
      locality: "direct_local",
      reason: "scope-upgrade",
      silent: true,
      outcome: "hello",
    });
  });
});
