import type { DeviceSession } from "../../mocks/simulator/device-client";
import {
  CLIENTS,
  payloadOf,
  Probe,
  requestIdOf,
  SCOPE,
  sessionOf,
  sleep,
  type ConnectOptions,
} from "./lib/probe-kit";

// Issue #18, question 7: node capability pairing on the real gateway: how a node's declared
// surface becomes a node.pair request, its list/event shapes, the scopes approving needs per
// command, supersede/reuse, restart survival, removal of mixed-role devices, the catalog, and
// which events operators see. Run: npx tsx scripts/probes/node-pairing.ts

const ORDINARY = "system.notify";
const DANGEROUS = "system.run";

await Probe.run("node capability pairing", async (p) => {
  const node = (commands: string[], extra: ConnectOptions = {}): ConnectOptions => ({
    role: "node",
    scopes: [],
    caps: ["system"],
    commands,
    permissions: {},
    keepOpen: true,
    ...extra,
  });
  const watch = async (label: string, scopes: string[]) =>
    sessionOf(
      await p.connect(label, {
        client: CLIENTS.controlUi,
        headers: { origin: "http://127.0.0.1:5173" },
        scopes,
        keepOpen: true,
        quiet: true,
      }),
    );
  const rp = await watch("watch read+pairing", [SCOPE.read, SCOPE.pairing]);
  const rpw = await watch("watch read+pairing+write", [SCOPE.read, SCOPE.pairing, SCOPE.write]);
  const readOnly = await watch("watch read", [SCOPE.read]);
  let mark = p.admin.events.length;
  const nodeEvents = async (title: string) => {
    await sleep(500);
    p.printEvents(
      title,
      p.eventsSince(p.admin, mark).filter((e) => /^(node\.pair|device\.pair)/.test(e.event)),
    );
    mark = p.admin.events.length;
  };
  type NodeEntry = { requestId: string; nodeId: string; requiredApproveScopes?: string[] };
  const nodeList = async (label: string, quiet = false) => {
    const frame = await p.admin.request("node.pair.list", {});
    const list = payloadOf<{ pending: NodeEntry[]; paired: NodeEntry[] }>(frame);
    const mine = (x: NodeEntry) => x.nodeId === p.deviceId(label);
    const shown = { pending: list.pending.filter(mine), paired: list.paired.filter(mine) };
    if (!quiet) p.print(`node.pair.list, entries of ${label}`, shown);
    return shown;
  };
  const pendingOf = async (label: string, quiet = false) =>
    (await nodeList(label, quiet)).pending.map((x) => x.requestId);

  p.print("a new node-host on loopback with the token", `declares [${ORDINARY}]`);
  const first = await p.connect("box", node([ORDINARY]));
  await nodeEvents("admin events after the first node connect");
  await p.printRecord("box");
  await nodeList("box");
  p.printStored("box");

  p.print("reuse", "the same surface again (second socket)");
  const again = await p.connect("box", node([ORDINARY]));
  await nodeEvents("admin events after an unchanged reconnect");
  p.print("pending ids for box", await pendingOf("box"));

  p.print("supersede", `the surface grows to [${ORDINARY}, ${DANGEROUS}]`);
  const grown = await p.connect("box", node([ORDINARY, DANGEROUS]));
  await nodeEvents("admin events after a changed surface");
  const [grownId] = await pendingOf("box");

  p.print("approve by scope", "read+pairing, read+pairing+write, then admin");
  await p.call("node.pair.approve", { requestId: grownId }, rp, "read+pairing");
  await p.call("node.pair.approve", { requestId: grownId }, rpw, "read+pairing+write");
  await p.call("node.pair.approve", { requestId: grownId });
  await nodeEvents("admin events after approve");
  await p.call("node.pair.approve", { requestId: grownId });
  await nodeList("box");
  await p.printRecord("box", "box's device record after node approval");
  await p.call("node.list", {});
  await p.call("node.describe", { nodeId: p.deviceId("box") });
  for (const session of [first, again, grown])
    if (session.kind === "hello") session.session.close();

  p.print("after approval", "narrower surface, then a wider one");
  await p.connect("box", node([ORDINARY], { keepOpen: false }));
  await nodeEvents("admin events after a narrower reconnect");
  const wider = await p.connect("box", node([ORDINARY, DANGEROUS, "system.which"]));
  await nodeEvents("admin events after a wider reconnect");
  const [widerId] = await pendingOf("box");
  await p.call("node.pair.reject", { requestId: widerId }, rp, "read+pairing");
  await nodeEvents("admin events after reject");
  if (wider.kind === "hello") wider.session.close();

  p.print("scope each declared command needs to approve", "one fresh node per command");
  const commands = [
    "system.notify",
    "system.run",
    "system.run.prepare",
    "system.which",
    "system.execApprovals.get",
    "system.execApprovals.set",
    "fs.listDir",
    "terminal.upload",
    "browser.proxy",
    "browser.proxy.upload.v1",
    "mcp.tools.call.v1",
    "agent.cli.claude.run.v1",
    "screen.snapshot",
    "computer.act",
    "camera.snap",
  ];
  const needs: Record<string, unknown> = {};
  for (const command of [...commands, "(none)"]) {
    const label = `cmd ${command}`;
    const declared = command === "(none)" ? [] : [command];
    const outcome = await p.connect(label, node(declared, { quiet: true }));
    const [entry] = (await nodeList(label, true)).pending;
    const tries: Record<string, string> = {};
    for (const [name, session] of [
      ["read+pairing", rp],
      ["read+pairing+write", rpw],
    ] as const) {
      if (!entry || tries.approvedBy) break;
      const frame = await session.request("node.pair.approve", { requestId: entry.requestId });
      if (frame.ok) tries.approvedBy = name;
      else tries[name] = frame.error.message;
    }
    const listed = await p.admin.request("node.describe", { nodeId: p.deviceId(label) });
    const described = payloadOf<{ commands: string[]; pendingDeclaredCommands?: string[] }>(listed);
    needs[command] = {
      requiredApproveScopes: entry?.requiredApproveScopes ?? "(no request)",
      ...tries,
      requestCommands: described.pendingDeclaredCommands ?? described.commands,
    };
    if (outcome.kind === "hello") outcome.session.close();
  }
  p.print("approval needs, per declared command", needs);
  mark = p.admin.events.length;

  p.print("restart", "a pending node request across a gateway restart");
  const restartNode = await p.connect("restart", node([ORDINARY]));
  const [restartId] = await pendingOf("restart");
  if (restartNode.kind === "hello") restartNode.session.close();
  for (const s of [rp, rpw, readOnly]) s.close();
  await p.restartGateway();
  const admin2 = p.admin;
  const listAfter = await admin2.request("node.pair.list", {});
  const ids = payloadOf<{ pending: { requestId: string }[] }>(listAfter).pending.map(
    (x) => x.requestId,
  );
  p.print("pending node request after restart", {
    before: restartId,
    stillListed: ids.includes(restartId ?? ""),
  });

  p.print("device pairing first, then node pairing", "a node that needs device approval (Origin)");
  const gated = await p.connect(
    "gated",
    node([ORDINARY], { headers: { origin: "http://127.0.0.1:5173" } }),
  );
  const gatedDeviceReq = requestIdOf(gated);
  await nodeList("gated");
  await p.call("device.pair.approve", { requestId: gatedDeviceReq }, admin2);
  await nodeList("gated");
  await p.connect("gated", node([ORDINARY], { headers: { origin: "http://127.0.0.1:5173" } }));
  await nodeList("gated");

  p.print("removal", "node-only device vs mixed-role device");
  await p.connect("mixed", { scopes: [SCOPE.read], quiet: true });
  const mixedRole = requestIdOf(await p.connect("mixed", node([], { keepOpen: false })));
  await p.call("device.pair.approve", { requestId: mixedRole }, admin2);
  const mixedSession = await p.connect("mixed", node([]));
  await p.printRecord("mixed", "mixed before node.pair.remove");
  mark = p.admin.events.length;
  await p.call("node.pair.remove", { nodeId: p.deviceId("mixed") }, admin2);
  await nodeEvents("admin events after node.pair.remove of the mixed device");
  if (mixedSession.kind === "hello")
    p.print(
      "mixed node socket",
      await Promise.race([mixedSession.session.closed, sleep(2000).then(() => "still open")]),
    );
  await p.printRecord("mixed", "mixed after node.pair.remove");
  await p.call("node.pair.remove", { nodeId: p.deviceId("box") }, admin2);
  await p.printRecord("box", "node-only box after node.pair.remove");
  await p.call("node.pair.remove", { nodeId: p.deviceId("box") }, admin2);
  await p.call("node.rename", { nodeId: p.deviceId("gated"), displayName: "Living room" }, admin2);
  const notify = p.deviceId("cmd system.notify");
  await p.call("node.rename", { nodeId: notify, displayName: "Living room" }, admin2);
  await p.call("node.describe", { nodeId: notify }, admin2);
  await p.printRecord("cmd system.notify", "device record after node.rename");
  mark = p.admin.events.length;
  await p.call("device.pair.remove", { deviceId: p.deviceId("gated") }, admin2);
  await nodeEvents("admin events after device.pair.remove of a node with a pending surface");
  await nodeList("gated");

  const names = (s: DeviceSession) => [...new Set(s.events.map((e) => e.event))];
  p.print("event names seen by read+pairing / read+pairing+write / read (before restart)", {
    readPairing: names(rp),
    readPairingWrite: names(rpw),
    read: names(readOnly),
  });
  const status = await p.gateway.cli(["nodes", "status", "--json"]);
  p.print(
    `openclaw nodes status --json (exit ${status.code})`,
    status.stdout.trim() ? JSON.parse(status.stdout) : status.stderr,
  );
  const pending = await p.gateway.cli(["nodes", "pending", "--json"]);
  p.print(
    `openclaw nodes pending --json (exit ${pending.code})`,
    pending.stdout.trim() ? JSON.parse(pending.stdout) : pending.stderr,
  );
});
