import fc from "fast-check";
import { call } from "./arbitrary-call";
import { clientProfile, connect } from "./arbitrary-connect";
import { pick, weighted } from "./arbitrary-kit";
import { SESSION_LIMIT_BYTES } from "./raw-frames";
import type { CloseOp, FrameOp, GatewayAuthMode, Op, RawFrame, Sequence } from "./vocabulary";

// Generators for sequences. Weights lean towards what makes pairing interesting (a handful of
// devices reconnecting from loopback with shifting asks); every value of the vocabulary stays
// reachable. Shrinking drops operations and moves each choice towards the first alternative.

const MAX_DEVICES = 4;

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
  { kind: "oversized", bytes: SESSION_LIMIT_BYTES + 1 },
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
