import { METHODS, OPERATOR_SCOPES as S, ROLES } from "../../src/protocol";
import { NODE_HOST, type ScenarioRun } from "./support/scenario-kit";

// ONE list of scenarios, run by the same scripted client against the real gateway and the
// mock (differential.test.ts). Every device connects from 127.0.0.1; "with Origin" adds a
// loopback browser Origin header to the upgrade, which is what stops silent pairing (spec §5).

export type Scenario = { name: string; run(run: ScenarioRun): Promise<void> };

const LOOPBACK_ORIGIN = { origin: "http://127.0.0.1:5173" };
const REMOTE_ORIGIN = { origin: "https://example.com" };
const CONTROL_UI = { id: "openclaw-control-ui", mode: "webchat", platform: "web" };
const UI_SCOPES = [S.read, S.pairing];

/** Pairs `label` silently (token, loopback, no Origin) with the given scopes. */
async function pairSilently(run: ScenarioRun, label: string, scopes: string[] = [S.read]) {
  await run.connect(`${label} pairs silently`, label, { scopes });
}

async function approveLast(run: ScenarioRun, step: string) {
  await run.call(step, METHODS.pairApprove, { requestId: run.lastRequestId });
}

export const SCENARIOS: Scenario[] = [
  {
    name: "new device on loopback with the token and no Origin is paired silently",
    run: (run) => pairSilently(run, "cron"),
  },
  {
    name: "new device with a browser Origin waits for approval, then connects",
    async run(run) {
      await run.connect("connect", "box", { headers: LOOPBACK_ORIGIN });
      await approveLast(run, "approve");
      await run.connect("reconnect", "box", { headers: LOOPBACK_ORIGIN });
    },
  },
  {
    name: "scope upgrade without Origin is silent",
    async run(run) {
      await pairSilently(run, "cron");
      await run.connect("ask for write", "cron", { scopes: [S.read, S.write] });
    },
  },
  {
    name: "scope upgrade with Origin is pending; old scopes still connect; approval grants it",
    async run(run) {
      await pairSilently(run, "cron");
      await run.connect("ask for admin", "cron", {
        scopes: [S.read, S.admin],
        headers: LOOPBACK_ORIGIN,
      });
      await run.connect("old scopes meanwhile", "cron", { headers: LOOPBACK_ORIGIN });
      await approveLast(run, "approve");
      await run.connect("ask again", "cron", {
        scopes: [S.read, S.admin],
        headers: LOOPBACK_ORIGIN,
      });
    },
  },
  {
    name: "role upgrade with Origin is pending",
    async run(run) {
      await pairSilently(run, "cron");
      await run.connect("ask for node", "cron", {
        role: ROLES.node,
        scopes: [],
        headers: LOOPBACK_ORIGIN,
      });
    },
  },
  {
    name: "changed identity (platform) needs re-approval even without Origin",
    async run(run) {
      await pairSilently(run, "cron");
      const moved = { ...NODE_HOST, platform: "darwin" };
      await run.connect("comes back as darwin", "cron", { client: moved });
      await run.connect("display name only", "other", {
        client: { ...NODE_HOST, displayName: "a" },
      });
      await run.connect("renamed", "other", { client: { ...NODE_HOST, displayName: "b" } });
    },
  },
  {
    name: "a repeated identical ask reuses the pending request",
    async run(run) {
      await pairSilently(run, "cron");
      const ask = { scopes: [S.read, S.write, S.admin], headers: LOOPBACK_ORIGIN };
      await run.connect("ask", "cron", ask);
      await run.connect("ask again", "cron", ask);
    },
  },
  {
    name: "a different ask supersedes the pending request with the union of roles",
    async run(run) {
      await pairSilently(run, "cron");
      await run.connect("ask for admin", "cron", {
        scopes: [S.read, S.admin],
        headers: LOOPBACK_ORIGIN,
      });
      await run.connect("ask for node", "cron", {
        role: ROLES.node,
        scopes: [],
        headers: LOOPBACK_ORIGIN,
      });
      await run.call("approve the superseded id", METHODS.pairApprove, {
        requestId: run.requestIds[0],
      });
    },
  },
  {
    name: "a method without its scope answers FORBIDDEN and the socket stays open",
    async run(run) {
      const outcome = await run.connect("read-only device", "cron", { keepOpen: true });
      if (outcome.kind !== "hello") return;
      await run.callOk("cron.list", METHODS.cronList, {}, outcome.session);
      await run.call("cron.add", METHODS.cronAdd, { name: "x" }, outcome.session);
      await run.call("device.pair.list", METHODS.pairList, {}, outcome.session);
      await run.call(
        "device.pair.approve",
        METHODS.pairApprove,
        { requestId: "x" },
        outcome.session,
      );
      await run.callOk("cron.status afterwards", METHODS.cronStatus, {}, outcome.session);
    },
  },
  {
    name: "unknown requestId, approve twice, reject twice",
    async run(run) {
      await run.call("approve unknown", METHODS.pairApprove, { requestId: "no-such-request" });
      await run.call("reject unknown", METHODS.pairReject, { requestId: "no-such-request" });
      await run.connect("connect", "box", { headers: LOOPBACK_ORIGIN });
      await approveLast(run, "approve");
      await approveLast(run, "approve again");
      await run.call("reject the approved id", METHODS.pairReject, {
        requestId: run.lastRequestId,
      });
    },
  },
  {
    name: "bad params and unknown methods",
    async run(run) {
      await run.call("approve {}", METHODS.pairApprove, {});
      await run.call("approve, no params", METHODS.pairApprove);
      await run.call("approve, extra property", METHODS.pairApprove, { requestId: "x", extra: 1 });
      await run.call("reject {}", METHODS.pairReject, {});
      await run.call("remove {}", METHODS.pairRemove, {});
      await run.call("rename without label", METHODS.pairRename, { deviceId: "x" });
      await run.call("rotate without role", METHODS.tokenRotate, { deviceId: "x" });
      await run.call("unknown method", "device.pair.frobnicate", {});
    },
  },
  {
    name: "reject, then the device asks again",
    async run(run) {
      await run.connect("connect", "box", { headers: LOOPBACK_ORIGIN });
      await run.call("reject", METHODS.pairReject, { requestId: run.lastRequestId });
      await run.call("reject again", METHODS.pairReject, { requestId: run.lastRequestId });
      await run.connect("connect again", "box", { headers: LOOPBACK_ORIGIN });
    },
  },
  {
    name: "rename, rotate, revoke, remove paired devices",
    async run(run) {
      await pairSilently(run, "cron");
      await pairSilently(run, "gone");
      const deviceId = (await run.identity("cron")).deviceId;
      await run.call("rename", METHODS.pairRename, { deviceId, label: "Cron box" });
      await run.call("rotate", METHODS.tokenRotate, { deviceId, role: ROLES.operator });
      await run.call("revoke", METHODS.tokenRevoke, { deviceId, role: ROLES.operator });
      await run.call("rename unknown", METHODS.pairRename, {
        deviceId: "0".repeat(64),
        label: "x",
      });
      const gone = (await run.identity("gone")).deviceId;
      await run.call("remove", METHODS.pairRemove, { deviceId: gone });
      await run.call("remove again", METHODS.pairRemove, { deviceId: gone });
      await run.connect("revoked device reconnects", "cron");
    },
  },
  {
    name: "a pairing-only caller may not rotate or revoke a broader token",
    async run(run) {
      await pairSilently(run, "cron", [S.read, S.write]);
      const ui = await run.connect("ui", "ui", {
        client: CONTROL_UI,
        scopes: UI_SCOPES,
        headers: LOOPBACK_ORIGIN,
        keepOpen: true,
      });
      if (ui.kind !== "hello") return;
      const deviceId = (await run.identity("cron")).deviceId;
      const params = { deviceId, role: ROLES.operator };
      await run.call("rotate", METHODS.tokenRotate, params, ui.session);
      await run.call("revoke", METHODS.tokenRevoke, params, ui.session);
      await run.call(
        "rotate node role",
        METHODS.tokenRotate,
        { deviceId, role: ROLES.node },
        ui.session,
      );
    },
  },
  {
    name: "Control UI: loopback Origin is silent, even for a scope upgrade",
    async run(run) {
      await run.connect("connect", "ui", {
        client: CONTROL_UI,
        scopes: UI_SCOPES,
        headers: LOOPBACK_ORIGIN,
      });
      const more = [...UI_SCOPES, S.admin];
      await run.connect("upgrade", "ui", {
        client: CONTROL_UI,
        scopes: more,
        headers: LOOPBACK_ORIGIN,
      });
    },
  },
  {
    name: "Control UI without Origin or with a non-loopback Origin is refused",
    async run(run) {
      await run.connect("no Origin", "ui", { client: CONTROL_UI, scopes: UI_SCOPES });
      await run.connect("remote Origin", "ui", {
        client: CONTROL_UI,
        scopes: UI_SCOPES,
        headers: REMOTE_ORIGIN,
      });
    },
  },
  {
    name: "other clients with a non-loopback Origin",
    async run(run) {
      await run.connect("node-host", "cron", { headers: REMOTE_ORIGIN });
      const cli = { id: "cli", mode: "cli", platform: "linux" };
      await run.connect("cli", "cli", { client: cli, headers: REMOTE_ORIGIN });
    },
  },
  {
    name: "forwarding headers from loopback are refused at the upgrade",
    async run(run) {
      await run.connect("x-forwarded-for", "cron", { headers: { "x-forwarded-for": "10.0.0.5" } });
    },
  },
  {
    name: "wrong or missing token",
    async run(run) {
      await run.connect("wrong token", "cron", { auth: { token: "not-the-token" } });
      await run.connect("no credential", "cron", { auth: {} });
    },
  },
  {
    name: "bad device proofs",
    async run(run) {
      await run.connect("nonce", "a", { tamper: { wrongNonce: true } });
      await run.connect("signature", "b", { tamper: { badSignature: true } });
      await run.connect("device id", "c", { tamper: { wrongDeviceId: true } });
      await run.connect("public key", "d", { tamper: { badPublicKey: true } });
    },
  },
  {
    name: "handshake errors: protocol, client id, first frame",
    async run(run) {
      await run.connect("protocol 5", "a", { minProtocol: 5, maxProtocol: 5 });
      await run.connect("unknown client id", "b", { client: { ...NODE_HOST, id: "my-tool" } });
      await run.raw("first frame is not JSON", "not json");
      await run.raw(
        "first frame is not connect",
        JSON.stringify({ type: "req", id: "r1", method: METHODS.pairList, params: {} }),
      );
    },
  },
];
