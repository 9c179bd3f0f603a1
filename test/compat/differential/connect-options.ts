import type { DeviceConnectOptions, DeviceTamper } from "../../../mocks/simulator/device-client";
import type { DeviceIdentity } from "../../../mocks/simulator/device-identity";
import {
  NETWORK_HEADERS,
  ORIGIN_HEADERS,
  type AuthChoice,
  type ClientProfile,
  type ConnectOp,
  type GatewayAuthMode,
  type ProofChoice,
} from "./vocabulary";

// Turns a connect operation into the device client's options and the upgrade headers, for
// one gateway: its auth mode and secret, and the device tokens it handed out so far.

export type Credentials = { mode: GatewayAuthMode; secret: string };

/** signedAt offsets: within the real gateway's two-minute window, and beyond it. */
const SKEW = { "skewed-ok": -60_000, stale: -200_000, future: 200_000 } as const;

export function authFor(
  choice: AuthChoice,
  credentials: Credentials,
  deviceToken: string | undefined,
): DeviceConnectOptions["auth"] {
  const field = credentials.mode === "token" ? "token" : "password";
  const other = credentials.mode === "token" ? "password" : "token";
  const shared = { [field]: credentials.secret };
  switch (choice) {
    case "shared":
      return shared;
    case "wrong-shared":
      return { [field]: `wrong-${credentials.secret}` };
    case "none":
      return {};
    case "device-token":
      return deviceToken ? { deviceToken } : {};
    case "device-token-as-token":
      return deviceToken ? { token: deviceToken } : {};
    case "shared-and-device-token":
      return deviceToken ? { ...shared, deviceToken } : shared;
    case "wrong-device-token":
      return { deviceToken: "not-a-device-token" };
    case "swapped-field":
      return { [other]: credentials.secret };
  }
}

export function tamperFor(proof: ProofChoice, other: DeviceIdentity): DeviceTamper | undefined {
  switch (proof) {
    case "good":
      return undefined;
    case "skewed-ok":
    case "stale":
    case "future":
      return { signedAtOffsetMs: SKEW[proof] };
    case "wrong-nonce":
      return { wrongNonce: true };
    case "missing-nonce":
      return { omitNonce: true };
    case "other-key":
      return { signWith: other };
    case "bad-signature":
      return { badSignature: true };
    case "wrong-token-signed":
      return { signedToken: "not-the-sent-credential" };
    case "wrong-device-id":
      return { wrongDeviceId: true };
    case "bad-public-key":
      return { badPublicKey: true };
    case "no-device":
      return { skipDevice: true };
  }
}

export function connectOptions(
  op: ConnectOp,
  profile: ClientProfile,
  identity: DeviceIdentity,
  other: DeviceIdentity,
  credentials: Credentials,
  deviceToken: string | undefined,
): { options: DeviceConnectOptions; headers: Record<string, string> } {
  const origin = ORIGIN_HEADERS[op.origin];
  const tamper = tamperFor(op.proof, other);
  const network = NETWORK_HEADERS[op.network ?? "direct"];
  return {
    headers: { ...network, ...(origin ? { origin } : {}) },
    options: {
      identity,
      client: { ...profile, ...op.client },
      role: op.role,
      scopes: op.scopes,
      auth: authFor(op.auth, credentials, deviceToken),
      ...(tamper ? { tamper } : {}),
      ...(op.commands ? { caps: ["system"], commands: op.commands } : {}),
      ...(op.protocol ? { minProtocol: op.protocol.min, maxProtocol: op.protocol.max } : {}),
      closeWaitMs: 1500,
      timeoutMs: 8000,
    },
  };
}
