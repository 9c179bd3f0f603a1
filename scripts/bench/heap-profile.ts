import { setTimeout as sleep } from "node:timers/promises";
import { launchChromium } from "../../test/e2e/support/chromium";
import { EVENTS } from "../../src/protocol";
import { startBenchGateway } from "./bench-gateway";
import { buildAndServe } from "./build-and-serve";
import { pendingRequest, rejected } from "./fixtures";
import { MEMORY_WARMUP_ROUNDS } from "./live-benches";
import { setPerEventProbe } from "./page-probe";
import {
  connectTab,
  heapAfterGc,
  openBenchTab,
  waitForPendingCount,
  type BenchTab,
} from "./session";

// What stays on the heap after many requested/resolved events: heap snapshots before and
// after (unminified build, so constructor names read), the growth summed per constructor
// name and, for strings, per leading text. Diagnosis only (`npx tsx scripts/bench/heap-profile.ts`).

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
};

async function summary(tab: BenchTab): Promise<Map<string, { count: number; bytes: number }>> {
  await heapAfterGc(tab);
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  tab.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  await tab.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  tab.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  const data = JSON.parse(chunks.join("")) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const types = data.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
  const totals = new Map<string, { count: number; bytes: number }>();
  for (let at = 0; at < data.nodes.length; at += width) {
    const type = types[data.nodes[at + (typeAt ?? 0)] ?? 0] ?? "";
    const name = data.strings[data.nodes[at + (nameAt ?? 1)] ?? 0] ?? "";
    const key = type === "string" ? `string "${name.slice(0, 12)}…"` : `${type} ${name}`;
    const entry = totals.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += data.nodes[at + (sizeAt ?? 3)] ?? 0;
    totals.set(key, entry);
  }
  return totals;
}

async function main() {
  const rounds = Number(process.argv[2] ?? 10);
  const served = await buildAndServe({ minify: false });
  const browser = await launchChromium();
  const gateway = await startBenchGateway();
  try {
    const tab = await openBenchTab(browser);
    await connectTab(tab, served.url, gateway);
    // As the memory budget is measured: the probe's own per-event records off, warm-up rounds
    // (argv[4], as many as the bench by default) before the first snapshot.
    await setPerEventProbe(tab, false);
    const round = async (name: string) => {
      const now = Date.now();
      const requests = Array.from({ length: 1000 }, (_, i) => pendingRequest(name, i, now));
      gateway.inject(requests.map((payload) => ({ event: EVENTS.pairRequested, payload })));
      await waitForPendingCount(tab, 1000);
      const resolved = requests.map((request) => rejected(request, Date.now()));
      gateway.inject(resolved.map((payload) => ({ event: EVENTS.pairResolved, payload })));
      await waitForPendingCount(tab, 0);
    };
    const warmups = Number(process.argv[4] ?? MEMORY_WARMUP_ROUNDS);
    for (let index = 0; index < warmups; index += 1) await round(`warmup${index}`);
    await sleep(2000);
    const before = await summary(tab);
    for (let index = 0; index < rounds; index += 1) await round(`heap${index}`);
    await sleep(Number(process.argv[3] ?? 2000));
    const after = await summary(tab);
    const growth = [...after]
      .map(([key, value]) => {
        const was = before.get(key) ?? { count: 0, bytes: 0 };
        return { key, count: value.count - was.count, bytes: value.bytes - was.bytes };
      })
      .sort((a, b) => b.bytes - a.bytes);
    const sum = (map: typeof after) => [...map.values()].reduce((total, v) => total + v.bytes, 0);
    console.log(`snapshot total ${sum(before)} → ${sum(after)} bytes`);
    console.log(`heap growth after ${rounds * 2000} events, top 30 (bytes, objects):`);
    for (const row of growth.slice(0, 30))
      console.log(
        `  ${String(row.bytes).padStart(10)}  ${String(row.count).padStart(7)}  ${row.key}`,
      );
  } finally {
    await browser.close();
    await gateway.close();
    await served.close();
  }
}

void main();
