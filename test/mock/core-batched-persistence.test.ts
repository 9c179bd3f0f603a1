import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryStateStore } from "../../mocks/core/memory-store";
import { GatewayState } from "../../mocks/core/state";
import type { PersistedState, StateStore, StoredPairedDevice } from "../../mocks/core/types";
import { createFileStateStore, PAIRED_FILE, PENDING_FILE } from "../../mocks/node/file-store";
import { connect, connectHello, startGateway, takeSchemaErrors } from "../support/core-harness";

// Saves are batched (one per turn, never two at once) and `flush` writes what is waiting, so a
// clean close loses nothing and a restart reads back everything.

afterEach(() => expect(takeSchemaErrors()).toEqual([]));

const REMOTE = { remoteAddress: "10.0.0.7", headers: { host: "gw.lan:18789" } };

function device(deviceId: string): StoredPairedDevice {
  return {
    deviceId,
    publicKey: `key-${deviceId}`,
    clientId: "openclaw-ios",
    clientMode: "ui",
    role: "operator",
    roles: ["operator"],
    scopes: ["operator.read"],
    tokenSecrets: [],
  } as unknown as StoredPairedDevice;
}

/** A store whose saves finish only when the test says so, recording what each one held. */
function slowStore() {
  const saves: { state: PersistedState; finish: () => void }[] = [];
  let running = 0;
  let overlapped = false;
  const store: StateStore = {
    load: () => Promise.resolve(undefined),
    save(state) {
      running += 1;
      if (running > 1) overlapped = true;
      return new Promise<void>((resolve) => {
        saves.push({ state, finish: () => ((running -= 1), resolve()) });
      });
    },
  };
  return { store, saves, overlapped: () => overlapped };
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("batched persistence", () => {
  it("turns many changes in one turn into one save holding the last of them", async () => {
    const store = createMemoryStateStore();
    const state = new GatewayState(store, () => 0);
    const done: Promise<void>[] = [];
    for (let index = 0; index < 100; index += 1) {
      state.paired.set(`d${index}`, device(`d${index}`));
      done.push(state.persist());
    }
    expect(store.saveCount()).toBe(0);
    await Promise.all(done);
    expect(store.saveCount()).toBe(1);
    expect(store.current()?.paired).toHaveLength(100);
  });

  it("never runs two saves at once, and a change made during a save goes into the next", async () => {
    const slow = slowStore();
    const state = new GatewayState(slow.store, () => 0);
    state.paired.set("d1", device("d1"));
    const first = state.persist();
    await vi.waitFor(() => expect(slow.saves).toHaveLength(1));
    state.paired.set("d2", device("d2"));
    const second = state.persist();
    await nextTurn();
    expect(slow.saves).toHaveLength(1);
    slow.saves[0]?.finish();
    await first;
    const flushed = state.flush();
    await vi.waitFor(() => expect(slow.saves).toHaveLength(2));
    slow.saves[1]?.finish();
    await Promise.all([second, flushed]);
    expect(slow.saves.map((save) => save.state.paired.map((d) => d.deviceId))).toEqual([
      ["d1"],
      ["d1", "d2"],
    ]);
    expect(slow.overlapped()).toBe(false);
  });

  it("writes a waiting change on flush without waiting for the scheduled save", async () => {
    // With timers frozen the scheduled save never comes: only flush itself can write.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const store = createMemoryStateStore();
      const state = new GatewayState(store, () => 0);
      state.paired.set("d1", device("d1"));
      void state.persist();
      await state.flush();
      expect(store.current()?.paired.map((d) => d.deviceId)).toEqual(["d1"]);
      // Nothing waiting: flush resolves without another save.
      await state.flush();
      expect(store.saveCount()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("saves a copy: changes after the save do not reach what was written", async () => {
    const store = createMemoryStateStore();
    const state = new GatewayState(store, () => 0);
    const record = device("d1");
    state.paired.set("d1", record);
    void state.persist();
    await state.flush();
    record.scopes.push("operator.admin");
    expect(store.current()?.paired[0]?.scopes).toEqual(["operator.read"]);
  });

  it("reports a failed save and keeps saving later changes", async () => {
    const failing = createMemoryStateStore();
    const save = failing.save.bind(failing);
    let failures = 1;
    failing.save = (state) =>
      failures-- > 0 ? Promise.reject(new Error("disk full")) : save(state);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const state = new GatewayState(failing, () => 0);
      state.paired.set("d1", device("d1"));
      await state.persist();
      expect(errors).toHaveBeenCalledWith("mock gateway: save failed", expect.any(Error));
      state.paired.set("d2", device("d2"));
      await state.persist();
      expect(failing.current()?.paired.map((d) => d.deviceId)).toEqual(["d1", "d2"]);
    } finally {
      errors.mockRestore();
    }
  });
});

describe("a clean close and a restart on the state folder", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("reads back every pending request, in the same order, and every paired device", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pairdesk-batched-"));
    dirs.push(dir);
    const { gateway, clock } = await startGateway({}, createFileStateStore(dir));
    const paired = await connectHello(gateway);
    const requestIds: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      if (index % 2 === 0) clock.advance(1000);
      const result = await connect(gateway, { facts: REMOTE });
      if (result.kind !== "refused") throw new Error("expected a pending request");
      requestIds.push((result.error.details as { requestId: string }).requestId);
    }
    const before = gateway.list();
    // Newest first; two requests with the same ts stay in arrival order.
    const [r0, r1, r2, r3, r4, r5] = requestIds;
    expect(before.pending.map((p) => p.requestId)).toEqual([r4, r5, r2, r3, r0, r1]);
    await gateway.flush();
    for (const file of [PENDING_FILE, PAIRED_FILE]) {
      const text = await readFile(join(dir, file), "utf8");
      expect(() => JSON.parse(text) as unknown).not.toThrow();
    }

    const { gateway: reborn } = await startGateway({}, createFileStateStore(dir), clock);
    expect(reborn.list().pending).toEqual(before.pending);
    expect(reborn.list().paired.map((d) => d.deviceId)).toEqual([paired.identity.deviceId]);
  });

  it("keeps the files whole JSON while saves follow each other", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pairdesk-batched-"));
    dirs.push(dir);
    const { gateway } = await startGateway({}, createFileStateStore(dir));
    for (let index = 0; index < 8; index += 1) {
      await connect(gateway, { facts: REMOTE });
      const text = await readFile(join(dir, PENDING_FILE), "utf8").catch(() => "[]");
      expect(Array.isArray(JSON.parse(text))).toBe(true);
    }
    await gateway.flush();
    const saved = JSON.parse(await readFile(join(dir, PENDING_FILE), "utf8")) as unknown[];
    expect(saved).toHaveLength(8);
  });
});
