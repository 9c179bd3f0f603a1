import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStateStore } from "../../mocks/core/memory-store";
import type { PersistedState } from "../../mocks/core/types";
import { createFileStateStore, PAIRED_FILE, PENDING_FILE } from "../../mocks/node/file-store";
import {
  connect,
  connectAdminUi,
  connectHello,
  startGateway,
  takeSchemaErrors,
} from "../support/core-harness";

afterEach(() => expect(takeSchemaErrors()).toEqual([]));

const REMOTE = { remoteAddress: "10.0.0.7", headers: { host: "gw.lan:18789" } };

async function pendingAsk(gateway: Awaited<ReturnType<typeof startGateway>>["gateway"]) {
  const result = await connect(gateway, { facts: REMOTE });
  if (result.kind !== "refused") throw new Error("expected a pending request");
  return {
    identity: result.identity,
    requestId: (result.error.details as { requestId: string }).requestId,
  };
}

describe("persistence", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("keeps pending requests and paired devices through the requester closing and a restart", async () => {
    const store = createMemoryStateStore();
    const { gateway } = await startGateway({}, store);
    const paired = await connectHello(gateway);
    const ask = await pendingAsk(gateway);
    await gateway.flush();
    const admin = await connectAdminUi(gateway);
    await gateway.restart();
    expect((await admin.session.closed).code).toBe(1012);
    expect(gateway.list().pending.map((p) => p.requestId)).toEqual([ask.requestId]);
    // A fresh gateway on the same store sees the same state.
    const { gateway: reborn } = await startGateway({}, store);
    expect(reborn.list().pending.map((p) => p.requestId)).toEqual([ask.requestId]);
    expect(reborn.list().paired.map((d) => d.deviceId)).toContain(paired.identity.deviceId);
    // The device token issued before the restart still works.
    const again = await connect(reborn, {
      identity: paired.identity,
      auth: { deviceToken: paired.hello.auth.deviceToken },
    });
    expect(again.kind).toBe("hello");
    const newAdmin = await connectAdminUi(reborn);
    expect(
      (await newAdmin.session.request("device.pair.approve", { requestId: ask.requestId })).ok,
    ).toBe(true);
  });

  it("reset forgets every device and request and persists that", async () => {
    const store = createMemoryStateStore();
    const { gateway } = await startGateway({}, store);
    await connectHello(gateway);
    await pendingAsk(gateway);
    await gateway.reset();
    expect(gateway.list()).toEqual({ pending: [], paired: [] });
    expect(store.current()).toEqual({ pending: [], paired: [] });
  });

  it("writes pending.json and paired.json as pretty JSON in the state folder, no secrets in pending", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pairdesk-state-"));
    dirs.push(dir);
    const { gateway } = await startGateway({}, createFileStateStore(dir));
    const paired = await connectHello(gateway);
    const ask = await pendingAsk(gateway);
    await gateway.flush();
    const pendingText = await readFile(join(dir, PENDING_FILE), "utf8");
    const pairedText = await readFile(join(dir, PAIRED_FILE), "utf8");
    expect(pendingText).toContain('\n  {\n    "requestId"');
    expect(JSON.parse(pendingText)).toEqual([
      expect.objectContaining({ requestId: ask.requestId }),
    ]);
    expect(JSON.parse(pairedText)).toEqual([
      expect.objectContaining({ deviceId: paired.identity.deviceId }),
    ]);
    expect((await readdir(dir)).sort()).toEqual([PAIRED_FILE, PENDING_FILE]);
    const { gateway: reborn } = await startGateway({}, createFileStateStore(dir));
    expect(reborn.list().pending.map((p) => p.requestId)).toEqual([ask.requestId]);
  });

  it("keeps the previous file whole when a write is interrupted, and serialises saves", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pairdesk-state-"));
    dirs.push(dir);
    const store = createFileStateStore(dir);
    const first: PersistedState = { pending: [], paired: [] };
    await store.save(first);
    // A crash mid-write leaves only a partial temp file behind; the real file is untouched.
    await writeFile(join(dir, `${PENDING_FILE}.999.1.tmp`), '[{"requestId": "half', "utf8");
    expect(await store.load()).toEqual(first);
    const states = Array.from({ length: 20 }, (_, index) => ({
      pending: [],
      paired: [{ deviceId: `d${index}` } as unknown as PersistedState["paired"][number]],
    }));
    await Promise.all(states.map((state) => store.save(state)));
    expect(await store.load()).toEqual(states.at(-1));
    expect(JSON.parse(await readFile(join(dir, PAIRED_FILE), "utf8"))).toEqual(
      states.at(-1)?.paired,
    );
  });
});
