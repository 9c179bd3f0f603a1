// Which declared commands a node's request keeps, by the platform the gateway reads from its
// platform and device family (openclaw 2026.9.6's defaults; commands the gateway calls
// dangerous, like camera.snap, are in no default list). Plugins may add commands: not modelled.

const CAMERA = ["camera.list"];
const LOCATION = ["location.get"];
const DEVICE = ["device.info", "device.status"];
const NOTIFY = "system.notify";
const PIM = ["contacts.search", "calendar.events", "reminders.list", "photos.latest"];
const MOTION = ["motion.activity", "motion.pedometer"];
const SYSTEM = [
  "system.run.prepare",
  "system.run",
  "system.which",
  "system.execApprovals.get",
  "system.execApprovals.set",
  "fs.listDir",
  "terminal.upload",
  NOTIFY,
  "browser.proxy",
  "browser.proxy.upload.v1",
  "mcp.tools.call.v1",
  "agent.cli.claude.run.v1",
];
const DESKTOP = [...SYSTEM, "screen.snapshot", "desktop.stream", "computer.act"];

const DEFAULTS: Readonly<Record<string, ReadonlySet<string>>> = {
  ios: new Set([...CAMERA, ...LOCATION, ...DEVICE, ...PIM, ...MOTION, NOTIFY]),
  watchos: new Set([...DEVICE, NOTIFY]),
  android: new Set([
    ...CAMERA,
    ...LOCATION,
    "notifications.list",
    "notifications.actions",
    NOTIFY,
    ...DEVICE,
    "device.permissions",
    "device.health",
    "device.apps",
    ...PIM,
    "callLog.search",
    ...MOTION,
    "mobile.ui.observe",
    "mobile.ui.act",
  ]),
  macos: new Set([
    ...CAMERA,
    "camera.ptz.status",
    ...LOCATION,
    ...DEVICE,
    "device.apps",
    ...PIM,
    ...MOTION,
    ...DESKTOP,
  ]),
  linux: new Set(DESKTOP),
  windows: new Set([...CAMERA, ...LOCATION, ...DEVICE, ...DESKTOP]),
  unknown: new Set([...CAMERA, ...LOCATION, NOTIFY]),
};

const FAMILY_RULES: readonly [string, RegExp][] = [
  ["ios", /^(|iphone|ipad|ios)$/],
  ["watchos", /^(apple watch|watchos)$/],
  ["android", /^(|android)$/],
  ["macos", /^mac$/],
  ["windows", /^windows$/],
  ["linux", /^linux$/],
];
const NATIVE_LABELS: readonly [string, RegExp, RegExp][] = [
  ["ios", /^(?:ios|ipados) \d+(?:\.\d+){0,2}$/, /^(?:iphone|ipad|ios)$/],
  ["watchos", /^watchos \d+(?:\.\d+){0,2}$/, /^(?:apple watch|watchos)$/],
  ["macos", /^macos \d+(?:\.\d+){0,2}$/, /^mac$/],
  ["android", /^android \d+(?: \(sdk \d+\))?$/, /^android$/],
];
const FAMILY_TOKENS: readonly [string, string[]][] = [
  ["ios", ["iphone", "ipad", "ios"]],
  ["watchos", ["apple watch", "watchos"]],
  ["android", ["android"]],
  ["macos", ["mac"]],
  ["windows", ["windows"]],
  ["linux", ["linux"]],
];

const normalize = (value: string | undefined) =>
  (value ?? "").trim().normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

export function nodePlatformId(platform?: string, deviceFamily?: string): string {
  const raw = normalize(platform);
  const family = normalize(deviceFamily);
  const exact = FAMILY_RULES.find(([id]) => id === raw);
  if (exact) return exact[1].test(family) ? exact[0] : "unknown";
  const native = NATIVE_LABELS.find(([, label]) => label.test(raw));
  if (native) return native[2].test(family) ? native[0] : "unknown";
  if (raw) return "unknown";
  return (
    FAMILY_TOKENS.find(([, tokens]) => tokens.some((t) => family.includes(t)))?.[0] ?? "unknown"
  );
}

/** The declared commands the gateway keeps in the request, once each, in declared order. */
export function allowedNodeCommands(
  platform: string | undefined,
  deviceFamily: string | undefined,
  commands: readonly string[],
): string[] {
  const allowed = DEFAULTS[nodePlatformId(platform, deviceFamily)];
  return [...new Set(commands)].filter((command) => allowed?.has(command));
}
