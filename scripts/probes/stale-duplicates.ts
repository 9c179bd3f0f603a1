import { CLIENTS, Probe, requestIdOf, SCOPE, sleep, type ConnectOptions } from "./lib/probe-kit";

// Issue #18, question 9: which duplicate pairings the real gateway produces (the same client
// re-pairing with a new key), which it retires by itself, and what the real Control UI's
// "Clean up N stale" rule (read from its shipped devices page, restated below) would offer.
// Takes about 2 min (the gateway spares pairings younger than a minute).
// Run: npx tsx scripts/probes/stale-duplicates.ts

type Paired = {
  deviceId: string;
  displayName?: string;
  operatorLabel?: string;
  clientId?: string;
  clientMode?: string;
  approvedVia?: string;
  connected?: boolean;
  lastSeenAtMs?: number;
  approvedAtMs?: number;
  roles?: string[];
  tokens?: unknown[];
};

const AUTO = new Set(["silent", "trusted-cidr", "ssh-verified"]);

/** The Control UI's grouping: display name, else client id + mode, else the device id. */
function groupKey(d: Paired): string {
  const name = d.displayName?.trim().toLowerCase();
  if (name) return `name:${name}`;
  const id = d.clientId?.trim().toLowerCase();
  const mode = d.clientMode?.trim().toLowerCase();
  return id || mode ? `client:${id ?? ""}:${mode ?? ""}` : `id:${d.deviceId}`;
}

/** Connected first, then the most recently seen (or approved), then by id. */
function newestFirst(a: Paired, b: Paired): number {
  if (Boolean(a.connected) !== Boolean(b.connected)) return a.connected ? -1 : 1;
  const seen = (d: Paired) => d.lastSeenAtMs ?? d.approvedAtMs ?? 0;
  return seen(b) - seen(a) || a.deviceId.localeCompare(b.deviceId);
}

await Probe.run(
  "stale duplicate pairings",
  async (p) => {
    const ui = {
      client: CLIENTS.controlUi,
      headers: { origin: "http://127.0.0.1:5173" },
      scopes: [SCOPE.read, SCOPE.pairing],
    };
    const named = (name: string, extra: ConnectOptions = {}): ConnectOptions => ({
      client: { ...CLIENTS.nodeHost, displayName: name },
      ...extra,
    });
    const ownerApproved = async (label: string, options: ConnectOptions) => {
      const id = requestIdOf(await p.connect(label, { ...options, quiet: true }));
      await p.admin.request("device.pair.approve", { requestId: id });
    };
    const mine = new Set<string>();
    const pairOnce = async (label: string, options: ConnectOptions) => {
      await p.connect(label, { ...options, quiet: true });
      mine.add(p.deviceId(label));
    };
    const show = async (title: string) => {
      const paired = ((await p.list()).paired as Paired[]).filter((d) => mine.has(d.deviceId));
      p.print(
        title,
        paired.map((d) => ({
          id: d.deviceId,
          key: groupKey(d),
          approvedVia: d.approvedVia ?? null,
          connected: d.connected ?? null,
          roles: d.roles,
          tokens: d.tokens?.length ?? 0,
        })),
      );
      return paired;
    };

    p.print(
      "first round",
      "each client pairs, disconnects (ui-live stays), and pairs again with a new key",
    );
    await pairOnce("cron-1", named("cron box"));
    await pairOnce("ui-1", ui);
    await pairOnce("ui-live", { ...ui, keepOpen: true });
    await pairOnce("node-1", named("node box", { role: "node", scopes: [] }));
    await ownerApproved(
      "owner-1",
      named("owned box", { headers: { origin: "http://127.0.0.1:5173" } }),
    );
    mine.add(p.deviceId("owner-1"));
    await ownerApproved(
      "lan-1",
      named("lan box", { headers: { "x-forwarded-for": "192.168.1.70" } }),
    );
    mine.add(p.deviceId("lan-1"));
    await pairOnce("cron-2", named("cron box"));
    await show("paired after the first round (second cron pairing within a minute)");

    p.print("waiting 65 s", "the gateway skips pairings approved within the last minute");
    await sleep(65_000);
    const mark = p.admin.events.length;
    await pairOnce("cron-3", named("cron box"));
    await pairOnce("ui-2", ui);
    await pairOnce("node-2", named("node box", { role: "node", scopes: [] }));
    await ownerApproved(
      "owner-2",
      named("owned box", { headers: { origin: "http://127.0.0.1:5173" } }),
    );
    mine.add(p.deviceId("owner-2"));
    await ownerApproved(
      "lan-2",
      named("lan box", { headers: { "x-forwarded-for": "192.168.1.71" } }),
    );
    mine.add(p.deviceId("lan-2"));
    await sleep(500);
    p.printEvents(
      "admin events of the second round",
      p.eventsSince(p.admin, mark).filter((e) => /pair/.test(e.event)),
    );
    const paired = await show("paired after the second round");

    const groups = new Map<string, Paired[]>();
    for (const d of paired) groups.set(groupKey(d), [...(groups.get(groupKey(d)) ?? []), d]);
    const view = [...groups].map(([key, members]) => {
      const [primary, ...duplicates] = members.toSorted(newestFirst);
      const stale = duplicates.filter(
        (d) => !d.connected && (AUTO.has(d.approvedVia ?? "") || d.approvedVia === undefined),
      );
      return {
        key,
        primary: primary?.deviceId,
        duplicates: duplicates.map((d) => d.deviceId),
        cleanUp: stale.map((d) => d.deviceId),
      };
    });
    p.print("the Control UI's grouping and clean-up rule applied to this list", view);
  },
  { gateway: { trustedProxies: ["127.0.0.1"] } },
);
