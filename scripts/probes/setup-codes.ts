import {
  connectDevice,
  type ClientTransport,
  type DeviceSession,
} from "../../mocks/simulator/device-client";
import { openWsTransport } from "../../mocks/simulator/ws-transport";
import {
  CLIENTS,
  payloadOf,
  Probe,
  SCOPE,
  sessionOf,
  sleep,
  type Client,
  type ConnectOptions,
} from "./lib/probe-kit";

// Issue #18, question 8: setup codes end to end. Who may create one, what the answer and the
// encoded payload hold, how a scripted client redeems it (auth.bootstrapToken), what it pairs,
// the completion events and device.pair.setupStatus. Run: npx tsx scripts/probes/setup-codes.ts

type SetupAnswer = { setupId: string; setupCode: string; expiresAtMs: number; access: string };
const ANDROID: Client = {
  id: "openclaw-android",
  mode: "node",
  platform: "android 14",
  deviceFamily: "Android",
};

await Probe.run(
  "setup codes",
  async (p) => {
    const ui = { client: CLIENTS.controlUi, headers: { origin: "http://127.0.0.1:5173" } };
    const rp = sessionOf(
      await p.connect("watch read+pairing", {
        ...ui,
        scopes: [SCOPE.read, SCOPE.pairing],
        keepOpen: true,
      }),
    );
    const readOnly = sessionOf(
      await p.connect("watch read", { ...ui, scopes: [SCOPE.read], keepOpen: true }),
    );
    const rpw = [SCOPE.read, SCOPE.pairing, SCOPE.write];
    const rpwSession = sessionOf(
      await p.connect("watch rpw", { ...ui, scopes: rpw, keepOpen: true }),
    );

    p.print("without operator.admin", "read+pairing+write caller");
    await p.call("device.pair.setupCode", {}, rpwSession, "read+pairing+write");
    await p.call("device.pair.setupStatus", { setupId: "x" }, rpwSession, "read+pairing+write");

    p.print("on a loopback-only gateway", "without and with a publicUrl");
    await p.call("device.pair.setupCode", {});
    const publicUrl = `ws://127.0.0.1:${p.gateway.port}`;

    const secrets: string[] = [];
    const create = async (params: Record<string, unknown>, quiet = false) => {
      const frame = quiet
        ? await p.admin.request("device.pair.setupCode", { publicUrl, ...params })
        : await p.call("device.pair.setupCode", { publicUrl, ...params });
      const answer = payloadOf<SetupAnswer & { qrDataUrl?: string }>(frame);
      const decoded = JSON.parse(
        Buffer.from(answer.setupCode, "base64url").toString("utf8"),
      ) as Record<string, unknown>;
      secrets.push(String(decoded.bootstrapToken));
      p.addSecret(String(decoded.bootstrapToken));
      if (!quiet)
        p.print("decoded setup code (bootstrapToken redacted)", {
          ...decoded,
          bootstrapToken: `<redacted, ${String(decoded.bootstrapToken).length} chars>`,
          setupCodeLength: answer.setupCode.length,
          qrDataUrlPrefix: answer.qrDataUrl?.slice(0, 22) ?? null,
          expiresInS: Math.round((answer.expiresAtMs - Date.now()) / 1000),
        });
      return { ...answer, bootstrapToken: String(decoded.bootstrapToken) };
    };
    const redeem = async (
      label: string,
      token: string,
      client: Client,
      extra: ConnectOptions = {},
    ) => {
      const mark = p.admin.events.length;
      const marks = [rp.events.length, readOnly.events.length];
      const outcome = await p.connect(label, {
        client,
        role: "node",
        scopes: [],
        auth: { bootstrapToken: token },
        ...extra,
      });
      await sleep(500);
      const setupEvents = (s: DeviceSession, from: number) =>
        s.events
          .slice(from)
          .filter((e) => e.event.startsWith("device.pair") || e.event.startsWith("node.pair"));
      p.printEvents(`admin events after ${label}`, setupEvents(p.admin, mark));
      p.print(`who got device.pair.setup.* after ${label}`, {
        readPairing: setupEvents(rp, marks[0] ?? 0).map((e) => e.event),
        read: setupEvents(readOnly, marks[1] ?? 0).map((e) => e.event),
      });
      return outcome;
    };

    p.print("node setup code", "bootstrapProfile node, redeemed by a node-host");
    const nodeCode = await create({ bootstrapProfile: "node" });
    await p.call("device.pair.setupStatus", { setupId: nodeCode.setupId });
    const nodeHello = await redeem("node via code", nodeCode.bootstrapToken, CLIENTS.nodeHost, {
      caps: ["system"],
      commands: ["system.notify", "system.run"],
      keepOpen: true,
    });
    await p.call("device.pair.setupStatus", { setupId: nodeCode.setupId });
    await p.printRecord("node via code");
    await p.call("node.describe", { nodeId: p.deviceId("node via code") });
    await redeem("second node, same code", nodeCode.bootstrapToken, CLIENTS.nodeHost);
    if (nodeHello.kind === "hello") nodeHello.session.close();

    p.print("default (mobile) setup code", "redeemed by an Android node, then a node-host");
    const mobile = await create({});
    await redeem("android via code", mobile.bootstrapToken, ANDROID);
    await p.call("device.pair.setupStatus", { setupId: mobile.setupId });
    await p.printRecord("android via code");
    const mobile2 = await create({ includeQr: false });
    await redeem("node-host via mobile code", mobile2.bootstrapToken, CLIENTS.nodeHost);
    await p.printRecord("node-host via mobile code");
    await p.call("device.pair.setupStatus", { setupId: mobile2.setupId });
    const limited = await create({ bootstrapProfile: "limited" });
    await redeem("android via limited code", limited.bootstrapToken, ANDROID);
    await p.printRecord("android via limited code");

    p.print(
      "from the LAN (trusted proxy, X-Forwarded-For)",
      "where loopback silent pairing does not apply",
    );
    const lan = { headers: { "x-forwarded-for": "192.168.1.60" } };
    const lanNode = await create({ bootstrapProfile: "node", includeQr: false });
    await redeem("lan node via node code", lanNode.bootstrapToken, CLIENTS.nodeHost, lan);
    await p.printRecord("lan node via node code");
    const lanMobile = await create({ includeQr: false });
    await redeem("lan node-host via mobile code", lanMobile.bootstrapToken, CLIENTS.nodeHost, lan);
    await redeem("lan node-host via mobile code", lanMobile.bootstrapToken, CLIENTS.nodeHost, lan);
    await p.printRecord("lan node-host via mobile code");
    await p.call("device.pair.setupStatus", { setupId: lanMobile.setupId });
    await redeem("lan android via mobile code", lanMobile.bootstrapToken, ANDROID, lan);
    await p.printRecord("lan android via mobile code");

    p.print("a garbage bootstrap token", "");
    await redeem("garbage", "not-a-real-bootstrap-token", CLIENTS.nodeHost);

    p.print("delivery uncertain?", "close the socket right after sending the connect");
    // A race: too early and the code is never used, too late and delivery completes.
    for (let delayMs = 0; delayMs <= 20; delayMs++) {
      const code = await create({ bootstrapProfile: "node", includeQr: false }, true);
      const mark = p.admin.events.length;
      const transport = closingAfterConnect(await openWsTransport(p.gateway.url), delayMs);
      await connectDevice(transport, {
        identity: await p.identity(`abrupt ${delayMs}`),
        client: CLIENTS.nodeHost,
        role: "node",
        scopes: [],
        auth: { bootstrapToken: code.bootstrapToken },
        timeoutMs: 3000,
      });
      await sleep(1000);
      const events = p.eventsSince(p.admin, mark, "device.pair.setup");
      const status = payloadOf(
        await p.admin.request("device.pair.setupStatus", { setupId: code.setupId }),
      );
      p.print(`socket closed ${delayMs} ms after connect`, {
        events: events.map((e) => e.event),
        status,
      });
      if (events.some((e) => e.event.endsWith("deliveryUncertain"))) {
        p.printEvents("the deliveryUncertain event", events);
        const seen = (x: DeviceSession) => x.events.some((e) => e.event === events[0]?.event);
        p.print("received it", { readPairing: seen(rp), read: seen(readOnly) });
        await p.printRecord(`abrupt ${delayMs}`);
        break;
      }
    }
    p.print(
      "bootstrap tokens never printed",
      secrets.every((s) => s.length > 10) ? "checked" : "short token?",
    );
  },
  { gateway: { trustedProxies: ["127.0.0.1"] } },
);

/** A transport that closes itself `delayMs` after it sends the connect request. */
function closingAfterConnect(inner: ClientTransport, delayMs: number): ClientTransport {
  return {
    ...inner,
    send(text) {
      inner.send(text);
      if (text.includes('"method":"connect"')) setTimeout(() => inner.close(1000, "bye"), delayMs);
    },
  };
}
