import { CLIENTS, payloadOf, Probe, requestIdOf, SCOPE, sessionOf, sleep } from "./lib/probe-kit";

// Issue #14, question 6: does anything announce that a device-pairing request expired (5 min
// after its last refresh), and what do approve/reject answer afterwards? Takes about 7 min.
// Run: npx tsx scripts/probes/pending-expiry.ts

const POLL_MS = 15_000;

await Probe.run("pending request expiry", async (p) => {
  const origin = { origin: `http://127.0.0.1:${p.gateway.port}` };
  const watcher = sessionOf(
    await p.connect("watcher", {
      client: CLIENTS.controlUi,
      headers: { origin: "http://127.0.0.1:5173" },
      scopes: [SCOPE.read, SCOPE.pairing],
      keepOpen: true,
    }),
  );
  // A node capability request made at the same time must outlive the device requests.
  const nodeSession = await p.connect("node", {
    role: "node",
    scopes: [],
    caps: ["system"],
    commands: ["system.notify"],
    keepOpen: true,
  });
  if (nodeSession.kind === "hello") nodeSession.session.close();
  const nodePending = async () => {
    const list = payloadOf<{ pending: { nodeId: string; requestId: string; ts: number }[] }>(
      await p.admin.request("node.pair.list", {}),
    );
    return list.pending.filter((x) => x.nodeId === p.deviceId("node"));
  };
  p.print("node capability request at the start", await nodePending());
  const adminMark = p.admin.events.length;
  const t0 = Date.now();
  const a = requestIdOf(await p.ask("expire-a", { headers: origin }));
  const b = requestIdOf(await p.ask("expire-b", { headers: origin }));
  await sleep(60_000);
  await p.ask("expire-b", { headers: origin });
  const tsOf = async (id?: string) => (await p.list()).pending.find((x) => x.requestId === id)?.ts;
  p.print("expire-b after its refresh", {
    ts: await tsOf(b),
    probeStart: t0,
    refreshedAt: Date.now(),
  });

  const gone = new Map<string, number>();
  while (gone.size < 2 && Date.now() - t0 < 9 * 60_000) {
    await sleep(POLL_MS);
    const pending = (await p.list()).pending.map((x) => x.requestId);
    for (const [name, id] of [
      ["a", a],
      ["b", b],
    ] as const)
      if (id && !pending.includes(id) && !gone.has(name)) {
        gone.set(name, Date.now() - t0);
        p.print(
          `request ${name} no longer listed`,
          `${((Date.now() - t0) / 1000).toFixed(0)} s after creation (poll every ${POLL_MS / 1000} s)`,
        );
      }
  }

  const names = (events: { event: string }[]) => [...new Set(events.map((e) => e.event))];
  p.printEvents(
    "admin device.pair.* events during the wait",
    p.eventsSince(p.admin, adminMark, "device.pair"),
  );
  p.print("every event name the admin got", names(p.eventsSince(p.admin, adminMark)));
  p.print("every event name the read+pairing watcher got", names(watcher.events));
  p.print("node capability request at the end", await nodePending());
  await p.call("device.pair.approve", { requestId: a });
  await p.call("device.pair.reject", { requestId: b });
  await p.ask("expire-a", { headers: origin });
  watcher.close();
});
