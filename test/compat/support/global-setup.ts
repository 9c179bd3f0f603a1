import type { TestProject } from "vitest/node";
import { startRealGateway } from "./real-gateway";

// Once per run: install (first time only) and start ONE real gateway for every compat file,
// since each start costs 15–40 s. Stopping it is checked here, at the end of the run.

export type ProvidedRealGateway = { url: string; token: string; pid: number; stateDir: string };

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
  const gateway = await startRealGateway({ token: `compat-${crypto.randomUUID()}` });
  const { url, token, pid, stateDir } = gateway;
  project.provide("realGateway", { url, token, pid, stateDir });
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
