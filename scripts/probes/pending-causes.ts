import { CLIENTS, deviceTokenOf, Probe, requestIdOf, SCOPE } from "./lib/probe-kit";

// Issue #14, questions 1 and 2: pending requests made three ways (a browser Origin on a
// non-Control-UI client, a LAN address through a trusted proxy, device-token auth), what the
// refusal and the pending record carry, and how the gateway picks the reason, revoked tokens
// included. Run: npx tsx scripts/probes/pending-causes.ts

const LAN_IP = "192.168.1.50";
const ALLOWED_ORIGIN = "https://pairdesk.example";

await Probe.run(
  "pending requests: causes, records and reasons",
  async (p) => {
    const origin = { origin: `http://127.0.0.1:${p.gateway.port}` };
    const proxied = { "x-forwarded-for": LAN_IP };
    const rw = [SCOPE.read, SCOPE.write];

    p.print("(a) Origin header on a node-host", "new device, then a paired one asking for more");
    await p.ask("origin-new", { headers: origin });
    await p.connect("origin-cron");
    await p.ask("origin-cron", { scopes: rw, headers: origin });
    p.print("the same ask again without Origin, then a wider one", "silent-eligible retries");
    await p.ask("origin-cron", { scopes: rw });
    const wider = requestIdOf(await p.ask("origin-cron", { scopes: [...rw, SCOPE.approvals] }));
    await p.call("device.pair.reject", { requestId: wider });
    await p.ask("origin-cron", { scopes: rw });
    await p.ask("allowed-origin", { headers: { origin: ALLOWED_ORIGIN } });
    await p.ask("copilot", {
      client: { id: "openclaw-browser-copilot", mode: "ui", platform: "linux" },
      caps: ["run-tool-bindings", "session-scoped-events"],
      headers: { origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop" },
    });

    p.print("(b) trusted proxy on loopback forwarding a LAN address", `X-Forwarded-For: ${LAN_IP}`);
    await p.ask("lan-new", { headers: proxied });
    await p.connect("lan-cron");
    await p.ask("lan-cron", { scopes: rw, headers: proxied });
    await p.ask("lan-cron", { headers: proxied });
    await p.ask("lan-ui", { client: CLIENTS.controlUi, headers: { ...proxied, ...origin } });
    const allowed = { ...proxied, origin: ALLOWED_ORIGIN };
    await p.ask("lan-ui", { client: CLIENTS.controlUi, headers: allowed });
    await p.ask("lan-cli", { client: CLIENTS.cli, headers: proxied });

    p.print("(b') a loopback socket with a non-loopback Host header", "no proxy headers");
    await p.ask("host-new", { headers: { host: `gateway.example:${p.gateway.port}` } });
    await p.connect("host-cron");
    await p.ask("host-cron", {
      scopes: rw,
      headers: { host: `gateway.example:${p.gateway.port}` },
    });

    p.print("(c) device-token auth", "paired [read] with the shared token first");
    const dt = deviceTokenOf(await p.connect("dt"));
    await p.ask("dt", { auth: { deviceToken: dt } });
    await p.ask("dt", { auth: { deviceToken: dt }, scopes: [] });
    await p.ask("dt", { auth: { deviceToken: dt }, scopes: rw });
    await p.ask("dt", { auth: { deviceToken: dt }, role: "node", scopes: [] });
    await p.ask("dt", { auth: { deviceToken: dt }, headers: origin });
    await p.ask("dt", { auth: { deviceToken: dt }, headers: proxied });
    await p.ask("dt", { auth: { deviceToken: dt }, headers: proxied, scopes: rw });
    await p.ask("dt", {
      auth: { deviceToken: dt },
      client: { ...CLIENTS.nodeHost, platform: "darwin" },
    });
    await p.printRecord("dt");
    await p.ask("dt", {
      auth: { deviceToken: dt, token: p.gateway.token },
      scopes: rw,
      headers: origin,
    });
    await p.ask("dt", { auth: { deviceToken: dt, token: p.gateway.token }, scopes: rw });
    await p.printRecord("dt", "dt after the token + deviceToken upgrade");

    p.print("reasons: role, metadata, supersede", "each device paired [read] silently first");
    await p.connect("role");
    await p.ask("role", { role: "node", scopes: [], headers: origin });
    await p.printRecord("role");
    await p.connect("meta");
    await p.ask("meta", { client: { ...CLIENTS.nodeHost, platform: "darwin" } });
    await p.ask("meta", { client: { ...CLIENTS.nodeHost, displayName: "renamed box" } });
    await p.printRecord("meta");
    p.print("metadata and scopes in one connect", "paired [read]; asks [read, write] on darwin");
    await p.connect("both");
    const darwin = { ...CLIENTS.nodeHost, platform: "darwin" };
    await p.ask("both", { scopes: rw, client: darwin, headers: origin });
    p.print("implied scopes", "paired [write]; asks [read] on a changed platform");
    await p.connect("implied", { scopes: [SCOPE.write] });
    await p.ask("implied", {
      scopes: [SCOPE.read],
      client: { ...CLIENTS.nodeHost, platform: "darwin" },
    });
    await p.printRecord("implied");
    await p.connect("narrow", { scopes: rw });
    await p.ask("narrow", { scopes: [SCOPE.read], headers: origin });

    p.print("reasons after device.token.revoke", "rev-*: paired [read] silently, then revoked");
    for (const label of [
      "rev-up",
      "rev-same",
      "rev-silent",
      "rev-dt",
      "rev-later",
      "rev-approve",
    ]) {
      const token = deviceTokenOf(await p.connect(label));
      await p.call("device.token.revoke", { deviceId: p.deviceId(label), role: "operator" });
      if (label === "rev-up") {
        await p.printRecord(label, `${label} after revoke (device.pair.list)`);
        p.printStored(label);
        await p.ask(label, { scopes: rw, headers: origin });
        await p.printRecord(label, `${label} with its upgrade pending`);
      }
      if (label === "rev-same") await p.ask(label, { headers: origin });
      if (label === "rev-silent") {
        await p.ask(label, { scopes: rw });
        await p.printRecord(label, `${label} after the silent re-pair`);
        p.printStored(label);
      }
      if (label === "rev-dt") await p.ask(label, { auth: { deviceToken: token } });
      if (label === "rev-later") {
        await p.ask(label);
        await p.ask(label, { scopes: rw, headers: origin });
      }
      if (label === "rev-approve") {
        const id = requestIdOf(await p.ask(label, { scopes: rw, headers: origin }));
        await p.call("device.pair.approve", { requestId: id });
        await p.printRecord(label, `${label} after approving the role-upgrade`);
        p.printStored(label);
        await p.ask(label, { scopes: [...rw, SCOPE.admin], headers: origin });
      }
    }

    p.print("reason after device.pair.remove", "paired [read], removed, asks again with Origin");
    await p.connect("removed");
    await p.call("device.pair.remove", { deviceId: p.deviceId("removed") });
    await p.ask("removed", { headers: origin });
  },
  { gateway: { trustedProxies: ["127.0.0.1"], controlUi: { allowedOrigins: [ALLOWED_ORIGIN] } } },
);
