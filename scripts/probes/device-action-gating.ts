import type { DeviceSession } from "../../mocks/simulator/device-client";
import type { ResponseFrame } from "../../src/protocol";
import {
  CLIENTS,
  deviceTokenOf,
  Probe,
  requestIdOf,
  SCOPE,
  sessionOf,
  sleep,
} from "./lib/probe-kit";

// Issue #14, question 4: one matrix of every device action × caller × target, measured.
// Callers connect like Pairdesk (Control UI from another loopback origin, shared token), one
// also with its device token (the gateway's self-scoped path). Every cell gets fresh targets.
// Run: npx tsx scripts/probes/device-action-gating.ts

type Caller = { name: string; scopes: string[]; deviceToken?: boolean };
const CALLERS: Caller[] = [
  { name: "read", scopes: [SCOPE.read] },
  { name: "read+pairing", scopes: [SCOPE.read, SCOPE.pairing] },
  { name: "read+pairing+write", scopes: [SCOPE.read, SCOPE.pairing, SCOPE.write] },
  { name: "admin", scopes: [SCOPE.admin, SCOPE.read, SCOPE.pairing] },
  { name: "read+pairing (device token)", scopes: [SCOPE.read, SCOPE.pairing], deviceToken: true },
];
const PROXIED = { "x-forwarded-for": "192.168.1.50" };
const UI_ORIGIN = { origin: "http://127.0.0.1:5173" };

await Probe.run(
  "device action gating matrix",
  async (p) => {
    let n = 0;
    const fresh = (kind: string) => `${kind}-${++n}`;
    const sessions = new Map<string, DeviceSession>();
    const results: { row: string; caller: string; result: string }[] = [];
    const shapes = new Map<string, unknown>();

    const callerSession = async (caller: Caller): Promise<DeviceSession> => {
      const open = sessions.get(caller.name);
      if (open && !(await isClosed(open))) return open;
      const label = `caller ${caller.name}`;
      const base = { client: CLIENTS.controlUi, headers: UI_ORIGIN, scopes: caller.scopes };
      let outcome = await p.connect(label, { ...base, keepOpen: !caller.deviceToken, quiet: true });
      if (caller.deviceToken) {
        const auth = { deviceToken: deviceTokenOf(outcome) };
        outcome = await p.connect(label, { ...base, auth, keepOpen: true, quiet: true });
      }
      const session = sessionOf(outcome);
      sessions.set(caller.name, session);
      return session;
    };

    const pendingFor = async (ask: "read" | "read+write" | "admin" | "node"): Promise<string> => {
      const scopes = {
        read: [SCOPE.read],
        "read+write": [SCOPE.read, SCOPE.write],
        admin: [SCOPE.admin],
        node: [],
      }[ask];
      const outcome = await p.connect(fresh(`pending-${ask}`), {
        role: ask === "node" ? "node" : "operator",
        scopes,
        headers: PROXIED,
        quiet: true,
      });
      const id = requestIdOf(outcome);
      if (!id) throw new Error(`no pending request for ${ask}`);
      return id;
    };

    const pairedTarget = async (kind: string): Promise<string> => {
      const label = fresh(kind);
      if (kind === "node") await p.connect(label, { role: "node", scopes: [], quiet: true });
      else
        await p.connect(label, {
          scopes: kind === "op-admin" ? [SCOPE.admin, SCOPE.read] : [SCOPE.read],
          quiet: true,
        });
      if (kind === "mixed") {
        const id = requestIdOf(await p.connect(label, { role: "node", scopes: [], quiet: true }));
        await p.admin.request("device.pair.approve", { requestId: id });
      }
      return p.deviceId(label);
    };

    const record = (row: string, caller: Caller, frame: ResponseFrame | string) => {
      let result: string;
      if (typeof frame === "string") result = frame;
      else if (frame.ok) result = "ok";
      else {
        const details = frame.error.details as { code?: string } | undefined;
        result = `${frame.error.code} "${frame.error.message}"${details?.code ? ` (${details.code})` : ""}`;
        shapes.set(result, frame.error);
      }
      results.push({ row, caller: caller.name, result });
    };

    for (const caller of CALLERS) {
      const selfId = () => p.deviceId(`caller ${caller.name}`);
      const act = async (row: string, method: string, params: () => Promise<unknown>) => {
        const resolved = await params();
        const session = await callerSession(caller);
        record(row, caller, resolved === null ? "n/a" : await session.request(method, resolved));
        // Rotate, revoke and remove close the target's sockets right after answering.
        await sleep(250);
      };

      for (const ask of ["read", "read+write", "admin", "node"] as const)
        await act(`approve: new device asking ${ask}`, "device.pair.approve", async () => ({
          requestId: await pendingFor(ask),
        }));
      await act(
        "approve: metadata re-approval of an admin device",
        "device.pair.approve",
        async () => {
          const label = fresh("meta-admin");
          await p.connect(label, { scopes: [SCOPE.admin, SCOPE.read], quiet: true });
          const client = { ...CLIENTS.nodeHost, platform: "darwin" };
          const outcome = await p.connect(label, {
            client,
            scopes: [SCOPE.admin, SCOPE.read],
            quiet: true,
          });
          return { requestId: requestIdOf(outcome) };
        },
      );
      await act(
        "approve: role upgrade of an operator device to node",
        "device.pair.approve",
        async () => {
          const label = fresh("role-up");
          await p.connect(label, { quiet: true });
          return {
            requestId: requestIdOf(
              await p.connect(label, { role: "node", scopes: [], quiet: true }),
            ),
          };
        },
      );
      await act("approve: own device's scope upgrade", "device.pair.approve", async () => {
        await callerSession(caller);
        const scopes = [...caller.scopes, SCOPE.approvals];
        const outcome = await p.connect(`caller ${caller.name}`, {
          client: CLIENTS.controlUi,
          headers: { ...PROXIED, origin: "https://pairdesk.example" },
          scopes,
          quiet: true,
        });
        const id = requestIdOf(outcome);
        return id ? { requestId: id } : null;
      });
      // A pending request of its own would stop the caller's later silent re-pairs.
      for (const pending of (await p.list()).pending)
        if (pending.deviceId === selfId())
          await p.admin.request("device.pair.reject", { requestId: pending.requestId });
      for (const ask of ["read", "admin", "node"] as const)
        await act(`reject: new device asking ${ask}`, "device.pair.reject", async () => ({
          requestId: await pendingFor(ask),
        }));

      for (const kind of ["self", "op-read", "op-admin", "node", "mixed"]) {
        const target = async () =>
          kind === "self" ? (await callerSession(caller), selfId()) : pairedTarget(kind);
        await act(`rename: ${kind}`, "device.pair.rename", async () => ({
          deviceId: await target(),
          label: "renamed",
        }));
        const rotateRoles =
          kind === "node" ? ["node"] : kind === "mixed" ? ["operator", "node"] : ["operator"];
        for (const role of rotateRoles) {
          const suffix = kind === "mixed" ? ` (${role} token)` : "";
          await act(`rotate: ${kind}${suffix}`, "device.token.rotate", async () => ({
            deviceId: await target(),
            role,
          }));
          await act(`revoke: ${kind}${suffix}`, "device.token.revoke", async () => ({
            deviceId: await target(),
            role,
          }));
        }
        await act(`remove: ${kind}`, "device.pair.remove", async () => ({
          deviceId: await target(),
        }));
      }
      await act("rotate: op-read to [read, write]", "device.token.rotate", async () => ({
        deviceId: await pairedTarget("op-read"),
        role: "operator",
        scopes: [SCOPE.read, SCOPE.write],
      }));
      await act("rotate: op-read to [admin]", "device.token.rotate", async () => ({
        deviceId: await pairedTarget("op-read"),
        role: "operator",
        scopes: [SCOPE.admin],
      }));
      await act("rotate: op-read as role node", "device.token.rotate", async () => ({
        deviceId: await pairedTarget("op-read"),
        role: "node",
      }));
      await act("rotate: self to fewer scopes", "device.token.rotate", async () => ({
        deviceId: (await callerSession(caller), selfId()),
        role: "operator",
        scopes: [SCOPE.read],
      }));
      p.print(`caller ${caller.name}`, "done");
    }

    const rows = [...new Set(results.map((r) => r.row))];
    const table = [`| action: target | ${CALLERS.map((c) => c.name).join(" | ")} |`];
    table.push(`|---|${CALLERS.map(() => "---").join("|")}|`);
    for (const row of rows) {
      const cells = CALLERS.map(
        (c) => results.find((r) => r.row === row && r.caller === c.name)?.result ?? "",
      );
      table.push(`| ${row} | ${cells.join(" | ")} |`);
    }
    p.print("matrix", table.join("\n"));
    p.print("error shapes", [...shapes.values()]);
  },
  {
    gateway: {
      trustedProxies: ["127.0.0.1"],
      controlUi: { allowedOrigins: ["https://pairdesk.example"] },
    },
  },
);

async function isClosed(session: DeviceSession): Promise<boolean> {
  const marker = Symbol("open");
  const result = await Promise.race([session.closed, Promise.resolve(marker)]);
  return result !== marker;
}
