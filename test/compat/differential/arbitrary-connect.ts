import fc from "fast-check";
import { pick, sometimes, weighted } from "./arbitrary-kit";
import type {
  AuthChoice,
  ClientProfile,
  ConnectOp,
  NetworkChoice,
  OriginChoice,
  ProofChoice,
} from "./vocabulary";

// Generators for devices and their connects: client profiles drawn from the closed sets of
// spec §2 with the odd mode, platform spelling or family; asks of any role and scopes (unknown
// ones too); credentials, Origins and Hosts; a proof that is good or wrong in one way.

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
/** Ordinary, admin-only and (on linux) withheld node commands. */
const NODE_COMMANDS = [
  "system.notify",
  "screen.snapshot",
  "system.run",
  "fs.listDir",
  "camera.snap",
];

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

export const clientProfile: fc.Arbitrary<ClientProfile> = fc
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

export function connect(devices: number): fc.Arbitrary<ConnectOp> {
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
      commands: sometimes(fc.subarray(NODE_COMMANDS), 35),
    })
    .map(({ client, scopes: asked, protocol, network, commands, ...rest }) => ({
      op: "connect" as const,
      ...rest,
      ...(client ? { client } : {}),
      ...(network ? { network } : {}),
      ...(asked ? { scopes: asked } : {}),
      ...(protocol ? { protocol } : {}),
      ...(commands ? { commands } : {}),
    }));
}
