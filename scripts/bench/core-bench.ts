import {
  GATEWAY_CLIENT_IDS as IDS,
  GATEWAY_CLIENT_MODES as MODES,
} from "@openclaw/gateway-protocol/client-info";
import { createMockGateway } from "../../mocks/core/gateway";
import { createMemoryStateStore } from "../../mocks/core/memory-store";
import { approvePairing, requestPairing, type PairingAsk } from "../../mocks/core/pairing";
import { GatewayState, toWirePending } from "../../mocks/core/state";
import type { StateStore } from "../../mocks/core/types";
import { connectDevice } from "../../mocks/simulator/device-client";
import { createDeviceIdentity } from "../../mocks/simulator/device-identity";
import { openInProcessTransport } from "../../mocks/simulator/in-process-transport";
import {
  LAN_GATEWAY_HOST,
  LOOPBACK,
  LOOPBACK_GATEWAY_HOST,
} from "../../mocks/simulator/virtual-devices";
import { AUTH_METHODS } from "../../src/policy/auth-methods";
import {
  classifyIngress,
  hasForwardingHeaders,
  isDirectLocalClient,
} from "../../src/policy/ingress";
import { resolvePairingLocality } from "../../src/policy/locality";
import { PAIRING_NOT_NEEDED, pairingReason } from "../../src/policy/pairing-reason";
import { decideSilentPairing } from "../../src/policy/silent-pairing";
import { OPERATOR_SCOPES, ROLES } from "../../src/protocol";
import { pendingRequest } from "./fixtures";

// The mock core's connect decision in Node, three ways:
// 1. the decision path alone, as admission.ts runs it: ingress, locality, pairing need,
//    silent decision, pending bookkeeping (requestPairing, approvePairing for silent ones)
//    and the wire copy a broadcast sends; with and without the state snapshot that
//    admission.ts takes on every pending request (`state.persist()`);
// 2. Ed25519 verification alone (importKey + verify, as device-proof.ts does);
// 3. whole handshakes through the core in-process (challenge, signed proof, decision).

const NO_STORE: StateStore = { load: async () => undefined, save: async () => undefined };

type Connect = {
  remoteAddress: string;
  headers: Record<string, string>;
  ask: PairingAsk;
};

/** Half remote phones (left pending), half loopback cron jobs with the token (silent). */
function connects(count: number, now: number): Connect[] {
  return Array.from({ length: count }, (_, index) => {
    const request = pendingRequest("core", index, now);
    const local = index % 2 === 1;
    return {
      remoteAddress: local ? LOOPBACK : `192.168.1.${(index % 200) + 20}`,
      headers: { host: local ? LOOPBACK_GATEWAY_HOST : LAN_GATEWAY_HOST },
      ask: {
        deviceId: request.deviceId,
        publicKey: request.publicKey,
        displayName: request.displayName,
        platform: local ? "linux" : "ios",
        clientId: local ? IDS.NODE_HOST : IDS.IOS_APP,
        clientMode: local ? MODES.BACKEND : MODES.UI,
        role: ROLES.operator,
        scopes: [OPERATOR_SCOPES.read],
        remoteIp: local ? LOOPBACK : `192.168.1.${(index % 200) + 20}`,
      },
    };
  });
}

export type DecisionFigures = { count: number; perSecond: number; pendingAtEnd: number };

export async function decisionPathRate(count: number, persist: boolean): Promise<DecisionFigures> {
  let clockNow = Date.now();
  const now = () => clockNow;
  const state = new GatewayState(NO_STORE, now);
  let ids = 0;
  const clock = { now, randomId: () => `core-${(ids += 1)}` };
  const work = connects(count, clockNow);
  const started = performance.now();
  for (const { remoteAddress, headers, ask } of work) {
    clockNow += 1;
    const ingress = classifyIngress({ remoteAddress, headers, trustedProxies: [] });
    const client = { id: ask.clientId, mode: ask.clientMode };
    const locality = resolvePairingLocality({
      isLocalClient: isDirectLocalClient(ingress, headers.host),
      remoteAddress,
      requestHost: headers.host,
      hasProxyHeaders: hasForwardingHeaders(headers),
      hasBrowserOriginHeader: false,
      client,
      authMethod: AUTH_METHODS.token,
      sharedAuthOk: true,
    });
    const need = pairingReason(state.paired.get(ask.deviceId), ask);
    if (need === PAIRING_NOT_NEEDED) continue;
    const silent = decideSilentPairing({
      locality: locality.locality,
      reason: need,
      hasBrowserOriginHeader: false,
      client,
      authMethod: AUTH_METHODS.token,
    });
    const result = requestPairing(state, clock, ask, need, silent.silent);
    if (silent.silent) approvePairing(state, clock, result.request.requestId, "silent");
    else {
      toWirePending(result.request);
      if (persist) void state.persist();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await state.flush();
  return { count, perSecond: count / seconds, pendingAtEnd: state.pending.size };
}

/** The same path with the pending table kept small: `rounds` fresh states of `count` each. */
export async function smallTableRate(count: number, rounds: number): Promise<number> {
  let seconds = 0;
  for (let round = 0; round < rounds; round += 1) {
    const figures = await decisionPathRate(count, false);
    seconds += count / figures.perSecond;
  }
  return (count * rounds) / seconds;
}

export async function ed25519VerifyRate(count: number): Promise<number> {
  const identity = await createDeviceIdentity();
  const raw = Buffer.from(identity.publicKey, "base64url");
  const payload = "v3|bench|payload";
  const signature = Buffer.from(await identity.sign(payload), "base64url");
  const bytes = new TextEncoder().encode(payload);
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
    if (!(await crypto.subtle.verify({ name: "Ed25519" }, key, signature, bytes)))
      throw new Error("signature did not verify");
  }
  return count / ((performance.now() - started) / 1000);
}

/** Whole handshakes of remote phones through the core (each ends pending), `parallel` at once. */
export async function handshakeRate(count: number, parallel: number) {
  const token = "bench-token";
  const core = await createMockGateway({
    config: { auth: { mode: "token", token } },
    store: createMemoryStateStore(),
  });
  const identities = await Promise.all(Array.from({ length: count }, () => createDeviceIdentity()));
  let pending = 0;
  const started = performance.now();
  for (let first = 0; first < count; first += parallel) {
    await Promise.all(
      identities.slice(first, first + parallel).map(async (identity, offset) => {
        const transport = await openInProcessTransport(core, {
          remoteAddress: "192.168.1.20",
          headers: { host: LAN_GATEWAY_HOST },
        });
        const outcome = await connectDevice(transport, {
          identity,
          client: {
            id: IDS.IOS_APP,
            mode: MODES.UI,
            platform: "ios",
            displayName: `p${first + offset}`,
          },
          role: ROLES.operator,
          scopes: [OPERATOR_SCOPES.read],
          auth: { token },
          closeWaitMs: 0,
        });
        if (outcome.kind === "refused") pending += 1;
      }),
    );
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  await core.flush();
  return { count, perSecond, pending, listed: core.list().pending.length };
}
