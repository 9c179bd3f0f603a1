import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import { METHODS, OPERATOR_SCOPES as S, ROLES, type PairingReason } from "../../src/protocol";
import type { ScenarioContext, SimulatedResult, VirtualDeviceSpec } from "./simulated";
import {
  cronDevice,
  lan,
  LAN_GATEWAY_HOST,
  LOOPBACK,
  LOOPBACK_GATEWAY_HOST,
  phone,
  SIMULATED_LAN_ORIGIN,
  UNLISTED_LAN_ORIGIN,
  webchatTab,
} from "./virtual-devices";

export { SIMULATED_LAN_ORIGIN } from "./virtual-devices";

// Named situations the simulator can stage against the core, each one a rule of the spec
// (sections 4–6) seen from a device. The last connect of a scenario is the one it is about;
// earlier connects only set the stage (usually a silent pairing from loopback).

export type ScenarioName =
  | "cron-loopback-token-write"
  | "seed-reproduction"
  | "phone-lan"
  | "phone-scope-upgrade"
  | "browser-other-origin"
  | "browser-origin-not-allowed"
  | "untrusted-proxy"
  | "role-upgrade"
  | "metadata-change"
  | "admin-request"
  | "wrong-token";

export type Scenario = {
  title: string;
  description: string;
  /** What the scenario's last connect should end in, for tests and the README. */
  expected: { outcome: SimulatedResult["outcome"]; reason?: PairingReason | "none" };
  run(context: ScenarioContext): Promise<void>;
};

/** Connect and hang up: the device is now paired (silently, from loopback) with what it asked. */
async function pairFirst(context: ScenarioContext, spec: VirtualDeviceSpec): Promise<void> {
  const result = await context.connect(spec);
  result.session?.close();
}

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  "cron-loopback-token-write": {
    title: "Cron on loopback asks for write",
    description:
      "node-host cron on 127.0.0.1 with the token, paired with operator.read, asks for operator.write: approved silently.",
    expected: { outcome: "hello", reason: "scope-upgrade" },
    async run(context) {
      const label = context.label("cron");
      await pairFirst(context, cronDevice(label, [S.read]));
      const upgraded = await context.connect(cronDevice(label, [S.read, S.write]));
      upgraded.session?.close();
    },
  },
  "seed-reproduction": {
    title: "The seed: cron needs admin",
    description:
      "Cron paired with operator.read gets FORBIDDEN MISSING_SCOPE on cron.add (socket stays open), then asks for operator.admin with a browser Origin: pending scope upgrade.",
    expected: { outcome: "pending", reason: "scope-upgrade" },
    async run(context) {
      const label = context.label("cron");
      const first = await context.connect(cronDevice(label, [S.read]));
      const session = first.session;
      if (session) {
        const calls = [];
        for (const method of [METHODS.cronAdd, METHODS.cronList]) {
          calls.push({ method, response: await session.request(method, {}) });
        }
        first.calls = calls;
        session.close();
      }
      const spec = cronDevice(label, [S.read, S.admin]);
      await context.connect({
        ...spec,
        headers: { ...spec.headers, origin: `http://${LOOPBACK_GATEWAY_HOST}` },
      });
    },
  },
  "phone-lan": {
    title: "New phone on the LAN",
    description: "openclaw-ios from 192.168.1.20, never seen before: pending new-device request.",
    expected: { outcome: "pending", reason: "not-paired" },
    async run(context) {
      await context.connect(phone(context.label("phone"), [S.read, S.write], "192.168.1.20"));
    },
  },
  "phone-scope-upgrade": {
    title: "Paired phone wants more",
    description:
      "A phone paired with operator.read comes back from the LAN asking operator.write and operator.approvals: pending scope upgrade.",
    expected: { outcome: "pending", reason: "scope-upgrade" },
    async run(context) {
      const label = context.label("phone");
      await pairFirst(context, phone(label, [S.read], LOOPBACK));
      await context.connect(phone(label, [S.read, S.write, S.approvals], "192.168.1.20"));
    },
  },
  "browser-other-origin": {
    title: "Browser tab from another origin",
    description: `A webchat tab served from ${SIMULATED_LAN_ORIGIN} (an allowed origin) connects from the LAN: pending, a browser Origin is never silent from afar.`,
    expected: { outcome: "pending", reason: "not-paired" },
    async run(context) {
      await context.connect(webchatTab(context.label("webchat")));
    },
  },
  "browser-origin-not-allowed": {
    title: "Browser tab from an unlisted origin",
    description: `A webchat tab served from ${UNLISTED_LAN_ORIGIN}, not in allowedOrigins: refused with CONTROL_UI_ORIGIN_NOT_ALLOWED, nothing pending.`,
    expected: { outcome: "refused" },
    async run(context) {
      const tab = webchatTab(context.label("webchat"));
      await context.connect({ ...tab, headers: { ...tab.headers, origin: UNLISTED_LAN_ORIGIN } });
    },
  },
  "untrusted-proxy": {
    title: "Forwarded by an untrusted proxy",
    description:
      "X-Forwarded-For from 10.0.0.5, which is not a trusted proxy: the upgrade is refused with HTTP 403.",
    expected: { outcome: "refused" },
    async run(context) {
      await context.connect({
        label: context.label("proxied"),
        client: { id: IDS.CLI, mode: MODES.CLI, platform: "linux" },
        role: ROLES.operator,
        scopes: [S.read],
        remoteAddress: "10.0.0.5",
        headers: { host: LAN_GATEWAY_HOST, "x-forwarded-for": "203.0.113.7" },
        auth: "token",
      });
    },
  },
  "role-upgrade": {
    title: "Operator wants to be a node",
    description:
      "A macOS app paired as operator comes back from the LAN asking for role node: pending role upgrade.",
    expected: { outcome: "pending", reason: "role-upgrade" },
    async run(context) {
      const spec: VirtualDeviceSpec = {
        label: context.label("mac"),
        client: { id: IDS.MACOS_APP, mode: MODES.UI, platform: "macos", displayName: "Studio Mac" },
        role: ROLES.operator,
        scopes: [S.read],
        remoteAddress: LOOPBACK,
        headers: { host: LOOPBACK_GATEWAY_HOST },
        auth: "token",
      };
      await pairFirst(context, spec);
      await context.connect(lan({ ...spec, role: ROLES.node, scopes: [] }, "192.168.1.40"));
    },
  },
  "metadata-change": {
    title: "Paired device changed platform",
    description:
      "A Linux app paired as platform linux comes back from the LAN claiming platform windows: pending re-approval.",
    expected: { outcome: "pending", reason: "metadata-upgrade" },
    async run(context) {
      const spec: VirtualDeviceSpec = {
        label: context.label("desktop"),
        client: { id: IDS.LINUX_APP, mode: MODES.UI, platform: "linux", displayName: "Desk" },
        role: ROLES.operator,
        scopes: [S.read],
        remoteAddress: LOOPBACK,
        headers: { host: LOOPBACK_GATEWAY_HOST },
        auth: "token",
      };
      await pairFirst(context, spec);
      const changed = { ...spec, client: { ...spec.client, platform: "windows" } };
      await context.connect(lan(changed, "192.168.1.50"));
    },
  },
  "admin-request": {
    title: "A device asks for admin",
    description:
      "A command-line tool on another machine asks for operator.admin: pending, with the admin warning.",
    expected: { outcome: "pending", reason: "not-paired" },
    async run(context) {
      await context.connect({
        label: context.label("remote-cli"),
        client: { id: IDS.CLI, mode: MODES.CLI, platform: "linux" },
        role: ROLES.operator,
        scopes: [S.admin],
        remoteAddress: "192.168.1.60",
        headers: { host: LAN_GATEWAY_HOST },
        auth: "token",
      });
    },
  },
  "wrong-token": {
    title: "Wrong token",
    description:
      "A command-line tool on loopback sends a wrong shared token: refused, nothing paired.",
    expected: { outcome: "refused" },
    async run(context) {
      await context.connect({
        label: context.label("cli"),
        client: { id: IDS.CLI, mode: MODES.CLI, platform: "linux" },
        role: ROLES.operator,
        scopes: [S.read],
        remoteAddress: LOOPBACK,
        headers: { host: LOOPBACK_GATEWAY_HOST },
        auth: "wrong-token",
      });
    },
  },
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];
