import { afterEach, describe, expect, it } from "vitest";
import type { DeviceSession } from "../../mocks/simulator/device-client";
import type { DeviceIdentity } from "../../mocks/simulator/device-identity";
import {
  connectAdminUi,
  connectHello,
  settle,
  startGateway,
  takeSchemaErrors,
} from "../support/core-harness";

// node.pair.* in the mock, by the rules measured on 2026.9.6
// (docs/real-gateway-admin-and-nodes.md §7).

afterEach(() => expect(takeSchemaErrors()).toEqual([]));

type NodeList = {
  pending: { requestId: string; commands: string[]; requiredApproveScopes: string[] }[];
  paired: { nodeId: string; commands: string[] }[];
};

async function list(session: DeviceSession): Promise<NodeList> {
  const answer = await session.request("node.pair.list", {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.payload as NodeList;
}

const node = (commands: string[], identity?: DeviceIdentity) => ({
  client: { id: "node-host", mode: "node", platform: "linux" },
  role: "node",
  scopes: [],
  caps: ["system"],
  commands,
  ...(identity ? { identity } : {}),
});

const nodeEvents = (session: DeviceSession) =>
  session.events
    .filter((frame) => frame.event.startsWith("node.pair."))
    .map((frame) => [frame.event, (frame.payload as { decision?: string }).decision]);

describe("node capability requests", () => {
  it("reuses an unchanged request, supersedes a changed one, and withholds off-platform commands", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway);
    const first = await connectHello(gateway, node(["system.notify"]));
    const [request] = (await list(admin.session)).pending;
    expect(request).toMatchObject({
      commands: ["system.notify"],
      requiredApproveScopes: ["operator.pairing", "operator.write"],
    });
    await connectHello(gateway, node(["system.notify"], first.identity));
    expect((await list(admin.session)).pending.map((r) => r.requestId)).toEqual([
      request?.requestId,
    ]);
    await connectHello(
      gateway,
      node(["system.notify", "system.run", "camera.snap"], first.identity),
    );
    await settle();
    const [next] = (await list(admin.session)).pending;
    expect(next?.requestId).not.toBe(request?.requestId);
    expect(next).toMatchObject({
      commands: ["system.notify", "system.run"],
      requiredApproveScopes: ["operator.pairing", "operator.admin"],
    });
    expect(nodeEvents(admin.session)).toEqual([
      ["node.pair.requested", undefined],
      ["node.pair.resolved", "rejected"],
      ["node.pair.requested", undefined],
    ]);
  });

  it("refuses an approval without the command's scope, then a narrower reconnect needs nothing", async () => {
    const { gateway } = await startGateway();
    const pairing = await connectAdminUi(gateway);
    const writer = await connectAdminUi(gateway, [
      "operator.read",
      "operator.pairing",
      "operator.write",
    ]);
    const box = await connectHello(gateway, node(["system.notify", "fs.listDir"]));
    const [request] = (await list(pairing.session)).pending;
    expect(
      await writer.session.request("node.pair.approve", { requestId: request?.requestId }),
    ).toMatchObject({
      ok: false,
      error: {
        code: "FORBIDDEN",
        message: "missing scope: operator.admin",
        details: {
          missingScope: "operator.admin",
          requiredScopes: ["operator.pairing", "operator.admin"],
        },
      },
    });
    const admin = await connectAdminUi(gateway, ["operator.admin"]);
    expect(
      (await admin.session.request("node.pair.approve", { requestId: request?.requestId })).ok,
    ).toBe(true);
    expect(
      await admin.session.request("node.pair.approve", { requestId: request?.requestId }),
    ).toMatchObject({
      ok: false,
      error: { message: "unknown requestId" },
    });
    await connectHello(gateway, node(["system.notify"], box.identity));
    const after = await list(pairing.session);
    expect(after.pending).toEqual([]);
    expect(after.paired.map((n) => n.commands)).toEqual([["system.notify", "fs.listDir"]]);
  });

  it("removes a node-only device and answers unknown nodeId again", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway, ["operator.admin"]);
    const box = await connectHello(gateway, node([]));
    const [request] = (await list(admin.session)).pending;
    await admin.session.request("node.pair.approve", { requestId: request?.requestId });
    const nodeId = box.identity.deviceId;
    expect(await admin.session.request("node.pair.remove", { nodeId })).toMatchObject({
      ok: true,
      payload: { nodeId },
    });
    expect(await admin.session.request("node.pair.remove", { nodeId })).toMatchObject({
      ok: false,
      error: { message: "unknown nodeId" },
    });
    expect(gateway.list().paired.map((d) => d.deviceId)).not.toContain(nodeId);
  });

  it("renames an approved node, trimmed; refuses blank names, unknown nodes and other devices' callers", async () => {
    const { gateway } = await startGateway();
    const admin = await connectAdminUi(gateway, ["operator.admin"]);
    const box = await connectHello(gateway, node([]));
    const nodeId = box.identity.deviceId;
    const rename = (session: DeviceSession, displayName: string) =>
      session.request("node.rename", { nodeId, displayName });
    const refused = (message: string) => ({
      ok: false,
      error: { code: "INVALID_REQUEST", message },
    });
    // No approved surface yet.
    expect(await rename(admin.session, "Rack")).toMatchObject(refused("unknown nodeId"));
    const [request] = (await list(admin.session)).pending;
    await admin.session.request("node.pair.approve", { requestId: request?.requestId });
    expect(await rename(admin.session, "  Rack 7 ")).toMatchObject({
      ok: true,
      payload: { nodeId, displayName: "Rack 7" },
    });
    expect((await list(admin.session)).paired).toEqual([
      expect.objectContaining({ nodeId, displayName: "Rack 7" }),
    ]);
    expect(await rename(admin.session, "   ")).toMatchObject(refused("displayName required"));
    expect(await admin.session.request("node.rename", { nodeId })).toMatchObject(
      refused("invalid node.rename params: must have required property 'displayName'"),
    );
    // A non-admin operator signed in with its own device token manages only its own device.
    const cli = await connectHello(gateway, { scopes: ["operator.read", "operator.pairing"] });
    const own = await connectHello(gateway, {
      identity: cli.identity,
      scopes: ["operator.read", "operator.pairing"],
      auth: { deviceToken: cli.hello.auth.deviceToken },
    });
    expect(await rename(own.session, "Mine")).toMatchObject(refused("node rename denied"));
  });
});
