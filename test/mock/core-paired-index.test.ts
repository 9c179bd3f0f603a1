import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clusterKey, PairedTable } from "../../mocks/core/paired-table";
import type { StoredPairedDevice } from "../../mocks/core/types";

// The cluster index must answer exactly what a scan of every paired device would, through
// every write the gateway makes: add, replace, delete, clear and a rename in place.

const IDS = ["dev-a", "dev-b", "dev-c", "dev-d"];
const NAMES = [undefined, "cron", " Cron ", "backup", ""];

const record = (deviceId: string, displayName: string | undefined, clientId = "node-host") =>
  ({
    deviceId,
    publicKey: `key-${deviceId}`,
    clientId,
    clientMode: "node",
    role: "operator",
    ...(displayName === undefined ? {} : { displayName }),
  }) as StoredPairedDevice;

const write = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    id: fc.constantFrom(...IDS),
    name: fc.constantFrom(...NAMES),
    clientId: fc.constantFrom("node-host", "cli"),
  }),
  fc.record({
    kind: fc.constant("rename" as const),
    id: fc.constantFrom(...IDS),
    name: fc.constantFrom(...NAMES),
  }),
  fc.record({ kind: fc.constant("delete" as const), id: fc.constantFrom(...IDS) }),
  fc.record({ kind: fc.constant("clear" as const) }),
);

describe("paired devices' cluster index", () => {
  it("finds the same devices by cluster key as a scan of every paired device", () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), (writes) => {
        const table = new PairedTable();
        for (const step of writes) {
          if (step.kind === "set") table.set(step.id, record(step.id, step.name, step.clientId));
          if (step.kind === "delete") table.delete(step.id);
          if (step.kind === "clear") table.clear();
          if (step.kind === "rename") {
            // The gateway renames a record in place, then sets it again.
            const device = table.get(step.id);
            if (device && step.name !== undefined) device.displayName = step.name;
            if (device) table.set(step.id, device);
          }
          for (const name of NAMES) {
            for (const clientId of ["node-host", "cli"]) {
              const key = clusterKey(record("probe", name, clientId));
              if (key === undefined) continue;
              const scanned = [...table.values()].filter((d) => clusterKey(d) === key);
              const indexed = table.withClusterKey(key);
              expect(new Set(indexed.map((d) => d.deviceId))).toEqual(
                new Set(scanned.map((d) => d.deviceId)),
              );
            }
          }
        }
      }),
    );
  });

  it("keeps Map order: replacing a device leaves it where it was", () => {
    const table = new PairedTable();
    for (const id of IDS) table.set(id, record(id, "cron"));
    table.set("dev-a", record("dev-a", "backup"));
    expect([...table.keys()]).toEqual(IDS);
  });
});
