import type { TestProject } from "vitest/node";
import { startRealGateway } from "./real-gateway";

// Once per run: install (first time only) and start ONE real gateway for every compat file,
// since each start costs 15–40 s. It also serves the production build at "/" (the e2e setup,
// which runs first, made it), as `gateway.controlUi.root`. Stopping it is checked at the end.

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
  const gateway = await startRealGateway({
    token: `compat-${crypto.randomUUID()}`,
    gateway: { controlUi: { root } },
  });
  const { url, token, pid, stateDir, port, version } = gateway;
  project.provide("realGateway", { url, token, pid, stateDir, port, version });
  console.log(`compat: real gateway installed and ready in ${elapsed(started)}`);
  return async () => {
    await gateway.stop();
    if (isRunning(pid)) throw new Error(`the real gateway (pid ${pid}) survived stop()`);
    console.log(`compat: whole run including install and start-up took ${elapsed(started)}`);
  };
}

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
