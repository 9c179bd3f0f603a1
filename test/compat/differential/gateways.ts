import { randomBytes } from "node:crypto";
import { ensureRealGateway, startRealGateway } from "../../../scripts/real-gateway.mjs";
import { startMockGatewayProcess } from "../../e2e/support/mock-gateway-process";
import type { Target } from "./interpreter";
import { openJanitor } from "./janitor";
import type { GatewayPairs } from "./run-sequence";
import { DIFFERENTIAL_GATEWAY_CONFIG } from "./gateway-config";
import { ALLOWED_EXTRA_ORIGIN, type GatewayAuthMode } from "./vocabulary";

// The gateways a differential run talks to: per auth mode one real openclaw gateway and one
// mock server (mocks/server/cli.ts), configured alike, each with its janitor connection.

/** Where an already running gateway pair is, for `--attach` (developer iteration). */
export type AttachedTargets = Record<
  GatewayAuthMode,
  { real: { url: string; secret: string }; mock: { url: string; secret: string } }
>;

export type StartedPairs = { pairs: GatewayPairs; stop(): Promise<void>; targets: AttachedTargets };

function target(name: string, mode: GatewayAuthMode, url: string, secret: string): Target {
  return { name, url, credentials: { mode, secret } };
}

async function pairFor(mode: GatewayAuthMode, urls: AttachedTargets[GatewayAuthMode]) {
  const [real, mock] = await Promise.all([
    openJanitor(target(`real ${mode}`, mode, urls.real.url, urls.real.secret)),
    openJanitor(target(`mock ${mode}`, mode, urls.mock.url, urls.mock.secret)),
  ]);
  return { real, mock };
}

export async function attachGatewayPairs(targets: AttachedTargets): Promise<StartedPairs> {
  const [token, password] = await Promise.all([
    pairFor("token", targets.token),
    pairFor("password", targets.password),
  ]);
  const pairs = { token, password };
  const closeAll = async () => {
    for (const pair of Object.values(pairs)) {
      pair.real.close();
      pair.mock.close();
    }
  };
  return { pairs, targets, stop: closeAll };
}

/** Starts two real gateways and two mock servers (about 20–70 s, most of it the real ones). */
export async function startGatewayPairs(log: (line: string) => void): Promise<StartedPairs> {
  await ensureRealGateway({ log });
  const token = `differential-${randomBytes(12).toString("hex")}`;
  const password = `differential-${randomBytes(12).toString("hex")}`;
  const allowedOrigins = [ALLOWED_EXTRA_ORIGIN];
  const started = await Promise.allSettled([
    startRealGateway({ token, gateway: DIFFERENTIAL_GATEWAY_CONFIG, log }),
    startRealGateway({ password, gateway: DIFFERENTIAL_GATEWAY_CONFIG, log }),
    startMockGatewayProcess({ allowedOrigins }),
    startMockGatewayProcess({ password: true, allowedOrigins }),
  ]);
  const stopAll = async () => {
    await Promise.all(
      started.map((entry) => {
        if (entry.status !== "fulfilled") return undefined;
        return "dispose" in entry.value ? entry.value.dispose() : entry.value.stop();
      }),
    );
  };
  const [realToken, realPassword, mockToken, mockPassword] = started;
  if (
    realToken?.status !== "fulfilled" ||
    realPassword?.status !== "fulfilled" ||
    mockToken?.status !== "fulfilled" ||
    mockPassword?.status !== "fulfilled"
  ) {
    await stopAll();
    const failed = started.find((entry) => entry.status === "rejected");
    throw failed && "reason" in failed ? failed.reason : new Error("a gateway did not start");
  }
  const targets: AttachedTargets = {
    token: {
      real: { url: realToken.value.url, secret: token },
      mock: { url: mockToken.value.url, secret: mockToken.value.token },
    },
    password: {
      real: { url: realPassword.value.url, secret: password },
      mock: { url: mockPassword.value.url, secret: mockPassword.value.token },
    },
  };
  const attached = await attachGatewayPairs(targets).catch(async (error: unknown) => {
    await stopAll();
    throw error;
  });
  return {
    ...attached,
    async stop() {
      await attached.stop();
      await stopAll();
    },
  };
}
