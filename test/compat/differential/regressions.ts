import type { ClientProfile, ConnectOp, Op, ParamValue, Sequence } from "./vocabulary";

// Every divergence the generated sequences found, kept as a named sequence that runs on both
// gateways on every `npm test` (differential-generated.test.ts) and with
// `npm run differential -- --regressions`. docs/real-gateway-observations.md has the frames.

export type Regression = { name: string; sequence: Sequence };

const ADMIN = ["operator.admin", "operator.pairing", "operator.read"];
const ADMIN_PAIRING = ["operator.admin", "operator.pairing"];
const OPERATOR_PAIRING = ["operator.read", "operator.pairing"];
const NODE_HOST: ClientProfile = { id: "node-host", mode: "node", platform: "linux" };
const CLI: ClientProfile = { id: "cli", mode: "cli", platform: "linux" };
const CONTROL_UI: ClientProfile = { id: "openclaw-control-ui", mode: "webchat", platform: "web" };

/** A good loopback connect with the shared secret and no Origin, unless changed. */
function connect(device: number, change: Partial<ConnectOp> = {}): ConnectOp {
  return {
    op: "connect",
    device,
    role: "operator",
    scopes: ["operator.read"],
    auth: "shared",
    origin: "none",
    proof: "good",
    keep: false,
    ...change,
  };
}

function on(devices: ClientProfile[], ops: Op[], adminScopes = ADMIN): Sequence {
  return { gateway: "token", adminScopes, devices, ops };
}

const DEVICE_0: ParamValue = { ref: "device", device: 0 };

const call = (method: string, params?: Record<string, ParamValue>): Op => ({
  op: "call",
  session: "admin",
  method,
  ...(params ? { params } : {}),
});

export const REGRESSIONS: Regression[] = [
  {
    name: "hello-ok's auth block names the method and a recovery scope",
    sequence: on(
      [NODE_HOST, CLI],
      [connect(0), connect(1, { proof: "no-device", scopes: ["operator.read"] })],
    ),
  },
  {
    name: "a first frame claiming a worker is closed 1008 unanswered",
    sequence: on([{ id: "openclaw-worker", mode: "worker", platform: "linux" }], [connect(0)]),
  },
  {
    name: "binary and oversized first frames: read as text, cut at 64 KiB",
    sequence: on(
      [NODE_HOST],
      [
        { op: "frame", session: "fresh", frame: { kind: "binary", text: "not json" } },
        {
          op: "frame",
          session: "fresh",
          frame: { kind: "binary", text: '{"type":"req","id":"b1","method":"device.pair.list"}' },
        },
        { op: "frame", session: "fresh", frame: { kind: "oversized", bytes: 64 * 1024 + 1 } },
      ],
    ),
  },
  {
    name: "after hello: JSON that is not an object, a frame one byte over 25 MiB",
    sequence: on(
      [NODE_HOST],
      [
        connect(0, { keep: true }),
        { op: "frame", session: 0, frame: { kind: "text", text: "[]" } },
        { op: "frame", session: 0, frame: { kind: "request", method: "device.pair.list", id: 5 } },
        { op: "frame", session: 0, frame: { kind: "oversized", bytes: 25 * 1024 * 1024 + 1 } },
      ],
    ),
  },
  {
    name: "an unknown method or a second connect: FORBIDDEN for a non-admin, plain for an admin",
    sequence: on(
      [NODE_HOST],
      [
        call("device.pair.frobnicate", {}),
        call("connect", {}),
        connect(0, { keep: true }),
        { op: "call", session: 0, method: "device.pair.frobnicate", params: {} },
        { op: "call", session: 0, method: "connect", params: {} },
      ],
    ),
  },
  {
    name: "the shared secret in the other field is accepted (token and password gateways)",
    sequence: {
      ...on([NODE_HOST], [connect(0, { auth: "swapped-field" })]),
      gateway: "password",
    },
  },
  {
    name: "auth failure hints follow the client's mode",
    sequence: on(
      [
        { ...CLI, mode: "backend" },
        { ...NODE_HOST, mode: "cli" },
      ],
      [connect(0, { auth: "wrong-shared" }), connect(1, { auth: "none" })],
    ),
  },
  {
    name: "a local backend gateway client is never paired; as a node it is dropped",
    sequence: on(
      [{ id: "gateway-client", mode: "backend", platform: "linux" }],
      [connect(0), connect(0, { role: "node", scopes: [] })],
    ),
  },
  {
    name: "device-less operators: a local CLI keeps its scopes, others lose them",
    sequence: on(
      [CLI, NODE_HOST],
      [connect(0, { proof: "no-device" }), connect(1, { proof: "no-device" })],
    ),
  },
  {
    name: "a waiting request stays pending when the device comes back without an Origin",
    sequence: on(
      [NODE_HOST],
      [
        connect(0, { origin: "loopback" }),
        connect(0),
        connect(0, { scopes: ["operator.write"] }),
        call("device.pair.list", {}),
      ],
    ),
  },
  {
    name: "a paired device asking for another role waits for an owner, Origin or not",
    sequence: on([NODE_HOST], [connect(0), connect(0, { role: "node", scopes: [] })]),
  },
  {
    name: "identity, role and scopes are separate needs, identity first",
    sequence: on(
      [NODE_HOST, { id: "openclaw-ios", mode: "ui", platform: "ios 18.1" }],
      [
        connect(0),
        connect(0, { client: { platform: "darwin" }, scopes: ["operator.write"] }),
        connect(1),
        connect(1, { client: { platform: "ios 18.2" } }),
        call("device.pair.list", {}),
      ],
    ),
  },
  {
    name: "removal, rotation and revocation close the device's sockets 4001",
    sequence: on(
      [NODE_HOST],
      [
        connect(0, { keep: true }),
        call("device.token.rotate", { deviceId: { ref: "device", device: 0 }, role: "operator" }),
        connect(0, { keep: true }),
        call("device.token.revoke", { deviceId: { ref: "device", device: 0 }, role: "operator" }),
        connect(0, { keep: true }),
        call("device.pair.remove", { deviceId: { ref: "device", device: 0 } }),
      ],
    ),
  },
  {
    name: "a device token is recorded as used even when the connect is then refused",
    sequence: on(
      [NODE_HOST],
      [
        connect(0),
        connect(0, { auth: "device-token", client: { platform: "win32" } }),
        call("device.pair.list", {}),
      ],
    ),
  },
  {
    name: "a loopback connect is local whatever Host it names",
    sequence: on(
      [NODE_HOST, CONTROL_UI],
      [
        connect(0, { network: "named-host" }),
        connect(1, { network: "named-host", origin: "loopback", scopes: ["operator.pairing"] }),
      ],
    ),
  },
  {
    name: "an operator never holds a scope outside operator.*",
    sequence: on(
      [NODE_HOST],
      [connect(0, { scopes: ["operator.read", "node.exec"] }), call("device.pair.list", {})],
    ),
  },
  {
    name: "a node's first hello records a pending command surface",
    sequence: on(
      [NODE_HOST],
      [
        connect(0, { role: "node", scopes: [] }),
        connect(0, { scopes: ["operator.read"] }),
        call("device.pair.list", {}),
      ],
    ),
  },
  {
    name: "pairing events go to operator sessions that hold operator.pairing only",
    sequence: on(
      [NODE_HOST, CLI],
      [
        connect(0, { role: "node", scopes: [], keep: true }),
        connect(1, { scopes: ["operator.read"], keep: true }),
        connect(1, { scopes: ["operator.pairing"], origin: "loopback" }),
      ],
    ),
  },
  {
    name: "the Control UI is told to wait and retry while its request is pending",
    sequence: on(
      [CONTROL_UI],
      [
        connect(0, { origin: "loopback", scopes: ["operator.pairing"] }),
        connect(0, { origin: "loopback", client: { platform: "linux" } }),
      ],
    ),
  },
  {
    name: "params are checked by the protocol's schema (null is no params)",
    sequence: on(
      [NODE_HOST],
      [
        call("device.pair.list", { extra: 1, also: 2 }),
        { op: "call", session: "admin", method: "device.pair.list", params: null },
        call("device.pair.rename", { deviceId: "x", label: "y".repeat(65) }),
        call("device.pair.rename"),
      ],
    ),
  },
  {
    name: "node capability requests: withheld, superseded, approved, narrower, removed",
    sequence: on(
      [NODE_HOST],
      [
        connect(0, { role: "node", scopes: [], commands: ["system.notify"], keep: true }),
        call("node.pair.list", {}),
        connect(0, { role: "node", scopes: [], commands: ["system.run", "camera.snap"] }),
        call("node.pair.list", {}),
        call("node.pair.approve", { requestId: { ref: "request", device: 0, which: "latest" } }),
        call("node.pair.list", {}),
        connect(0, { role: "node", scopes: [], commands: [] }),
        call("node.pair.list", {}),
        call("node.pair.remove", { nodeId: { ref: "device", device: 0 } }),
        call("node.pair.remove", { nodeId: { ref: "device", device: 0 } }),
        call("device.pair.list", {}),
      ],
    ),
  },
  {
    name: "a waiting request of a non-operator role is refreshed by a narrower ask, not superseded",
    sequence: on(
      [
        { id: "openclaw-android", mode: "ui", platform: "android 15" },
        { id: "webchat", mode: "cli", platform: "web", deviceFamily: "Mac", displayName: "phone" },
        { id: "webchat", mode: "webchat", platform: "ios 18.1", displayName: "Studio Mac" },
      ],
      [
        connect(1, {
          role: "node",
          scopes: ["operator.write", "operator.admin", "operator.pairing"],
          commands: ["system.notify", "screen.snapshot", "system.run", "fs.listDir", "camera.snap"],
        }),
        call("device.pair.remove", {
          requestId: { ref: "request", device: 1, which: "first" },
          deviceId: { ref: "request", device: 2, which: "first" },
          label: "y".repeat(65),
          role: "operator",
          scopes: ["operator.pairing"],
          extra: 1,
        }),
        connect(1, {
          role: "node",
          auth: "wrong-device-token",
          keep: true,
          network: "private-host",
          scopes: ["operator.read", "operator.write"],
          protocol: { min: 3, max: 4 },
          commands: ["screen.snapshot", "fs.listDir"],
        }),
        connect(1, {
          role: "node",
          origin: "loopback",
          keep: true,
          scopes: ["operator.admin", "operator.pairing"],
        }),
      ],
      ["operator.pairing"],
    ),
  },
  {
    name: "an approved operator's waiting node request is refreshed by a narrower ask",
    sequence: on(
      [
        { id: "openclaw-ios", mode: "ui", platform: "macos" },
        { id: "node-host", mode: "node", platform: "macos", displayName: "phone" },
        { id: "openclaw-tui", mode: "ui", platform: "macos" },
      ],
      [
        connect(1, { origin: "loopback", network: "forwarded", scopes: OPERATOR_PAIRING }),
        connect(0, { scopes: ["operator.read", ...ADMIN_PAIRING] }),
        connect(2, {
          auth: "none",
          origin: "allowed",
          network: "forwarded",
          scopes: ["operator.write", ...ADMIN_PAIRING],
        }),
        connect(0, {
          role: "node",
          origin: "loopback",
          scopes: ["operator.read", ...ADMIN_PAIRING],
        }),
        connect(0, { role: "node", auth: "swapped-field", scopes: ADMIN_PAIRING }),
        connect(1, { origin: "loopback", keep: true, scopes: ["operator.read", ...ADMIN_PAIRING] }),
        connect(1, { keep: true, scopes: ADMIN_PAIRING }),
        connect(2, { origin: "loopback", scopes: undefined }),
      ],
      OPERATOR_PAIRING,
    ),
  },
  {
    name: "a device-token caller without admin decides no node request but its own",
    sequence: {
      ...on(
        [NODE_HOST],
        [
          connect(0, { scopes: ["operator.admin", "operator.pairing"] }),
          connect(0, { auth: "device-token-as-token", keep: true, scopes: ["operator.pairing"] }),
          { op: "call", session: 0, method: "node.pair.approve", params: { requestId: DEVICE_0 } },
          { op: "call", session: 0, method: "node.pair.reject", params: { requestId: "nope" } },
          { op: "call", session: 0, method: "node.pair.list" },
          { op: "call", session: 0, method: "node.pair.remove", params: { nodeId: DEVICE_0 } },
          call("node.pair.approve", { requestId: DEVICE_0 }),
        ],
      ),
      gateway: "password",
    },
  },
  {
    name: "a waiting node request is superseded by an ask for an operator scope it lacks by name",
    sequence: on(
      [{ id: "openclaw-linux", mode: "ui", platform: "android 15" }],
      [
        connect(0, { role: "node", origin: "allowed", scopes: ["operator.write"] }),
        connect(0, { role: "node", keep: true, scopes: ["operator.write", "operator.admin"] }),
        connect(0, {
          role: "node",
          origin: "loopback",
          keep: true,
          scopes: ["operator.talk", "operator.bogus"],
        }),
      ],
    ),
  },
  {
    name: "a waiting node request is refreshed only by the same scopes once implied ones count",
    sequence: on(
      [{ id: "openclaw-ios", mode: "ui", platform: "darwin" }],
      [
        connect(0, { role: "node", keep: true, scopes: ["operator.admin", "operator.pairing"] }),
        connect(0, {
          role: "node",
          origin: "loopback",
          scopes: ["operator.pairing", "operator.write", "operator.admin"],
        }),
        connect(0, { role: "node", scopes: ["operator.admin"] }),
      ],
    ),
  },
  {
    name: "node.rename: unknown before approval, trimmed, never blank, denied to another device's token",
    sequence: {
      ...on(
        [NODE_HOST, CLI],
        [
          connect(0, { role: "node", scopes: [], commands: ["system.notify"] }),
          call("node.rename", { nodeId: DEVICE_0, displayName: "Rack" }),
          call("node.pair.approve", { requestId: { ref: "request", device: 0, which: "latest" } }),
          call("node.rename", { nodeId: DEVICE_0, displayName: "  Rack 7 " }),
          call("node.rename", { nodeId: DEVICE_0, displayName: "   " }),
          call("node.rename", { nodeId: { ref: "unknown-device" }, displayName: "Rack" }),
          call("node.rename", { nodeId: DEVICE_0 }),
          call("node.pair.list", {}),
          call("device.pair.list", {}),
          connect(1, { scopes: ["operator.pairing"] }),
          connect(1, { auth: "device-token-as-token", keep: true, scopes: ["operator.pairing"] }),
          {
            op: "call",
            session: 0,
            method: "node.rename",
            params: { nodeId: DEVICE_0, displayName: "Mine" },
          },
        ],
      ),
      gateway: "password",
    },
  },
  {
    name: "an approved node's own open session hears its approval",
    sequence: on(
      [NODE_HOST],
      [
        connect(0, { role: "node", scopes: [], keep: true, commands: ["system.notify"] }),
        call("node.pair.approve", { requestId: { ref: "request", device: 0, which: "latest" } }),
        call("node.pair.reject", { requestId: { ref: "request", device: 0, which: "latest" } }),
        call("node.pair.list", {}),
      ],
    ),
  },
];
