import { GATEWAY_CLIENT_IDS, GATEWAY_CLIENT_MODES } from "@openclaw/gateway-protocol/client-info";
import { normalizeScopes } from "../../src/policy/scopes";
import { readConnectAuth, type ConnectAuth } from "./auth";

// The connect params the mock reads (spec §2), checked the way the real gateway's schema
// check reports them: "invalid connect params: at /client/id: …".

export type ConnectParams = {
  minProtocol: number;
  maxProtocol: number;
  client: {
    id: string;
    mode: string;
    version: string;
    platform: string;
    displayName?: string;
    deviceFamily?: string;
  };
  role: string;
  scopes: string[];
  auth: ConnectAuth;
  device: unknown;
};

const CLIENT_IDS: ReadonlySet<string> = new Set(Object.values(GATEWAY_CLIENT_IDS));
const CLIENT_MODES: ReadonlySet<string> = new Set(Object.values(GATEWAY_CLIENT_MODES));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

function optionalText(value: unknown): string | undefined {
  return nonEmpty(value) ? value : undefined;
}

export type ParamsResult = { ok: true; params: ConnectParams } | { ok: false; message: string };

function invalid(path: string, problem: string): ParamsResult {
  return { ok: false, message: `invalid connect params: at ${path}: ${problem}` };
}

export function readConnectParams(raw: unknown): ParamsResult {
  if (!isRecord(raw)) return invalid("/", "must be object");
  for (const key of ["minProtocol", "maxProtocol"] as const) {
    if (!Number.isInteger(raw[key])) return invalid(`/${key}`, "must be integer");
  }
  const client = raw.client;
  if (!isRecord(client)) return invalid("/", "must have required property 'client'");
  for (const key of ["id", "version", "platform", "mode"] as const) {
    if (!nonEmpty(client[key])) return invalid("/client", `must have required property '${key}'`);
  }
  if (!CLIENT_IDS.has(client.id as string)) {
    return invalid("/client/id", "must be equal to one of the allowed values");
  }
  if (!CLIENT_MODES.has(client.mode as string)) {
    return invalid("/client/mode", "must be equal to one of the allowed values");
  }
  if (raw.scopes !== undefined && !(Array.isArray(raw.scopes) && raw.scopes.every(nonEmpty))) {
    return invalid("/scopes", "must be array of non-empty strings");
  }
  const device = checkDeviceBlock(raw.device);
  if (device) return device;
  return {
    ok: true,
    params: {
      minProtocol: raw.minProtocol as number,
      maxProtocol: raw.maxProtocol as number,
      client: {
        id: client.id as string,
        mode: client.mode as string,
        version: client.version as string,
        platform: client.platform as string,
        displayName: optionalText(client.displayName),
        deviceFamily: optionalText(client.deviceFamily),
      },
      role: typeof raw.role === "string" ? raw.role : "operator",
      // Kept as sent for the signature check; normalized copies are made where compared.
      scopes: Array.isArray(raw.scopes) ? (raw.scopes as string[]) : [],
      auth: readConnectAuth(raw.auth),
      device: raw.device,
    },
  };
}

// The schema's device block is a closed object: a malformed one is refused, never read as
// "no device" (which would fall through to the device-less shared-secret admission).
const DEVICE_TEXT_FIELDS = ["id", "publicKey", "signature", "nonce"] as const;

function checkDeviceBlock(device: unknown): ParamsResult | undefined {
  if (device === undefined) return undefined;
  if (!isRecord(device)) return invalid("/device", "must be object");
  for (const key of DEVICE_TEXT_FIELDS) {
    if (!nonEmpty(device[key])) return invalid("/device", `must have required property '${key}'`);
  }
  const signedAt = device.signedAt;
  if (!Number.isInteger(signedAt) || (signedAt as number) < 0) {
    return invalid("/device/signedAt", "must be integer");
  }
  return undefined;
}

export { normalizeScopes };
