import fc from "fast-check";
import type {
  AuthChoice,
  CallOp,
  ClientProfile,
  CloseOp,
  ConnectOp,
  FrameOp,
  GatewayAuthMode,
  NetworkChoice,
  Op,
  OriginChoice,
  ParamValue,
  ProofChoice,
  RawFrame,
  Ref,
  Sequence,
} from "./vocabulary";

// Generators for sequences. Weights lean towards what makes pairing interesting (a handful of
// devices reconnecting from loopback with shifting asks); every value of the vocabulary stays
// reachable. Shrinking drops operations and moves each choice towards the first alternative.

const MAX_DEVICES = 4;

/** Client ids and the mode each one normally runs in (spec §2's closed sets). */
const CLIENTS: readonly (readonly [string, string, number])[] = [
  ["node-host", "node", 6],
  ["cli", "cli", 4],
  ["openclaw-control-ui", "webchat", 4],
  ["gateway-client", "backend", 3],
  ["openclaw-macos", "ui", 2],
  ["openclaw-ios", "ui", 2],
  ["openclaw-android", "ui", 1],
  ["openclaw-linux", "ui", 1],
  ["webchat-ui", "webchat", 1],
  ["webchat", "webchat", 1],
  ["openclaw-tui", "ui", 1],
  ["openclaw-watchos", "ui", 1],
  ["openclaw-worker", "worker", 1],
  ["openclaw-probe", "probe", 1],
  ["test", "test", 1],
  ["fingerprint", "probe", 1],
  ["openclaw-browser-copilot", "ui", 1],
];
const MODES = ["webchat", "cli", "ui", "backend", "node", "worker", "probe", "test"];
const PLATFORMS = ["linux", "darwin", "macos", "web", "ios 18.1", "ios 18.2", "android 15"];
const PLATFORMS_ALL = [...PLATFORMS, "win32", "windows", "macos 15.1", "Linux", " linux "];
const FAMILIES = ["Linux", "Mac", "iPhone", "android", "Windows"];
const NAMES = ["cron box", "Studio Mac", "phone"];

export const SCOPE_POOL = [
  "operator.read",
  "operator.write",
  "operator.admin",
  "operator.pairing",
  "operator.approvals",
  "operator.questions",
  "operator.talk",
  "operator.talk.secrets",
  "operator.bogus",
  "node.exec",
];

const weighted = <T>(entries: readonly (readonly [T, number])[]) =>
  fc.oneof(...entries.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** Present in about `percent` % of values, absent (undefined) otherwise; shrinks to absent. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 100 - percent },
    { arbitrary, weight: percent },
  );

const clientProfile: fc.Arbitrary<ClientProfile> = fc
  .record({
    client: weighted(CLIENTS.map(([id, mode, weight]) => [[id, mode] as const, weight] as const)),
    otherMode: sometimes(pick(MODES), 10),
    platform: fc.oneof({ arbitrary: pick(PLATFORMS), weight: 5 }, pick(PLATFORMS_ALL)),
    deviceFamily: sometimes(pick(FAMILIES), 30),
    displayName: sometimes(pick(NAMES), 40),
  })
  .map(({ client, otherMode, platform, deviceFamily, displayName }) => ({
    id: client[0],
    mode: otherMode ?? client[1],
    platform,
    ...(deviceFamily ? { deviceFamily } : {}),
    ...(displayName ? { displayName } : {}),
  }));

const scopes = fc.oneof(
  { arbitrary: fc.subarray(SCOPE_POOL.slice(0, 4), { minLength: 1, maxLength: 3 }), weight: 6 },
  { arbitrary: fc.subarray(SCOPE_POOL, { maxLength: 4 }), weight: 3 },
  { arbitrary: fc.constant<string[] | undefined>(undefined), weight: 1 },
);

const role = weighted([
  ["operator", 12],
  ["node", 3],
  ["root", 1],
]);

const auth = weighted<AuthChoice>([
  ["shared", 20],
  ["device-token", 4],
  ["none", 2],
  ["wrong-shared", 2],
  ["device-token-as-token", 2],
  ["shared-and-device-token", 1],
  ["wrong-device-token", 1],
  ["swapped-field", 1],
]);

const origin = weighted<OriginChoice>([
  ["none", 12],
  ["loopback", 6],
  ["localhost", 1],
  ["allowed", 2],
  ["unlisted", 1],
  ["lan", 1],
]);

const proof = weighted<ProofChoice>([
  ["good", 40],
  ["skewed-ok", 1],
  ["stale", 1],
  ["future", 1],
  ["wrong-nonce", 1],
  ["missing-nonce", 1],
  ["other-key", 1],
  ["bad-signature", 1],
  ["wrong-token-signed", 1],
  ["wrong-device-id", 1],
  ["bad-public-key", 1],
  ["no-device", 2],
]);

const metadataChange = sometimes(
  fc.oneof(
    fc.record({ platform: pick(PLATFORMS_ALL) }),
    fc.record({ deviceFamily: pick(FAMILIES) }),
    fc.record({ displayName: pick(NAMES) }),
  ),
  15,
);

function connect(devices: number): fc.Arbitrary<ConnectOp> {
  return fc
    .record({
      device: fc.nat(devices - 1),
      client: metadataChange,
      role,
      scopes,
      auth,
      origin,
      proof,
      network: sometimes(pick<NetworkChoice>(["private-host", "named-host", "forwarded"]), 8),
      protocol: sometimes(
        pick([
          { min: 5, max: 5 },
          { min: 1, max: 3 },
          { min: 3, max: 4 },
        ]),
        4,
      ),
      keep: fc.boolean(),
    })
    .map(({ client, scopes: asked, protocol, network, ...rest }) => ({
      op: "connect" as const,
      ...rest,
      ...(client ? { client } : {}),
      ...(network ? { network } : {}),
      ...(asked ? { scopes: asked } : {}),
      ...(protocol ? { protocol } : {}),
    }));
}

function ref(devices: number): fc.Arbitrary<Ref> {
  return fc.oneof(
    {
      arbitrary: fc.record({
        ref: fc.constant("request" as const),
        device: fc.nat(devices - 1),
        which: pick(["latest", "first"] as const),
      }),
      weight: 6,
    },
    {
      arbitrary: fc.record({ ref: fc.constant("device" as const), device: fc.nat(devices - 1) }),
      weight: 4,
    },
    { arbitrary: fc.constant({ ref: "admin-device" as const }), weight: 1 },
    { arbitrary: fc.constant({ ref: "unknown-request" as const }), weight: 1 },
    { arbitrary: fc.constant({ ref: "unknown-device" as const }), weight: 1 },
  );
}

/** Params shaped for the method (usually right, sometimes missing, mistyped or with extras). */
function params(
  devices: number,
): fc.Arbitrary<Record<string, ParamValue> | ParamValue | undefined> {
  const value: fc.Arbitrary<ParamValue> = fc.oneof(
    { arbitrary: ref(devices), weight: 8 },
    pick(["", "  ", "x"]),
    fc.constant(7),
  );
  return fc.oneof(
    {
      arbitrary: fc.record(
        {
          requestId: value,
          deviceId: value,
          label: fc.oneof(pick(["Cron box", " Renamed "]), fc.constant("y".repeat(65))),
          role: weighted<ParamValue>([
            ["operator", 6],
            ["node", 2],
            ["root", 1],
          ]),
          scopes: fc.subarray(SCOPE_POOL.slice(0, 5), { maxLength: 3 }),
          extra: fc.constant(1),
        },
        { requiredKeys: [] },
      ),
      weight: 12,
    },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.constant([] as string[]), weight: 1 },
  );
}

const METHOD_WEIGHTS: readonly (readonly [string, number])[] = [
  ["device.pair.list", 4],
  ["device.pair.approve", 10],
  ["device.pair.reject", 5],
  ["device.pair.remove", 4],
  ["device.pair.rename", 2],
  ["device.token.rotate", 3],
  ["device.token.revoke", 3],
  ["cron.list", 1],
  ["cron.add", 1],
  ["device.pair.frobnicate", 1],
  ["connect", 1],
];

/** Calls mostly carry the params their method needs; the generic record covers the rest. */
function call(devices: number): fc.Arbitrary<CallOp> {
  const session = fc.oneof(
    { arbitrary: fc.constant("admin" as const), weight: 3 },
    { arbitrary: fc.nat(3), weight: 1 },
  );
  const request = fc.record({ requestId: ref(devices) });
  const device = fc.record({ deviceId: ref(devices) });
  const tokenTarget = fc.record(
    {
      deviceId: ref(devices),
      role: weighted<ParamValue>([
        ["operator", 4],
        ["node", 1],
      ]),
    },
    { requiredKeys: ["deviceId", "role"] },
  );
  const shaped: Record<string, fc.Arbitrary<Record<string, ParamValue>>> = {
    "device.pair.approve": request,
    "device.pair.reject": request,
    "device.pair.remove": device,
    "device.pair.rename": fc.record({
      deviceId: ref(devices),
      label: pick(["Cron box", "Renamed"]),
    }),
    "device.token.rotate": tokenTarget,
    "device.token.revoke": tokenTarget,
    "device.pair.list": fc.constant({}),
    "cron.list": fc.constant({}),
  };
  return weighted(METHOD_WEIGHTS).chain((method) => {
    const right = shaped[method];
    const chosen = right
      ? fc.oneof({ arbitrary: right, weight: 6 }, { arbitrary: params(devices), weight: 1 })
      : params(devices);
    return fc.record({ session, params: chosen }).map(({ session: on, params: sent }) => ({
      op: "call" as const,
      session: on,
      method,
      ...(sent === undefined ? {} : { params: sent }),
    }));
  });
}

const PREAUTH_LIMIT = 64 * 1024;

const firstFrames: fc.Arbitrary<RawFrame> = fc.oneof(
  pick<RawFrame>([
    { kind: "text", text: "not json" },
    { kind: "text", text: "[]" },
    { kind: "text", text: "1" },
    { kind: "text", text: "null" },
    { kind: "text", text: '{"a":1}' },
    { kind: "text", text: '{"type":"event","event":"x"}' },
    { kind: "text", text: '{"type":"req","method":"connect"}' },
    { kind: "binary", text: "not json" },
    { kind: "binary", text: '{"type":"req","id":"b1","method":"device.pair.list"}' },
    { kind: "oversized", bytes: PREAUTH_LIMIT + 1 },
    { kind: "oversized", bytes: PREAUTH_LIMIT },
    { kind: "request", method: "device.pair.list", params: {} },
    { kind: "request", method: "connect", params: {} },
    { kind: "request", method: "connect", params: { minProtocol: 4 } },
    { kind: "request", method: "connect", id: 5, params: {} },
  ]),
);

const laterFrames: fc.Arbitrary<RawFrame> = pick<RawFrame>([
  { kind: "text", text: "not json" },
  { kind: "text", text: "[]" },
  { kind: "text", text: '"x"' },
  { kind: "text", text: "null" },
  { kind: "text", text: '{"a":1}' },
  { kind: "text", text: '{"type":"req","method":"device.pair.list"}' },
  { kind: "text", text: '{"type":"req","id":"a"}' },
  { kind: "text", text: '{"type":"res","id":"a","ok":true}' },
  { kind: "request", method: "device.pair.list", id: 5, params: {} },
  { kind: "binary", text: '{"type":"req","id":"b2","method":"device.pair.list","params":{}}' },
  { kind: "binary", text: "not json" },
  { kind: "oversized", bytes: PREAUTH_LIMIT + 1 },
  // hello-ok's policy.maxPayload is the limit after hello: one byte more closes 1009.
  { kind: "oversized", bytes: 25 * 1024 * 1024 + 1 },
]);

const frame: fc.Arbitrary<FrameOp> = fc.oneof(
  fc.record({
    op: fc.constant("frame" as const),
    session: fc.constant("fresh" as const),
    frame: firstFrames,
  }),
  fc.record({ op: fc.constant("frame" as const), session: fc.nat(3), frame: laterFrames }),
);

const close: fc.Arbitrary<CloseOp> = fc.record({
  op: fc.constant("close" as const),
  session: fc.nat(3),
});

function op(devices: number): fc.Arbitrary<Op> {
  return fc.oneof(
    { arbitrary: connect(devices), weight: 10 },
    { arbitrary: call(devices), weight: 6 },
    { arbitrary: frame, weight: 1 },
    { arbitrary: close, weight: 1 },
  );
}

const ADMIN_SCOPES: readonly (readonly [string[], number])[] = [
  [["operator.admin", "operator.pairing", "operator.read"], 8],
  [["operator.read", "operator.pairing"], 3],
  [["operator.pairing"], 1],
  [["operator.read"], 1],
  [["operator.read", "operator.write", "operator.pairing"], 1],
];

export function sequenceArbitrary(options: { maxOps?: number } = {}): fc.Arbitrary<Sequence> {
  return fc
    .record({
      gateway: weighted<GatewayAuthMode>([
        ["token", 3],
        ["password", 1],
      ]),
      adminScopes: weighted(ADMIN_SCOPES),
      devices: fc.array(clientProfile, { minLength: 1, maxLength: MAX_DEVICES }),
    })
    .chain((base) =>
      fc
        .array(op(base.devices.length), { minLength: 1, maxLength: options.maxOps ?? 8 })
        .map((ops) => ({ ...base, ops })),
    );
}
