import type { TestProject } from "vitest/node";
import { DIFFERENTIAL_GATEWAY_CONFIG } from "../differential/gateway-config";
import { startRealGateway, startRealPasswordGateway } from "./real-gateway";

// Once per run: install (first time only) and start the real gateways the compat files share,
// since each start costs 15–40 s: one with a token for every file, which also serves the
// production build at "/" (the e2e setup, which runs first, made it) as
// `gateway.controlUi.root`, and one with a password for the generated differential, started
// side by side. Both carry the differential's config (one extra allowed Control UI origin, no
// failed-auth rate window). Stopping them is checked at the end.

export type ProvidedRealGateway = {
  url: string;
  token: string;
  pid: number;
  stateDir: string;
  port: number;
  version: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    realGateway: ProvidedRealGateway;
    /** `token` holds this gateway's password. */
    realPasswordGateway: ProvidedRealGateway;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const root = project.getProvidedContext().e2eBuildDir;
  const { controlUi, auth } = DIFFERENTIAL_GATEWAY_CONFIG;
  const password = `compat-${crypto.randomUUID()}`;
  const [withToken, withPassword] = await Promise.allSettled([
    startRealGateway({
      token: `compat-${crypto.randomUUID()}`,
      gateway: { controlUi: { ...controlUi, root }, auth },
    }),
    startRealPasswordGateway({ password, gateway: DIFFERENTIAL_GATEWAY_CONFIG }),
  ]);
  const running = [withToken, withPassword].flatMap((entry) =>
    entry.status === "fulfilled" ? [entry.value] : [],
  );
  const stopAll = async () => {
    await Promise.all(running.map((entry) => entry.stop()));
    const survivor = running.find((entry) => isRunning(entry.pid));
    if (survivor) throw new Error(`the real gateway (pid ${survivor.pid}) survived stop()`);
  };
  if (withToken.status === "rejected" || withPassword.status === "rejected") {
    await stopAll();
    const failed = [withToken, withPassword].find((entry) => entry.status === "rejected");
    throw (failed as PromiseRejectedResult).reason;
  }
  const { url, token, pid, stateDir, port, version } = withToken.value;
  project.provide("realGateway", { url, token, pid, stateDir, port, version });
  const other = withPassword.value;
  project.provide("realPasswordGateway", {
    url: other.url,
    token: password,
    pid: other.pid,
    stateDir: other.stateDir,
    port: other.port,
    version: other.version,
  });
  console.log(`compat: real gateways installed and ready in ${elapsed(started)}`);
  return async () => {
    await stopAll();
    console.log(`compat: whole run including install and start-up took ${elapsed(started)}`);
  };
}

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
