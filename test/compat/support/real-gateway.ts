import {
  ensureRealGateway,
  runOpenclawCli as runCli,
  startRealGateway as start,
  type CliResult,
  type StartedRealGateway,
} from "../../../scripts/real-gateway.mjs";
import type { PairList } from "../../../src/protocol";

// The compatibility suite's handle on a real openclaw gateway (spec §9). Installs on first
// use (a minute on a fresh machine, then reused from the cache outside the repo).

export type RealGateway = Pick<StartedRealGateway, "url" | "token" | "pid" | "stateDir" | "stop">;

const log = (line: string) => console.log(line);

export async function startRealGateway(options: {
  token: string;
  port?: number;
}): Promise<RealGateway & { readLog(): string }> {
  await ensureRealGateway({ log });
  return start({ ...options, log });
}

export async function runOpenclawCli(
  args: string[],
  options: { url: string; token: string },
): Promise<CliResult> {
  await ensureRealGateway();
  return runCli(args, options);
}

/** `openclaw devices list --json`: what the gateway itself has on record, pending and paired. */
export async function listDevicesWithCli(gateway: {
  url: string;
  token: string;
}): Promise<PairList> {
  const result = await runOpenclawCli(["devices", "list", "--json"], gateway);
  if (result.code !== 0) {
    throw new Error(`openclaw devices list failed (exit ${result.code}):\n${result.stderr}`);
  }
  return JSON.parse(result.stdout) as PairList;
}
