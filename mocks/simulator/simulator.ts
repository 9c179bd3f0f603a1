import { DEFAULT_GATEWAY_URL, DETAIL_CODES, type ErrorShape } from "../../src/protocol";
import type { ConnectDecision, MockGateway } from "../core/types";
import { createDeviceIdentity, type DeviceIdentity } from "./device-identity";
import { connectDevice, TransportRefusedError, type DeviceConnectOptions } from "./device-client";
import { openInProcessTransport } from "./in-process-transport";
import { SCENARIOS, type ScenarioName } from "./scenarios";
import type { ScenarioContext, SimulatedResult, VirtualDeviceSpec } from "./simulated";

export type {
  ScenarioContext,
  SimulatedCall,
  SimulatedResult,
  VirtualDeviceSpec,
} from "./simulated";

// Simulated clients: virtual devices with chosen socket facts that connect through the very
// same core as the app (in-process, no network), so every rule the UI explains can be staged.

export interface Simulator {
  connect(spec: VirtualDeviceSpec): Promise<SimulatedResult>;
  run(name: ScenarioName): Promise<SimulatedResult[]>;
  /** Runs a scenario `count` times, each run with fresh devices (labels suffixed `#n`). */
  burst(name: ScenarioName, count: number): Promise<SimulatedResult[]>;
  device(label: string): DeviceIdentity | undefined;
}

/** The error a simulated device sees when the upgrade itself is refused (no frame exchanged). */
export const UPGRADE_REFUSED_CODE = "UPGRADE_REFUSED";

const DEFAULT_HOST = new URL(DEFAULT_GATEWAY_URL).host;

type Secrets = { token: string; password?: string };

function authFor(
  spec: VirtualDeviceSpec,
  secrets: Secrets,
  deviceToken: string | undefined,
): DeviceConnectOptions["auth"] {
  switch (spec.auth) {
    case "token":
      return { token: secrets.token };
    case "password":
      return { password: secrets.password ?? "" };
    case "device-token":
      return deviceToken ? { deviceToken } : {};
    case "wrong-token":
      return { token: `${secrets.token}-wrong` };
    case "none":
      return {};
  }
}

function pendingRequestId(error: ErrorShape): string | undefined {
  const details = error.details as { code?: unknown; requestId?: unknown } | undefined;
  if (details?.code !== DETAIL_CODES.pairingRequired) return undefined;
  return typeof details.requestId === "string" ? details.requestId : undefined;
}

export function createSimulator(gateway: MockGateway, secrets: Secrets): Simulator {
  const identities = new Map<string, DeviceIdentity>();
  // Device tokens from hello-ok, so `auth: "device-token"` can model a returning device.
  const deviceTokens = new Map<string, string>();

  async function identityFor(spec: VirtualDeviceSpec): Promise<DeviceIdentity> {
    const identity = spec.identity ?? identities.get(spec.label) ?? (await createDeviceIdentity());
    identities.set(spec.label, identity);
    return identity;
  }

  async function connect(spec: VirtualDeviceSpec): Promise<SimulatedResult> {
    const identity = await identityFor(spec);
    const deviceId = identity.deviceId;
    const seen: ConnectDecision[] = [];
    let duringAccept = false;
    let acceptDecision: ConnectDecision | undefined;
    const stop = gateway.onDecision((decision) => {
      if (duringAccept) acceptDecision = decision;
      seen.push(decision);
    });
    try {
      const facts = {
        remoteAddress: spec.remoteAddress,
        headers: { host: DEFAULT_HOST, ...spec.headers },
      };
      let transport;
      try {
        // accept() runs synchronously inside; an ingress refusal is decided right there.
        duringAccept = true;
        const opening = openInProcessTransport(gateway, facts);
        duringAccept = false;
        transport = await opening;
      } catch (error) {
        if (!(error instanceof TransportRefusedError)) throw error;
        return {
          spec,
          deviceId,
          outcome: "refused",
          error: { code: UPGRADE_REFUSED_CODE, message: error.message },
          decision: acceptDecision,
        };
      } finally {
        duringAccept = false;
      }

      const outcome = await connectDevice(transport, {
        identity,
        client: spec.client,
        role: spec.role,
        scopes: spec.scopes,
        caps: spec.caps,
        commands: spec.commands,
        auth: authFor(spec, secrets, deviceTokens.get(deviceId)),
        closeWaitMs: 50,
      });
      if (outcome.kind === "hello") {
        const issued = outcome.hello.auth.deviceToken;
        if (issued) deviceTokens.set(deviceId, issued);
        const connId = outcome.hello.server.connId;
        const decision = seen.find((d) => d.connId === connId);
        return { spec, deviceId, outcome: "hello", decision, session: outcome.session };
      }
      const requestId = pendingRequestId(outcome.error);
      const decision = seen.findLast((d) => d.deviceId === deviceId) ?? seen.at(-1);
      return {
        spec,
        deviceId,
        outcome: requestId ? "pending" : "refused",
        requestId,
        error: outcome.error,
        decision,
      };
    } finally {
      stop();
    }
  }

  async function runOnce(name: ScenarioName, suffix: string): Promise<SimulatedResult[]> {
    const results: SimulatedResult[] = [];
    const context: ScenarioContext = {
      async connect(spec) {
        const result = await connect(spec);
        results.push(result);
        return result;
      },
      label: (base) => `${base}${suffix}`,
    };
    await SCENARIOS[name].run(context);
    return results;
  }

  let bursts = 0;
  return {
    connect,
    run: (name) => runOnce(name, ""),
    async burst(name, count) {
      bursts += 1;
      const all: SimulatedResult[] = [];
      // One after another: each run's decisions are then unambiguous, and order is stable.
      for (let n = 1; n <= count; n += 1) all.push(...(await runOnce(name, `#${bursts}.${n}`)));
      return all;
    },
    device: (label) => identities.get(label),
  };
}
