import fc from "fast-check";
import { pick, weighted } from "./arbitrary-kit";
import { SCOPE_POOL } from "./arbitrary-connect";
import type { CallOp, ParamValue, Ref } from "./vocabulary";

// Generators for calls: every device.pair.* and device.token.* method (and a few others) from
// the admin or a kept session, usually with the params their schema wants, naming a device's
// first or latest request, a device, the admin, or ids no gateway knows.

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
  ["node.pair.list", 3],
  ["node.pair.approve", 5],
  ["node.pair.reject", 2],
  ["node.pair.remove", 2],
  ["node.rename", 2],
  ["cron.list", 1],
  ["cron.add", 1],
  ["device.pair.frobnicate", 1],
  ["connect", 1],
];

/** Calls mostly carry the params their method needs; the generic record covers the rest. */
export function call(devices: number): fc.Arbitrary<CallOp> {
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
    "node.pair.list": fc.constant({}),
    "node.pair.approve": request,
    "node.pair.reject": request,
    "node.pair.remove": fc.record({ nodeId: ref(devices) }),
    "node.rename": fc.record({
      nodeId: ref(devices),
      displayName: pick(["Rack 7", " Rack 7 ", " "]),
    }),
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
